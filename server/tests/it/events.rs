//! Events: a coordinator makes an intervision series and invites the active buddies (a mail
//! each, nobody twice); buddies answer on their phone, the waiting list moves when a place
//! frees; attendance is a flag, ticked twice it counts once; the partner sees only the events
//! it co-organises and never a participant; bad input and late answers write nothing.

use crate::common;

use app::api::events::{EventList, Invited};
use app::db::entities::{event, event_invitation, outbox};
use app::domain::account::Role;
use app::domain::event::{Answer, AnswerRefusal, EventDetail, Invitee, MyInvitation, Seat};
use app::error::AppError;
use axum::http::StatusCode;
use common::Backend;
use common::server::Server;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

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
    assert!(!reply.status.is_success(), "{name} should be refused");
    reply.error()
}

/// The form of an intervision series: the second Tuesday of every month from December to
/// June (the test clock says Friday 27 November 2026), with `changes` on top.
fn series(changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = [
        ("form[kind]", "intervision"),
        ("form[title]", "Intervisie"),
        ("form[place]", "Zaal De Kade, Mechelen"),
        ("form[date]", "2026-12-08"),
        ("form[starts]", "19:00"),
        ("form[ends]", "21:00"),
        ("form[repeat]", "monthly"),
        ("form[until]", "2027-06-30"),
        ("form[capacity]", "1"),
        ("form[organiser]", "programme"),
        ("form[answers_open]", "on"),
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

async fn create(server: &Server, cookie: &str, form: &[(String, String)]) -> common::Reply {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    server.call("create_event", &pairs, Some(cookie)).await
}

async fn created(server: &Server, cookie: &str, form: &[(String, String)]) -> i64 {
    let reply = create(server, cookie, form).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

async fn counts(server: &Server) -> (u64, u64, u64) {
    let db = &server.test.db;
    (
        event::Entity::find().count(db).await.unwrap(),
        event_invitation::Entity::find().count(db).await.unwrap(),
        outbox::Entity::find()
            .filter(outbox::Column::Kind.eq("event_invitation"))
            .count(db)
            .await
            .unwrap(),
    )
}

async fn a_series_is_invited_answered_and_ticked(backend: Backend) {
    let (server, buddy, _, other, _, coordinator) = crate::activities::programme(backend).await;

    let first = created(&server, &coordinator, &series(&[])).await;
    let list: EventList = ok(&server, "list_events", &[], &coordinator).await;
    let days: Vec<String> = list
        .events
        .iter()
        .map(|e| e.starts_at.date().to_string())
        .collect();
    assert_eq!(
        days,
        [
            "2026-12-08",
            "2027-01-12",
            "2027-02-09",
            "2027-03-09",
            "2027-04-13",
            "2027-05-11",
            "2027-06-08"
        ],
        "every second Tuesday"
    );
    assert!(list.events.iter().all(|e| e.series_id == Some(first)));

    let id = first.to_string();
    let invite = [("id", id.as_str()), ("form[audience]", "active_buddies")];
    // The demo's history holds past intervision: counted from here.
    let history = counts(&server).await.1;
    let invited: Invited = ok(&server, "invite_to_event", &invite, &coordinator).await;
    assert!(invited.people >= 2, "the demo's active duos");
    assert_eq!(invited.sessions, 7);
    assert_eq!(invited.mails, 2, "the two buddies with an account");
    let (_, invitations, mails) = counts(&server).await;
    assert_eq!(invitations, history + 7 * u64::from(invited.people));
    assert_eq!(mails, 2);
    // Inviting again adds nobody and mails nobody.
    let again: Invited = ok(&server, "invite_to_event", &invite, &coordinator).await;
    assert_eq!((again.people, again.mails), (0, 0));
    assert_eq!(counts(&server).await.1, invitations);

    // The buddies answer on their phone: one place, so the second waits.
    let mine: Vec<MyInvitation> = ok(&server, "my_invitations", &[], &buddy).await;
    assert_eq!(mine.len(), 7);
    assert_eq!(mine[0].event.id, first);
    assert_eq!(mine[0].refusal, None);
    let my_first = mine[0].invitation_id.to_string();
    let theirs: Vec<MyInvitation> = ok(&server, "my_invitations", &[], &other).await;
    let their_first = theirs[0].invitation_id.to_string();
    let answer = |inv: &str, a: &'static str| {
        vec![("invitation_id", inv.to_owned()), ("answer", a.to_owned())]
    };
    let call = |form: Vec<(&'static str, String)>| form;
    for (cookie, inv) in [(&buddy, &my_first), (&other, &their_first)] {
        let form = call(answer(inv, "yes"));
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let reply = server.call("answer_invitation", &pairs, Some(cookie)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        server.state.clock.advance(chrono::Duration::seconds(1));
    }
    let mine: Vec<MyInvitation> = ok(&server, "my_invitations", &[], &buddy).await;
    assert_eq!(
        (mine[0].answer, mine[0].seat),
        (Some(Answer::Yes), Some(Seat::Placed))
    );
    let theirs: Vec<MyInvitation> = ok(&server, "my_invitations", &[], &other).await;
    assert_eq!(theirs[0].seat, Some(Seat::Waiting(1)));
    // Saying yes again keeps one's place in line.
    let ok_reply = server
        .call(
            "answer_invitation",
            &[("invitation_id", &my_first), ("answer", "yes")],
            Some(&buddy),
        )
        .await;
    assert_eq!(ok_reply.status, StatusCode::OK);
    let mine: Vec<MyInvitation> = ok(&server, "my_invitations", &[], &buddy).await;
    assert_eq!(mine[0].seat, Some(Seat::Placed));
    // The first says no after all: the waiting one moves up.
    let no = [("invitation_id", my_first.as_str()), ("answer", "no")];
    ok::<()>(&server, "answer_invitation", &no, &buddy).await;
    let theirs: Vec<MyInvitation> = ok(&server, "my_invitations", &[], &other).await;
    assert!(
        matches!(theirs[0].seat, Some(Seat::Offered(_))),
        "a place to confirm: {:?}",
        theirs[0].seat
    );
    // ... and is told by mail.
    let told = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("event_place"))
        .all(&server.test.db)
        .await
        .unwrap();
    let their_address = server.whoami(&other).await.unwrap().email;
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].to_address, their_address);

    // Someone else's invitation, or nonsense, is refused and changes nothing.
    let before = event_invitation::Entity::find_by_id(their_first.parse::<i32>().unwrap())
        .one(&server.test.db)
        .await
        .unwrap();
    let steal = [("invitation_id", their_first.as_str()), ("answer", "no")];
    assert_eq!(
        refused(&server, "answer_invitation", &steal, &buddy).await,
        AppError::NotFound
    );
    for bad in ["ja", "", "YES", "<b>yes</b>"] {
        let form = [("invitation_id", their_first.as_str()), ("answer", bad)];
        assert!(matches!(
            refused(&server, "answer_invitation", &form, &other).await,
            AppError::Validation { .. }
        ));
    }
    let after = event_invitation::Entity::find_by_id(their_first.parse::<i32>().unwrap())
        .one(&server.test.db)
        .await
        .unwrap();
    assert_eq!(before, after);

    // Attendance: ticked twice by two people, counted once.
    let tick = [
        ("invitation_id", their_first.as_str()),
        ("attended", "true"),
    ];
    let admin = server.session_for("a@example.be", Role::Admin).await;
    ok::<()>(&server, "tick_attendance", &tick, &coordinator).await;
    ok::<()>(&server, "tick_attendance", &tick, &admin).await;
    let detail: EventDetail = ok(&server, "get_event", &[("id", &id)], &coordinator).await;
    assert_eq!(detail.event.counts.attended, 1);
    assert_eq!((detail.event.counts.yes, detail.event.counts.no), (1, 1));
    assert!(
        detail
            .invitations
            .iter()
            .all(|r| matches!(r.invitee, Invitee::Buddy { .. }))
    );

    // A cancelled session takes no more answers; a session that began neither.
    ok::<()>(&server, "cancel_event", &[("id", &id)], &coordinator).await;
    let form = [("invitation_id", their_first.as_str()), ("answer", "maybe")];
    assert_eq!(
        refused(&server, "answer_invitation", &form, &other).await,
        AppError::AnswerRefused(AnswerRefusal::Cancelled)
    );
    let second = mine[1].invitation_id.to_string();
    server.state.clock.advance(chrono::Duration::days(60));
    let buddy = crate::activities::again(&server, "b1@example.be").await;
    let form = [("invitation_id", second.as_str()), ("answer", "yes")];
    assert_eq!(
        refused(&server, "answer_invitation", &form, &buddy).await,
        AppError::AnswerRefused(AnswerRefusal::Started)
    );
}

async fn bad_events_write_nothing(backend: Backend) {
    let server = Server::new(backend).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let cases: Vec<(&str, Vec<(String, String)>)> = vec![
        ("date", series(&[("form[date]", "2026-11-20")])),
        ("ends", series(&[("form[ends]", "18:00")])),
        ("capacity", series(&[("form[capacity]", "0")])),
        ("capacity", series(&[("form[capacity]", "-5")])),
        ("capacity", series(&[("form[capacity]", "1000000000")])),
        ("until", series(&[("form[until]", "2026-12-01")])),
        (
            "until",
            series(&[("form[repeat]", "weekly"), ("form[until]", "2036-12-31")]),
        ),
        ("kind", series(&[("form[kind]", "feest")])),
        ("title", series(&[("form[title]", "   ")])),
    ];
    for (field, form) in cases {
        let reply = create(&server, &coordinator, &form).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert!(
            reply.error().problem_at(field).is_some(),
            "{field}: {}",
            reply.body
        );
    }
    assert_eq!(counts(&server).await, (0, 0, 0));
    // Without JavaScript the refused form comes back with what was typed.
    let form = series(&[
        ("form[title]", "Intervisie voorjaar"),
        ("form[ends]", "18:00"),
    ]);
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let refused = server
        .post_form("create_event", &pairs, Some(&coordinator), "/events/new")
        .await;
    assert_eq!(refused.status, StatusCode::FOUND, "{}", refused.body);
    let back = refused
        .header("location")
        .expect("back to the form")
        .to_owned();
    assert!(
        !back.contains("voorjaar"),
        "nothing typed in the address: {back}"
    );
    let draft = refused.cookie("klik_draft").expect("a draft cookie");
    let path = back.trim_start_matches("http://localhost");
    let page = server
        .get(path, Some(&format!("{coordinator}; {draft}")))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("value=\"Intervisie voorjaar\""),
        "title kept"
    );
    assert!(page.body.contains("value=\"18:00\""), "end kept");
    assert_eq!(counts(&server).await, (0, 0, 0));
    // A title with markup is kept as text.
    let id = created(
        &server,
        &coordinator,
        &series(&[
            ("form[title]", "<img src=x onerror=alert(1)>"),
            ("form[repeat]", "once"),
        ]),
    )
    .await;
    let page = server
        .get(&format!("/events/{id}"), Some(&coordinator))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("<img src=x"));
}

async fn the_partner_sees_its_own_events_without_participants(backend: Backend) {
    let server = Server::new(backend).await;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    app::demo::fill(&server.test.db, common::test_now(), today)
        .await
        .unwrap();
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let partner = server.session_for("s@example.be", Role::Screener).await;
    let ours = created(&server, &coordinator, &series(&[("form[repeat]", "once")])).await;
    let shared = created(
        &server,
        &coordinator,
        &series(&[
            ("form[repeat]", "once"),
            ("form[kind]", "waiting_meeting"),
            ("form[organiser]", "both"),
            ("form[capacity]", ""),
        ]),
    )
    .await;
    let shared_id = shared.to_string();
    for audience in ["waiting_participants", "buddies_without_duo"] {
        let form = [("id", shared_id.as_str()), ("form[audience]", audience)];
        let invited: Invited = ok(&server, "invite_to_event", &form, &coordinator).await;
        assert!(invited.people > 0, "{audience}");
        if audience == "waiting_participants" {
            assert_eq!(invited.mails, 0, "participants are called or get a letter");
        }
    }
    let list: EventList = ok(&server, "list_events", &[], &partner).await;
    let ids: Vec<i64> = list.events.iter().map(|e| e.id).collect();
    assert_eq!(ids, vec![shared]);
    assert_eq!(
        refused(&server, "get_event", &[("id", &ours.to_string())], &partner).await,
        AppError::NotFound
    );
    let theirs: EventDetail = ok(&server, "get_event", &[("id", &shared_id)], &partner).await;
    assert!(!theirs.invitations.is_empty());
    assert!(
        theirs
            .invitations
            .iter()
            .all(|r| matches!(r.invitee, Invitee::Buddy { .. }))
    );
    let full: EventDetail = ok(&server, "get_event", &[("id", &shared_id)], &coordinator).await;
    assert!(full.event.counts.invited > theirs.event.counts.invited);
    let participant_row = full
        .invitations
        .iter()
        .find(|r| matches!(r.invitee, Invitee::Participant { .. }))
        .unwrap();
    let page = server
        .get(&format!("/events/{shared}"), Some(&partner))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains(participant_row.invitee.name()));
    // The partner ticks buddies at its event, never a participant, nothing at another event.
    let row = participant_row.id.to_string();
    let tick = [("invitation_id", row.as_str()), ("attended", "true")];
    assert_eq!(
        refused(&server, "tick_attendance", &tick, &partner).await,
        AppError::NotFound
    );
    let buddy_row = theirs.invitations[0].id.to_string();
    let tick = [("invitation_id", buddy_row.as_str()), ("attended", "true")];
    ok::<()>(&server, "tick_attendance", &tick, &partner).await;
    // The coordinator records a participant's answer given on the phone.
    let answer = [("invitation_id", row.as_str()), ("answer", "yes")];
    ok::<()>(&server, "record_event_answer", &answer, &coordinator).await;
    assert_eq!(
        refused(&server, "record_event_answer", &answer, &partner).await,
        AppError::Forbidden
    );
    let full: EventDetail = ok(&server, "get_event", &[("id", &shared_id)], &coordinator).await;
    assert_eq!((full.event.counts.yes, full.event.counts.attended), (1, 1));

    // Letters and a call list for the participants, never for the partner.
    let letters: app::domain::event::Letters = ok(
        &server,
        "event_letters",
        &[("id", &shared_id)],
        &coordinator,
    )
    .await;
    let participants = full
        .invitations
        .iter()
        .filter(|r| matches!(r.invitee, Invitee::Participant { .. }))
        .count();
    assert_eq!(letters.people.len(), participants);
    assert!(letters.people.iter().any(|p| p.answer == Some(Answer::Yes)));
    assert_eq!(
        refused(&server, "event_letters", &[("id", &shared_id)], &partner).await,
        AppError::Forbidden
    );
    let page = server
        .get(&format!("/events/{shared}/letters"), Some(&coordinator))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let tail = &page.body[page.body.find("<main").unwrap_or(0)..];
    assert_eq!(
        page.body.matches("take-home letter").count(),
        participants,
        "{}",
        &tail[..tail.len().min(3000)]
    );
    assert!(
        page.body
            .contains(&format!("Beste {},", letters.people[0].first_name))
    );
}

async fn buddies_who_stay_away_from_intervision_are_flagged(backend: Backend) {
    use app::db::entities::duo;
    use app::domain::event::{MissedIntervision, PersonEvent};

    let (server, buddy, my_duo, _, _, coordinator) = crate::activities::programme(backend).await;
    let me = duo::Entity::find_by_id(my_duo)
        .one(&server.test.db)
        .await
        .unwrap()
        .unwrap()
        .buddy_id;
    // Tomorrow's intervision, with every active buddy invited.
    let id = created(
        &server,
        &coordinator,
        &series(&[
            ("form[repeat]", "once"),
            ("form[date]", "2026-11-28"),
            ("form[capacity]", ""),
        ]),
    )
    .await
    .to_string();
    let invite = [("id", id.as_str()), ("form[audience]", "active_buddies")];
    ok::<Invited>(&server, "invite_to_event", &invite, &coordinator).await;
    let mine: Vec<MyInvitation> = ok(&server, "my_invitations", &[], &buddy).await;
    let row = mine[0].invitation_id.to_string();
    server.state.clock.advance(chrono::Duration::days(2));
    let coordinator = crate::activities::again(&server, "c@example.be").await;
    let tick = [("invitation_id", row.as_str()), ("attended", "true")];
    ok::<()>(&server, "tick_attendance", &tick, &coordinator).await;

    let (months, missed): (u32, Vec<MissedIntervision>) =
        ok(&server, "missed_intervision", &[], &coordinator).await;
    assert_eq!(months, 6, "the default");
    assert!(
        missed.iter().all(|m| m.buddy_id != i64::from(me)),
        "came two days ago"
    );
    let events: Vec<PersonEvent> = ok(
        &server,
        "person_events",
        &[("kind", "buddy"), ("id", &me.to_string())],
        &coordinator,
    )
    .await;
    assert_eq!(events.len(), 1);
    assert!(events[0].attended);
    // The buddy's data (art. 15) names it too.
    let data: app::domain::person_data::BuddyData = ok(
        &server,
        "load_buddy_data",
        &[("id", &me.to_string())],
        &coordinator,
    )
    .await;
    assert_eq!(data.events, events);

    // Seven months later they are flagged, with the day they last came.
    server.state.clock.advance(chrono::Duration::days(7 * 31));
    let coordinator = crate::activities::again(&server, "c@example.be").await;
    let (_, missed): (u32, Vec<MissedIntervision>) =
        ok(&server, "missed_intervision", &[], &coordinator).await;
    let flagged = missed
        .iter()
        .find(|m| m.buddy_id == i64::from(me))
        .expect("flagged");
    assert_eq!(
        flagged.last_attended,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28)
    );
    let home = server.get("/", Some(&coordinator)).await;
    assert!(home.body.contains("Lang niet op intervisie"));
    assert!(home.body.contains(&flagged.name));
    // A buddy cannot read anyone's events record.
    let buddy = crate::activities::again(&server, "b1@example.be").await;
    let form = [("kind", "buddy"), ("id", "1")];
    assert_eq!(
        refused(&server, "person_events", &form, &buddy).await,
        AppError::Forbidden
    );
}

/// The link of the first mail to `to` that the SMTP listener received.
fn answer_link(smtp: &common::smtp::SmtpServer, to: &str) -> String {
    let mail = smtp
        .received()
        .into_iter()
        .find(|m| m.to.iter().any(|t| t == to))
        .expect("a mail to the buddy");
    let text = mail.text();
    let start = text
        .find("/events/answer?token=")
        .expect("a link in the mail");
    let token: String = text[start + "/events/answer?token=".len()..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    assert_eq!(token.len(), 43, "{text}");
    token
}

async fn the_mail_link_answers_once_and_signs_nobody_in(backend: Backend) {
    use klik_server::jobs::JobRunner;

    let (server, buddy, _, _, _, coordinator) = crate::activities::programme(backend).await;
    let smtp = common::smtp::SmtpServer::start().await;
    let id = created(&server, &coordinator, &series(&[("form[repeat]", "once")]))
        .await
        .to_string();
    let invite = [("id", id.as_str()), ("form[audience]", "active_buddies")];
    ok::<Invited>(&server, "invite_to_event", &invite, &coordinator).await;
    let state = common::smtp::with_smtp(server.state.clone(), &smtp.url());
    let runner = JobRunner::new(state).unwrap();
    assert!(
        runner.tick().await.delivery.sent >= 2,
        "the two invitations, and what else waited"
    );
    let me = server.whoami(&buddy).await.unwrap();
    let token = answer_link(&smtp, &me.email);

    // Opening the link (a mail scanner does) shows the event and changes nothing.
    let info = server
        .call("answer_link_info", &[("token", &token)], None)
        .await;
    assert_eq!(info.status, StatusCode::OK, "{}", info.body);
    let page = server
        .get(&format!("/events/answer?token={token}"), None)
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Intervisie"));
    assert!(page.body.contains(r#"name="robots" content="noindex""#));
    let mine: Vec<MyInvitation> = ok(&server, "my_invitations", &[], &buddy).await;
    assert_eq!(mine[0].answer, None);

    // An altered link, nonsense, then the real answer: once.
    let mut altered = token.clone();
    altered.replace_range(0..1, if token.starts_with('A') { "B" } else { "A" });
    let form = [("token", altered.as_str()), ("answer", "yes")];
    assert_eq!(
        server.call("answer_by_link", &form, None).await.error(),
        AppError::Expired
    );
    let form = [("token", token.as_str()), ("answer", "jazeker")];
    assert!(matches!(
        server.call("answer_by_link", &form, None).await.error(),
        AppError::Validation { .. }
    ));
    let form = [("token", token.as_str()), ("answer", "yes")];
    let reply = server.call("answer_by_link", &form, None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.session_cookie().is_none(), "the link signs nobody in");
    let mine: Vec<MyInvitation> = ok(&server, "my_invitations", &[], &buddy).await;
    assert_eq!(
        (mine[0].answer, mine[0].seat),
        (Some(Answer::Yes), Some(Seat::Placed))
    );
    let form = [("token", token.as_str()), ("answer", "no")];
    assert_eq!(
        server.call("answer_by_link", &form, None).await.error(),
        AppError::Expired
    );
    let mine: Vec<MyInvitation> = ok(&server, "my_invitations", &[], &buddy).await;
    assert_eq!(
        mine[0].answer,
        Some(Answer::Yes),
        "a used link changes nothing"
    );
    // On the phone the answer can still change, until the event.
    let change = [
        ("invitation_id", &mine[0].invitation_id.to_string()[..]),
        ("answer", "maybe"),
    ];
    ok::<()>(&server, "answer_invitation", &change, &buddy).await;
}

async fn a_campaign_counts_the_applications_that_name_its_code(backend: Backend) {
    use app::db::entities::buddy;

    let server = Server::new(backend).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let id = created(
        &server,
        &coordinator,
        &series(&[
            ("form[repeat]", "once"),
            ("form[kind]", "campaign"),
            ("form[title]", "Infostand op de markt"),
        ]),
    )
    .await
    .to_string();
    let detail: EventDetail = ok(&server, "get_event", &[("id", &id)], &coordinator).await;
    let (code, tally) = detail.campaign.expect("a campaign has a code");
    assert_eq!(code.len(), 6);
    assert_eq!(tally.applications, 0);
    // An ordinary event has none.
    let other = created(&server, &coordinator, &series(&[("form[repeat]", "once")])).await;
    let plain: EventDetail = ok(
        &server,
        "get_event",
        &[("id", &other.to_string())],
        &coordinator,
    )
    .await;
    assert_eq!(plain.campaign, None);

    // A wrong code is refused at its field and nothing is written; the right one, typed
    // loosely, counts.
    let buddies = || buddy::Entity::find().count(&server.test.db);
    for bad in ["ZZZZZZ", "<script>", "ABCDEFGHJKLMN"] {
        let form = crate::buddies::application("Nina", &[("form[campaign_code]", bad)]);
        let reply = crate::buddies::apply(&server, &form).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(reply.error().problem_at("campaign_code").is_some(), "{bad}");
    }
    assert_eq!(buddies().await.unwrap(), 0);
    let loose = format!(" {}-{} ", &code[..3], code[3..].to_lowercase());
    let form = crate::buddies::application("Nina", &[("form[campaign_code]", &loose)]);
    let reply = crate::buddies::apply(&server, &form).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let form = crate::buddies::application("Omar", &[("form[heard_via]", "friends")]);
    assert_eq!(
        crate::buddies::apply(&server, &form).await.status,
        StatusCode::OK
    );
    let stored = buddy::Entity::find().all(&server.test.db).await.unwrap();
    let nina = stored.iter().find(|b| b.first_name == "Nina").unwrap();
    assert_eq!(nina.heard_via.as_deref(), Some("campaign"));
    assert_eq!(nina.campaign_event_id, Some(id.parse().unwrap()));
    let omar = stored.iter().find(|b| b.first_name == "Omar").unwrap();
    assert_eq!(
        (omar.heard_via.as_deref(), omar.campaign_event_id),
        (Some("friends"), None)
    );

    let detail: EventDetail = ok(&server, "get_event", &[("id", &id)], &coordinator).await;
    let (_, tally) = detail.campaign.unwrap();
    assert_eq!(
        (tally.applications, tally.approved, tally.matched),
        (1, 0, 0)
    );
    let page = server
        .get(&format!("/events/{id}"), Some(&coordinator))
        .await;
    assert!(
        page.body
            .contains("1 kandidaat-buddy&#x27;s meldden zich aan")
            || page.body.contains("1 kandidaat-buddy's meldden zich aan")
    );
}

/// The seat of invitation `id` on the event page.
async fn seat(server: &Server, cookie: &str, event: &str, id: i64) -> Option<Seat> {
    let detail: EventDetail = ok(server, "get_event", &[("id", event)], cookie).await;
    detail
        .invitations
        .iter()
        .find(|r| r.id == id)
        .expect("the invitation")
        .seat
}

async fn a_freed_place_waits_for_confirmation_then_passes_on(backend: Backend) {
    let (server, buddy, _, other, _, coordinator) = crate::activities::programme(backend).await;
    let id = created(&server, &coordinator, &series(&[("form[repeat]", "once")]))
        .await
        .to_string();
    let invite = [("id", id.as_str()), ("form[audience]", "active_buddies")];
    ok::<Invited>(&server, "invite_to_event", &invite, &coordinator).await;
    let mine: Vec<MyInvitation> = ok(&server, "my_invitations", &[], &buddy).await;
    let theirs: Vec<MyInvitation> = ok(&server, "my_invitations", &[], &other).await;
    let (a, b) = (mine[0].invitation_id, theirs[0].invitation_id);
    // A waiting participant is invited too, by phone.
    let invite = [
        ("id", id.as_str()),
        ("form[audience]", "waiting_participants"),
    ];
    ok::<Invited>(&server, "invite_to_event", &invite, &coordinator).await;
    let detail: EventDetail = ok(&server, "get_event", &[("id", &id)], &coordinator).await;
    let c = detail
        .invitations
        .iter()
        .find(|r| matches!(r.invitee, Invitee::Participant { .. }))
        .expect("a waiting participant")
        .id;
    // One place: A has it, B and then C wait (C phoned the coordinator).
    for (who, cookie, inv) in [("a", &buddy, a), ("b", &other, b), ("c", &coordinator, c)] {
        let inv = inv.to_string();
        let form = [("invitation_id", inv.as_str()), ("answer", "yes")];
        let name = if who == "c" {
            "record_event_answer"
        } else {
            "answer_invitation"
        };
        ok::<()>(&server, name, &form, cookie).await;
        server.state.clock.advance(chrono::Duration::seconds(1));
    }
    assert_eq!(
        seat(&server, &coordinator, &id, c).await,
        Some(Seat::Waiting(2))
    );

    // A says no: the place is B's for 48 hours (the default), and B is told until when.
    let form = [("invitation_id", &a.to_string()[..]), ("answer", "no")];
    ok::<()>(&server, "answer_invitation", &form, &buddy).await;
    let Some(Seat::Offered(until)) = seat(&server, &coordinator, &id, b).await else {
        panic!("B holds an offered place");
    };
    assert_eq!(
        until,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 29)
            .unwrap()
            .and_hms_opt(10, 0, 3)
            .unwrap()
    );
    let theirs: Vec<MyInvitation> = ok(&server, "my_invitations", &[], &other).await;
    assert_eq!(theirs[0].seat, Some(Seat::Offered(until)));
    let told = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("event_place"))
        .all(&server.test.db)
        .await
        .unwrap();
    assert_eq!(told.len(), 1);
    assert!(
        told[0]
            .body
            .contains("Bevestig je plaats vóór zo 29 nov 10:00"),
        "{}",
        told[0].body
    );
    // In the buddy's language only (they chose none: the programme's Dutch).
    assert!(
        !told[0].body.contains("Confirm your place"),
        "{}",
        told[0].body
    );
    assert!(
        told[0].subject.starts_with("Er is een plaats vrij"),
        "{}",
        told[0].subject
    );

    // B lets the deadline pass; a late yes is refused and writes nothing.
    server.state.clock.advance(chrono::Duration::hours(49));
    let other = crate::activities::again(&server, "b2@example.be").await;
    let coordinator = crate::activities::again(&server, "c@example.be").await;
    let row = |id: i64| {
        let db = server.test.db.clone();
        async move {
            event_invitation::Entity::find_by_id(i32::try_from(id).unwrap())
                .one(&db)
                .await
                .unwrap()
                .unwrap()
        }
    };
    let before = row(b).await;
    let form = [("invitation_id", &b.to_string()[..]), ("answer", "yes")];
    assert_eq!(
        refused(&server, "answer_invitation", &form, &other).await,
        AppError::AnswerRefused(AnswerRefusal::OfferLapsed)
    );
    let late = server.call("answer_invitation", &form, Some(&other)).await;
    assert!(
        late.body.contains("niet op tijd") || late.body.contains("OfferLapsed"),
        "{}",
        late.body
    );
    assert_eq!(row(b).await, before);

    // The job passes the place on to C, once, however often it runs.
    let passed = app::api::events::pass_on_lapsed_offers(&server.state)
        .await
        .unwrap();
    assert_eq!(passed, 1);
    assert_eq!(
        app::api::events::pass_on_lapsed_offers(&server.state)
            .await
            .unwrap(),
        0
    );
    assert_eq!(row(b).await.answer, None, "B is unanswered again");
    assert!(matches!(
        seat(&server, &coordinator, &id, c).await,
        Some(Seat::Offered(_))
    ));
    // C confirms (by phone); B's new yes joins the end of the line.
    let form = [("invitation_id", &c.to_string()[..]), ("answer", "yes")];
    ok::<()>(&server, "record_event_answer", &form, &coordinator).await;
    assert_eq!(
        seat(&server, &coordinator, &id, c).await,
        Some(Seat::Placed)
    );
    let form = [("invitation_id", &b.to_string()[..]), ("answer", "yes")];
    ok::<()>(&server, "answer_invitation", &form, &other).await;
    assert_eq!(
        seat(&server, &coordinator, &id, b).await,
        Some(Seat::Waiting(1))
    );
    assert_eq!(
        outbox::Entity::find()
            .filter(outbox::Column::Kind.eq("event_place"))
            .count(&server.test.db)
            .await
            .unwrap(),
        1,
        "B was told by mail; C, a participant, is called"
    );
}

async fn reminders_calendars_and_walk_ins(backend: Backend) {
    use klik_server::jobs::JobRunner;

    let (server, buddy, _, other, _, coordinator) = crate::activities::programme(backend).await;
    // Tomorrow evening's intervision; both buddies say yes, one turned reminders off.
    let id = created(
        &server,
        &coordinator,
        &series(&[
            ("form[repeat]", "once"),
            ("form[date]", "2026-11-28"),
            ("form[capacity]", ""),
        ]),
    )
    .await
    .to_string();
    // The other buddy reads Klik in English: their invitation is in English only.
    ok::<app::i18n::Lang>(&server, "set_language", &[("lang", "en")], &other).await;
    let invite = [("id", id.as_str()), ("form[audience]", "active_buddies")];
    ok::<Invited>(&server, "invite_to_event", &invite, &coordinator).await;
    let mails = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("event_invitation"))
        .all(&server.test.db)
        .await
        .unwrap();
    let mail_to = |address: String| mails.iter().find(|m| m.to_address == address).unwrap();
    let dutch = mail_to(server.whoami(&buddy).await.unwrap().email);
    let english = mail_to(server.whoami(&other).await.unwrap().email);
    assert!(
        dutch.subject.starts_with("Uitnodiging: "),
        "{}",
        dutch.subject
    );
    assert!(
        english.subject.starts_with("Invitation: "),
        "{}",
        english.subject
    );
    assert!(!english.body.contains("Uitnodiging") && !dutch.body.contains("----"));
    assert!(
        ok::<bool>(&server, "event_reminders", &[], &other).await,
        "on by default"
    );
    ok::<()>(&server, "set_event_reminders", &[("on", "false")], &other).await;
    assert!(!ok::<bool>(&server, "event_reminders", &[], &other).await);
    for cookie in [&buddy, &other] {
        let mine: Vec<MyInvitation> = ok(&server, "my_invitations", &[], cookie).await;
        let form = [
            ("invitation_id", &mine[0].invitation_id.to_string()[..]),
            ("answer", "yes"),
        ];
        ok::<()>(&server, "answer_invitation", &form, cookie).await;
    }
    let runner = JobRunner::new(server.state.clone()).unwrap();
    runner.tick().await;
    runner.tick().await;
    let reminders = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("event_reminder"))
        .all(&server.test.db)
        .await
        .unwrap();
    let me = server.whoami(&buddy).await.unwrap().email;
    assert_eq!(
        reminders
            .iter()
            .map(|m| m.to_address.as_str())
            .collect::<Vec<_>>(),
        [me.as_str()],
        "once, and not to the buddy who turned them off"
    );
    assert!(
        reminders[0].body.contains("morgen is Intervisie"),
        "{}",
        reminders[0].body
    );

    // The event in the buddy's calendar: the download, and the personal feed.
    let ics = server.get(&format!("/events/{id}.ics"), Some(&buddy)).await;
    assert_eq!(ics.status, StatusCode::OK, "{}", ics.body);
    assert!(
        ics.body.contains(&format!("UID:event-{id}@klik")),
        "{}",
        ics.body
    );
    assert!(ics.body.contains("LOCATION:Zaal De Kade"), "{}", ics.body);
    let stranger = server.session_for("x@example.be", Role::Buddy).await;
    assert_eq!(
        server
            .get(&format!("/events/{id}.ics"), Some(&stranger))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let partner = server.session_for("s@example.be", Role::Screener).await;
    assert_eq!(
        server
            .get(&format!("/events/{id}.ics"), Some(&partner))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let reply = server.call("renew_calendar", &[], Some(&buddy)).await;
    let url: String = serde_json::from_str(&reply.body).unwrap();
    let path = url
        .strip_prefix(server.state.config.public_url.as_str())
        .unwrap()
        .to_owned();
    let feed = server.get(&path, None).await;
    assert!(
        feed.body.contains(&format!("UID:event-{id}@klik")),
        "{}",
        feed.body
    );

    // At the door: someone who was not invited is added and counts as present; a made-up
    // person, nonsense, or a participant at a buddies' event are refused and add nobody.
    let choices: Vec<app::domain::event::WalkInChoice> =
        ok(&server, "walk_in_choices", &[("id", &id)], &coordinator).await;
    assert!(
        choices
            .iter()
            .all(|c| matches!(c.who, app::domain::event::WalkIn::Buddy(_))),
        "an intervision lists buddies only"
    );
    let before = counts(&server).await.1;
    for bad in ["", "buddy:0", "buddy:99999", "participant:1", "iemand"] {
        let form = [("id", id.as_str()), ("who", bad)];
        let reply = server.call("add_walk_in", &form, Some(&coordinator)).await;
        if bad == "participant:1" {
            // A coordinator may add a participant who came along; it is ticked present.
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
            continue;
        }
        assert!(!reply.status.is_success(), "{bad}");
    }
    assert_eq!(counts(&server).await.1, before + 1);
    let form = [("id", id.as_str()), ("who", "participant:1")];
    assert_eq!(
        refused(&server, "add_walk_in", &form, &partner).await,
        AppError::NotFound
    );
    if let Some(first) = choices.first() {
        let who = first.who.code();
        let form = [("id", id.as_str()), ("who", who.as_str())];
        ok::<()>(&server, "add_walk_in", &form, &coordinator).await;
        ok::<()>(&server, "add_walk_in", &form, &coordinator).await;
        assert_eq!(
            counts(&server).await.1,
            before + 2,
            "twice added, once there"
        );
    }
    let detail: EventDetail = ok(&server, "get_event", &[("id", &id)], &coordinator).await;
    assert_eq!(
        detail.event.counts.attended,
        if choices.is_empty() { 1 } else { 2 }
    );

    // By hand: someone the rules did not name is invited (a buddy with an account gets the
    // mail); twice is once; nonsense and made-up people are refused; the partner may not.
    let choices: Vec<app::domain::event::WalkInChoice> =
        ok(&server, "walk_in_choices", &[("id", &id)], &coordinator).await;
    let before = counts(&server).await.1;
    assert!(!choices.is_empty(), "the demo has buddies not invited yet");
    if let Some(first) = choices.first() {
        let who = first.who.code();
        let form = [("id", id.as_str()), ("who", who.as_str())];
        let invited: Invited = ok(&server, "invite_person", &form, &coordinator).await;
        assert_eq!((invited.people, invited.sessions), (1, 1));
        let again: Invited = ok(&server, "invite_person", &form, &coordinator).await;
        assert_eq!((again.people, again.mails), (0, 0));
        assert_eq!(counts(&server).await.1, before + 1);
    }
    let after = counts(&server).await.1;
    for bad in ["", "buddy:0", "buddy:99999", "participant:99999", "iemand"] {
        let form = [("id", id.as_str()), ("who", bad)];
        let reply = server
            .call("invite_person", &form, Some(&coordinator))
            .await;
        assert!(!reply.status.is_success(), "{bad}");
    }
    let form = [("id", id.as_str()), ("who", "buddy:1")];
    let reply = server.call("invite_person", &form, Some(&partner)).await;
    assert!(!reply.status.is_success());
    assert_eq!(counts(&server).await.1, after);
}

async fn the_admins_keep_the_kinds_of_event(backend: Backend) {
    use app::domain::event::{EventKind, EventKindEntry};
    use app::domain::lists::Lists;

    let server = Server::new(backend).await;
    let admin = server.session_for("a@example.be", Role::Admin).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let kinds = |lists: Lists| -> Vec<EventKindEntry> { lists.event_kinds };
    let all = kinds(ok(&server, "all_lists", &[], &admin).await);
    assert_eq!(
        all.iter()
            .map(|k| (k.meaning, k.name.clone()))
            .collect::<Vec<_>>(),
        EventKind::ALL.map(|k| (k, None)).to_vec(),
        "the six kinds Klik knows, named in the reader's language"
    );
    // The admins add one of their own, and take one out of the forms.
    let add = [("list", "event_kinds"), ("entry[name]", "Kookworkshop")];
    let own: i32 = ok(&server, "add_list_entry", &add, &admin).await;
    let again = server.call("add_list_entry", &add, Some(&admin)).await;
    assert!(again.error().problem_at("name").is_some(), "a name once");
    let intervision = all[0].id.to_string();
    let hide = [
        ("list", "event_kinds"),
        ("id", intervision.as_str()),
        ("active", "false"),
    ];
    ok::<()>(&server, "set_list_entry_active", &hide, &admin).await;
    let offered = kinds(ok(&server, "load_lists", &[], &coordinator).await);
    assert_eq!(offered.len(), 6);
    assert!(offered.iter().all(|k| k.meaning != EventKind::Intervision));
    let mine = offered.last().unwrap().clone();
    assert_eq!(
        (mine.id, mine.name.as_deref(), mine.meaning),
        (i64::from(own), Some("Kookworkshop"), EventKind::Other)
    );

    // An event of the admins' kind shows its name; a hidden, made-up or mismatched kind is
    // refused at its field and writes nothing.
    let value = mine.form_value();
    let id = created(
        &server,
        &coordinator,
        &series(&[("form[kind]", value.as_str()), ("form[repeat]", "once")]),
    )
    .await;
    let list: EventList = ok(&server, "list_events", &[], &coordinator).await;
    let made = list.events.iter().find(|e| e.id == id).unwrap();
    assert_eq!(
        (made.kind, made.kind_name.as_deref()),
        (EventKind::Other, Some("Kookworkshop"))
    );
    let page = server
        .get(&format!("/events/{id}"), Some(&coordinator))
        .await;
    assert!(page.body.contains("Kookworkshop"));
    let before = counts(&server).await.0;
    let hidden = format!("intervision:{intervision}");
    let mismatched = format!("campaign:{own}");
    for bad in [
        hidden.as_str(),
        mismatched.as_str(),
        "other:99999",
        "other:99999999999",
    ] {
        let reply = create(
            &server,
            &coordinator,
            &series(&[("form[kind]", bad), ("form[repeat]", "once")]),
        )
        .await;
        let error = reply.error();
        assert!(error.problem_at("kind").is_some(), "{bad}: {error:?}");
    }
    assert_eq!(counts(&server).await.0, before);
}

async fn a_long_invitation_list_comes_in_pages(backend: Backend) {
    use app::db::entities::buddy;
    use sea_orm::ActiveValue::Set;

    let server = Server::new(backend).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let now = common::test_now();
    let born = chrono::NaiveDate::from_ymd_opt(1985, 3, 4).unwrap();
    let rows = (0..230).map(|i| buddy::ActiveModel {
        first_name: Set(format!("Vrijwilliger{i:03}")),
        last_name: Set("Test".into()),
        birth_date: Set(born),
        gender: Set("woman".into()),
        municipality_id: Set(1),
        profile: Set("{}".into()),
        status: Set("available".into()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        applied_on: Set(born),
        motivation: Set(String::new()),
        capacity: Set(1),
        approved_on: Set(Some(born)),
        coordinator_notes: Set(String::new()),
        ..Default::default()
    });
    buddy::Entity::insert_many(rows)
        .exec_without_returning(&server.test.db)
        .await
        .unwrap();
    let id = created(&server, &coordinator, &series(&[("form[repeat]", "once")]))
        .await
        .to_string();
    let invite = [
        ("id", id.as_str()),
        ("form[audience]", "buddies_without_duo"),
    ];
    let invited: Invited = ok(&server, "invite_to_event", &invite, &coordinator).await;
    assert_eq!(invited.people, 230);
    let page = |p: &'static str| {
        let id = id.clone();
        let server = &server;
        let coordinator = &coordinator;
        async move {
            let d: EventDetail = ok(
                server,
                "get_event",
                &[("id", &id), ("page", p)],
                coordinator,
            )
            .await;
            d
        }
    };
    let (first, third) = (page("0").await, page("2").await);
    assert_eq!((first.total, first.invitations.len()), (230, 100));
    assert_eq!(third.invitations.len(), 30);
    assert_eq!(first.invitations[0].invitee.name(), "Vrijwilliger000 Test");
    assert_eq!(third.invitations[0].invitee.name(), "Vrijwilliger200 Test");
    assert!(
        page("99").await.invitations.is_empty(),
        "past the end: nobody, no error"
    );
    let all: EventDetail = ok(&server, "get_event", &[("id", &id)], &coordinator).await;
    assert_eq!(
        all.invitations.len(),
        230,
        "the attendance list has everyone"
    );
    // The page itself, also without JavaScript: a hundred rows and a link onwards.
    let html = server
        .get(&format!("/events/{id}?page=1"), Some(&coordinator))
        .await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(html.body.contains("101–200 van 230"), "the range is shown");
    assert!(html.body.contains(&format!("/events/{id}?page=2")));
    assert!(html.body.contains("Vrijwilliger150") && !html.body.contains("Vrijwilliger050"));
}

on_both_databases!(
    a_long_invitation_list_comes_in_pages,
    the_admins_keep_the_kinds_of_event,
    a_freed_place_waits_for_confirmation_then_passes_on,
    reminders_calendars_and_walk_ins,
    a_campaign_counts_the_applications_that_name_its_code,
    the_mail_link_answers_once_and_signs_nobody_in,
    buddies_who_stay_away_from_intervision_are_flagged,
    a_series_is_invited_answered_and_ticked,
    bad_events_write_nothing,
    the_partner_sees_its_own_events_without_participants,
);
