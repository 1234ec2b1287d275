//! Klik: the Leptos app shared by the server (feature `ssr`) and the browser (`hydrate`).

#![recursion_limit = "256"]

pub mod api;
#[cfg(feature = "ssr")]
pub mod audit;
#[cfg(feature = "ssr")]
pub mod auth;
pub mod components;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod matching;
pub mod pages;
pub mod stats;

#[cfg(feature = "ssr")]
pub mod config;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod state;

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, Link, Meta, MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{Lazy, SsrMode, path};

use crate::api::account::Viewer;
use crate::api::programme::{Programme, load_programme};
use crate::components::layout::Layout;
use crate::error::AppError;
use crate::i18n::provide_i18n;
use crate::pages::{
    account::AccountPage,
    activities::{ActivityPage, PlanActivityPage},
    calendar::CalendarPage,
    home::HomePage,
    lazy::*,
    login::LoginPage,
    login_code::LoginCodePage,
    not_found::NotFound,
};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // Every script carries the response's CSP nonce, also those from 'self'.
    let nonce = leptos::nonce::use_nonce();
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#1f5f5b" />
                // Installable app: manifest, home-screen icon, and the service worker that
                // shows the offline page (registered by a static file, not inline).
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png" />
                <script src="/sw-register.js" defer nonce=nonce></script>
                // The stylesheet under its content-hashed name (see server/src/assets.rs).
                <HashedStylesheet options=options.clone() id="leptos" />
                <AutoReload options=options.clone() />
                // Hydration waits for the first paint and an idle browser: the page is painted
                // from the server's HTML first and works without the bundle (forms post), so a
                // phone shows it at once and fetches and compiles the WebAssembly afterwards.
                <crate::pages::lazy::BundleScript output_name=options.output_name.to_string() />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Every page's title goes through here: names that people typed, escaped on the server
/// (see `components::escape`).
fn page_title(page: String) -> String {
    let title = if page.is_empty() {
        "Klik".to_owned()
    } else {
        format!("{page} · Klik")
    };
    crate::components::escape::raw_text_element(title)
}

/// The programme's name and today's date, loaded once per page for the header and pages.
pub type ProgrammeResource = Resource<Result<Programme, AppError>>;

/// Who is signed in (or that the first admin must still be created), reloaded on every
/// navigation so that signing in and out, and expired sessions, show at once.
pub type ViewerResource = Resource<Result<Viewer, AppError>>;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = provide_i18n();
    let programme: ProgrammeResource = Resource::new(|| (), |_| load_programme());
    provide_context(programme);

    view! {
        <leptos_meta::Html {..} lang=move || i18n.lang().code() />
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml" />
        <Meta name="description" content=move || i18n.t().footer />
        <Title formatter=page_title />
        <Router>
            <Layout>
                // Async rendering sends whole pages: they work without JavaScript and an
                // error can still set the HTTP status.
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/privacy") view={Lazy::<PrivacyRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/login/code") view=LoginCodePage ssr=SsrMode::Async />
                    <Route path=path!("/welcome") view={Lazy::<WelcomeRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/setup") view={Lazy::<SetupRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/participants") view={Lazy::<ParticipantsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/import") view={Lazy::<ImportRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/waiting") view={Lazy::<WaitingRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/participants/new") view={Lazy::<NewParticipantRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/participants/:id") view={Lazy::<ParticipantRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/participants/:id/edit") view={Lazy::<EditParticipantRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/participants/:id/erase") view={Lazy::<ParticipantEraseRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/participants/:id/data") view={Lazy::<DataRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/retention") view={Lazy::<RetentionRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/registers") view={Lazy::<RegistersRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/participants/:id/sheet") view={Lazy::<SheetRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/register") view={Lazy::<RegisterRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/register/thanks") view={Lazy::<RegisterThanksRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/registrations/:id") view={Lazy::<RegistrationRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/registrations/:id/intake") view={Lazy::<RegistrationIntakeRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/stones") view={Lazy::<StonesRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/stones/new") view={Lazy::<NewStoneRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/stones/:id/edit") view={Lazy::<EditStoneRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/reports") view={Lazy::<ReportsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/reports/waiting") view={Lazy::<WaitingReportRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/reports/activity") view={Lazy::<ActivityReportRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/reports/buddies") view={Lazy::<BuddiesReportRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/reports/print") view={Lazy::<PrintReportRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/become-a-buddy") view={Lazy::<BecomeBuddyRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/become-a-buddy/thanks") view={Lazy::<ApplicationThanksRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/buddies") view={Lazy::<BuddiesRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/buddies/new") view={Lazy::<NewBuddyRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/buddies/:id") view={Lazy::<BuddyRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/buddies/:id/edit") view={Lazy::<EditBuddyRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/buddies/:id/data") view={Lazy::<BuddyDataRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/buddies/:id/erase") view={Lazy::<BuddyEraseRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/buddies/:id/match") view={Lazy::<BuddyMatchRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/participants/:id/match") view={Lazy::<ParticipantMatchRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/matching") view={Lazy::<EveryoneRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/board") view={Lazy::<BoardRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/duos/:id") view={Lazy::<DuoRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/duos/:id/move") view={Lazy::<DuoMoveRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/duos/:id/agreement") view={Lazy::<AgreementRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/matching") view={Lazy::<WeightsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/users") view={Lazy::<UsersRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/users/:id/data") view={Lazy::<UserDataRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/audit") view={Lazy::<AuditRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/outbox") view={Lazy::<OutboxRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/lists") view={Lazy::<ListsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/settings") view={Lazy::<SettingsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/buddy/duos/:id/plan") view=PlanActivityPage ssr=SsrMode::Async />
                    <Route path=path!("/buddy/activities/:id") view=ActivityPage ssr=SsrMode::Async />
                    <Route path=path!("/calendar") view=CalendarPage ssr=SsrMode::Async />
                    <Route path=path!("/events") view={Lazy::<EventsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/events/new") view={Lazy::<NewEventRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/events/answer") view={Lazy::<AnswerLinkRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/events/answered") view={Lazy::<AnsweredRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/events/:id") view={Lazy::<EventRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/attendance") view={Lazy::<AttendanceRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/letters") view={Lazy::<LettersRoute>::new()} ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}

/// The layering in ARCHITECTURE.md, checked on the sources so that it cannot quietly rot:
/// server functions (`api/`) never reach for sea-orm, and the database layer (`db/`) never
/// depends on server functions.
#[cfg(all(test, feature = "ssr"))]
mod layering {
    use std::path::{Path, PathBuf};

    /// Every `.rs` file under `dir`, subfolders included.
    fn sources(dir: &Path) -> Vec<PathBuf> {
        let mut found = Vec::new();
        let mut pending = vec![dir.to_path_buf()];
        while let Some(dir) = pending.pop() {
            let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir:?}: {e}"));
            for entry in entries {
                let path = entry.unwrap_or_else(|e| panic!("{dir:?}: {e}")).path();
                if path.is_dir() {
                    pending.push(path);
                } else if path.extension().is_some_and(|x| x == "rs") {
                    found.push(path);
                }
            }
        }
        found.sort();
        found
    }

    /// `file:line` of every line under `src/{folder}` that mentions `forbidden`.
    fn mentions(folder: &str, forbidden: &str) -> Vec<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(folder);
        let files = sources(&dir);
        assert!(!files.is_empty(), "no sources found in {dir:?}");
        let mut hits = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file:?}: {e}"));
            for (i, line) in text.lines().enumerate() {
                if line.contains(forbidden) {
                    hits.push(format!("{}:{}", file.display(), i + 1));
                }
            }
        }
        hits
    }

    #[test]
    fn server_functions_do_not_use_sea_orm() {
        let hits = mentions("api", "sea_orm");
        assert!(
            hits.is_empty(),
            "sea_orm in api/ (move it to db/): {hits:#?}"
        );
    }

    /// Only `api/ctx.rs` asks the policy; the draft store alone may read the state without a
    /// `Ctx` (it also runs for refused calls).
    #[test]
    fn server_functions_go_through_their_context() {
        let outside = |forbidden: &str, allowed: &[&str]| -> Vec<String> {
            mentions("api", forbidden)
                .into_iter()
                .filter(|hit| !allowed.iter().any(|file| hit.contains(file)))
                .collect()
        };
        for forbidden in ["policy::authorize", "app_state()"] {
            let hits = outside(forbidden, &["api/ctx.rs:"]);
            assert!(hits.is_empty(), "{forbidden} in api/ (use Ctx): {hits:#?}");
        }
        let hits = outside("render_state()", &["api/ctx.rs:", "api/drafts.rs:"]);
        assert!(
            hits.is_empty(),
            "render_state() in api/ (use Ctx): {hits:#?}"
        );
    }

    #[test]
    fn the_database_layer_does_not_depend_on_server_functions() {
        let hits = mentions("db", "crate::api");
        assert!(
            hits.is_empty(),
            "crate::api in db/ (move the type to domain/): {hits:#?}"
        );
    }
}
