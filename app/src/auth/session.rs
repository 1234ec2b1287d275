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
/// Carries the second step of a sign-in whose password was right.
const STEP_COOKIE_NAME: &str = "klik_login_step";
/// How long the second step of a sign-in may take.
pub const SECOND_STEP_MINUTES: i64 = 5;

/// Over HTTPS the `__Host-` prefix makes the browser insist on Secure, Path=/ and no Domain.
fn full_name(config: &Config, base: &str) -> String {
    if config.is_https() {
        format!("__Host-{base}")
    } else {
        base.to_owned()
    }
}

pub fn cookie_name(config: &Config) -> String {
    full_name(config, COOKIE_NAME)
}

fn cookie(config: &Config, base: &str, value: &str, max_age: i64) -> String {
    let secure = if config.is_https() { "; Secure" } else { "" };
    format!(
        "{}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}",
        full_name(config, base)
    )
}

/// The cookie that carries a new session; it lasts as long as the role's absolute limit.
pub fn session_cookie(config: &Config, token: &str, role: Role) -> String {
    cookie(
        config,
        COOKIE_NAME,
        token,
        role.session_limits().absolute.num_seconds(),
    )
}

pub fn clear_cookie(config: &Config) -> String {
    cookie(config, COOKIE_NAME, "", 0)
}

fn request_parts() -> Option<Parts> {
    use_context::<Parts>()
}

fn request_cookie(config: &Config, base: &str) -> Option<String> {
    cookie_in(&request_parts()?.headers, &full_name(config, base))
}

fn cookie_in(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, v)| *n == name && !v.is_empty())
        .map(|(_, v)| v.to_owned())
}

fn request_token(config: &Config) -> Option<String> {
    request_cookie(config, COOKIE_NAME)
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
    match current_session_hash(state) {
        Some(hash) => user_of_session(state, &hash).await,
        None => Ok(None),
    }
}

/// As [`current_user`], for a request served by a plain axum route rather than Leptos.
pub async fn user_of_headers(
    state: &AppState,
    headers: &http::HeaderMap,
) -> Result<Option<CurrentUser>, AppError> {
    match cookie_in(headers, &cookie_name(&state.config)) {
        Some(token) => user_of_session(state, &hash_token(&token)).await,
        None => Ok(None),
    }
}

async fn user_of_session(state: &AppState, hash: &str) -> Result<Option<CurrentUser>, AppError> {
    let Some((session, user)) = sessions::find_with_user(&state.reads, hash).await? else {
        return Ok(None);
    };
    let now = state.clock.now();
    let limits = user.role.session_limits();
    if !user.active
        || now - session.last_seen_at > limits.idle
        || now - session.created_at > limits.absolute
    {
        sessions::delete(&state.db, hash).await?;
        return Ok(None);
    }
    // One write a minute at most keeps busy pages from writing on every request.
    if now - session.last_seen_at > Duration::minutes(1) {
        sessions::touch(&state.db, hash, now).await?;
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

/// Starts the second step of signing in: the password was right, a code must follow.
pub async fn start_second_step(state: &AppState, user_id: i32) -> Result<(), AppError> {
    let token = new_token();
    crate::db::two_factor::create_challenge(
        &state.db,
        &hash_token(&token),
        user_id,
        state.clock.now(),
    )
    .await?;
    set_cookie(cookie(
        &state.config,
        STEP_COOKIE_NAME,
        &token,
        SECOND_STEP_MINUTES * 60,
    ))
}

/// The hash of this request's second-step token, if it carries one.
pub fn second_step_hash(state: &AppState) -> Option<String> {
    request_cookie(&state.config, STEP_COOKIE_NAME).map(|t| hash_token(&t))
}

/// Forgets the second step on both sides.
pub async fn end_second_step(state: &AppState) -> Result<(), AppError> {
    if let Some(hash) = second_step_hash(state) {
        crate::db::two_factor::delete_challenge(&state.db, &hash).await?;
    }
    set_cookie(cookie(&state.config, STEP_COOKIE_NAME, "", 0))
}

/// Carries the key of the values a form without JavaScript sent back refused.
const DRAFT_COOKIE_NAME: &str = "klik_draft";

/// This browser's draft key, made (and set as a cookie) when it has none yet.
pub fn draft_key(state: &AppState, minutes: i64) -> Result<String, AppError> {
    if let Some(token) = request_cookie(&state.config, DRAFT_COOKIE_NAME) {
        return Ok(hash_token(&token));
    }
    let token = new_token();
    set_cookie(cookie(
        &state.config,
        DRAFT_COOKIE_NAME,
        &token,
        minutes * 60,
    ))?;
    Ok(hash_token(&token))
}

/// This browser's draft key, if it has one.
pub fn existing_draft_key(state: &AppState) -> Option<String> {
    request_cookie(&state.config, DRAFT_COOKIE_NAME).map(|t| hash_token(&t))
}

/// Whether this request is a plain HTML form post (JavaScript off): its answer is a redirect.
pub fn is_plain_form_post() -> bool {
    request_parts().is_some_and(|p| {
        p.headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    })
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
