//! Inviting people: an admin or coordinator names an address and a role, the invitee opens a
//! single-use link and chooses a password.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::domain::account::Role;
use crate::error::AppError;

/// How long an invitation link works.
pub const INVITATION_DAYS: i64 = 7;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteInput {
    pub email: String,
    pub display_name: String,
    pub role: String,
}

/// The link to pass on while no mail server delivers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invited {
    pub user_id: i32,
    pub email: String,
    pub link: String,
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

/// What the invitee sees before choosing a password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub email: String,
    pub display_name: String,
    pub role: Role,
}

/// Coordinators invite colleagues, screeners and buddies; only admins invite admins.
pub fn may_invite(inviter: Role, role: Role) -> bool {
    match inviter {
        Role::Admin => true,
        Role::Coordinator => role != Role::Admin,
        Role::Screener | Role::Buddy => false,
    }
}

/// Makes a new invitation for `user` (earlier links stop working) and puts the message in
/// the outbox.
#[cfg(feature = "ssr")]
async fn issue(
    cx: &Ctx,
    db: &crate::db::writes::WriteTxn,
    user: &crate::domain::account::Account,
) -> Result<Invited, AppError> {
    use crate::auth::token::{hash_token, new_token};
    use crate::db::{invitations, outbox};
    use crate::i18n::Lang;

    let (state, now, inviter) = (&cx.state, cx.now, cx.user.id);
    let expires_at = now + chrono::Duration::days(INVITATION_DAYS);
    let token = new_token();
    invitations::create(
        db,
        user.id,
        &hash_token(&token),
        Some(inviter),
        now,
        expires_at,
    )
    .await?;
    let link = format!("{}/welcome?token={token}", state.config.public_url);
    let programme = crate::db::settings::programme_name(db, &state.config.programme_name).await?;
    let until = crate::domain::time::format_date_time(expires_at, state.config.time_zone);
    // The invitee's language is not known yet: Dutch first, then English.
    let (nl, en) = (Lang::Nl.texts(), Lang::En.texts());
    let body = format!(
        "{}\n\n----\n\n{}",
        (nl.invite_mail_body)(&user.display_name, &programme, &link, &until),
        (en.invite_mail_body)(&user.display_name, &programme, &link, &until),
    );
    let subject = (nl.invite_mail_subject)(&programme);
    let message = outbox::NewMessage {
        kind: "invitation",
        to: &user.email,
        subject: &subject,
        body: &body,
    };
    outbox::enqueue(db, message, now).await?;
    Ok(Invited {
        user_id: user.id,
        email: user.email.clone(),
        link,
        expires_at,
    })
}

#[server(endpoint = "invite_user")]
pub async fn invite_user(input: InviteInput) -> Result<Invited, AppError> {
    use crate::db::users::{self, NewUser};
    use crate::domain::account::{NAME_MAX, email};
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::validation::{Problem, text};

    let cx = Ctx::authorize::<InviteUser>().await?;
    let address = email(&input.email).map_err(|p| AppError::validation("email", p))?;
    let name = text(&input.display_name, 1, NAME_MAX)
        .map_err(|p| AppError::validation("display_name", p))?;
    let role = Role::from_code(&input.role)
        .ok_or_else(|| AppError::validation("role", Problem::Invalid))?;
    if !may_invite(cx.user.role, role) {
        return Err(AppError::validation("role", Problem::Invalid));
    }
    let txn = cx.begin().await?;
    let new = NewUser {
        email: &address,
        display_name: &name,
        role,
        password_hash: None,
    };
    let user = users::create(&txn, new, cx.now).await?;
    let invited = issue(&cx, &txn, &user).await?;
    let record = Record::new(RecordKind::User, user.id);
    cx.audit(&txn, AuditAction::Create, record).await?;
    txn.commit().await?;
    Ok(invited)
}

/// Gives an approved buddy an account of their own (role buddy, the address in their
/// profile) linked to their record, and an invitation to choose a password. Refused when
/// they have one already (Conflict) or have no e-mail address (a problem at `email`).
#[server(endpoint = "invite_buddy")]
pub async fn invite_buddy(id: i32) -> Result<Invited, AppError> {
    use crate::db::users::{self, NewUser};
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::people::BuddyStatus;
    use crate::domain::validation::Problem;

    let cx = Ctx::authorize::<InviteBuddy>().await?;
    let txn = cx.begin().await?;
    let buddy = crate::db::buddies::find(&txn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if buddy.has_account {
        return Err(AppError::Conflict);
    }
    if !matches!(
        buddy.status,
        BuddyStatus::Available | BuddyStatus::InDuo | BuddyStatus::Paused
    ) {
        return Err(AppError::validation("status", Problem::Invalid));
    }
    let profile = &buddy.application.profile;
    let address = profile
        .email
        .as_deref()
        .ok_or_else(|| AppError::validation("email", Problem::Required))?;
    let name = format!("{} {}", profile.first_name, profile.last_name);
    let new = NewUser {
        email: address,
        display_name: &name,
        role: Role::Buddy,
        password_hash: None,
    };
    let user = users::create(&txn, new, cx.now).await?;
    crate::db::buddies::link_user(&txn, id, user.id).await?;
    let invited = issue(&cx, &txn, &user).await?;
    let record = Record::new(RecordKind::User, user.id);
    cx.audit(&txn, AuditAction::Create, record).await?;
    txn.commit().await?;
    Ok(invited)
}

/// A new link for someone who has not chosen a password yet (the old link stops working).
#[server(endpoint = "renew_invitation")]
pub async fn renew_invitation(id: i32) -> Result<Invited, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<RenewInvitation>().await?;
    let txn = cx.begin().await?;
    let user = crate::db::users::find(&txn, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if user.has_password || !user.active {
        return Err(AppError::Conflict);
    }
    if !may_invite(cx.user.role, user.role) {
        return Err(AppError::Forbidden);
    }
    let invited = issue(&cx, &txn, &user).await?;
    let record = Record::new(RecordKind::User, user.id);
    cx.audit(&txn, AuditAction::Update, record).await?;
    txn.commit().await?;
    Ok(invited)
}

/// Public: who the link is for, or `Expired` for a used, old or unknown link.
#[server(endpoint = "invitation_info")]
pub async fn invitation_info(token: String) -> Result<InvitationView, AppError> {
    let cx = Ctx::open::<InvitationInfo>().await?;
    let (_, user) = open_invitation(&cx, &token).await?;
    Ok(InvitationView {
        email: user.email,
        display_name: user.display_name,
        role: user.role,
    })
}

#[cfg(feature = "ssr")]
async fn open_invitation(
    cx: &Ctx<Option<crate::domain::account::CurrentUser>>,
    token: &str,
) -> Result<
    (
        crate::db::invitations::Invitation,
        crate::domain::account::Account,
    ),
    AppError,
> {
    use crate::auth::token::hash_token;
    // Real tokens are 43 characters; anything else is not worth a query.
    if token.is_empty() || token.len() > 64 {
        return Err(AppError::Expired);
    }
    crate::db::invitations::find_open(&cx.state.db, &hash_token(token), cx.now)
        .await?
        .filter(|(_, user)| user.active && !user.has_password)
        .ok_or(AppError::Expired)
}

/// Public: the invitee chooses a password and is signed in.
#[server(endpoint = "accept_invitation")]
pub async fn accept_invitation(token: String, password: String) -> Result<(), AppError> {
    use crate::auth::password;
    use crate::db::{invitations, users};
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::open::<AcceptInvitation>().await?;
    let (invitation, user) = open_invitation(&cx, &token).await?;
    password::check_new(&password, &[&user.email, &user.display_name])
        .map_err(|p| AppError::validation("password", p))?;
    let hash = password::hash(&password).await?;
    let now = cx.now;
    let txn = cx.begin().await?;
    // Single use, even when the link is opened twice at the same moment.
    if !invitations::mark_used(&txn, invitation.id, now).await? {
        return Err(AppError::Expired);
    }
    users::set_password_hash(&txn, user.id, &hash, now).await?;
    // The language they read the invitation page in becomes their account's.
    users::set_language(&txn, user.id, crate::i18n::request_lang()).await?;
    // The invitee, who is not signed in yet, chose the password.
    let record = Some(Record::new(RecordKind::User, user.id));
    cx.audit_by(&txn, Some(user.id), AuditAction::Update, record)
        .await?;
    txn.commit().await?;
    crate::auth::session::start(&cx.state, &user).await?;
    leptos_axum::redirect("/");
    Ok(())
}
