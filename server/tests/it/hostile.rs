//! Text that people type reaches pages as text, never as markup: a participant and a buddy
//! whose every free-text field is full of markup and odd Unicode, on every page that shows
//! them, the `<title>` included (leptos_meta writes it unescaped: see `app::page_title`).

use crate::common;

use app::db::entities::{buddy, participant};
use app::domain::account::Role;
use axum::http::StatusCode;
use common::Backend;
use common::server::Server;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

/// A name that closes the title and sends the reader elsewhere (80 characters at most).
pub const HOSTILE_FIRST_NAME: &str =
    "</title><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">";
/// Quotes, an entity, a script, a right-to-left override and a zero-width space.
pub const HOSTILE_LAST_NAME: &str = "<script>alert(1)</script>\"'&amp;\u{202E}x\u{200B}";
/// For the longer fields: an element the page would show if it were markup.
pub const HOSTILE_TEXT: &str =
    "<b id=\"probe-injected\">x</b><img src=x onerror=alert(1)> \u{202E}kcab\u{200B} & \"'";

/// The pieces that must never appear as they are in a page's HTML.
const RAW_MARKUP: &[&str] = &[
    "<meta http-equiv=\"refresh\"",
    "<script>alert",
    "<b id=\"probe-injected\"",
    "<img src=x",
    "</title><meta",
];

/// The demo programme with one proposed duo whose two people are then made hostile, as
/// written straight into the database (no validation between: the worst case).
async fn hostile_duo(backend: Backend) -> (Server, String, i32, i32, i32) {
    // The duos tests' programme: the demo with one proposed duo.
    let (server, coordinator, duo_id, participant_id, buddy_id) =
        crate::duos::proposed(backend).await;
    let db = &server.test.db;
    let stored = participant::Entity::find_by_id(participant_id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let participant_profile = hostile_profile(&stored.profile);
    let stored = buddy::Entity::find_by_id(buddy_id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let buddy_profile = hostile_profile(&stored.profile);
    participant::Entity::update_many()
        .col_expr(
            participant::Column::Profile,
            Expr::value(participant_profile),
        )
        .col_expr(
            participant::Column::FirstName,
            Expr::value(HOSTILE_FIRST_NAME),
        )
        .col_expr(
            participant::Column::LastName,
            Expr::value(HOSTILE_LAST_NAME),
        )
        .col_expr(
            participant::Column::ReferralContact,
            Expr::value(HOSTILE_TEXT),
        )
        .col_expr(
            participant::Column::SupportContact,
            Expr::value(HOSTILE_TEXT),
        )
        .col_expr(
            participant::Column::CoordinatorNotes,
            Expr::value(HOSTILE_TEXT),
        )
        .filter(participant::Column::Id.eq(participant_id))
        .exec(db)
        .await
        .unwrap();
    buddy::Entity::update_many()
        .col_expr(buddy::Column::Profile, Expr::value(buddy_profile))
        .col_expr(buddy::Column::FirstName, Expr::value(HOSTILE_FIRST_NAME))
        .col_expr(buddy::Column::LastName, Expr::value(HOSTILE_LAST_NAME))
        .col_expr(buddy::Column::Motivation, Expr::value(HOSTILE_TEXT))
        .col_expr(buddy::Column::CoordinatorNotes, Expr::value(HOSTILE_TEXT))
        .filter(buddy::Column::Id.eq(buddy_id))
        .exec(db)
        .await
        .unwrap();
    (server, coordinator, duo_id, participant_id, buddy_id)
}

/// A stored profile (JSON) with hostile names and wish note.
fn hostile_profile(profile: &str) -> String {
    let mut profile: serde_json::Value = serde_json::from_str(profile).unwrap();
    profile["first_name"] = HOSTILE_FIRST_NAME.into();
    profile["last_name"] = HOSTILE_LAST_NAME.into();
    profile["wishes"]["note"] = HOSTILE_TEXT.into();
    profile.to_string()
}

fn assert_no_raw_markup(path: &str, html: &str) {
    for raw in RAW_MARKUP {
        assert!(
            !html.contains(raw),
            "{path}: `{raw}` reached the page as markup"
        );
    }
}

/// The text of the page's `<title>` element, as the HTML has it.
fn title_of(html: &str) -> &str {
    let start = html.find("<title>").expect("a title") + "<title>".len();
    let end = html[start..].find("</title>").expect("the title ends") + start;
    &html[start..end]
}

async fn every_page_escapes_what_people_typed(backend: Backend) {
    let (server, coordinator, duo, participant, buddy) = hostile_duo(backend).await;
    let admin = server.session_for("a@example.be", Role::Admin).await;
    let pages = [
        "/".to_owned(),
        "/participants".to_owned(),
        format!("/participants/{participant}"),
        format!("/participants/{participant}/edit"),
        format!("/participants/{participant}/match"),
        "/waiting".to_owned(),
        "/buddies".to_owned(),
        format!("/buddies/{buddy}"),
        format!("/buddies/{buddy}/edit"),
        format!("/buddies/{buddy}/match"),
        "/board".to_owned(),
        "/matching".to_owned(),
        format!("/duos/{duo}"),
        format!("/duos/{duo}/move?to=introduction"),
        format!("/duos/{duo}/move?to=ended"),
        format!("/duos/{duo}/agreement"),
    ];
    for cookie in [&coordinator, &admin] {
        for path in &pages {
            let reply = server.get(path, Some(cookie)).await;
            assert_eq!(reply.status, StatusCode::OK, "{path}");
            assert_no_raw_markup(path, &reply.body);
        }
    }
    // The pages whose title carries a name: the name is in it, as text.
    for path in [
        format!("/participants/{participant}"),
        format!("/buddies/{buddy}"),
        format!("/duos/{duo}"),
    ] {
        let body = server.get(&path, Some(&coordinator)).await.body;
        let title = title_of(&body);
        assert!(
            title.contains("&lt;/title&gt;&lt;meta http-equiv=\"refresh\""),
            "{path}: {title}"
        );
        assert!(!title.contains('<'), "{path}: {title}");
    }
}

on_both_databases!(every_page_escapes_what_people_typed);

/// The hole as it was found: a public application with markup for a first name, then the
/// coordinator opens the candidate's page.
#[tokio::test]
async fn a_public_application_cannot_put_markup_in_the_title() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let name = "</title><b id=probe-injected>x</b>";
    let form = crate::buddies::application(name, &[("form[profile][last_name]", "Zzapply")]);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let reply = server.call("apply_as_buddy", &form, None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let id = buddy::Entity::find()
        .filter(buddy::Column::LastName.eq("Zzapply"))
        .one(&server.test.db)
        .await
        .unwrap()
        .expect("the application is stored")
        .id;
    let body = server
        .get(&format!("/buddies/{id}"), Some(&coordinator))
        .await
        .body;
    assert!(!body.contains("<b id=probe-injected>"), "{body}");
    assert_eq!(
        title_of(&body),
        "&lt;/title&gt;&lt;b id=probe-injected&gt;x&lt;/b&gt; Zzapply · Klik"
    );
}
