//! Two-step sign-in with an authenticator app and recovery codes, through HTTP.

use crate::common;

use app::api::account::{LoginStep, Viewer};
use app::api::two_factor::{Enrolment, TwoFactorState};
use app::auth::two_factor::code_at;
use app::domain::account::Role;
use app::domain::validation::Problem;
use app::error::AppError;
use axum::http::StatusCode;
use chrono::Duration;
use common::Backend;
use common::server::{PASSWORD, Server};

fn step_cookie(reply: &common::Reply) -> Option<String> {
    reply
        .headers
        .get_all(axum::http::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("klik_login_step=") && !c.starts_with("klik_login_step=;"))
        .map(|c| c.split(';').next().unwrap_or_default().to_owned())
}

fn unix(server: &Server) -> u64 {
    server.state.clock.now().timestamp() as u64
}

/// Turns two-step sign-in on for the signed-in `cookie`; answers the secret and the codes.
async fn enrol(server: &Server, cookie: &str) -> (String, Vec<String>) {
    let reply = server.call("start_two_factor", &[], Some(cookie)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let enrolment: Enrolment = serde_json::from_str(&reply.body).unwrap();
    assert!(enrolment.qr_svg.contains("<svg"));
    assert!(enrolment.otpauth_url.starts_with("otpauth://totp/"));
    let secret = enrolment.secret.replace(' ', "");
    let wrong = server
        .call("confirm_two_factor", &[("code", "000000")], Some(cookie))
        .await;
    if code_at(&secret, unix(server)).unwrap() != "000000" {
        assert_eq!(
            wrong.error(),
            AppError::validation("code", Problem::Invalid)
        );
    }
    let code = code_at(&secret, unix(server)).unwrap();
    let reply = server
        .call("confirm_two_factor", &[("code", &code)], Some(cookie))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let codes: Vec<String> = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(codes.len(), 10);
    (secret, codes)
}

async fn second_step(server: &Server, step: &str, code: &str) -> common::Reply {
    server
        .call("verify_second_step", &[("code", code)], Some(step))
        .await
}

#[tokio::test]
async fn sign_in_takes_a_code_once_or_a_recovery_code_once() {
    let server = Server::new(Backend::Sqlite).await;
    let cookie = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let (secret, codes) = enrol(&server, &cookie).await;

    // The password alone no longer signs in: it leads to the second step.
    let reply = server.login("coordinator@example.be", PASSWORD).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        serde_json::from_str::<LoginStep>(&reply.body).unwrap(),
        LoginStep::SecondStep
    );
    assert!(reply.session_cookie().is_none());
    let step = step_cookie(&reply).expect("second-step cookie");

    // The code that confirmed the set-up was used already.
    let used = code_at(&secret, unix(&server)).unwrap();
    assert_eq!(
        second_step(&server, &step, &used).await.error(),
        AppError::validation("code", Problem::Invalid)
    );
    server.state.clock.advance(Duration::seconds(30));
    let fresh = code_at(&secret, unix(&server)).unwrap();
    let reply = second_step(&server, &step, &fresh).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let session = reply.session_cookie().expect("signed in");
    assert_eq!(
        server.whoami(&session).await.unwrap().email,
        "coordinator@example.be"
    );
    // The second step is over: its cookie no longer leads anywhere.
    assert_eq!(
        second_step(&server, &step, &fresh).await.error(),
        AppError::Expired
    );

    // A recovery code works once, written as printed or not.
    let reply = server.login("coordinator@example.be", PASSWORD).await;
    let step = step_cookie(&reply).unwrap();
    let typed = codes[0].to_uppercase().replace('-', " ");
    let reply = second_step(&server, &step, &typed).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let reply = server.login("coordinator@example.be", PASSWORD).await;
    let step = step_cookie(&reply).unwrap();
    assert_eq!(
        second_step(&server, &step, &codes[0]).await.error(),
        AppError::validation("code", Problem::Invalid)
    );
    let status: TwoFactorState = serde_json::from_str(
        &server
            .call("two_factor_status", &[], Some(&session))
            .await
            .body,
    )
    .unwrap();
    assert!(status.enabled);
    assert_eq!(status.recovery_codes_left, 9);
}

#[tokio::test]
async fn the_second_step_expires_after_five_minutes_or_five_wrong_codes() {
    let server = Server::new(Backend::Sqlite).await;
    let cookie = server.session_for("admin@example.be", Role::Admin).await;
    let (secret, _) = enrol(&server, &cookie).await;

    let step = step_cookie(&server.login("admin@example.be", PASSWORD).await).unwrap();
    server.state.clock.advance(Duration::minutes(6));
    let code = code_at(&secret, unix(&server)).unwrap();
    let late = second_step(&server, &step, &code).await;
    assert_eq!(late.error(), AppError::Expired);
    assert_eq!(late.status, StatusCode::GONE);

    let step = step_cookie(&server.login("admin@example.be", PASSWORD).await).unwrap();
    for _ in 0..5 {
        let wrong = if code == "111111" { "222222" } else { "111111" };
        assert_eq!(
            second_step(&server, &step, wrong).await.error(),
            AppError::validation("code", Problem::Invalid)
        );
    }
    assert_eq!(
        second_step(&server, &step, &code).await.error(),
        AppError::Expired
    );

    // Without the cookie, or with a made-up one, there is nothing to confirm.
    let none = server
        .call("verify_second_step", &[("code", &code)], None)
        .await;
    assert_eq!(none.error(), AppError::Expired);
    assert_eq!(
        second_step(&server, "klik_login_step=verzonnen", &code)
            .await
            .error(),
        AppError::Expired
    );
    // Nonsense is a clear field error, not a failure.
    let step = step_cookie(&server.login("admin@example.be", PASSWORD).await).unwrap();
    for bad in ["", "12345", "<script>", &"9".repeat(5000)] {
        let reply = second_step(&server, &step, bad).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad:.20}");
    }
}

#[tokio::test]
async fn compulsory_two_step_sign_in_holds_staff_back_until_it_is_on() {
    let server = Server::new(Backend::Sqlite).await;
    let admin = server.session_for("admin@example.be", Role::Admin).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let buddy = server.session_for("buddy@example.be", Role::Buddy).await;

    // Only an admin who uses it can make it compulsory.
    let early = server
        .call(
            "set_two_factor_required",
            &[("required", "true")],
            Some(&admin),
        )
        .await;
    assert_eq!(early.error(), AppError::TwoFactorRequired);
    enrol(&server, &admin).await;
    let reply = server
        .call(
            "set_two_factor_required",
            &[("required", "true")],
            Some(&admin),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    // A second admin screen with the old (absent) version loses, and says so.
    let stale = server
        .call(
            "set_two_factor_required",
            &[("required", "false")],
            Some(&admin),
        )
        .await;
    assert_eq!(stale.error(), AppError::Conflict);

    let refused = server.call("list_users", &[], Some(&coordinator)).await;
    assert_eq!(refused.error(), AppError::TwoFactorRequired);
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let viewer: Viewer = serde_json::from_str(
        &server
            .call("auth_status", &[], Some(&coordinator))
            .await
            .body,
    )
    .unwrap();
    assert!(viewer.must_enrol);
    // Pages for staff lead to the account page, where it is set up.
    let page = server.get("/admin/users", Some(&coordinator)).await;
    assert_eq!(page.status, StatusCode::FOUND, "{}", page.body);
    assert_eq!(page.headers["location"], "/account");

    // Buddies are not concerned.
    let viewer: Viewer =
        serde_json::from_str(&server.call("auth_status", &[], Some(&buddy)).await.body).unwrap();
    assert!(!viewer.must_enrol);

    enrol(&server, &coordinator).await;
    let allowed = server.call("list_users", &[], Some(&coordinator)).await;
    assert_eq!(allowed.status, StatusCode::OK, "{}", allowed.body);
    // And it cannot be turned off while it is compulsory.
    let off = server
        .call(
            "disable_two_factor",
            &[("password", PASSWORD)],
            Some(&coordinator),
        )
        .await;
    assert_eq!(off.error(), AppError::TwoFactorRequired);
}

#[tokio::test]
async fn turning_two_step_sign_in_off_or_renewing_codes_needs_the_password() {
    let server = Server::new(Backend::Sqlite).await;
    let cookie = server
        .session_for("screener@example.be", Role::Screener)
        .await;
    let (_, old_codes) = enrol(&server, &cookie).await;
    // Setting it up again while it is on is refused.
    assert_eq!(
        server
            .call("start_two_factor", &[], Some(&cookie))
            .await
            .error(),
        AppError::Conflict
    );
    let wrong = server
        .call(
            "renew_recovery_codes",
            &[("password", "niet mijn wachtwoord")],
            Some(&cookie),
        )
        .await;
    assert_eq!(
        wrong.error(),
        AppError::validation("password", Problem::Invalid)
    );
    let reply = server
        .call(
            "renew_recovery_codes",
            &[("password", PASSWORD)],
            Some(&cookie),
        )
        .await;
    let new_codes: Vec<String> = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(new_codes.len(), 10);
    assert!(new_codes.iter().all(|c| !old_codes.contains(c)));

    let wrong = server
        .call(
            "disable_two_factor",
            &[("password", "niet mijn wachtwoord")],
            Some(&cookie),
        )
        .await;
    assert_eq!(
        wrong.error(),
        AppError::validation("password", Problem::Invalid)
    );
    let off = server
        .call(
            "disable_two_factor",
            &[("password", PASSWORD)],
            Some(&cookie),
        )
        .await;
    assert_eq!(off.status, StatusCode::OK, "{}", off.body);
    // The password alone signs in again.
    let reply = server.login("screener@example.be", PASSWORD).await;
    assert!(reply.session_cookie().is_some());
}
