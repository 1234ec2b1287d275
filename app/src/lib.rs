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
use leptos_router::{SsrMode, path};

use crate::api::account::Viewer;
use crate::api::programme::{Programme, load_programme};
use crate::components::layout::Layout;
use crate::error::AppError;
use crate::i18n::provide_i18n;
use crate::pages::{
    account::AccountPage,
    activities::{ActivityPage, PlanActivityPage},
    admin_audit::AuditPage,
    admin_lists::ListsPage,
    admin_matching::WeightsPage,
    admin_outbox::OutboxPage,
    admin_settings::SettingsPage,
    admin_users::UsersPage,
    board::{BoardPage, DuoMovePage},
    buddies::{
        ApplicationThanksPage, BecomeBuddyPage, BuddiesPage, BuddyPage, EditBuddyPage, NewBuddyPage,
    },
    calendar::CalendarPage,
    duo::{AgreementPage, DuoPage},
    events::{
        AnswerLinkPage, AnsweredPage, AttendancePage, EventPage, EventsPage, LettersPage,
        NewEventPage,
    },
    home::HomePage,
    import::ImportPage,
    login::LoginPage,
    login_code::LoginCodePage,
    matching::{BuddyMatchPage, EveryonePage, ParticipantMatchPage},
    not_found::NotFound,
    participants::{EditParticipantPage, NewParticipantPage, ParticipantPage, ParticipantsPage},
    person_data::{BuddyDataPage, DataPage, UserDataPage},
    privacy::PrivacyPage,
    registrations::{RegisterPage, RegisterThanksPage, RegistrationIntakePage, RegistrationPage},
    reports::{
        ActivityReportPage, BuddiesReportPage, PrintReportPage, ReportsPage, WaitingReportPage,
    },
    rights::{ErasePage, RegistersPage, RetentionPage},
    setup::SetupPage,
    stones::{EditStonePage, NewStonePage, SheetPage, StonesPage},
    waiting::WaitingPage,
    welcome::WelcomePage,
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
                // Hydration waits for the browser to be idle: the page is painted from the
                // server's HTML first and works without the bundle (forms post), so a phone
                // shows it at once and compiles the WebAssembly afterwards.
                <HydrationScripts options defer=true />
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
    // Marks the page once the browser has taken over, for styles and tests that need it.
    #[cfg(feature = "hydrate")]
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });

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
                    <Route path=path!("/privacy") view=PrivacyPage ssr=SsrMode::Async />
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/login/code") view=LoginCodePage ssr=SsrMode::Async />
                    <Route path=path!("/welcome") view=WelcomePage ssr=SsrMode::Async />
                    <Route path=path!("/setup") view=SetupPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/participants") view=ParticipantsPage ssr=SsrMode::Async />
                    <Route path=path!("/import") view=ImportPage ssr=SsrMode::Async />
                    <Route path=path!("/waiting") view=WaitingPage ssr=SsrMode::Async />
                    <Route path=path!("/participants/new") view=NewParticipantPage ssr=SsrMode::Async />
                    <Route path=path!("/participants/:id") view=ParticipantPage ssr=SsrMode::Async />
                    <Route path=path!("/participants/:id/edit") view=EditParticipantPage ssr=SsrMode::Async />
                    <Route path=path!("/participants/:id/erase") view=|| view! { <ErasePage kind=crate::domain::privacy::PersonKind::Participant /> } ssr=SsrMode::Async />
                    <Route path=path!("/participants/:id/data") view=DataPage ssr=SsrMode::Async />
                    <Route path=path!("/retention") view=RetentionPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/registers") view=RegistersPage ssr=SsrMode::Async />
                    <Route path=path!("/participants/:id/sheet") view=SheetPage ssr=SsrMode::Async />
                    <Route path=path!("/register") view=RegisterPage ssr=SsrMode::Async />
                    <Route path=path!("/register/thanks") view=RegisterThanksPage ssr=SsrMode::Async />
                    <Route path=path!("/registrations/:id") view=RegistrationPage ssr=SsrMode::Async />
                    <Route path=path!("/registrations/:id/intake") view=RegistrationIntakePage ssr=SsrMode::Async />
                    <Route path=path!("/stones") view=StonesPage ssr=SsrMode::Async />
                    <Route path=path!("/stones/new") view=NewStonePage ssr=SsrMode::Async />
                    <Route path=path!("/stones/:id/edit") view=EditStonePage ssr=SsrMode::Async />
                    <Route path=path!("/reports") view=ReportsPage ssr=SsrMode::Async />
                    <Route path=path!("/reports/waiting") view=WaitingReportPage ssr=SsrMode::Async />
                    <Route path=path!("/reports/activity") view=ActivityReportPage ssr=SsrMode::Async />
                    <Route path=path!("/reports/buddies") view=BuddiesReportPage ssr=SsrMode::Async />
                    <Route path=path!("/reports/print") view=PrintReportPage ssr=SsrMode::Async />
                    <Route path=path!("/become-a-buddy") view=BecomeBuddyPage ssr=SsrMode::Async />
                    <Route path=path!("/become-a-buddy/thanks") view=ApplicationThanksPage ssr=SsrMode::Async />
                    <Route path=path!("/buddies") view=BuddiesPage ssr=SsrMode::Async />
                    <Route path=path!("/buddies/new") view=NewBuddyPage ssr=SsrMode::Async />
                    <Route path=path!("/buddies/:id") view=BuddyPage ssr=SsrMode::Async />
                    <Route path=path!("/buddies/:id/edit") view=EditBuddyPage ssr=SsrMode::Async />
                    <Route path=path!("/buddies/:id/data") view=BuddyDataPage ssr=SsrMode::Async />
                    <Route path=path!("/buddies/:id/erase") view=|| view! { <ErasePage kind=crate::domain::privacy::PersonKind::Buddy /> } ssr=SsrMode::Async />
                    <Route path=path!("/buddies/:id/match") view=BuddyMatchPage ssr=SsrMode::Async />
                    <Route path=path!("/participants/:id/match") view=ParticipantMatchPage ssr=SsrMode::Async />
                    <Route path=path!("/matching") view=EveryonePage ssr=SsrMode::Async />
                    <Route path=path!("/board") view=BoardPage ssr=SsrMode::Async />
                    <Route path=path!("/duos/:id") view=DuoPage ssr=SsrMode::Async />
                    <Route path=path!("/duos/:id/move") view=DuoMovePage ssr=SsrMode::Async />
                    <Route path=path!("/duos/:id/agreement") view=AgreementPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/matching") view=WeightsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/users") view=UsersPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/users/:id/data") view=UserDataPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/audit") view=AuditPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/outbox") view=OutboxPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/lists") view=ListsPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/settings") view=SettingsPage ssr=SsrMode::Async />
                    <Route path=path!("/buddy/duos/:id/plan") view=PlanActivityPage ssr=SsrMode::Async />
                    <Route path=path!("/buddy/activities/:id") view=ActivityPage ssr=SsrMode::Async />
                    <Route path=path!("/calendar") view=CalendarPage ssr=SsrMode::Async />
                    <Route path=path!("/events") view=EventsPage ssr=SsrMode::Async />
                    <Route path=path!("/events/new") view=NewEventPage ssr=SsrMode::Async />
                    <Route path=path!("/events/answer") view=AnswerLinkPage ssr=SsrMode::Async />
                    <Route path=path!("/events/answered") view=AnsweredPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id") view=EventPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/attendance") view=AttendancePage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/letters") view=LettersPage ssr=SsrMode::Async />
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
