//! Data protection as files, each for whom its page's server function answers, by the same
//! policy:
//!
//! - `GET /participants/{id}/data.json`, `/buddies/{id}/data.json`,
//!   `/admin/users/{id}/data.json`: a person's data (GDPR art. 20), audited like the page;
//!   named by the record's number, never by the person's name;
//! - `GET /admin/registers.json`: the record of processing and the access list (admins).

use std::future::Future;

use app::api::privacy::{LoadBuddyData, LoadParticipantData, LoadRegisters, LoadUserData};
use app::error::AppError;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use leptos::server_fn::ServerFn;
use serde::Serialize;

pub async fn participant(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    person_file::<LoadParticipantData, _, _>(
        state,
        headers,
        &id,
        "deelnemer",
        |s, user, id| async move { app::api::privacy::export_participant(&s, user, id).await },
    )
    .await
}

pub async fn buddy(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    person_file::<LoadBuddyData, _, _>(state, headers, &id, "buddy", |s, user, id| async move {
        app::api::privacy::export_buddy(&s, user, id).await
    })
    .await
}

pub async fn user(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    person_file::<LoadUserData, _, _>(state, headers, &id, "gebruiker", |s, user, id| async move {
        app::api::privacy::export_user(&s, user, id).await
    })
    .await
}

pub async fn registers(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Err(refused) = allowed::<LoadRegisters>(&state, &headers).await {
        return refused;
    }
    match app::api::privacy::registers(&state).await {
        Ok(registers) => json_file(&registers, "klik-registers.json"),
        Err(error) => {
            tracing::error!(%error, "registers export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `klik-<noun>-<id>.json` with what `export` gives for the signed-in user, if the policy of
/// `F` (the page's server function) lets them.
async fn person_file<F, T, Fut>(
    state: AppState,
    headers: HeaderMap,
    id: &str,
    noun: &str,
    export: impl FnOnce(AppState, i32, i32) -> Fut,
) -> Response
where
    F: ServerFn,
    T: Serialize,
    Fut: Future<Output = Result<T, AppError>>,
{
    let Ok(id) = id.parse::<i32>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let user = match allowed::<F>(&state, &headers).await {
        Ok(user) => user,
        Err(refused) => return refused,
    };
    match export(state, user, id).await {
        Ok(data) => json_file(&data, &format!("klik-{noun}-{id}.json")),
        Err(AppError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, user, "data export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The signed-in user's id if `F`'s policy lets them; otherwise the answer to give.
async fn allowed<F: ServerFn>(state: &AppState, headers: &HeaderMap) -> Result<i32, Response> {
    match app::auth::policy::authorize_headers::<F>(state, headers).await {
        Ok(user) => Ok(user.id),
        Err(AppError::Unauthenticated) => {
            Err((StatusCode::SEE_OTHER, [(header::LOCATION, "/login")]).into_response())
        }
        Err(_) => Err(StatusCode::FORBIDDEN.into_response()),
    }
}

fn json_file(value: &impl Serialize, name: &str) -> Response {
    match serde_json::to_vec_pretty(value) {
        Ok(bytes) => crate::reports::file_response(bytes, "application/json", name),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
