//! The buddy's activities through the server functions, on SQLite and PostgreSQL: planning,
//! moving, cancelling, confirming and checking in; refused input that writes nothing; what a
//! buddy can and cannot see; and the coordinators' cadence watch with a moving clock.

use crate::common;

use app::api::activities::{ActivityPage, BuddyHome, CadenceWatch, StaffActivity};
use app::db::entities::{activity, buddy, duo, participant};
use app::domain::account::Role;
use app::domain::activity::{ActivityStatus, Mood};
use app::error::AppError;
use axum::http::StatusCode;
use common::Backend;
use common::server::Server;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

/// The demo programme, and two buddy accounts linked to the buddies of two active duos:
/// (server, buddy cookie, their duo, other buddy's cookie, other duo, coordinator cookie).
pub(crate) async fn programme(backend: Backend) -> (Server, String, i32, String, i32, String) {
    let server = Server::new(backend).await;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    app::demo::fill(&server.test.db, common::test_now(), today)
        .await
        .unwrap();
    let active: Vec<duo::Model> = duo::Entity::find()
        .filter(duo::Column::Stage.eq("active"))
        .order_by_asc(duo::Column::Id)
        .all(&server.test.db)
        .await
        .unwrap();
    assert!(active.len() >= 2, "the demo has active duos");
    let (mine, theirs) = (&active[0], &active[1]);
    let mut cookies = Vec::new();
    for (email, d) in [("b1@example.be", mine), ("b2@example.be", theirs)] {
        let cookie = server.session_for(email, Role::Buddy).await;
        let user = server.whoami(&cookie).await.unwrap().id;
        app::db::buddies::link_user(&server.test.db, d.buddy_id, user)
            .await
            .unwrap();
        cookies.push(cookie);
    }
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let other = cookies.pop().unwrap();
    let me = cookies.pop().unwrap();
    (server, me, mine.id, other, theirs.id, coordinator)
}

async fn ok<T: serde::de::DeserializeOwned>(
    server: &Server,
    name: &str,
    form: &[(&str, &str)],
    cookie: &str,
) -> T {
    let reply = server.call(name, form, Some(cookie)).await;
    assert_eq!(reply.status, StatusCode::OK, "{name}: {}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

async fn refused(server: &Server, name: &str, form: &[(&str, &str)], cookie: &str) -> AppError {
    let reply = server.call(name, form, Some(cookie)).await;
    assert_ne!(reply.status, StatusCode::OK, "{name} should be refused");
    reply.error()
}

async fn first_kind(server: &Server) -> String {
    app::db::entities::activity_kind::Entity::find()
        .filter(app::db::entities::activity_kind::Column::Active.eq(true))
        .one(&server.test.db)
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string()
}

fn plan_form<'a>(
    duo: &'a str,
    kind: &'a str,
    date: &'a str,
    time: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("duo_id", duo),
        ("form[kind_id]", kind),
        ("form[date]", date),
        ("form[time]", time),
        ("form[place]", "Vrijbroekpark"),
        ("form[note]", "Brood voor de eenden meebrengen"),
    ]
}

/// A fresh session after the clock moved past the role's session limits.
pub(crate) async fn again(server: &Server, email: &str) -> String {
    server
        .login(email, common::server::PASSWORD)
        .await
        .session_cookie()
        .expect("signed in again")
}

async fn activity_count(server: &Server) -> u64 {
    activity::Entity::find()
        .count(&server.test.db)
        .await
        .unwrap()
}

async fn stored(server: &Server, id: i32) -> activity::Model {
    activity::Entity::find_by_id(id)
        .one(&server.test.db)
        .await
        .unwrap()
        .unwrap()
}

async fn plan_confirm_and_check_in(backend: Backend) {
    let (server, me, duo, _, _, _) = programme(backend).await;
    let kind = first_kind(&server).await;
    let duo_s = duo.to_string();

    // Tomorrow at two (the test clock stands on Friday 27 November 2026, 10:00 in Brussels).
    let id: i32 = ok(
        &server,
        "plan_activity",
        &plan_form(&duo_s, &kind, "2026-11-28", "14:00"),
        &me,
    )
    .await;
    let home: BuddyHome = ok(&server, "buddy_home", &[], &me).await;
    assert!(home.linked);
    let card = home.duos.iter().find(|d| d.id == duo).expect("my duo");
    let next = card.next.as_ref().expect("the planned activity is next");
    assert_eq!((next.id, next.place.as_str()), (id, "Vrijbroekpark"));
    assert_eq!(
        next.starts_at.format("%Y-%m-%d %H:%M").to_string(),
        "2026-11-28 14:00"
    );
    // Stored in UTC: 14:00 in Brussels in winter is 13:00 UTC.
    assert_eq!(
        stored(&server, id).await.starts_at.to_rfc3339(),
        "2026-11-28T13:00:00+00:00"
    );

    // Moving it: over the version read, never over a newer one.
    let id_s = id.to_string();
    let mut form = plan_form(&duo_s, &kind, "2026-11-29", "10:30");
    form[0] = ("id", &id_s);
    form.push(("version", "0"));
    let () = ok(&server, "reschedule_activity", &form, &me).await;
    assert_eq!(
        refused(&server, "reschedule_activity", &form, &me).await,
        AppError::Conflict
    );
    let page: ActivityPage = ok(&server, "get_activity", &[("id", &id_s)], &me).await;
    assert_eq!(page.activity.version, 1);
    assert_eq!(
        page.activity.starts_at.format("%d %H:%M").to_string(),
        "29 10:30"
    );

    // It can only be confirmed once it happened.
    let confirm = [("id", id_s.as_str()), ("version", "1")];
    assert!(
        refused(&server, "confirm_activity", &confirm, &me)
            .await
            .problem_at("starts_at")
            .is_some()
    );
    server.state.clock.advance(chrono::Duration::days(3));
    let () = ok(&server, "confirm_activity", &confirm, &me).await;
    let home: BuddyHome = ok(&server, "buddy_home", &[], &me).await;
    let card = home.duos.iter().find(|d| d.id == duo).unwrap();
    assert_eq!(
        card.to_check_in.iter().map(|a| a.id).collect::<Vec<_>>(),
        [id]
    );

    // Check-in: once, and then the activity is no longer changed.
    let check_in = [
        ("id", id_s.as_str()),
        ("version", "2"),
        ("form[mood]", "2"),
        ("form[note]", "Hij leek moe en somber"),
    ];
    let () = ok(&server, "check_in_activity", &check_in, &me).await;
    assert_eq!(
        refused(&server, "check_in_activity", &check_in, &me).await,
        AppError::Conflict
    );
    let cancel = [
        ("id", id_s.as_str()),
        ("version", "3"),
        ("form[reason]", "x"),
    ];
    assert_eq!(
        refused(&server, "cancel_activity", &cancel, &me).await,
        AppError::Conflict
    );
    let row = stored(&server, id).await;
    assert_eq!(row.status, ActivityStatus::Done.code());
    assert_eq!(row.checkin_mood, Some(2));

    // The buddy gets no check-in back; the coordinator reads it with the activity.
    let page: ActivityPage = ok(&server, "get_activity", &[("id", &id_s)], &me).await;
    assert!(page.activity.checked_in);
    let reply = server.call("buddy_home", &[], Some(&me)).await;
    assert!(!reply.body.contains("somber"));
    let coordinator = again(&server, "c@example.be").await;
    let list: Vec<StaffActivity> = ok(
        &server,
        "duo_activities",
        &[("duo_id", &duo_s)],
        &coordinator,
    )
    .await;
    let mine = list.iter().find(|s| s.activity.id == id).unwrap();
    assert_eq!(mine.mood, Some(Mood::Meh));
    assert_eq!(mine.checkin_note.as_deref(), Some("Hij leek moe en somber"));

    // A second activity, cancelled with a reason.
    let second: i32 = ok(
        &server,
        "plan_activity",
        &plan_form(&duo_s, &kind, "2026-12-10", "18:00"),
        &me,
    )
    .await;
    let second_s = second.to_string();
    let cancel = [
        ("id", second_s.as_str()),
        ("version", "0"),
        ("form[reason]", "Ziek"),
    ];
    let () = ok(&server, "cancel_activity", &cancel, &me).await;
    let row = stored(&server, second).await;
    assert_eq!(
        (row.status.as_str(), row.cancel_reason.as_deref()),
        ("cancelled", Some("Ziek"))
    );

    // Every change is in the audit log, without its content.
    let rows = app::db::entities::audit_log::Entity::find()
        .filter(app::db::entities::audit_log::Column::RecordKind.eq("activity"))
        .count(&server.test.db)
        .await
        .unwrap();
    assert_eq!(rows, 6, "plan, move, confirm, check in, plan, cancel");
}

on_both_databases!(a_buddy_plans_moves_confirms_and_checks_in => plan_confirm_and_check_in);

/// The same answer sent again with its page's key (a double tap before the page took over,
/// a retry after a lost connection, two at the same moment) is applied once; a new page's key
/// answers anew, and an answer the coordinator overtook is still refused.
async fn the_same_answer_twice_is_applied_once(backend: Backend) {
    let (server, me, duo, other, _, _) = programme(backend).await;
    let kind = first_kind(&server).await;
    let duo_s = duo.to_string();
    let page: app::api::activities::PlanPage =
        ok(&server, "plan_page", &[("duo_id", &duo_s)], &me).await;
    assert_eq!(page.answer_key.len(), 43);
    let before = activity_count(&server).await;
    let mut form = plan_form(&duo_s, &kind, "2026-11-28", "14:00");
    form.push(("key", &page.answer_key));
    // Twice in a row, then twice at once: one activity, the same id each time.
    let first: i32 = ok(&server, "plan_activity", &form, &me).await;
    let again: i32 = ok(&server, "plan_activity", &form, &me).await;
    let (x, y) = tokio::join!(
        server.call("plan_activity", &form, Some(&me)),
        server.call("plan_activity", &form, Some(&me))
    );
    assert_eq!(
        (x.status, y.status),
        (StatusCode::OK, StatusCode::OK),
        "{} {}",
        x.body,
        y.body
    );
    let (x, y): (i32, i32) = (
        serde_json::from_str(&x.body).unwrap(),
        serde_json::from_str(&y.body).unwrap(),
    );
    assert_eq!([again, x, y], [first; 3]);
    assert_eq!(activity_count(&server).await, before + 1);
    // Another buddy with the same key makes their own (and learns nothing of this one).
    let page_b: app::api::activities::PlanPage =
        ok(&server, "plan_page", &[("duo_id", &duo_s)], &me).await;
    assert_ne!(
        page_b.answer_key, page.answer_key,
        "a new key for every page"
    );
    assert_eq!(
        refused(&server, "plan_activity", &form, &other).await,
        AppError::NotFound
    );

    // Confirm and check in, each sent twice with the activity page's key.
    server.state.clock.advance(chrono::Duration::days(2));
    let me = again_session(&server).await;
    let id_s = first.to_string();
    let page: ActivityPage = ok(&server, "get_activity", &[("id", &id_s)], &me).await;
    let key = page.answer_key.clone();
    let confirm = [("id", id_s.as_str()), ("version", "0"), ("key", &key)];
    let () = ok(&server, "confirm_activity", &confirm, &me).await;
    let () = ok(&server, "confirm_activity", &confirm, &me).await;
    let check_in = [
        ("id", id_s.as_str()),
        ("version", "1"),
        ("form[mood]", "4"),
        ("form[note]", ""),
        ("key", &key),
    ];
    let () = ok(&server, "check_in_activity", &check_in, &me).await;
    let () = ok(&server, "check_in_activity", &check_in, &me).await;
    let row = stored(&server, first).await;
    assert_eq!(
        (row.status.as_str(), row.version, row.checkin_mood),
        ("done", 2, Some(4))
    );
    let audited = app::db::entities::audit_log::Entity::find()
        .filter(app::db::entities::audit_log::Column::RecordKind.eq("activity"))
        .filter(app::db::entities::audit_log::Column::RecordId.eq(id_s.as_str()))
        .count(&server.test.db)
        .await
        .unwrap();
    assert_eq!(audited, 3, "plan, confirm, check in: once each");

    // A cancel that the coordinator overtook (they moved it meanwhile) is refused, with or
    // without a key; and a key that is no key is refused plainly, writing nothing.
    let second: i32 = ok(
        &server,
        "plan_activity",
        &plan_form(&duo_s, &kind, "2026-12-10", "18:00"),
        &me,
    )
    .await;
    let second_s = second.to_string();
    let page: ActivityPage = ok(&server, "get_activity", &[("id", &second_s)], &me).await;
    let moved = app::domain::activity::Plan {
        kind_id: kind.parse().unwrap(),
        starts_at: chrono::NaiveDate::from_ymd_opt(2026, 12, 11)
            .unwrap()
            .and_hms_opt(18, 0, 0)
            .unwrap(),
        place: "Elders".into(),
        note: String::new(),
    };
    let at = app::domain::time::to_utc(moved.starts_at, server.state.config.time_zone);
    app::db::activities::change(
        &server.test.db,
        second,
        0,
        app::db::activities::Change::Reschedule {
            plan: &moved,
            starts_at: at,
        },
        server.state.clock.now(),
    )
    .await
    .unwrap();
    let cancel = [
        ("id", second_s.as_str()),
        ("version", "0"),
        ("form[reason]", "Ziek"),
        ("key", &page.answer_key),
    ];
    assert_eq!(
        refused(&server, "cancel_activity", &cancel, &me).await,
        AppError::Conflict
    );
    let bad = [
        ("id", second_s.as_str()),
        ("version", "1"),
        ("form[reason]", "Ziek"),
        ("key", "<script>"),
    ];
    assert!(
        refused(&server, "cancel_activity", &bad, &me)
            .await
            .problem_at("key")
            .is_some()
    );
    assert_eq!(stored(&server, second).await.status, "planned");
}

async fn again_session(server: &Server) -> String {
    again(server, "b1@example.be").await
}

on_both_databases!(the_same_answer_sent_twice_is_applied_once => the_same_answer_twice_is_applied_once);

async fn bad_input_writes_nothing(backend: Backend) {
    let (server, me, duo, _, _, _) = programme(backend).await;
    let kind = first_kind(&server).await;
    let duo_s = duo.to_string();
    let before = activity_count(&server).await;
    let long = "x".repeat(1001);
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (plan_form(&duo_s, "", "2026-12-01", "14:00"), "kind_id"),
        (
            plan_form(&duo_s, "999999", "2026-12-01", "14:00"),
            "kind_id",
        ),
        (plan_form(&duo_s, "abc", "2026-12-01", "14:00"), "kind_id"),
        (plan_form(&duo_s, &kind, "", "14:00"), "date"),
        (plan_form(&duo_s, &kind, "31/12/2026", "14:00"), "date"),
        (plan_form(&duo_s, &kind, "2026-02-30", "14:00"), "date"),
        (plan_form(&duo_s, &kind, "2026-11-27", "09:00"), "date"),
        (plan_form(&duo_s, &kind, "2030-01-01", "14:00"), "date"),
        (plan_form(&duo_s, &kind, "2026-12-01", "25:61"), "time"),
        (plan_form(&duo_s, &kind, "2026-12-01", ""), "time"),
        (
            {
                let mut f = plan_form(&duo_s, &kind, "2026-12-01", "14:00");
                f[5] = ("form[note]", &long);
                f
            },
            "note",
        ),
    ];
    for (form, field) in cases {
        let error = refused(&server, "plan_activity", &form, &me).await;
        assert!(error.problem_at(field).is_some(), "{form:?}: {error:?}");
    }
    // Not a number, or no such duo: refused without a trace.
    for duo_id in ["", "abc", "99999999"] {
        let mut form = plan_form(duo_id, &kind, "2026-12-01", "14:00");
        form[0] = ("duo_id", duo_id);
        let reply = server.call("plan_activity", &form, Some(&me)).await;
        assert_ne!(reply.status, StatusCode::OK);
        assert_ne!(reply.status, StatusCode::INTERNAL_SERVER_ERROR, "{duo_id}");
    }
    assert_eq!(activity_count(&server).await, before);

    // A minute ahead is fine; two hours later it happened.
    let id: i32 = ok(
        &server,
        "plan_activity",
        &plan_form(&duo_s, &kind, "2026-11-27", "10:01"),
        &me,
    )
    .await;
    server.state.clock.advance(chrono::Duration::hours(2));
    let id_s = id.to_string();
    let () = ok(
        &server,
        "confirm_activity",
        &[("id", &id_s), ("version", "0")],
        &me,
    )
    .await;
    for mood in ["", "0", "6", "goed", "-1", "3.5"] {
        let form = [
            ("id", id_s.as_str()),
            ("version", "1"),
            ("form[mood]", mood),
            ("form[note]", ""),
        ];
        let error = refused(&server, "check_in_activity", &form, &me).await;
        assert!(error.problem_at("mood").is_some(), "{mood:?}");
    }
    assert_eq!(stored(&server, id).await.checkin_mood, None);
    let other: i32 = ok(
        &server,
        "plan_activity",
        &plan_form(&duo_s, &kind, "2026-12-01", "14:00"),
        &me,
    )
    .await;
    let other_s = other.to_string();
    for reason in ["", "   "] {
        let form = [
            ("id", other_s.as_str()),
            ("version", "0"),
            ("form[reason]", reason),
        ];
        let error = refused(&server, "cancel_activity", &form, &me).await;
        assert!(error.problem_at("reason").is_some());
    }
    assert_eq!(stored(&server, other).await.status, "planned");
}

on_both_databases!(bad_activity_input_gives_field_messages_and_writes_nothing => bad_input_writes_nothing);

/// The phone's service worker keeps a page for offline reading only when the server marks
/// it: the buddy's own home, and nothing another role or a visitor sees.
#[tokio::test]
async fn only_the_buddys_own_home_is_marked_for_keeping_on_the_phone() {
    use app::pages::activities::{OFFLINE_HEADER, OFFLINE_HOME};
    let (server, me, duo, _, _, coordinator) = programme(Backend::Sqlite).await;
    let home = server.get("/", Some(&me)).await;
    assert_eq!(home.status, StatusCode::OK);
    assert_eq!(home.headers[OFFLINE_HEADER], OFFLINE_HOME);
    assert!(home.body.contains("buddy-duo"));
    let plan = format!("/buddy/duos/{duo}/plan");
    for (path, cookie) in [
        ("/", Some(coordinator.as_str())),
        ("/", None),
        ("/calendar", Some(me.as_str())),
        ("/account", Some(me.as_str())),
        (plan.as_str(), Some(me.as_str())),
    ] {
        let page = server.get(path, cookie).await;
        assert!(page.status.is_success(), "{path}: {}", page.status);
        assert!(!page.headers.contains_key(OFFLINE_HEADER), "{path} marked");
    }
}

#[tokio::test]
async fn a_buddy_reaches_only_their_own_duos_and_sees_only_what_was_shared() {
    let (server, me, duo, other, their_duo, coordinator) = programme(Backend::Sqlite).await;
    let kind = first_kind(&server).await;
    let their_s = their_duo.to_string();
    let theirs: i32 = ok(
        &server,
        "plan_activity",
        &plan_form(&their_s, &kind, "2026-12-01", "14:00"),
        &other,
    )
    .await;
    let theirs_s = theirs.to_string();

    // Someone else's duo or activity does not exist for me.
    let form = plan_form(&their_s, &kind, "2026-12-02", "14:00");
    assert_eq!(
        refused(&server, "plan_activity", &form, &me).await,
        AppError::NotFound
    );
    for (name, form) in [
        ("get_activity", vec![("id", theirs_s.as_str())]),
        (
            "confirm_activity",
            vec![("id", theirs_s.as_str()), ("version", "0")],
        ),
        (
            "cancel_activity",
            vec![
                ("id", theirs_s.as_str()),
                ("version", "0"),
                ("form[reason]", "weg"),
            ],
        ),
        ("plan_page", vec![("duo_id", their_s.as_str())]),
    ] {
        assert_eq!(
            refused(&server, name, &form, &me).await,
            AppError::NotFound,
            "{name}"
        );
    }
    assert_eq!(stored(&server, theirs).await.status, "planned");
    // Coordinators' views are not for buddies, and the buddy's are not for coordinators.
    let duo_s = duo.to_string();
    for (name, form) in [
        ("cadence_watch", vec![]),
        ("duo_activities", vec![("duo_id", duo_s.as_str())]),
        ("get_duo", vec![("id", duo_s.as_str())]),
    ] {
        assert_eq!(
            refused(&server, name, &form, &me).await,
            AppError::Forbidden,
            "{name}"
        );
    }
    assert_eq!(
        refused(&server, "buddy_home", &[], &coordinator).await,
        AppError::Forbidden
    );

    // What the participant agreed to share, and nothing else: not in the server function's
    // answer, not in the page's HTML.
    let d = duo::Entity::find_by_id(duo)
        .one(&server.test.db)
        .await
        .unwrap()
        .unwrap();
    let p = participant::Entity::find_by_id(d.participant_id)
        .one(&server.test.db)
        .await
        .unwrap()
        .unwrap();
    let secret_note = "Medicatie aangepast na opname";
    let referral = "Dr. Janssens, CGG Mechelen";
    let mut row: participant::ActiveModel = p.clone().into();
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    row.coordinator_notes = Set(secret_note.into());
    row.referral_contact = Set(referral.into());
    row.support_contact = Set("Zus: 0470 11 22 33".into());
    row.update(&server.test.db).await.unwrap();
    let json = server.call("buddy_home", &[], Some(&me)).await.body;
    let home: BuddyHome = serde_json::from_str(&json).unwrap();
    let card = home.duos.iter().find(|c| c.id == duo).unwrap();
    assert_eq!(
        card.participant.first_name.as_deref(),
        Some(p.first_name.as_str())
    );
    let html = server.get("/", Some(&me)).await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(html.body.contains(&p.first_name), "the first name is shown");
    for (what, body) in [("answer", &json), ("page", &html.body)] {
        for secret in [
            secret_note,
            referral,
            "0470 11 22 33",
            p.last_name.as_str(),
            "consent",
            "birth_date",
            "text_version",
        ] {
            assert!(
                !body.contains(secret),
                "{secret:?} reached the buddy's {what}"
            );
        }
    }

    // Without consent to share the phone and first name, neither reaches the buddy.
    let consent: serde_json::Value = serde_json::from_str(&p.consent).unwrap();
    let mut consent = consent;
    consent["share_phone"] = false.into();
    consent["share_first_name"] = false.into();
    let mut row: participant::ActiveModel = p.clone().into();
    row.consent = Set(consent.to_string());
    row.update(&server.test.db).await.unwrap();
    let home: BuddyHome = ok(&server, "buddy_home", &[], &me).await;
    let card = home.duos.iter().find(|c| c.id == duo).unwrap();
    assert_eq!(
        (
            card.participant.first_name.clone(),
            card.participant.phone.clone()
        ),
        (None, None)
    );
    let html = server.get("/", Some(&me)).await;
    assert!(!html.body.contains(&format!(">{}", p.first_name)));

    // A buddy account that nobody linked yet sees a word of explanation, no duos.
    let unlinked = server.session_for("new@example.be", Role::Buddy).await;
    let home: BuddyHome = ok(&server, "buddy_home", &[], &unlinked).await;
    assert!(!home.linked && home.duos.is_empty());
    let _ = buddy::Entity::find().count(&server.test.db).await.unwrap();
}

async fn the_watch_flags_quiet_duos(backend: Backend) {
    let (server, _, duo, _, _, coordinator) = programme(backend).await;
    server.user("a@example.be", Role::Admin).await;
    let watch: CadenceWatch = ok(&server, "cadence_watch", &[], &coordinator).await;
    // The demo's second active duo has been quiet for 40 days: flagged, and listed first.
    assert!(watch.rows[0].cadence.flagged, "{:?}", watch.rows[0]);
    let row = |w: &CadenceWatch| w.rows.iter().find(|r| r.duo_id == duo).cloned().unwrap();
    assert!(!row(&watch).cadence.flagged);

    // My duo's last activity was ten days ago (demo): with rhythm 3 weeks and a 7-day
    // margin it is flagged after 28 quiet days, unless something is planned.
    server.state.clock.advance(chrono::Duration::days(18));
    let coordinator = again(&server, "c@example.be").await;
    let me = again(&server, "b1@example.be").await;
    let watch: CadenceWatch = ok(&server, "cadence_watch", &[], &coordinator).await;
    assert_eq!(row(&watch).cadence.quiet_days, 28);
    assert!(!row(&watch).cadence.flagged);
    server.state.clock.advance(chrono::Duration::days(1));
    // Staff sessions end after 30 idle minutes.
    let coordinator = again(&server, "c@example.be").await;
    let admin = again(&server, "a@example.be").await;
    let watch: CadenceWatch = ok(&server, "cadence_watch", &[], &coordinator).await;
    assert!(row(&watch).cadence.flagged);

    // A plan ahead takes the flag away.
    let kind = first_kind(&server).await;
    let duo_s = duo.to_string();
    let _: i32 = ok(
        &server,
        "plan_activity",
        &plan_form(&duo_s, &kind, "2026-12-20", "14:00"),
        &me,
    )
    .await;
    let watch: CadenceWatch = ok(&server, "cadence_watch", &[], &coordinator).await;
    assert!(!row(&watch).cadence.flagged);

    // The margin is the admins' to set, over the version read.
    let (margin, version): (u32, Option<i32>) = ok(&server, "cadence_margin", &[], &admin).await;
    assert_eq!((margin, version), (7, None));
    let () = ok(&server, "save_cadence_margin", &[("days", "20")], &admin).await;
    assert_eq!(
        refused(&server, "save_cadence_margin", &[("days", "21")], &admin).await,
        AppError::Conflict
    );
    for bad in ["", "-1", "61", "veel"] {
        let error = refused(
            &server,
            "save_cadence_margin",
            &[("days", bad), ("version", "1")],
            &admin,
        )
        .await;
        assert!(error.problem_at("days").is_some(), "{bad:?}");
    }
    let watch: CadenceWatch = ok(&server, "cadence_watch", &[], &coordinator).await;
    assert_eq!(watch.margin_days, 20);
    assert_eq!(
        refused(
            &server,
            "save_cadence_margin",
            &[("days", "3")],
            &coordinator
        )
        .await,
        AppError::Forbidden
    );
}

on_both_databases!(the_cadence_watch_flags_quiet_duos => the_watch_flags_quiet_duos);
