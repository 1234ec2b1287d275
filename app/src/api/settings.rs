//! Programme settings that admins change.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Security {
    /// Two-step sign-in compulsory for admins and coordinators.
    pub two_factor_required: bool,
    /// Version of the stored setting (none while never saved), for optimistic concurrency.
    pub version: Option<i32>,
}

#[server(endpoint = "security_settings")]
pub async fn security_settings() -> Result<Security, AppError> {
    use crate::db::settings::{TWO_FACTOR_REQUIRED, flag};

    let cx = Ctx::authorize::<SecuritySettings>().await?;
    let (two_factor_required, version) = flag(&cx.state.db, TWO_FACTOR_REQUIRED).await?;
    Ok(Security {
        two_factor_required,
        version,
    })
}

/// `version` is what the admin saw (absent while never saved); a stale value is a conflict.
#[server(endpoint = "set_two_factor_required")]
pub async fn set_two_factor_required(
    required: bool,
    version: Option<i32>,
) -> Result<Security, AppError> {
    use crate::db::settings::{TWO_FACTOR_REQUIRED, put};
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<SetTwoFactorRequired>().await?;
    // Whoever makes it compulsory has it on already: nobody locks themselves out by surprise.
    if required && !cx.user.two_factor {
        return Err(AppError::TwoFactorRequired);
    }
    let value = if required { "true" } else { "false" };
    let txn = cx.begin().await?;
    let version = put(&txn, TWO_FACTOR_REQUIRED, value, version, cx.now).await?;
    let record = Record::new(RecordKind::Setting, TWO_FACTOR_REQUIRED);
    cx.audit(&txn, AuditAction::Update, record).await?;
    txn.commit().await?;
    Ok(Security {
        two_factor_required: required,
        version: Some(version),
    })
}

/// The months of the evaluation plan, as the admin's form shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationPlanSetting {
    pub form: crate::domain::duo::EvaluationPlanForm,
    /// Version of the stored setting (none while never saved), for optimistic concurrency.
    pub version: Option<i32>,
}

#[server(endpoint = "load_evaluation_plan")]
pub async fn load_evaluation_plan() -> Result<EvaluationPlanSetting, AppError> {
    let cx = Ctx::authorize::<LoadEvaluationPlan>().await?;
    let (plan, version) = crate::db::duos::evaluation_plan(&cx.state.db).await?;
    Ok(EvaluationPlanSetting {
        form: plan.into(),
        version,
    })
}

/// Saves the plan (audited) for agreements signed from now on and for the conversation
/// planned after each one held; a stale `version` is a conflict and nothing is written.
#[server(endpoint = "save_evaluation_plan")]
pub async fn save_evaluation_plan(
    form: crate::domain::duo::EvaluationPlanForm,
    version: Option<i32>,
) -> Result<EvaluationPlanSetting, AppError> {
    use crate::db::settings::{EVALUATION_PLAN, put};
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<SaveEvaluationPlan>().await?;
    let plan = form.check().map_err(AppError::fields)?;
    let value = serde_json::to_string(&plan).map_err(AppError::internal)?;
    let txn = cx.begin().await?;
    let version = put(&txn, EVALUATION_PLAN, &value, version, cx.now).await?;
    let record = Record::new(RecordKind::Setting, EVALUATION_PLAN);
    cx.audit(&txn, AuditAction::Update, record).await?;
    txn.commit().await?;
    // Without JavaScript the page can only say "saved" through its address.
    if crate::auth::session::is_plain_form_post() {
        leptos_axum::redirect("/admin/settings?saved=evaluation_plan");
    }
    Ok(EvaluationPlanSetting {
        form: plan.into(),
        version: Some(version),
    })
}

/// The first-steps settings (intake days, follow-up weeks, catalogue check months, phone) as
/// the form shows them, with their version.
#[server(endpoint = "load_first_steps")]
pub async fn load_first_steps()
-> Result<(crate::domain::first_steps::FirstStepsForm, Option<i32>), AppError> {
    use crate::domain::first_steps::FirstStepsForm;

    let cx = Ctx::authorize::<LoadFirstSteps>().await?;
    let (settings, version) = crate::db::settings::first_steps(&cx.state.db).await?;
    Ok((FirstStepsForm::from_settings(&settings), version))
}

/// Saves the first-steps settings over the version read.
#[server(endpoint = "save_first_steps")]
pub async fn save_first_steps(
    form: crate::domain::first_steps::FirstStepsForm,
    version: Option<i32>,
) -> Result<(), AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<SaveFirstSteps>().await?;
    let settings = form.check().map_err(AppError::fields)?;
    let value = serde_json::to_string(&settings).map_err(|e| AppError::internal(e.to_string()))?;
    let key = crate::db::settings::FIRST_STEPS;
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
        leptos_axum::redirect("/admin/settings?saved=first_steps");
    }
    Ok(())
}
