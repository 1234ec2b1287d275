//! Readiness and database outages: `/readyz` says 200 only when the instance can serve; a
//! starting instance answers 503 to everything; when PostgreSQL goes away (here: the
//! connection to it is cut, by a proxy in between that stops and starts again) pages and
//! server functions answer 503 with a translated message, never a hang or a 500, and the
//! instance recovers by itself when the database is back.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use app::domain::account::Role;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use crate::common::server::Server;
use crate::common::{self, Backend};

async fn ready(backend: Backend) {
    let server = Server::new(backend).await;
    let reply = server.get("/readyz", None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.body.contains("\"ready\""), "{}", reply.body);
}

on_both_databases!(readyz_is_ok_when_the_database_answers => ready);

#[tokio::test]
async fn a_starting_instance_answers_503_to_everything() {
    let starting = klik_server::routes::starting_router();
    for path in ["/readyz", "/healthz", "/", "/api/login", "/buddy"] {
        let reply = common::send(&starting, Request::get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE, "{path}");
        assert_eq!(reply.header("retry-after"), Some("5"), "{path}");
        assert!(
            reply.body.contains("\"starting\""),
            "{path}: {}",
            reply.body
        );
    }
}

/// A TCP proxy in front of PostgreSQL that can be stopped (every connection through it cut,
/// new ones refused) and started again on the same port: an outage as the server sees it.
struct Proxy {
    port: u16,
    upstream: String,
    tasks: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Proxy {
    async fn start(upstream: &str) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let proxy = Proxy {
            port,
            upstream: upstream.to_owned(),
            tasks: Arc::default(),
        };
        proxy.serve(listener);
        proxy
    }

    fn serve(&self, listener: TcpListener) {
        let (upstream, tasks) = (self.upstream.clone(), self.tasks.clone());
        let accept = tokio::spawn(async move {
            loop {
                let Ok((mut client, _)) = listener.accept().await else {
                    return;
                };
                let upstream = upstream.clone();
                let pipe = tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(&upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                tasks.lock().unwrap().push(pipe);
            }
        });
        self.tasks.lock().unwrap().push(accept);
    }

    /// Cuts every connection and closes the port.
    fn stop(&self) {
        for task in self.tasks.lock().unwrap().drain(..) {
            task.abort();
        }
    }

    async fn restart(&self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port)).await.unwrap();
        self.serve(listener);
    }
}

/// Host and port of the PostgreSQL server the tests use.
fn postgres_host(url: &str) -> String {
    let after = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = after.split('/').next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    if host.contains(':') {
        host.to_owned()
    } else {
        format!("{host}:5432")
    }
}

/// Hang guard only: every answer in an outage must come, and quickly (`OUTAGE_WAIT` is 3 s).
async fn answered<T>(what: &str, f: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(20), f)
        .await
        .unwrap_or_else(|_| panic!("{what}: no answer, the request hangs"))
}

#[tokio::test]
async fn a_postgres_outage_gives_503_and_the_instance_recovers_by_itself() {
    let mut server = Server::new(Backend::Postgres).await;
    let cookie = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let upstream = postgres_host(&server.test.url);
    let proxy = Proxy::start(&upstream).await;
    let through = server
        .test
        .url
        .replacen(&upstream, &format!("127.0.0.1:{}", proxy.port), 1);
    assert_ne!(through, server.test.url, "the URL goes through the proxy");
    // The instance's pools go through the proxy.
    let db = app::db::connect(&through, 4).await.unwrap();
    server.state.db = db.clone();
    server.state.reads = db;
    server.router = klik_server::routes::router(server.state.clone());

    assert_eq!(server.get("/readyz", None).await.status, StatusCode::OK);
    assert_eq!(
        server.get("/participants", Some(&cookie)).await.status,
        StatusCode::OK
    );

    proxy.stop();
    let reply = answered("readyz", server.get("/readyz", None)).await;
    assert_eq!(
        reply.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        reply.body
    );
    assert_eq!(reply.header("retry-after"), Some("5"));
    // A page: 503 and the plain message, nothing of the database's own words.
    let page = answered("a page", server.get("/participants", Some(&cookie))).await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
    let t = app::i18n::Lang::Nl.texts();
    assert!(page.body.contains(t.err_unavailable), "{}", page.body);
    for internal in ["Connection", "sqlx", "127.0.0.1", "pool"] {
        assert!(!page.body.contains(internal), "{internal} shown");
    }
    // A server function: 503 with the error the client shows.
    let call = answered(
        "a server function",
        server.call("auth_status", &[], Some(&cookie)),
    )
    .await;
    assert_eq!(
        call.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        call.body
    );
    assert_eq!(call.error(), app::error::AppError::Unavailable);
    // Signing in while the database is away says so too (not "wrong password").
    let login = answered(
        "sign-in",
        server.login("coordinator@example.be", common::server::PASSWORD),
    )
    .await;
    assert_eq!(
        login.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        login.body
    );

    // Back: the same instance serves again without a restart.
    proxy.restart().await;
    let mut status = StatusCode::SERVICE_UNAVAILABLE;
    for _ in 0..100 {
        status = answered("readyz", server.get("/readyz", None)).await.status;
        if status == StatusCode::OK {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(status, StatusCode::OK, "ready again");
    assert_eq!(
        server.get("/participants", Some(&cookie)).await.status,
        StatusCode::OK
    );
    assert!(
        server.whoami(&cookie).await.is_some(),
        "the session survived"
    );
    proxy.stop();
}
