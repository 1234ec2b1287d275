//! Slows down password guessing: per account and per network address.

use chrono::{DateTime, Duration, Utc};
use sea_orm::ConnectionTrait;

use crate::db::login_attempts;
use crate::error::AppError;

/// Failed sign-ins for one account within the window before it is held back.
pub const ACCOUNT_LIMIT: u64 = 10;
/// Failed sign-ins from one address within the window (a shared office counts as one).
pub const IP_LIMIT: u64 = 50;
pub fn window() -> Duration {
    Duration::minutes(15)
}

/// Whether a sign-in for this account (by the hash of the typed address, so unknown
/// addresses are treated alike) or from this address must wait. Attempts refused here are
/// not counted, so the hold ends 15 minutes after the failure that caused it.
pub async fn is_held_back(
    db: &impl ConnectionTrait,
    email_hash: &str,
    ip: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let since = now - window();
    Ok(
        login_attempts::failures_for_account(db, email_hash, since).await? >= ACCOUNT_LIMIT
            || login_attempts::failures_for_ip(db, ip, since).await? >= IP_LIMIT,
    )
}

/// Key under which public buddy applications are counted in the attempts table (recorded
/// as successes, so they never count towards the sign-in limits).
const APPLICATION_KEY: &str = "buddy-application";
/// Applications from one network address per hour.
pub const APPLICATION_LIMIT: u64 = 5;

/// Counts a public application from `ip`; false when that address sent too many lately.
pub async fn allow_application(
    db: &impl ConnectionTrait,
    ip: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    allow_public_form(db, APPLICATION_KEY, ip, now).await
}

/// Key under which public participant registrations are counted, like applications.
const REGISTRATION_KEY: &str = "participant-registration";

/// Counts a public registration from `ip`; false past [`APPLICATION_LIMIT`] in the hour.
pub async fn allow_registration(
    db: &impl ConnectionTrait,
    ip: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    allow_public_form(db, REGISTRATION_KEY, ip, now).await
}

async fn allow_public_form(
    db: &impl ConnectionTrait,
    key: &str,
    ip: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let recent =
        login_attempts::count_for_key_and_ip(db, key, ip, now - Duration::hours(1)).await?;
    if recent >= APPLICATION_LIMIT {
        return Ok(false);
    }
    login_attempts::record(db, key, ip, true, now).await?;
    Ok(true)
}
