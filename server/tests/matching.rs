//! The ranking for a new buddy, on the demo programme.

mod common;

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
    let points: Vec<u8> = ranking.ranking.allowed.iter().map(|a| a.points()).collect();
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
