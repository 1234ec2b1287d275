//! Signing in and out, the first-run setup, and each user's own account.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::domain::account::CurrentUser;
use crate::error::AppError;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub user: Option<CurrentUser>,
    /// No account exists yet: the first visit creates the first admin.
    pub needs_setup: bool,
    /// Two-step sign-in is compulsory for this user's role and not set up yet.
    pub must_enrol: bool,
}

/// Where a correct password leads: in at once, or to the second step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LoginStep {
    SignedIn(CurrentUser),
    SecondStep,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetupInput {
    pub email: String,
    pub display_name: String,
    pub password: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginInput {
    pub email: String,
    pub password: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordChange {
    pub current: String,
    pub new: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub id: String,
    pub device: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub current: bool,
}

#[server(endpoint = "auth_status")]
pub async fn auth_status() -> Result<Viewer, AppError> {
    let cx = Ctx::open::<AuthStatus>().await?;
    let needs_setup = cx.user.is_none() && crate::db::users::count(&cx.state.db).await? == 0;
    let must_enrol = match &cx.user {
        Some(user) => crate::auth::policy::must_enrol(&cx.state, user).await?,
        None => false,
    };
    Ok(Viewer {
        user: cx.user,
        needs_setup,
        must_enrol,
    })
}

/// Creates the first admin; refused as soon as any account exists.
#[server(endpoint = "setup_admin")]
pub async fn setup_admin(input: SetupInput) -> Result<CurrentUser, AppError> {
    use crate::auth::{accounts, session};
    use crate::domain::account::Role;

    let cx = Ctx::open::<SetupAdmin>().await?;
    let txn = cx.begin().await?;
    if crate::db::users::count(&txn).await? > 0 {
        return Err(AppError::Forbidden);
    }
    let user = accounts::create_with_password(
        &txn,
        &input.email,
        &input.display_name,
        &input.password,
        Role::Admin,
        cx.now,
    )
    .await?;
    txn.commit().await?;
    session::start(&cx.state, &user).await?;
    leptos_axum::redirect("/");
    Ok(user.current())
}

#[server(endpoint = "login")]
pub async fn login(input: LoginInput) -> Result<LoginStep, AppError> {
    use crate::auth::password::{self, Verified};
    use crate::auth::{session, throttle, token::hash_token};
    use crate::db::{login_attempts, users};
    use crate::domain::account::PASSWORD_MAX;
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    // Signing in audits as the account it finds (or nobody), not as whoever is signed in.
    let cx = Ctx::open::<Login>().await?;
    let (state, now) = (&cx.state, cx.now);
    let typed = input.email.trim().to_lowercase();
    let email_hash = hash_token(&typed);
    let ip = session::client_ip();

    if throttle::is_held_back(&state.db, &email_hash, &ip, now).await? {
        cx.audit_by(&state.db, None, AuditAction::LoginThrottled, None)
            .await?;
        return Err(AppError::TooManyAttempts);
    }
    // Overlong input is not worth hashing, but is answered like any wrong password.
    let too_long = input.password.chars().count() > PASSWORD_MAX || typed.chars().count() > 254;
    let account = if too_long {
        None
    } else {
        users::find_for_login(&state.db, &typed).await?
    };
    let verified = match &account {
        Some((user, Some(hash))) if user.active => password::verify(&input.password, hash).await?,
        _ => {
            // Same work as a real check: the answer's timing tells nothing.
            password::verify_dummy(&input.password).await;
            Verified::No
        }
    };
    let user = match (account, verified) {
        (Some((user, _)), Verified::Yes | Verified::YesRehash) => {
            if verified == Verified::YesRehash {
                users::set_password_hash(
                    &state.db,
                    user.id,
                    &password::hash(&input.password).await?,
                    now,
                )
                .await?;
            }
            user
        }
        (account, _) => {
            login_attempts::record(&state.db, &email_hash, &ip, false, now).await?;
            let record = account
                .as_ref()
                .map(|(u, _)| Record::new(RecordKind::User, u.id));
            cx.audit_by(&state.db, None, AuditAction::LoginFailed, record)
                .await?;
            return Err(AppError::LoginFailed);
        }
    };
    if user.two_factor {
        session::start_second_step(state, user.id).await?;
        leptos_axum::redirect("/login/code");
        return Ok(LoginStep::SecondStep);
    }
    login_attempts::record(&state.db, &email_hash, &ip, true, now).await?;
    cx.audit_by(&state.db, Some(user.id), AuditAction::LoginSucceeded, None)
        .await?;
    session::start(state, &user).await?;
    leptos_axum::redirect("/");
    Ok(LoginStep::SignedIn(user.current()))
}

/// The second step of signing in: a code from the authenticator app, or a recovery code.
/// Wrong codes count as failed sign-ins of the account (the same throttle as passwords).
#[server(endpoint = "verify_second_step")]
pub async fn verify_second_step(code: String) -> Result<CurrentUser, AppError> {
    use crate::auth::session::{self, SECOND_STEP_MINUTES};
    use crate::auth::{throttle, token::hash_token, two_factor};
    use crate::db::{login_attempts, two_factor as store, users};
    use crate::domain::account::{SecondFactor, second_factor};
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::validation::Problem;

    /// Attempts allowed for one password, before signing in must start over.
    const MAX_ATTEMPTS: i32 = 5;

    // As in `login`: audited as the account whose second step this is.
    let cx = Ctx::open::<VerifySecondStep>().await?;
    let (state, now) = (&cx.state, cx.now);
    let hash = session::second_step_hash(state).ok_or(AppError::Expired)?;
    let challenge = store::find_challenge(&state.db, &hash)
        .await?
        .filter(|c| now - c.created_at <= chrono::Duration::minutes(SECOND_STEP_MINUTES))
        .filter(|c| c.attempts < MAX_ATTEMPTS);
    let Some(challenge) = challenge else {
        session::end_second_step(state).await?;
        return Err(AppError::Expired);
    };
    let Some(user) = users::find(&state.db, challenge.user_id)
        .await?
        .filter(|u| u.active)
    else {
        session::end_second_step(state).await?;
        return Err(AppError::Expired);
    };
    let email_hash = hash_token(&user.email);
    let ip = session::client_ip();
    if throttle::is_held_back(&state.db, &email_hash, &ip, now).await? {
        cx.audit_by(&state.db, None, AuditAction::LoginThrottled, None)
            .await?;
        return Err(AppError::TooManyAttempts);
    }
    let typed = second_factor(&code).map_err(|p| AppError::validation("code", p))?;
    let secrets = store::secrets(&state.db, user.id).await?;
    let accepted = match (&typed, &secrets.secret) {
        (SecondFactor::Code(code), Some(secret)) => {
            let unix = now.timestamp().max(0) as u64;
            match two_factor::check(secret, code, unix, secrets.last_step)? {
                Some(step) => store::use_step(&state.db, user.id, step).await?,
                None => false,
            }
        }
        (SecondFactor::Recovery(code), Some(_)) => {
            store::use_recovery_code(&state.db, user.id, &hash_token(code), now).await?
        }
        (_, None) => false,
    };
    if !accepted {
        store::count_challenge_attempt(&state.db, &hash).await?;
        login_attempts::record(&state.db, &email_hash, &ip, false, now).await?;
        let record = Some(Record::new(RecordKind::User, user.id));
        cx.audit_by(&state.db, None, AuditAction::LoginFailed, record)
            .await?;
        return Err(AppError::validation("code", Problem::Invalid));
    }
    session::end_second_step(state).await?;
    login_attempts::record(&state.db, &email_hash, &ip, true, now).await?;
    cx.audit_by(&state.db, Some(user.id), AuditAction::LoginSucceeded, None)
        .await?;
    session::start(state, &user).await?;
    leptos_axum::redirect("/");
    Ok(user.current())
}

/// The language Klik writes to the signed-in user in (mails, reminders, the calendar): the one
/// kept on their account, else the programme's.
#[server(endpoint = "mail_language")]
pub async fn mail_language() -> Result<crate::i18n::Lang, AppError> {
    let cx = Ctx::authorize::<MailLanguage>().await?;
    Ok(crate::db::users::language(&cx.state.db, cx.user.id)
        .await?
        .unwrap_or_default())
}

#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::domain::audit::AuditAction;

    let cx = Ctx::authorize::<Logout>().await?;
    crate::auth::session::end(&cx.state).await?;
    // Logging out names no record: `audit_by` with the signed-in user.
    cx.audit_by(&cx.state.db, Some(cx.user.id), AuditAction::Logout, None)
        .await?;
    // The browser forgets what it kept for this account: the buddy's home kept for offline
    // use by the service worker, and answers still waiting on the phone.
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::header::HeaderName::from_static("clear-site-data"),
            http::HeaderValue::from_static("\"storage\""),
        );
    }
    leptos_axum::redirect("/login");
    Ok(())
}

/// Needs the current password; other sessions of the account end.
#[server(endpoint = "change_password")]
pub async fn change_password(input: PasswordChange) -> Result<(), AppError> {
    use crate::auth::password::{self, Verified};
    use crate::auth::session::current_session_hash;
    use crate::db::{sessions, users};
    use crate::domain::account::PASSWORD_MAX;
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<ChangePassword>().await?;
    let (state, user) = (&cx.state, &cx.user);
    let stored = users::password_hash(&state.db, user.id)
        .await?
        .unwrap_or_default();
    if input.current.chars().count() > PASSWORD_MAX
        || password::verify(&input.current, &stored).await? == Verified::No
    {
        return Err(AppError::validation(
            "current",
            crate::domain::validation::Problem::Invalid,
        ));
    }
    password::check_new(&input.new, &[&user.email, &user.display_name])
        .map_err(|p| AppError::validation("new", p))?;
    users::set_password_hash(
        &state.db,
        user.id,
        &password::hash(&input.new).await?,
        cx.now,
    )
    .await?;
    let current = current_session_hash(state).unwrap_or_default();
    for session in sessions::list_for_user(&state.db, user.id).await? {
        if session.id_hash != current {
            sessions::delete(&state.db, &session.id_hash).await?;
        }
    }
    let record = Record::new(RecordKind::User, user.id);
    cx.audit(&state.db, AuditAction::Update, record).await?;
    Ok(())
}

#[server(endpoint = "my_sessions")]
pub async fn my_sessions() -> Result<Vec<SessionInfo>, AppError> {
    let cx = Ctx::authorize::<MySessions>().await?;
    let current = crate::auth::session::current_session_hash(&cx.state).unwrap_or_default();
    Ok(crate::db::sessions::list_for_user(&cx.state.db, cx.user.id)
        .await?
        .into_iter()
        .map(|s| SessionInfo {
            current: s.id_hash == current,
            id: s.id_hash,
            device: s.device,
            created_at: s.created_at,
            last_seen_at: s.last_seen_at,
        })
        .collect())
}

/// Ends one of the caller's own sessions (another device); others' are "not found".
#[server(endpoint = "end_session")]
pub async fn end_session(id: String) -> Result<(), AppError> {
    use crate::db::sessions;
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<EndSession>().await?;
    let db = &cx.state.db;
    let own = sessions::list_for_user(db, cx.user.id)
        .await?
        .into_iter()
        .any(|s| s.id_hash == id);
    if !own {
        return Err(AppError::NotFound);
    }
    sessions::delete(db, &id).await?;
    // The log names the account, never the session's id (a secret's hash).
    let record = Record::new(RecordKind::Session, cx.user.id);
    cx.audit(db, AuditAction::Delete, record).await?;
    Ok(())
}
