//! The buddy's calendar on SQLite and PostgreSQL: the personal feed (made, renewed, revoked;
//! only the buddy's own activities, never notes or check-ins), and one activity as an .ics
//! download for its own buddy and for staff only.

use crate::common;

use app::db::activities::{self, Change};
use app::db::entities::{activity, activity_kind, audit_log, buddy, duo, participant, user};
use app::domain::account::Role;
use app::domain::activity::{CheckIn, Mood, Plan};
use axum::http::{StatusCode, header};
use chrono::{DateTime, Duration, Utc};
use common::Backend;
use common::server::{PASSWORD, Server};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// Words that only ever appear in notes, check-ins and reasons: never in a calendar.
const SECRETS: [&str; 3] = ["GEHEIM-NOTITIE", "GEHEIM-CHECKIN", "GEHEIM-REDEN"];

struct Setup {
    server: Server,
    /// Buddy A's session, and buddy B's (another buddy with a duo of their own).
    a: String,
    b: String,
    /// A's activities: planned next week, done a month ago (with a check-in), cancelled,
    /// and one long ago (outside the feed).
    planned: i32,
    done: i32,
    cancelled: i32,
    old: i32,
    /// B's planned activity.
    other: i32,
}

async fn plan(server: &Server, duo: i32, starts_at: DateTime<Utc>, place: &str, note: &str) -> i32 {
    let kind = activity_kind::Entity::find()
        .order_by_asc(activity_kind::Column::Id)
        .one(&server.test.db)
        .await
        .unwrap()
        .expect("an activity kind");
    let plan = Plan {
        kind_id: kind.id,
        starts_at: starts_at.naive_utc(),
        place: place.to_owned(),
        note: note.to_owned(),
    };
    activities::plan(
        &server.test.db,
        duo,
        &plan,
        starts_at,
        1,
        common::test_now(),
    )
    .await
    .unwrap()
}

/// A buddy account linked to the buddy of `duo`, signed in.
async fn buddy_session(server: &Server, email: &str, duo: &duo::Model) -> String {
    let id = server.user(email, Role::Buddy).await;
    buddy::Entity::update_many()
        .col_expr(buddy::Column::UserId, Expr::value(id))
        .filter(buddy::Column::Id.eq(duo.buddy_id))
        .exec(&server.test.db)
        .await
        .unwrap();
    server
        .login(email, PASSWORD)
        .await
        .session_cookie()
        .expect("signed in")
}

async fn setup(backend: Backend) -> Setup {
    let server = Server::new(backend).await;
    let now = common::test_now();
    app::demo::fill(&server.test.db, now, now.date_naive())
        .await
        .unwrap();
    let duos = duo::Entity::find()
        .filter(duo::Column::Stage.ne("ended"))
        .order_by_asc(duo::Column::Id)
        .all(&server.test.db)
        .await
        .unwrap();
    let first = duos[0].clone();
    let second = duos
        .iter()
        .find(|d| d.buddy_id != first.buddy_id)
        .expect("two buddies with open duos in the demo")
        .clone();
    let a = buddy_session(&server, "a@example.be", &first).await;
    let b = buddy_session(&server, "b@example.be", &second).await;

    let db = &server.test.db;
    let planned = plan(
        &server,
        first.id,
        now + Duration::days(7),
        "Vrijbroekpark",
        "GEHEIM-NOTITIE over de medicatie",
    )
    .await;
    let done = plan(&server, first.id, now - Duration::days(30), "", "").await;
    activities::change(db, done, 0, Change::Confirm, now)
        .await
        .unwrap();
    let check_in = CheckIn {
        mood: Mood::Bad,
        note: "GEHEIM-CHECKIN slecht geslapen".into(),
    };
    activities::change(db, done, 1, Change::CheckIn(&check_in), now)
        .await
        .unwrap();
    let cancelled = plan(&server, first.id, now + Duration::days(10), "Bib", "").await;
    activities::change(
        db,
        cancelled,
        0,
        Change::Cancel {
            reason: "GEHEIM-REDEN ziek",
        },
        now,
    )
    .await
    .unwrap();
    let old = plan(&server, first.id, now - Duration::days(120), "", "").await;
    let other = plan(&server, second.id, now + Duration::days(3), "Markt", "").await;
    Setup {
        server,
        a,
        b,
        planned,
        done,
        cancelled,
        old,
        other,
    }
}

/// Makes (or renews) the buddy's feed; the path of its address.
async fn renew(server: &Server, cookie: &str) -> String {
    let reply = server.call("renew_calendar", &[], Some(cookie)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let url: String = serde_json::from_str(&reply.body).unwrap();
    let public = &server.state.config.public_url;
    let path = url
        .strip_prefix(public.as_str())
        .unwrap_or_else(|| panic!("{url} is not under {public}"));
    assert!(
        path.starts_with("/calendar/") && path.ends_with(".ics"),
        "{path}"
    );
    path.to_owned()
}

fn uid(id: i32) -> String {
    format!("UID:activity-{id}@klik")
}

async fn the_feed_holds_only_the_buddys_own_activities(backend: Backend) {
    let s = setup(backend).await;
    let path = renew(&s.server, &s.a).await;
    let reply = s.server.get(&path, None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        reply.header("content-type"),
        Some("text/calendar; charset=utf-8")
    );
    assert!(reply.header("cache-control").unwrap().contains("no-store"));
    let body = &reply.body;
    for id in [s.planned, s.done, s.cancelled] {
        assert!(body.contains(&uid(id)), "{id} missing:\n{body}");
    }
    assert!(!body.contains(&uid(s.old)), "older than 90 days:\n{body}");
    assert!(!body.contains(&uid(s.other)), "another buddy's:\n{body}");
    for secret in SECRETS {
        assert!(!body.contains(secret), "{secret} in the feed:\n{body}");
    }
    assert!(body.contains("LOCATION:Vrijbroekpark"), "{body}");
    assert!(body.contains("STATUS:CANCELLED"), "{body}");
    assert!(body.contains("SUMMARY:Klik: "), "{body}");

    // A well-formed calendar that a parser reads back.
    let calendar: icalendar::Calendar = body.parse().expect("valid iCalendar");
    assert_eq!(calendar.events().count(), 3);

    // B's own feed has B's activity only.
    let other = renew(&s.server, &s.b).await;
    let body = s.server.get(&other, None).await.body;
    assert!(body.contains(&uid(s.other)), "{body}");
    assert!(!body.contains(&uid(s.planned)), "{body}");
}

async fn renewed_and_revoked_addresses_stop_working(backend: Backend) {
    let s = setup(backend).await;
    let server = &s.server;
    let status = server.call("calendar_status", &[], Some(&s.a)).await;
    let status: app::api::calendar::FeedStatus = serde_json::from_str(&status.body).unwrap();
    assert!(!status.active);

    let first = renew(server, &s.a).await;
    let status = server.call("calendar_status", &[], Some(&s.a)).await;
    let status: app::api::calendar::FeedStatus = serde_json::from_str(&status.body).unwrap();
    assert!(status.active);
    assert_eq!(status.since.as_deref(), Some("27/11/2026 10:00"));
    // The address itself is never shown again.
    assert_eq!(status.fresh_url, None);

    let second = renew(server, &s.a).await;
    assert_ne!(first, second);
    assert_eq!(server.get(&first, None).await.status, StatusCode::NOT_FOUND);
    assert_eq!(server.get(&second, None).await.status, StatusCode::OK);

    let revoked = server.call("revoke_calendar", &[], Some(&s.a)).await;
    assert_eq!(revoked.status, StatusCode::OK, "{}", revoked.body);
    let gone = server.get(&second, None).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    assert_eq!(gone.body, "Not Found");
    let status = server.call("calendar_status", &[], Some(&s.a)).await;
    let status: app::api::calendar::FeedStatus = serde_json::from_str(&status.body).unwrap();
    assert!(!status.active);
    let audited: Vec<String> = audit_log::Entity::find()
        .filter(audit_log::Column::RecordKind.eq("calendar_feed"))
        .order_by_asc(audit_log::Column::Id)
        .all(&server.test.db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.action)
        .collect();
    assert_eq!(audited, ["create", "create", "delete"]);

    // Made-up, malformed and empty tokens: the same bare 404.
    let made_up = app::domain::calendar::feed_path(&app::auth::token::new_token());
    for path in [made_up.as_str(), "/calendar/abc.ics", "/calendar/.ics"] {
        let reply = server.get(path, None).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!reply.body.contains("VCALENDAR"));
    }

    // A disabled account's feed stops too.
    let path = renew(server, &s.b).await;
    user::Entity::update_many()
        .col_expr(user::Column::Active, Expr::value(false))
        .filter(user::Column::Email.eq("b@example.be"))
        .exec(&server.test.db)
        .await
        .unwrap();
    assert_eq!(server.get(&path, None).await.status, StatusCode::NOT_FOUND);
}

/// Without JavaScript the form posts, the browser follows the redirect back, and that page
/// shows the new address: once.
async fn without_javascript_the_address_shows_once(backend: Backend) {
    let s = setup(backend).await;
    let server = &s.server;
    let before = server.get("/calendar", Some(&s.a)).await;
    assert_eq!(before.status, StatusCode::OK);
    assert!(before.body.contains("Mijn agenda"), "{}", before.body);

    let posted = server
        .post_form("renew_calendar", &[], Some(&s.a), "/calendar")
        .await;
    assert!(posted.status.is_redirection(), "{}", posted.status);
    let page = server.get("/calendar", Some(&s.a)).await;
    let marker = format!("{}/calendar/", server.state.config.public_url);
    let field = format!("value=\"{marker}");
    let start = page
        .body
        .find(&field)
        .unwrap_or_else(|| panic!("no address on the page:\n{}", page.body));
    let url: String = page.body[start + "value=\"".len()..]
        .chars()
        .take_while(|c| *c != '"')
        .collect();
    let path = url.strip_prefix(&server.state.config.public_url).unwrap();
    assert_eq!(
        server.get(path, None).await.status,
        StatusCode::OK,
        "{path}"
    );

    // Reloaded, or in another browser: gone.
    let again = server.get("/calendar", Some(&s.a)).await;
    assert!(!again.body.contains(&marker), "{}", again.body);
    let other = server
        .post_form("renew_calendar", &[], Some(&s.b), "/calendar")
        .await;
    assert!(other.status.is_redirection());
    assert!(
        !server
            .get("/calendar", Some(&s.a))
            .await
            .body
            .contains(&marker)
    );
}

async fn one_activity_downloads_for_its_buddy_and_staff_only(backend: Backend) {
    let s = setup(backend).await;
    let server = &s.server;
    let path = format!("/activities/{}.ics", s.planned);

    let own = server.get(&path, Some(&s.a)).await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.body);
    assert_eq!(
        own.header("content-type"),
        Some("text/calendar; charset=utf-8")
    );
    assert!(
        own.header("content-disposition")
            .unwrap()
            .starts_with("attachment;")
    );
    assert!(own.body.contains(&uid(s.planned)), "{}", own.body);
    assert_eq!(own.body.matches("BEGIN:VEVENT").count(), 1);
    for secret in SECRETS {
        assert!(!own.body.contains(secret));
    }

    // Another buddy, a screener, a made-up id: all the same 404.
    let screener = server.session_for("s@example.be", Role::Screener).await;
    for (cookie, path) in [
        (&s.b, path.clone()),
        (&screener, path.clone()),
        (&s.a, format!("/activities/{}.ics", s.other)),
        (&s.a, "/activities/999999.ics".to_owned()),
        (&s.a, "/activities/abc.ics".to_owned()),
    ] {
        let reply = server.get(&path, Some(cookie)).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!reply.body.contains("VCALENDAR"));
    }

    // Signed out: sent to sign in, nothing served.
    let signed_out = server.get(&path, None).await;
    assert_eq!(signed_out.status, StatusCode::SEE_OTHER);
    assert_eq!(signed_out.header("location"), Some("/login"));
    assert!(!signed_out.body.contains("VCALENDAR"));

    // Coordinators may, e.g. to send it on.
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let staff = server.get(&path, Some(&coordinator)).await;
    assert_eq!(staff.status, StatusCode::OK);
    assert!(staff.body.contains(&uid(s.planned)));

    // The calendar page is for buddies.
    let page = server.get("/calendar", Some(&coordinator)).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    let refused = server.call("renew_calendar", &[], Some(&coordinator)).await;
    assert_eq!(refused.error(), app::error::AppError::Forbidden);
    assert!(server.get("/calendar", None).await.status.is_redirection());
    // Other requests under /activities/ and /calendar are left to the router.
    let plain = server
        .send(
            axum::http::Request::get("/calendar/x.txt")
                .header(header::ACCEPT, "text/html")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(plain.status, StatusCode::NOT_FOUND);
}

/// A participant who did not agree to share their first name is "je duo-partner" in the
/// buddy's calendar; once they agree, their first name shows.
async fn a_first_name_not_shared_stays_out_of_the_feed(backend: Backend) {
    let s = setup(backend).await;
    let db = &s.server.test.db;
    let planned = activity::Entity::find_by_id(s.planned)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let duo = duo::Entity::find_by_id(planned.duo_id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let p = participant::Entity::find_by_id(duo.participant_id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let set_shared = |shared: bool| {
        let mut consent: app::domain::people::Consent = serde_json::from_str(&p.consent).unwrap();
        consent.share_first_name = shared;
        participant::Entity::update_many()
            .col_expr(
                participant::Column::Consent,
                Expr::value(serde_json::to_string(&consent).unwrap()),
            )
            .filter(participant::Column::Id.eq(p.id))
            .exec(db)
    };
    let with_name = format!("met {}", p.first_name);
    let path = renew(&s.server, &s.a).await;

    set_shared(true).await.unwrap();
    let body = s.server.get(&path, None).await.body;
    assert!(body.contains(&with_name), "{body}");

    set_shared(false).await.unwrap();
    let body = s.server.get(&path, None).await.body;
    assert!(!body.contains(&p.first_name), "{body}");
    assert!(body.contains("met je duo-partner"), "{body}");
    // The single download follows the same rule.
    let one = s
        .server
        .get(&format!("/activities/{}.ics", s.planned), Some(&s.a))
        .await
        .body;
    assert!(!one.contains(&p.first_name), "{one}");
}

async fn the_feed_and_downloads_speak_the_buddys_language(backend: Backend) {
    let s = setup(backend).await;
    let (path_a, path_b) = (renew(&s.server, &s.a).await, renew(&s.server, &s.b).await);
    let dutch = s.server.get(&path_a, None).await.body;
    assert!(dutch.contains("Afgelast:"), "{dutch}");

    // Buddy A switches to English while signed in: their account keeps it, and the feed
    // (fetched by a calendar app, without any cookie) and A's downloads follow.
    let switched = s
        .server
        .call("set_language", &[("lang", "en")], Some(&s.a))
        .await;
    assert_eq!(switched.status, StatusCode::OK, "{}", switched.body);
    let kept = s.server.call("mail_language", &[], Some(&s.a)).await;
    assert_eq!(kept.body, "\"en\"", "the account page shows it");
    let kept = s.server.call("mail_language", &[], Some(&s.b)).await;
    assert_eq!(kept.body, "\"nl\"");
    let english = s.server.get(&path_a, None).await.body;
    assert!(english.contains("Klik – my buddy activities"), "{english}");
    assert!(
        english.contains("Cancelled:") && !english.contains("Afgelast:"),
        "{english}"
    );
    let one = s
        .server
        .get(&format!("/activities/{}.ics", s.planned), Some(&s.a))
        .await
        .body;
    assert!(one.contains(" with "), "{one}");
    // Buddy B chose nothing: Dutch, the programme's language.
    let other = s.server.get(&path_b, None).await.body;
    assert!(other.contains("Klik – mijn buddy-activiteiten"), "{other}");
    // Switching without being signed in changes no account.
    let visitor = s.server.call("set_language", &[("lang", "nl")], None).await;
    assert_eq!(visitor.status, StatusCode::OK, "{}", visitor.body);
    assert!(
        s.server
            .get(&path_a, None)
            .await
            .body
            .contains("Cancelled:")
    );
}

on_both_databases!(
    the_feed_and_downloads_speak_the_buddys_language,
    a_first_name_not_shared_stays_out_of_the_feed,
    the_feed_holds_only_the_buddys_own_activities,
    renewed_and_revoked_addresses_stop_working,
    without_javascript_the_address_shows_once,
    one_activity_downloads_for_its_buddy_and_staff_only,
);
