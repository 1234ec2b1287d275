//! Accounts and the security baseline, through HTTP as a browser would use them.

use crate::common;

use app::domain::account::Role;
use app::error::AppError;
use axum::http::{StatusCode, header};
use chrono::Duration;
use common::Backend;
use sea_orm::{ConnectionTrait, EntityTrait};

use common::server::{PASSWORD, Server};

#[tokio::test]
async fn a_new_installation_leads_to_the_setup_page_once() {
    let server = Server::new(Backend::Sqlite).await;
    let home = server.get("/", None).await;
    assert_eq!(home.status, StatusCode::FOUND);
    assert_eq!(home.headers[header::LOCATION], "/setup");
    let setup = server.get("/setup", None).await;
    assert_eq!(setup.status, StatusCode::OK);
    assert!(setup.body.contains("Klik instellen"));

    let weak = server
        .call(
            "setup_admin",
            &[
                ("input[email]", "an@example.be"),
                ("input[display_name]", "An"),
                ("input[password]", "password1234"),
            ],
            None,
        )
        .await;
    assert_eq!(
        weak.error(),
        AppError::validation("password", app::domain::validation::Problem::Guessable)
    );

    let made = server
        .call(
            "setup_admin",
            &[
                ("input[email]", "An@Example.be"),
                ("input[display_name]", "An Peeters"),
                ("input[password]", PASSWORD),
            ],
            None,
        )
        .await;
    let cookie = made.session_cookie().expect("signed in after setup");
    let me = server.whoami(&cookie).await.expect("signed in");
    assert_eq!((me.email.as_str(), me.role), ("an@example.be", Role::Admin));

    // Once an account exists the setup is closed.
    let again = server
        .call(
            "setup_admin",
            &[
                ("input[email]", "eve@example.be"),
                ("input[display_name]", "Eve"),
                ("input[password]", PASSWORD),
            ],
            None,
        )
        .await;
    assert_eq!(again.error(), AppError::Forbidden);
    assert_eq!(
        server.get("/setup", None).await.headers[header::LOCATION],
        "/"
    );
    assert_eq!(app::db::users::count(&server.test.db).await.unwrap(), 1);
}

#[tokio::test]
async fn passwords_are_stored_as_argon2id_with_the_required_parameters() {
    let server = Server::new(Backend::Sqlite).await;
    let id = server.user("an@example.be", Role::Admin).await;
    let stored = app::db::users::password_hash(&server.test.db, id)
        .await
        .unwrap()
        .unwrap();
    assert!(
        stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{stored}"
    );
    assert!(!stored.contains(PASSWORD));
}

#[tokio::test]
async fn the_session_cookie_is_http_only_and_lax_and_secure_over_https() {
    let server = Server::new(Backend::Sqlite).await;
    server.user("an@example.be", Role::Coordinator).await;
    let reply = server.login("an@example.be", PASSWORD).await;
    let cookie = reply.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("klik_session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/")
    );
    assert!(!cookie.contains("Secure"));
    // The token is long and random; the database keeps only its hash.
    let token = reply
        .session_cookie()
        .unwrap()
        .split_once('=')
        .unwrap()
        .1
        .to_owned();
    assert!(token.len() >= 43);
    let sessions = app::db::entities::session::Entity::find()
        .all(&server.test.db)
        .await
        .unwrap();
    assert_eq!(sessions.len(), 1);
    assert_ne!(sessions[0].id_hash, token);

    let config = app::config::Config::from_lookup(|name| {
        (name == "KLIK_PUBLIC_URL").then(|| "https://klik.example.be".to_owned())
    })
    .unwrap();
    let secure = app::auth::session::session_cookie(&config, "t", Role::Buddy);
    assert!(
        secure.starts_with("__Host-klik_session=t;")
            && secure.contains("; Secure")
            && secure.contains("Path=/")
    );
    assert!(secure.contains(&format!("Max-Age={}", 90 * 24 * 3600)));
}

#[tokio::test]
async fn wrong_passwords_and_unknown_addresses_get_the_same_answer() {
    let server = Server::new(Backend::Sqlite).await;
    server.user("an@example.be", Role::Coordinator).await;
    let wrong = server
        .login("an@example.be", "niet het juiste wachtwoord")
        .await;
    let unknown = server
        .login("niemand@example.be", "niet het juiste wachtwoord")
        .await;
    assert_eq!(wrong.status, unknown.status);
    assert_eq!(wrong.body, unknown.body);
    assert_eq!(wrong.error(), AppError::LoginFailed);
    assert!(wrong.session_cookie().is_none());
    let actions = server.audit_actions().await;
    assert_eq!(actions, ["create", "login_failed", "login_failed"]);
}

#[tokio::test]
async fn ten_failures_hold_an_account_back_for_fifteen_minutes() {
    let server = Server::new(Backend::Sqlite).await;
    server.user("an@example.be", Role::Coordinator).await;
    for _ in 0..10 {
        assert_eq!(
            server
                .login("an@example.be", "fout wachtwoord")
                .await
                .error(),
            AppError::LoginFailed
        );
        assert_eq!(
            server
                .login("niemand@example.be", "fout wachtwoord")
                .await
                .error(),
            AppError::LoginFailed
        );
    }
    // Even the right password waits now, and an unknown address is treated alike.
    let held = server.login("an@example.be", PASSWORD).await;
    assert_eq!(held.error(), AppError::TooManyAttempts);
    assert!(held.session_cookie().is_none());
    assert_eq!(
        server.login("niemand@example.be", PASSWORD).await.body,
        held.body
    );
    // Another account is not affected.
    server.user("bert@example.be", Role::Buddy).await;
    assert!(
        server
            .login("bert@example.be", PASSWORD)
            .await
            .session_cookie()
            .is_some()
    );

    server.state.clock.advance(Duration::minutes(14));
    assert_eq!(
        server.login("an@example.be", PASSWORD).await.error(),
        AppError::TooManyAttempts
    );
    server.state.clock.advance(Duration::minutes(2));
    assert!(
        server
            .login("an@example.be", PASSWORD)
            .await
            .session_cookie()
            .is_some()
    );
    assert!(
        server
            .audit_actions()
            .await
            .contains(&"login_throttled".to_owned())
    );
}

#[tokio::test]
async fn signing_in_again_gives_a_new_session_and_ends_the_old_one() {
    let server = Server::new(Backend::Sqlite).await;
    server.user("an@example.be", Role::Coordinator).await;
    let first = server
        .login("an@example.be", PASSWORD)
        .await
        .session_cookie()
        .unwrap();
    let again = server
        .call(
            "login",
            &[
                ("input[email]", "an@example.be"),
                ("input[password]", PASSWORD),
            ],
            Some(&first),
        )
        .await
        .session_cookie()
        .unwrap();
    assert_ne!(first, again);
    assert!(server.whoami(&first).await.is_none());
    assert!(server.whoami(&again).await.is_some());
}

#[tokio::test]
async fn logout_ends_the_session_on_the_server() {
    let server = Server::new(Backend::Sqlite).await;
    let cookie = server.session_for("an@example.be", Role::Buddy).await;
    let reply = server.call("logout", &[], Some(&cookie)).await;
    assert!(
        reply.status.is_success() || reply.status.is_redirection(),
        "{}",
        reply.status
    );
    let cleared = reply.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cleared.starts_with("klik_session=;") && cleared.contains("Max-Age=0"));
    // The browser forgets what it kept for the account (the home kept for offline reading,
    // answers waiting on the phone).
    assert_eq!(reply.headers["clear-site-data"], "\"storage\"");
    // The old cookie, replayed, no longer works.
    assert!(server.whoami(&cookie).await.is_none());
    assert_eq!(
        server.call("logout", &[], Some(&cookie)).await.error(),
        AppError::Unauthenticated
    );
    assert!(server.audit_actions().await.contains(&"logout".to_owned()));
}

#[tokio::test]
async fn staff_sessions_end_after_30_idle_minutes_and_12_hours() {
    let server = Server::new(Backend::Sqlite).await;
    let idle = server.session_for("an@example.be", Role::Coordinator).await;
    server.state.clock.advance(Duration::minutes(29));
    assert!(server.whoami(&idle).await.is_some());
    server.state.clock.advance(Duration::minutes(29));
    assert!(
        server.whoami(&idle).await.is_some(),
        "activity keeps a session alive"
    );
    server.state.clock.advance(Duration::minutes(31));
    assert!(server.whoami(&idle).await.is_none());

    let busy = server
        .login("an@example.be", PASSWORD)
        .await
        .session_cookie()
        .unwrap();
    for _ in 0..(12 * 3 - 1) {
        server.state.clock.advance(Duration::minutes(20));
        assert!(server.whoami(&busy).await.is_some());
    }
    server.state.clock.advance(Duration::minutes(21));
    assert!(
        server.whoami(&busy).await.is_none(),
        "12 hours at most, however busy"
    );
}

#[tokio::test]
async fn buddy_sessions_last_30_idle_days_and_90_days() {
    let server = Server::new(Backend::Sqlite).await;
    let cookie = server.session_for("buddy@example.be", Role::Buddy).await;
    for _ in 0..3 {
        server.state.clock.advance(Duration::days(29));
        assert!(server.whoami(&cookie).await.is_some());
    }
    server.state.clock.advance(Duration::days(29));
    assert!(server.whoami(&cookie).await.is_none(), "90 days at most");

    let idle = server
        .login("buddy@example.be", PASSWORD)
        .await
        .session_cookie()
        .unwrap();
    server.state.clock.advance(Duration::days(31));
    assert!(server.whoami(&idle).await.is_none());
}

#[tokio::test]
async fn disabling_a_user_ends_all_their_sessions() {
    let server = Server::new(Backend::Sqlite).await;
    let admin = server.session_for("admin@example.be", Role::Admin).await;
    let phone = server.session_for("buddy@example.be", Role::Buddy).await;
    let laptop = server
        .login("buddy@example.be", PASSWORD)
        .await
        .session_cookie()
        .unwrap();
    let buddy = app::db::users::find_for_login(&server.test.db, "buddy@example.be")
        .await
        .unwrap()
        .unwrap()
        .0;
    let reply = server
        .call(
            "update_user_access",
            &[
                ("change[id]", &buddy.id.to_string()),
                ("change[version]", &buddy.version.to_string()),
                ("change[role]", "buddy"),
                ("change[active]", "false"),
            ],
            Some(&admin),
        )
        .await;
    assert!(reply.status.is_success(), "{} {}", reply.status, reply.body);
    assert!(server.whoami(&phone).await.is_none());
    assert!(server.whoami(&laptop).await.is_none());
    assert_eq!(
        server.login("buddy@example.be", PASSWORD).await.error(),
        AppError::LoginFailed
    );
    // A second save with the version read before is a conflict, not an overwrite.
    let stale = server
        .call(
            "update_user_access",
            &[
                ("change[id]", &buddy.id.to_string()),
                ("change[version]", &buddy.version.to_string()),
                ("change[role]", "admin"),
                ("change[active]", "true"),
            ],
            Some(&admin),
        )
        .await;
    assert_eq!(stale.error(), AppError::Conflict);
}

#[tokio::test]
async fn a_password_change_needs_the_current_password() {
    let server = Server::new(Backend::Sqlite).await;
    let cookie = server.session_for("an@example.be", Role::Screener).await;
    let other = server
        .login("an@example.be", PASSWORD)
        .await
        .session_cookie()
        .unwrap();
    let wrong = server
        .call(
            "change_password",
            &[
                ("input[current]", "raden maar"),
                ("input[new]", "een heel nieuwe zin om te onthouden"),
            ],
            Some(&cookie),
        )
        .await;
    assert_eq!(
        wrong.error(),
        AppError::validation("current", app::domain::validation::Problem::Invalid)
    );
    let ok = server
        .call(
            "change_password",
            &[
                ("input[current]", PASSWORD),
                ("input[new]", "een heel nieuwe zin om te onthouden"),
            ],
            Some(&cookie),
        )
        .await;
    assert!(ok.status.is_success(), "{}", ok.body);
    assert!(server.whoami(&cookie).await.is_some());
    assert!(server.whoami(&other).await.is_none(), "other sessions end");
    assert_eq!(
        server.login("an@example.be", PASSWORD).await.error(),
        AppError::LoginFailed
    );
    assert!(
        server
            .login("an@example.be", "een heel nieuwe zin om te onthouden")
            .await
            .session_cookie()
            .is_some()
    );
}

#[tokio::test]
async fn bad_input_gets_a_clear_answer_and_never_an_internal_error() {
    let server = Server::new(Backend::Sqlite).await;
    let admin = server.session_for("admin@example.be", Role::Admin).await;
    let huge = "x".repeat(100 * 1024);
    let html = "<script>alert(1)</script>'; DROP TABLE user; --";
    for (email, password) in [
        ("", ""),
        (huge.as_str(), "x"),
        ("a@b.be", huge.as_str()),
        (html, html),
    ] {
        let reply = server.login(email, password).await;
        assert_eq!(reply.error(), AppError::LoginFailed);
    }
    // Malformed bodies and wrong types are refused as bad requests.
    for body in [
        vec![("change[id]", "abc")],
        vec![],
        vec![
            ("change[id]", "1"),
            ("change[version]", "1"),
            ("change[role]", "god"),
            ("change[active]", "true"),
        ],
    ] {
        let reply = server.call("update_user_access", &body, Some(&admin)).await;
        assert!(
            matches!(reply.error(), AppError::Request(_)),
            "{}",
            reply.body
        );
    }
    for (field, value) in [
        ("input[display_name]", huge.as_str()),
        ("input[display_name]", "   "),
        ("input[email]", html),
    ] {
        let mut form = vec![
            ("input[email]", "x@example.be"),
            ("input[display_name]", "X"),
            ("input[password]", PASSWORD),
        ];
        form.retain(|(k, _)| *k != field);
        form.push((field, value));
        let reply = server.call("setup_admin", &form, None).await;
        assert!(
            matches!(
                reply.error(),
                AppError::Forbidden | AppError::Validation { .. }
            ),
            "{}",
            reply.body
        );
    }
    // HTML in a stored name is shown as text, never as markup.
    app::auth::accounts::create_with_password(
        &server.test.db,
        "html@example.be",
        html,
        PASSWORD,
        Role::Buddy,
        server.state.clock.now(),
    )
    .await
    .unwrap();
    let page = server.get("/admin/users", Some(&admin)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.body.contains("<script>alert(1)"));
}

/// Every server function, called as every kind of caller: allowed or refused as the policy says.
#[tokio::test]
async fn the_access_matrix_holds_for_every_server_function_and_role() {
    use app::auth::policy::{Rule, rules};

    let registered: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_owned())
        .collect();
    assert!(!registered.is_empty());
    let ruled: Vec<&str> = rules().iter().map(|(p, _)| *p).collect();
    for path in &registered {
        assert!(
            ruled.contains(&path.as_str()),
            "{path} has no entry in the access policy"
        );
    }

    let server = Server::new(Backend::Sqlite).await;
    let mut callers: Vec<(Option<Role>, Option<String>)> = vec![(None, None)];
    for role in Role::ALL {
        let cookie = server
            .session_for(&format!("{}@example.be", role.code()), role)
            .await;
        callers.push((Some(role), Some(cookie)));
    }
    for (path, rule) in rules() {
        let name = path.trim_start_matches("/api/");
        if name == "logout" || name == "setup_admin" || name == "login" {
            continue; // covered by their own tests: they change who is signed in
        }
        // A well-formed body, so that the policy (not the argument parser) answers.
        let body: &[(&str, &str)] = match name {
            "set_language" => &[("lang", "nl")],
            "change_password" => &[("input[current]", "niet juist"), ("input[new]", "x")],
            "end_session"
            | "end_user_sessions"
            | "renew_invitation"
            | "invite_buddy"
            | "get_participant"
            | "get_duo"
            | "get_buddy"
            | "rank_for_buddy"
            | "rank_for_participant"
            | "get_registration"
            | "registration_intake"
            | "stone_for_edit"
            | "participant_referrals"
            | "take_home_sheet"
            | "suggest_stones"
            | "load_participant_data"
            | "load_buddy_data"
            | "load_user_data"
            | "get_event"
            | "walk_in_choices"
            | "event_letters"
            | "cancel_event" => &[("id", "999")],
            "invite_to_event" => &[("id", "999"), ("form[audience]", "active_buddies")],
            "record_event_answer" | "answer_invitation" => {
                &[("invitation_id", "999"), ("answer", "yes")]
            }
            "tick_attendance" => &[("invitation_id", "999"), ("attended", "true")],
            "add_walk_in" | "invite_person" => &[("id", "999"), ("who", "buddy:999")],
            "set_event_reminders" => &[("on", "false")],
            "person_events" => &[("kind", "buddy"), ("id", "999")],
            "answer_link_info" => &[("token", "onbekend")],
            "answer_by_link" => &[("token", "onbekend"), ("answer", "yes")],
            "create_event" => &[("form[title]", "X")],
            "preview_erasure" | "record_trail" => &[("kind", "participant"), ("id", "999")],
            "hold_record" => &[
                ("kind", "participant"),
                ("id", "999"),
                ("form[until]", "2027-01-10"),
                ("form[reason]", "dispute"),
            ],
            "save_retention" => &[("form[participant_months]", "24"), ("version", "99")],
            "erase_person" => &[
                ("kind", "buddy"),
                ("id", "999"),
                ("version", "1"),
                ("form[reason]", "request"),
                ("form[confirm]", "true"),
            ],
            "refer_to_stone" => &[("id", "999"), ("form[stone]", "1")],
            "record_follow_up" => &[
                ("id", "999"),
                ("version", "1"),
                ("form[outcome]", "went_once"),
            ],
            "hide_stone" => &[("id", "999"), ("hidden", "true")],
            "load_report" => &[("section", "duos"), ("ask[preset]", "last_year")],
            "partner_report" => &[("ask[preset]", "last_year")],
            "save_stone" => &[("form[title]", "X")],
            "update_registration" => &[("id", "999"), ("version", "1"), ("action", "close")],
            "register_participant" => &[("form[first_name]", "X")],
            "propose_duo" => &[("participant_id", "999"), ("buddy_id", "999")],
            "preview_weights" | "save_weights" => &[("form[interests]", "x")],
            "load_draft" => &[("form", "intake")],
            "move_duo" => &[("id", "999"), ("version", "0"), ("form[to]", "ended")],
            "record_evaluation" => &[
                ("id", "999"),
                ("evaluation", "999"),
                ("form[outcome]", "going_well"),
            ],
            "save_evaluation_plan" => &[
                ("form[first_after_months]", "3"),
                ("form[then_every_months]", "6"),
                ("version", "99"),
            ],
            "create_participant" | "create_buddy" | "apply_as_buddy" => {
                &[("form[profile][first_name]", "X")]
            }
            "add_list_entry" => &[("list", "interests"), ("entry[name]", "Yoga")],
            "set_list_entry_active" => &[("list", "interests"), ("id", "1"), ("active", "false")],
            "preview_import" => &[("kind", "participants"), ("csv", "voornaam\nMira")],
            "confirm_import" => &[
                ("kind", "participants"),
                ("csv", "voornaam\nMira"),
                ("only_valid", "true"),
            ],
            "export_csv" => &[("kind", "participants")],
            "get_activity" | "confirm_activity" => &[("id", "999"), ("version", "0")],
            "plan_page" | "duo_activities" => &[("duo_id", "999")],
            "plan_activity" => &[("duo_id", "999"), ("form[kind_id]", "1")],
            "reschedule_activity" => &[("id", "999"), ("version", "0"), ("form[kind_id]", "1")],
            "cancel_activity" => &[("id", "999"), ("version", "0"), ("form[reason]", "x")],
            "check_in_activity" => &[("id", "999"), ("version", "0"), ("form[mood]", "3")],
            "save_cadence_margin" => &[("days", "3"), ("version", "99")],
            "save_first_steps" => &[("form[intake_days]", "10"), ("version", "99")],
            "record_contact" => &[("id", "999"), ("on", "2026-11-20")],
            "hand_to_screener" => &[("id", "999"), ("version", "1"), ("screener", "1")],
            "record_screening" => &[
                ("id", "999"),
                ("version", "1"),
                ("held_on", "2026-11-20"),
                ("outcome", "approved"),
            ],
            "update_participant" | "update_buddy" => &[
                ("id", "999"),
                ("version", "1"),
                ("form[profile][first_name]", "X"),
            ],
            "change_participant_status" => &[("id", "999"), ("version", "1"), ("status", "paused")],
            "verify_second_step" | "confirm_two_factor" => &[("code", "123456")],
            "disable_two_factor" | "renew_recovery_codes" => &[("password", "niet juist")],
            "invitation_info" => &[("token", "onbekend")],
            "accept_invitation" => &[("token", "onbekend"), ("password", "x")],
            "set_two_factor_required" => &[("required", "false"), ("version", "99")],
            "invite_user" => &[
                ("input[email]", "nieuw@example.be"),
                ("input[display_name]", "Nieuw"),
                ("input[role]", "buddy"),
            ],
            "update_user_access" => &[
                ("change[id]", "999"),
                ("change[version]", "1"),
                ("change[role]", "buddy"),
                ("change[active]", "true"),
            ],
            _ => &[],
        };
        for (role, cookie) in &callers {
            let reply = server.call(name, body, cookie.as_deref()).await;
            let refused = match (rule, role) {
                (Rule::Public, _) => None,
                (_, None) => Some(AppError::Unauthenticated),
                (Rule::SignedIn, Some(_)) => None,
                (Rule::Roles(allowed), Some(r)) if allowed.contains(r) => None,
                (Rule::Roles(_), Some(_)) => Some(AppError::Forbidden),
            };
            match refused {
                Some(expected) => assert_eq!(reply.error(), expected, "{name} as {role:?}"),
                // Allowed callers get past the policy: an empty body may still be a bad request.
                None => {
                    if !reply.status.is_success() {
                        let error = reply.error();
                        assert!(
                            !matches!(error, AppError::Forbidden | AppError::Unauthenticated),
                            "{name} as {role:?}: {error:?}"
                        );
                    }
                }
            }
        }
    }
}

on_both_databases! {
    async fn the_audit_log_cannot_be_changed_or_emptied(test: &TestDb) {
        let now = common::test_now();
        app::db::audit::insert(&test.db, now, Some(1), app::domain::audit::AuditAction::Read, Some(("participant", "7".into())))
            .await
            .unwrap();
        assert!(test.db.execute_unprepared("UPDATE audit_log SET action = 'x'").await.is_err());
        assert!(test.db.execute_unprepared("DELETE FROM audit_log").await.is_err());
        if test.db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            assert!(test.db.execute_unprepared("TRUNCATE audit_log").await.is_err());
        }
        let rows = app::db::audit::list(&test.db, &app::db::audit::AuditFilter { limit: 10, ..Default::default() }).await.unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].record_id.as_deref(), Some("7"));
    }

    async fn an_email_address_is_used_once(test: &TestDb) {
        let now = common::test_now();
        app::auth::accounts::create_with_password(&test.db, "an@example.be", "An", PASSWORD, Role::Buddy, now).await.unwrap();
        let again = app::auth::accounts::create_with_password(&test.db, " AN@example.be", "An 2", PASSWORD, Role::Buddy, now).await;
        assert_eq!(again.unwrap_err(), AppError::validation("email", app::domain::validation::Problem::AlreadyUsed));
    }

    async fn sessions_end_with_their_user(test: &TestDb) {
        let now = common::test_now();
        let user = app::auth::accounts::create_with_password(&test.db, "an@example.be", "An", PASSWORD, Role::Buddy, now).await.unwrap();
        app::db::sessions::create(&test.db, "h1", user.id, "phone", now).await.unwrap();
        app::db::sessions::create(&test.db, "h2", user.id, "laptop", now).await.unwrap();
        assert_eq!(app::db::sessions::list_for_user(&test.db, user.id).await.unwrap().len(), 2);
        assert_eq!(app::db::sessions::delete_for_user(&test.db, user.id).await.unwrap(), 2);
        assert!(app::db::sessions::find_with_user(&test.db, "h1").await.unwrap().is_none());
    }
}

#[tokio::test]
async fn server_function_errors_answer_with_their_own_status() {
    let server = Server::new(Backend::Sqlite).await;
    assert_eq!(
        server.login("x@example.be", "fout wachtwoord").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        server.call("list_users", &[], None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let buddy = server.session_for("b@example.be", Role::Buddy).await;
    assert_eq!(
        server.call("list_users", &[], Some(&buddy)).await.status,
        StatusCode::FORBIDDEN
    );
    let unreadable = server
        .call("end_session", &[("nope", "1")], Some(&buddy))
        .await;
    assert_eq!(unreadable.status, StatusCode::BAD_REQUEST);
    assert!(matches!(unreadable.error(), AppError::Request(_)));
}

#[tokio::test]
async fn admins_read_the_audit_log_with_or_without_a_filter() {
    let server = Server::new(Backend::Sqlite).await;
    let admin = server.session_for("admin@example.be", Role::Admin).await;
    let all = server.call("list_audit", &[], Some(&admin)).await;
    assert_eq!(all.status, StatusCode::OK, "{}", all.body);
    let entries: Vec<app::domain::audit::AuditEntry> = serde_json::from_str(&all.body).unwrap();
    assert_eq!(entries.len(), 2, "created and signed in");
    let logins = server
        .call("list_audit", &[("action", "login_succeeded")], Some(&admin))
        .await;
    let entries: Vec<app::domain::audit::AuditEntry> = serde_json::from_str(&logins.body).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].actor_name.as_deref(), Some("Test Persoon"));
}
