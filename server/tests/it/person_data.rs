//! A buddy's and a user's data on request (GDPR art. 15/20), on SQLite and PostgreSQL: the
//! file holds their record, account (without secrets), sign-ins, mails and the trail, the
//! participant's first name only; only coordinators (buddies) and admins (users) get it, and
//! each hand-out is logged. And consent withdrawn: a first name leaves the mails still queued.

use crate::common;

use app::api::participants::UpdateParticipant;
use app::db::entities::{audit_log, buddy, duo, outbox, participant, screening};
use app::domain::account::Role;
use app::domain::audit::AuditAction;
use app::domain::person_data::{BuddyData, UserData};
use axum::http::StatusCode;
use common::Backend;
use common::server::Server;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

const MOTIVATION: &str = "ik wandel graag langs de Zenne";
const SCREENING: &str = "Quirinus kent de buurt van Battel";

async fn buddy_and_user_data(backend: Backend) {
    let server = Server::new(backend).await;
    let db = &server.test.db;
    app::demo::fill(db, common::test_now(), common::test_now().date_naive())
        .await
        .unwrap();
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let admin = server.session_for("a@example.be", Role::Admin).await;
    // A buddy of the demo who signs in and has had a duo.
    let duos = duo::Entity::find().all(db).await.unwrap();
    let mut chosen = None;
    for b in buddy::Entity::find().all(db).await.unwrap() {
        if b.user_id.is_some() && duos.iter().any(|d| d.buddy_id == b.id) {
            chosen = Some(b);
            break;
        }
    }
    let b = chosen.expect("a demo buddy with an account and a duo");
    let uid = b.user_id.unwrap();
    let account = app::db::users::find(db, uid).await.unwrap().unwrap();
    let mut row: buddy::ActiveModel = b.clone().into();
    row.motivation = Set(MOTIVATION.into());
    row.update(db).await.unwrap();
    screening::ActiveModel {
        buddy_id: Set(b.id),
        screener_id: Set(None),
        held_on: Set(common::test_now().date_naive()),
        outcome: Set("approved".into()),
        notes: Set(SCREENING.into()),
        recorded_at: Set(common::test_now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let hash = app::auth::token::hash_token(&account.email.to_lowercase());
    app::db::login_attempts::record(db, &hash, "192.0.2.7", true, common::test_now())
        .await
        .unwrap();
    app::db::outbox::enqueue(
        db,
        app::db::outbox::NewMessage {
            kind: "reminder",
            to: &account.email,
            subject: "Morgen op stap",
            body: "Tot morgen!",
        },
        common::test_now(),
    )
    .await
    .unwrap();
    // Something the user did, in the log under their name.
    audit_log::ActiveModel {
        at: Set(common::test_now()),
        actor_id: Set(Some(uid)),
        action: Set("update".into()),
        record_kind: Set(Some("activity".into())),
        record_id: Set(Some("1".into())),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();

    // They are signed in on their phone.
    server.session_of(uid).await;

    // The buddy's file, for a coordinator.
    let path = format!("/buddies/{}/data.json", b.id);
    let reply = server.get(&path, Some(&coordinator)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let disposition = reply.header("content-disposition").unwrap();
    assert!(
        disposition.contains(&format!("klik-buddy-{}.json", b.id)),
        "{disposition}"
    );
    assert_eq!(reply.header("cache-control"), Some("private, no-store"));
    let data: BuddyData = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(data.record.id, b.id);
    assert_eq!(data.record.application.profile.first_name, b.first_name);
    assert_eq!(data.record.application.motivation, MOTIVATION);
    assert!(data.record.screenings.iter().any(|s| s.notes == SCREENING));
    let acc = data.account.as_ref().expect("their account");
    assert_eq!(acc.account.email, account.email);
    assert!(
        acc.sign_ins
            .iter()
            .any(|s| s.ip == "192.0.2.7" && s.success)
    );
    assert!(!acc.sessions.is_empty());
    assert!(data.mails.iter().any(|m| m.subject == "Morgen op stap"));
    assert!(!data.duos.is_empty());
    // The participants: first name only, and not the coordinator's notes about them.
    let theirs: Vec<participant::Model> = participant::Entity::find()
        .filter(
            participant::Column::Id.is_in(
                duos.iter()
                    .filter(|d| d.buddy_id == b.id)
                    .map(|d| d.participant_id),
            ),
        )
        .all(db)
        .await
        .unwrap();
    for p in &theirs {
        assert!(data.duos.iter().any(|d| d.other_first_name == p.first_name));
        assert!(
            !reply.body.contains(&p.last_name),
            "a participant's last name"
        );
        if !p.coordinator_notes.is_empty() {
            assert!(
                !reply.body.contains(&p.coordinator_notes),
                "their record's notes"
            );
        }
    }
    for d in &data.duos {
        assert!(d.end_note.is_none());
        assert!(d.evaluations.iter().all(|e| e.notes.is_empty()));
    }
    // Secrets never leave: not the password's hash, the two-step secret, nor any session's,
    // feed's or recovery code's hash.
    let secrets = secrets_of(db, b.id, uid).await;
    assert!(!secrets.is_empty());
    for secret in &secrets {
        assert!(!reply.body.contains(secret.as_str()), "a secret");
    }

    // The user's file, for an admin only.
    let user_path = format!("/admin/users/{uid}/data.json");
    assert_eq!(
        server.get(&user_path, Some(&coordinator)).await.status,
        StatusCode::FORBIDDEN
    );
    let reply = server.get(&user_path, Some(&admin)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(
        reply
            .header("content-disposition")
            .unwrap()
            .contains(&format!("klik-gebruiker-{uid}.json"))
    );
    let data: UserData = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(data.account.account.id, uid);
    assert_eq!(data.buddy_id, Some(b.id));
    assert!(
        data.actions.iter().any(
            |e| e.action == AuditAction::Update && e.record_kind.as_deref() == Some("activity")
        )
    );
    assert!(data.mails.iter().any(|m| m.subject == "Morgen op stap"));
    assert!(data.account.sign_ins.iter().any(|s| s.ip == "192.0.2.7"));
    // The language of their mails is theirs too.
    assert_eq!(data.account.language, None);
    app::db::users::set_language(&server.test.db, uid, app::i18n::Lang::En)
        .await
        .unwrap();
    let again: UserData =
        serde_json::from_str(&server.get(&user_path, Some(&admin)).await.body).unwrap();
    assert_eq!(again.account.language.as_deref(), Some("en"));
    for secret in &secrets {
        assert!(!reply.body.contains(secret.as_str()), "a secret");
    }

    // The pages' server functions give the same, and every hand-out is logged as an export.
    for (name, cookie) in [
        ("load_buddy_data", &coordinator),
        ("load_user_data", &admin),
    ] {
        let id = if name == "load_buddy_data" { b.id } else { uid };
        let page = server
            .call(name, &[("id", &id.to_string())], Some(cookie))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{name}: {}", page.body);
    }
    // The user's file was handed out once more above (with the language).
    for (kind, id, times) in [("buddy", b.id, 2), ("user", uid, 3)] {
        let exports = app::db::audit::trail(db, kind, &id.to_string())
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.action == AuditAction::Export)
            .count();
        assert_eq!(exports, times, "{kind}");
    }

    // Nobody else: signed out to the sign-in, buddies and the partner refused, no such record.
    assert_eq!(server.get(&path, None).await.status, StatusCode::SEE_OTHER);
    for role in [Role::Buddy, Role::Screener] {
        let cookie = server
            .session_for(&format!("{}@example.be", role.code()), role)
            .await;
        for p in [&path, &user_path] {
            assert_eq!(
                server.get(p, Some(&cookie)).await.status,
                StatusCode::FORBIDDEN
            );
        }
    }
    for unknown in ["/buddies/987654/data.json", "/admin/users/987654/data.json"] {
        let cookie = if unknown.starts_with("/admin") {
            &admin
        } else {
            &coordinator
        };
        assert_eq!(
            server.get(unknown, Some(cookie)).await.status,
            StatusCode::NOT_FOUND
        );
    }
    assert_eq!(
        server
            .get("/buddies/%3Cb%3E/data.json", Some(&coordinator))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

on_both_databases!(a_buddys_and_a_users_data_are_handed_out_without_secrets => buddy_and_user_data);

/// Every secret Klik keeps for buddy `id` and account `uid` (hashes included).
async fn secrets_of(db: &sea_orm::DatabaseConnection, id: i32, uid: i32) -> Vec<String> {
    use app::db::entities::{calendar_feed, recovery_code, session, user};

    let mut out = Vec::new();
    let u = user::Entity::find_by_id(uid)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    out.extend(u.password_hash);
    out.extend(u.totp_secret);
    for s in session::Entity::find()
        .filter(session::Column::UserId.eq(uid))
        .all(db)
        .await
        .unwrap()
    {
        out.push(s.id_hash);
    }
    for f in calendar_feed::Entity::find()
        .filter(calendar_feed::Column::BuddyId.eq(id))
        .all(db)
        .await
        .unwrap()
    {
        out.push(f.token_hash);
    }
    for r in recovery_code::Entity::find()
        .filter(recovery_code::Column::UserId.eq(uid))
        .all(db)
        .await
        .unwrap()
    {
        out.push(r.code_hash);
    }
    out
}

async fn withdrawn_first_name(backend: Backend) {
    let server = Server::new(backend).await;
    let db = &server.test.db;
    app::demo::fill(db, common::test_now(), common::test_now().date_naive())
        .await
        .unwrap();
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    // An open duo whose participant shares their first name and whose buddy gets mail.
    let mut chosen = None;
    for d in duo::Entity::find()
        .filter(duo::Column::Stage.ne("ended"))
        .all(db)
        .await
        .unwrap()
    {
        let addresses = app::db::reminders::buddy_addresses(db, &[d.buddy_id])
            .await
            .unwrap();
        let shared = app::db::participants::shared_first_names(db, vec![d.participant_id])
            .await
            .unwrap();
        if let (Some(address), Some(name)) =
            (addresses.get(&d.buddy_id), shared.get(&d.participant_id))
        {
            chosen = Some((d.participant_id, address.to.clone(), name.clone()));
            break;
        }
    }
    let (id, address, first) = chosen.expect("a demo duo that shares a first name");
    let queue = |to: String, subject: String, body: String| async move {
        app::db::outbox::enqueue(
            db,
            app::db::outbox::NewMessage {
                kind: "activity_reminder",
                to: &to,
                subject: &subject,
                body: &body,
            },
            common::test_now(),
        )
        .await
        .unwrap()
    };
    let to_buddy = queue(
        address.clone(),
        format!("Morgen met {first}"),
        format!("Dag! Morgen ga je met {first} naar de markt. Groeten aan {first}."),
    )
    .await;
    let to_coordinator = queue(
        "c@example.be".into(),
        format!("{first} wacht"),
        format!("{first} wacht op een gesprek."),
    )
    .await;

    // The coordinator records that the participant no longer shares their first name.
    let detail = app::db::participants::find(db, id).await.unwrap().unwrap();
    let mut form = detail.form();
    form.consent_share_first_name = String::new();
    let args = UpdateParticipant {
        id,
        version: detail.version,
        form,
    };
    let reply = server
        .call_args("update_participant", &args, Some(&coordinator))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);

    let mail = outbox::Entity::find_by_id(to_buddy)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let words = |text: &str| app::domain::privacy::names(text, &first);
    assert!(!words(&mail.subject) && !words(&mail.body), "{mail:?}");
    assert_eq!(mail.subject, "Morgen met je duo-partner");
    assert!(
        mail.body.contains("ga je met je duo-partner naar"),
        "{}",
        mail.body
    );
    // Coordinators may know the name: their mail is untouched.
    let theirs = outbox::Entity::find_by_id(to_coordinator)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(theirs.subject, format!("{first} wacht"));
    // From now on the buddy's side knows no first name.
    let shared = app::db::participants::shared_first_names(db, vec![id])
        .await
        .unwrap();
    assert!(!shared.contains_key(&id));
}

on_both_databases!(a_withdrawn_first_name_leaves_the_queued_mails => withdrawn_first_name);
