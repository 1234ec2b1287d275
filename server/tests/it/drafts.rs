//! Forms sent without JavaScript: a refused form comes back with what was typed, for the
//! same browser only, and nothing is kept once it went through.

use crate::common;

use app::domain::account::Role;
use axum::http::StatusCode;
use common::Backend;
use common::server::Server;

const MOTIVATION: &str = "Ik wandel graag langs de Dijle op zaterdag.";

fn application(privacy: &str) -> Vec<(&str, &str)> {
    vec![
        ("form[profile][first_name]", "Koenraad"),
        ("form[profile][last_name]", "Kandidaatmans"),
        ("form[profile][birth_date]", "1985-06-01"),
        ("form[profile][gender]", "man"),
        ("form[profile][municipality_id]", "3"),
        ("form[profile][email]", "kandidaat@example.be"),
        ("form[profile][preferred_contact]", "email"),
        ("form[profile][interests][]", "2"),
        ("form[profile][availability][]", "15"),
        ("form[profile][max_travel_km]", "15"),
        ("form[motivation]", MOTIVATION),
        ("form[capacity]", "2"),
        ("form[privacy_read]", privacy),
    ]
}

#[tokio::test]
async fn a_refused_application_without_javascript_keeps_what_was_typed() {
    let server = Server::new(Backend::Sqlite).await;
    let refused = server
        .post_form("apply_as_buddy", &application(""), None, "/become-a-buddy")
        .await;
    assert_eq!(refused.status, StatusCode::FOUND, "{}", refused.body);
    let back = refused
        .header("location")
        .expect("back to the form")
        .to_owned();
    assert!(
        back.starts_with("http://localhost/become-a-buddy"),
        "{back}"
    );
    let draft = refused.cookie("klik_draft").expect("a draft cookie");
    // Nothing typed goes into the address.
    assert!(
        !back.contains("Koenraad") && !back.contains("Dijle"),
        "{back}"
    );

    let path = back.trim_start_matches("http://localhost");
    let page = server.get(path, Some(&draft)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("value=\"Koenraad\""), "first name kept");
    assert!(page.body.contains(MOTIVATION), "motivation kept");
    assert!(page.body.contains("value=\"2\""), "capacity kept");

    // Another browser sees an empty form.
    let other = server.get(path, None).await;
    assert!(!other.body.contains("Koenraad"));
    assert!(!other.body.contains(MOTIVATION));

    // Once sent through, the draft is gone.
    let sent = server
        .post_form(
            "apply_as_buddy",
            &application("true"),
            Some(&draft),
            "/become-a-buddy",
        )
        .await;
    assert_eq!(
        sent.status,
        StatusCode::FOUND,
        "{:?} {}",
        sent.headers,
        sent.body
    );
    assert!(
        sent.header("location")
            .unwrap()
            .ends_with("/become-a-buddy/thanks")
    );
    let again = server.get("/become-a-buddy", Some(&draft)).await;
    assert!(!again.body.contains(MOTIVATION));
}

#[tokio::test]
async fn with_javascript_nothing_is_kept_on_the_server() {
    let server = Server::new(Backend::Sqlite).await;
    let reply = server.call("apply_as_buddy", &application(""), None).await;
    assert!(matches!(
        reply.error(),
        app::error::AppError::Validation { .. } | app::error::AppError::Invalid { .. }
    ));
    assert!(reply.cookie("klik_draft").is_none());
}

#[tokio::test]
async fn a_draft_belongs_to_the_session_that_typed_it() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let intake = [
        ("form[profile][first_name]", "Mira"),
        ("form[profile][last_name]", "Draftinga"),
        ("form[coordinator_notes]", "Belt liever na de middag."),
    ];
    let refused = server
        .post_form(
            "create_participant",
            &intake,
            Some(&coordinator),
            "/participants/new",
        )
        .await;
    assert_eq!(refused.status, StatusCode::FOUND);
    let draft = refused.cookie("klik_draft").expect("a draft cookie");
    let both = format!("{coordinator}; {draft}");
    let page = server.get("/participants/new", Some(&both)).await;
    assert!(page.body.contains("Draftinga"));
    assert!(page.body.contains("Belt liever na de middag."));

    // The same browser signed in as somebody else does not get it.
    let other = server.session_for("d@example.be", Role::Coordinator).await;
    let page = server
        .get("/participants/new", Some(&format!("{other}; {draft}")))
        .await;
    assert!(!page.body.contains("Draftinga"));
}

/// Behind a load balancer without sticky sessions the redirect back to the form may reach
/// another instance: the values are in the database, so it shows them too. Expired drafts are
/// swept by the background job and never shown.
async fn a_draft_reaches_another_instance_and_expires(backend: Backend) {
    let first = Server::new(backend).await;
    // A second instance: its own state and router on the same database.
    let second_state = app::state::AppState {
        db: app::db::connect(&first.test.url, 2)
            .await
            .expect("second pool"),
        ..first.state.clone()
    };
    let second = klik_server::routes::router(second_state.clone());
    let refused = first
        .post_form("apply_as_buddy", &application(""), None, "/become-a-buddy")
        .await;
    assert_eq!(refused.status, StatusCode::FOUND, "{}", refused.body);
    let draft = refused.cookie("klik_draft").expect("a draft cookie");
    let page = common::send(
        &second,
        axum::http::Request::get("/become-a-buddy")
            .header("cookie", &draft)
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("value=\"Koenraad\""),
        "kept across instances"
    );

    // 15 minutes later it is gone, and the sweep deletes the row.
    first
        .state
        .clock
        .advance(chrono::Duration::minutes(app::api::drafts::DRAFT_MINUTES));
    let page = first.get("/become-a-buddy", Some(&draft)).await;
    assert!(
        !page.body.contains("Koenraad"),
        "an expired draft is not shown"
    );
    let now = first.state.clock.now();
    assert_eq!(
        app::db::drafts::sweep(&first.test.db, now).await.unwrap(),
        1
    );
    assert_eq!(
        app::db::drafts::sweep(&first.test.db, now).await.unwrap(),
        0
    );
}

on_both_databases!(drafts_live_in_the_database => a_draft_reaches_another_instance_and_expires);

/// A flood of refused posts fills the store only so far: past `MAX_DRAFTS` waiting drafts a
/// refused form is not kept (it shows empty), until older drafts expire.
async fn a_full_store_keeps_nothing_more(backend: Backend) {
    use app::db::drafts::{Draft, MAX_DRAFTS, get, put};
    use app::db::entities::form_draft;
    use sea_orm::{ActiveValue::Set, EntityTrait};
    let test = common::test_db(backend).await;
    let now = common::test_now();
    let later = now + chrono::Duration::minutes(15);
    // Fill the store in one statement, as a flood of refused posts would.
    let rows = (0..MAX_DRAFTS).map(|i| form_draft::ActiveModel {
        browser_key: Set(format!("k{i}")),
        form: Set("f".into()),
        session_hash: Set(None),
        body: Set("{}".into()),
        expires_at: Set(later),
        ..Default::default()
    });
    form_draft::Entity::insert_many(rows)
        .exec_without_returning(&test.db)
        .await
        .expect("store filled");
    let draft = |key| Draft {
        browser_key: key,
        form: "f",
        session_hash: None,
        body: "{\"a\":1}".into(),
        expires_at: later,
    };
    put(&test.db, draft("new"), now)
        .await
        .expect("refusing is not an error");
    assert_eq!(get(&test.db, "new", "f", None, now).await.unwrap(), None);
    // Once they expired there is room again.
    put(&test.db, draft("new"), later).await.unwrap();
    assert_eq!(
        get(&test.db, "new", "f", None, now)
            .await
            .unwrap()
            .as_deref(),
        Some("{\"a\":1}")
    );
}

on_both_databases!(a_full_draft_store_keeps_nothing_more => a_full_store_keeps_nothing_more);
