//! The background jobs of three instances on one database, one of them killed in the middle
//! of its run. The kill is the abort of its task: its open transaction rolls back and its
//! connections close, as when the process dies (the real-process kills are in `crash`).
//! Afterwards every due reminder was queued exactly once, every message was delivered (the
//! one the killed instance may have been handing to the mail server at most twice), and a
//! retention run left unfinished is taken over by exactly one instance once its lease ran out.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use app::db::entities::{activity, outbox, retention_run};
use app::state::AppState;
use chrono::TimeZone;
use common::smtp::{SmtpServer, with_smtp};
use klik_server::jobs::JobRunner;
use klik_server::jobs::reminders::KIND_ACTIVITY;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

use crate::common;

const BUDDIES: usize = 30;
/// Activities per duo, all planned for tomorrow: each gets its reminder today.
const PER_DUO: usize = 4;

async fn queued(db: &DatabaseConnection) -> u64 {
    outbox::Entity::find().count(db).await.unwrap()
}

/// Ticks until a tick does nothing.
async fn tick_until_quiet(runner: &JobRunner) {
    loop {
        let tick = runner.tick().await;
        let d = tick.delivery;
        if tick.reminders == 0 && d.sent + d.retrying + d.failed + d.skipped == 0 {
            return;
        }
    }
}

on_both_databases! {
    async fn three_instances_and_one_killed_mid_run_queue_every_reminder_once(test: &TestDb) {
        let now = common::test_now();
        klik_server::load::seed(&test.db, BUDDIES, PER_DUO - 1, now).await.expect("seeded");
        // Every activity planned for tomorrow (Saturday), one hour apart within each duo.
        let tz = app::domain::time::DEFAULT_TIME_ZONE;
        let tomorrow_nine = tz.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap();
        let activities = activity::Entity::find()
            .order_by_asc(activity::Column::Id)
            .all(&test.db)
            .await
            .unwrap();
        assert_eq!(activities.len(), BUDDIES * PER_DUO);
        let mut per_duo: HashMap<i32, i64> = HashMap::new();
        for a in &activities {
            let k = per_duo.entry(a.duo_id).or_default();
            let starts = (tomorrow_nine + chrono::Duration::hours(*k)).with_timezone(&chrono::Utc);
            *k += 1;
            activity::Entity::update_many()
                .col_expr(activity::Column::StartsAt, Expr::value(starts))
                .filter(activity::Column::Id.eq(a.id))
                .exec(&test.db)
                .await
                .unwrap();
        }

        let smtp = SmtpServer::start().await;
        let first = with_smtp(common::test_state(test), &smtp.url());
        // Three instances with pools of their own, and a fourth pool to watch them: on
        // SQLite the test's own pool is one connection, which an instance would hold.
        let mut instances = Vec::new();
        for _ in 0..3 {
            instances.push(common::another_instance(test, &first).await);
        }
        let watch = common::another_instance(test, &first).await.db;
        let runners: Vec<Arc<JobRunner>> = instances
            .into_iter()
            .map(|state| Arc::new(JobRunner::new(state).unwrap()))
            .collect();
        let tasks: Vec<_> = runners
            .iter()
            .map(|runner| {
                let runner = runner.clone();
                tokio::spawn(async move { tick_until_quiet(&runner).await })
            })
            .collect();
        // Killed while all three are queueing: some reminders are in, not all.
        let total = (BUDDIES * PER_DUO) as u64;
        let mut at_kill = 0;
        for _ in 0..20_000 {
            at_kill = queued(&watch).await;
            if at_kill >= 5 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
        tasks[0].abort();
        assert!(
            (1..total).contains(&at_kill),
            "killed in the middle of the run: {at_kill} of {total} queued"
        );
        for (n, task) in tasks.into_iter().enumerate() {
            let outcome = task.await;
            if n == 0 {
                assert!(outcome.unwrap_err().is_cancelled(), "killed under way");
            } else {
                outcome.unwrap();
            }
        }
        // A message the killed instance had claimed waits for its lease to run out.
        first.clock.advance(chrono::Duration::minutes(11));
        for runner in &runners[1..] {
            tick_until_quiet(runner).await;
        }

        let messages = outbox::Entity::find().all(&test.db).await.unwrap();
        let reminders = messages.iter().filter(|m| m.kind == KIND_ACTIVITY).count();
        assert_eq!(reminders, BUDDIES * PER_DUO, "one reminder per activity, none twice");
        let mut distinct: Vec<_> = messages
            .iter()
            .map(|m| (m.kind.as_str(), m.to_address.as_str(), m.subject.as_str()))
            .collect();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), messages.len(), "no message queued twice");
        assert!(
            messages.iter().all(|m| m.status == "sent"),
            "every message delivered"
        );
        let mut expected: HashMap<&str, usize> = HashMap::new();
        for m in &messages {
            *expected.entry(m.to_address.as_str()).or_default() += 1;
        }
        let mut received: HashMap<String, usize> = HashMap::new();
        for r in smtp.received() {
            for to in r.to {
                *received.entry(to).or_default() += 1;
            }
        }
        let mut extra = 0;
        for (to, n) in &expected {
            let got = received.get(*to).copied().unwrap_or_default();
            assert!(got >= *n, "{got} of {n} messages reached one address");
            extra += got - n;
        }
        assert!(extra <= 1, "{extra} messages delivered twice");

        // One retention run today, finished; ticking again queues and sends nothing.
        let runs = retention_run::Entity::find().all(&test.db).await.unwrap();
        assert_eq!(runs.len(), 1);
        for runner in &runners[1..] {
            assert_eq!(runner.tick().await.reminders, 0);
        }
        assert_eq!(queued(&test.db).await as usize, messages.len());
    }

    async fn a_retention_run_left_unfinished_is_taken_over_once_after_its_lease(test: &TestDb) {
        let a = common::test_state(test);
        let today = app::domain::time::local_date(a.clock.now(), a.config.time_zone);
        // An instance claims today's run and dies before finishing it.
        let dead = app::db::retention::claim_run(&test.db, today, a.clock.now())
            .await
            .unwrap();
        assert!(dead.is_some());
        let b = common::another_instance(test, &a).await;
        let c = common::another_instance(test, &a).await;
        let all = |a: AppState, b: AppState, c: AppState| async move {
            use klik_server::jobs::retention::run_due;
            let (x, y, z) = tokio::join!(run_due(&a), run_due(&b), run_due(&c));
            [x.unwrap(), y.unwrap(), z.unwrap()].into_iter().flatten().count()
        };
        a.clock.advance(chrono::Duration::minutes(14));
        assert_eq!(all(a.clone(), b.clone(), c.clone()).await, 0, "within the lease: nobody");
        a.clock.advance(chrono::Duration::minutes(2));
        assert_eq!(all(a.clone(), b.clone(), c.clone()).await, 1, "after it: exactly one");
        let run = retention_run::Entity::find().one(&test.db).await.unwrap().unwrap();
        assert!(run.finished_at.is_some(), "the run that took over finished it");
        a.clock.advance(chrono::Duration::minutes(30));
        assert_eq!(all(a.clone(), b, c).await, 0, "a finished run is never run again");
    }
}
