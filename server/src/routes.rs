//! The axum router: health check, Leptos pages and server functions, static files.

use app::state::AppState;
use app::{App, shell};
use axum::extract::State;
use axum::http::StatusCode;
use axum::middleware::from_fn_with_state;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use std::sync::LazyLock;

use leptos_axum::{
    AxumRouteListing, LeptosRoutes, file_and_error_handler_with_context, generate_route_list,
};
use serde::Serialize;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

use crate::security;

/// The app's routes, found once per process. Finding them renders the app with resource
/// loading turned off for the whole process (leptos_server's `SuppressResourceLoad` is a
/// global flag): a page rendered at that moment by another router in the same process (the
/// integration tests build one per test, in parallel) would wait forever for its resources.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: LazyLock<Vec<AxumRouteListing>> = LazyLock::new(|| generate_route_list(App));
    ROUTES.clone()
}

pub fn router(state: AppState) -> Router {
    let routes = route_list();
    let options = state.leptos_options.clone();
    let mut router = Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/reports/export/{file}", get(crate::reports::xlsx))
        .route("/reports/export/{section}/{file}", get(crate::reports::csv))
        .route(
            "/participants/{id}/data.json",
            get(crate::person_data::participant),
        )
        .route("/buddies/{id}/data.json", get(crate::person_data::buddy))
        .route("/admin/users/{id}/data.json", get(crate::person_data::user))
        .route("/admin/registers.json", get(crate::person_data::registers));
    if state.config.test_clock {
        router = router.route("/test/clock", axum::routing::post(advance_clock));
    }
    let split = crate::assets::split_files(&options);
    let page_context = move || {
        security::provide_nonce();
        leptos::prelude::provide_context(split.clone());
    };
    router
        .leptos_routes_with_context(&state, routes, page_context.clone(), move || {
            shell(options.clone())
        })
        .fallback_service(static_files(&state, page_context))
        .layer(axum::middleware::from_fn(no_impossible_file_names))
        // The calendar feed and the .ics downloads, ahead of the pages (see `calendar`).
        .layer(from_fn_with_state(state.clone(), crate::calendar::serve))
        .layer(axum::middleware::from_fn(
            crate::api_errors::status_from_error,
        ))
        .layer(axum::middleware::from_fn(crate::api_errors::limit_body))
        // Inner first: the CSRF refusal gets the security headers too.
        .layer(from_fn_with_state(
            state.config.clone(),
            security::same_origin_only,
        ))
        .layer(from_fn_with_state(state.config.clone(), security::headers))
        .layer(CompressionLayer::new())
        // Only method and path are logged: query strings could carry personal data, and a
        // calendar feed's token is replaced.
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &axum::extract::Request| {
                let path = app::domain::calendar::loggable_path(request.uri().path());
                tracing::info_span!("request", method = %request.method(), path = %path)
            }),
        )
        .with_state(state)
}

/// The site's files (precompressed ones as built), else the 404 page. Files are served here,
/// not by Leptos's file handler: that one extends a file's response with the response options
/// of whatever page is being rendered on the same thread, so a `.wasm` could leave with that
/// page's `Location` or `Set-Cookie`, and the page without them (seen in a browser test).
fn static_files(
    state: &AppState,
    page_context: impl Fn() + Clone + Send + Sync + 'static,
) -> tower_http::services::ServeDir<Router> {
    // The 404 page names the bundle's files as every other page does.
    let not_found = Router::new()
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            page_context,
            shell,
        ))
        .with_state(state.clone());
    tower_http::services::ServeDir::new(&*state.leptos_options.site_root)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(not_found)
}

/// The longest file or folder name a file system takes.
const MAX_NAME_BYTES: usize = 255;

/// A path with a part longer than any file name is no file and no page: it gets the 404
/// page at once, instead of the file server trying to open it and logging the failure as
/// an error ("File name too long"), which would hide real errors.
async fn no_impossible_file_names(
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let path = request.uri().path();
    if path.len() > 4 * MAX_NAME_BYTES || path.split('/').any(|part| part.len() > MAX_NAME_BYTES) {
        *request.uri_mut() = axum::http::Uri::from_static("/404");
    }
    next.run(request).await
}

#[derive(serde::Deserialize)]
struct Advance {
    days: i64,
}

/// End-to-end tests only (`KLIK_TEST_CLOCK=1`): moves the clock forward by whole days.
async fn advance_clock(
    State(state): State<AppState>,
    axum::Form(advance): axum::Form<Advance>,
) -> impl IntoResponse {
    if !(0..=400).contains(&advance.days) {
        return (StatusCode::BAD_REQUEST, "days: 0 to 400".to_owned());
    }
    state.clock.advance(chrono::Duration::days(advance.days));
    (StatusCode::OK, state.clock.now().to_rfc3339())
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
    database: &'static str,
}

/// How long the readiness check waits for the database before it answers 503.
const READY_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// For load balancers: 200 when this instance may take requests (its schema is up to date
/// and the database answers within two seconds), 503 otherwise. While `klik serve` starts
/// and migrates, [`starting_router`] answers instead.
async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    let answered = tokio::time::timeout(READY_WAIT, app::db::ping(&state.db)).await;
    if matches!(answered, Ok(Ok(()))) {
        return (
            StatusCode::OK,
            Json(Health {
                status: "ready",
                database: "ok",
            }),
        )
            .into_response();
    }
    tracing::warn!("readiness check: database unavailable");
    unavailable("unavailable", "unavailable")
}

/// 503 with `Retry-After`, which load balancers and browsers understand.
fn unavailable(status: &'static str, database: &'static str) -> axum::response::Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(http::header::RETRY_AFTER, "5")],
        Json(Health { status, database }),
    )
        .into_response()
}

/// What a starting instance answers while it opens and migrates the database: 503 to every
/// request (`/healthz` and `/readyz` included), so that no request reaches a half-migrated
/// schema and a load balancer sends the traffic elsewhere.
pub fn starting_router() -> Router {
    Router::new().fallback(|| async { unavailable("starting", "migrating") })
}

/// For load balancers and monitoring: 200 when the database answers, 503 otherwise.
async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    match app::db::ping(&state.db).await {
        Ok(()) => (
            StatusCode::OK,
            Json(Health {
                status: "ok",
                database: "ok",
            }),
        ),
        Err(error) => {
            tracing::warn!(%error, "health check: database unavailable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(Health {
                    status: "unavailable",
                    database: "unavailable",
                }),
            )
        }
    }
}
