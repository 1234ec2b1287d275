//! A person's rights over their data: the trail of who read or changed a record, and erasure
//! by anonymisation. Coordinators and admins only; every step is audited, never the content.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::domain::audit::AuditEntry;
use crate::domain::person_data::{BuddyData, ParticipantData, UserData};
use crate::domain::privacy::{ErasureForm, ErasurePreview, PersonKind};
use crate::error::AppError;

/// The most trail rows one page shows (newest first).
pub const TRAIL_PAGE: u64 = 100;

/// What erasing the record of `kind` `id` would remove and keep, and whether it may happen
/// now. Reading it reads the record (its name is shown), so it is audited as a read.
#[server(endpoint = "preview_erasure")]
pub async fn preview_erasure(kind: PersonKind, id: i32) -> Result<ErasurePreview, AppError> {
    use crate::domain::audit::AuditAction;

    let cx = Ctx::authorize::<PreviewErasure>().await?;
    let db = &cx.state.db;
    let preview = match kind {
        PersonKind::Participant => crate::db::privacy::participant_preview(db, id).await?,
        PersonKind::Buddy => crate::db::privacy::buddy_preview(db, id).await?,
    };
    cx.audit(db, AuditAction::Read, kind.record(id)).await?;
    Ok(preview)
}

/// Anonymises the record of `kind` `id` as read at `version`, for the chosen reason; then the
/// record page shows what is left. The audit keeps who, when and which record: nothing erased.
#[server(endpoint = "erase_person")]
pub async fn erase_person(
    kind: PersonKind,
    id: i32,
    version: i32,
    form: ErasureForm,
) -> Result<(), AppError> {
    use crate::domain::audit::AuditAction;

    let cx = Ctx::authorize::<ErasePerson>().await?;
    let reason = form.check().map_err(AppError::fields)?;
    let pseudonym = crate::db::privacy::new_pseudonym();
    let txn = cx.begin().await?;
    crate::db::privacy::erase(
        &txn, kind, id, version, reason, &pseudonym, cx.today, cx.now,
    )
    .await?;
    cx.audit(&txn, AuditAction::Erase, kind.record(id)).await?;
    txn.commit().await?;
    leptos_axum::redirect(&kind.record_path(id));
    Ok(())
}

/// Who read or changed the record of `kind` `id` and when, newest first: the answer to "who
/// looked at my file?". Reading the trail is not itself a read of the record.
#[server(endpoint = "record_trail")]
pub async fn record_trail(kind: PersonKind, id: i32) -> Result<Vec<AuditEntry>, AppError> {
    use crate::db::audit::{AuditFilter, list};

    let cx = Ctx::authorize::<RecordTrail>().await?;
    let (kind, id) = kind.record(id).parts();
    let filter = AuditFilter {
        record_kind: Some(kind.to_owned()),
        record_id: Some(id),
        limit: TRAIL_PAGE,
        ..Default::default()
    };
    list(&cx.state.db, &filter).await
}

/// Everything Klik holds about participant `id`, for the readable page; the JSON file is the
/// same value (`GET /participants/{id}/data.json`). Both are audited as an export.
#[server(endpoint = "load_participant_data")]
pub async fn load_participant_data(id: i32) -> Result<ParticipantData, AppError> {
    let cx = Ctx::authorize::<LoadParticipantData>().await?;
    export_participant(&cx.state, cx.user.id, id).await
}

/// Everything Klik holds about buddy or candidate `id` (`GET /buddies/{id}/data.json`).
#[server(endpoint = "load_buddy_data")]
pub async fn load_buddy_data(id: i32) -> Result<BuddyData, AppError> {
    let cx = Ctx::authorize::<LoadBuddyData>().await?;
    export_buddy(&cx.state, cx.user.id, id).await
}

/// Everything Klik holds about user account `id`, for the admins
/// (`GET /admin/users/{id}/data.json`).
#[server(endpoint = "load_user_data")]
pub async fn load_user_data(id: i32) -> Result<UserData, AppError> {
    let cx = Ctx::authorize::<LoadUserData>().await?;
    export_user(&cx.state, cx.user.id, id).await
}

/// Participant `id`'s data, loaded for `user` (who passed the policy of
/// [`LoadParticipantData`]) and recorded as an export: the page and the file share it.
#[cfg(feature = "ssr")]
pub async fn export_participant(
    state: &crate::state::AppState,
    user: i32,
    id: i32,
) -> Result<ParticipantData, AppError> {
    let data = crate::db::person_data::participant_data(
        &state.db,
        id,
        state.clock.now(),
        state.config.time_zone,
    )
    .await?;
    exported(state, user, PersonKind::Participant.record(id)).await?;
    Ok(data)
}

/// Buddy `id`'s data, for `user` (see [`export_participant`]).
#[cfg(feature = "ssr")]
pub async fn export_buddy(
    state: &crate::state::AppState,
    user: i32,
    id: i32,
) -> Result<BuddyData, AppError> {
    let data = crate::db::person_data::buddy_data(
        &state.db,
        id,
        state.clock.now(),
        state.config.time_zone,
    )
    .await?;
    exported(state, user, PersonKind::Buddy.record(id)).await?;
    Ok(data)
}

/// User `id`'s data, for admin `user` (see [`export_participant`]).
#[cfg(feature = "ssr")]
pub async fn export_user(
    state: &crate::state::AppState,
    user: i32,
    id: i32,
) -> Result<UserData, AppError> {
    use crate::domain::audit::{Record, RecordKind};

    let data = crate::db::person_data::user_data(&state.db, id, state.clock.now()).await?;
    exported(state, user, Record::new(RecordKind::User, id)).await?;
    Ok(data)
}

/// The audit row of an export: who gave whose data, never what.
#[cfg(feature = "ssr")]
async fn exported(
    state: &crate::state::AppState,
    user: i32,
    record: crate::domain::audit::Record,
) -> Result<(), AppError> {
    use crate::domain::audit::AuditAction;

    crate::audit::record(
        state,
        &state.db,
        Some(user),
        AuditAction::Export,
        Some(record.parts()),
    )
    .await?;
    Ok(())
}

/// The record of processing (art. 30) and the list of who can read health data, for the
/// admins; the file `GET /admin/registers.json` is the same value.
#[server(endpoint = "load_registers")]
pub async fn load_registers() -> Result<crate::domain::register::Registers, AppError> {
    let cx = Ctx::authorize::<LoadRegisters>().await?;
    registers(&cx.state).await
}

/// Both registers, made from the data model, the access policy and the settings.
#[cfg(feature = "ssr")]
pub async fn registers(
    state: &crate::state::AppState,
) -> Result<crate::domain::register::Registers, AppError> {
    use crate::auth::policy::{Rule, rule_for};
    use crate::domain::register::{MEASURES, Registers, record_of_processing};
    use leptos::server_fn::ServerFn;

    let db = &state.db;
    // Who may read a participant's record is whatever the policy says today.
    let health_roles = match rule_for(crate::api::participants::GetParticipant::PATH) {
        Some(Rule::Roles(roles)) => roles.to_vec(),
        _ => Vec::new(),
    };
    let (retention, _) = crate::db::retention::settings(db).await?;
    let counts = crate::db::registers::counts(db).await?;
    Ok(Registers {
        programme: crate::db::settings::programme_name(db, &state.config.programme_name).await?,
        made_at: state.clock.now(),
        processing: record_of_processing(&retention, counts, state.config.smtp_url.is_some()),
        retention,
        measures: MEASURES.to_vec(),
        access: crate::db::registers::access(db, &health_roles).await?,
        health_roles,
    })
}
