//! Sessions: a random token in an HttpOnly cookie, its hash in the database.

use chrono::Duration;
use http::header::{COOKIE, SET_COOKIE, USER_AGENT};
use http::{HeaderValue, request::Parts};
use leptos::prelude::*;

use super::token::{hash_token, new_token};
use crate::config::Config;
use crate::db::{sessions, users::User};
use crate::domain::account::{CurrentUser, Role};
use crate::error::AppError;
use crate::state::AppState;

const COOKIE_NAME: &str = "klik_session";
/// Over HTTPS the `__Host-` prefix makes the browser insist on Secure, Path=/ and no Domain.
const SECURE_COOKIE_NAME: &str = "__Host-klik_session";

pub fn cookie_name(config: &Config) -> &'static str {
    if config.is_https() {
        SECURE_COOKIE_NAME
    } else {
        COOKIE_NAME
    }
}

fn cookie(config: &Config, value: &str, max_age: i64) -> String {
    let secure = if config.is_https() { "; Secure" } else { "" };
    format!(
        "{}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}",
        cookie_name(config)
    )
}

/// The cookie that carries a new session; it lasts as long as the role's absolute limit.
pub fn session_cookie(config: &Config, token: &str, role: Role) -> String {
    cookie(config, token, role.session_limits().absolute.num_seconds())
}

pub fn clear_cookie(config: &Config) -> String {
    cookie(config, "", 0)
}

fn request_parts() -> Option<Parts> {
    use_context::<Parts>()
}

fn request_token(config: &Config) -> Option<String> {
    let parts = request_parts()?;
    let name = cookie_name(config);
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, v)| *n == name && !v.is_empty())
        .map(|(_, v)| v.to_owned())
}

fn set_cookie(value: String) -> Result<(), AppError> {
    let header = HeaderValue::from_str(&value).map_err(AppError::internal)?;
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.append_header(SET_COOKIE, header);
    }
    Ok(())
}

/// The hash of this request's session token, if it carries one.
pub fn current_session_hash(state: &AppState) -> Option<String> {
    request_token(&state.config).map(|t| hash_token(&t))
}

/// The signed-in user of this request. Sessions past their idle or absolute limit, and
/// sessions of disabled accounts, are deleted on the way.
pub async fn current_user(state: &AppState) -> Result<Option<CurrentUser>, AppError> {
    let Some(hash) = current_session_hash(state) else {
        return Ok(None);
    };
    let Some((session, user)) = sessions::find_with_user(&state.db, &hash).await? else {
        return Ok(None);
    };
    let now = state.clock.now();
    let limits = user.role.session_limits();
    if !user.active
        || now - session.last_seen_at > limits.idle
        || now - session.created_at > limits.absolute
    {
        sessions::delete(&state.db, &hash).await?;
        return Ok(None);
    }
    // One write a minute at most keeps busy pages from writing on every request.
    if now - session.last_seen_at > Duration::minutes(1) {
        sessions::touch(&state.db, &hash, now).await?;
    }
    Ok(Some(user.current()))
}

/// Signs `user` in with a brand-new session id; a session this browser had is ended.
pub async fn start(state: &AppState, user: &User) -> Result<(), AppError> {
    if let Some(old) = current_session_hash(state) {
        sessions::delete(&state.db, &old).await?;
    }
    let device = request_parts()
        .and_then(|p| {
            p.headers
                .get(USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        })
        .unwrap_or_default();
    let token = new_token();
    sessions::create(
        &state.db,
        &hash_token(&token),
        user.id,
        &device,
        state.clock.now(),
    )
    .await?;
    set_cookie(session_cookie(&state.config, &token, user.role))
}

/// Ends this request's session on the server and clears the cookie.
pub async fn end(state: &AppState) -> Result<(), AppError> {
    if let Some(hash) = current_session_hash(state) {
        sessions::delete(&state.db, &hash).await?;
    }
    set_cookie(clear_cookie(&state.config))
}

/// The client's network address, for throttling (never logged with what they typed).
pub fn client_ip() -> String {
    request_parts()
        .and_then(|p| {
            p.extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| c.0.ip().to_string())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}
