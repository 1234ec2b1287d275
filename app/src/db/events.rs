//! Events, one row per session (a series shares the first session's id as `series_id`), and
//! their invitations with the answer, when the current yes was given, and attendance.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::entities::{buddy, duo, event, event_invitation as inv, participant, user};
use crate::domain::duo::DuoStage;
use crate::domain::event::{
    Allotment, Answer, Audience, Counts, EventDetail, EventKind, EventSummary, INVITEES_PAGE,
    InvitationRow, InviteRule, Invitee, MissedIntervision, MyInvitation, NewEvent, PersonEvent,
    Seat, WalkIn, WalkInChoice, Yes, allot, answer_refusal, misses_intervision, seat_of,
};
use crate::domain::people::{BuddyStatus, ParticipantStatus};
use crate::domain::time::{local_date_time, to_utc};
use crate::error::AppError;

const TABLE: &str = "event";

/// Stores the sessions of `e` and returns their ids, first session first.
pub async fn create(
    db: &impl ConnectionTrait,
    e: &NewEvent,
    tz: Tz,
    by: i32,
    now: DateTime<Utc>,
) -> Result<Vec<i32>, AppError> {
    // A kind from the admins' list: one that is in use and means what the form says.
    let invalid = || AppError::validation("kind", crate::domain::validation::Problem::Invalid);
    let kind_name = match e.kind_id {
        Some(id) => {
            let id = i32::try_from(id).map_err(|_| invalid())?;
            let entry = super::entities::event_kind::Entity::find_by_id(id)
                .filter(super::entities::event_kind::Column::Active.eq(true))
                .filter(super::entities::event_kind::Column::Meaning.eq(e.kind.code()))
                .one(db)
                .await?
                .ok_or_else(invalid)?;
            entry.name
        }
        None => None,
    };
    let mut ids = Vec::with_capacity(e.sessions.len());
    let mut series_id = None;
    // A campaign gets a short public code (on its first session); a clash is retried.
    let mut code = None;
    if e.kind == EventKind::Campaign {
        for _ in 0..10 {
            let candidate = new_code();
            let taken = event::Entity::find()
                .filter(event::Column::Code.eq(&candidate))
                .one(db)
                .await?
                .is_some();
            if !taken {
                code = Some(candidate);
                break;
            }
        }
    }
    for s in &e.sessions {
        let row = event::ActiveModel {
            kind: Set(e.kind.code().to_owned()),
            kind_name: Set(kind_name.clone()),
            title: Set(e.title.clone()),
            description: Set(e.description.clone()),
            place: Set(e.place.clone()),
            link: Set(e.link.clone()),
            starts_at: Set(to_utc(s.starts_at, tz)),
            ends_at: Set(to_utc(s.ends_at, tz)),
            capacity: Set(e.capacity.map(|c| c as i32)),
            organiser: Set(e.organiser.code().to_owned()),
            answers_open: Set(e.answers_open),
            cancelled: Set(false),
            series_id: Set(series_id),
            code: Set(code.take()),
            created_by: Set(Some(by)),
            created_at: Set(now),
            version: Set(1),
            ..Default::default()
        };
        let id = event::Entity::insert(row).exec(db).await?.last_insert_id;
        if series_id.is_none() && e.sessions.len() > 1 {
            series_id = Some(id);
            event::Entity::update_many()
                .col_expr(event::Column::SeriesId, Expr::value(id))
                .filter(event::Column::Id.eq(id))
                .exec(db)
                .await?;
        }
        ids.push(id);
    }
    Ok(ids)
}

/// A new campaign code from [`CODE_ALPHABET`](crate::domain::event::CODE_ALPHABET).
fn new_code() -> String {
    use crate::domain::event::{CODE_ALPHABET, CODE_LEN};
    use rand::Rng;
    let mut rng = rand::thread_rng();
    (0..CODE_LEN)
        .map(|_| char::from(CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())]))
        .collect()
}

/// The campaign (its first session's id) with this public code.
pub async fn campaign_by_code(
    db: &impl ConnectionTrait,
    code: &str,
) -> Result<Option<i32>, AppError> {
    Ok(event::Entity::find()
        .select_only()
        .column(event::Column::Id)
        .filter(event::Column::Code.eq(code))
        .filter(event::Column::Kind.eq(EventKind::Campaign.code()))
        .into_tuple::<i32>()
        .one(db)
        .await?)
}

/// What the campaign `id` brought (the buddies who named its code).
async fn campaign_tally(
    db: &impl ConnectionTrait,
    id: i32,
    today: NaiveDate,
    tz: Tz,
) -> Result<crate::domain::event::CampaignTally, AppError> {
    use super::entities::status_change;
    use crate::domain::event::Recruit;
    let buddies = buddy::Entity::find()
        .select_only()
        .columns([
            buddy::Column::Id,
            buddy::Column::AppliedOn,
            buddy::Column::ApprovedOn,
        ])
        .filter(buddy::Column::CampaignEventId.eq(id))
        .into_tuple::<(i32, NaiveDate, Option<NaiveDate>)>()
        .all(db)
        .await?;
    let ids: Vec<i32> = buddies.iter().map(|b| b.0).collect();
    let mut matched = std::collections::HashSet::new();
    let mut left: HashMap<i32, NaiveDate> = HashMap::new();
    for chunk in ids.chunks(500) {
        matched.extend(
            duo::Entity::find()
                .select_only()
                .column(duo::Column::BuddyId)
                .filter(duo::Column::BuddyId.is_in(chunk.to_vec()))
                .into_tuple::<i32>()
                .all(db)
                .await?,
        );
        let gone = [BuddyStatus::Stopped.code(), BuddyStatus::NotApproved.code()];
        for (subject, at) in status_change::Entity::find()
            .select_only()
            .columns([status_change::Column::SubjectId, status_change::Column::At])
            .filter(status_change::Column::SubjectKind.eq(crate::domain::audit::kind::BUDDY))
            .filter(status_change::Column::SubjectId.is_in(chunk.to_vec()))
            .filter(status_change::Column::ToStatus.is_in(gone))
            .into_tuple::<(i32, DateTime<Utc>)>()
            .all(db)
            .await?
        {
            let day = local_date_time(at, tz).date();
            let entry = left.entry(subject).or_insert(day);
            *entry = Ord::min(*entry, day);
        }
    }
    let recruits: Vec<Recruit> = buddies
        .iter()
        .map(|(id, applied_on, approved_on)| Recruit {
            applied_on: *applied_on,
            approved: approved_on.is_some(),
            matched: matched.contains(id),
            left_on: left.get(id).copied(),
        })
        .collect();
    Ok(crate::domain::event::campaign_tally(&recruits, today))
}

/// Records where an application came from.
pub async fn set_source(
    db: &impl ConnectionTrait,
    buddy_id: i32,
    heard_via: Option<crate::domain::event::HeardVia>,
    campaign: Option<i32>,
) -> Result<(), AppError> {
    buddy::Entity::update_many()
        .col_expr(
            buddy::Column::HeardVia,
            Expr::value(heard_via.map(|h| h.code())),
        )
        .col_expr(buddy::Column::CampaignEventId, Expr::value(campaign))
        .filter(buddy::Column::Id.eq(buddy_id))
        .exec(db)
        .await?;
    Ok(())
}

fn summary(m: &event::Model, counts: Counts, tz: Tz) -> Result<EventSummary, AppError> {
    Ok(EventSummary {
        id: m.id.into(),
        kind: super::decode(TABLE, "kind", &m.kind)?,
        kind_name: m.kind_name.clone(),
        title: m.title.clone(),
        starts_at: local_date_time(m.starts_at, tz),
        ends_at: local_date_time(m.ends_at, tz),
        place: m.place.clone(),
        capacity: m.capacity.and_then(|c| u32::try_from(c).ok()),
        organiser: super::decode(TABLE, "organiser", &m.organiser)?,
        answers_open: m.answers_open,
        cancelled: m.cancelled,
        series_id: m.series_id.map(i64::from),
        counts,
    })
}

/// The answers' and attendance counts of one event from its invitations.
fn count(capacity: Option<i32>, rows: &[&inv::Model]) -> Counts {
    let mut c = Counts {
        invited: rows.len() as u32,
        ..Default::default()
    };
    for r in rows {
        match r.answer.as_deref().and_then(Answer::from_code) {
            Some(Answer::Yes) => c.yes += 1,
            Some(Answer::No) => c.no += 1,
            Some(Answer::Maybe) => c.maybe += 1,
            None => {}
        }
        c.attended += u32::from(r.attended);
    }
    if let Some(cap) = capacity.and_then(|c| u32::try_from(c).ok()) {
        c.waiting = c.yes.saturating_sub(cap);
    }
    c
}

/// One event as lists show it, without its counts.
pub fn list_one(e: &event::Model, tz: Tz) -> Result<EventSummary, AppError> {
    summary(e, Counts::default(), tz)
}

/// Events from `since` on, earliest first; with `partner_only`, those the partner organises.
pub async fn list(
    db: &impl ConnectionTrait,
    since: DateTime<Utc>,
    partner_only: bool,
    tz: Tz,
) -> Result<Vec<EventSummary>, AppError> {
    let mut query = event::Entity::find()
        .filter(event::Column::StartsAt.gte(since))
        .order_by_asc(event::Column::StartsAt)
        .order_by_asc(event::Column::Id);
    if partner_only {
        query = query.filter(event::Column::Organiser.is_in(partner_codes()));
    }
    let events = query.all(db).await?;
    let ids: Vec<i32> = events.iter().map(|e| e.id).collect();
    let mut by_event: HashMap<i32, Vec<inv::Model>> = HashMap::new();
    for chunk in ids.chunks(500) {
        for r in inv::Entity::find()
            .filter(inv::Column::EventId.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            by_event.entry(r.event_id).or_default().push(r);
        }
    }
    events
        .iter()
        .map(|e| {
            let rows: Vec<&inv::Model> = by_event.get(&e.id).into_iter().flatten().collect();
            summary(e, count(e.capacity, &rows), tz)
        })
        .collect()
}

fn partner_codes() -> Vec<&'static str> {
    crate::domain::event::Organiser::ALL
        .into_iter()
        .filter(|o| o.with_partner())
        .map(|o| o.code())
        .collect()
}

/// One event's row.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> Result<Option<event::Model>, AppError> {
    Ok(event::Entity::find_by_id(id).one(db).await?)
}

fn yes_of(r: &inv::Model) -> Option<Yes> {
    (r.answer.as_deref() == Some(Answer::Yes.code())).then(|| Yes {
        invitee_id: r.id.into(),
        since_ms: r.yes_since.map_or(0, |t| t.timestamp_millis()),
    })
}

/// The seat of invitation `r`, an open offer's deadline in local time.
fn seat(allotment: &Allotment, r: &inv::Model, tz: Tz) -> Option<Seat> {
    seat_of(
        allotment,
        r.id.into(),
        r.offer_until.map(|t| local_date_time(t, tz)),
    )
}

/// "First Last" of the people `ids` of a table with the columns (id, first name, last name).
async fn names<E>(
    db: &impl ConnectionTrait,
    ids: &[i32],
    columns: [E::Column; 3],
) -> Result<HashMap<i32, String>, AppError>
where
    E: EntityTrait,
{
    let mut out = HashMap::new();
    for chunk in ids.chunks(500) {
        for (id, first, last) in E::find()
            .select_only()
            .columns(columns)
            .filter(columns[0].is_in(chunk.to_vec()))
            .into_tuple::<(i32, String, String)>()
            .all(db)
            .await?
        {
            out.insert(id, format!("{first} {last}"));
        }
    }
    Ok(out)
}

/// One event with its invitations; participants' rows only `with_participants` (the partner
/// never sees them).
pub async fn detail(
    db: &impl ConnectionTrait,
    id: i32,
    with_participants: bool,
    page: Option<u32>,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<Option<EventDetail>, AppError> {
    let Some(e) = find(db, id).await? else {
        return Ok(None);
    };
    let rows = inv::Entity::find()
        .filter(inv::Column::EventId.eq(id))
        .all(db)
        .await?;
    let all: Vec<&inv::Model> = rows.iter().collect();
    let counts = count(e.capacity, &all);
    let yeses: Vec<Yes> = rows.iter().filter_map(yes_of).collect();
    let allotment = allot(e.capacity.and_then(|c| u32::try_from(c).ok()), &yeses);
    let buddy_ids: Vec<i32> = rows.iter().filter_map(|r| r.buddy_id).collect();
    let participant_ids: Vec<i32> = rows.iter().filter_map(|r| r.participant_id).collect();
    let buddies = names::<buddy::Entity>(
        db,
        &buddy_ids,
        [
            buddy::Column::Id,
            buddy::Column::FirstName,
            buddy::Column::LastName,
        ],
    )
    .await?;
    let participants = if with_participants {
        names::<participant::Entity>(
            db,
            &participant_ids,
            [
                participant::Column::Id,
                participant::Column::FirstName,
                participant::Column::LastName,
            ],
        )
        .await?
    } else {
        HashMap::new()
    };
    let mut invitations: Vec<InvitationRow> = rows
        .iter()
        .filter_map(|r| {
            let invitee = match (r.buddy_id, r.participant_id) {
                (Some(b), _) => Invitee::Buddy {
                    id: b.into(),
                    name: buddies.get(&b).cloned().unwrap_or_default(),
                },
                (None, Some(p)) if with_participants => Invitee::Participant {
                    id: p.into(),
                    name: participants.get(&p).cloned().unwrap_or_default(),
                },
                _ => return None,
            };
            Some(InvitationRow {
                id: r.id.into(),
                invitee,
                answer: r.answer.as_deref().and_then(Answer::from_code),
                seat: seat(&allotment, r, tz),
                attended: r.attended,
            })
        })
        .collect();
    invitations.sort_by(|a, b| {
        a.invitee
            .name()
            .to_lowercase()
            .cmp(&b.invitee.name().to_lowercase())
            .then(a.id.cmp(&b.id))
    });
    let total = invitations.len() as u32;
    if let Some(page) = page {
        // Ten thousand invitees stay one page of a hundred at a time.
        let from = (page as usize).saturating_mul(INVITEES_PAGE);
        invitations = invitations
            .into_iter()
            .skip(from)
            .take(INVITEES_PAGE)
            .collect();
    }
    let mut event = summary(&e, counts, tz)?;
    if !with_participants {
        // The partner's counts leave out participants' answers too.
        let buddy_rows: Vec<&inv::Model> = rows.iter().filter(|r| r.buddy_id.is_some()).collect();
        event.counts = count(e.capacity, &buddy_rows);
    }
    let campaign = match &e.code {
        Some(code) => {
            let today = local_date_time(now, tz).date();
            Some((code.clone(), campaign_tally(db, e.id, today, tz).await?))
        }
        None => None,
    };
    Ok(Some(EventDetail {
        total,
        page,
        event,
        description: e.description,
        link: e.link,
        invitations,
        now: local_date_time(now, tz),
        campaign,
    }))
}

/// The events an invitation to `id` covers: the sessions of its series that have not begun,
/// or the event alone.
pub async fn sessions_from(
    db: &impl ConnectionTrait,
    e: &event::Model,
    now: DateTime<Utc>,
) -> Result<Vec<i32>, AppError> {
    match e.series_id {
        None => Ok(vec![e.id]),
        Some(series) => Ok(event::Entity::find()
            .select_only()
            .column(event::Column::Id)
            .filter(event::Column::SeriesId.eq(series))
            .filter(event::Column::StartsAt.gt(now))
            .filter(event::Column::Cancelled.eq(false))
            .order_by_asc(event::Column::StartsAt)
            .into_tuple::<i32>()
            .all(db)
            .await?),
    }
}

/// The people `rule` names today: buddy ids or participant ids (by `rule.audience`).
pub async fn audience(
    db: &impl ConnectionTrait,
    rule: &InviteRule,
    today: NaiveDate,
) -> Result<Vec<i32>, AppError> {
    let buddies = |statuses: &[BuddyStatus]| {
        buddy::Entity::find()
            .select_only()
            .column(buddy::Column::Id)
            .filter(buddy::Column::ErasedOn.is_null())
            .filter(buddy::Column::Status.is_in(statuses.iter().map(|s| s.code())))
            .order_by_asc(buddy::Column::Id)
    };
    let ids = match rule.audience {
        Audience::ActiveBuddies => {
            let in_duo: Vec<i32> = duo::Entity::find()
                .select_only()
                .column(duo::Column::BuddyId)
                .filter(duo::Column::Stage.eq(DuoStage::Active.code()))
                .distinct()
                .into_tuple::<i32>()
                .all(db)
                .await?;
            let mut ids = Vec::new();
            for chunk in in_duo.chunks(500) {
                ids.extend(
                    buddy::Entity::find()
                        .select_only()
                        .column(buddy::Column::Id)
                        .filter(buddy::Column::ErasedOn.is_null())
                        .filter(buddy::Column::Id.is_in(chunk.to_vec()))
                        .into_tuple::<i32>()
                        .all(db)
                        .await?,
                );
            }
            ids.sort_unstable();
            ids
        }
        Audience::FirstYearBuddies => {
            let year_ago = today
                .checked_sub_months(chrono::Months::new(12))
                .unwrap_or(today);
            buddies(&[BuddyStatus::Available, BuddyStatus::InDuo])
                .filter(buddy::Column::ApprovedOn.gt(year_ago))
                .into_tuple::<i32>()
                .all(db)
                .await?
        }
        Audience::BuddiesWithoutDuo => {
            buddies(&[BuddyStatus::Available])
                .into_tuple::<i32>()
                .all(db)
                .await?
        }
        Audience::CandidateBuddies => {
            buddies(&[BuddyStatus::Applied, BuddyStatus::Screening])
                .into_tuple::<i32>()
                .all(db)
                .await?
        }
        Audience::WaitingParticipants => {
            let mut q = participant::Entity::find()
                .select_only()
                .column(participant::Column::Id)
                .filter(participant::Column::ErasedOn.is_null())
                .filter(participant::Column::Status.eq(ParticipantStatus::Waiting.code()))
                .order_by_asc(participant::Column::Id);
            if let Some(m) = rule.municipality_id.and_then(|m| i32::try_from(m).ok()) {
                q = q.filter(participant::Column::MunicipalityId.eq(m));
            }
            if let Some(months) = rule.min_months {
                let before = today
                    .checked_sub_months(chrono::Months::new(months))
                    .unwrap_or(today);
                q = q.filter(participant::Column::WaitingSince.lte(before));
            }
            q.into_tuple::<i32>().all(db).await?
        }
    };
    Ok(ids)
}

/// What an invitation mail's answer link needs stored: its token's hash and until when.
pub struct NewLinks {
    /// Buddy id → hash of the token in their mail.
    pub hashes: HashMap<i32, String>,
    pub expires_at: DateTime<Utc>,
}

/// Of `people` (buddies, or `participants`), those not invited yet to the first of `events`.
pub async fn not_invited(
    db: &impl ConnectionTrait,
    event_id: i32,
    people: &[i32],
    participants: bool,
) -> Result<Vec<i32>, AppError> {
    let person = person_column(participants);
    let already: std::collections::HashSet<i32> = inv::Entity::find()
        .select_only()
        .column(person)
        .filter(inv::Column::EventId.eq(event_id))
        .filter(person.is_not_null())
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(people
        .iter()
        .copied()
        .filter(|p| !already.contains(p))
        .collect())
}

fn person_column(participants: bool) -> inv::Column {
    if participants {
        inv::Column::ParticipantId
    } else {
        inv::Column::BuddyId
    }
}

/// Invites `people` (buddies, or `participants`) to each of `events` (a session and the later
/// ones of its series) where they are not invited yet; the first session's invitations carry
/// the answer links of `links`. Returns whom the first session newly invited: when two
/// coordinators invite at once, the unique index keeps one invitation, and only its inviter
/// counts it (and mails it).
pub async fn invite(
    db: &impl ConnectionTrait,
    events: &[i32],
    people: &[i32],
    participants: bool,
    links: &NewLinks,
    by: i32,
    now: DateTime<Utc>,
) -> Result<Vec<i32>, AppError> {
    let person = person_column(participants);
    let mut fresh = Vec::new();
    for (n, &event_id) in events.iter().enumerate() {
        let new = not_invited(db, event_id, people, participants).await?;
        // Batches of 2,000 (13 values a row): SQLite allows 32,766 bound values per
        // statement; a programme's whole buddy list goes in one.
        for chunk in new.chunks(2000) {
            let rows = chunk.iter().map(|&p| {
                let hash = (n == 0 && !participants)
                    .then(|| links.hashes.get(&p).cloned())
                    .flatten();
                inv::ActiveModel {
                    event_id: Set(event_id),
                    buddy_id: Set((!participants).then_some(p)),
                    participant_id: Set(participants.then_some(p)),
                    answer: Set(None),
                    answered_at: Set(None),
                    yes_since: Set(None),
                    attended: Set(false),
                    invited_at: Set(now),
                    invited_by: Set(Some(by)),
                    offer_until: Set(None),
                    link_expires_at: Set(hash.as_ref().map(|_| links.expires_at)),
                    link_hash: Set(hash),
                    link_used_at: Set(None),
                    ..Default::default()
                }
            });
            let insert = inv::Entity::insert_many(rows)
                .on_conflict_do_nothing_on([inv::Column::EventId, person]);
            if n == 0 {
                // The rows really written (a conflict writes and returns nothing): only the
                // person's column comes back, not 2,000 whole rows to decode.
                use sea_orm::QueryTrait;
                let mut statement = insert.into_query();
                statement.returning_col(person);
                let backend = db.get_database_backend();
                for row in db.query_all_raw(backend.build(&statement)).await? {
                    fresh.push(row.try_get_by_index::<i32>(0)?);
                }
            } else {
                insert.exec_without_returning(db).await?;
            }
        }
    }
    fresh.sort_unstable();
    Ok(fresh)
}

/// Each buddy in `buddies` that has an active account, with its e-mail address and language.
pub async fn buddy_addresses(
    db: &impl ConnectionTrait,
    buddies: &[i32],
) -> Result<Vec<(i32, super::outbox::Recipient)>, AppError> {
    let mut out = Vec::new();
    for chunk in buddies.chunks(500) {
        let users: HashMap<i32, i32> = buddy::Entity::find()
            .select_only()
            .columns([buddy::Column::UserId, buddy::Column::Id])
            .filter(buddy::Column::Id.is_in(chunk.to_vec()))
            .filter(buddy::Column::UserId.is_not_null())
            .into_tuple::<(i32, i32)>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let ids: Vec<i32> = users.keys().copied().collect();
        for (user_id, to, language) in user::Entity::find()
            .select_only()
            .columns([
                user::Column::Id,
                user::Column::Email,
                user::Column::Language,
            ])
            .filter(user::Column::Id.is_in(ids))
            .filter(user::Column::Active.eq(true))
            .into_tuple::<(i32, String, Option<String>)>()
            .all(db)
            .await?
        {
            if let Some(&buddy_id) = users.get(&user_id) {
                let lang = super::users::mail_language(language.as_deref())?;
                out.push((buddy_id, super::outbox::Recipient { to, lang }));
            }
        }
    }
    out.sort_unstable_by_key(|(buddy, _)| *buddy);
    Ok(out)
}

/// The invitation whose unused, unexpired answer link has this token hash, with its event.
pub async fn open_answer_link(
    db: &impl ConnectionTrait,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<(inv::Model, event::Model)>, AppError> {
    let Some(i) = inv::Entity::find()
        .filter(inv::Column::LinkHash.eq(token_hash))
        .filter(inv::Column::LinkUsedAt.is_null())
        .filter(inv::Column::LinkExpiresAt.gt(now))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let e = find(db, i.event_id)
        .await?
        .ok_or_else(|| AppError::internal("an event_invitation without its event"))?;
    Ok(Some((i, e)))
}

/// Marks invitation `id`'s link used; `false` when someone used it first (it is single-use).
pub async fn use_answer_link(
    db: &impl ConnectionTrait,
    id: i32,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    Ok(inv::Entity::update_many()
        .col_expr(inv::Column::LinkUsedAt, Expr::value(now))
        .filter(inv::Column::Id.eq(id))
        .filter(inv::Column::LinkUsedAt.is_null())
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// One invitation with its event.
pub async fn invitation(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<(inv::Model, event::Model)>, AppError> {
    let Some(i) = inv::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let e = find(db, i.event_id)
        .await?
        .ok_or_else(|| AppError::internal(format!("event_invitation {id} without its event")))?;
    Ok(Some((i, e)))
}

/// Who has a place at `event` and who waits, by invitation id.
pub async fn allotment(
    db: &impl ConnectionTrait,
    event: &event::Model,
) -> Result<Allotment, AppError> {
    let rows = inv::Entity::find()
        .filter(inv::Column::EventId.eq(event.id))
        .filter(inv::Column::Answer.eq(Answer::Yes.code()))
        .all(db)
        .await?;
    let yeses: Vec<Yes> = rows.iter().filter_map(yes_of).collect();
    Ok(allot(
        event.capacity.and_then(|c| u32::try_from(c).ok()),
        &yeses,
    ))
}

/// The buddies of these invitations (participants' invitations have none).
pub async fn buddies_of(
    db: &impl ConnectionTrait,
    invitations: &[i64],
) -> Result<Vec<i32>, AppError> {
    let ids: Vec<i32> = invitations
        .iter()
        .filter_map(|i| i32::try_from(*i).ok())
        .collect();
    Ok(inv::Entity::find()
        .select_only()
        .column(inv::Column::BuddyId)
        .filter(inv::Column::Id.is_in(ids))
        .filter(inv::Column::BuddyId.is_not_null())
        .into_tuple::<i32>()
        .all(db)
        .await?)
}

/// Records `answer`; a yes keeps its place in line when it was a yes already (a yes to an
/// offered place confirms it), and a new yes goes to the end of the line.
pub async fn answer(
    db: &impl ConnectionTrait,
    invitation: &inv::Model,
    answer: Answer,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let was_yes = invitation.answer.as_deref() == Some(Answer::Yes.code());
    let yes_since = match (answer, was_yes) {
        (Answer::Yes, true) => invitation.yes_since.or(Some(now)),
        (Answer::Yes, false) => Some(now),
        _ => None,
    };
    inv::Entity::update_many()
        .col_expr(inv::Column::Answer, Expr::value(answer.code()))
        .col_expr(inv::Column::AnsweredAt, Expr::value(now))
        .col_expr(inv::Column::YesSince, Expr::value(yes_since))
        .col_expr(inv::Column::OfferUntil, Expr::value(None::<DateTime<Utc>>))
        .filter(inv::Column::Id.eq(invitation.id))
        .exec(db)
        .await?;
    Ok(())
}

/// Holds the places that came free for `invitations` until `until` (`None`: theirs outright).
pub async fn offer(
    db: &impl ConnectionTrait,
    invitations: &[i64],
    until: Option<DateTime<Utc>>,
) -> Result<(), AppError> {
    let ids: Vec<i32> = invitations
        .iter()
        .filter_map(|i| i32::try_from(*i).ok())
        .collect();
    if until.is_none() || ids.is_empty() {
        return Ok(());
    }
    inv::Entity::update_many()
        .col_expr(inv::Column::OfferUntil, Expr::value(until))
        .filter(inv::Column::Id.is_in(ids))
        .exec(db)
        .await?;
    Ok(())
}

/// Offers that ran out unconfirmed by `now`, oldest first, with their events.
pub async fn lapsed_offers(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<Vec<(inv::Model, event::Model)>, AppError> {
    let rows = inv::Entity::find()
        .filter(inv::Column::Answer.eq(Answer::Yes.code()))
        .filter(inv::Column::OfferUntil.lte(now))
        .order_by_asc(inv::Column::OfferUntil)
        .limit(500)
        .all(db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.event_id).collect();
    let events: HashMap<i32, event::Model> = event::Entity::find()
        .filter(event::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|r| events.get(&r.event_id).cloned().map(|e| (r, e)))
        .collect())
}

/// Takes back a lapsed offer: the invitation is unanswered again (a new yes joins the end of
/// the line). `false` when it was confirmed or taken back meanwhile (another instance).
pub async fn lapse(
    db: &impl ConnectionTrait,
    invitation_id: i32,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    Ok(inv::Entity::update_many()
        .col_expr(inv::Column::Answer, Expr::value(None::<String>))
        .col_expr(inv::Column::AnsweredAt, Expr::value(now))
        .col_expr(inv::Column::YesSince, Expr::value(None::<DateTime<Utc>>))
        .col_expr(inv::Column::OfferUntil, Expr::value(None::<DateTime<Utc>>))
        .filter(inv::Column::Id.eq(invitation_id))
        .filter(inv::Column::Answer.eq(Answer::Yes.code()))
        .filter(inv::Column::OfferUntil.lte(now))
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// For the reminders: the buddies' invitations with a place at the events that start between
/// `from` and `to` (not cancelled), of buddies who did not turn event reminders off.
pub async fn placed_buddies_between(
    db: &impl ConnectionTrait,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(event::Model, inv::Model)>, AppError> {
    let events = event::Entity::find()
        .filter(event::Column::StartsAt.gte(from))
        .filter(event::Column::StartsAt.lt(to))
        .filter(event::Column::Cancelled.eq(false))
        .all(db)
        .await?;
    let mut out = Vec::new();
    for e in events {
        let yeses = inv::Entity::find()
            .filter(inv::Column::EventId.eq(e.id))
            .filter(inv::Column::Answer.eq(Answer::Yes.code()))
            .all(db)
            .await?;
        let buddy_ids: Vec<i32> = yeses.iter().filter_map(|r| r.buddy_id).collect();
        let mut wanting: std::collections::HashSet<i32> = std::collections::HashSet::new();
        for chunk in buddy_ids.chunks(500) {
            wanting.extend(
                buddy::Entity::find()
                    .select_only()
                    .column(buddy::Column::Id)
                    .filter(buddy::Column::Id.is_in(chunk.to_vec()))
                    .filter(buddy::Column::EventReminders.eq(true))
                    .into_tuple::<i32>()
                    .all(db)
                    .await?,
            );
        }
        let allotment = allot(
            e.capacity.and_then(|c| u32::try_from(c).ok()),
            &yeses.iter().filter_map(yes_of).collect::<Vec<_>>(),
        );
        for r in yeses {
            let placed = allotment.placed.contains(&r.id.into());
            if placed && r.buddy_id.is_some_and(|b| wanting.contains(&b)) {
                out.push((e.clone(), r));
            }
        }
    }
    Ok(out)
}

/// Whether `buddy_id` is invited to event `event_id` (any answer).
pub async fn is_invited(
    db: &impl ConnectionTrait,
    event_id: i32,
    buddy_id: i32,
) -> Result<bool, AppError> {
    Ok(inv::Entity::find()
        .filter(inv::Column::EventId.eq(event_id))
        .filter(inv::Column::BuddyId.eq(buddy_id))
        .one(db)
        .await?
        .is_some())
}

/// Turns a buddy's reminder mails for events on or off.
pub async fn set_reminders(
    db: &impl ConnectionTrait,
    buddy_id: i32,
    on: bool,
) -> Result<(), AppError> {
    buddy::Entity::update_many()
        .col_expr(buddy::Column::EventReminders, Expr::value(on))
        .filter(buddy::Column::Id.eq(buddy_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Whether the buddy gets reminder mails for events.
pub async fn reminders_on(db: &impl ConnectionTrait, buddy_id: i32) -> Result<bool, AppError> {
    Ok(buddy::Entity::find()
        .select_only()
        .column(buddy::Column::EventReminders)
        .filter(buddy::Column::Id.eq(buddy_id))
        .into_tuple::<bool>()
        .one(db)
        .await?
        .unwrap_or(false))
}

/// Who can be added as a walk-in at `event_id`: buddies who are candidates or approved
/// (not stopped, refused or erased), and, `with_participants`, participants who wait or
/// are in a duo; everyone not invited yet, by name.
pub async fn walk_in_choices(
    db: &impl ConnectionTrait,
    event_id: i32,
    with_participants: bool,
) -> Result<Vec<WalkInChoice>, AppError> {
    let invited = inv::Entity::find()
        .filter(inv::Column::EventId.eq(event_id))
        .all(db)
        .await?;
    let buddies_in: std::collections::HashSet<i32> =
        invited.iter().filter_map(|r| r.buddy_id).collect();
    let participants_in: std::collections::HashSet<i32> =
        invited.iter().filter_map(|r| r.participant_id).collect();
    let open_buddy = [
        BuddyStatus::Applied,
        BuddyStatus::Screening,
        BuddyStatus::Available,
        BuddyStatus::InDuo,
        BuddyStatus::Paused,
    ];
    let mut out: Vec<WalkInChoice> = buddy::Entity::find()
        .select_only()
        .columns([
            buddy::Column::Id,
            buddy::Column::FirstName,
            buddy::Column::LastName,
        ])
        .filter(buddy::Column::Status.is_in(open_buddy.map(|s| s.code())))
        .filter(buddy::Column::ErasedOn.is_null())
        .into_tuple::<(i32, String, String)>()
        .all(db)
        .await?
        .into_iter()
        .filter(|(id, _, _)| !buddies_in.contains(id))
        .map(|(id, first, last)| WalkInChoice {
            who: WalkIn::Buddy(id),
            name: format!("{first} {last}"),
        })
        .collect();
    if with_participants {
        let open = [
            ParticipantStatus::Waiting,
            ParticipantStatus::Proposed,
            ParticipantStatus::InDuo,
        ];
        out.extend(
            participant::Entity::find()
                .select_only()
                .columns([
                    participant::Column::Id,
                    participant::Column::FirstName,
                    participant::Column::LastName,
                ])
                .filter(participant::Column::Status.is_in(open.map(|s| s.code())))
                .filter(participant::Column::ErasedOn.is_null())
                .into_tuple::<(i32, String, String)>()
                .all(db)
                .await?
                .into_iter()
                .filter(|(id, _, _)| !participants_in.contains(id))
                .map(|(id, first, last)| WalkInChoice {
                    who: WalkIn::Participant(id),
                    name: format!("{first} {last}"),
                }),
        );
    }
    out.sort_by_key(|c| c.name.to_lowercase());
    Ok(out)
}

/// Whether the buddy (or `participant`) `id` exists and was not erased.
pub async fn person_exists(
    db: &impl ConnectionTrait,
    id: i32,
    participant: bool,
) -> Result<bool, AppError> {
    Ok(if participant {
        participant::Entity::find_by_id(id)
            .filter(participant::Column::ErasedOn.is_null())
            .one(db)
            .await?
            .is_some()
    } else {
        buddy::Entity::find_by_id(id)
            .filter(buddy::Column::ErasedOn.is_null())
            .one(db)
            .await?
            .is_some()
    })
}

/// Adds someone who came without an invitation, present at once; someone invited already is
/// ticked instead (two people adding the same walk-in at once make one invitation). Returns
/// the invitation's id; `NotFound` for a person who does not exist or was erased.
pub async fn add_walk_in(
    db: &impl ConnectionTrait,
    event_id: i32,
    who: WalkIn,
    by: i32,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    let (person, buddy_id, participant_id) = match who {
        WalkIn::Buddy(id) => (inv::Column::BuddyId, Some(id), None),
        WalkIn::Participant(id) => (inv::Column::ParticipantId, None, Some(id)),
    };
    let id = buddy_id.or(participant_id).unwrap_or_default();
    if !person_exists(db, id, participant_id.is_some()).await? {
        return Err(AppError::NotFound);
    }
    let row = inv::ActiveModel {
        event_id: Set(event_id),
        buddy_id: Set(buddy_id),
        participant_id: Set(participant_id),
        answer: Set(None),
        answered_at: Set(None),
        yes_since: Set(None),
        attended: Set(true),
        invited_at: Set(now),
        invited_by: Set(Some(by)),
        offer_until: Set(None),
        ..Default::default()
    };
    let on_conflict = OnConflict::columns([inv::Column::EventId, person])
        .do_nothing()
        .to_owned();
    match inv::Entity::insert(row)
        .on_conflict(on_conflict)
        .exec_without_returning(db)
        .await
    {
        Ok(_) | Err(sea_orm::DbErr::RecordNotInserted) => {}
        Err(e) => return Err(e.into()),
    }
    let id = inv::Entity::find()
        .select_only()
        .column(inv::Column::Id)
        .filter(inv::Column::EventId.eq(event_id))
        .filter(person.eq(buddy_id.or(participant_id)))
        .into_tuple::<i32>()
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    set_attended(db, id, true).await?;
    Ok(id)
}

/// Ticks (or unticks) that someone came. Setting a flag, not adding to a count: two people
/// ticking the same person at once count them once.
pub async fn set_attended(
    db: &impl ConnectionTrait,
    invitation_id: i32,
    attended: bool,
) -> Result<(), AppError> {
    let changed = inv::Entity::update_many()
        .col_expr(inv::Column::Attended, Expr::value(attended))
        .filter(inv::Column::Id.eq(invitation_id))
        .exec(db)
        .await?
        .rows_affected;
    if changed == 1 {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Cancels an event (one session); answers stay as they were.
pub async fn cancel(db: &impl ConnectionTrait, id: i32) -> Result<(), AppError> {
    let changed = event::Entity::update_many()
        .col_expr(event::Column::Cancelled, Expr::value(true))
        .col_expr(
            event::Column::Version,
            Expr::col(event::Column::Version).add(1),
        )
        .filter(event::Column::Id.eq(id))
        .exec(db)
        .await?
        .rows_affected;
    if changed == 1 {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The buddy's invitations to events that have not ended, soonest first.
pub async fn for_buddy(
    db: &impl ConnectionTrait,
    buddy_id: i32,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<Vec<MyInvitation>, AppError> {
    let mine = inv::Entity::find()
        .filter(inv::Column::BuddyId.eq(buddy_id))
        .all(db)
        .await?;
    if mine.is_empty() {
        return Ok(Vec::new());
    }
    let event_ids: Vec<i32> = mine.iter().map(|r| r.event_id).collect();
    let mut out = Vec::new();
    for chunk in event_ids.chunks(500) {
        let events = event::Entity::find()
            .filter(event::Column::Id.is_in(chunk.to_vec()))
            .filter(event::Column::EndsAt.gt(now))
            .all(db)
            .await?;
        // Every yes of these events in one query: the buddy's place in line at each.
        let open: Vec<i32> = events.iter().map(|e| e.id).collect();
        let mut yeses: HashMap<i32, Vec<Yes>> = HashMap::new();
        for r in inv::Entity::find()
            .filter(inv::Column::EventId.is_in(open))
            .filter(inv::Column::Answer.eq(Answer::Yes.code()))
            .all(db)
            .await?
        {
            if let Some(y) = yes_of(&r) {
                yeses.entry(r.event_id).or_default().push(y);
            }
        }
        for e in events {
            let Some(own) = mine.iter().find(|r| r.event_id == e.id) else {
                continue;
            };
            let these = yeses.get(&e.id).map(Vec::as_slice).unwrap_or_default();
            let allotment = allot(e.capacity.and_then(|c| u32::try_from(c).ok()), these);
            let summary = summary(&e, Counts::default(), tz)?;
            let refusal = answer_refusal(
                summary.starts_at,
                e.cancelled,
                e.answers_open,
                local_date_time(now, tz),
            );
            out.push(MyInvitation {
                invitation_id: own.id.into(),
                event: summary,
                description: e.description.clone(),
                link: e.link.clone(),
                answer: own.answer.as_deref().and_then(Answer::from_code),
                seat: seat(&allotment, own, tz),
                refusal,
            });
        }
    }
    out.sort_by_key(|m| (m.event.starts_at, m.invitation_id));
    Ok(out)
}

/// The buddies in an active duo who came to no intervision for more than `months` months
/// (counted from their approval when they never came), by name.
pub async fn missed_intervision(
    db: &impl ConnectionTrait,
    today: NaiveDate,
    months: u32,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<Vec<MissedIntervision>, AppError> {
    let rule = InviteRule {
        audience: Audience::ActiveBuddies,
        municipality_id: None,
        min_months: None,
    };
    let active = audience(db, &rule, today).await?;
    let intervisions: HashMap<i32, DateTime<Utc>> = event::Entity::find()
        .select_only()
        .columns([event::Column::Id, event::Column::StartsAt])
        .filter(event::Column::Kind.eq(EventKind::Intervision.code()))
        .filter(event::Column::StartsAt.lte(now))
        .filter(event::Column::Cancelled.eq(false))
        .into_tuple::<(i32, DateTime<Utc>)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut last: HashMap<i32, NaiveDate> = HashMap::new();
    let ids: Vec<i32> = intervisions.keys().copied().collect();
    for chunk in ids.chunks(500) {
        for (buddy_id, event_id) in inv::Entity::find()
            .select_only()
            .columns([inv::Column::BuddyId, inv::Column::EventId])
            .filter(inv::Column::EventId.is_in(chunk.to_vec()))
            .filter(inv::Column::Attended.eq(true))
            .filter(inv::Column::BuddyId.is_not_null())
            .into_tuple::<(i32, i32)>()
            .all(db)
            .await?
        {
            if let Some(at) = intervisions.get(&event_id) {
                let day = local_date_time(*at, tz).date();
                let entry = last.entry(buddy_id).or_insert(day);
                *entry = Ord::max(*entry, day);
            }
        }
    }
    let mut out = Vec::new();
    for chunk in active.chunks(500) {
        for (id, first, last_name, approved_on) in buddy::Entity::find()
            .select_only()
            .columns([
                buddy::Column::Id,
                buddy::Column::FirstName,
                buddy::Column::LastName,
                buddy::Column::ApprovedOn,
            ])
            .filter(buddy::Column::Id.is_in(chunk.to_vec()))
            .into_tuple::<(i32, String, String, Option<NaiveDate>)>()
            .all(db)
            .await?
        {
            let came = last.get(&id).copied();
            if misses_intervision(came, approved_on, today, months) {
                out.push(MissedIntervision {
                    buddy_id: id.into(),
                    name: format!("{first} {last_name}"),
                    last_attended: came,
                });
            }
        }
    }
    out.sort_by(|a, b| {
        a.last_attended
            .cmp(&b.last_attended)
            .then(a.name.cmp(&b.name))
    });
    Ok(out)
}

/// The events a buddy (or, with `participant`, a participant) was invited to, latest first.
pub async fn of_person(
    db: &impl ConnectionTrait,
    id: i32,
    participant: bool,
    tz: Tz,
) -> Result<Vec<PersonEvent>, AppError> {
    let column = if participant {
        inv::Column::ParticipantId
    } else {
        inv::Column::BuddyId
    };
    let rows = inv::Entity::find().filter(column.eq(id)).all(db).await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.event_id).collect();
    let mut events: HashMap<i32, event::Model> = HashMap::new();
    for chunk in ids.chunks(500) {
        for e in event::Entity::find()
            .filter(event::Column::Id.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            events.insert(e.id, e);
        }
    }
    let mut out = rows
        .iter()
        .filter_map(|r| events.get(&r.event_id).map(|e| (r, e)))
        .map(|(r, e)| {
            Ok(PersonEvent {
                event_id: e.id.into(),
                kind: super::decode(TABLE, "kind", &e.kind)?,
                kind_name: e.kind_name.clone(),
                title: e.title.clone(),
                starts_at: local_date_time(e.starts_at, tz),
                cancelled: e.cancelled,
                answer: r.answer.as_deref().and_then(Answer::from_code),
                attended: r.attended,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    out.sort_by_key(|e| std::cmp::Reverse(e.starts_at));
    Ok(out)
}

/// The participants invited to event `id`, by last name, for letters and the call list.
pub async fn addressees(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Vec<crate::domain::event::Addressee>, AppError> {
    let rows: Vec<(i32, i32, Option<String>)> = inv::Entity::find()
        .select_only()
        .columns([
            inv::Column::Id,
            inv::Column::ParticipantId,
            inv::Column::Answer,
        ])
        .filter(inv::Column::EventId.eq(id))
        .filter(inv::Column::ParticipantId.is_not_null())
        .into_tuple()
        .all(db)
        .await?;
    let mut people: HashMap<i32, participant::Model> = HashMap::new();
    let ids: Vec<i32> = rows.iter().map(|r| r.1).collect();
    for chunk in ids.chunks(500) {
        for p in participant::Entity::find()
            .filter(participant::Column::Id.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            people.insert(p.id, p);
        }
    }
    let mut out = Vec::new();
    for (invitation_id, participant_id, answer) in rows {
        let Some(p) = people.get(&participant_id) else {
            continue;
        };
        let profile: crate::domain::profile::Profile = super::participants::parse(&p.profile)?;
        out.push(crate::domain::event::Addressee {
            invitation_id: invitation_id.into(),
            participant_id: participant_id.into(),
            first_name: p.first_name.clone(),
            last_name: p.last_name.clone(),
            phone: profile.phone.filter(|p| !p.trim().is_empty()),
            answer: answer.as_deref().and_then(Answer::from_code),
        });
    }
    out.sort_by(|a, b| {
        (a.last_name.to_lowercase(), a.first_name.to_lowercase())
            .cmp(&(b.last_name.to_lowercase(), b.first_name.to_lowercase()))
    });
    Ok(out)
}
