//! The edges of the server functions: how much a request may carry, and which HTTP status
//! an error answers with.
//!
//! Server functions answer every error with status 500; [`status_from_error`] gives each
//! `AppError` its own status (400 for an unreadable request, 401, 403, 404, 409, 413, 422,
//! 429), so that only real server failures count as 500 in logs and monitoring.

use app::error::{AppError, RequestFields};
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::server_fn::ServerFn;
use leptos::server_fn::error::{FromServerFnError, ServerFnUrlError};

/// What a server function may receive: its forms are small. Room enough that a field far
/// too long (a 100 KB note) still gets its own message at the field.
pub const BODY_LIMIT: usize = 128 * 1024;
/// The import takes up to 1 MB of pasted text, and the form around it.
pub const IMPORT_BODY_LIMIT: usize = app::api::import::MAX_CSV_BYTES + 512 * 1024;

/// Error bodies are small JSON documents; anything larger is passed on untouched.
const MAX_ERROR_BODY: usize = 64 * 1024;

/// The body limit of the server function at `path`.
pub fn body_limit(path: &str) -> usize {
    use app::api::import::{ConfirmImport, PreviewImport};
    if path == PreviewImport::PATH || path == ConfirmImport::PATH {
        IMPORT_BODY_LIMIT
    } else {
        BODY_LIMIT
    }
}

/// Reads a server function's request body up to its limit (413 past it, before a single
/// field is decoded), and keeps its fields for the error message of a refused value
/// (see `app::error::RequestFields`).
pub async fn limit_body(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if !path.starts_with("/api/") {
        return next.run(request).await;
    }
    let limit = body_limit(path);
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > limit) {
        return too_large(&request, limit);
    }
    let (mut parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, limit).await else {
        return too_large(&Request::from_parts(parts, Body::empty()), limit);
    };
    let mut fields: Vec<(String, String)> = parts
        .uri
        .query()
        .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default();
    let is_form = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if is_form {
        fields.extend(form_urlencoded::parse(&bytes).into_owned());
    }
    parts.extensions.insert(RequestFields(fields));
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// 413 with the error as JSON; a form sent without JavaScript goes back to its page, which
/// shows the error the way server functions do it (`__err` in the address: the error only).
fn too_large(request: &Request, limit: usize) -> Response {
    let error = AppError::TooLarge {
        max_kb: u32::try_from(limit / 1024).unwrap_or(u32::MAX),
    };
    let wants_html = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    let referer = request
        .headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok());
    if wants_html
        && let Some(referer) = referer
        && let Ok(url) = ServerFnUrlError::new(request.uri().path(), error.clone()).to_url(referer)
        && let Ok(location) = HeaderValue::from_str(url.as_str())
    {
        return (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response();
    }
    let mut response = (StatusCode::PAYLOAD_TOO_LARGE, error.ser()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

pub async fn status_from_error(request: Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if !is_api || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes)
        && let Ok(status) = StatusCode::from_u16(error.status())
    {
        parts.status = status;
    }
    Response::from_parts(parts, Body::from(bytes))
}
