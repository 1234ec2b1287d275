//! Security headers, the CSP nonce shared with Leptos, and the refusal of cross-origin
//! state-changing requests.

use crate::common;

use std::sync::Arc;

use app::state::AppState;
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use common::{Backend, Reply, TestDb, send};

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

/// A form post to the language switch, as a browser without JavaScript sends it, with extra
/// headers.
fn set_language(headers: &[(&str, &str)]) -> Request<Body> {
    let mut request = Request::post("/api/set_language")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, "http://127.0.0.1:3000/");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.body(Body::from("lang=en")).unwrap()
}

async fn server() -> (TestDb, Router) {
    let test = common::test_db(Backend::Sqlite).await;
    let router = klik_server::routes::router(common::test_state(&test));
    (test, router)
}

/// The state of a server people reach at `public_url`.
fn state_with_public_url(test: &TestDb, public_url: &str) -> AppState {
    let config = app::config::Config::from_lookup(|name| match name {
        "DATABASE_URL" => Some(test.url.clone()),
        "KLIK_PUBLIC_URL" => Some(public_url.to_owned()),
        _ => None,
    })
    .expect("test configuration");
    AppState {
        config: Arc::new(config),
        ..common::test_state(test)
    }
}

/// The nonce of the `script-src` directive of the reply's CSP.
fn csp_nonce(reply: &Reply) -> String {
    let csp = reply.header("content-security-policy").expect("a CSP");
    let start = csp.find("'nonce-").expect("a nonce in the CSP") + "'nonce-".len();
    let len = csp[start..].find('\'').expect("the nonce ends");
    csp[start..start + len].to_owned()
}

/// The `nonce` attribute of every `<script` tag of the page, in order.
fn script_nonces(html: &str) -> Vec<Option<String>> {
    html.match_indices("<script")
        .map(|(start, _)| {
            let tag = &html[start..start + html[start..].find('>').expect("the tag ends")];
            tag.find(" nonce=\"").map(|n| {
                let value = &tag[n + " nonce=\"".len()..];
                value[..value.find('"').expect("the value ends")].to_owned()
            })
        })
        .collect()
}

fn assert_common_headers(reply: &Reply) {
    let csp = reply.header("content-security-policy").expect("a CSP");
    for directive in [
        "default-src 'self'",
        "'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
    ] {
        assert!(csp.contains(directive), "{directive} missing in {csp}");
    }
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(reply.header("referrer-policy"), Some("same-origin"));
    assert_eq!(reply.header("x-frame-options"), Some("DENY"));
    assert_eq!(
        reply.header("permissions-policy"),
        Some("camera=(), microphone=(), geolocation=()")
    );
}

#[tokio::test]
async fn pages_carry_the_security_headers_and_are_not_cached() {
    let (_db, router) = server().await;
    let reply = send(&router, get("/")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_common_headers(&reply);
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    assert_eq!(reply.header("strict-transport-security"), None);
}

/// A path that cannot be a file (a part longer than any file name) gets the 404 page at
/// once: the file server never tries to open it, so it logs no "File name too long" error.
#[tokio::test]
async fn a_path_that_cannot_be_a_file_is_a_plain_404() {
    let (_db, router) = server().await;
    for path in [
        format!("/{}", "a".repeat(10_000)),
        format!("/pkg/{}.wasm", "b".repeat(300)),
        format!("/{}", "c/".repeat(600)),
    ] {
        let reply = send(&router, get(&path)).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{}", &path[..20]);
        assert!(
            reply.body.contains("not-found-title"),
            "{}",
            &reply.body[..200.min(reply.body.len())]
        );
        assert!(!reply.body.contains(&"a".repeat(300)));
    }
}

#[tokio::test]
async fn the_404_page_carries_the_security_headers() {
    let (_db, router) = server().await;
    let reply = send(&router, get("/bestaat/niet")).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_common_headers(&reply);
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    let nonce = csp_nonce(&reply);
    let scripts = script_nonces(&reply.body);
    assert!(!scripts.is_empty(), "{}", reply.body);
    assert!(scripts.iter().all(|n| n.as_deref() == Some(&*nonce)));
}

#[tokio::test]
async fn server_function_answers_carry_the_security_headers_and_are_not_cached() {
    let (_db, router) = server().await;
    let reply = send(&router, set_language(&[])).await;
    assert_eq!(reply.status, StatusCode::FOUND);
    assert_common_headers(&reply);
    assert_eq!(reply.header("cache-control"), Some("no-store"));

    // A refused argument is an answer too.
    let request = Request::post("/api/set_language")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("lang=fr"))
        .unwrap();
    let reply = send(&router, request).await;
    assert!(!reply.status.is_success());
    assert_common_headers(&reply);
    assert_eq!(reply.header("cache-control"), Some("no-store"));
}

const HASH: &str = "AbCdEfGhIjKlMnOpQrSt_-";

/// A router over a site folder with a hashed and an unhashed file, the hashed one also
/// precompressed as cargo-leptos's `--precompress` leaves it (`.br`, `.gz` beside it).
async fn site_router() -> (TestDb, tempfile::TempDir, Router) {
    let test = common::test_db(Backend::Sqlite).await;
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir(site.path().join("pkg")).unwrap();
    std::fs::write(site.path().join("pkg/klik.js"), "export {};").unwrap();
    let wasm = site.path().join(format!("pkg/klik.{HASH}.wasm"));
    std::fs::write(&wasm, vec![b'w'; 4096]).unwrap();
    std::fs::write(wasm.with_extension("wasm.br"), b"made at build time").unwrap();
    std::fs::write(site.path().join("favicon.svg"), "<svg/>").unwrap();
    let mut state = common::test_state(&test);
    state.leptos_options.site_root = site.path().to_str().unwrap().into();
    let router = klik_server::routes::router(state);
    (test, site, router)
}

#[tokio::test]
async fn hashed_files_are_kept_a_year_other_static_files_are_asked_again_and_pages_never_kept() {
    let (_db, _site, router) = site_router().await;
    let hashed = send(&router, get(&format!("/pkg/klik.{HASH}.wasm"))).await;
    assert_eq!(hashed.status, StatusCode::OK);
    assert_common_headers(&hashed);
    assert_eq!(
        hashed.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    for path in ["/pkg/klik.js", "/favicon.svg"] {
        let reply = send(&router, get(path)).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_common_headers(&reply);
        assert_eq!(reply.header("cache-control"), Some("no-cache"), "{path}");
    }
    // A page, and a hashed name that does not exist (the 404 page): never kept.
    for path in ["/", "/login", &format!("/pkg/klik.{}.wasm", "Z".repeat(22))] {
        let reply = send(&router, get(path)).await;
        assert_eq!(reply.header("cache-control"), Some("no-store"), "{path}");
    }
}

#[tokio::test]
async fn precompressed_files_are_served_as_they_are_not_compressed_again() {
    let (_db, _site, router) = site_router().await;
    let request = Request::get(format!("/pkg/klik.{HASH}.wasm"))
        .header(header::ACCEPT_ENCODING, "gzip, deflate, br")
        .body(Body::empty())
        .unwrap();
    let reply = send(&router, request).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-encoding"), Some("br"));
    assert_eq!(reply.header("content-type"), Some("application/wasm"));
    // The bytes of the .br file, untouched.
    assert_eq!(reply.body, "made at build time");
    assert_eq!(
        reply.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
}

#[tokio::test]
async fn the_csp_nonce_is_the_one_on_the_inline_scripts_and_changes_every_response() {
    let (_db, router) = server().await;
    let first = send(&router, get("/")).await;
    let nonce = csp_nonce(&first);
    // 128 bits in base64url without padding.
    assert_eq!(nonce.len(), 22, "{nonce}");
    assert!(
        nonce
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    );
    let scripts = script_nonces(&first.body);
    assert!(!scripts.is_empty(), "{}", first.body);
    for script in &scripts {
        assert_eq!(script.as_deref(), Some(&*nonce), "{}", first.body);
    }

    let second = send(&router, get("/")).await;
    let other = csp_nonce(&second);
    assert_ne!(nonce, other);
    assert!(
        script_nonces(&second.body)
            .iter()
            .all(|n| n.as_deref() == Some(&*other))
    );
}

#[tokio::test]
async fn hsts_is_sent_only_over_https() {
    let (test, router) = server().await;
    let reply = send(&router, get("/")).await;
    assert_eq!(reply.header("strict-transport-security"), None);

    let router =
        klik_server::routes::router(state_with_public_url(&test, "https://klik.example.be"));
    let reply = send(&router, get("/")).await;
    assert_eq!(
        reply.header("strict-transport-security"),
        Some("max-age=31536000; includeSubDomains")
    );
    let reply = send(&router, set_language(&[])).await;
    assert_eq!(
        reply.header("strict-transport-security"),
        Some("max-age=31536000; includeSubDomains")
    );
}

#[tokio::test]
async fn a_post_from_a_foreign_origin_is_refused_without_a_cookie() {
    let (_db, router) = server().await;
    let reply = send(&router, set_language(&[("origin", "https://evil.example")])).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(reply.headers.get(header::SET_COOKIE).is_none());
    assert!(reply.body.len() < 40, "{}", reply.body);
    assert_common_headers(&reply);

    let reply = send(&router, set_language(&[("origin", "null")])).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(reply.headers.get(header::SET_COOKIE).is_none());
}

#[tokio::test]
async fn a_cross_site_fetch_is_refused() {
    let (_db, router) = server().await;
    for site in ["cross-site", "same-site"] {
        let reply = send(&router, set_language(&[("sec-fetch-site", site)])).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{site}");
        assert!(reply.headers.get(header::SET_COOKIE).is_none());
    }
    // Sec-Fetch-Site wins over an Origin that looks right.
    let reply = send(
        &router,
        set_language(&[
            ("origin", "http://127.0.0.1:3000"),
            ("sec-fetch-site", "cross-site"),
        ]),
    )
    .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_same_origin_post_is_allowed() {
    let (_db, router) = server().await;
    let reply = send(
        &router,
        set_language(&[
            ("origin", "http://127.0.0.1:3000"),
            ("sec-fetch-site", "same-origin"),
        ]),
    )
    .await;
    assert_eq!(reply.status, StatusCode::FOUND);
    let cookie = reply.header("set-cookie").expect("a cookie");
    assert!(cookie.starts_with("klik_lang=en;"), "{cookie}");

    // Without any origin header (curl, scripts) it passes too.
    let reply = send(&router, set_language(&[])).await;
    assert_eq!(reply.status, StatusCode::FOUND);
}

#[tokio::test]
async fn a_local_server_on_another_port_accepts_its_own_origin() {
    let (test, router) = server().await;
    let reply = send(
        &router,
        set_language(&[
            ("host", "127.0.0.1:4100"),
            ("origin", "http://127.0.0.1:4100"),
        ]),
    )
    .await;
    assert_eq!(reply.status, StatusCode::FOUND);

    // Not for a public address, even when Host and Origin agree: the rule is for loopback only.
    let router =
        klik_server::routes::router(state_with_public_url(&test, "https://klik.example.be"));
    let reply = send(
        &router,
        set_language(&[("host", "evil.example"), ("origin", "http://evil.example")]),
    )
    .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let reply = send(
        &router,
        set_language(&[("origin", "https://klik.example.be")]),
    )
    .await;
    assert_eq!(reply.status, StatusCode::FOUND);
}

#[tokio::test]
async fn a_get_with_a_foreign_origin_is_allowed() {
    let (_db, router) = server().await;
    let request = Request::get("/")
        .header(header::ORIGIN, "https://evil.example")
        .header("sec-fetch-site", "cross-site")
        .body(Body::empty())
        .unwrap();
    let reply = send(&router, request).await;
    assert_eq!(reply.status, StatusCode::OK);
}

#[tokio::test]
async fn no_server_function_is_registered_for_get() {
    // Building the router registers the server functions, as at start-up.
    let (_db, _router) = server().await;
    let paths: Vec<_> = leptos::server_fn::axum::server_fn_paths().collect();
    assert!(!paths.is_empty(), "no server function registered");
    assert!(
        paths.iter().any(|(path, _)| *path == "/api/set_language"),
        "{paths:?}"
    );
    for (path, method) in &paths {
        assert_ne!(
            *method,
            Method::GET,
            "{path} is a GET server function: state-changing calls must be POST"
        );
    }
}

/// `klik serve` turns hashed names on only for a site folder that holds the files its hash
/// file names: a binary started beside another build's site refuses to start instead of
/// serving pages whose scripts are missing.
#[test]
fn a_server_starts_only_with_the_site_of_its_own_build() {
    let exe_dir = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .to_owned();
    let name = format!("hash-test-{}.txt", std::process::id());
    let hash_file = exe_dir.join(&name);
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir(site.path().join("pkg")).unwrap();
    let mut options = leptos::prelude::LeptosOptions::builder()
        .output_name("klik")
        .site_root(site.path().to_str().unwrap())
        .build();
    options.hash_file = name.clone().into();

    // No hash file: a development build, plain names.
    options.hash_files = true;
    klik_server::assets::use_hashed_names(&mut options).unwrap();
    assert!(!options.hash_files);

    std::fs::write(
        &hash_file,
        format!("js: {HASH}\nwasm: {HASH}\ncss: {HASH}\n"),
    )
    .unwrap();
    let refused = klik_server::assets::use_hashed_names(&mut options);
    for extension in ["js", "wasm", "css"] {
        let file = site.path().join(format!("pkg/klik.{HASH}.{extension}"));
        std::fs::write(file, "x").unwrap();
    }
    let started = klik_server::assets::use_hashed_names(&mut options);
    std::fs::remove_file(&hash_file).unwrap();
    let message = refused.unwrap_err();
    assert!(message.contains(&format!("klik.{HASH}.wasm")), "{message}");
    assert!(message.contains("make build"), "{message}");
    started.unwrap();
    assert!(options.hash_files);
}

/// Files and pages answered side by side each keep their own status and headers. Leptos's file
/// handler, which served the files until stop 43, extended a file's response with the response
/// options of whatever page was current on its thread: a browser test saw a `.wasm` go out as
/// a 302 to `/login` and the page it belonged to as a 302 without `Location` (an empty page).
/// Files are now served before Leptos (`routes::static_files`). This in-process router did not
/// reproduce that interleaving (it needs hyper polling a page's body on a shared thread), so
/// the test guards the property, and the browser test `accounts.spec.ts` the symptom.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_static_file_never_carries_the_status_or_headers_of_a_page_rendered_beside_it() {
    let (_db, _site, router) = site_router().await;
    let mut tasks = tokio::task::JoinSet::new();
    for round in 0..400 {
        let router = router.clone();
        tasks.spawn(async move {
            if round % 2 == 0 {
                let page = send(&router, get("/admin/users")).await;
                assert_eq!(
                    page.header("location"),
                    Some("/login"),
                    "signed out: sent to sign in"
                );
            } else {
                let file = send(&router, get(&format!("/pkg/klik.{HASH}.wasm"))).await;
                assert_eq!(file.status, StatusCode::OK, "{:?}", file.headers);
                assert_eq!(file.header("location"), None);
                assert_eq!(file.header("set-cookie"), None);
            }
        });
    }
    while let Some(done) = tasks.join_next().await {
        done.expect("every answer is its own");
    }
}
