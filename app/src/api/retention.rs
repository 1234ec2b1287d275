//! Retention: what falls due in the coming days, a coordinator's hold on one record, the
//! daily job's log (coordinators and admins), and the periods (admins).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::domain::privacy::PersonKind;
use crate::domain::retention::{DueCase, HoldForm, Retention, RetentionForm, RunLog};
use crate::error::AppError;

/// How far ahead the page looks.
pub const HORIZON_DAYS: u64 = 30;

/// The retention page: the periods, what the job anonymises in the next [`HORIZON_DAYS`]
/// days, what is held back, and the last runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RetentionOverview {
    pub settings: Retention,
    pub due: Vec<DueCase>,
    pub held: Vec<DueCase>,
    pub runs: Vec<RunLog>,
}

#[server(endpoint = "load_retention_overview")]
pub async fn load_retention_overview() -> Result<RetentionOverview, AppError> {
    let cx = Ctx::authorize::<LoadRetentionOverview>().await?;
    let db = &cx.state.db;
    let tz = cx.state.config.time_zone;
    let (settings, _) = crate::db::retention::settings(db).await?;
    let cases = crate::db::retention::cases(db, &settings, tz).await?;
    let horizon = cx.today + chrono::Days::new(HORIZON_DAYS);
    let (mut due, mut held) = (Vec::new(), Vec::new());
    for case in cases {
        if case.held_until.is_some_and(|h| h >= cx.today) {
            held.push(case);
        } else if case.erased_from() <= horizon {
            due.push(case);
        }
    }
    Ok(RetentionOverview {
        settings,
        due,
        held,
        runs: crate::db::retention::runs(db, 30).await?,
    })
}

/// Holds one record back from the job until a later day, for a reason from the list.
#[server(endpoint = "hold_record")]
pub async fn hold_record(kind: PersonKind, id: i32, form: HoldForm) -> Result<(), AppError> {
    use crate::domain::audit::AuditAction;

    let cx = Ctx::authorize::<HoldRecord>().await?;
    let (until, reason) = form.check(cx.today).map_err(AppError::fields)?;
    let txn = cx.begin().await?;
    crate::db::retention::hold(&txn, kind, id, until, reason).await?;
    cx.audit(&txn, AuditAction::Update, kind.record(id)).await?;
    txn.commit().await?;
    Ok(())
}

/// The retention periods as a form, and their version.
#[server(endpoint = "load_retention")]
pub async fn load_retention() -> Result<(RetentionForm, Option<i32>), AppError> {
    let cx = Ctx::authorize::<LoadRetention>().await?;
    let (settings, version) = crate::db::retention::settings(&cx.state.db).await?;
    Ok((RetentionForm::from_settings(&settings), version))
}

/// Saves the retention periods over the version read.
#[server(endpoint = "save_retention")]
pub async fn save_retention(form: RetentionForm, version: Option<i32>) -> Result<(), AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<SaveRetention>().await?;
    let settings = form.check().map_err(AppError::fields)?;
    let value = serde_json::to_string(&settings).map_err(AppError::internal)?;
    let key = crate::db::settings::RETENTION;
    let txn = cx.begin().await?;
    crate::db::settings::put(&txn, key, &value, version, cx.now).await?;
    cx.audit(
        &txn,
        AuditAction::Update,
        Record::new(RecordKind::Setting, key),
    )
    .await?;
    txn.commit().await?;
    if crate::auth::session::is_plain_form_post() {
        leptos_axum::redirect("/admin/settings?saved=retention");
    }
    Ok(())
}
