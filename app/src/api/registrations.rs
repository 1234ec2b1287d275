//! Registrations of candidate participants: the public form (by the person or a care
//! worker), and the coordinator's list, page and intake planning.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::domain::lists::Lists;
use crate::domain::registration::{RegistrationForm, RegistrationView};
use crate::error::AppError;

/// Public: what the registration form offers (municipalities, referring organisations).
#[server(endpoint = "registration_lists")]
pub async fn registration_lists() -> Result<Lists, AppError> {
    let cx = Ctx::open::<RegistrationLists>().await?;
    let all = crate::db::lists::load(&cx.state.db, false).await?;
    Ok(Lists {
        municipalities: all.municipalities,
        referral_organisations: all.referral_organisations,
        ..Default::default()
    })
}

/// Public: a candidate participant registers, or a care worker registers them. It lands as
/// an open registration whose intake is due within the admins' number of days; a care
/// worker gets a receipt without personal details. Robots and floods get nowhere.
#[server(endpoint = "register_participant")]
pub async fn register_participant(form: RegistrationForm) -> Result<(), AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let result: Result<(), AppError> = async {
        let cx = Ctx::open::<RegisterParticipant>().await?;
        if form.is_spam() {
            leptos_axum::redirect("/register/thanks");
            return Ok(());
        }
        let lists = crate::db::lists::load(&cx.state.db, false).await?;
        let registration = form.check(&lists).map_err(AppError::fields)?;
        let ip = crate::auth::session::client_ip();
        if !crate::auth::throttle::allow_registration(&cx.state.db, &ip, cx.now).await? {
            return Err(AppError::TooManyAttempts);
        }
        let days = crate::db::settings::intake_days(&cx.state.db).await?;
        let due = crate::domain::registration::intake_due(cx.today, days);
        let txn = cx.begin().await?;
        let id =
            crate::db::registrations::create(&txn, &registration, cx.today, due, cx.now).await?;
        if let Some(to) = &registration.care_worker_email {
            receipt(&cx, &txn, to).await?;
        }
        // The person or their care worker registers, even when someone is signed in.
        let record = Some(Record::new(RecordKind::Registration, id));
        cx.audit_by(&txn, None, AuditAction::Create, record).await?;
        txn.commit().await?;
        leptos_axum::redirect("/register/thanks");
        Ok(())
    }
    .await;
    crate::api::drafts::settle(crate::api::drafts::DraftForm::Registration, &form, result).await
}

/// The care worker's receipt: that a registration arrived and what happens next; no name,
/// no detail of the person (mail is not a safe place for health-related data).
#[cfg(feature = "ssr")]
async fn receipt(
    cx: &Ctx<Option<crate::domain::account::CurrentUser>>,
    db: &impl crate::db::Connection,
    to: &str,
) -> Result<(), AppError> {
    use crate::i18n::Lang;
    let programme =
        crate::db::settings::programme_name(db, &cx.state.config.programme_name).await?;
    let (nl, en) = (Lang::Nl.texts(), Lang::En.texts());
    let body = format!(
        "{}\n\n----\n\n{}",
        (nl.register_mail_body)(&programme),
        (en.register_mail_body)(&programme)
    );
    let subject = (nl.register_mail_subject)(&programme);
    let message = crate::db::outbox::NewMessage {
        kind: "registration_receipt",
        to,
        subject: &subject,
        body: &body,
    };
    crate::db::outbox::enqueue(db, message, cx.now).await?;
    Ok(())
}

/// The open registrations, the intake due soonest first.
#[server(endpoint = "open_registrations")]
pub async fn open_registrations() -> Result<Vec<RegistrationView>, AppError> {
    let cx = Ctx::authorize::<OpenRegistrations>().await?;
    crate::db::registrations::open(&cx.state.db).await
}

/// One registration; reading it is audited like a participant's record.
#[server(endpoint = "get_registration")]
pub async fn get_registration(id: i32) -> Result<RegistrationView, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<GetRegistration>().await?;
    let db = &cx.state.db;
    let found = crate::db::registrations::find(db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    cx.audit(
        db,
        AuditAction::Read,
        Record::new(RecordKind::Registration, id),
    )
    .await?;
    Ok(found)
}

/// What a coordinator does with an open registration read at `version`: `plan` the intake
/// conversation on `on` (today or later), or `close` it without one.
#[server(endpoint = "update_registration")]
pub async fn update_registration(
    id: i32,
    version: i32,
    action: String,
    on: Option<String>,
) -> Result<(), AppError> {
    use crate::db::registrations::Change;
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::validation::{Problem, date};

    let cx = Ctx::authorize::<UpdateRegistration>().await?;
    let change = match action.as_str() {
        "plan" => match date(on.as_deref().unwrap_or_default()) {
            Ok(d) if d >= cx.today => Change::PlanIntake(d),
            Ok(_) => return Err(AppError::validation("on", Problem::Invalid)),
            Err(p) => return Err(AppError::validation("on", p)),
        },
        "close" => Change::Close,
        _ => return Err(AppError::validation("action", Problem::Invalid)),
    };
    let txn = cx.begin().await?;
    crate::db::registrations::change(&txn, id, version, change, cx.now).await?;
    cx.audit(
        &txn,
        AuditAction::Update,
        Record::new(RecordKind::Registration, id),
    )
    .await?;
    txn.commit().await?;
    if crate::auth::session::is_plain_form_post() {
        leptos_axum::redirect(&format!("/registrations/{id}"));
    }
    Ok(())
}

/// The intake form started from an open registration, with the registration's version (the
/// intake closes it when the participant's record is made).
#[server(endpoint = "registration_intake")]
pub async fn registration_intake(
    id: i32,
) -> Result<(crate::domain::people::IntakeForm, i32), AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::registration::RegistrationStatus;

    let cx = Ctx::authorize::<RegistrationIntake>().await?;
    let db = &cx.state.db;
    let found = crate::db::registrations::find(db, id)
        .await?
        .filter(|r| r.status == RegistrationStatus::Open)
        .ok_or(AppError::NotFound)?;
    cx.audit(
        db,
        AuditAction::Read,
        Record::new(RecordKind::Registration, id),
    )
    .await?;
    Ok((found.registration.intake_form(), found.version))
}
