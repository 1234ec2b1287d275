//! The stepping-stone catalogue: coordinators add and edit entries, admins hide them, two
//! edits at once give one winner, bad input gets a message at its field and writes nothing;
//! suggestions for a participant leave out what is hidden or ended.

use crate::common;

use app::api::stepping_stones::{OfferEdit, StoneSuggestions};
use app::db::entities::{audit_log, stepping_stone};
use app::domain::account::Role;
use app::domain::stepping_stone::{Access, Catalogue, Cost, Offer, OfferKind};
use axum::http::StatusCode;
use common::Backend;
use common::server::Server;
use sea_orm::{EntityTrait, PaginatorTrait};

/// A complete catalogue form as the browser sends it, with `changes` on top.
fn stone(changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = [
        ("form[title]", "Wandelen langs de Dijle"),
        ("form[provider]", "Wandelclub De Stap"),
        ("form[kind]", "walk"),
        (
            "form[description]",
            "Elke maandagochtend een rustige wandeling van 5 km.",
        ),
        ("form[municipality_id]", "1"),
        ("form[address]", "Vismarkt"),
        ("form[slots][]", "0"),
        ("form[starts_on]", ""),
        ("form[ends_on]", ""),
        ("form[cost]", "amount"),
        ("form[price]", "6"),
        ("form[uitpas_price]", "1,20"),
        ("form[accessibility][]", "quiet"),
        ("form[accessibility][]", "alone_ok"),
        ("form[interests][]", "1"),
        ("form[contact]", "An, 015 00 00 00"),
        ("form[link]", "https://destap.example"),
        ("form[last_checked]", ""),
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

async fn save(server: &Server, cookie: &str, form: &[(String, String)]) -> common::Reply {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    server.call("save_stone", &pairs, Some(cookie)).await
}

async fn catalogue(server: &Server, cookie: &str) -> Catalogue {
    let reply = server.call("stone_catalogue", &[], Some(cookie)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

async fn find(server: &Server, cookie: &str, title: &str) -> Offer {
    catalogue(server, cookie)
        .await
        .offers
        .into_iter()
        .find(|o| o.title == title)
        .unwrap_or_else(|| panic!("{title} not in the catalogue"))
}

async fn the_catalogue_is_kept(backend: Backend) {
    let server = Server::new(backend).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let admin = server.session_for("a@example.be", Role::Admin).await;
    let seeded = catalogue(&server, &coordinator).await;
    assert_eq!(seeded.offers.len(), 2, "the defaults of a new installation");
    assert!(seeded.offers.iter().all(|o| o.municipality_id.is_some()));

    let reply = save(&server, &coordinator, &stone(&[])).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let walk = find(&server, &coordinator, "Wandelen langs de Dijle").await;
    assert_eq!(walk.kind, OfferKind::Walk);
    assert_eq!(walk.municipality_id, Some(1));
    assert_eq!(walk.address, "Vismarkt");
    assert_eq!(walk.slots.slots().count(), 1);
    assert_eq!(
        walk.cost,
        Cost::Amount {
            cents: 600,
            uitpas_cents: Some(120)
        }
    );
    assert_eq!(
        walk.accessibility.iter().copied().collect::<Vec<_>>(),
        [Access::Quiet, Access::AloneOk]
    );
    assert_eq!(walk.interests, [1]);
    let today = app::domain::time::local_date(common::test_now(), server.state.config.time_zone);
    assert_eq!(walk.last_checked, today, "blank: checked today");
    assert!(!walk.hidden);

    // Two coordinators edit the same version: one wins, the other is told.
    let id = walk.id.to_string();
    let reply = server
        .call("stone_for_edit", &[("id", &id)], Some(&coordinator))
        .await;
    let edit: OfferEdit = serde_json::from_str(&reply.body).unwrap();
    let version = edit.version.to_string();
    let first = stone(&[("id", &id), ("version", &version), ("form[price]", "7")]);
    assert_eq!(
        save(&server, &coordinator, &first).await.status,
        StatusCode::OK
    );
    let second = stone(&[("id", &id), ("version", &version), ("form[price]", "9")]);
    let reply = save(&server, &coordinator, &second).await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
    let walk = find(&server, &coordinator, "Wandelen langs de Dijle").await;
    assert_eq!(walk.cost.cents(), 700);

    // Admins hide an entry; coordinators cannot, and a form cannot either.
    let hide = [("id", id.as_str()), ("hidden", "true")];
    let reply = server.call("hide_stone", &hide, Some(&coordinator)).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let reply = server.call("hide_stone", &hide, Some(&admin)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(
        find(&server, &coordinator, "Wandelen langs de Dijle")
            .await
            .hidden
    );
    let lists = app::db::lists::load(&server.test.db, false).await.unwrap();
    assert!(lists.stepping_stones.iter().all(|s| s.id != walk.id));
    let reply = server
        .call("stone_for_edit", &[("id", &id)], Some(&coordinator))
        .await;
    let edit: OfferEdit = serde_json::from_str(&reply.body).unwrap();
    let again = stone(&[("id", &id), ("version", &edit.version.to_string())]);
    assert_eq!(
        save(&server, &coordinator, &again).await.status,
        StatusCode::OK
    );
    assert!(
        find(&server, &coordinator, "Wandelen langs de Dijle")
            .await
            .hidden,
        "saving the form keeps it hidden"
    );

    let rows = audit_log::Entity::find()
        .all(&server.test.db)
        .await
        .unwrap();
    let about_walk = |action: &str| {
        rows.iter()
            .filter(|r| {
                r.action == action
                    && r.record_kind.as_deref() == Some("stepping_stones")
                    && r.record_id == Some(walk.id.to_string())
            })
            .count()
    };
    assert_eq!((about_walk("create"), about_walk("update")), (1, 3));
}

on_both_databases!(the_catalogue_is_kept_edited_once_and_hidden_by_admins => the_catalogue_is_kept);

#[tokio::test]
async fn bad_catalogue_entries_get_messages_and_write_nothing() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let before = stepping_stone::Entity::find()
        .count(&server.test.db)
        .await
        .unwrap();
    let long = "x".repeat(100_000);
    let cases: [(&[(&str, &str)], &str); 11] = [
        (
            &[
                ("form[starts_on]", "2027-03-01"),
                ("form[ends_on]", "2027-02-01"),
            ],
            "ends_on",
        ),
        (&[("form[interests][]", "999")], "interests"),
        (&[("form[municipality_id]", "999")], "municipality_id"),
        (&[("form[price]", "-1")], "price"),
        (&[("form[price]", "1000000000000")], "price"),
        (&[("form[uitpas_price]", "8")], "uitpas_price"),
        (&[("form[link]", "javascript:alert(1)")], "link"),
        (&[("form[description]", &long)], "description"),
        (&[("form[kind]", "rave")], "kind"),
        (&[("form[title]", "   ")], "title"),
        (&[("form[last_checked]", "2999-01-01")], "last_checked"),
    ];
    for (changes, field) in cases {
        let reply = save(&server, &coordinator, &stone(changes)).await;
        assert!(reply.status.is_client_error(), "{field}: {}", reply.status);
        assert!(
            reply.error().problem_at(field).is_some(),
            "{field}: {}",
            reply.body
        );
    }
    // A stale or missing version, an entry that is not there.
    let reply = save(&server, &coordinator, &stone(&[("id", "1")])).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    let reply = save(
        &server,
        &coordinator,
        &stone(&[("id", "999"), ("version", "1")]),
    )
    .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    let after = stepping_stone::Entity::find()
        .count(&server.test.db)
        .await
        .unwrap();
    assert_eq!(before, after);
    // Buddies, screeners and visitors do not read the catalogue.
    for role in [Role::Buddy, Role::Screener] {
        let cookie = server
            .session_for(&format!("{}@x.be", role.code()), role)
            .await;
        let reply = server.call("stone_catalogue", &[], Some(&cookie)).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
    }
    let reply = server.call("stone_catalogue", &[], None).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
}

async fn suggestions_leave_out_what_cannot_be_done(backend: Backend) {
    let server = Server::new(backend).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let admin = server.session_for("a@example.be", Role::Admin).await;
    let form = crate::participants::intake(&[]);
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let reply = server
        .call("create_participant", &pairs, Some(&coordinator))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let participant: i32 = serde_json::from_str(&reply.body).unwrap();

    // Mira likes interest 1 and is free on Monday morning.
    for changes in [
        &[][..],
        &[
            ("form[title]", "Afgelopen cursus"),
            ("form[ends_on]", "2020-01-31"),
            ("form[starts_on]", "2020-01-01"),
        ][..],
        &[("form[title]", "Verborgen groep")][..],
        &[("form[title]", "Zaterdagavond"), ("form[slots][]", "17")][..],
    ] {
        let reply = save(&server, &coordinator, &stone(changes)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }
    let hidden = find(&server, &coordinator, "Verborgen groep")
        .await
        .id
        .to_string();
    server
        .call(
            "hide_stone",
            &[("id", &hidden), ("hidden", "true")],
            Some(&admin),
        )
        .await;

    let reply = server
        .call(
            "suggest_stones",
            &[("id", &participant.to_string())],
            Some(&coordinator),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let found: StoneSuggestions = serde_json::from_str(&reply.body).unwrap();
    let titles: Vec<&str> = found.offers.iter().map(|o| o.title.as_str()).collect();
    assert_eq!(
        titles.first(),
        Some(&"Wandelen langs de Dijle"),
        "{titles:?}"
    );
    for gone in ["Afgelopen cursus", "Verborgen groep", "Zaterdagavond"] {
        assert!(!titles.contains(&gone), "{gone} in {titles:?}");
    }
    assert_eq!(found.offers.len(), found.suggestions.len());
    assert!(
        found
            .suggestions
            .windows(2)
            .all(|w| w[0].score >= w[1].score),
        "best first"
    );
    let rows = audit_log::Entity::find()
        .all(&server.test.db)
        .await
        .unwrap();
    assert!(rows.iter().any(|r| r.action == "read"
        && r.record_kind.as_deref() == Some("participant")
        && r.record_id == Some(participant.to_string())));
    let reply = server
        .call("suggest_stones", &[("id", "999")], Some(&coordinator))
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
}

on_both_databases!(suggestions_leave_out_hidden_ended_and_impossible_offers => suggestions_leave_out_what_cannot_be_done);

async fn referrals_are_followed_up_once(backend: Backend) {
    use app::domain::referral::{Outcome, ReferralView};

    let server = Server::new(backend).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    let other = server.session_for("d@example.be", Role::Coordinator).await;
    let admin = server.session_for("a@example.be", Role::Admin).await;
    let form = crate::participants::intake(&[]);
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let reply = server
        .call("create_participant", &pairs, Some(&coordinator))
        .await;
    let participant: i32 = serde_json::from_str(&reply.body).unwrap();
    let pid = participant.to_string();
    save(&server, &coordinator, &stone(&[])).await;
    save(
        &server,
        &coordinator,
        &stone(&[("form[title]", "Verborgen groep")]),
    )
    .await;
    let walk = find(&server, &coordinator, "Wandelen langs de Dijle")
        .await
        .id
        .to_string();
    let hidden = find(&server, &coordinator, "Verborgen groep")
        .await
        .id
        .to_string();
    server
        .call(
            "hide_stone",
            &[("id", &hidden), ("hidden", "true")],
            Some(&admin),
        )
        .await;
    let today = app::domain::time::local_date(common::test_now(), server.state.config.time_zone);
    let month_ago = (today - chrono::Duration::days(30)).to_string();

    // A hidden offer, an unknown participant, a date to come: refused, nothing written.
    let reply = server
        .call(
            "refer_to_stone",
            &[("id", &pid), ("form[stone]", &hidden)],
            Some(&coordinator),
        )
        .await;
    assert!(
        reply.error().problem_at("stone").is_some(),
        "{}",
        reply.body
    );
    let reply = server
        .call(
            "refer_to_stone",
            &[("id", "999"), ("form[stone]", &walk)],
            Some(&coordinator),
        )
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    let tomorrow = (today + chrono::Duration::days(1)).to_string();
    let reply = server
        .call(
            "refer_to_stone",
            &[
                ("id", &pid),
                ("form[stone]", &walk),
                ("form[on]", &tomorrow),
            ],
            Some(&coordinator),
        )
        .await;
    assert!(reply.error().problem_at("on").is_some(), "{}", reply.body);

    // Referred a month ago: the follow-up (after 3 weeks) is due today.
    let refer = [
        ("id", pid.as_str()),
        ("form[stone]", walk.as_str()),
        ("form[way]", "accompanied"),
        ("form[on]", month_ago.as_str()),
    ];
    let reply = server
        .call("refer_to_stone", &refer, Some(&coordinator))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let reply = server.call("due_follow_ups", &[], Some(&coordinator)).await;
    let due: Vec<ReferralView> = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(due.len(), 1);
    let r = &due[0];
    assert_eq!(r.participant_name, "Mira Verhoeven");
    assert_eq!(r.stone_title, "Wandelen langs de Dijle");
    assert_eq!(r.follow_up_on, today - chrono::Duration::days(9));
    let (rid, version) = (r.id.to_string(), r.version.to_string());

    // Before the referral: refused. Then two coordinators at once: one wins.
    let early = (today - chrono::Duration::days(31)).to_string();
    let answer = |on: &str| {
        vec![
            ("id", rid.clone()),
            ("version", version.clone()),
            ("form[outcome]", "did_not_go".to_owned()),
            ("form[reason]", "too_far".to_owned()),
            ("form[on]", on.to_owned()),
        ]
    };
    let call = |form: Vec<(&'static str, String)>, cookie: String| {
        let server = &server;
        async move {
            let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            server.call("record_follow_up", &pairs, Some(&cookie)).await
        }
    };
    let reply = call(answer(&early), coordinator.clone()).await;
    assert!(reply.error().problem_at("on").is_some(), "{}", reply.body);
    let (a, b) = tokio::join!(
        call(answer(""), coordinator.clone()),
        call(answer(""), other.clone())
    );
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);

    let reply = server
        .call("participant_referrals", &[("id", &pid)], Some(&coordinator))
        .await;
    let list: Vec<ReferralView> = serde_json::from_str(&reply.body).unwrap();
    let done = list[0].follow_up.as_ref().expect("followed up");
    assert_eq!(done.outcome, Outcome::DidNotGo);
    assert_eq!(done.on, today);
    let reply = server.call("due_follow_ups", &[], Some(&coordinator)).await;
    assert_eq!(reply.body, "[]");

    let rows = audit_log::Entity::find()
        .all(&server.test.db)
        .await
        .unwrap();
    let about = |action: &str| {
        rows.iter()
            .filter(|r| r.action == action && r.record_kind.as_deref() == Some("referral"))
            .count()
    };
    assert_eq!((about("create"), about("update"), about("read")), (1, 1, 1));
    // Buddies and screeners never see referrals.
    let buddy = server.session_for("b@example.be", Role::Buddy).await;
    let reply = server
        .call("participant_referrals", &[("id", &pid)], Some(&buddy))
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
}

on_both_databases!(a_referral_is_followed_up_once_and_leaves_the_due_list => referrals_are_followed_up_once);

async fn the_catalogue_goes_out_and_in_as_csv(backend: Backend) {
    use app::api::import::ImportPreview;

    let server = Server::new(backend).await;
    let coordinator = server.session_for("c@example.be", Role::Coordinator).await;
    save(&server, &coordinator, &stone(&[])).await;
    let reply = server
        .call(
            "export_csv",
            &[("kind", "stepping_stones")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let exported: String = serde_json::from_str(&reply.body).unwrap();
    let heading = exported.lines().next().unwrap();
    assert!(heading.starts_with("titel;aanbieder;soort"), "{heading}");
    let walk = exported
        .lines()
        .find(|l| l.starts_with("Wandelen langs de Dijle"))
        .expect("the walk exported");
    assert!(
        walk.contains("wandeling") && walk.contains("maandagvoormiddag"),
        "{walk}"
    );

    // The export imports again as a new entry like the first. (The two entries seeded at
    // start-up were checked on the machine's date, after the tests' fixed clock: left out.)
    let exported = format!("{heading}\n{walk}\n");
    let preview = |csv: String| {
        let server = &server;
        let cookie = coordinator.clone();
        async move {
            let reply = server
                .call(
                    "preview_import",
                    &[("kind", "stepping_stones"), ("csv", &csv)],
                    Some(&cookie),
                )
                .await;
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
            serde_json::from_str::<ImportPreview>(&reply.body).unwrap()
        }
    };
    let p = preview(exported.clone()).await;
    assert_eq!((p.rows, p.valid), (1, 1), "{:?}", p.invalid);
    let reply = server
        .call(
            "confirm_import",
            &[
                ("kind", "stepping_stones"),
                ("csv", &exported),
                ("only_valid", "false"),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(reply.body, "1");
    let copies: Vec<Offer> = catalogue(&server, &coordinator)
        .await
        .offers
        .into_iter()
        .filter(|o| o.title == "Wandelen langs de Dijle")
        .collect();
    assert_eq!(copies.len(), 2);
    let (a, b) = (&copies[0], &copies[1]);
    assert_eq!(
        (
            a.kind,
            a.slots,
            a.cost,
            &a.accessibility,
            &a.interests,
            a.municipality_id
        ),
        (
            b.kind,
            b.slots,
            b.cost,
            &b.accessibility,
            &b.interests,
            b.municipality_id
        )
    );

    // 5,000 rows, one in ten with an unknown interest: counted, the bad ones named by line.
    let mut big = String::from("titel;aanbieder;soort;gemeente;interesses\n");
    for i in 0..5_000 {
        let interest = if i % 10 == 0 { "Zeilen" } else { "Wandelen" };
        big.push_str(&format!("Groep {i};Buurthuis;groep;Mechelen;{interest}\n"));
    }
    let p = preview(big).await;
    assert_eq!((p.rows, p.valid), (5_000, 4_500));
    assert_eq!(p.invalid.len(), 200, "the first 200 problems are shown");
    assert_eq!(p.invalid[0].line, 2);
    assert_eq!(p.invalid[0].problems[0].0, "interests");
}

on_both_databases!(the_catalogue_is_exported_and_imported_again_as_csv => the_catalogue_goes_out_and_in_as_csv);
