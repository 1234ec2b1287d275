//! The reports on SQLite and PostgreSQL: the weekly waiting list rebuilt from stored status
//! changes (also someone back on the list after a "no click"), every report of the demo
//! programme with its history, refused periods, who may see what, and the downloads parsed
//! as a spreadsheet program would.

use crate::common;

use app::domain::account::Role;
use app::domain::report::{Answer, Body, PeriodProblem};
use app::stats::Week;
use axum::http::StatusCode;
use chrono::{NaiveDate, TimeZone, Utc};
use common::Backend;
use common::server::Server;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

async fn the_weekly_list_comes_from_the_stored_changes(backend: Backend) {
    let server = Server::new(backend).await;
    let db = &server.test.db;
    // Two people (status changes only: the weekly list needs nothing else). At 23:30 UTC on
    // a Sunday it is Monday in Brussels: the change counts in the Monday's week.
    let at = |y, m, d, h| Utc.with_ymd_and_hms(y, m, d, h, 30, 0).unwrap();
    let history = [
        (9001, None, "waiting", at(2026, 1, 5, 10)),
        (9002, None, "waiting", at(2026, 1, 6, 10)),
        (9001, Some("waiting"), "proposed", at(2026, 1, 13, 10)),
        (9002, Some("waiting"), "paused", at(2026, 1, 14, 10)),
        (9001, Some("proposed"), "in_duo", at(2026, 1, 20, 10)),
        (9002, Some("paused"), "waiting", at(2026, 1, 25, 23)),
        // The click failed: back on the list, then left a fortnight later.
        (9001, Some("in_duo"), "waiting", at(2026, 2, 3, 10)),
        (9001, Some("waiting"), "closed", at(2026, 2, 17, 10)),
    ];
    for (id, from, to, when) in history {
        app::db::timeline::record(db, "participant", id, from, to, None, "", when)
            .await
            .unwrap();
    }
    let tz = server.state.config.time_zone;
    let (_, changes) = app::db::reports::participants(db, &[], tz).await.unwrap();
    let weeks = app::stats::weekly(&changes, day(2026, 1, 5), day(2026, 2, 22));
    let seen: Vec<(u32, u32, u32, u32, u32)> = weeks
        .iter()
        .map(|w: &Week| (w.waiting_at_start, w.new, w.matched, w.left, w.paused))
        .collect();
    assert_eq!(
        seen,
        vec![
            (0, 2, 0, 0, 0), // both came
            (2, 0, 0, 0, 1), // a proposal still waits; one paused
            (1, 0, 1, 0, 0), // matched
            (0, 1, 0, 0, 0), // back from the pause (Monday in Brussels)
            (1, 1, 0, 0, 0), // back after the "no click"
            (2, 0, 0, 0, 0),
            (2, 0, 0, 1, 0), // left without a match
        ]
    );
    assert_eq!(weeks[3].starts_on, day(2026, 1, 26));
}

on_both_databases!(the_weekly_waiting_list_is_rebuilt_from_status_changes => the_weekly_list_comes_from_the_stored_changes);

/// A server with the demo programme (and its three years of history), and today.
async fn demo(backend: Backend) -> (Server, NaiveDate) {
    let server = Server::new(backend).await;
    let today = common::test_now().date_naive();
    app::demo::fill(&server.test.db, common::test_now(), today)
        .await
        .unwrap();
    (server, today)
}

async fn report(server: &Server, cookie: &str, section: &str, ask: &[(&str, &str)]) -> Answer {
    let mut form = vec![("section", section)];
    form.extend_from_slice(ask);
    let reply = server.call("load_report", &form, Some(cookie)).await;
    assert_eq!(reply.status, StatusCode::OK, "{section}: {}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

const SINCE_START: &[(&str, &str)] = &[("ask[preset]", "since_start")];

async fn every_report_of_the_demo(backend: Backend) {
    let (server, today) = demo(backend).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;

    let Some(Body::Duos(duos)) = report(&server, &coordinator, "duos", SINCE_START)
        .await
        .body
    else {
        panic!("the duos report")
    };
    assert!(
        duos.duos >= 40 && duos.ended >= 30,
        "{} duos, {} ended",
        duos.duos,
        duos.ended
    );
    assert!(
        duos.duos > duos.ended,
        "the demo's active duos are censored"
    );
    assert!(duos.median.and_then(|m| m.days).is_some());
    assert_eq!(duos.bands.len(), 3);
    assert!(duos.band_test.is_some());
    assert!(duos.early.len() >= 3, "early endings for several reasons");
    assert!(duos.retention.iter().all(|r| r.share.is_some()));

    let Some(Body::Waiting(waiting, names)) = report(&server, &coordinator, "waiting", SINCE_START)
        .await
        .body
    else {
        panic!("the waiting report")
    };
    assert!(waiting.weeks.len() >= 150, "{} weeks", waiting.weeks.len());
    assert!(
        waiting.weeks.iter().any(|w| w.matched > 0) && waiting.weeks.iter().any(|w| w.left > 0)
    );
    let last = waiting.weeks.last().unwrap();
    assert!(
        last.waiting_at_start >= 60,
        "today's list: {}",
        last.waiting_at_start
    );
    assert!(waiting.people >= 150 && waiting.matched >= 40);
    assert!(waiting.by_municipality.len() >= 2 && !names.is_empty());
    // Who left without a match, by the reason recorded at the closing (all recorded here).
    let left: u32 = waiting.left_reasons.iter().map(|(_, n)| n).sum();
    assert!(
        waiting.left_reasons.len() >= 4,
        "{:?}",
        waiting.left_reasons
    );
    assert!(waiting.left_reasons.iter().all(|(r, _)| r.is_some()));
    let weekly_left: u32 = waiting.weeks.iter().map(|w| w.left).sum();
    assert!(left >= 20 && left <= weekly_left, "{left} of {weekly_left}");

    let Some(Body::Activity(activity)) = report(&server, &coordinator, "activity", SINCE_START)
        .await
        .body
    else {
        panic!("the activity report")
    };
    let done: u32 = activity.months.iter().map(|m| m.activities).sum();
    let moods: u32 = activity.months.iter().flat_map(|m| m.moods).sum();
    assert!(
        done >= 500 && moods >= 300,
        "{done} activities, {moods} check-ins"
    );
    assert!(activity.evaluations_due > activity.evaluations_held && activity.evaluations_held > 0);

    let Some(Body::Buddies(funnel, _)) = report(&server, &coordinator, "buddies", SINCE_START)
        .await
        .body
    else {
        panic!("the buddy funnel")
    };
    assert!(funnel.total.applied >= 70 && funnel.total.first_duo >= 40);
    assert!(funnel.total.active_after_12.is_some_and(|n| n > 0));
    // By source: every applicant in exactly one row, "no answer" included.
    assert!(funnel.by_source.len() >= 4, "{:?}", funnel.by_source);
    let by_source: u32 = funnel.by_source.iter().map(|(_, m)| m.applied).sum();
    assert_eq!(by_source, funnel.total.applied);
    assert!(funnel.by_source.iter().any(|(s, _)| s.is_none()));
    // Intervision every second month of the three years, about half of the invited came.
    let Some(Body::Buddies(_, intervision)) = report(&server, &coordinator, "buddies", SINCE_START)
        .await
        .body
    else {
        panic!("the intervision figures")
    };
    assert!(
        intervision.sessions.len() >= 12,
        "{:?}",
        intervision.sessions
    );
    assert!(intervision.attended > 0 && intervision.attended < intervision.invited);
    assert!(
        intervision.buddies_came > 0 && intervision.buddies_came <= intervision.buddies_invited
    );

    // The default is the last 12 months, ending today.
    let last_year = report(&server, &coordinator, "duos", &[]).await;
    assert_eq!(last_year.period.map(|p| p.to), Ok(today));

    // Refused periods: said at the field, no figures.
    for (from, to, problem) in [
        ("2026-05-01", "2026-04-01", PeriodProblem::EndBeforeStart),
        ("1970-01-01", "2026-01-01", PeriodProblem::TooLong),
        ("2026-02-30", "", PeriodProblem::NotADate),
    ] {
        let answer = report(
            &server,
            &coordinator,
            "waiting",
            &[("ask[from]", from), ("ask[to]", to)],
        )
        .await;
        assert_eq!(answer.period, Err(problem));
        assert_eq!(answer.body, None);
    }
    // A period without data: empty figures, not an error, no NaN.
    for section in ["duos", "waiting", "activity", "buddies"] {
        let answer = report(
            &server,
            &coordinator,
            section,
            &[("ask[from]", "2001-01-01"), ("ask[to]", "2001-03-01")],
        )
        .await;
        assert!(answer.body.is_some(), "{section}");
    }
}

on_both_databases!(every_report_is_computed_on_the_demo_programme => every_report_of_the_demo);

async fn the_sql_summary_is_the_rust_rule(backend: Backend) {
    use app::domain::report::{Period, summarise};
    let (server, today) = demo(backend).await;
    let db = &server.test.db;
    let tz = server.state.config.time_zone;
    for (from, to, min_gap) in [
        (day(2023, 1, 1), today, 20),
        (day(2025, 12, 6), today, 28),
        (day(2024, 3, 15), day(2025, 2, 10), 1),
        (day(2026, 3, 29), day(2026, 3, 29), 28), // the day the clocks go forward
    ] {
        let period = Period { from, to };
        let one_by_one = app::db::reports::activities(db, period, tz).await.unwrap();
        assert!(!one_by_one.is_empty());
        let in_rust = summarise(&one_by_one, period, min_gap);
        let in_sql = app::db::reports::activity_summary(db, period, tz, min_gap)
            .await
            .unwrap();
        assert_eq!(in_sql, in_rust, "{from} to {to}, gaps over {min_gap} days");
    }
}

on_both_databases!(the_activity_summary_in_sql_follows_the_rule_in_rust => the_sql_summary_is_the_rust_rule);

async fn partner_applied(server: &Server, screener: &str) -> u32 {
    let reply = server
        .call(
            "partner_report",
            &[("ask[preset]", "since_start")],
            Some(screener),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    match serde_json::from_str::<Answer>(&reply.body).unwrap().body {
        Some(Body::Buddies(f, _)) => f.total.applied,
        other => panic!("{other:?}"),
    }
}

async fn who_sees_what_and_the_downloads(backend: Backend) {
    let (server, _) = demo(backend).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let screener = server.session_for("s@example.be", Role::Screener).await;
    let buddy = server.session_for("b@example.be", Role::Buddy).await;

    // Buddies see no report; the screener only the partner's funnel, of their own candidates.
    for cookie in [&screener, &buddy] {
        let reply = server
            .call(
                "load_report",
                &[("section", "buddies"), ("ask[preset]", "since_start")],
                Some(cookie),
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.body);
    }
    let reply = server
        .call(
            "partner_report",
            &[("ask[preset]", "since_start")],
            Some(&buddy),
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(
        partner_applied(&server, &screener).await,
        0,
        "this screener screened nobody yet"
    );
    let screener_id = server.whoami(&screener).await.unwrap().id;
    {
        use app::db::entities::buddy;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
        buddy::Entity::update_many()
            .col_expr(buddy::Column::ScreenerId, Expr::value(screener_id))
            .filter(buddy::Column::Id.lte(7))
            .exec(&server.test.db)
            .await
            .unwrap();
    }
    assert_eq!(partner_applied(&server, &screener).await, 7);

    // The partner sees the intervision it organises (alone or with the programme), not the
    // programme's own sessions.
    let sessions = |cookie: &str, call: &'static str| {
        let server = &server;
        let cookie = cookie.to_owned();
        async move {
            let mut form = vec![("ask[preset]", "since_start")];
            if call == "load_report" {
                form.push(("section", "buddies"));
            }
            let reply = server.call(call, &form, Some(&cookie)).await;
            match serde_json::from_str::<Answer>(&reply.body).unwrap().body {
                Some(Body::Buddies(_, iv)) => iv.sessions.len(),
                other => panic!("{other:?}"),
            }
        }
    };
    let all = sessions(&coordinator, "load_report").await;
    assert_eq!(sessions(&screener, "partner_report").await, all);
    {
        use app::db::entities::event;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::Expr};
        let first = event::Entity::find()
            .order_by_asc(event::Column::Id)
            .one(&server.test.db)
            .await
            .unwrap()
            .unwrap();
        event::Entity::update_many()
            .col_expr(event::Column::Organiser, Expr::value("programme"))
            .filter(event::Column::Id.eq(first.id))
            .exec(&server.test.db)
            .await
            .unwrap();
    }
    assert_eq!(sessions(&screener, "partner_report").await, all - 1);
    assert_eq!(sessions(&coordinator, "load_report").await, all);

    // The buddies' workbook: the funnel, the funnel by source, intervision.
    let xlsx = server
        .get(
            "/reports/export/buddies.xlsx?preset=since_start",
            Some(&coordinator),
        )
        .await;
    assert_eq!(xlsx.status, StatusCode::OK, "{}", xlsx.body);
    {
        use calamine::{Reader, Xlsx};
        let book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(xlsx.bytes.clone())).unwrap();
        assert_eq!(
            book.sheet_names(),
            vec!["buddy_funnel", "buddy_funnel_source", "intervision"]
        );
    }
    // Leaving without a match, by reason, as CSV.
    let csv = server
        .get(
            "/reports/export/waiting/wait_left_reasons.csv?preset=since_start",
            Some(&coordinator),
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.body);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&csv.bytes[3..]);
    assert_eq!(&reader.headers().unwrap()[0], "Reden");
    assert!(reader.records().count() >= 4);

    // The workbook: one sheet per table, numbers as numbers, small counts hidden.
    let xlsx = server
        .get(
            "/reports/export/duos.xlsx?preset=since_start",
            Some(&coordinator),
        )
        .await;
    assert_eq!(xlsx.status, StatusCode::OK, "{}", xlsx.body);
    assert!(
        xlsx.header("content-type")
            .unwrap()
            .contains("spreadsheetml")
    );
    assert!(
        xlsx.header("content-disposition")
            .unwrap()
            .contains("klik-duos.xlsx")
    );
    {
        use calamine::{Data, Reader, Xlsx};
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(xlsx.bytes.clone())).unwrap();
        assert_eq!(
            book.sheet_names(),
            vec![
                "duos",
                "retention",
                "early_endings",
                "score_bands",
                "duo_curve"
            ]
        );
        let summary = book.worksheet_range("duos").unwrap();
        assert_eq!(
            summary.get_value((2, 0)),
            Some(&Data::String("Duo's".into()))
        );
        let Some(Data::Float(n)) = summary.get_value((3, 0)) else {
            panic!("{:?}", summary.get_value((3, 0)))
        };
        assert!(*n >= 40.0);
        let early = book.worksheet_range("early_endings").unwrap();
        let cells: Vec<&Data> = early
            .rows()
            .skip(3)
            .flat_map(|r| r.iter().skip(1))
            .collect();
        assert!(
            cells.iter().all(|c| match c {
                Data::Float(x) => *x == 0.0 || *x >= 5.0,
                Data::String(s) => s == "< 5",
                _ => false,
            }),
            "{cells:?}"
        );
    }

    // One table as CSV: byte-order mark, semicolons, Dutch headers, small counts hidden.
    let csv = server
        .get(
            "/reports/export/waiting/wait_by_gender.csv?preset=since_start",
            Some(&coordinator),
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.body);
    assert!(csv.bytes.starts_with(b"\xEF\xBB\xBF"));
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&csv.bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "Gender");
    assert_eq!(&headers[1], "Mensen");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3, "woman, man, x");
    for row in &rows {
        let people = &row[1];
        assert!(
            people == "< 5" || people.parse::<u32>().is_ok_and(|n| n == 0 || n >= 5),
            "{row:?}"
        );
    }

    // Refused: signed out (to the sign-in), a buddy or the screener, a bad period, unknown files.
    let signed_out = server.get("/reports/export/duos.xlsx", None).await;
    assert_eq!(signed_out.status, StatusCode::SEE_OTHER);
    assert_eq!(signed_out.header("location"), Some("/login"));
    for cookie in [&buddy, &screener] {
        let refused = server.get("/reports/export/duos.xlsx", Some(cookie)).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
    }
    let bad = server
        .get(
            "/reports/export/duos.xlsx?from=2026-05-01&to=2026-04-01",
            Some(&coordinator),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("vóór het begin"), "{}", bad.body);
    for path in [
        "/reports/export/nothing.xlsx",
        "/reports/export/duos.pdf",
        "/reports/export/duos/nothing.csv",
        "/reports/export/duos/duos.txt",
    ] {
        let reply = server.get(path, Some(&coordinator)).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
    }

    // The pages: the partner's one, and none for a buddy.
    let page = server
        .get("/reports?preset=since_start", Some(&coordinator))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("chart-duos") && page.body.contains("Kaplan-Meier"));
    let page = server.get("/reports/buddies", Some(&screener)).await;
    assert!(page.body.contains("report-buddies") && !page.body.contains("report-downloads"));
}

on_both_databases!(only_coordinators_and_admins_see_reports_and_download_them => who_sees_what_and_the_downloads);
