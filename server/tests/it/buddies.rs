//! Buddies: the public application, the list, editing, screening by the partner
//! organisation, and the screener's isolation, through HTTP.

use crate::common;

use app::domain::account::Role;
use app::domain::people::{BuddyDetail, BuddyRow, BuddyStatus, PAGE_SIZE, Paged};
use app::domain::validation::Problem;
use app::error::AppError;
use axum::http::StatusCode;
use common::Backend;
use common::server::Server;

pub(crate) fn application(first_name: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = [
        ("form[profile][first_name]", first_name),
        ("form[profile][last_name]", "Peeters"),
        ("form[profile][birth_date]", "1985-06-01"),
        ("form[profile][gender]", "man"),
        ("form[profile][municipality_id]", "3"),
        ("form[profile][email]", "kandidaat@example.be"),
        ("form[profile][preferred_contact]", "email"),
        ("form[profile][interests][]", "2"),
        ("form[profile][availability][]", "15"),
        ("form[profile][max_travel_km]", "15"),
        ("form[motivation]", "Ik wil graag iemand leren kennen."),
        ("form[capacity]", "1"),
        ("form[privacy_read]", "true"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (k, v) in changes {
        form.retain(|(key, _)| key != k);
        form.push((k.to_string(), v.to_string()));
    }
    form
}

pub(crate) async fn apply(server: &Server, form: &[(String, String)]) -> common::Reply {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    server.call("apply_as_buddy", &pairs, None).await
}

/// The first page of the unfiltered list (the tests that use it stay below a page).
async fn buddies(server: &Server, cookie: &str) -> Vec<BuddyRow> {
    list(server, cookie, &[]).await.rows
}

async fn list(server: &Server, cookie: &str, filter: &[(&str, &str)]) -> Paged<BuddyRow> {
    let reply = server.call("list_buddies", filter, Some(cookie)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

async fn detail(server: &Server, cookie: &str, id: i32) -> common::Reply {
    server
        .call("get_buddy", &[("id", &id.to_string())], Some(cookie))
        .await
}

#[tokio::test]
async fn volunteers_apply_robots_and_floods_do_not() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;

    let reply = apply(&server, &application("Koen", &[])).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    // The hidden field filled in: thanked, nothing stored.
    let spam = apply(
        &server,
        &application("Robot", &[("form[website]", "http://spam.example")]),
    )
    .await;
    assert_eq!(spam.status, StatusCode::OK);
    let rows = buddies(&server, &coordinator).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].first_name.as_str(), rows[0].status),
        ("Koen", BuddyStatus::Applied)
    );

    // The privacy notice must be read; bad values are said at their field.
    let reply = apply(&server, &application("Koen", &[("form[privacy_read]", "")])).await;
    assert!(reply.error().problem_at("privacy_read").is_some());
    let reply = apply(&server, &application("Koen", &[("form[capacity]", "12")])).await;
    assert_eq!(
        reply.error().problem_at("capacity"),
        Some(&Problem::OutOfRange { min: 1, max: 3 })
    );
    let reply = apply(
        &server,
        &application("", &[("form[profile][birth_date]", "morgen")]),
    )
    .await;
    assert!(reply.error().problem_at("first_name").is_some());
    assert!(reply.error().problem_at("birth_date").is_some());

    // One address sends at most 5 applications an hour.
    for _ in 0..4 {
        assert_eq!(
            apply(&server, &application("Koen", &[])).await.status,
            StatusCode::OK
        );
    }
    let flood = apply(&server, &application("Koen", &[])).await;
    assert_eq!(flood.error(), AppError::TooManyAttempts);
    assert_eq!(buddies(&server, &coordinator).await.len(), 5);
    server.state.clock.advance(chrono::Duration::minutes(61));
    assert_eq!(
        apply(&server, &application("Koen", &[])).await.status,
        StatusCode::OK
    );

    let page = server.get("/become-a-buddy", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("form[website]"));
}

#[tokio::test]
async fn a_screener_sees_and_screens_only_the_candidates_handed_to_them() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let screener = server
        .session_for("screener@example.be", Role::Screener)
        .await;
    let other = server
        .session_for("screener2@example.be", Role::Screener)
        .await;
    let screener_id = server.whoami(&screener).await.unwrap().id.to_string();
    apply(&server, &application("Koen", &[])).await;
    apply(&server, &application("Lotte", &[])).await;
    let rows = buddies(&server, &coordinator).await;
    let koen = rows.iter().find(|r| r.first_name == "Koen").unwrap().id;
    let lotte = rows.iter().find(|r| r.first_name == "Lotte").unwrap().id;

    // Nothing handed over yet: the screener sees nobody.
    assert!(buddies(&server, &screener).await.is_empty());
    assert_eq!(
        detail(&server, &screener, koen).await.error(),
        AppError::NotFound
    );

    let d: BuddyDetail =
        serde_json::from_str(&detail(&server, &coordinator, koen).await.body).unwrap();
    let (id, v) = (koen.to_string(), d.version.to_string());
    // Only screeners can receive a candidate.
    let coordinator_id = server.whoami(&coordinator).await.unwrap().id.to_string();
    let wrong = server
        .call(
            "hand_to_screener",
            &[("id", &id), ("version", &v), ("screener", &coordinator_id)],
            Some(&coordinator),
        )
        .await;
    assert_eq!(
        wrong.error(),
        AppError::validation("screener", Problem::Invalid)
    );
    let ok = server
        .call(
            "hand_to_screener",
            &[("id", &id), ("version", &v), ("screener", &screener_id)],
            Some(&coordinator),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);

    let mine = buddies(&server, &screener).await;
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].id, koen);
    assert!(buddies(&server, &other).await.is_empty());
    assert_eq!(
        detail(&server, &other, koen).await.error(),
        AppError::NotFound
    );
    assert_eq!(
        detail(&server, &screener, lotte).await.error(),
        AppError::NotFound
    );
    // Screeners never reach participants.
    assert_eq!(
        server
            .call("list_participants", &[], Some(&screener))
            .await
            .error(),
        AppError::Forbidden
    );

    let d: BuddyDetail =
        serde_json::from_str(&detail(&server, &screener, koen).await.body).unwrap();
    let v = d.version.to_string();
    let screen = |held_on: &'static str, outcome: &'static str, version: String| {
        let id = id.clone();
        let server = &server;
        let cookie = screener.clone();
        async move {
            server
                .call(
                    "record_screening",
                    &[
                        ("id", &id),
                        ("version", &version),
                        ("held_on", held_on),
                        ("outcome", outcome),
                        ("notes", "Open, warm gesprek."),
                    ],
                    Some(&cookie),
                )
                .await
        }
    };
    assert!(
        screen("2099-01-01", "approved", v.clone())
            .await
            .error()
            .problem_at("held_on")
            .is_some()
    );
    assert!(
        screen("2026-11-20", "misschien", v.clone())
            .await
            .error()
            .problem_at("outcome")
            .is_some()
    );
    let second = screen("2026-11-20", "second_talk", v.clone()).await;
    assert_eq!(second.status, StatusCode::OK, "{}", second.body);
    // The version moved on: the same form again is a conflict.
    assert_eq!(
        screen("2026-11-26", "approved", v).await.error(),
        AppError::Conflict
    );
    let d: BuddyDetail =
        serde_json::from_str(&detail(&server, &screener, koen).await.body).unwrap();
    assert_eq!(d.status, BuddyStatus::Screening);
    let approved = screen("2026-11-26", "approved", d.version.to_string()).await;
    assert_eq!(approved.status, StatusCode::OK, "{}", approved.body);
    let d: BuddyDetail =
        serde_json::from_str(&detail(&server, &coordinator, koen).await.body).unwrap();
    assert_eq!(d.status, BuddyStatus::Available);
    assert_eq!(d.approved_on, chrono::NaiveDate::from_ymd_opt(2026, 11, 26));
    assert_eq!(d.screenings.len(), 2);
    assert_eq!(
        d.timeline.iter().map(|t| t.to.as_str()).collect::<Vec<_>>(),
        vec!["applied", "screening", "available"]
    );

    // Another screener cannot record anything for this candidate.
    let reply = server
        .call(
            "record_screening",
            &[
                ("id", &id),
                ("version", "9"),
                ("held_on", "2026-11-26"),
                ("outcome", "approved"),
            ],
            Some(&other),
        )
        .await;
    assert_eq!(reply.error(), AppError::NotFound);
    let page = server
        .get(&format!("/buddies/{lotte}"), Some(&screener))
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(!page.body.contains("Lotte"));
}

/// A coordinator enters an application; its id.
async fn create(server: &Server, cookie: &str, first_name: &str, changes: &[(&str, &str)]) -> i32 {
    let form = application(first_name, changes);
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let reply = server.call("create_buddy", &pairs, Some(cookie)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

async fn read(server: &Server, cookie: &str, id: i32) -> BuddyDetail {
    let reply = detail(server, cookie, id).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

async fn hand(server: &Server, coordinator: &str, id: i32, screener: &str) {
    let v = read(server, coordinator, id).await.version.to_string();
    let reply = server
        .call(
            "hand_to_screener",
            &[
                ("id", &id.to_string()),
                ("version", &v),
                ("screener", screener),
            ],
            Some(coordinator),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

async fn approve(server: &Server, screener: &str, id: i32, on: &str) {
    let v = read(server, screener, id).await.version.to_string();
    let reply = server
        .call(
            "record_screening",
            &[
                ("id", &id.to_string()),
                ("version", &v),
                ("held_on", on),
                ("outcome", "approved"),
            ],
            Some(screener),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

fn names(page: &Paged<BuddyRow>) -> Vec<&str> {
    page.rows.iter().map(|r| r.first_name.as_str()).collect()
}

/// Filters, sorts and pages; a screener's filters only ever narrow their own candidates.
async fn the_list_filters_sorts_and_pages(backend: Backend) {
    let server = Server::new(backend).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let screener = server
        .session_for("screener@example.be", Role::Screener)
        .await;
    let other = server
        .session_for("screener2@example.be", Role::Screener)
        .await;
    let screener_id = server.whoami(&screener).await.unwrap().id.to_string();
    let other_id = server.whoami(&other).await.unwrap().id.to_string();

    let mut ids = std::collections::HashMap::new();
    for (name, last, place, interest) in [
        ("Koen", "Peeters", "3", "2"),
        ("Lotte", "Aerts", "1", "1"),
        ("Mo", "Janssens", "3", "1"),
        ("Nora", "Claes", "2", "3"),
    ] {
        let id = create(
            &server,
            &coordinator,
            name,
            &[
                ("form[profile][last_name]", last),
                ("form[profile][municipality_id]", place),
                ("form[profile][interests][]", interest),
            ],
        )
        .await;
        ids.insert(name, id);
    }
    // Screened: Mo and Lotte by one screener (Mo approved first), Nora by another.
    hand(&server, &coordinator, ids["Mo"], &screener_id).await;
    hand(&server, &coordinator, ids["Lotte"], &screener_id).await;
    hand(&server, &coordinator, ids["Nora"], &other_id).await;
    approve(&server, &screener, ids["Lotte"], "2026-11-25").await;
    approve(&server, &screener, ids["Mo"], "2026-11-20").await;

    // Nora applied on paper in October and was entered last.
    {
        use app::db::entities::buddy;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
        let october = chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        buddy::Entity::update_many()
            .col_expr(buddy::Column::AppliedOn, Expr::value(october))
            .filter(buddy::Column::Id.eq(ids["Nora"]))
            .exec(&server.test.db)
            .await
            .unwrap();
    }

    let all = list(&server, &coordinator, &[]).await;
    assert_eq!(all.total, 4);
    assert_eq!(
        names(&all),
        vec!["Mo", "Lotte", "Koen", "Nora"],
        "newest applications first"
    );
    let by_name = list(&server, &coordinator, &[("sort", "name")]).await;
    assert_eq!(names(&by_name), vec!["Lotte", "Nora", "Mo", "Koen"]);
    let approved = list(&server, &coordinator, &[("sort", "approved")]).await;
    assert_eq!(names(&approved)[..2], ["Mo", "Lotte"], "then the others");
    assert_eq!(
        approved.rows[0].approved_on,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 20)
    );
    let in_3 = list(
        &server,
        &coordinator,
        &[("municipality", "3"), ("sort", "name")],
    )
    .await;
    assert_eq!(names(&in_3), vec!["Mo", "Koen"]);
    let interest_1 = list(
        &server,
        &coordinator,
        &[("interest", "1"), ("sort", "name")],
    )
    .await;
    assert_eq!(names(&interest_1), vec!["Lotte", "Mo"]);
    let available = list(
        &server,
        &coordinator,
        &[("status", "available"), ("municipality", "3")],
    )
    .await;
    assert_eq!(names(&available), vec!["Mo"]);
    let by_part_of_name = list(&server, &coordinator, &[("name", "AERT")]).await;
    assert_eq!(names(&by_part_of_name), vec!["Lotte"]);
    // Wildcards typed in a name are not obeyed.
    assert_eq!(list(&server, &coordinator, &[("name", "%")]).await.total, 4);
    // Blank values filter nothing, as an empty GET form sends them.
    let blank = [("status", ""), ("sort", ""), ("name", "")];
    assert_eq!(list(&server, &coordinator, &blank).await.total, 4);

    // The screener's filters narrow their own candidates, never widen them.
    let mine = list(&server, &screener, &[("sort", "name")]).await;
    assert_eq!((names(&mine), mine.total), (vec!["Lotte", "Mo"], 2));
    let mine_in_3 = list(&server, &screener, &[("municipality", "3")]).await;
    assert_eq!(names(&mine_in_3), vec!["Mo"]);
    assert_eq!(
        list(&server, &screener, &[("municipality", "2")])
            .await
            .total,
        0,
        "Nora is not theirs"
    );
    assert_eq!(list(&server, &screener, &[("name", "nora")]).await.total, 0);
    assert_eq!(
        list(&server, &screener, &[("status", "applied")])
            .await
            .total,
        0,
        "Koen is nobody's"
    );
    assert_eq!(
        list(&server, &screener, &[("interest", "3")]).await.total,
        0
    );
    let theirs = list(&server, &other, &[("status", "screening"), ("page", "5")]).await;
    assert_eq!((names(&theirs), theirs.page), (vec!["Nora"], 0));

    // Unknown codes and overlong names are said at their field; a wrong type is a bad request.
    let bad = |field: &'static str, value: String| {
        let server = &server;
        let coordinator = coordinator.clone();
        async move {
            server
                .call("list_buddies", &[(field, &value)], Some(&coordinator))
                .await
        }
    };
    assert_eq!(
        bad("status", "waiting".into()).await.error(),
        AppError::validation("status", Problem::Invalid)
    );
    assert_eq!(
        bad("sort", "oldest".into()).await.error(),
        AppError::validation("sort", Problem::Invalid)
    );
    assert!(
        bad("name", "x".repeat(81))
            .await
            .error()
            .problem_at("name")
            .is_some()
    );
    assert_eq!(
        bad("page", "-1".into()).await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        bad("municipality", "Mechelen".into()).await.status,
        StatusCode::BAD_REQUEST
    );
    // An id beyond the column's range matches nothing instead of wrapping onto another.
    assert_eq!(
        list(&server, &coordinator, &[("municipality", "4294967299")])
            .await
            .total,
        0
    );

    // Pages: the second holds the rest, a page past the end shows the last one.
    for i in 0..PAGE_SIZE {
        create(&server, &coordinator, &format!("Vrijwilliger{i:02}"), &[]).await;
    }
    let first = list(&server, &coordinator, &[("sort", "name")]).await;
    assert_eq!(
        (first.total, first.rows.len() as u64, first.pages()),
        (PAGE_SIZE + 4, PAGE_SIZE, 2)
    );
    let second = list(&server, &coordinator, &[("sort", "name"), ("page", "1")]).await;
    assert_eq!(second.rows.len(), 4);
    let past = list(&server, &coordinator, &[("sort", "name"), ("page", "99")]).await;
    assert_eq!((past.page, past.rows), (1, second.rows));
    // The screener still has two, on one page.
    let mine = list(&server, &screener, &[("page", "1")]).await;
    assert_eq!((mine.total, mine.page, mine.rows.len()), (2, 0, 2));

    // The export goes through every page.
    let export = server
        .call("export_csv", &[("kind", "buddies")], Some(&coordinator))
        .await;
    assert_eq!(export.status, StatusCode::OK, "{}", export.body);
    let text: String = serde_json::from_str(&export.body).unwrap();
    assert_eq!(text.lines().count() as u64, 1 + PAGE_SIZE + 4, "{text}");
}

on_both_databases!(the_list_filters_sorts_and_pages);

#[tokio::test]
async fn the_list_page_filters_without_javascript_and_keeps_names_out_of_links() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    for i in 0..=PAGE_SIZE {
        create(&server, &coordinator, &format!("Vrijwilliger{i:02}"), &[]).await;
    }
    create(
        &server,
        &coordinator,
        "Lotte",
        &[("form[profile][municipality_id]", "1")],
    )
    .await;

    let page = server
        .get(
            "/buddies?municipality=3&sort=name&name=Vrijwilliger",
            Some(&coordinator),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains(r#"<form method="get" action="/buddies""#),
        "a plain GET form"
    );
    assert!(page.body.contains("Vrijwilliger00 Peeters"));
    assert!(!page.body.contains("Lotte"), "filtered by municipality");
    // The next page keeps the filters from the address, but not a name put there by hand.
    let next = "/buddies?municipality=3&amp;sort=name&amp;page=1";
    assert!(page.body.contains(next), "a link to the next page");
    assert!(!page.body.contains("name=Vrijwilliger"));
    // Every filter has a label.
    for id in [
        "f-status",
        "f-municipality",
        "f-interest",
        "f-sort",
        "f-name",
    ] {
        assert!(page.body.contains(&format!(r#"for="{id}""#)), "{id}");
    }
    let second = server
        .get(
            "/buddies?municipality=3&sort=name&page=1",
            Some(&coordinator),
        )
        .await;
    assert!(
        second
            .body
            .contains(&format!("Vrijwilliger{PAGE_SIZE:02} Peeters"))
    );
    assert!(!second.body.contains("Vrijwilliger00 Peeters"));
    // Nonsense in the address is ignored or said, never a failure.
    let odd = server
        .get(
            "/buddies?page=abc&municipality=x&interest=-1",
            Some(&coordinator),
        )
        .await;
    assert_eq!(odd.status, StatusCode::OK);
    let unknown = server.get("/buddies?status=weg", Some(&coordinator)).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.body.contains(r#"role="alert""#));
}

/// An edit form as the browser sends it.
fn edit(
    id: i32,
    version: i32,
    first_name: &str,
    changes: &[(&str, &str)],
) -> Vec<(String, String)> {
    let mut form = application(first_name, changes);
    form.retain(|(k, _)| k != "form[privacy_read]");
    form.push(("id".into(), id.to_string()));
    form.push(("version".into(), version.to_string()));
    form
}

async fn update(server: &Server, cookie: &str, form: &[(String, String)]) -> common::Reply {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    server.call("update_buddy", &pairs, Some(cookie)).await
}

async fn a_coordinator_edits_a_buddy_once(backend: Backend) {
    let server = Server::new(backend).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let screener = server
        .session_for("screener@example.be", Role::Screener)
        .await;
    let buddy = server.session_for("buddy@example.be", Role::Buddy).await;
    let screener_id = server.whoami(&screener).await.unwrap().id.to_string();
    let id = create(&server, &coordinator, "Koen", &[]).await;
    hand(&server, &coordinator, id, &screener_id).await;
    let before = read(&server, &coordinator, id).await;

    // Screeners (even for their own candidate) and buddies may not edit.
    for cookie in [&screener, &buddy] {
        let reply = update(&server, cookie, &edit(id, before.version, "Koenraad", &[])).await;
        assert_eq!(reply.error(), AppError::Forbidden);
    }
    assert_eq!(read(&server, &coordinator, id).await, before);

    let changed = edit(
        id,
        before.version,
        "Koenraad",
        &[
            ("form[profile][interests][]", "3"),
            ("form[profile][municipality_id]", "1"),
            ("form[capacity]", "2"),
            ("form[motivation]", "Graag op stap in het weekend."),
        ],
    );
    let ok = update(&server, &coordinator, &changed).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let after = read(&server, &coordinator, id).await;
    assert_eq!(after.version, before.version + 1);
    assert_eq!(after.application.profile.first_name, "Koenraad");
    assert_eq!(after.application.profile.interests, vec![3]);
    assert_eq!(after.application.capacity, 2);
    assert_eq!(
        after.application.motivation,
        "Graag op stap in het weekend."
    );
    // Editing leaves the status and the screening alone.
    assert_eq!(
        (after.status, after.screener_id),
        (before.status, before.screener_id)
    );
    assert_eq!(after.timeline, before.timeline);
    // The list finds the buddy by the new values.
    let found = list(
        &server,
        &coordinator,
        &[("interest", "3"), ("municipality", "1"), ("name", "koenr")],
    )
    .await;
    assert_eq!(found.total, 1);

    // A second save from the same version is a conflict and changes nothing.
    let stale = edit(id, before.version, "Koos", &[("form[capacity]", "3")]);
    assert_eq!(
        update(&server, &coordinator, &stale).await.error(),
        AppError::Conflict
    );
    assert_eq!(read(&server, &coordinator, id).await, after);
    let unknown = update(&server, &coordinator, &edit(424242, 1, "Koos", &[])).await;
    assert_eq!(unknown.error(), AppError::NotFound);

    let updates = app::db::audit::list(
        &server.test.db,
        &app::db::audit::AuditFilter {
            action: Some(app::domain::audit::AuditAction::Update),
            record_kind: Some("buddy".into()),
            limit: 50,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let coordinator_id = server.whoami(&coordinator).await.unwrap().id;
    let edits: Vec<_> = updates
        .iter()
        .filter(|e| e.actor_id == Some(coordinator_id) && e.record_id == Some(id.to_string()))
        .collect();
    // Handing to the screener, then the one edit that went through.
    assert_eq!(edits.len(), 2, "{updates:?}");
}

on_both_databases!(a_coordinator_edits_a_buddy_once);

#[tokio::test]
async fn bad_edits_get_messages_at_their_fields_and_change_nothing() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let id = create(&server, &coordinator, "Koen", &[]).await;
    let before = read(&server, &coordinator, id).await;
    let huge = "x".repeat(100 * 1024);
    // (first name, other changes, the field that is wrong)
    type Case<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str);
    let cases: Vec<Case> = vec![
        ("", vec![], "first_name"),
        ("Koen", vec![("form[motivation]", &huge)], "motivation"),
        ("Koen", vec![("form[capacity]", "0")], "capacity"),
        ("Koen", vec![("form[capacity]", "veel")], "capacity"),
        (
            "Koen",
            vec![("form[capacity]", "99999999999999999999")],
            "capacity",
        ),
        (
            "Koen",
            vec![("form[profile][municipality_id]", "9999")],
            "municipality_id",
        ),
        (
            "Koen",
            vec![("form[profile][interests][]", "4242")],
            "interests",
        ),
        (
            "Koen",
            vec![("form[profile][birth_date]", "morgen")],
            "birth_date",
        ),
    ];
    for (first_name, changes, field) in cases {
        let reply = update(
            &server,
            &coordinator,
            &edit(id, before.version, first_name, &changes),
        )
        .await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}: {}",
            &reply.body[..reply.body.len().min(300)]
        );
        assert!(
            reply.error().problem_at(field).is_some(),
            "{field}: {:?}",
            reply.error()
        );
    }
    assert_eq!(
        update(
            &server,
            &coordinator,
            &edit(id, before.version, "Koen", &[("form[capacity]", "0")])
        )
        .await
        .error(),
        AppError::validation("capacity", Problem::OutOfRange { min: 1, max: 3 })
    );
    // Wrong types in the body are a bad request, not a failure.
    let reply = server
        .call(
            "update_buddy",
            &[("id", "abc"), ("version", "1")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(read(&server, &coordinator, id).await, before);
    assert!(
        !server.audit_actions().await.iter().any(|a| a == "update"),
        "nothing written, nothing audited"
    );
}

#[tokio::test]
async fn the_edit_page_is_for_coordinators_and_shows_the_application() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let screener = server
        .session_for("screener@example.be", Role::Screener)
        .await;
    let screener_id = server.whoami(&screener).await.unwrap().id.to_string();
    let id = create(&server, &coordinator, "Koen", &[("form[capacity]", "2")]).await;
    hand(&server, &coordinator, id, &screener_id).await;

    let record = server
        .get(&format!("/buddies/{id}"), Some(&coordinator))
        .await;
    assert!(
        record
            .body
            .contains(&format!(r#"href="/buddies/{id}/edit""#)),
        "an edit link"
    );
    let page = server
        .get(&format!("/buddies/{id}/edit"), Some(&coordinator))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"value="Koen""#));
    assert!(page.body.contains("Ik wil graag iemand leren kennen."));
    assert!(page.body.contains(r#"name="version""#));
    assert!(
        !page.body.contains("form[privacy_read]"),
        "only the public form asks for it"
    );

    // The screener sees their candidate, without a way to edit.
    let theirs = server.get(&format!("/buddies/{id}"), Some(&screener)).await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(!theirs.body.contains("/edit"));
    let refused = server
        .get(&format!("/buddies/{id}/edit"), Some(&screener))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(!refused.body.contains("Ik wil graag iemand leren kennen."));
    let missing = server.get("/buddies/424242/edit", Some(&coordinator)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_refused_edit_without_javascript_keeps_what_was_typed() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let id = create(&server, &coordinator, "Koen", &[]).await;
    let before = read(&server, &coordinator, id).await;
    let path = format!("/buddies/{id}/edit");
    const MOTIVATION: &str = "Ik fiets graag naar Lier op zondag.";
    let form = edit(
        id,
        before.version,
        "Koenraad",
        &[("form[capacity]", "veel"), ("form[motivation]", MOTIVATION)],
    );
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let refused = server
        .post_form("update_buddy", &pairs, Some(&coordinator), &path)
        .await;
    assert_eq!(refused.status, StatusCode::FOUND, "{}", refused.body);
    let back = refused
        .header("location")
        .expect("back to the form")
        .to_owned();
    assert!(
        back.starts_with(&format!("http://localhost{path}")),
        "{back}"
    );
    assert!(
        !back.contains("Koenraad") && !back.contains("Lier"),
        "{back}"
    );
    let draft = refused.cookie("klik_draft").expect("a draft cookie");
    assert_eq!(
        read(&server, &coordinator, id).await,
        before,
        "nothing written"
    );

    let both = format!("{coordinator}; {draft}");
    let page = server
        .get(back.trim_start_matches("http://localhost"), Some(&both))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"value="Koenraad""#), "first name kept");
    assert!(page.body.contains(MOTIVATION), "motivation kept");
    assert!(
        page.body.contains(r#"value="veel""#),
        "the refused capacity kept"
    );
    // Another buddy's edit page does not show these values.
    let other = create(&server, &coordinator, "Lotte", &[]).await;
    let page = server
        .get(&format!("/buddies/{other}/edit"), Some(&both))
        .await;
    assert!(!page.body.contains(MOTIVATION));

    // Sent through, the draft is gone and the record shows the new values.
    let form = edit(
        id,
        before.version,
        "Koenraad",
        &[("form[motivation]", MOTIVATION)],
    );
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let sent = server
        .post_form("update_buddy", &pairs, Some(&both), &path)
        .await;
    assert_eq!(sent.status, StatusCode::FOUND, "{}", sent.body);
    assert!(
        sent.header("location")
            .unwrap()
            .ends_with(&format!("/buddies/{id}"))
    );
    let page = server.get(&path, Some(&both)).await;
    assert!(page.body.contains(r#"value="Koenraad""#));
    assert!(!page.body.contains(r#"value="veel""#));
}
