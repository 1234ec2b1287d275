//! The buddy's personal calendar feed: whether there is one, a new secret address (shown
//! once), and ending it.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What the calendar page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedStatus {
    /// Whether the buddy has a working feed address.
    pub active: bool,
    /// When the current address was made (date and time in the programme's time zone).
    pub since: Option<String>,
    /// The full address, only on the page right after a form without JavaScript made it:
    /// it is shown this once and never again.
    pub fresh_url: Option<String>,
}

/// The result that waits for the page when a form was sent without JavaScript.
#[cfg(feature = "ssr")]
const FRESH_URL: &str = "calendar_url";

/// The signed-in buddy's own buddy record.
#[cfg(feature = "ssr")]
async fn own_buddy(
    state: &crate::state::AppState,
    user: &crate::domain::account::CurrentUser,
) -> Result<i32, AppError> {
    crate::db::buddies::id_of_user(&state.db, user.id)
        .await?
        .ok_or(AppError::NotFound)
}

#[server(endpoint = "calendar_status")]
pub async fn calendar_status() -> Result<FeedStatus, AppError> {
    let state = crate::state::app_state()?;
    let user = crate::auth::policy::authorize_user::<CalendarStatus>(&state).await?;
    let buddy = own_buddy(&state, &user).await?;
    let feed = crate::db::calendar::find(&state.db, buddy).await?;
    let now = state.clock.now();
    let fresh_url = match (&feed, crate::auth::session::current_session_hash(&state)) {
        (Some(_), Some(session)) => state
            .drafts
            .take_once(&session, FRESH_URL, now)
            .and_then(|json| serde_json::from_str(&json).ok()),
        _ => None,
    };
    Ok(FeedStatus {
        active: feed.is_some(),
        since: feed
            .map(|f| crate::domain::time::format_date_time(f.created_at, state.config.time_zone)),
        fresh_url,
    })
}

/// A new secret address for the buddy's calendar app; an earlier one stops working. The
/// address is in the answer (or, for a form without JavaScript, on the page it returns to)
/// this once: only a hash of its token is kept.
#[server(endpoint = "renew_calendar")]
pub async fn renew_calendar() -> Result<String, AppError> {
    use crate::auth::token::{hash_token, new_token};
    use crate::domain::audit::AuditAction;

    let state = crate::state::app_state()?;
    let user = crate::auth::policy::authorize_user::<RenewCalendar>(&state).await?;
    let buddy = own_buddy(&state, &user).await?;
    let now = state.clock.now();
    let token = new_token();
    let txn = state.begin().await?;
    crate::db::calendar::renew(&txn, buddy, &hash_token(&token), now).await?;
    let record = Some((crate::db::calendar::KIND, buddy.to_string()));
    crate::audit::record(&state, &txn, Some(user.id), AuditAction::Create, record).await?;
    txn.commit().await?;
    let url = format!(
        "{}{}",
        state.config.public_url.trim_end_matches('/'),
        crate::domain::calendar::feed_path(&token)
    );
    if crate::auth::session::is_plain_form_post()
        && let Some(session) = crate::auth::session::current_session_hash(&state)
    {
        let json = serde_json::to_string(&url).map_err(AppError::internal)?;
        state.drafts.keep_once(&session, FRESH_URL, json, now);
    }
    Ok(url)
}

/// Ends the buddy's feed: calendar apps get "not found" from then on.
#[server(endpoint = "revoke_calendar")]
pub async fn revoke_calendar() -> Result<(), AppError> {
    use crate::domain::audit::AuditAction;

    let state = crate::state::app_state()?;
    let user = crate::auth::policy::authorize_user::<RevokeCalendar>(&state).await?;
    let buddy = own_buddy(&state, &user).await?;
    let txn = state.begin().await?;
    if crate::db::calendar::revoke(&txn, buddy).await? {
        let record = Some((crate::db::calendar::KIND, buddy.to_string()));
        crate::audit::record(&state, &txn, Some(user.id), AuditAction::Delete, record).await?;
    }
    txn.commit().await?;
    Ok(())
}
