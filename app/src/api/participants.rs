//! Participants: intake, the list, one participant's record, status changes. Coordinators
//! and admins only; every read of a record is audited.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::domain::people::{IntakeForm, Paged, ParticipantDetail, ParticipantRow};
use crate::error::AppError;

/// Filters as flat optional values: the list page passes what its form holds.
#[server(endpoint = "list_participants")]
pub async fn list_participants(
    status: Option<String>,
    municipality: Option<i64>,
    interest: Option<i64>,
    min_days: Option<i64>,
    name: Option<String>,
    sort: Option<String>,
    page: Option<u64>,
) -> Result<Paged<ParticipantRow>, AppError> {
    use crate::domain::people::{ParticipantFilter, PeopleFilter};

    let cx = Ctx::authorize::<ListParticipants>().await?;
    let people = PeopleFilter::read(
        status.as_deref(),
        municipality,
        interest,
        name.as_deref(),
        sort.as_deref(),
        page,
    )
    .map_err(|problem| AppError::fields(vec![problem]))?;
    let filter = ParticipantFilter {
        people,
        min_days_waiting: min_days,
    };
    crate::db::participants::list(&cx.state.db, &filter, cx.today).await
}

/// One participant's whole record; the read is written to the audit log.
#[server(endpoint = "get_participant")]
pub async fn get_participant(id: i32) -> Result<ParticipantDetail, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<GetParticipant>().await?;
    let db = &cx.state.db;
    let detail = crate::db::participants::find(db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let record = Record::new(RecordKind::Participant, id);
    cx.audit(db, AuditAction::Read, record).await?;
    Ok(detail)
}

/// Checks an intake form against the lists (a municipality, interest or organisation that
/// does not exist is a field problem, not a database error).
#[cfg(feature = "ssr")]
async fn check_intake(
    cx: &Ctx,
    form: &IntakeForm,
) -> Result<crate::domain::people::Intake, AppError> {
    use crate::domain::validation::Problem;

    let lists = crate::db::lists::load(&cx.state.db, true).await?;
    let mut problems = match form.check(cx.today, cx.user.id) {
        Ok(intake) => {
            let mut problems = Vec::new();
            let p = &intake.profile;
            if lists.municipality(p.municipality_id).is_none() {
                problems.push(("municipality_id".to_owned(), Problem::Invalid));
            }
            if p.interests.iter().any(|i| lists.interest(*i).is_none()) {
                problems.push(("interests".to_owned(), Problem::Invalid));
            }
            if p.personality
                .keys()
                .any(|s| !lists.scales.iter().any(|x| x.id == *s))
            {
                problems.push(("personality".to_owned(), Problem::Invalid));
            }
            if let Some(org) = intake.referral_organisation_id
                && !lists.referral_organisations.iter().any(|o| o.id == org)
            {
                problems.push(("referral_organisation_id".to_owned(), Problem::Invalid));
            }
            if problems.is_empty() {
                return Ok(intake);
            }
            problems
        }
        Err(problems) => problems,
    };
    problems.dedup();
    Err(AppError::fields(problems))
}

/// Makes a participant's record from an intake; when it started from a registration (read at
/// `registration_version`), that registration is done, in the same transaction.
#[server(endpoint = "create_participant")]
pub async fn create_participant(
    form: IntakeForm,
    registration: Option<i32>,
    registration_version: Option<i32>,
) -> Result<i32, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let result: Result<i32, AppError> = async {
        let cx = Ctx::authorize::<CreateParticipant>().await?;
        let intake = check_intake(&cx, &form).await?;
        let txn = cx.begin().await?;
        let id = crate::db::participants::create(&txn, &intake, cx.user.id, cx.now).await?;
        let record = Record::new(RecordKind::Participant, id);
        cx.audit(&txn, AuditAction::Create, record).await?;
        if let Some(registration) = registration {
            use crate::db::registrations::{Change, change};
            let version = registration_version.ok_or(AppError::Conflict)?;
            let done = Change::Done { participant_id: id };
            change(&txn, registration, version, done, cx.now).await?;
            let record = Record::new(RecordKind::Registration, registration);
            cx.audit(&txn, AuditAction::Update, record).await?;
        }
        txn.commit().await?;
        leptos_axum::redirect(&format!("/participants/{id}"));
        Ok(id)
    }
    .await;
    crate::api::drafts::settle(crate::api::drafts::DraftForm::Intake, &form, result).await
}

/// Saves an edited intake; a stale `version` is a conflict and nothing is written.
#[server(endpoint = "update_participant")]
pub async fn update_participant(id: i32, version: i32, form: IntakeForm) -> Result<(), AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let result: Result<(), AppError> = async {
        let cx = Ctx::authorize::<UpdateParticipant>().await?;
        let mut intake = check_intake(&cx, &form).await?;
        let txn = cx.begin().await?;
        let current = crate::db::participants::find(&txn, id)
            .await?
            .ok_or(AppError::NotFound)?;
        // The consent keeps who recorded it and when, unless what was agreed changed.
        let (old, new) = (&current.intake.consent, &intake.consent);
        if (old.share_first_name, old.share_phone, old.share_interests)
            == (new.share_first_name, new.share_phone, new.share_interests)
        {
            intake.consent = old.clone();
        }
        crate::db::participants::update(&txn, id, version, &intake, cx.now).await?;
        if old.share_first_name && !intake.consent.share_first_name {
            let placeholder = crate::i18n::recipient_lang().texts().duo_partner;
            let first_name = &current.intake.profile.first_name;
            crate::db::privacy::withdraw_first_name(&txn, id, first_name, placeholder).await?;
        }
        let record = Record::new(RecordKind::Participant, id);
        cx.audit(&txn, AuditAction::Update, record).await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/participants/{id}"));
        Ok(())
    }
    .await;
    crate::api::drafts::settle(
        crate::api::drafts::DraftForm::EditParticipant(id),
        &form,
        result,
    )
    .await
}

#[server(endpoint = "change_participant_status")]
pub async fn change_participant_status(
    id: i32,
    version: i32,
    status: String,
    note: Option<String>,
    #[server(default)] reason: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::people::StatusMove;

    let cx = Ctx::authorize::<ChangeParticipantStatus>().await?;
    let change = StatusMove::check(
        &status,
        reason.as_deref().unwrap_or_default(),
        note.as_deref().unwrap_or_default(),
    )
    .map_err(|(field, problem)| AppError::validation(field, problem))?;
    let txn = cx.begin().await?;
    crate::db::participants::change_status(&txn, id, version, &change, cx.user.id, cx.now).await?;
    let record = Record::new(RecordKind::Participant, id);
    cx.audit(&txn, AuditAction::Update, record).await?;
    txn.commit().await?;
    Ok(())
}

/// The waiting list, with the flag for those without contact for too long.
#[server(endpoint = "waiting_list")]
pub async fn waiting_list() -> Result<Vec<crate::domain::people::WaitingRow>, AppError> {
    use crate::db::settings::{CONTACT_WEEKS, get};
    use crate::domain::people::DEFAULT_CONTACT_WEEKS;

    let cx = Ctx::authorize::<WaitingList>().await?;
    let weeks = get(&cx.state.db, CONTACT_WEEKS)
        .await?
        .and_then(|s| s.value.parse().ok())
        .unwrap_or(DEFAULT_CONTACT_WEEKS);
    let db = &cx.state.db;
    let mut rows = crate::db::participants::waiting(db, cx.today, weeks).await?;
    let people: Vec<_> = crate::db::matching::waiting(db)
        .await?
        .into_iter()
        .map(|(c, _)| (c.id, crate::matching::stones::SuggestFor::new(c.profile)))
        .collect();
    let offers = crate::db::stepping_stones::all(db, false).await?;
    let ctx = crate::db::matching::context(db, cx.today).await?;
    let mut hints = crate::matching::stones::best_per_person(&people, &offers, &ctx);
    for row in &mut rows {
        row.stone_hint = hints.remove(&i64::from(row.id));
    }
    Ok(rows)
}

/// A contact with a waiting participant, or a referral to a stepping stone.
#[server(endpoint = "record_contact")]
pub async fn record_contact(
    id: i32,
    on: String,
    stepping_stone: Option<String>,
    note: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::people::ContactForm;

    let cx = Ctx::authorize::<RecordContact>().await?;
    let lists = crate::db::lists::load(&cx.state.db, false).await?;
    let offered: Vec<i64> = lists.stepping_stones.iter().map(|s| s.id).collect();
    let form = ContactForm {
        on,
        stepping_stone: stepping_stone.unwrap_or_default(),
        note: note.unwrap_or_default(),
    };
    let c = form.check(cx.today, &offered).map_err(AppError::fields)?;
    let txn = cx.begin().await?;
    crate::db::participants::record_contact(&txn, id, c.on, c.stepping_stone, &c.note, cx.user.id)
        .await?;
    let record = Record::new(RecordKind::Participant, id);
    cx.audit(&txn, AuditAction::Update, record).await?;
    txn.commit().await?;
    Ok(())
}
