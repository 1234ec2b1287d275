//! The ranking for a new buddy, on the demo programme.

use crate::common;

use app::api::matching::BuddyRanking;
use app::domain::account::Role;
use app::domain::people::BuddyStatus;
use axum::http::StatusCode;
use common::Backend;
use common::server::Server;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

#[tokio::test]
async fn every_waiting_participant_is_ranked_or_excluded_with_reasons() {
    let server = Server::new(Backend::Sqlite).await;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    app::demo::fill(&server.test.db, common::test_now(), today)
        .await
        .unwrap();
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let buddy = app::db::entities::buddy::Entity::find()
        .filter(app::db::entities::buddy::Column::Status.eq(BuddyStatus::Available.code()))
        .one(&server.test.db)
        .await
        .unwrap()
        .unwrap();
    let reply = server
        .call(
            "rank_for_buddy",
            &[("id", &buddy.id.to_string())],
            Some(&coordinator),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let ranking: BuddyRanking = serde_json::from_str(&reply.body).unwrap();
    let total = ranking.ranking.allowed.len() + ranking.ranking.excluded.len();
    assert_eq!(total, ranking.names.len());
    assert!(total >= 60);
    // Those whose long wait gives priority first, longest first; then the rest by score.
    let waited = |a: &app::matching::PairAssessment| {
        a.components.iter().find_map(|c| match c.detail {
            app::matching::Detail::Waiting {
                days,
                priority_after,
            } => Some((days, priority_after.is_some())),
            _ => None,
        })
    };
    let allowed = &ranking.ranking.allowed;
    let long = allowed
        .iter()
        .take_while(|a| waited(a).is_some_and(|w| w.1))
        .count();
    assert!(
        allowed[long..]
            .iter()
            .all(|a| waited(a).is_some_and(|w| !w.1))
    );
    let days: Vec<u32> = allowed[..long]
        .iter()
        .map(|a| waited(a).unwrap().0)
        .collect();
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "{days:?}");
    let points: Vec<u8> = allowed[long..].iter().map(|a| a.points()).collect();
    assert!(points.windows(2).all(|w| w[0] >= w[1]), "{points:?}");
    assert!(
        ranking
            .ranking
            .allowed
            .iter()
            .all(|a| !a.components.is_empty())
    );
    assert!(
        ranking
            .ranking
            .excluded
            .iter()
            .all(|a| !a.blockers.is_empty())
    );

    let page = server
        .get(&format!("/buddies/{}/match", buddy.id), Some(&coordinator))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Nieuwe buddy: wie past?"));
    let missing = server
        .call("rank_for_buddy", &[("id", "424242")], Some(&coordinator))
        .await;
    assert_eq!(missing.error(), app::error::AppError::NotFound);
}

/// The demo programme, a coordinator and an admin.
async fn demo() -> (Server, String, String) {
    let server = Server::new(Backend::Sqlite).await;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    app::demo::fill(&server.test.db, common::test_now(), today)
        .await
        .unwrap();
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let admin = server.session_for("a@example.be", Role::Admin).await;
    (server, coordinator, admin)
}

#[tokio::test]
async fn a_proposal_starts_a_duo_once_and_moves_both_people() {
    use app::db::entities::{buddy, duo, participant};
    use app::domain::people::ParticipantStatus;

    let (server, coordinator, _) = demo().await;
    let b = buddy::Entity::find()
        .filter(buddy::Column::Status.eq(BuddyStatus::Available.code()))
        .one(&server.test.db)
        .await
        .unwrap()
        .unwrap();
    let reply = server
        .call(
            "rank_for_buddy",
            &[("id", &b.id.to_string())],
            Some(&coordinator),
        )
        .await;
    let ranking: BuddyRanking = serde_json::from_str(&reply.body).unwrap();
    let best = ranking.ranking.allowed.first().expect("someone fits");
    let blocked = ranking
        .ranking
        .excluded
        .first()
        .expect("someone does not fit");
    let (pid, bid) = (best.participant_id.to_string(), b.id.to_string());

    // A blocked pair is refused, whatever the page said.
    let refused = server
        .call(
            "propose_duo",
            &[
                ("participant_id", &blocked.participant_id.to_string()),
                ("buddy_id", &bid),
            ],
            Some(&coordinator),
        )
        .await;
    assert!(matches!(
        refused.error(),
        app::error::AppError::Validation { .. }
    ));

    let proposed = server
        .call(
            "propose_duo",
            &[("participant_id", &pid), ("buddy_id", &bid)],
            Some(&coordinator),
        )
        .await;
    assert_eq!(proposed.status, StatusCode::OK, "{}", proposed.body);
    let id: i32 = serde_json::from_str(&proposed.body).unwrap();
    let before = duo::Entity::find()
        .all(&server.test.db)
        .await
        .unwrap()
        .len();
    let created = duo::Entity::find_by_id(id)
        .one(&server.test.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(created.stage, "proposed");
    assert_eq!(created.score, i32::from(best.points()));
    let p = participant::Entity::find_by_id(best.participant_id as i32)
        .one(&server.test.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.status, ParticipantStatus::Proposed.code());

    // The same participant cannot be proposed twice.
    let again = server
        .call(
            "propose_duo",
            &[("participant_id", &pid), ("buddy_id", &bid)],
            Some(&coordinator),
        )
        .await;
    assert_eq!(again.error(), app::error::AppError::Conflict);
    assert_eq!(
        duo::Entity::find()
            .all(&server.test.db)
            .await
            .unwrap()
            .len(),
        before
    );
    assert!(server.audit_actions().await.contains(&"create".to_owned()));
}

#[tokio::test]
async fn the_proposal_for_everyone_uses_each_person_once() {
    use app::api::matching::EveryoneProposal;

    let (server, coordinator, _) = demo().await;
    let reply = server
        .call("propose_for_everyone", &[], Some(&coordinator))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let e: EveryoneProposal = serde_json::from_str(&reply.body).unwrap();
    let p = &e.proposal;
    assert!(!p.pairs.is_empty());
    let mut people: Vec<i64> = p.pairs.iter().map(|x| x.participant_id).collect();
    people.sort_unstable();
    people.dedup();
    assert_eq!(people.len(), p.pairs.len());
    let total: f64 = p.pairs.iter().map(|x| x.score).sum();
    assert!((total - p.total).abs() < 1e-6);
    assert_eq!(
        p.pairs.len() + p.unpaired_participants.len(),
        e.participants.len()
    );
    let page = server.get("/matching", Some(&coordinator)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Voorstel voor iedereen"));
}

#[tokio::test]
async fn admins_preview_and_save_weights_with_a_trace() {
    use app::api::matching::{WeightsPreview, WeightsSetting};

    let (server, coordinator, admin) = demo().await;
    let stored = server.call("matching_weights", &[], Some(&admin)).await;
    let stored: WeightsSetting = serde_json::from_str(&stored.body).unwrap();
    assert_eq!(stored.version, None);
    let mut form = vec![
        ("form[interests]", "0"),
        ("form[personality]", "0"),
        ("form[availability]", "0"),
        ("form[distance]", "0"),
        ("form[age]", "0"),
        ("form[waiting]", "10"),
        ("form[waiting_full_days]", "365"),
    ];
    let preview = server.call("preview_weights", &form, Some(&admin)).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    let preview: WeightsPreview = serde_json::from_str(&preview.body).unwrap();
    assert!(!preview.choices.is_empty());
    assert!(preview.choices.iter().any(|c| c.then.is_some()));
    // Only waiting counts now: the proposal for everyone changes.
    assert!(preview.changed_pairs > 0 && preview.changed_pairs <= preview.pairs);

    // Coordinators may not change them; nonsense is said at its field.
    let denied = server.call("save_weights", &form, Some(&coordinator)).await;
    assert_eq!(denied.error(), app::error::AppError::Forbidden);
    form[0] = ("form[interests]", "veel");
    let nonsense = server.call("save_weights", &form, Some(&admin)).await;
    assert!(nonsense.error().problem_at("interests").is_some());
    form[0] = ("form[interests]", "1,5");
    let saved = server.call("save_weights", &form, Some(&admin)).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let saved: WeightsSetting = serde_json::from_str(&saved.body).unwrap();
    assert_eq!(saved.version, Some(1));
    assert_eq!(saved.form.interests, "1.5");
    assert!(server.audit_actions().await.contains(&"update".to_owned()));
    // A second save from the same (now stale) page is a conflict.
    let stale = server.call("save_weights", &form, Some(&admin)).await;
    assert_eq!(stale.error(), app::error::AppError::Conflict);

    let page = server.get("/admin/matching?interests=1&personality=1&availability=1&distance=1&age=1&waiting=1&waiting_full_days=30", Some(&admin)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Effect op de wachtlijst van vandaag"));
}

#[tokio::test]
async fn the_waiting_list_gets_an_estimate_from_the_programme_history() {
    use app::matching::Estimate;

    let (server, coordinator, _) = demo().await;
    let reply = server
        .call("estimate_waiting", &[], Some(&coordinator))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let estimate: Estimate = serde_json::from_str(&reply.body).unwrap();
    match estimate {
        Estimate::Ready {
            participants,
            monthly_rate,
        } => {
            assert!(monthly_rate > 0.0);
            assert!(participants.len() >= 60);
        }
        Estimate::NotEnoughHistory { buddies, months } => {
            panic!("the demo has history: {buddies} buddies in {months} months")
        }
    }
    let page = server.get("/waiting", Some(&coordinator)).await;
    assert!(page.body.contains("Buddy verwacht"));
    // Its track record, replayed on the demo's history.
    let reply = server
        .call("estimate_track_record", &[], Some(&coordinator))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let record: app::matching::backtest::Calibration = serde_json::from_str(&reply.body).unwrap();
    assert!(record.months >= 12 && record.estimates > 0, "{record:?}");
    assert!(
        record.range_held <= record.range_judged && record.below_median <= record.median_judged
    );
    assert!(
        page.body.contains("Hoe vaak klopte deze schatting?")
            || page.body.contains("Nog te weinig geschiedenis"),
        "the track record is on the page"
    );
}

on_both_databases! {
    async fn the_usual_wait_comes_from_the_status_history(test: &TestDb) {
        use app::matching::priority::{matched_waits, priority_after, usual_wait};

        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        app::demo::fill(&test.db, common::test_now(), today)
            .await
            .unwrap();
        let ctx = app::db::matching::context(&test.db, today).await.unwrap();
        // The same median from every stretch on the list (read whole, in the programme's
        // zone: a day may differ from the UTC days the context reads).
        let tz = app::domain::time::DEFAULT_TIME_ZONE;
        let episodes = app::db::matching::wait_episodes(&test.db, tz).await.unwrap();
        let expected = usual_wait(matched_waits(&episodes), today).expect("the demo has history");
        let found = ctx.usual_wait_days.expect("the context has the usual wait");
        assert!(found.abs_diff(expected) <= 1, "{found} against {expected}");
        assert_eq!(
            ctx.priority_after_days(),
            priority_after(Some(found), &ctx.weights)
        );
        assert!(ctx.priority_after_days().is_some());
    }
}
