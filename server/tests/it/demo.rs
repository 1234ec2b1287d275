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
                app::auth::password::verify(password, &hash.unwrap()).await.unwrap(),
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

        // A few wait who speak only Arabic, French, Turkish or Berber: a buddy who speaks
        // only Dutch is blocked for them, with the reason in words.
        let ctx = app::db::matching::context(&test.db, today).await.unwrap();
        let waiting: Vec<_> = app::db::matching::waiting(&test.db).await.unwrap().into_iter().map(|(c, _)| c).collect();
        for key in ["ar", "fr", "tr", "ber"] {
            assert!(waiting.iter().any(|p| p.profile.languages == [key]), "nobody waits who speaks only {key}");
        }
        let dutch_only = app::db::matching::available_buddies(&test.db).await.unwrap().into_iter()
            .map(|(b, _)| b).find(|b| b.profile.languages == ["nl"]).expect("a buddy who speaks only Dutch");
        let arabic = waiting.iter().find(|p| p.profile.languages == ["ar"]).unwrap();
        let a = app::matching::assess_pair(arabic, &dutch_only, &ctx);
        let reasons: Vec<String> = a.blockers.iter().map(|b| app::i18n::explain::blocker(app::i18n::Lang::Nl, b)).collect();
        assert!(reasons.iter().any(|r| r.starts_with("geen gemeenschappelijke taal: de deelnemer spreekt Arabisch")), "{reasons:?}");

        // The wait estimate's backtest reads the stretches on the list from the status
        // history: everyone waiting now has an open one, and the history has ended ones.
        use app::matching::backtest::EpisodeEnd;
        let episodes = app::db::matching::wait_episodes(&test.db, app::domain::time::DEFAULT_TIME_ZONE).await.unwrap();
        for p in &waiting {
            assert!(episodes.iter().any(|e| e.participant.id == p.id && e.end.is_none()), "{} has no open stretch", p.id);
        }
        assert!(episodes.iter().any(|e| matches!(e.end, Some(EpisodeEnd::Matched { .. }))));
        assert!(episodes.iter().all(|e| match e.end {
            Some(EpisodeEnd::Matched { on } | EpisodeEnd::Left { on }) => on >= e.participant.waiting_since,
            None => true,
        }));
    }
}
