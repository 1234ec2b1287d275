//! The server as a browser sees it: pages, statuses, language, health, error page.

use crate::common;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{Backend, TestDb, send};
use sea_orm::ConnectionTrait;

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

async fn server() -> (TestDb, Router) {
    let test = common::test_db(Backend::Sqlite).await;
    let router = klik_server::routes::router(common::test_state(&test));
    (test, router)
}

#[tokio::test]
async fn home_page_is_dutch_by_default() {
    let (_db, router) = server().await;
    let reply = send(&router, get("/")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains(r#"<html lang="nl""#), "{}", reply.body);
    assert!(reply.body.contains("Welkom bij Klik"));
    assert!(reply.body.contains("Buddywerking Mechelen"));
    assert!(
        reply
            .body
            .contains("Vandaag is het vrijdag 27 november 2026.")
    );
    assert!(reply.body.contains(r#"<meta name="viewport""#));
}

#[tokio::test]
async fn the_language_cookie_selects_english() {
    let (_db, router) = server().await;
    let request = Request::get("/")
        .header(header::COOKIE, "other=1; klik_lang=en")
        .body(Body::empty())
        .unwrap();
    let reply = send(&router, request).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains(r#"<html lang="en""#));
    assert!(reply.body.contains("Welcome to Klik"));
    assert!(reply.body.contains("Today is Friday 27 November 2026."));
    assert!(!reply.body.contains("Welkom bij Klik"));
}

#[tokio::test]
async fn switching_language_without_javascript_sets_a_cookie_and_goes_back() {
    let (_db, router) = server().await;
    let request = Request::post("/api/set_language")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, "http://127.0.0.1:3000/privacy")
        .body(Body::from("lang=en"))
        .unwrap();
    let reply = send(&router, request).await;
    assert_eq!(reply.status, StatusCode::FOUND);
    let location = reply.headers[header::LOCATION].to_str().unwrap();
    assert!(
        location.starts_with("http://127.0.0.1:3000/privacy"),
        "{location}"
    );
    let cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("klik_lang=en;"), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
}

#[tokio::test]
async fn an_unknown_language_is_refused_without_a_cookie() {
    let (_db, router) = server().await;
    let request = Request::post("/api/set_language")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("lang=fr"))
        .unwrap();
    let reply = send(&router, request).await;
    assert!(reply.status.is_client_error() || reply.status.is_server_error());
    assert!(reply.headers.get(header::SET_COOKIE).is_none());
}

#[tokio::test]
async fn unknown_pages_get_the_404_page() {
    let (_db, router) = server().await;
    let reply = send(&router, get("/bestaat/niet")).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.body.contains("Pagina niet gevonden"));
    assert!(reply.body.contains("Terug naar start"));
}

#[tokio::test]
async fn the_privacy_page_renders() {
    let (_db, router) = server().await;
    let reply = send(&router, get("/privacy")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.body.contains("We vragen geen diagnose."));
}

#[tokio::test]
async fn the_programme_name_comes_from_the_settings() {
    let (test, router) = server().await;
    app::db::settings::put(
        &test.db,
        "programme_name",
        "Buddywerking Lier",
        None,
        common::test_now(),
    )
    .await
    .unwrap();
    let reply = send(&router, get("/")).await;
    assert!(reply.body.contains("Buddywerking Lier"));
}

#[tokio::test]
async fn a_database_failure_shows_the_error_page_with_status_500() {
    let (test, router) = server().await;
    test.db
        .execute_unprepared("DROP TABLE setting")
        .await
        .unwrap();
    let reply = send(&router, get("/")).await;
    assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(reply.body.contains("Er ging iets mis"));
    assert!(reply.body.contains("Er is niets verloren gegaan."));
    assert!(reply.body.contains("Geef deze code door aan de beheerder:"));
    // No technical detail reaches the page.
    assert!(!reply.body.contains("no such table"));
}

#[tokio::test]
async fn healthz_reports_the_database() {
    let (test, router) = server().await;
    let reply = send(&router, get("/healthz")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, r#"{"status":"ok","database":"ok"}"#);

    test.db.close_by_ref().await.unwrap();
    let reply = send(&router, get("/healthz")).await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        reply.body,
        r#"{"status":"unavailable","database":"unavailable"}"#
    );
}
