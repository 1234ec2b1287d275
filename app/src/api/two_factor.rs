//! Each user's own two-step sign-in: set up with an authenticator app, recovery codes, off.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorState {
    pub enabled: bool,
    /// Recovery codes not used yet.
    pub recovery_codes_left: u64,
    /// Compulsory for this user's role: it cannot be turned off.
    pub required: bool,
    /// Being set up: what the app needs, until the first code confirms it.
    pub pending: Option<Enrolment>,
}

/// What the authenticator app needs, shown once while setting up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    /// The secret in groups of four, for typing it in by hand.
    pub secret: String,
    pub otpauth_url: String,
    /// The QR code as an SVG document (made on the server, no script).
    pub qr_svg: String,
}

#[server(endpoint = "two_factor_status")]
pub async fn two_factor_status() -> Result<TwoFactorState, AppError> {
    use crate::db::settings::{TWO_FACTOR_REQUIRED, flag};

    let cx = Ctx::authorize::<TwoFactorStatus>().await?;
    let (state, user) = (&cx.state, &cx.user);
    let required = user.role.two_factor_expected() && flag(&state.db, TWO_FACTOR_REQUIRED).await?.0;
    let pending = match crate::db::two_factor::secrets(&state.db, user.id)
        .await?
        .pending
    {
        Some(secret) if !user.two_factor => Some(enrolment_for(state, user, &secret).await?),
        _ => None,
    };
    Ok(TwoFactorState {
        pending,
        enabled: user.two_factor,
        recovery_codes_left: crate::db::two_factor::unused_recovery_codes(&state.db, user.id)
            .await?,
        required,
    })
}

/// Chooses a new secret; it counts only after a first code confirms it.
#[server(endpoint = "start_two_factor")]
pub async fn start_two_factor() -> Result<Enrolment, AppError> {
    use crate::auth::two_factor::new_secret;

    let cx = Ctx::authorize::<StartTwoFactor>().await?;
    if cx.user.two_factor {
        return Err(AppError::Conflict);
    }
    let secret = new_secret();
    crate::db::two_factor::set_pending(&cx.state.db, cx.user.id, &secret, cx.now).await?;
    enrolment_for(&cx.state, &cx.user, &secret).await
}

#[cfg(feature = "ssr")]
async fn enrolment_for(
    state: &crate::state::AppState,
    user: &crate::domain::account::CurrentUser,
    secret: &str,
) -> Result<Enrolment, AppError> {
    let issuer =
        crate::db::settings::programme_name(&state.db, &state.config.programme_name).await?;
    let (otpauth_url, qr_svg) =
        crate::auth::two_factor::enrolment(secret, &format!("Klik {issuer}"), &user.email)?;
    let grouped = secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(Enrolment {
        secret: grouped,
        otpauth_url,
        qr_svg,
    })
}

/// Turns two-step sign-in on with the first code from the app; answers the recovery codes,
/// which are shown this once only.
#[server(endpoint = "confirm_two_factor")]
pub async fn confirm_two_factor(code: String) -> Result<Vec<String>, AppError> {
    use crate::auth::two_factor::{check, new_recovery_codes};
    use crate::db::two_factor as store;
    use crate::domain::account::{SecondFactor, format_recovery_code, second_factor};
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::validation::Problem;

    let cx = Ctx::authorize::<ConfirmTwoFactor>().await?;
    let (user, now) = (&cx.user, cx.now);
    let Some(pending) = store::secrets(&cx.state.db, user.id).await?.pending else {
        return Err(AppError::Expired);
    };
    let Ok(SecondFactor::Code(code)) = second_factor(&code) else {
        return Err(AppError::validation("code", Problem::Invalid));
    };
    let Some(step) = check(&pending, &code, now.timestamp().max(0) as u64, None)? else {
        return Err(AppError::validation("code", Problem::Invalid));
    };
    let codes = new_recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|(_, h)| h.clone()).collect();
    let txn = cx.begin().await?;
    store::confirm(&txn, user.id, &pending, step, &hashes, now).await?;
    let record = Record::new(RecordKind::User, user.id);
    cx.audit(&txn, AuditAction::Update, record).await?;
    txn.commit().await?;
    Ok(codes.iter().map(|(c, _)| format_recovery_code(c)).collect())
}

/// Checks the current password of a request that changes how the account signs in.
#[cfg(feature = "ssr")]
async fn check_password(
    state: &crate::state::AppState,
    user_id: i32,
    password: &str,
) -> Result<(), AppError> {
    use crate::auth::password::{Verified, verify};
    use crate::domain::account::PASSWORD_MAX;

    let stored = crate::db::users::password_hash(&state.db, user_id)
        .await?
        .unwrap_or_default();
    if password.chars().count() > PASSWORD_MAX || verify(password, &stored).await? == Verified::No {
        return Err(AppError::validation(
            "password",
            crate::domain::validation::Problem::Invalid,
        ));
    }
    Ok(())
}

#[server(endpoint = "disable_two_factor")]
pub async fn disable_two_factor(password: String) -> Result<(), AppError> {
    use crate::db::settings::{TWO_FACTOR_REQUIRED, flag};
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<DisableTwoFactor>().await?;
    let user = &cx.user;
    check_password(&cx.state, user.id, &password).await?;
    if user.role.two_factor_expected() && flag(&cx.state.db, TWO_FACTOR_REQUIRED).await?.0 {
        return Err(AppError::TwoFactorRequired);
    }
    let txn = cx.begin().await?;
    crate::db::two_factor::disable(&txn, user.id, cx.now).await?;
    let record = Record::new(RecordKind::User, user.id);
    cx.audit(&txn, AuditAction::Update, record).await?;
    txn.commit().await?;
    Ok(())
}

/// New recovery codes; the old ones stop working.
#[server(endpoint = "renew_recovery_codes")]
pub async fn renew_recovery_codes(password: String) -> Result<Vec<String>, AppError> {
    use crate::auth::two_factor::new_recovery_codes;
    use crate::domain::account::format_recovery_code;
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<RenewRecoveryCodes>().await?;
    let user = &cx.user;
    check_password(&cx.state, user.id, &password).await?;
    if !user.two_factor {
        return Err(AppError::Conflict);
    }
    let codes = new_recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|(_, h)| h.clone()).collect();
    let txn = cx.begin().await?;
    crate::db::two_factor::replace_recovery_codes(&txn, user.id, &hashes).await?;
    let record = Record::new(RecordKind::User, user.id);
    cx.audit(&txn, AuditAction::Update, record).await?;
    txn.commit().await?;
    Ok(codes.iter().map(|(c, _)| format_recovery_code(c)).collect())
}
