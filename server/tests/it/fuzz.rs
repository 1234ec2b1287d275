//! Every registered server function (the access matrix's list), for every role, with bad
//! bodies: never a 5xx, always a small JSON error, and nothing written when refused. The
//! fields of each function are found by asking it (its "missing field" answers), so a new
//! server function is covered without anyone writing a test for it.

use crate::common;

use app::domain::account::Role;
use app::error::AppError;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::Backend;
use common::server::Server;
use sea_orm::{ConnectionTrait, Statement};

/// The largest error body a refused request may get.
const MAX_ERROR_BODY: usize = 4 * 1024;

/// Values that no field should take badly.
fn bad_values() -> Vec<String> {
    [
        "",
        "-1",
        "99999999999999999999",
        "2026-13-45",
        "<script>x</script>",
        "\u{202E}\u{200B}",
        "true",
    ]
    .iter()
    .map(|v| v.to_string())
    .chain(["é".repeat(20_000)])
    .collect()
}

enum Content {
    Form,
    Json,
}

async fn send(
    server: &Server,
    name: &str,
    content: Content,
    body: Vec<u8>,
    cookie: Option<&str>,
) -> common::Reply {
    let content_type = match content {
        Content::Form => "application/x-www-form-urlencoded",
        Content::Json => "application/json",
    };
    let mut request = Request::post(format!("/api/{name}"))
        .header(header::CONTENT_TYPE, content_type)
        .header(header::ACCEPT, "application/json");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    server.send(request.body(Body::from(body)).unwrap()).await
}

fn form(pairs: &[(String, String)]) -> Vec<u8> {
    pairs
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                common::server::urlencode(k),
                common::server::urlencode(v)
            )
        })
        .collect::<Vec<_>>()
        .join("&")
        .into_bytes()
}

/// The answer's error, if it is one; panics on a 5xx or an error that is not a small
/// `AppError` document.
fn check(name: &str, what: &str, reply: &common::Reply) -> Option<AppError> {
    assert!(
        !reply.status.is_server_error(),
        "{name} ({what}): {} {}",
        reply.status,
        &reply.body[..reply.body.len().min(500)]
    );
    if reply.status.is_success() || reply.status.is_redirection() {
        return None;
    }
    assert!(
        reply.body.len() <= MAX_ERROR_BODY,
        "{name} ({what}): a {} byte error body",
        reply.body.len()
    );
    let error: AppError = serde_json::from_str(&reply.body)
        .unwrap_or_else(|_| panic!("{name} ({what}): not an AppError: {}", reply.body));
    Some(error)
}

/// The fields a function wants, found from its own answers: each "missing field" is added
/// (inside the last struct found), each refused value is replaced by the next kind of value
/// (a number, a yes, a date, a word, one of the allowed codes), and a field that takes none
/// of them is taken for a struct, whose fields come next.
async fn discover_fields(server: &Server, name: &str) -> Vec<(String, String)> {
    const TRIES: [&str; 4] = ["1", "true", "2026-11-27", "a"];
    const PLACEHOLDER: &str = "__probe";
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut structs: Vec<String> = Vec::new();
    for _ in 0..40 {
        let reply = send(server, name, Content::Form, form(&fields), None).await;
        let Some(AppError::Request(detail)) = check(name, "discovery", &reply) else {
            break;
        };
        if let Some(missing) = detail
            .strip_prefix("missing field `")
            .and_then(|r| r.strip_suffix('`'))
        {
            let key = match structs.last() {
                Some(parent) => format!("{parent}[{missing}]"),
                None => missing.to_owned(),
            };
            if fields.iter().any(|(k, _)| *k == key) {
                break;
            }
            fields.retain(|(k, _)| !k.ends_with(&format!("[{PLACEHOLDER}]")));
            fields.push((key, TRIES[0].to_owned()));
            continue;
        }
        let Some((field, value)) = fields.last_mut() else {
            break;
        };
        // One of the allowed codes, when the answer lists them.
        if let Some(code) = detail
            .split_once("expected ")
            .and_then(|(_, rest)| rest.split('`').nth(1))
            .filter(|code| !code.is_empty() && *value != *code)
        {
            *value = code.to_owned();
            continue;
        }
        match TRIES.iter().position(|t| t == value) {
            Some(i) if i + 1 < TRIES.len() => *value = TRIES[i + 1].to_owned(),
            Some(_) if !field.ends_with(&format!("[{PLACEHOLDER}]")) => {
                let field = field.clone();
                fields.pop();
                fields.push((format!("{field}[{PLACEHOLDER}]"), TRIES[0].to_owned()));
                structs.push(field);
            }
            _ => break,
        }
    }
    fields.retain(|(k, _)| !k.ends_with(&format!("[{PLACEHOLDER}]")));
    fields
}

/// Rows per table, but for the tables that record attempts (sign-ins, sessions, the audit).
async fn row_counts(server: &Server) -> Vec<(String, i64)> {
    let db = &server.test.db;
    let backend = db.get_database_backend();
    let tables_sql = match backend {
        sea_orm::DatabaseBackend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        _ => {
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        }
    };
    let tables = db
        .query_all_raw(Statement::from_string(backend, tables_sql))
        .await
        .unwrap();
    let mut counts = Vec::new();
    for row in tables {
        let table: String = row.try_get("", "name").unwrap();
        if matches!(
            table.as_str(),
            "audit_log" | "login_attempt" | "session" | "login_challenge" | "seaql_migrations"
        ) {
            continue;
        }
        let count = db
            .query_one_raw(Statement::from_string(
                backend,
                format!("SELECT COUNT(*) AS n FROM \"{table}\""),
            ))
            .await
            .unwrap()
            .unwrap();
        counts.push((table, count.try_get::<i64>("", "n").unwrap()));
    }
    counts
}

/// A signed-in session made straight in the database: sign-in itself is throttled, and the
/// fuzz sends many failed sign-ins.
async fn session(server: &Server, email: &str, role: Role) -> String {
    let user_id = server.user(email, role).await;
    fresh_session(server, user_id).await
}

async fn fresh_session(server: &Server, user_id: i32) -> String {
    server.session_of(user_id).await
}

#[tokio::test]
async fn every_server_function_takes_bad_input_for_every_role_without_a_5xx() {
    let server = Server::new(Backend::Sqlite).await;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    app::demo::fill(&server.test.db, common::test_now(), today)
        .await
        .unwrap();
    // (label, role, user id, session cookie): anonymous first.
    type Caller<'a> = (&'a str, Option<Role>, Option<i32>, Option<String>);
    let mut roles: Vec<Caller> = vec![("anonymous", None, None, None)];
    for (label, role) in [
        ("admin", Role::Admin),
        ("coordinator", Role::Coordinator),
        ("screener", Role::Screener),
        ("buddy", Role::Buddy),
    ] {
        let cookie = session(&server, &format!("fuzz-{label}@example.be"), role).await;
        let user = server.whoami(&cookie).await.expect("signed in").id;
        roles.push((label, Some(role), Some(user), Some(cookie)));
    }
    let values = bad_values();
    let mut requests = 0;
    for (path, rule) in app::auth::policy::rules() {
        let name = path.trim_start_matches("/api/");
        let fields = discover_fields(&server, name).await;
        for (label, role, user, cookie) in roles.iter_mut() {
            // Values are decoded before the policy is asked: every role's answer to a bad
            // value is the anonymous one, but for the roles that get through to the checks.
            let passes = match role {
                None => true,
                Some(role) => {
                    matches!(
                        rule,
                        app::auth::policy::Rule::Public | app::auth::policy::Rule::SignedIn
                    ) || matches!(rule, app::auth::policy::Rule::Roles(roles) if roles.contains(role))
                }
            };
            let before = row_counts(&server).await;
            let mut any_accepted = false;
            let mut bodies: Vec<(String, Content, Vec<u8>)> = vec![
                ("empty".into(), Content::Form, Vec::new()),
                (
                    "duplicate keys".into(),
                    Content::Form,
                    b"a=1&a=2&a[]=3".to_vec(),
                ),
                (
                    "bad escapes".into(),
                    Content::Form,
                    b"%zz=%&%FF%FE=%C3%28".to_vec(),
                ),
                (
                    "deep keys".into(),
                    Content::Form,
                    b"a[b][c][d][e][f][g][h]=1".to_vec(),
                ),
                (
                    "not UTF-8".into(),
                    Content::Form,
                    vec![0xff, 0xfe, b'=', 0xc3, 0x28],
                ),
                (
                    "JSON as a form".into(),
                    Content::Form,
                    br#"{"input":{"id":1}}"#.to_vec(),
                ),
                (
                    "JSON".into(),
                    Content::Json,
                    br#"{"input":{"id":1}}"#.to_vec(),
                ),
                ("the fields".into(), Content::Form, form(&fields)),
            ];
            for (i, (field, _)) in fields.iter().enumerate().filter(|_| passes) {
                for value in &values {
                    let mut pairs = fields.clone();
                    pairs[i].1 = value.clone();
                    bodies.push((
                        format!("{field} = {:.20}", value),
                        Content::Form,
                        form(&pairs),
                    ));
                }
                // The same field twice.
                let mut pairs = fields.clone();
                pairs.push(fields[i].clone());
                bodies.push((format!("{field} twice"), Content::Form, form(&pairs)));
            }
            for (what, content, body) in bodies {
                let reply = send(&server, name, content, body, cookie.as_deref()).await;
                requests += 1;
                let what = format!("{label}, {what}");
                if check(name, &what, &reply).is_none() {
                    any_accepted = true;
                }
            }
            if !any_accepted {
                assert_eq!(
                    row_counts(&server).await,
                    before,
                    "{name} ({label}): refused, yet written"
                );
            }
            // Signing out, ending sessions, a new password: sign in again for the next one.
            if let (Some(id), Some(c)) = (user, cookie.as_ref())
                && server.whoami(c).await.is_none()
            {
                *cookie = Some(fresh_session(&server, *id).await);
            }
        }
    }
    eprintln!("fuzz: {requests} requests");
    assert!(requests > 1000, "{requests}");
}

/// Bodies past the limit are refused before anything is decoded: 413 with the limit, for a
/// form without JavaScript a way back to its page; the import takes its 1 MB.
async fn bodies_past_the_limit_get_413(backend: Backend) {
    let server = Server::new(backend).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;

    let huge = format!("lang={}", "x".repeat(2 * 1024 * 1024));
    let reply = send(
        &server,
        "set_language",
        Content::Form,
        huge.into_bytes(),
        None,
    )
    .await;
    assert_eq!(
        reply.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        reply.body
    );
    assert_eq!(reply.error(), AppError::TooLarge { max_kb: 128 });
    // Just below the limit it is read, and refused as a value: 400, naming the field and the
    // languages, never the value.
    let long = format!("lang={}", "y".repeat(60 * 1024));
    let reply = send(
        &server,
        "set_language",
        Content::Form,
        long.into_bytes(),
        None,
    )
    .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    assert!(reply.body.len() < 512, "{}", reply.body);
    assert!(!reply.body.contains("yyyy"), "{}", reply.body);
    let AppError::Request(detail) = reply.error() else {
        panic!("{}", reply.body)
    };
    assert!(
        detail.contains("`lang`") && detail.contains("`nl`"),
        "{detail}"
    );
    // Without a declared length (a streamed body) the same.
    let stream = futures_body("lang=", 200 * 1024);
    let request = Request::post("/api/set_language")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(stream)
        .unwrap();
    assert_eq!(
        server.send(request).await.status,
        StatusCode::PAYLOAD_TOO_LARGE
    );

    // A form without JavaScript goes back to its page with the error, not to a JSON page.
    let request = Request::post("/api/set_language")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, "http://localhost/account")
        .body(Body::from(format!("lang={}", "x".repeat(200 * 1024))))
        .unwrap();
    let reply = server.send(request).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let location = reply.header("location").unwrap();
    assert!(
        location.starts_with("http://localhost/account?"),
        "{location}"
    );
    assert!(location.contains("__err="), "{location}");
    assert!(location.len() < 400, "{location}");

    // The import reads up to 1 MB of text: 900 KB is read and answered, 2 MB is not.
    let text = "voornaam;naam\n".to_owned() + &"An;Peeters\n".repeat(900 * 1024 / 11);
    let reply = server
        .call(
            "preview_import",
            &[("kind", "participants"), ("csv", &text)],
            Some(&coordinator),
        )
        .await;
    assert_ne!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(!reply.status.is_server_error(), "{}", reply.status);
    let text = "x".repeat(2 * 1024 * 1024);
    let reply = server
        .call(
            "preview_import",
            &[("kind", "participants"), ("csv", &text)],
            Some(&coordinator),
        )
        .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reply.error(), AppError::TooLarge { max_kb: 1536 });
}

on_both_databases!(bodies_past_the_limit_get_413);

/// A body that arrives in pieces, without a Content-Length.
fn futures_body(prefix: &str, filler: usize) -> Body {
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        std::iter::once(Ok(prefix.as_bytes().to_vec()))
            .chain((0..filler / 1024).map(|_| Ok(vec![b'z'; 1024])))
            .collect();
    Body::from_stream(futures::stream::iter(chunks))
}
