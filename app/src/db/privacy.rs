//! Erasure by anonymisation (see `domain::privacy`): the texts that name or describe a person
//! are emptied, the codes, dates and scores the reports count stay, under a pseudonym.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func, SimpleExpr};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter,
};

use super::entities::{
    activity, buddy, duo, evaluation, form_draft, outbox, participant, participant_contact,
    referral, registration, screening, status_change, user,
};
use super::participants::{json, parse};
use crate::domain::audit::kind as subject;
use crate::domain::duo::{Agreement, DuoStage};
use crate::domain::mail::MailStatus;
use crate::domain::people::{BuddyStatus, ParticipantStatus};
use crate::domain::privacy::{
    ErasurePreview, ErasureReason, PersonKind, TextCounts, birth_year_only, buddy_refusal, names,
    participant_refusal,
};
use crate::domain::profile::Profile;
use crate::error::AppError;

/// A fresh pseudonym for an erased record (random bits, see `domain::privacy::pseudonym`).
pub fn new_pseudonym() -> String {
    crate::domain::privacy::pseudonym(rand::random())
}

/// What identifies a person in free text: their names as whole words, their e-mail address
/// and phone number as they were typed.
struct Needles {
    words: Vec<String>,
    literals: Vec<String>,
}

impl Needles {
    fn of(profile: &Profile) -> Self {
        let words = [&profile.first_name, &profile.last_name]
            .into_iter()
            .map(|w| w.trim().to_owned())
            .filter(|w| !w.is_empty())
            .collect();
        let literals = [&profile.email, &profile.phone]
            .into_iter()
            .flatten()
            .map(|w| w.trim().to_owned())
            .filter(|w| !w.is_empty())
            .collect();
        Needles { words, literals }
    }

    /// Rows whose `column` may hold a needle (lower-cased `LIKE`, the same on both
    /// databases); [`Needles::in_text`] then decides.
    fn may_be_in(&self, column: impl sea_orm::sea_query::IntoColumnRef + Copy) -> SimpleExpr {
        let mut any: Option<SimpleExpr> = None;
        for needle in self.words.iter().chain(&self.literals) {
            let like = Expr::expr(Func::lower(Expr::col(column)))
                .like(format!("%{}%", escape_like(&needle.to_lowercase())));
            any = Some(match any {
                Some(e) => e.or(like),
                None => like,
            });
        }
        any.unwrap_or_else(|| Expr::value(false))
    }

    /// Nothing to look for (only an address to match).
    fn none() -> Self {
        Needles {
            words: Vec::new(),
            literals: Vec::new(),
        }
    }

    fn in_text(&self, text: &str) -> bool {
        self.words.iter().any(|w| names(text, w))
            || self
                .literals
                .iter()
                .any(|l| text.to_lowercase().contains(&l.to_lowercase()))
    }
}

/// `LIKE` treats `%` and `_` as wildcards; a name never needs them, so they are dropped
/// rather than escaped (the Rust check after the query is exact anyway).
fn escape_like(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '%' | '_' | '\\'))
        .collect()
}

/// Everything of one participant's record that an erasure touches.
struct Targets {
    row: participant::Model,
    profile: Profile,
    duo_ids: Vec<i32>,
    open_duos: u64,
    mail_ids: Vec<i32>,
    draft_ids: Vec<i32>,
}

async fn targets(db: &impl ConnectionTrait, id: i32) -> Result<Option<Targets>, AppError> {
    let Some(row) = participant::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let profile: Profile = parse(&row.profile)?;
    let duos = duo::Entity::find()
        .filter(duo::Column::ParticipantId.eq(id))
        .all(db)
        .await?;
    let open_duos = duos
        .iter()
        .filter(|d| d.stage != DuoStage::Ended.code())
        .count() as u64;
    let (mail_ids, draft_ids) = if row.erased_on.is_none() {
        traces(db, &Needles::of(&profile), profile.email.as_deref()).await?
    } else {
        (Vec::new(), Vec::new())
    };
    Ok(Some(Targets {
        row,
        profile,
        duo_ids: duos.iter().map(|d| d.id).collect(),
        open_duos,
        mail_ids,
        draft_ids,
    }))
}

/// Anonymises the record of `kind` `id` read at `version` (see [`erase_participant`] and
/// [`erase_buddy`]): the server function and the retention job both come here.
#[allow(clippy::too_many_arguments)] // the record, its guard, the reason and the moment
pub async fn erase(
    db: &impl ConnectionTrait,
    kind: PersonKind,
    id: i32,
    version: i32,
    reason: ErasureReason,
    pseudonym: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    match kind {
        PersonKind::Participant => {
            erase_participant(db, id, version, reason, pseudonym, today, now).await
        }
        PersonKind::Buddy => erase_buddy(db, id, version, reason, pseudonym, today, now).await,
    }
}

/// The mails (to `address`, or naming the person) and form drafts (naming them) that an
/// erasure empties or removes.
async fn traces(
    db: &impl ConnectionTrait,
    needles: &Needles,
    address: Option<&str>,
) -> Result<(Vec<i32>, Vec<i32>), AppError> {
    let address = address.map(str::trim).filter(|a| !a.is_empty());
    let mut in_mail = needles
        .may_be_in(outbox::Column::Subject)
        .or(needles.may_be_in(outbox::Column::Body));
    if let Some(address) = address {
        in_mail = in_mail.or(outbox::Column::ToAddress.eq(address));
    }
    let mut mail_ids = Vec::new();
    for m in outbox::Entity::find().filter(in_mail).all(db).await? {
        let to_them = address == Some(m.to_address.as_str());
        if to_them || needles.in_text(&m.subject) || needles.in_text(&m.body) {
            mail_ids.push(m.id);
        }
    }
    let mut draft_ids = Vec::new();
    for d in form_draft::Entity::find()
        .filter(needles.may_be_in(form_draft::Column::Body))
        .all(db)
        .await?
    {
        if needles.in_text(&d.body) {
            draft_ids.push(d.id);
        }
    }
    Ok((mail_ids, draft_ids))
}

/// The preview of erasing participant `id`: what goes, what stays, and whether it may now.
pub async fn participant_preview(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<ErasurePreview, AppError> {
    let t = targets(db, id).await?.ok_or(AppError::NotFound)?;
    let status: ParticipantStatus = super::decode("participant", "status", &t.row.status)?;
    let erased = t.row.erased_on.is_some();
    let refusal = participant_refusal(status, erased, t.open_duos);
    let counts = TextCounts {
        contact_notes: participant_contact::Entity::find()
            .filter(participant_contact::Column::ParticipantId.eq(id))
            .count(db)
            .await?,
        registrations: registration::Entity::find()
            .filter(of_registration(id))
            .count(db)
            .await?,
        duos: t.duo_ids.len() as u64,
        activities: activity::Entity::find()
            .filter(activity::Column::DuoId.is_in(t.duo_ids.clone()))
            .count(db)
            .await?,
        evaluations: evaluation::Entity::find()
            .filter(evaluation::Column::DuoId.is_in(t.duo_ids.clone()))
            .count(db)
            .await?,
        history_notes: status_change::Entity::find()
            .filter(of_history(id, &t.duo_ids))
            .filter(status_change::Column::Note.ne(""))
            .count(db)
            .await?
            + referral::Entity::find()
                .filter(referral::Column::ParticipantId.eq(id))
                .count(db)
                .await?,
        mails: t.mail_ids.len() as u64,
        drafts: t.draft_ids.len() as u64,
        ..TextCounts::default()
    };
    let name = if erased {
        String::new()
    } else {
        format!("{} {}", t.row.first_name, t.row.last_name)
    };
    Ok(ErasurePreview::new(
        id,
        t.row.version,
        name,
        refusal,
        counts,
    ))
}

/// The profile as an erasure leaves it: the pseudonym, the birth year, no contact details
/// or wishes in words; the codes the matching and the reports use stay.
fn scrubbed(profile: &Profile, pseudonym: &str) -> Profile {
    let mut profile = profile.clone();
    profile.first_name = pseudonym.to_owned();
    profile.last_name = String::new();
    profile.birth_date = birth_year_only(profile.birth_date);
    profile.phone = None;
    profile.email = None;
    profile.wishes.note = String::new();
    profile
}

pub(super) fn of_registration(id: i32) -> SimpleExpr {
    registration::Column::ParticipantId
        .eq(id)
        .or(registration::Column::DuplicateOfParticipant.eq(id))
}

fn of_history(id: i32, duo_ids: &[i32]) -> SimpleExpr {
    let person = status_change::Column::SubjectKind
        .eq(subject::PARTICIPANT)
        .and(status_change::Column::SubjectId.eq(id));
    let duos = status_change::Column::SubjectKind
        .eq(subject::DUO)
        .and(status_change::Column::SubjectId.is_in(duo_ids.to_vec()));
    person.or(duos)
}

/// Anonymises participant `id` read at `version`, in `db` (one transaction, so that a run
/// stopped halfway leaves the record whole). Refused like the preview says; `Conflict` when
/// the record changed since it was read (another coordinator's edit or erasure).
#[allow(clippy::too_many_arguments)] // the record, its guard, the reason and the moment
pub async fn erase_participant(
    db: &impl ConnectionTrait,
    id: i32,
    version: i32,
    reason: ErasureReason,
    pseudonym: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let t = targets(db, id).await?.ok_or(AppError::NotFound)?;
    if t.row.version != version {
        return Err(AppError::Conflict);
    }
    let status: ParticipantStatus = super::decode("participant", "status", &t.row.status)?;
    if let Some(refusal) = participant_refusal(status, t.row.erased_on.is_some(), t.open_duos) {
        return Err(AppError::ErasureRefused(refusal));
    }

    let profile = scrubbed(&t.profile, pseudonym);
    let result = participant::Entity::update_many()
        .col_expr(participant::Column::FirstName, Expr::value(pseudonym))
        .col_expr(participant::Column::LastName, Expr::value(""))
        .col_expr(
            participant::Column::BirthDate,
            Expr::value(profile.birth_date),
        )
        .col_expr(participant::Column::Profile, Expr::value(json(&profile)?))
        .col_expr(participant::Column::ReferralContact, Expr::value(""))
        .col_expr(participant::Column::SupportContact, Expr::value(""))
        .col_expr(participant::Column::CoordinatorNotes, Expr::value(""))
        .col_expr(participant::Column::ErasedOn, Expr::value(today))
        .col_expr(
            participant::Column::ErasureReason,
            Expr::value(reason.code()),
        )
        .col_expr(participant::Column::UpdatedAt, Expr::value(now))
        .col_expr(participant::Column::Version, Expr::value(version + 1))
        .filter(participant::Column::Id.eq(id))
        .filter(participant::Column::Version.eq(version))
        .filter(participant::Column::ErasedOn.is_null())
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(AppError::Conflict);
    }

    participant_contact::Entity::update_many()
        .col_expr(participant_contact::Column::Note, Expr::value(""))
        .filter(participant_contact::Column::ParticipantId.eq(id))
        .exec(db)
        .await?;
    registration::Entity::update_many()
        .col_expr(registration::Column::FirstName, Expr::value(pseudonym))
        .col_expr(registration::Column::LastName, Expr::value(""))
        .col_expr(registration::Column::Phone, Expr::value(None::<String>))
        .col_expr(registration::Column::Email, Expr::value(None::<String>))
        .col_expr(registration::Column::CareWorkerName, Expr::value(""))
        .col_expr(
            registration::Column::CareWorkerPhone,
            Expr::value(None::<String>),
        )
        .col_expr(
            registration::Column::CareWorkerEmail,
            Expr::value(None::<String>),
        )
        .col_expr(registration::Column::Note, Expr::value(""))
        .filter(of_registration(id))
        .exec(db)
        .await?;
    referral::Entity::update_many()
        .col_expr(referral::Column::Note, Expr::value(""))
        .filter(referral::Column::ParticipantId.eq(id))
        .exec(db)
        .await?;
    status_change::Entity::update_many()
        .col_expr(status_change::Column::Note, Expr::value(""))
        .filter(of_history(id, &t.duo_ids))
        .exec(db)
        .await?;
    erase_duo_texts(db, &t.duo_ids).await?;
    erase_mails(db, &t.mail_ids).await?;
    form_draft::Entity::delete_many()
        .filter(form_draft::Column::Id.is_in(t.draft_ids))
        .exec(db)
        .await?;
    Ok(())
}

/// The duos' own texts: the agreement's note and the ending's note (the rhythm, items, dates
/// and codes stay), the activities' places, notes and check-in notes, the evaluations' notes.
async fn erase_duo_texts(db: &impl ConnectionTrait, duo_ids: &[i32]) -> Result<(), AppError> {
    for d in duo::Entity::find()
        .filter(duo::Column::Id.is_in(duo_ids.to_vec()))
        .all(db)
        .await?
    {
        let agreement = match &d.agreement {
            Some(text) => {
                let mut a: Agreement = parse(text)?;
                a.note = String::new();
                Some(json(&a)?)
            }
            None => None,
        };
        let mut row = d.into_active_model();
        row.agreement = Set(agreement);
        row.end_note = Set(None);
        duo::Entity::update(row).exec(db).await?;
    }
    activity::Entity::update_many()
        .col_expr(activity::Column::Place, Expr::value(""))
        .col_expr(activity::Column::Note, Expr::value(""))
        .filter(activity::Column::DuoId.is_in(duo_ids.to_vec()))
        .exec(db)
        .await?;
    // Only where there is one: "cancelled, no reason" and "no check-in" stay told apart.
    activity::Entity::update_many()
        .col_expr(activity::Column::CancelReason, Expr::value(""))
        .filter(activity::Column::DuoId.is_in(duo_ids.to_vec()))
        .filter(activity::Column::CancelReason.is_not_null())
        .exec(db)
        .await?;
    activity::Entity::update_many()
        .col_expr(activity::Column::CheckinNote, Expr::value(""))
        .filter(activity::Column::DuoId.is_in(duo_ids.to_vec()))
        .filter(activity::Column::CheckinNote.is_not_null())
        .exec(db)
        .await?;
    evaluation::Entity::update_many()
        .col_expr(evaluation::Column::Notes, Expr::value(""))
        .filter(evaluation::Column::DuoId.is_in(duo_ids.to_vec()))
        .exec(db)
        .await?;
    Ok(())
}

/// Mails to or about the person keep their kind, dates and status; their address, subject
/// and body go. One not yet sent is never sent: it would go out empty.
async fn erase_mails(db: &impl ConnectionTrait, ids: &[i32]) -> Result<(), AppError> {
    outbox::Entity::update_many()
        .col_expr(outbox::Column::ToAddress, Expr::value(""))
        .col_expr(outbox::Column::Subject, Expr::value(""))
        .col_expr(outbox::Column::Body, Expr::value(""))
        .filter(outbox::Column::Id.is_in(ids.to_vec()))
        .exec(db)
        .await?;
    outbox::Entity::update_many()
        .col_expr(
            outbox::Column::Status,
            Expr::value(MailStatus::Failed.code()),
        )
        .col_expr(
            outbox::Column::NextAttemptAt,
            Expr::value(None::<DateTime<Utc>>),
        )
        .col_expr(outbox::Column::LastError, Expr::value("erased"))
        .filter(outbox::Column::Id.is_in(ids.to_vec()))
        .filter(
            outbox::Column::Status.is_in([MailStatus::Pending.code(), MailStatus::Sending.code()]),
        )
        .exec(db)
        .await?;
    Ok(())
}

/// Everything of one buddy's record that an erasure touches.
struct BuddyTargets {
    row: buddy::Model,
    profile: Profile,
    account: Option<user::Model>,
    open_duos: u64,
    screenings: u64,
    mail_ids: Vec<i32>,
    draft_ids: Vec<i32>,
}

async fn buddy_targets(db: &impl ConnectionTrait, id: i32) -> Result<BuddyTargets, AppError> {
    let row = buddy::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let profile: Profile = parse(&row.profile)?;
    let account = match row.user_id {
        Some(user_id) => user::Entity::find_by_id(user_id).one(db).await?,
        None => None,
    };
    let open_duos = duo::Entity::find()
        .filter(duo::Column::BuddyId.eq(id))
        .filter(duo::Column::Stage.ne(DuoStage::Ended.code()))
        .count(db)
        .await?;
    let screenings = screening::Entity::find()
        .filter(screening::Column::BuddyId.eq(id))
        .count(db)
        .await?;
    let (mut mail_ids, mut draft_ids) = (Vec::new(), Vec::new());
    if row.erased_on.is_none() {
        let mut needles = Needles::of(&profile);
        if let Some(a) = &account {
            needles.literals.push(a.email.clone());
        }
        (mail_ids, draft_ids) = traces(db, &needles, profile.email.as_deref()).await?;
        if let Some(a) = &account {
            let (to_account, _) = traces(db, &Needles::none(), Some(&a.email)).await?;
            mail_ids.extend(
                to_account
                    .into_iter()
                    .filter(|m| !mail_ids.contains(m))
                    .collect::<Vec<_>>(),
            );
        }
    }
    Ok(BuddyTargets {
        row,
        profile,
        account,
        open_duos,
        screenings,
        mail_ids,
        draft_ids,
    })
}

/// The preview of erasing buddy (or candidate) `id`.
pub async fn buddy_preview(db: &impl ConnectionTrait, id: i32) -> Result<ErasurePreview, AppError> {
    let t = buddy_targets(db, id).await?;
    let status: BuddyStatus = super::decode("buddy", "status", &t.row.status)?;
    let erased = t.row.erased_on.is_some();
    let counts = TextCounts {
        history_notes: status_change::Entity::find()
            .filter(status_change::Column::SubjectKind.eq(subject::BUDDY))
            .filter(status_change::Column::SubjectId.eq(id))
            .filter(status_change::Column::Note.ne(""))
            .count(db)
            .await?,
        mails: t.mail_ids.len() as u64,
        drafts: t.draft_ids.len() as u64,
        screenings: t.screenings,
        account: t.account.is_some() && !erased,
        ..TextCounts::default()
    };
    let name = if erased {
        String::new()
    } else {
        format!("{} {}", t.row.first_name, t.row.last_name)
    };
    let refusal = buddy_refusal(status, erased, t.open_duos);
    Ok(ErasurePreview::new(
        id,
        t.row.version,
        name,
        refusal,
        counts,
    ))
}

/// Anonymises buddy `id` read at `version` (one transaction). Their duos keep the
/// participant's side as it is; their account can no longer sign in and its sessions end.
pub async fn erase_buddy(
    db: &impl ConnectionTrait,
    id: i32,
    version: i32,
    reason: ErasureReason,
    pseudonym: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    use super::entities::{
        calendar_feed, invitation, login_attempt, login_challenge, recovery_code, session,
    };

    let t = buddy_targets(db, id).await?;
    if t.row.version != version {
        return Err(AppError::Conflict);
    }
    let status: BuddyStatus = super::decode("buddy", "status", &t.row.status)?;
    if let Some(refusal) = buddy_refusal(status, t.row.erased_on.is_some(), t.open_duos) {
        return Err(AppError::ErasureRefused(refusal));
    }
    let profile = scrubbed(&t.profile, pseudonym);
    let result = buddy::Entity::update_many()
        .col_expr(buddy::Column::FirstName, Expr::value(pseudonym))
        .col_expr(buddy::Column::LastName, Expr::value(""))
        .col_expr(buddy::Column::BirthDate, Expr::value(profile.birth_date))
        .col_expr(buddy::Column::Profile, Expr::value(json(&profile)?))
        .col_expr(buddy::Column::Motivation, Expr::value(""))
        .col_expr(buddy::Column::CoordinatorNotes, Expr::value(""))
        .col_expr(buddy::Column::ErasedOn, Expr::value(today))
        .col_expr(buddy::Column::ErasureReason, Expr::value(reason.code()))
        .col_expr(buddy::Column::UpdatedAt, Expr::value(now))
        .col_expr(buddy::Column::Version, Expr::value(version + 1))
        .filter(buddy::Column::Id.eq(id))
        .filter(buddy::Column::Version.eq(version))
        .filter(buddy::Column::ErasedOn.is_null())
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(AppError::Conflict);
    }
    screening::Entity::update_many()
        .col_expr(screening::Column::Notes, Expr::value(""))
        .filter(screening::Column::BuddyId.eq(id))
        .exec(db)
        .await?;
    status_change::Entity::update_many()
        .col_expr(status_change::Column::Note, Expr::value(""))
        .filter(status_change::Column::SubjectKind.eq(subject::BUDDY))
        .filter(status_change::Column::SubjectId.eq(id))
        .exec(db)
        .await?;
    calendar_feed::Entity::delete_many()
        .filter(calendar_feed::Column::BuddyId.eq(id))
        .exec(db)
        .await?;
    if let Some(account) = &t.account {
        let uid = account.id;
        // The row stays (the audit log and the duos' history name it by id), emptied: the
        // address cannot sign in or be found, and is still unique.
        user::Entity::update_many()
            .col_expr(
                user::Column::Email,
                Expr::value(format!("gewist-{uid}@klik.invalid")),
            )
            .col_expr(user::Column::DisplayName, Expr::value(pseudonym))
            .col_expr(user::Column::PasswordHash, Expr::value(None::<String>))
            .col_expr(user::Column::Active, Expr::value(false))
            .col_expr(user::Column::TotpSecret, Expr::value(None::<String>))
            .col_expr(user::Column::TotpPendingSecret, Expr::value(None::<String>))
            .col_expr(user::Column::UpdatedAt, Expr::value(now))
            .col_expr(
                user::Column::Version,
                Expr::col(user::Column::Version).add(1),
            )
            .filter(user::Column::Id.eq(uid))
            .exec(db)
            .await?;
        session::Entity::delete_many()
            .filter(session::Column::UserId.eq(uid))
            .exec(db)
            .await?;
        login_challenge::Entity::delete_many()
            .filter(login_challenge::Column::UserId.eq(uid))
            .exec(db)
            .await?;
        recovery_code::Entity::delete_many()
            .filter(recovery_code::Column::UserId.eq(uid))
            .exec(db)
            .await?;
        invitation::Entity::delete_many()
            .filter(invitation::Column::UserId.eq(uid))
            .exec(db)
            .await?;
        // The sign-in attempts name the account by a hash of its address, and hold an IP.
        if let Some(account) = &t.account {
            let hash = crate::auth::token::hash_token(&account.email.trim().to_lowercase());
            login_attempt::Entity::delete_many()
                .filter(login_attempt::Column::EmailHash.eq(hash))
                .exec(db)
                .await?;
        }
    }
    erase_mails(db, &t.mail_ids).await?;
    form_draft::Entity::delete_many()
        .filter(form_draft::Column::Id.is_in(t.draft_ids))
        .exec(db)
        .await?;
    Ok(())
}

/// Takes participant `id`'s first name out of the mails still waiting to go to their buddies
/// (reminders written while they shared it), once they withdrew the consent to share it; the
/// pages, the calendar feed and later mails read the consent when they are made.
pub async fn withdraw_first_name(
    db: &impl ConnectionTrait,
    id: i32,
    first_name: &str,
    placeholder: &str,
) -> Result<u64, AppError> {
    use crate::domain::privacy::replace_name;

    let buddy_ids: Vec<i32> = duo::Entity::find()
        .filter(duo::Column::ParticipantId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|d| d.buddy_id)
        .collect();
    let addresses: Vec<String> = super::reminders::buddy_addresses(db, &buddy_ids)
        .await?
        .into_values()
        .map(|r| r.to)
        .collect();
    if addresses.is_empty() {
        return Ok(0);
    }
    let queued = outbox::Entity::find()
        .filter(outbox::Column::ToAddress.is_in(addresses))
        .filter(outbox::Column::Status.eq(MailStatus::Pending.code()))
        .all(db)
        .await?;
    let mut changed = 0;
    for mail in queued {
        let subject = replace_name(&mail.subject, first_name, placeholder);
        let body = replace_name(&mail.body, first_name, placeholder);
        if (subject.as_str(), body.as_str()) == (mail.subject.as_str(), mail.body.as_str()) {
            continue;
        }
        outbox::Entity::update_many()
            .col_expr(outbox::Column::Subject, Expr::value(subject))
            .col_expr(outbox::Column::Body, Expr::value(body))
            .filter(outbox::Column::Id.eq(mail.id))
            .filter(outbox::Column::Status.eq(MailStatus::Pending.code()))
            .exec(db)
            .await?;
        changed += 1;
    }
    Ok(changed)
}
