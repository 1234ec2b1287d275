//! Events: coordinators create them (one session or a series) and invite by rule;
//! buddies answer on their phone; coordinators record participants' answers; coordinators and
//! the partner tick attendance. The partner sees only the events it co-organises, and never a
//! participant.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::domain::event::{
    EventDetail, EventForm, EventSummary, InviteForm, MissedIntervision, MyInvitation, PersonEvent,
};
use crate::error::AppError;

/// The events page: what is coming and what just happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventList {
    pub events: Vec<EventSummary>,
    /// The programme's local time.
    pub now: chrono::NaiveDateTime,
}

/// How far back the events page looks, in days: recent events still get their attendance.
pub const RECENT_DAYS: i64 = 60;

#[cfg(feature = "ssr")]
fn is_partner(cx: &Ctx) -> bool {
    cx.user.role == crate::domain::account::Role::Screener
}

/// The event `id` as `cx` may see it: the partner only its co-organised events.
#[cfg(feature = "ssr")]
async fn visible_event(cx: &Ctx, id: i32) -> Result<crate::db::entities::event::Model, AppError> {
    use crate::domain::event::Organiser;
    let e = crate::db::events::find(&cx.state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let organiser: Organiser = crate::db::decode("event", "organiser", &e.organiser)?;
    if is_partner(cx) && !organiser.with_partner() {
        // Not "forbidden": the partner does not learn which other events exist.
        return Err(AppError::NotFound);
    }
    Ok(e)
}

#[server(endpoint = "list_events")]
pub async fn list_events() -> Result<EventList, AppError> {
    let cx = Ctx::authorize::<ListEvents>().await?;
    let tz = cx.state.config.time_zone;
    let since = cx.now - chrono::Duration::days(RECENT_DAYS);
    Ok(EventList {
        events: crate::db::events::list(&cx.state.db, since, is_partner(&cx), tz).await?,
        now: crate::domain::time::local_date_time(cx.now, tz),
    })
}

/// Creates an event, or a series with one event per session, and opens the first.
#[server(endpoint = "create_event")]
pub async fn create_event(form: EventForm) -> Result<i64, AppError> {
    use crate::api::drafts::{DraftForm, settle};
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let result: Result<i64, AppError> = async {
        let cx = Ctx::authorize::<CreateEvent>().await?;
        let tz = cx.state.config.time_zone;
        let new = form
            .check(crate::domain::time::local_date_time(cx.now, tz))
            .map_err(AppError::fields)?;
        let txn = cx.begin().await?;
        let ids = crate::db::events::create(&txn, &new, tz, cx.user.id, cx.now).await?;
        for id in &ids {
            cx.audit(
                &txn,
                AuditAction::Create,
                Record::new(RecordKind::Event, id),
            )
            .await?;
        }
        txn.commit().await?;
        let first = ids.first().copied().ok_or(AppError::NotFound)?;
        leptos_axum::redirect(&format!("/events/{first}"));
        Ok(first.into())
    }
    .await;
    // A refused form keeps what was typed, also without JavaScript.
    settle(DraftForm::Event, &form, result).await
}

/// One event with its invitations: all of them, or one `page` of `INVITEES_PAGE`.
#[server(endpoint = "get_event")]
pub async fn get_event(id: i32, page: Option<u32>) -> Result<EventDetail, AppError> {
    let cx = Ctx::authorize::<GetEvent>().await?;
    visible_event(&cx, id).await?;
    let tz = cx.state.config.time_zone;
    crate::db::events::detail(&cx.state.db, id, !is_partner(&cx), page, tz, cx.now)
        .await?
        .ok_or(AppError::NotFound)
}

/// How many were invited.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Invited {
    /// People newly invited (to the first session, for a series).
    pub people: u32,
    /// Sessions the invitation covers.
    pub sessions: u32,
    /// Mails queued.
    pub mails: u32,
}

/// Invites everyone `form`'s rule names today to event `id` (and to the later sessions of its
/// series). Buddies get a mail; participants are called or get a letter.
#[server(endpoint = "invite_to_event")]
pub async fn invite_to_event(id: i32, form: InviteForm) -> Result<Invited, AppError> {
    let cx = Ctx::authorize::<InviteToEvent>().await?;
    let rule = form.check().map_err(AppError::fields)?;
    let e = invitable_event(&cx, id).await?;
    let people = crate::db::events::audience(&cx.state.db, &rule, cx.today).await?;
    let invited = invite_and_tell(&cx, &e, &people, rule.audience.is_participants()).await?;
    if crate::auth::session::is_plain_form_post() {
        leptos_axum::redirect(&format!("/events/{id}"));
    }
    Ok(invited)
}

/// Invites one person by hand (`who`: a `WalkIn` code, as the walk-in list names them): the
/// same invitation, mail and series as by rule.
#[server(endpoint = "invite_person")]
pub async fn invite_person(id: i32, who: String) -> Result<Invited, AppError> {
    use crate::domain::event::WalkIn;
    let cx = Ctx::authorize::<InvitePerson>().await?;
    let who = WalkIn::from_code(&who)
        .ok_or_else(|| AppError::validation("who", crate::domain::validation::Problem::Required))?;
    let e = invitable_event(&cx, id).await?;
    let (person, participant) = match who {
        WalkIn::Buddy(b) => (b, false),
        WalkIn::Participant(p) => (p, true),
    };
    if !crate::db::events::person_exists(&cx.state.db, person, participant).await? {
        return Err(AppError::NotFound);
    }
    let invited = invite_and_tell(&cx, &e, &[person], participant).await?;
    if crate::auth::session::is_plain_form_post() {
        leptos_axum::redirect(&format!("/events/{id}"));
    }
    Ok(invited)
}

/// The event `id` when it still takes invitations: not cancelled, not begun.
#[cfg(feature = "ssr")]
async fn invitable_event(cx: &Ctx, id: i32) -> Result<crate::db::entities::event::Model, AppError> {
    let e = visible_event(cx, id).await?;
    if e.cancelled || e.starts_at <= cx.now {
        return Err(AppError::AnswerRefused(if e.cancelled {
            crate::domain::event::AnswerRefusal::Cancelled
        } else {
            crate::domain::event::AnswerRefusal::Started
        }));
    }
    Ok(e)
}

/// Invites `people` to `e` and the later sessions of its series, in one transaction; each new
/// buddy invitee with an account gets a mail with a single-use answer link.
#[cfg(feature = "ssr")]
async fn invite_and_tell(
    cx: &Ctx,
    e: &crate::db::entities::event::Model,
    people: &[i32],
    participants: bool,
) -> Result<Invited, AppError> {
    use crate::auth::token::{hash_token, new_token};
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::i18n::events::words;

    let (state, tz) = (&cx.state, cx.state.config.time_zone);
    let txn = cx.begin().await?;
    let sessions = crate::db::events::sessions_from(&txn, e, cx.now).await?;
    let first = sessions.first().copied().unwrap_or(e.id);
    // The link is valid until the (first) session starts; its hash goes in with the
    // invitation.
    let addresses = if participants {
        Vec::new()
    } else {
        let new = crate::db::events::not_invited(&txn, first, people, false).await?;
        crate::db::events::buddy_addresses(&txn, &new).await?
    };
    let tokens: Vec<String> = addresses.iter().map(|_| new_token()).collect();
    let links = crate::db::events::NewLinks {
        hashes: addresses
            .iter()
            .zip(&tokens)
            .map(|((buddy, _), token)| (*buddy, hash_token(token)))
            .collect(),
        expires_at: e.starts_at,
    };
    let fresh = crate::db::events::invite(
        &txn,
        &sessions,
        people,
        participants,
        &links,
        cx.user.id,
        cx.now,
    )
    .await?;
    // Only whom this call really invited (`fresh` is sorted): nobody gets two mails.
    let mailed: Vec<(&crate::db::outbox::Recipient, &String)> = addresses
        .iter()
        .zip(&tokens)
        .filter(|((buddy, _), _)| fresh.binary_search(buddy).is_ok())
        .map(|((_, to), token)| (to, token))
        .collect();
    if !mailed.is_empty() {
        let programme =
            crate::db::settings::programme_name(&txn, &state.config.programme_name).await?;
        let starts = crate::domain::time::local_date_time(e.starts_at, tz);
        let n = sessions.len();
        // Each in the buddy's own language.
        let mails: Vec<(String, String)> = mailed
            .iter()
            .map(|(to, token)| {
                let w = words(to.lang);
                let when = crate::domain::time::format_day_time(starts, to.lang);
                let link = format!("{}/events/answer?token={token}", state.config.public_url);
                (
                    (w.mail_subject)(&e.title),
                    (w.mail_body)(&programme, &e.title, &when, &e.place, n, &link),
                )
            })
            .collect();
        let messages: Vec<crate::db::outbox::NewMessage> = mailed
            .iter()
            .zip(&mails)
            .map(|((to, _), (subject, body))| crate::db::outbox::NewMessage {
                kind: "event_invitation",
                to: &to.to,
                subject,
                body,
            })
            .collect();
        crate::db::outbox::enqueue_many(&txn, &messages, cx.now).await?;
    }
    cx.audit(
        &txn,
        AuditAction::Update,
        Record::new(RecordKind::Event, e.id),
    )
    .await?;
    txn.commit().await?;
    Ok(Invited {
        people: fresh.len() as u32,
        sessions: sessions.len() as u32,
        mails: mailed.len() as u32,
    })
}

/// An answer as the form sends it: an `Answer` code.
#[cfg(feature = "ssr")]
fn read_answer(code: &str) -> Result<crate::domain::event::Answer, AppError> {
    crate::domain::event::Answer::from_code(code.trim())
        .ok_or_else(|| AppError::validation("answer", crate::domain::validation::Problem::Invalid))
}

/// Records an answer to invitation `invitation_id`, unless the event started, was cancelled
/// or closed its answers.
#[cfg(feature = "ssr")]
async fn record_answer(
    cx: &Ctx,
    invitation: &crate::db::entities::event_invitation::Model,
    event: &crate::db::entities::event::Model,
    answer: crate::domain::event::Answer,
) -> Result<(), AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    still_open(&cx.state, event, cx.now)?;
    let txn = cx.begin().await?;
    answer_and_tell(&cx.state, &txn, invitation, event, answer, cx.now).await?;
    let record = Record::new(RecordKind::EventInvitation, invitation.id);
    cx.audit(&txn, AuditAction::Update, record).await?;
    txn.commit().await?;
    Ok(())
}

/// Refuses an answer to an event that was cancelled, closed its answers or began.
#[cfg(feature = "ssr")]
fn still_open(
    state: &crate::state::AppState,
    event: &crate::db::entities::event::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    let local = |t| crate::domain::time::local_date_time(t, state.config.time_zone);
    match crate::domain::event::answer_refusal(
        local(event.starts_at),
        event.cancelled,
        event.answers_open,
        local(now),
    ) {
        Some(why) => Err(AppError::AnswerRefused(why)),
        None => Ok(()),
    }
}

/// Records an answer in `txn`, and offers the places it frees to whoever waits first. A yes
/// to an offered place confirms it; after its deadline the place has passed on.
#[cfg(feature = "ssr")]
async fn answer_and_tell(
    state: &crate::state::AppState,
    txn: &crate::db::writes::WriteTxn,
    invitation: &crate::db::entities::event_invitation::Model,
    event: &crate::db::entities::event::Model,
    answer: crate::domain::event::Answer,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    use crate::domain::event::{Answer, AnswerRefusal, offer_lapsed};
    if answer == Answer::Yes && offer_lapsed(invitation.offer_until, now) {
        return Err(AppError::AnswerRefused(AnswerRefusal::OfferLapsed));
    }
    let before = crate::db::events::allotment(txn, event).await?;
    crate::db::events::answer(txn, invitation, answer, now).await?;
    pass_on(state, txn, event, &before, invitation.id.into(), now).await
}

/// Offers the places that came free since `before` to those who moved up (apart from
/// `except`, who just answered): each holds the place until the admins' hours have passed
/// and gets a mail with the deadline when they are a buddy.
#[cfg(feature = "ssr")]
async fn pass_on(
    state: &crate::state::AppState,
    txn: &crate::db::writes::WriteTxn,
    event: &crate::db::entities::event::Model,
    before: &crate::domain::event::Allotment,
    except: i64,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    use crate::domain::time::{format_day_time, local_date_time};
    use crate::i18n::{Lang, events::words};
    let after = crate::db::events::allotment(txn, event).await?;
    let up = crate::domain::event::moved_up(before, &after, except);
    if up.is_empty() {
        return Ok(());
    }
    let hours = crate::db::settings::offer_hours(txn).await?;
    let until = crate::domain::event::offer_deadline(now, hours, event.starts_at);
    crate::db::events::offer(txn, &up, until).await?;
    let buddies = crate::db::events::buddies_of(txn, &up).await?;
    let addresses = crate::db::events::buddy_addresses(txn, &buddies).await?;
    let tz = state.config.time_zone;
    let starts = local_date_time(event.starts_at, tz);
    let until = until.map(|t| local_date_time(t, tz));
    let link = format!("{}/", state.config.public_url);
    let mail_in = |lang: Lang| {
        let w = words(lang);
        let body = (w.place_mail_body)(
            &event.title,
            &format_day_time(starts, lang),
            until.map(|t| format_day_time(t, lang)).as_deref(),
            &link,
        );
        ((w.place_mail_subject)(&event.title), body)
    };
    let mails: Vec<(String, String)> = addresses.iter().map(|(_, to)| mail_in(to.lang)).collect();
    let messages: Vec<crate::db::outbox::NewMessage> = addresses
        .iter()
        .zip(&mails)
        .map(|((_, to), (subject, body))| crate::db::outbox::NewMessage {
            kind: "event_place",
            to: &to.to,
            subject,
            body,
        })
        .collect();
    crate::db::outbox::enqueue_many(txn, &messages, now).await
}

/// For the background job: takes back the offered places nobody confirmed in time and offers
/// each to the next in line. Returns how many offers lapsed. Two instances at once: the
/// conditional update lets one of them take each offer back.
#[cfg(feature = "ssr")]
pub async fn pass_on_lapsed_offers(state: &crate::state::AppState) -> Result<usize, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    let now = state.clock.now();
    let mut lapsed = 0;
    for (invitation, event) in crate::db::events::lapsed_offers(&state.db, now).await? {
        let txn = state.begin().await?;
        let before = crate::db::events::allotment(&txn, &event).await?;
        if !crate::db::events::lapse(&txn, invitation.id, now).await? {
            txn.rollback().await?;
            continue;
        }
        pass_on(state, &txn, &event, &before, invitation.id.into(), now).await?;
        let record = Record::new(RecordKind::EventInvitation, invitation.id).parts();
        crate::audit::record(state, &txn, None, AuditAction::Update, Some(record)).await?;
        txn.commit().await?;
        lapsed += 1;
    }
    Ok(lapsed)
}

/// A coordinator records someone's answer (a participant called, a buddy who phoned).
#[server(endpoint = "record_event_answer")]
pub async fn record_event_answer(invitation_id: i32, answer: String) -> Result<(), AppError> {
    let cx = Ctx::authorize::<RecordEventAnswer>().await?;
    let answer = read_answer(&answer)?;
    let (invitation, event) = crate::db::events::invitation(&cx.state.db, invitation_id)
        .await?
        .ok_or(AppError::NotFound)?;
    visible_event(&cx, event.id).await?;
    record_answer(&cx, &invitation, &event, answer).await?;
    if crate::auth::session::is_plain_form_post() {
        leptos_axum::redirect(&format!("/events/{}", event.id));
    }
    Ok(())
}

/// Ticks whether the invitee came. The partner only for buddies at its own events.
#[server(endpoint = "tick_attendance")]
pub async fn tick_attendance(invitation_id: i32, attended: bool) -> Result<(), AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<TickAttendance>().await?;
    let (invitation, event) = crate::db::events::invitation(&cx.state.db, invitation_id)
        .await?
        .ok_or(AppError::NotFound)?;
    visible_event(&cx, event.id).await?;
    if is_partner(&cx) && invitation.buddy_id.is_none() {
        return Err(AppError::NotFound);
    }
    let txn = cx.begin().await?;
    crate::db::events::set_attended(&txn, invitation_id, attended).await?;
    let record = Record::new(RecordKind::EventInvitation, invitation_id);
    cx.audit(&txn, AuditAction::Update, record).await?;
    txn.commit().await?;
    if crate::auth::session::is_plain_form_post() {
        leptos_axum::redirect(&format!("/events/{}/attendance", event.id));
    }
    Ok(())
}

/// Cancels one session; invitees see it as cancelled and can no longer answer.
#[server(endpoint = "cancel_event")]
pub async fn cancel_event(id: i32) -> Result<(), AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<CancelEvent>().await?;
    let txn = cx.begin().await?;
    crate::db::events::cancel(&txn, id).await?;
    cx.audit(
        &txn,
        AuditAction::Update,
        Record::new(RecordKind::Event, id),
    )
    .await?;
    txn.commit().await?;
    if crate::auth::session::is_plain_form_post() {
        leptos_axum::redirect(&format!("/events/{id}"));
    }
    Ok(())
}

/// The signed-in buddy's invitations to events that have not ended.
#[server(endpoint = "my_invitations")]
pub async fn my_invitations() -> Result<Vec<MyInvitation>, AppError> {
    let cx = Ctx::authorize::<MyInvitations>().await?;
    let Some(buddy) = crate::db::buddies::id_of_user(&cx.state.db, cx.user.id).await? else {
        return Ok(Vec::new());
    };
    crate::db::events::for_buddy(&cx.state.db, buddy, cx.state.config.time_zone, cx.now).await
}

/// The signed-in buddy answers one of their own invitations.
#[server(endpoint = "answer_invitation")]
pub async fn answer_invitation(invitation_id: i32, answer: String) -> Result<(), AppError> {
    let cx = Ctx::authorize::<AnswerInvitation>().await?;
    let answer = read_answer(&answer)?;
    let buddy = crate::db::buddies::id_of_user(&cx.state.db, cx.user.id).await?;
    let (invitation, event) = crate::db::events::invitation(&cx.state.db, invitation_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if buddy.is_none() || invitation.buddy_id != buddy {
        // Someone else's invitation looks like none at all.
        return Err(AppError::NotFound);
    }
    record_answer(&cx, &invitation, &event, answer).await?;
    if crate::auth::session::is_plain_form_post() {
        leptos_axum::redirect("/");
    }
    Ok(())
}

/// Active buddies who came to no intervision for longer than the admins' period (the months
/// first).
#[server(name = MissedIntervisionFn, endpoint = "missed_intervision")]
pub async fn missed_intervision() -> Result<(u32, Vec<MissedIntervision>), AppError> {
    let cx = Ctx::authorize::<MissedIntervisionFn>().await?;
    let db = &cx.state.db;
    let months = crate::db::settings::intervision_months(db).await?;
    let tz = cx.state.config.time_zone;
    let missed = crate::db::events::missed_intervision(db, cx.today, months, tz, cx.now).await?;
    Ok((months, missed))
}

/// The events a person was invited to (`kind`: a `PersonKind` code), for their record.
#[server(endpoint = "person_events")]
pub async fn person_events(kind: String, id: i32) -> Result<Vec<PersonEvent>, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::privacy::PersonKind;

    let cx = Ctx::authorize::<PersonEvents>().await?;
    let kind = PersonKind::from_code(kind.trim())
        .ok_or_else(|| AppError::validation("kind", crate::domain::validation::Problem::Invalid))?;
    let participant = kind == PersonKind::Participant;
    let db = &cx.state.db;
    if participant {
        let record = Record::new(RecordKind::Participant, id);
        cx.audit(db, AuditAction::Read, record).await?;
    }
    crate::db::events::of_person(db, id, participant, cx.state.config.time_zone).await
}

/// What an answer link in a mail shows: the event and the answer so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkView {
    pub event: EventSummary,
    pub answer: Option<crate::domain::event::Answer>,
}

/// The open answer link `token`: `Expired` for a used, expired, altered or unknown one.
#[cfg(feature = "ssr")]
async fn open_link(
    cx: &Ctx<Option<crate::domain::account::CurrentUser>>,
    token: &str,
) -> Result<
    (
        crate::db::entities::event_invitation::Model,
        crate::db::entities::event::Model,
    ),
    AppError,
> {
    // Real tokens are 43 characters; anything else is not worth a query.
    if token.is_empty() || token.len() > 64 {
        return Err(AppError::Expired);
    }
    let hash = crate::auth::token::hash_token(token);
    crate::db::events::open_answer_link(&cx.state.db, &hash, cx.now)
        .await?
        .ok_or(AppError::Expired)
}

/// Public: the event an answer link is for. Reading it changes nothing (mail scanners open
/// links); only the buttons on its page answer.
#[server(endpoint = "answer_link_info")]
pub async fn answer_link_info(token: String) -> Result<LinkView, AppError> {
    let cx = Ctx::open::<AnswerLinkInfo>().await?;
    let (invitation, event) = open_link(&cx, &token).await?;
    let tz = cx.state.config.time_zone;
    let summary = crate::db::events::list_one(&event, tz)?;
    Ok(LinkView {
        event: summary,
        answer: invitation
            .answer
            .as_deref()
            .and_then(crate::domain::event::Answer::from_code),
    })
}

/// Public: records the answer of an invitation mail's link, once; it signs nobody in.
#[server(endpoint = "answer_by_link")]
pub async fn answer_by_link(token: String, answer: String) -> Result<(), AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::open::<AnswerByLink>().await?;
    let answer = read_answer(&answer)?;
    let (invitation, event) = open_link(&cx, &token).await?;
    still_open(&cx.state, &event, cx.now)?;
    let txn = cx.begin().await?;
    if !crate::db::events::use_answer_link(&txn, invitation.id, cx.now).await? {
        txn.rollback().await?;
        return Err(AppError::Expired);
    }
    answer_and_tell(&cx.state, &txn, &invitation, &event, answer, cx.now).await?;
    let record = Record::new(RecordKind::EventInvitation, invitation.id);
    cx.audit_by(&txn, None, AuditAction::Update, Some(record))
        .await?;
    txn.commit().await?;
    leptos_axum::redirect("/events/answered");
    Ok(())
}

/// The letters and the call list for the participants invited to event `id`; each
/// participant's record read is audited.
#[server(endpoint = "event_letters")]
pub async fn event_letters(id: i32) -> Result<crate::domain::event::Letters, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<EventLetters>().await?;
    let e = visible_event(&cx, id).await?;
    let db = &cx.state.db;
    let people = crate::db::events::addressees(db, id).await?;
    for p in &people {
        let record = Record::new(RecordKind::Participant, p.participant_id);
        cx.audit(db, AuditAction::Read, record).await?;
    }
    let tz = cx.state.config.time_zone;
    Ok(crate::domain::event::Letters {
        event: crate::db::events::list_one(&e, tz)?,
        description: e.description.clone(),
        programme: crate::db::settings::programme_name(db, &cx.state.config.programme_name).await?,
        phone: crate::db::settings::first_steps(db).await?.0.phone,
        people,
    })
}

/// Who can be added as a walk-in at event `id`: the partner only buddies, and participants
/// only at a meeting for waiting participants.
#[server(endpoint = "walk_in_choices")]
pub async fn walk_in_choices(id: i32) -> Result<Vec<crate::domain::event::WalkInChoice>, AppError> {
    use crate::domain::event::EventKind;
    let cx = Ctx::authorize::<WalkInChoices>().await?;
    let e = visible_event(&cx, id).await?;
    let kind: EventKind = crate::db::decode("event", "kind", &e.kind)?;
    let with_participants = !is_partner(&cx) && kind == EventKind::WaitingMeeting;
    crate::db::events::walk_in_choices(&cx.state.db, id, with_participants).await
}

/// Adds someone who came without an invitation (`who`: a `WalkIn` code) as present.
#[server(endpoint = "add_walk_in")]
pub async fn add_walk_in(id: i32, who: String) -> Result<(), AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::event::WalkIn;

    let cx = Ctx::authorize::<AddWalkIn>().await?;
    let who = WalkIn::from_code(&who)
        .ok_or_else(|| AppError::validation("who", crate::domain::validation::Problem::Required))?;
    let e = visible_event(&cx, id).await?;
    if is_partner(&cx) && matches!(who, WalkIn::Participant(_)) {
        return Err(AppError::NotFound);
    }
    if e.cancelled {
        return Err(AppError::AnswerRefused(
            crate::domain::event::AnswerRefusal::Cancelled,
        ));
    }
    let txn = cx.begin().await?;
    let invitation = crate::db::events::add_walk_in(&txn, id, who, cx.user.id, cx.now).await?;
    let record = Record::new(RecordKind::EventInvitation, invitation);
    cx.audit(&txn, AuditAction::Create, record).await?;
    txn.commit().await?;
    if crate::auth::session::is_plain_form_post() {
        leptos_axum::redirect(&format!("/events/{id}/attendance"));
    }
    Ok(())
}

/// Whether the signed-in buddy gets a reminder mail the day before an event.
#[server(endpoint = "event_reminders")]
pub async fn event_reminders() -> Result<bool, AppError> {
    let cx = Ctx::authorize::<EventReminders>().await?;
    match crate::db::buddies::id_of_user(&cx.state.db, cx.user.id).await? {
        Some(buddy) => crate::db::events::reminders_on(&cx.state.db, buddy).await,
        None => Ok(false),
    }
}

/// The signed-in buddy turns the reminder mails for events on or off.
#[server(endpoint = "set_event_reminders")]
pub async fn set_event_reminders(on: bool) -> Result<(), AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<SetEventReminders>().await?;
    let buddy = crate::db::buddies::id_of_user(&cx.state.db, cx.user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let txn = cx.begin().await?;
    crate::db::events::set_reminders(&txn, buddy, on).await?;
    cx.audit(
        &txn,
        AuditAction::Update,
        Record::new(RecordKind::Buddy, buddy),
    )
    .await?;
    txn.commit().await?;
    if crate::auth::session::is_plain_form_post() {
        leptos_axum::redirect("/account");
    }
    Ok(())
}
