//! Erasure by anonymisation on SQLite and PostgreSQL: after erasing a closed participant of the
//! demo programme, no text column of any table holds their names, contact details or notes,
//! while every report's figures are the same; the refusals (open duo, still open, twice, a
//! stale version); the record's trail.

use crate::common;

use app::db::entities::{activity, duo, participant, registration};
use app::domain::account::Role;
use app::domain::audit::AuditAction;
use app::domain::privacy::{ErasurePreview, ErasureRefusal, Removed};
use app::error::AppError;
use axum::http::StatusCode;
use common::Backend;
use common::server::Server;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait,
    IntoActiveModel, QueryFilter, Statement,
};

/// What identifies the person: none of it may be found anywhere after the erasure.
const FIRST: &str = "Zulvanya";
const LAST: &str = "Kwispelbeek";
const EMAIL: &str = "zulvanya.k@voorbeeld.be";
const PHONE: &str = "0470 98 76 54";
const NOTES: [&str; 6] = [
    "vertelt graag over haar kleinkinderen",
    "belt liefst na de middag",
    "fietste mee tot aan de Dijle",
    "wil graag leren schaken",
    "kwam via de huisarts in Hombeek",
    "maatje gezocht voor de markt",
];

/// Every (table, column) of the database, text or not: a date column cannot hold a name,
/// but scanning it costs nothing and proves the list is whole.
async fn columns(db: &impl ConnectionTrait) -> Vec<(String, String)> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Sqlite => {
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
        }
        _ => {
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = current_schema()"
        }
    };
    let rows = db
        .query_all_raw(Statement::from_string(backend, sql))
        .await
        .unwrap();
    rows.iter()
        .map(|r| {
            (
                r.try_get_by_index::<String>(0).unwrap(),
                r.try_get_by_index::<String>(1).unwrap(),
            )
        })
        .collect()
}

/// Where `needle` occurs, as "table.column" (case-insensitive).
async fn found(db: &impl ConnectionTrait, cols: &[(String, String)], needle: &str) -> Vec<String> {
    let backend = db.get_database_backend();
    let mut hits = Vec::new();
    for (table, column) in cols {
        let sql = format!(
            "SELECT COUNT(*) FROM \"{table}\" WHERE LOWER(CAST(\"{column}\" AS TEXT)) LIKE $1"
        );
        let sql = if backend == DbBackend::Sqlite {
            sql.replace("$1", "?")
        } else {
            sql
        };
        let row = db
            .query_one_raw(Statement::from_sql_and_values(
                backend,
                sql,
                [format!("%{}%", needle.to_lowercase()).into()],
            ))
            .await
            .unwrap()
            .unwrap();
        if row.try_get_by_index::<i64>(0).unwrap() > 0 {
            hits.push(format!("{table}.{column}"));
        }
    }
    hits
}

/// The body of every report over the whole history, as the page receives it.
async fn reports(server: &Server, cookie: &str) -> Vec<String> {
    let mut bodies = Vec::new();
    for section in ["duos", "waiting", "activity", "buddies"] {
        let reply = server
            .call(
                "load_report",
                &[("section", section), ("ask[preset]", "since_start")],
                Some(cookie),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{section}");
        bodies.push(reply.body);
    }
    bodies
}

async fn preview_of(server: &Server, cookie: &str, kind: &str, id: i32) -> ErasurePreview {
    let reply = server
        .call(
            "preview_erasure",
            &[("kind", kind), ("id", &id.to_string())],
            Some(cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

async fn preview(server: &Server, cookie: &str, id: i32) -> ErasurePreview {
    preview_of(server, cookie, "participant", id).await
}

async fn erase(server: &Server, cookie: &str, id: i32, version: i32) -> common::Reply {
    erase_of(server, cookie, "participant", id, version).await
}

async fn erase_of(
    server: &Server,
    cookie: &str,
    kind: &str,
    id: i32,
    version: i32,
) -> common::Reply {
    server
        .call(
            "erase_person",
            &[
                ("kind", kind),
                ("id", &id.to_string()),
                ("version", &version.to_string()),
                ("form[reason]", "request"),
                ("form[confirm]", "true"),
            ],
            Some(cookie),
        )
        .await
}

/// A closed participant of the demo who had a duo with activities, given names, contact
/// details and notes that nobody else has (the demo's names repeat), in every place a
/// participant's text can be.
async fn make_findable(server: &Server, by: i32) -> i32 {
    let db = &server.test.db;
    let now = common::test_now();
    let closed = participant::Entity::find()
        .filter(participant::Column::Status.eq("closed"))
        .all(db)
        .await
        .unwrap();
    let mut chosen = None;
    for p in closed {
        let duos = duo::Entity::find()
            .filter(duo::Column::ParticipantId.eq(p.id))
            .filter(duo::Column::Agreement.is_not_null())
            .all(db)
            .await
            .unwrap();
        if let Some(d) = duos.first() {
            let acts = activity::Entity::find()
                .filter(activity::Column::DuoId.eq(d.id))
                .all(db)
                .await
                .unwrap();
            if acts.len() >= 2 {
                chosen = Some((p.id, d.clone(), acts));
                break;
            }
        }
    }
    let (id, duo_row, acts) = chosen.expect("a closed participant with a signed duo in the demo");

    let detail = app::db::participants::find(db, id).await.unwrap().unwrap();
    let mut intake = detail.intake.clone();
    intake.profile.first_name = FIRST.into();
    intake.profile.last_name = LAST.into();
    intake.profile.email = Some(EMAIL.into());
    intake.profile.phone = Some(PHONE.into());
    intake.profile.wishes.note = NOTES[0].into();
    intake.coordinator_notes = NOTES[1].into();
    intake.referral_contact = format!("dr. Verhaegen, {PHONE}");
    intake.support_contact = format!("zus van {FIRST}");
    app::db::participants::update(db, id, detail.version, &intake, now)
        .await
        .unwrap();
    app::db::participants::record_contact(db, id, now.date_naive(), None, NOTES[2], by)
        .await
        .unwrap();
    app::db::timeline::record(
        db,
        "participant",
        id,
        Some("closed"),
        "closed",
        Some(by),
        &format!("{FIRST} verhuist"),
        now,
    )
    .await
    .unwrap();

    // The duo's texts: the agreement's note, the ending's note, an activity's place, note
    // and check-in note, a cancelled one's reason.
    let mut agreement: app::domain::duo::Agreement =
        serde_json::from_str(duo_row.agreement.as_deref().unwrap()).unwrap();
    agreement.note = NOTES[3].into();
    let mut d = duo_row.into_active_model();
    d.agreement = Set(Some(serde_json::to_string(&agreement).unwrap()));
    d.end_note = Set(Some(format!("{FIRST} wou stoppen")));
    d.update(db).await.unwrap();
    let mut a = acts[0].clone().into_active_model();
    a.place = Set(format!("bij {FIRST} thuis"));
    a.note = Set(NOTES[4].into());
    a.checkin_note = Set(Some(format!("{FIRST} genoot ervan")));
    a.update(db).await.unwrap();
    let mut a = acts[1].clone().into_active_model();
    a.cancel_reason = Set(Some(format!("{FIRST} was ziek")));
    a.update(db).await.unwrap();

    // A registration that became this record; a mail to the buddy that names them, one to
    // them, one not yet sent; a refused form's values.
    registration::ActiveModel {
        status: Set("done".into()),
        registered_by: Set("care_worker".into()),
        first_name: Set(FIRST.into()),
        last_name: Set(LAST.into()),
        phone: Set(Some(PHONE.into())),
        email: Set(Some(EMAIL.into())),
        municipality_id: Set(intake.profile.municipality_id as i32),
        organisation_id: Set(None),
        care_worker_name: Set("An Hulpverlener".into()),
        care_worker_phone: Set(Some("015 11 22 33".into())),
        care_worker_email: Set(Some("an@zorg.example".into())),
        note: Set(NOTES[5].into()),
        registered_on: Set(now.date_naive()),
        intake_due_on: Set(now.date_naive()),
        intake_planned_on: Set(None),
        duplicate_of_participant: Set(None),
        duplicate_of_registration: Set(None),
        participant_id: Set(Some(id)),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    use app::db::outbox::{NewMessage, enqueue};
    for (to, subject, body) in [
        (
            "buddy@example.be",
            "Herinnering: wandelen morgen",
            format!("Dag, morgen wandel je met {FIRST}. Tot dan!"),
        ),
        (EMAIL, "Welkom", "Welkom bij het programma.".to_owned()),
        (
            "buddy@example.be",
            "Nieuw nummer",
            format!("Het nummer is nu {PHONE}."),
        ),
    ] {
        enqueue(
            db,
            NewMessage {
                kind: "reminder",
                to,
                subject,
                body: &body,
            },
            now,
        )
        .await
        .unwrap();
    }
    app::db::drafts::put(
        db,
        app::db::drafts::Draft {
            browser_key: "k",
            form: "intake",
            session_hash: None,
            body: format!("{{\"first_name\":\"{FIRST}\",\"last_name\":\"{LAST}\"}}"),
            expires_at: now + chrono::Duration::minutes(15),
        },
        now,
    )
    .await
    .unwrap();
    id
}

async fn erasure_leaves_no_trace_and_the_same_figures(backend: Backend) {
    let server = Server::new(backend).await;
    let db = &server.test.db;
    app::demo::fill(db, common::test_now(), common::test_now().date_naive())
        .await
        .unwrap();
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let by = server.whoami(&coordinator).await.unwrap().id;
    let id = make_findable(&server, by).await;
    let cols = columns(db).await;
    assert!(cols.len() > 100, "{} columns", cols.len());
    let needles: Vec<&str> = [FIRST, LAST, EMAIL, PHONE, "an@zorg.example"]
        .into_iter()
        .chain(NOTES)
        .collect();
    for needle in &needles {
        assert!(
            !found(db, &cols, needle).await.is_empty(),
            "{needle} is placed before the erasure"
        );
    }
    let before = reports(&server, &coordinator).await;

    let p = preview(&server, &coordinator, id).await;
    assert_eq!(p.refusal, None);
    assert_eq!(p.name, format!("{FIRST} {LAST}"));
    assert!(p.removed.contains(&Removed::Mails(3)), "{:?}", p.removed);
    assert!(p.removed.contains(&Removed::Drafts(1)), "{:?}", p.removed);
    assert!(p.removed.contains(&Removed::Registrations(1)));
    let reply = erase(&server, &coordinator, id, p.version).await;
    assert!(
        reply.status.is_success() || reply.status.is_redirection(),
        "{}",
        reply.body
    );

    for needle in &needles {
        assert_eq!(
            found(db, &cols, needle).await,
            Vec::<String>::new(),
            "{needle} is still in the database"
        );
    }
    assert_eq!(
        reports(&server, &coordinator).await,
        before,
        "the figures changed"
    );

    // What stays: the record, under a pseudonym, with its codes and birth year.
    let row = participant::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert!(row.first_name.starts_with("Anoniem "), "{}", row.first_name);
    assert_eq!(row.status, "closed");
    assert_eq!(row.erasure_reason.as_deref(), Some("request"));
    assert_eq!(row.erased_on, Some(common::test_now().date_naive()));
    let mails = app::db::outbox::latest(db, 10).await.unwrap();
    assert!(
        mails
            .iter()
            .all(|m| m.status != "pending" || !m.body.is_empty()),
        "an emptied mail would still be sent"
    );

    // The audit says that it happened, by whom, to which record: nothing more.
    let trail = server
        .call(
            "record_trail",
            &[("kind", "participant"), ("id", &id.to_string())],
            Some(&coordinator),
        )
        .await;
    assert_eq!(trail.status, StatusCode::OK);
    let trail: Vec<app::domain::audit::AuditEntry> = serde_json::from_str(&trail.body).unwrap();
    assert_eq!(trail[0].action, AuditAction::Erase);
    assert_eq!(trail[0].actor_id, Some(by));
    assert!(trail.iter().any(|e| e.action == AuditAction::Read));

    // Twice: refused, with the reason; the page's preview says so too.
    let again = preview(&server, &coordinator, id).await;
    assert_eq!(again.refusal, Some(ErasureRefusal::AlreadyErased));
    assert_eq!(again.name, "");
    let twice = erase(&server, &coordinator, id, again.version).await;
    assert_eq!(
        twice.error(),
        AppError::ErasureRefused(ErasureRefusal::AlreadyErased)
    );
    // Reopening or editing it: refused, nothing written.
    let reopen = server
        .call(
            "change_participant_status",
            &[
                ("id", &id.to_string()),
                ("version", &again.version.to_string()),
                ("status", "waiting"),
            ],
            Some(&coordinator),
        )
        .await;
    assert!(reopen.status.is_client_error(), "{}", reopen.body);
    let row_after = participant::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row_after, row);
}

on_both_databases!(erasure_leaves_no_trace_and_keeps_the_figures => erasure_leaves_no_trace_and_the_same_figures);

async fn erasure_is_refused_while_open_or_changed(backend: Backend) {
    let server = Server::new(backend).await;
    let db = &server.test.db;
    app::demo::fill(db, common::test_now(), common::test_now().date_naive())
        .await
        .unwrap();
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let status_of = |s: &'static str| {
        participant::Entity::find()
            .filter(participant::Column::Status.eq(s))
            .one(db)
    };

    // In a duo: the preview says why, the erasure is refused, nothing changes.
    let in_duo = status_of("in_duo").await.unwrap().unwrap();
    let p = preview(&server, &coordinator, in_duo.id).await;
    assert_eq!(p.refusal, Some(ErasureRefusal::OpenDuo));
    let reply = erase(&server, &coordinator, in_duo.id, p.version).await;
    assert_eq!(
        reply.error(),
        AppError::ErasureRefused(ErasureRefusal::OpenDuo)
    );
    let same = participant::Entity::find_by_id(in_duo.id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(same, in_duo);

    // Waiting: close the record first.
    let waiting = status_of("waiting").await.unwrap().unwrap();
    let p = preview(&server, &coordinator, waiting.id).await;
    assert_eq!(p.refusal, Some(ErasureRefusal::NotClosed));

    // Two coordinators: one edits (the version moves on), the other's erasure of the
    // version they read is refused as a conflict; no reason, no tick: field problems.
    let closed = status_of("closed").await.unwrap().unwrap();
    let p = preview(&server, &coordinator, closed.id).await;
    assert_eq!(p.refusal, None);
    let detail = app::db::participants::find(db, closed.id)
        .await
        .unwrap()
        .unwrap();
    app::db::participants::update(
        db,
        closed.id,
        detail.version,
        &detail.intake,
        common::test_now(),
    )
    .await
    .unwrap();
    let stale = erase(&server, &coordinator, closed.id, p.version).await;
    assert_eq!(stale.error(), AppError::Conflict);
    let unticked = server
        .call(
            "erase_person",
            &[
                ("kind", "participant"),
                ("id", &closed.id.to_string()),
                ("version", &(p.version + 1).to_string()),
                ("form[reason]", "retention"),
            ],
            Some(&coordinator),
        )
        .await;
    assert!(matches!(unticked.error(), AppError::Invalid { .. }));
    let still = participant::Entity::find_by_id(closed.id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert!(still.erased_on.is_none());
    assert_eq!(still.first_name, closed.first_name);

    // Unknown record; a buddy and the partner get nothing.
    let unknown = erase(&server, &coordinator, 987_654, 1).await;
    assert_eq!(unknown.error(), AppError::NotFound);
    for role in [Role::Buddy, Role::Screener] {
        let cookie = server
            .session_for(&format!("{}@example.be", role.code()), role)
            .await;
        for name in ["preview_erasure", "record_trail"] {
            let id = closed.id.to_string();
            let reply = server
                .call(name, &[("kind", "participant"), ("id", &id)], Some(&cookie))
                .await;
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "{name} for {role:?}");
        }
    }
}

on_both_databases!(erasure_is_refused_while_open_changed_or_unticked => erasure_is_refused_while_open_or_changed);

async fn a_persons_data_on_request(backend: Backend) {
    use app::db::entities::audit_log;
    use app::domain::person_data::ParticipantData;

    let server = Server::new(backend).await;
    let db = &server.test.db;
    app::demo::fill(db, common::test_now(), common::test_now().date_naive())
        .await
        .unwrap();
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let by = server.whoami(&coordinator).await.unwrap().id;
    let id = make_findable(&server, by).await;
    // A long-followed record: 10,000 reads in its trail, all in the file.
    let rows: Vec<audit_log::ActiveModel> = (0..10_000)
        .map(|_| audit_log::ActiveModel {
            at: Set(common::test_now()),
            actor_id: Set(Some(by)),
            action: Set("read".into()),
            record_kind: Set(Some("participant".into())),
            record_id: Set(Some(id.to_string())),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(1_000) {
        audit_log::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .unwrap();
    }

    let path = format!("/participants/{id}/data.json");
    let reply = server.get(&path, Some(&coordinator)).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    let disposition = reply.header("content-disposition").unwrap();
    assert!(
        disposition.contains(&format!("klik-deelnemer-{id}.json")) && !disposition.contains(FIRST),
        "{disposition}"
    );
    assert_eq!(reply.header("cache-control"), Some("private, no-store"));
    let data: ParticipantData = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(data.id, id);
    assert_eq!(data.profile.first_name, FIRST);
    assert_eq!(data.profile.email.as_deref(), Some(EMAIL));
    assert_eq!(data.coordinator_notes, NOTES[1]);
    assert!(data.contacts.iter().any(|c| c.note == NOTES[2]));
    assert_eq!(data.registrations.len(), 1);
    assert_eq!(data.registrations[0].note, NOTES[5]);
    let duo = data
        .duos
        .iter()
        .find(|d| d.agreement_note.as_deref() == Some(NOTES[3]))
        .expect("the duo with its agreement");
    assert!(!duo.other_first_name.is_empty() && !duo.other_first_name.contains(' '));
    assert!(duo.activities.iter().any(|a| a.note == NOTES[4]));
    assert_eq!(data.mails.len(), 1, "the one mail sent to them");
    assert!(data.status_history.len() >= 2);
    let reads = data
        .trail
        .iter()
        .filter(|e| e.action == AuditAction::Read)
        .count();
    assert!(reads >= 10_000, "{reads}");
    // The buddy's other data is not in it: no last name of any buddy of theirs.
    let buddy_ids: Vec<i32> = duo::Entity::find()
        .filter(duo::Column::ParticipantId.eq(id))
        .all(db)
        .await
        .unwrap()
        .iter()
        .map(|d| d.buddy_id)
        .collect();
    for b in app::db::entities::buddy::Entity::find()
        .filter(app::db::entities::buddy::Column::Id.is_in(buddy_ids))
        .all(db)
        .await
        .unwrap()
    {
        assert!(!reply.body.contains(&b.last_name), "the buddy's last name");
    }

    // The file and the page's server function are both logged as an export.
    let page = server
        .call(
            "load_participant_data",
            &[("id", &id.to_string())],
            Some(&coordinator),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let exports = app::db::audit::trail(db, "participant", &id.to_string())
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == AuditAction::Export)
        .count();
    assert_eq!(exports, 2);

    // Nobody else: signed out to the sign-in, buddy and partner refused, no such record.
    let out = server.get(&path, None).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    for role in [Role::Buddy, Role::Screener] {
        let cookie = server
            .session_for(&format!("{}@example.be", role.code()), role)
            .await;
        assert_eq!(
            server.get(&path, Some(&cookie)).await.status,
            StatusCode::FORBIDDEN
        );
    }
    let unknown = server
        .get("/participants/987654/data.json", Some(&coordinator))
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let junk = server
        .get("/participants/%3Cb%3E/data.json", Some(&coordinator))
        .await;
    assert_eq!(junk.status, StatusCode::NOT_FOUND);
}

on_both_databases!(a_persons_data_is_handed_out_whole_and_logged => a_persons_data_on_request);

async fn a_buddy_with_an_account_is_erased(backend: Backend) {
    use app::db::entities::{buddy, calendar_feed, screening, session, user};

    let server = Server::new(backend).await;
    let db = &server.test.db;
    app::demo::fill(db, common::test_now(), common::test_now().date_naive())
        .await
        .unwrap();
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    // A buddy of the demo who signs in, with an ended duo behind them; they stop.
    let buddies = buddy::Entity::find().all(db).await.unwrap();
    let mut chosen = None;
    for b in buddies.iter().filter(|b| b.user_id.is_some()) {
        let open = duo::Entity::find()
            .filter(duo::Column::BuddyId.eq(b.id))
            .filter(duo::Column::Stage.ne("ended"))
            .all(db)
            .await
            .unwrap();
        if open.is_empty() {
            chosen = Some(b.clone());
            break;
        }
    }
    let b = match chosen {
        Some(b) => b,
        None => {
            // Every buddy with an account is in a duo: end one buddy's duos straight in the table.
            let b = buddies
                .iter()
                .find(|b| b.user_id.is_some())
                .unwrap()
                .clone();
            duo::Entity::update_many()
                .col_expr(duo::Column::Stage, sea_orm::sea_query::Expr::value("ended"))
                .filter(duo::Column::BuddyId.eq(b.id))
                .exec(db)
                .await
                .unwrap();
            b
        }
    };
    let uid = b.user_id.unwrap();
    let account = user::Entity::find_by_id(uid)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    // Unique words to look for, in their record, a screening and a mail.
    let mut row = b.clone().into_active_model();
    row.first_name = Set("Xandrilla".into());
    row.last_name = Set("Vorstenbosch".into());
    row.motivation = Set("ik fiets graag langs de Nete".into());
    row.status = Set("stopped".into());
    let mut profile: app::domain::profile::Profile = serde_json::from_str(&b.profile).unwrap();
    profile.first_name = "Xandrilla".into();
    profile.last_name = "Vorstenbosch".into();
    row.profile = Set(serde_json::to_string(&profile).unwrap());
    row.update(db).await.unwrap();
    screening::ActiveModel {
        buddy_id: Set(b.id),
        screener_id: Set(None),
        held_on: Set(common::test_now().date_naive()),
        outcome: Set("approved".into()),
        notes: Set("Xandrilla heeft ervaring als mantelzorger".into()),
        recorded_at: Set(common::test_now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    app::db::outbox::enqueue(
        db,
        app::db::outbox::NewMessage {
            kind: "reminder",
            to: &account.email,
            subject: "Herinnering",
            body: "Dag Xandrilla",
        },
        common::test_now(),
    )
    .await
    .unwrap();
    let hash = app::auth::token::hash_token(&account.email.to_lowercase());
    app::db::login_attempts::record(db, &hash, "192.0.2.9", false, common::test_now())
        .await
        .unwrap();
    let signed_in = server.session_of(uid).await;
    assert!(server.whoami(&signed_in).await.is_some());

    let p = preview_of(&server, &coordinator, "buddy", b.id).await;
    assert_eq!(p.refusal, None, "{:?}", p.refusal);
    assert!(p.removed.contains(&Removed::Account));
    assert!(
        p.removed.contains(&Removed::Screenings(1))
            || p.removed
                .iter()
                .any(|r| matches!(r, Removed::Screenings(n) if *n >= 1))
    );
    let reply = erase_of(&server, &coordinator, "buddy", b.id, p.version).await;
    assert!(
        reply.status.is_success() || reply.status.is_redirection(),
        "{}",
        reply.body
    );

    let cols = columns(db).await;
    for needle in ["Xandrilla", "Vorstenbosch", "langs de Nete", &account.email] {
        assert_eq!(
            found(db, &cols, needle).await,
            Vec::<String>::new(),
            "{needle}"
        );
    }
    // Their sign-in attempts (address hash and IP) are gone.
    assert!(
        app::db::entities::login_attempt::Entity::find()
            .filter(app::db::entities::login_attempt::Column::EmailHash.eq(hash))
            .one(db)
            .await
            .unwrap()
            .is_none()
    );
    // Their sessions ended, the account cannot sign in, the feed is gone.
    assert!(server.whoami(&signed_in).await.is_none());
    assert_eq!(
        session::Entity::find()
            .filter(session::Column::UserId.eq(uid))
            .all(db)
            .await
            .unwrap()
            .len(),
        0
    );
    let gone = user::Entity::find_by_id(uid)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert!(!gone.active && gone.password_hash.is_none());
    assert!(
        calendar_feed::Entity::find()
            .filter(calendar_feed::Column::BuddyId.eq(b.id))
            .one(db)
            .await
            .unwrap()
            .is_none()
    );
    // Their duos are still there, for the participants' side and the figures.
    let duos_after = duo::Entity::find()
        .filter(duo::Column::BuddyId.eq(b.id))
        .all(db)
        .await
        .unwrap();
    assert!(!duos_after.is_empty());
    let again = preview_of(&server, &coordinator, "buddy", b.id).await;
    assert_eq!(again.refusal, Some(ErasureRefusal::AlreadyErased));
    // Editing the erased record: refused.
    let edit = server
        .call(
            "update_buddy",
            &[
                ("id", &b.id.to_string()),
                ("version", &again.version.to_string()),
                ("form[profile][first_name]", "Terug"),
            ],
            Some(&coordinator),
        )
        .await;
    assert!(edit.status.is_client_error());
    let still = buddy::Entity::find_by_id(b.id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert!(still.first_name.starts_with("Anoniem "));
}

on_both_databases!(a_buddy_with_an_account_is_erased_and_signed_out => a_buddy_with_an_account_is_erased);

async fn the_registers_follow_the_policy_and_settings(backend: Backend) {
    use app::domain::register::{Keeping, PersonCategory, Registers};

    let server = Server::new(backend).await;
    let db = &server.test.db;
    app::demo::fill(db, common::test_now(), common::test_now().date_naive())
        .await
        .unwrap();
    let admin = server.session_for("beheer@example.be", Role::Admin).await;
    server
        .user("coordinator2@example.be", Role::Coordinator)
        .await;
    server.user("partner@example.be", Role::Screener).await;
    server.user("buddy9@example.be", Role::Buddy).await;
    app::db::settings::put(
        db,
        app::db::settings::RETENTION,
        &serde_json::to_string(&app::domain::retention::Retention {
            participant_months: 36,
            ..Default::default()
        })
        .unwrap(),
        None,
        common::test_now(),
    )
    .await
    .unwrap();

    let file = server.get("/admin/registers.json", Some(&admin)).await;
    assert_eq!(file.status, StatusCode::OK);
    assert!(
        file.header("content-disposition")
            .unwrap()
            .contains("klik-registers.json")
    );
    let registers: Registers = serde_json::from_str(&file.body).unwrap();
    let page = server.call("load_registers", &[], Some(&admin)).await;
    assert_eq!(page.status, StatusCode::OK);

    // Who can read health data: exactly the roles the policy lets read a participant.
    assert_eq!(registers.health_roles, vec![Role::Admin, Role::Coordinator]);
    let emails: Vec<&str> = registers.access.iter().map(|a| a.email.as_str()).collect();
    assert!(emails.contains(&"beheer@example.be") && emails.contains(&"coordinator2@example.be"));
    assert!(!emails.contains(&"partner@example.be") && !emails.contains(&"buddy9@example.be"));
    assert!(
        registers
            .access
            .iter()
            .all(|a| registers.health_roles.contains(&a.role))
    );
    // The record of processing: the configured period, today's counts.
    let participants = registers
        .processing
        .iter()
        .find(|e| e.people == PersonCategory::Participants)
        .unwrap();
    assert_eq!(participants.keeping, Keeping::MonthsAfterClosing(36));
    assert!(participants.special);
    assert!(participants.records >= 100, "{}", participants.records);

    // Nobody else: a coordinator, the partner and a buddy are refused, signed out goes to sign in.
    for role in [Role::Coordinator, Role::Screener, Role::Buddy] {
        let cookie = server
            .session_for(&format!("r-{}@example.be", role.code()), role)
            .await;
        assert_eq!(
            server
                .get("/admin/registers.json", Some(&cookie))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            server
                .call("load_registers", &[], Some(&cookie))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
    assert_eq!(
        server.get("/admin/registers.json", None).await.status,
        StatusCode::SEE_OTHER
    );
}

on_both_databases!(the_registers_follow_the_access_policy_and_the_settings => the_registers_follow_the_policy_and_settings);
