//! CSV import with preview and confirmation, and CSV export, through HTTP.

use crate::common;

use app::api::import::ImportPreview;
use app::domain::account::Role;
use app::domain::validation::Problem;
use app::error::AppError;
use axum::http::StatusCode;
use common::Backend;
use common::server::Server;

const FILE: &str = "Voornaam;Familienaam;Geboortedatum;Geslacht;Gemeente;GSM;Interesses;Lievelingskleur\n\
Mira;Zonnebloem;14/03/1988;V;Mechelen;0470 12 34 56;Film, Wandelen;blauw\n\
;Klaproos;1990-02-31;robot;Parijs;;schaken;rood\n\
Jef;Eikenblad;01-06-1975;M;2800;015 12 34 56;;groen\n";

#[tokio::test]
async fn an_import_is_previewed_then_written_in_one_go_and_exported_again() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let reply = server
        .call(
            "preview_import",
            &[("kind", "participants"), ("csv", FILE)],
            Some(&coordinator),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let preview: ImportPreview = serde_json::from_str(&reply.body).unwrap();
    assert_eq!(preview.mapping[0], "first_name");
    assert_eq!(preview.mapping[7], "ignore");
    assert_eq!((preview.rows, preview.valid), (3, 2));
    assert_eq!(preview.invalid[0].line, 3);
    assert!(
        preview.invalid[0]
            .problems
            .iter()
            .any(|(f, _)| f == "municipality_id")
    );

    // Nothing is written by a preview, nor by a confirmation that would store bad rows.
    let all = server
        .call(
            "confirm_import",
            &[
                ("kind", "participants"),
                ("csv", FILE),
                ("only_valid", "false"),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(all.error(), AppError::validation("file", Problem::Invalid));
    assert_eq!(count(&server).await, 0);
    let valid = server
        .call(
            "confirm_import",
            &[
                ("kind", "participants"),
                ("csv", FILE),
                ("only_valid", "true"),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(valid.body, "2");
    assert_eq!(count(&server).await, 2);

    // The coordinator can choose the columns: a mapping that names a field twice is refused.
    let mapping: Vec<(String, String)> = [
        "first_name",
        "first_name",
        "ignore",
        "ignore",
        "ignore",
        "ignore",
        "ignore",
        "ignore",
    ]
    .iter()
    .map(|f| ("mapping[]".to_owned(), f.to_string()))
    .collect();
    let mut body: Vec<(&str, &str)> = vec![("kind", "participants"), ("csv", FILE)];
    body.extend(mapping.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let twice = server
        .call("preview_import", &body, Some(&coordinator))
        .await;
    assert_eq!(
        twice.error(),
        AppError::validation("mapping", Problem::Invalid)
    );

    let export = server
        .call(
            "export_csv",
            &[("kind", "participants")],
            Some(&coordinator),
        )
        .await;
    let text: String = serde_json::from_str(&export.body).unwrap();
    assert!(text.starts_with("id;voornaam;familienaam"));
    assert!(text.contains("Zonnebloem") && text.contains("Film"));
    assert_eq!(text.lines().count(), 3);
    let page = server.get("/import", Some(&coordinator)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("name=\"csv\""));
}

#[tokio::test]
async fn bad_files_get_a_clear_answer() {
    let server = Server::new(Backend::Sqlite).await;
    let coordinator = server
        .session_for("coordinator@example.be", Role::Coordinator)
        .await;
    let preview = |csv: String| {
        let server = &server;
        let cookie = coordinator.clone();
        async move {
            server
                .call(
                    "preview_import",
                    &[("kind", "buddies"), ("csv", &csv)],
                    Some(&cookie),
                )
                .await
        }
    };
    // Latin-1 bytes read as text in the browser become replacement characters.
    let latin1 = String::from_utf8_lossy(b"Voornaam;Gemeente\nJos\xe9;Mechelen\n").into_owned();
    assert_eq!(
        preview(latin1).await.error(),
        AppError::validation("file", Problem::Invalid)
    );
    assert_eq!(
        preview(String::new()).await.error(),
        AppError::validation("file", Problem::Required)
    );
    // Over the limit of 1 MB: said so. (Beyond the 2 MB request limit the browser page
    // refuses the file before sending it; the server answers 400.)
    let big = format!("voornaam,naam\n{}", "x".repeat(1_100_000));
    assert_eq!(
        preview(big).await.error(),
        AppError::validation("file", Problem::TooLong { max: 1024 * 1024 })
    );
    let ten_mb = "x".repeat(10 * 1024 * 1024);
    let reply = preview(ten_mb).await;
    assert!(reply.status.is_client_error(), "{}", reply.status);
    let broken = preview("voornaam;naam\n\"Mira;Zonnebloem\n".into()).await;
    assert!(
        broken.status.is_client_error() || broken.status.is_success(),
        "{}",
        broken.status
    );
    assert_ne!(broken.status, StatusCode::INTERNAL_SERVER_ERROR);
    let kind = server
        .call(
            "preview_import",
            &[("kind", "diagnoses"), ("csv", "a\nb")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(kind.status, StatusCode::BAD_REQUEST);
    assert_eq!(count(&server).await, 0);
}

async fn count(server: &Server) -> usize {
    use sea_orm::EntityTrait;
    app::db::entities::participant::Entity::find()
        .all(&server.test.db)
        .await
        .unwrap()
        .len()
}
