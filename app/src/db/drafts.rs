//! Refused form values and results shown once (see `api::drafts`), kept a few minutes in the
//! database so that every server instance can serve them.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
};

use super::entities::form_draft::{self, Column, Entity};
use crate::error::AppError;

/// Bounds what a flood of refused posts can store before the sweep catches up.
pub const MAX_DRAFTS: u64 = 5_000;

/// What is kept for one form of one browser.
pub struct Draft<'a> {
    /// SHA-256 of the browser's draft cookie (or session token).
    pub browser_key: &'a str,
    pub form: &'a str,
    /// The session that typed it: another session of the same browser never sees it.
    pub session_hash: Option<&'a str>,
    /// The form's values as JSON.
    pub body: String,
    pub expires_at: DateTime<Utc>,
}

/// Keeps `draft`, replacing what this browser kept for the form before. Nothing is kept when
/// [`MAX_DRAFTS`] unexpired drafts wait already (the form then shows empty, as it would
/// without the store).
pub async fn put(
    db: &impl ConnectionTrait,
    draft: Draft<'_>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let waiting = Entity::find()
        .filter(Column::ExpiresAt.gt(now))
        .count(db)
        .await?;
    if waiting >= MAX_DRAFTS {
        return Ok(());
    }
    let row = form_draft::ActiveModel {
        browser_key: Set(draft.browser_key.to_owned()),
        form: Set(draft.form.to_owned()),
        session_hash: Set(draft.session_hash.map(str::to_owned)),
        body: Set(draft.body),
        expires_at: Set(draft.expires_at),
        ..Default::default()
    };
    Entity::insert(row)
        .on_conflict(
            OnConflict::columns([Column::BrowserKey, Column::Form])
                .update_columns([Column::SessionHash, Column::Body, Column::ExpiresAt])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// The values kept for `form` of this browser and session, if they have not expired.
pub async fn get(
    db: &impl ConnectionTrait,
    browser_key: &str,
    form: &str,
    session_hash: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<String>, AppError> {
    let found = Entity::find()
        .filter(Column::BrowserKey.eq(browser_key))
        .filter(Column::Form.eq(form))
        .filter(Column::ExpiresAt.gt(now))
        .one(db)
        .await?;
    Ok(found
        .filter(|d| d.session_hash.as_deref() == session_hash)
        .map(|d| d.body))
}

/// Forgets what was kept for `form` of this browser.
pub async fn remove(
    db: &impl ConnectionTrait,
    browser_key: &str,
    form: &str,
) -> Result<(), AppError> {
    Entity::delete_many()
        .filter(Column::BrowserKey.eq(browser_key))
        .filter(Column::Form.eq(form))
        .exec(db)
        .await?;
    Ok(())
}

/// The values kept for `form` of this browser and session, removed on the way: shown once.
/// Of two requests taking it at once, only the one whose delete removed the row gets it.
pub async fn take(
    db: &impl ConnectionTrait,
    browser_key: &str,
    form: &str,
    session_hash: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<String>, AppError> {
    let Some(found) = Entity::find()
        .filter(Column::BrowserKey.eq(browser_key))
        .filter(Column::Form.eq(form))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let removed = Entity::delete_many()
        .filter(Column::Id.eq(found.id))
        .exec(db)
        .await?
        .rows_affected;
    Ok(
        (removed == 1 && found.expires_at > now && found.session_hash.as_deref() == session_hash)
            .then_some(found.body),
    )
}

/// Deletes every expired draft; the number deleted.
pub async fn sweep(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, AppError> {
    Ok(Entity::delete_many()
        .filter(Column::ExpiresAt.lte(now))
        .exec(db)
        .await?
        .rows_affected)
}
