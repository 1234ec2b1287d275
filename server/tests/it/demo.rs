//! `klik demo`: a fictional programme in an empty database, on both databases.

use crate::common;

use app::domain::people::{BuddyStatus, ParticipantStatus};
use common::test_now;

on_both_databases! {
    async fn the_demo_fills_an_empty_database_once(test: &TestDb) {
        use sea_orm::EntityTrait;

        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        // A database that is in use is left alone.
        let accounts = app::demo::fill(&test.db, test_now(), today).await.unwrap();
        assert_eq!(
            app::demo::fill(&test.db, test_now(), today).await.err(),
            Some(app::error::AppError::Conflict)
        );
        assert_eq!(accounts.0.len(), 4);
        for (role, email, password) in &accounts.0 {
            assert!(password.len() >= 16, "{role:?}: a random password");
            let (user, hash) = app::db::users::find_for_login(&test.db, email).await.unwrap().unwrap();
            assert_eq!(user.role, *role);
            assert_ne!(
                app::auth::password::verify(password, &hash.unwrap()),
                app::auth::password::Verified::No
            );
        }
        let participants = app::db::entities::participant::Entity::find().all(&test.db).await.unwrap();
        let waiting = participants.iter().filter(|p| p.status == ParticipantStatus::Waiting.code()).count();
        assert!(waiting >= 60, "{waiting} waiting");
        let buddies = app::db::entities::buddy::Entity::find().all(&test.db).await.unwrap();
        assert!(buddies.len() >= 25);
        for status in BuddyStatus::ALL {
            assert!(buddies.iter().any(|b| b.status == status.code()), "{status:?}");
        }
    }
}
