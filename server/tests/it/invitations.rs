//! Inviting people by e-mail address and role, and accepting an invitation, through HTTP.

use crate::common;

use app::api::invitations::{InvitationView, Invited};
use app::domain::account::Role;
use app::domain::validation::Problem;
use app::error::AppError;
use axum::http::StatusCode;
use chrono::Duration;
use common::Backend;
use common::server::Server;
use sea_orm::EntityTrait;

const NEW_PASSWORD: &str = "groene kikker springt over de Dijle";

async fn invite(server: &Server, cookie: &str, email: &str, role: &str) -> common::Reply {
    server
        .call(
            "invite_user",
            &[
                ("input[email]", email),
                ("input[display_name]", "Sara Janssens"),
                ("input[role]", role),
            ],
            Some(cookie),
        )
        .await
}

fn token_of(invited: &Invited) -> String {
    invited.link.split("token=").nth(1).unwrap().to_owned()
}

#[tokio::test]
async fn an_invitee_chooses_a_password_with_a_single_use_link() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let reply = invite(&server, &coordinator, " Sara@Example.be ", "buddy").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let invited: Invited = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(invited.email, "sara@example.be");
    assert_eq!(
        invited.expires_at,
        server.state.clock.now() + Duration::days(7)
    );
    let token = token_of(&invited);
    assert!(token.len() >= 22, "at least 128 bits");

    // Only a hash of the token is stored; the message waits in the outbox.
    let rows = app::db::entities::invitation::Entity::find()
        .all(&server.test.db)
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_ne!(rows[0].token_hash, token);
    assert!(!rows[0].token_hash.contains(&token));
    let outbox = app::db::outbox::latest(&server.test.db, 10).await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].to_address, "sara@example.be");
    assert_eq!(outbox[0].status, "pending");
    assert!(outbox[0].body.contains(&invited.link));

    let info = server
        .call("invitation_info", &[("token", &token)], None)
        .await;
    let view: InvitationView = serde_json::from_str(&info.body).unwrap();
    assert_eq!(view.role, Role::Buddy);
    let page = server.get(&format!("/welcome?token={token}"), None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Sara Janssens"));

    // A weak password is refused, and the link still works afterwards.
    let weak = server
        .call(
            "accept_invitation",
            &[("token", &token), ("password", "sara12345678")],
            None,
        )
        .await;
    assert_eq!(
        weak.error(),
        AppError::validation("password", Problem::Guessable)
    );
    let reply = server
        .call(
            "accept_invitation",
            &[("token", &token), ("password", NEW_PASSWORD)],
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let session = reply.session_cookie().expect("signed in");
    let me = server.whoami(&session).await.unwrap();
    assert_eq!(
        (me.email.as_str(), me.role),
        ("sara@example.be", Role::Buddy)
    );

    // Used once: the link is dead, and the password signs in.
    let again = server
        .call(
            "accept_invitation",
            &[("token", &token), ("password", NEW_PASSWORD)],
            None,
        )
        .await;
    assert_eq!(again.error(), AppError::Expired);
    let page = server.get(&format!("/welcome?token={token}"), None).await;
    assert_eq!(page.status, StatusCode::GONE);
    assert!(
        server
            .login("sara@example.be", NEW_PASSWORD)
            .await
            .session_cookie()
            .is_some()
    );
}

#[tokio::test]
async fn links_expire_after_seven_days_and_a_new_one_replaces_the_old() {
    let server = Server::new(Backend::Sqlite).await;
    let admin = server.session_for("admin@example.be", Role::Admin).await;
    let first: Invited = serde_json::from_str(
        &invite(&server, &admin, "jan@example.be", "screener")
            .await
            .body,
    )
    .unwrap();
    let renewed = server
        .call(
            "renew_invitation",
            &[("id", &first.user_id.to_string())],
            Some(&admin),
        )
        .await;
    assert_eq!(renewed.status, StatusCode::OK, "{}", renewed.body);
    let second: Invited = serde_json::from_str(&renewed.body).unwrap();
    assert_ne!(first.link, second.link);
    let old = server
        .call("invitation_info", &[("token", &token_of(&first))], None)
        .await;
    assert_eq!(old.error(), AppError::Expired);

    server
        .state
        .clock
        .advance(Duration::days(7) + Duration::minutes(1));
    let late = server
        .call(
            "accept_invitation",
            &[("token", &token_of(&second)), ("password", NEW_PASSWORD)],
            None,
        )
        .await;
    assert_eq!(late.error(), AppError::Expired);
    assert_eq!(late.status, StatusCode::GONE);
    // The admin is not signed out by the week that passed: a fresh session for the rest.
    let admin = server.session_for("admin2@example.be", Role::Admin).await;
    let third: Invited = serde_json::from_str(
        &server
            .call(
                "renew_invitation",
                &[("id", &first.user_id.to_string())],
                Some(&admin),
            )
            .await
            .body,
    )
    .unwrap();
    let ok = server
        .call(
            "accept_invitation",
            &[("token", &token_of(&third)), ("password", NEW_PASSWORD)],
            None,
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    // Someone with a password gets no new invitation.
    let done = server
        .call(
            "renew_invitation",
            &[("id", &first.user_id.to_string())],
            Some(&admin),
        )
        .await;
    assert_eq!(done.error(), AppError::Conflict);
}

#[tokio::test]
async fn bad_invitations_get_clear_answers_and_leave_nothing_behind() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let cases: &[(&str, &str, AppError)] = &[
        (
            "nieuw@example.be",
            "admin",
            AppError::validation("role", Problem::Invalid),
        ),
        (
            "nieuw@example.be",
            "root",
            AppError::validation("role", Problem::Invalid),
        ),
        (
            "geen-adres",
            "buddy",
            AppError::validation("email", Problem::Invalid),
        ),
        (
            "",
            "buddy",
            AppError::validation("email", Problem::Required),
        ),
        (
            "coordinator@example.be",
            "buddy",
            AppError::validation("email", Problem::AlreadyUsed),
        ),
    ];
    for (email, role, expected) in cases {
        let reply = invite(&server, &coordinator, email, role).await;
        assert_eq!(&reply.error(), expected, "{email} {role}");
    }
    let long_name = server
        .call(
            "invite_user",
            &[
                ("input[email]", "lang@example.be"),
                ("input[display_name]", &"x".repeat(500)),
                ("input[role]", "buddy"),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(
        long_name.error(),
        AppError::validation("display_name", Problem::TooLong { max: 100 })
    );
    let huge = "x".repeat(100 * 1024);
    for (email, name, role) in [
        (huge.as_str(), "Naam", "buddy"),
        ("groot@example.be", huge.as_str(), "buddy"),
        ("groot@example.be", "Naam", huge.as_str()),
    ] {
        let reply = server
            .call(
                "invite_user",
                &[
                    ("input[email]", email),
                    ("input[display_name]", name),
                    ("input[role]", role),
                ],
                Some(&coordinator),
            )
            .await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            &reply.body[..reply.body.len().min(200)]
        );
    }
    assert_eq!(app::db::users::count(&server.test.db).await.unwrap(), 1);
    // Markup and SQL in a name are kept as text and shown escaped.
    let odd = "<b>Robert'); DROP TABLE user;--</b>";
    let reply = server
        .call(
            "invite_user",
            &[
                ("input[email]", "odd@example.be"),
                ("input[display_name]", odd),
                ("input[role]", "buddy"),
            ],
            Some(&coordinator),
        )
        .await;
    let invited: Invited = serde_json::from_str(&reply.body).unwrap();
    let token = token_of(&invited);
    let page = server.get(&format!("/welcome?token={token}"), None).await;
    assert!(page.body.contains("&lt;b&gt;Robert"), "escaped");
    let reply = server
        .call(
            "accept_invitation",
            &[("token", &token), ("password", &huge)],
            None,
        )
        .await;
    assert_eq!(
        reply.error(),
        AppError::validation("password", Problem::TooLong { max: 128 })
    );
    assert_eq!(
        app::db::outbox::latest(&server.test.db, 10)
            .await
            .unwrap()
            .len(),
        1
    );
    let reply = server.get("/admin/users", Some(&coordinator)).await;
    assert!(!reply.body.contains("<b>Robert"));
    // Back to the state the rest of this test expects.
    app::db::entities::user::Entity::delete_by_id(invited.user_id)
        .exec(&server.test.db)
        .await
        .unwrap();
    app::db::entities::outbox::Entity::delete_many()
        .exec(&server.test.db)
        .await
        .unwrap();
    assert_eq!(app::db::users::count(&server.test.db).await.unwrap(), 1);
    assert!(
        app::db::outbox::latest(&server.test.db, 10)
            .await
            .unwrap()
            .is_empty()
    );
    for token in ["", "kort", &"a".repeat(10_000), "../../etc/passwd"] {
        let reply = server
            .call("invitation_info", &[("token", token)], None)
            .await;
        assert_eq!(reply.error(), AppError::Expired, "{token:.20}");
    }
}
