//! Data protection as files, each for whom its page's server function answers, by the same
//! policy:
//!
//! - `GET /participants/{id}/data.json`: a person's data (GDPR art. 20), audited like the
//!   page; named by the record's number, never by the person's name;
//! - `GET /admin/registers.json`: the record of processing and the access list (admins).

use app::api::privacy::{LoadParticipantData, LoadRegisters};
use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

pub async fn participant(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Ok(id) = id.parse::<i32>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let user =
        match app::auth::policy::authorize_headers::<LoadParticipantData>(&state, &headers).await {
            Ok(user) => user,
            Err(app::error::AppError::Unauthenticated) => {
                return (StatusCode::SEE_OTHER, [(header::LOCATION, "/login")]).into_response();
            }
            Err(_) => return StatusCode::FORBIDDEN.into_response(),
        };
    let data = match app::api::privacy::export(&state, user.id, id).await {
        Ok(data) => data,
        Err(app::error::AppError::NotFound) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, user = user.id, "data export failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match serde_json::to_vec_pretty(&data) {
        Ok(bytes) => crate::reports::file_response(
            bytes,
            "application/json",
            &format!("klik-deelnemer-{id}.json"),
        ),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

pub async fn registers(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match app::auth::policy::authorize_headers::<LoadRegisters>(&state, &headers).await {
        Ok(_) => {}
        Err(app::error::AppError::Unauthenticated) => {
            return (StatusCode::SEE_OTHER, [(header::LOCATION, "/login")]).into_response();
        }
        Err(_) => return StatusCode::FORBIDDEN.into_response(),
    }
    let registers = match app::api::privacy::registers(&state).await {
        Ok(r) => r,
        Err(error) => {
            tracing::error!(%error, "registers export failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match serde_json::to_vec_pretty(&registers) {
        Ok(bytes) => {
            crate::reports::file_response(bytes, "application/json", "klik-registers.json")
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
