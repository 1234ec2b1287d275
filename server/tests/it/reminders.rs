//! The reminder job on SQLite and PostgreSQL, with the test clock: reminders the day before
//! an activity, "nothing for a while" to the buddy, overviews for coordinators; each on the
//! right day only and queued once, also with two instances at the same moment; then
//! delivered over real SMTP.

use crate::common;

use app::db::activities::{self, Change};
use app::db::entities::{activity, buddy, duo, evaluation, outbox, participant};
use app::db::users::NewUser;
use app::domain::account::Role;
use app::domain::activity::Plan;
use app::state::AppState;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use common::TestDb;
use common::smtp::{SmtpServer, with_smtp};
use klik_server::jobs::JobRunner;
use klik_server::jobs::reminders::{KIND_ACTIVITY, KIND_DIGEST, KIND_NUDGE, queue_due};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};

/// Local time in Brussels, as UTC.
fn local(s: &str) -> DateTime<Utc> {
    let naive = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    app::domain::time::DEFAULT_TIME_ZONE
        .from_local_datetime(&naive)
        .unwrap()
        .with_timezone(&Utc)
}

fn set_clock(state: &AppState, at: DateTime<Utc>) {
    let now = state.clock.now();
    state.clock.advance(at - now);
}

async fn messages(test: &TestDb, kind: &str) -> Vec<outbox::Model> {
    outbox::Entity::find()
        .filter(outbox::Column::Kind.eq(kind))
        .order_by_asc(outbox::Column::Id)
        .all(&test.db)
        .await
        .unwrap()
}

struct Programme {
    state: AppState,
    other: AppState,
    a: duo::Model,
    b: duo::Model,
    first_a: String,
    last_a: String,
    kind_id: i32,
    kind_name: String,
    coordinator: i32,
}

/// The demo programme on Friday 27 November 2026, 10:00: two duos signed that day. Buddy A
/// has an account (buddy.a@example.be), buddy B only an address in the profile.
async fn programme(test: &TestDb) -> Programme {
    let state = common::test_state(test);
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    app::demo::fill(&test.db, common::test_now(), today)
        .await
        .unwrap();
    let active = activities::active_duos(&test.db, state.config.time_zone, state.clock.now())
        .await
        .unwrap();
    assert_eq!(active.len(), 2, "the demo has two active duos");
    // The same starting point whatever the demo's own story: both duos signed today,
    // no activities yet, the first evaluation conversations on 27 February.
    activity::Entity::delete_many()
        .exec(&test.db)
        .await
        .unwrap();
    duo::Entity::update_many()
        .col_expr(duo::Column::SignedOn, Expr::value(Some(today)))
        .exec(&test.db)
        .await
        .unwrap();
    evaluation::Entity::update_many()
        .col_expr(
            evaluation::Column::DueOn,
            Expr::value(NaiveDate::from_ymd_opt(2027, 2, 27).unwrap()),
        )
        .filter(evaluation::Column::HeldOn.is_null())
        .exec(&test.db)
        .await
        .unwrap();
    let active = activities::active_duos(&test.db, state.config.time_zone, state.clock.now())
        .await
        .unwrap();
    let (a, b) = (active[0].duo.clone(), active[1].duo.clone());
    let user = app::db::users::create(
        &test.db,
        NewUser {
            email: "buddy.a@example.be",
            display_name: "Buddy A",
            role: Role::Buddy,
            password_hash: None,
        },
        state.clock.now(),
    )
    .await
    .unwrap();
    let buddy_a = buddy::Entity::find_by_id(a.buddy_id)
        .one(&test.db)
        .await
        .unwrap()
        .unwrap();
    let mut buddy_a: buddy::ActiveModel = buddy_a.into();
    buddy_a.user_id = Set(Some(user.id));
    buddy_a.update(&test.db).await.unwrap();
    let buddy_b = buddy::Entity::find_by_id(b.buddy_id)
        .one(&test.db)
        .await
        .unwrap()
        .unwrap();
    let mut profile: serde_json::Value = serde_json::from_str(&buddy_b.profile).unwrap();
    profile["email"] = "buddy.b@example.be".into();
    let mut buddy_b: buddy::ActiveModel = buddy_b.into();
    buddy_b.profile = Set(profile.to_string());
    buddy_b.user_id = Set(None);
    buddy_b.update(&test.db).await.unwrap();
    let pa = participant::Entity::find_by_id(a.participant_id)
        .one(&test.db)
        .await
        .unwrap()
        .unwrap();
    let lists = app::db::lists::load(&test.db, false).await.unwrap();
    let kind = lists
        .activity_kinds
        .first()
        .expect("activity kinds")
        .clone();
    let coordinator = app::db::users::list(&test.db)
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.role == Role::Coordinator)
        .unwrap()
        .id;
    let other = common::another_instance(test, &state).await;
    Programme {
        state,
        other,
        a,
        b,
        first_a: pa.first_name,
        last_a: pa.last_name,
        kind_id: kind.id as i32,
        kind_name: kind.name,
        coordinator,
    }
}

async fn plan(p: &Programme, duo: i32, at: &str, place: &str) -> i32 {
    let starts_at = local(at);
    let plan = Plan {
        kind_id: p.kind_id,
        starts_at: starts_at
            .with_timezone(&app::domain::time::DEFAULT_TIME_ZONE)
            .naive_local(),
        place: place.into(),
        note: "Medicatie niet vergeten".into(),
    };
    activities::plan(
        &p.state.db,
        duo,
        &plan,
        starts_at,
        p.coordinator,
        p.state.clock.now(),
    )
    .await
    .unwrap()
}

/// Both instances at once; the number of reminders they queued together.
async fn both(p: &Programme) -> usize {
    let (x, y) = tokio::join!(queue_due(&p.state), queue_due(&p.other));
    x.unwrap() + y.unwrap()
}

on_both_databases! {
    async fn reminders_come_on_the_right_day_once(test: &TestDb) {
        let p = programme(test).await;
        let activity = plan(&p, p.a.id, "2026-11-30 14:00", "Vrijbroekpark").await;
        assert_eq!(both(&p).await, 0, "Friday: the activity is on Monday");

        set_clock(&p.state, local("2026-11-29 07:30"));
        assert_eq!(both(&p).await, 0, "Sunday, before 8: not yet");

        set_clock(&p.state, local("2026-11-29 08:30"));
        assert_eq!(both(&p).await, 1);
        let sent = messages(test, KIND_ACTIVITY).await;
        assert_eq!(sent.len(), 1);
        let m = &sent[0];
        assert_eq!(m.to_address, "buddy.a@example.be");
        assert_eq!(m.subject, format!("Morgen: {} (14:00)", p.kind_name));
        assert!(m.body.contains(&p.first_a), "{}", m.body);
        assert!(m.body.contains("maandag 30 november 2026 14:00"), "{}", m.body);
        assert!(m.body.contains("Vrijbroekpark"));
        assert!(m.body.contains(&p.state.config.public_url));
        // Nothing else about the participant, and never the notes.
        assert!(!m.body.contains(&p.last_a), "{}", m.body);
        assert!(!m.body.contains("Medicatie"));

        // Again, by either instance: nothing new.
        assert_eq!(queue_due(&p.state).await.unwrap(), 0);
        assert_eq!(queue_due(&p.other).await.unwrap(), 0);

        // Duo B plans for Tuesday; on Monday morning both instances race for it.
        let other = plan(&p, p.b.id, "2026-12-01 10:00", "").await;
        set_clock(&p.state, local("2026-11-30 09:00"));
        assert_eq!(both(&p).await, 1);
        let sent = messages(test, KIND_ACTIVITY).await;
        assert_eq!(sent.len(), 2);
        assert_eq!(sent[1].to_address, "buddy.b@example.be");
        assert!(!sent[1].body.contains("Waar:"), "no place, no line for it");

        // Monday's activity happens; Tuesday's is cancelled. Duo B has done nothing since
        // the signing (27 November), duo A since 30 November; the rhythm allows 21 days.
        set_clock(&p.state, local("2026-11-30 16:00"));
        let now = p.state.clock.now();
        activities::change(&test.db, activity, 0, Change::Confirm, now).await.unwrap();
        activities::change(&test.db, other, 0, Change::Cancel { reason: "ziek" }, now)
            .await
            .unwrap();
        set_clock(&p.state, local("2026-12-18 09:00"));
        assert_eq!(both(&p).await, 0);
        set_clock(&p.state, local("2026-12-19 09:00"));
        assert_eq!(both(&p).await, 1, "duo B: 22 days quiet");
        set_clock(&p.state, local("2026-12-20 09:00"));
        assert_eq!(both(&p).await, 0, "once per quiet spell");
        set_clock(&p.state, local("2026-12-22 09:00"));
        assert_eq!(both(&p).await, 1, "duo A: 22 days quiet");
        let nudges = messages(test, KIND_NUDGE).await;
        let to: Vec<&str> = nudges.iter().map(|m| m.to_address.as_str()).collect();
        assert_eq!(to, ["buddy.b@example.be", "buddy.a@example.be"]);
        assert!(nudges[1].body.contains(&p.first_a) && nudges[1].body.contains("22 dagen"));

        // Coordinators: after the rhythm plus the margin (set to 10 days): duo B on
        // 29 December (31 days quiet is not more than 21 + 10; 32 is).
        let key = app::db::settings::CADENCE_MARGIN_DAYS;
        let version = app::db::settings::get(&test.db, key).await.unwrap().map(|s| s.version);
        app::db::settings::put(&test.db, key, "10", version, now).await.unwrap();
        set_clock(&p.state, local("2026-12-28 09:00"));
        assert_eq!(both(&p).await, 0);
        set_clock(&p.state, local("2026-12-29 09:00"));
        assert_eq!(both(&p).await, 1);
        let digests = messages(test, KIND_DIGEST).await;
        assert_eq!(digests.len(), 1, "one coordinator in the demo");
        assert_eq!(digests[0].to_address, "coordinator@demo.klik");
        assert_eq!(digests[0].subject, "Klik: 1 duo vraagt aandacht");
        assert!(digests[0].body.contains(&format!("/duos/{}", p.b.id)));
        assert!(digests[0].body.contains("32 dagen geen activiteit"));
        assert_eq!(both(&p).await, 0);

        // The evaluation conversations (3 months after the signing) fall due on
        // 27 February: one overview with both, and duo A's flag from January.
        set_clock(&p.state, local("2027-01-02 09:00"));
        assert_eq!(both(&p).await, 1, "duo A flagged");
        set_clock(&p.state, local("2027-02-26 09:00"));
        assert_eq!(both(&p).await, 0);
        set_clock(&p.state, local("2027-02-27 09:00"));
        assert_eq!(both(&p).await, 2);
        let digests = messages(test, KIND_DIGEST).await;
        assert_eq!(digests.len(), 3);
        assert_eq!(digests[2].subject, "Klik: 2 duo's vragen aandacht");
        assert_eq!(digests[2].body.matches("evaluatiegesprek gepland op 27/02/2027").count(), 2);
        // No health data, notes or check-ins anywhere.
        for m in app::db::outbox::latest(&test.db, 100).await.unwrap() {
            assert!(!m.body.contains("Medicatie") && !m.body.contains("ziek"), "{}", m.body);
            assert!(!m.body.contains(&p.last_a));
        }

        // And they all go out, once.
        let smtp = SmtpServer::start().await;
        let state = with_smtp(p.state.clone(), &smtp.url());
        let tick = JobRunner::new(state).unwrap().tick().await;
        assert_eq!((tick.reminders, tick.delivery.sent), (0, 7));
        assert_eq!(smtp.received().len(), 7);
    }

    async fn each_mail_is_in_the_language_of_its_reader(test: &TestDb) {
        use app::i18n::Lang;
        let p = programme(test).await;
        // Buddy A and the coordinator read Klik in English; buddy B has no account, so the
        // programme's Dutch.
        let buddy_a = buddy::Entity::find_by_id(p.a.buddy_id).one(&test.db).await.unwrap().unwrap();
        let user_a = buddy_a.user_id.unwrap();
        app::db::users::set_language(&test.db, user_a, Lang::En).await.unwrap();
        app::db::users::set_language(&test.db, p.coordinator, Lang::En).await.unwrap();
        assert_eq!(app::db::users::language(&test.db, user_a).await.unwrap(), Some(Lang::En));

        plan(&p, p.a.id, "2026-11-30 14:00", "Vrijbroekpark").await;
        plan(&p, p.b.id, "2026-11-30 10:00", "Markt").await;
        set_clock(&p.state, local("2026-11-29 08:30"));
        assert_eq!(both(&p).await, 2);
        let sent = messages(test, KIND_ACTIVITY).await;
        let to_a = sent.iter().find(|m| m.to_address == "buddy.a@example.be").unwrap();
        let to_b = sent.iter().find(|m| m.to_address == "buddy.b@example.be").unwrap();
        assert_eq!(to_a.subject, format!("Tomorrow: {} (14:00)", p.kind_name));
        assert!(to_a.body.contains("Monday 30 November 2026 14:00"), "{}", to_a.body);
        assert_eq!(to_b.subject, format!("Morgen: {} (10:00)", p.kind_name));
        assert!(to_b.body.contains("maandag 30 november 2026 10:00"), "{}", to_b.body);

        // Nothing since the signing: both buddies are nudged, each in their language; the
        // coordinator's overview (margin 0) is in English.
        let key = app::db::settings::CADENCE_MARGIN_DAYS;
        let version = app::db::settings::get(&test.db, key).await.unwrap().map(|s| s.version);
        let now = p.state.clock.now();
        app::db::settings::put(&test.db, key, "0", version, now).await.unwrap();
        activity::Entity::delete_many().exec(&test.db).await.unwrap();
        set_clock(&p.state, local("2026-12-19 09:00"));
        assert!(both(&p).await >= 2);
        let nudges = messages(test, KIND_NUDGE).await;
        let nudge_a = nudges.iter().find(|m| m.to_address == "buddy.a@example.be").unwrap();
        let nudge_b = nudges.iter().find(|m| m.to_address == "buddy.b@example.be").unwrap();
        assert!(nudge_a.subject.starts_with("Anything planned with"), "{}", nudge_a.subject);
        assert!(nudge_b.subject.starts_with("Al iets gepland met"), "{}", nudge_b.subject);
        let digests = messages(test, KIND_DIGEST).await;
        assert_eq!(digests.len(), 1);
        assert_eq!(digests[0].subject, "Klik: 2 duos need attention");
    }

    async fn buddies_without_an_address_are_skipped_until_they_have_one(test: &TestDb) {
        let p = programme(test).await;
        // Buddy B's account is disabled: no mail to the profile address either.
        let user = app::db::users::create(
            &test.db,
            NewUser { email: "oud@example.be", display_name: "Oud", role: Role::Buddy, password_hash: None },
            p.state.clock.now(),
        )
        .await
        .unwrap();
        app::db::users::update_access(&test.db, user.id, 1, Role::Buddy, false, p.state.clock.now())
            .await
            .unwrap();
        let buddy_b = buddy::Entity::find_by_id(p.b.buddy_id).one(&test.db).await.unwrap().unwrap();
        let mut buddy_b: buddy::ActiveModel = buddy_b.into();
        buddy_b.user_id = Set(Some(user.id));
        buddy_b.update(&test.db).await.unwrap();
        plan(&p, p.b.id, "2026-11-28 11:00", "Markt").await;
        assert_eq!(both(&p).await, 0);
        assert!(messages(test, KIND_ACTIVITY).await.is_empty());
        // Enabled again the same day: the reminder still comes.
        app::db::users::update_access(&test.db, user.id, 2, Role::Buddy, true, p.state.clock.now())
            .await
            .unwrap();
        assert_eq!(both(&p).await, 1);
        assert_eq!(messages(test, KIND_ACTIVITY).await[0].to_address, "oud@example.be");
    }

    async fn a_first_name_not_shared_stays_out_of_the_buddys_mails(test: &TestDb) {
        let p = programme(test).await;
        let pa = participant::Entity::find_by_id(p.a.participant_id)
            .one(&test.db)
            .await
            .unwrap()
            .unwrap();
        let mut consent: app::domain::people::Consent = serde_json::from_str(&pa.consent).unwrap();
        consent.share_first_name = false;
        let mut pa: participant::ActiveModel = pa.into();
        pa.consent = Set(serde_json::to_string(&consent).unwrap());
        pa.update(&test.db).await.unwrap();

        plan(&p, p.a.id, "2026-11-28 14:00", "Vrijbroekpark").await;
        assert_eq!(both(&p).await, 1, "the reminder for tomorrow");
        // Whether or not the unconfirmed activity counts, duo A is quiet for over 21 days.
        set_clock(&p.state, local("2026-12-30 09:00"));
        assert!(both(&p).await >= 1, "the nudge after a quiet spell");
        let mails = [messages(test, KIND_ACTIVITY).await, messages(test, KIND_NUDGE).await];
        let to_a: Vec<&outbox::Model> = mails
            .iter()
            .flatten()
            .filter(|m| m.to_address == "buddy.a@example.be")
            .collect();
        assert_eq!(to_a.len(), 2, "{to_a:?}");
        for m in to_a {
            assert!(!m.subject.contains(&p.first_a), "{}", m.subject);
            assert!(!m.body.contains(&p.first_a), "{}", m.body);
            assert!(m.body.contains("je duo-partner"), "{}", m.body);
        }
    }
}
