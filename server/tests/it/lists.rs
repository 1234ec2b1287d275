//! The admin-managed lists: adding, hiding, and what forms then offer.

use crate::common;

use app::domain::account::Role;
use app::domain::lists::Lists;
use app::domain::validation::Problem;
use app::error::AppError;
use axum::http::StatusCode;
use common::Backend;
use common::server::Server;

#[tokio::test]
async fn admins_add_and_hide_entries_and_forms_offer_only_active_ones() {
    let server = Server::new(Backend::Sqlite).await;
    let admin = server.session_for("admin@example.be", Role::Admin).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let lists = |cookie: String, name: &'static str| {
        let server = &server;
        async move {
            let reply = server.call(name, &[], Some(&cookie)).await;
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
            serde_json::from_str::<Lists>(&reply.body).unwrap()
        }
    };
    let before = lists(coordinator.clone(), "load_lists").await;
    assert_eq!(before.municipalities.len(), 26);
    assert!(before.municipalities.iter().any(|m| m.name == "Mechelen"));
    assert_eq!(before.scales.len(), 4);

    let reply = server
        .call(
            "add_list_entry",
            &[("list", "interests"), ("entry[name]", "Yoga")],
            Some(&admin),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let again = server
        .call(
            "add_list_entry",
            &[("list", "interests"), ("entry[name]", "Yoga")],
            Some(&admin),
        )
        .await;
    assert_eq!(
        again.error(),
        AppError::validation("name", Problem::AlreadyUsed)
    );
    let place = server
        .call(
            "add_list_entry",
            &[
                ("list", "municipalities"),
                ("entry[name]", "Antwerpen"),
                ("entry[second]", "2000"),
                ("entry[third]", "51,2194"),
                ("entry[fourth]", "4,4025"),
            ],
            Some(&admin),
        )
        .await;
    assert_eq!(place.status, StatusCode::OK, "{}", place.body);
    let bad = server
        .call(
            "add_list_entry",
            &[
                ("list", "municipalities"),
                ("entry[name]", "Nergens"),
                ("entry[second]", "9999"),
                ("entry[third]", "noord"),
                ("entry[fourth]", "999"),
            ],
            Some(&admin),
        )
        .await;
    assert!(
        bad.error().problem_at("third").is_some() && bad.error().problem_at("fourth").is_some()
    );
    let unknown = server
        .call(
            "add_list_entry",
            &[("list", "diagnoses"), ("entry[name]", "x")],
            Some(&admin),
        )
        .await;
    assert_eq!(
        unknown.error(),
        AppError::validation("list", Problem::Invalid)
    );
    // Only admins keep the lists.
    let refused = server
        .call(
            "add_list_entry",
            &[("list", "interests"), ("entry[name]", "Schaak")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(refused.error(), AppError::Forbidden);

    let hidden = server
        .call(
            "set_list_entry_active",
            &[("list", "interests"), ("id", "1"), ("active", "false")],
            Some(&admin),
        )
        .await;
    assert_eq!(hidden.status, StatusCode::OK, "{}", hidden.body);
    let offered = lists(coordinator.clone(), "load_lists").await;
    assert!(offered.interests.iter().all(|i| i.id != 1));
    assert!(offered.interests.iter().any(|i| i.name == "Yoga"));
    assert!(offered.municipalities.iter().any(|m| m.name == "Antwerpen"));
    let all = lists(admin.clone(), "all_lists").await;
    assert!(all.interests.iter().any(|i| i.id == 1 && !i.active));
    let page = server.get("/admin/lists", Some(&admin)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Yoga"));
}
