//! The buddy's personal calendar feed: whether there is one, a new secret address (shown
//! once), and ending it.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
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
async fn own_buddy(cx: &Ctx) -> Result<i32, AppError> {
    crate::db::buddies::id_of_user(&cx.state.db, cx.user.id)
        .await?
        .ok_or(AppError::NotFound)
}

#[server(endpoint = "calendar_status")]
pub async fn calendar_status() -> Result<FeedStatus, AppError> {
    let cx = Ctx::authorize::<CalendarStatus>().await?;
    let state = &cx.state;
    let buddy = own_buddy(&cx).await?;
    let feed = crate::db::calendar::find(&state.db, buddy).await?;
    let fresh_url = match (&feed, crate::auth::session::current_session_hash(state)) {
        (Some(_), Some(session)) => {
            crate::api::drafts::take_once(state, &session, FRESH_URL, cx.now)
                .await?
                .and_then(|json| serde_json::from_str(&json).ok())
        }
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
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<RenewCalendar>().await?;
    let (state, now) = (&cx.state, cx.now);
    let buddy = own_buddy(&cx).await?;
    let token = new_token();
    let txn = cx.begin().await?;
    crate::db::calendar::renew(&txn, buddy, &hash_token(&token), now).await?;
    let record = Record::new(RecordKind::CalendarFeed, buddy);
    cx.audit(&txn, AuditAction::Create, record).await?;
    txn.commit().await?;
    let url = format!(
        "{}{}",
        state.config.public_url.trim_end_matches('/'),
        crate::domain::calendar::feed_path(&token)
    );
    if crate::auth::session::is_plain_form_post()
        && let Some(session) = crate::auth::session::current_session_hash(state)
    {
        let json = serde_json::to_string(&url).map_err(AppError::internal)?;
        crate::api::drafts::keep_once(state, &session, FRESH_URL, json, now).await?;
    }
    Ok(url)
}

/// Ends the buddy's feed: calendar apps get "not found" from then on.
#[server(endpoint = "revoke_calendar")]
pub async fn revoke_calendar() -> Result<(), AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<RevokeCalendar>().await?;
    let buddy = own_buddy(&cx).await?;
    let txn = cx.begin().await?;
    if crate::db::calendar::revoke(&txn, buddy).await? {
        let record = Record::new(RecordKind::CalendarFeed, buddy);
        cx.audit(&txn, AuditAction::Delete, record).await?;
    }
    txn.commit().await?;
    Ok(())
}
