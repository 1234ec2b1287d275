//! The pages whose code the browser fetches only when one of them is shown: every page but the
//! buddy's own (home, activities, calendar, account) and signing in. `cargo leptos build
//! --split` moves each group's views into a WebAssembly file of its own, so a buddy's phone
//! downloads the small main bundle only (BENCHMARKS.md, "The buddy's bundle, split").
//!
//! One split point per group, not one per route: split points that share code make a chunk
//! for every combination of them (per route, about 470 files, each to optimise at build time
//! and to request at run time), while a group is one file. On the server a lazy route renders
//! as any other and names its group's file in the page's `<head>`, for the browser to fetch
//! alongside the main bundle.

use leptos::lazy;
use leptos::prelude::{AnyView, IntoAny};
use leptos_router::LazyRoute;

use crate::pages::*;

/// `Group, load, preload: Route => module::Page, ...`: an enum of the group's pages, one
/// lazily loaded function that shows any of them (`preload` is the name `#[lazy]` gives its
/// loader), and a route type per page for `<Route view={Lazy::<Route>::new()}>`.
macro_rules! lazy_pages {
    ($group:ident, $load:ident, $preload:ident: $($route:ident => $module:ident :: $page:ident,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $group {
            $($route,)*
        }

        #[lazy]
        fn $load(page: $group) -> AnyView {
            with_preload(
                stringify!($load),
                match page {
                    $($group::$route => $module::$page().into_any(),)*
                },
            )
        }

        $(
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_this: Self) -> AnyView {
                    $load($group::$route).await
                }

                async fn preload() {
                    #[cfg(target_arch = "wasm32")]
                    $preload().await;
                }
            }
        )*
    };
}

// Pages for people without an account or just invited: registering, applying, answering an
// invitation, the privacy statement, the first start.
lazy_pages! {
    PublicPage, public_page, __preload_public_page:
    PrivacyRoute => privacy::PrivacyPage,
    WelcomeRoute => welcome::WelcomePage,
    SetupRoute => setup::SetupPage,
    RegisterRoute => registrations::RegisterPage,
    RegisterThanksRoute => registrations::RegisterThanksPage,
    BecomeBuddyRoute => buddies::BecomeBuddyPage,
    ApplicationThanksRoute => buddies::ApplicationThanksPage,
    AnswerLinkRoute => events::AnswerLinkPage,
    AnsweredRoute => events::AnsweredPage,
}

// The staff's pages: people, matching, the board, duos, events, stepping stones, reports,
// rights and administration.
lazy_pages! {
    StaffPage, staff_page, __preload_staff_page:
    ParticipantsRoute => participants::ParticipantsPage,
    ImportRoute => import::ImportPage,
    WaitingRoute => waiting::WaitingPage,
    NewParticipantRoute => participants::NewParticipantPage,
    ParticipantRoute => participants::ParticipantPage,
    EditParticipantRoute => participants::EditParticipantPage,
    ParticipantEraseRoute => rights::ParticipantErasePage,
    DataRoute => person_data::DataPage,
    RetentionRoute => rights::RetentionPage,
    RegistersRoute => rights::RegistersPage,
    SheetRoute => stones::SheetPage,
    RegistrationRoute => registrations::RegistrationPage,
    RegistrationIntakeRoute => registrations::RegistrationIntakePage,
    StonesRoute => stones::StonesPage,
    NewStoneRoute => stones::NewStonePage,
    EditStoneRoute => stones::EditStonePage,
    ReportsRoute => reports::ReportsPage,
    WaitingReportRoute => reports::WaitingReportPage,
    ActivityReportRoute => reports::ActivityReportPage,
    BuddiesReportRoute => reports::BuddiesReportPage,
    PrintReportRoute => reports::PrintReportPage,
    BuddiesRoute => buddies::BuddiesPage,
    NewBuddyRoute => buddies::NewBuddyPage,
    BuddyRoute => buddies::BuddyPage,
    EditBuddyRoute => buddies::EditBuddyPage,
    BuddyDataRoute => person_data::BuddyDataPage,
    BuddyEraseRoute => rights::BuddyErasePage,
    BuddyMatchRoute => matching::BuddyMatchPage,
    ParticipantMatchRoute => matching::ParticipantMatchPage,
    EveryoneRoute => matching::EveryonePage,
    BoardRoute => board::BoardPage,
    DuoRoute => duo::DuoPage,
    DuoMoveRoute => board::DuoMovePage,
    AgreementRoute => duo::AgreementPage,
    WeightsRoute => admin_matching::WeightsPage,
    UsersRoute => admin_users::UsersPage,
    UserDataRoute => person_data::UserDataPage,
    AuditRoute => admin_audit::AuditPage,
    OutboxRoute => admin_outbox::OutboxPage,
    ListsRoute => admin_lists::ListsPage,
    SettingsRoute => admin_settings::SettingsPage,
    EventsRoute => events::EventsPage,
    NewEventRoute => events::NewEventPage,
    EventRoute => events::EventPage,
    AttendanceRoute => events::AttendancePage,
    LettersRoute => events::LettersPage,
}

/// A group's page; the server also puts links to the group's files into the `<head>` (and
/// nothing into the page, which the browser hydrates as the same view).
fn with_preload(load: &'static str, page: AnyView) -> AnyView {
    #[cfg(feature = "ssr")]
    split::preload(load);
    #[cfg(not(feature = "ssr"))]
    let _ = load;
    page
}

/// Starts the main bundle once the server's HTML is on the screen and the browser is idle.
/// Instead of Leptos's `HydrationScripts`, whose `<link rel="preload">` fetches the bundle
/// while the page is still being painted: a phone shows the page first (it works without the
/// bundle: forms post), and Lighthouse no longer counts the bundle's download as part of the
/// first paint (BENCHMARKS.md, "The buddy's bundle, split"). Rendered by the server only.
#[leptos::component]
pub fn BundleScript(output_name: String) -> impl leptos::prelude::IntoView {
    use leptos::prelude::*;
    #[cfg(feature = "ssr")]
    let (js, wasm) = use_context::<split::SplitFiles>()
        .unwrap_or_default()
        .main_bundle(&output_name);
    #[cfg(not(feature = "ssr"))]
    let (js, wasm) = (
        format!("/pkg/{output_name}.js"),
        format!("/pkg/{output_name}.wasm"),
    );
    let nonce = leptos::nonce::use_nonce();
    let script = format!(
        "({})({js:?}, {wasm:?});",
        include_str!("start_bundle.js").trim()
    );
    view! { <script type="module" nonce=nonce>{script}</script> }
}

/// The files of the split build, for the page's `<head>`: the browser then fetches a group's
/// file alongside the main bundle instead of after it. (Leptos's own preload links need a
/// context the page does not see; the server provides this one, `server/src/routes.rs`.)
#[cfg(feature = "ssr")]
pub mod split {
    use std::collections::BTreeMap;
    use std::path::Path;
    use std::sync::Arc;

    use leptos::prelude::*;
    use leptos_meta::Link;

    /// The hash of one kind of file (`js`, `wasm`, `css`, `split`, `manifest`) in a hash file
    /// as cargo-leptos writes it: one `kind: hash` line each.
    pub fn hash_in(hash_file: &str, kind: &str) -> Option<String> {
        hash_file.lines().find_map(|line| {
            let (k, hash) = line.split_once(':')?;
            (k.trim() == kind).then(|| hash.trim().to_owned())
        })
    }

    #[derive(Clone, Debug, Default)]
    pub struct SplitFiles {
        /// `/pkg/__wasm_split.<hash>.js`, which fetches the groups' files.
        loader: Option<String>,
        /// Per group (`staff_page_<hash>`, as `#[lazy]` names it): its files, without `.wasm`.
        groups: Arc<BTreeMap<String, Vec<String>>>,
        /// The hashes of the main bundle's script and WebAssembly.
        main: Option<(String, String)>,
    }

    impl SplitFiles {
        /// From a hash file's text (`split:` and `manifest:` lines, as cargo-leptos writes
        /// them) and the site's `pkg` folder; nothing without a split build.
        pub fn read(hash_file: &str, pkg: &Path) -> Self {
            let hash = |kind: &str| hash_in(hash_file, kind);
            let groups = hash("manifest")
                .and_then(|h| {
                    std::fs::read_to_string(pkg.join(format!("__wasm_split_manifest.{h}.json")))
                        .ok()
                })
                .and_then(|text| serde_json::from_str(&text).ok())
                .unwrap_or_default();
            SplitFiles {
                loader: hash("split").map(|h| format!("/pkg/__wasm_split.{h}.js")),
                groups: Arc::new(groups),
                main: hash("js").zip(hash("wasm")),
            }
        }

        /// `/pkg/<name>.<hash>.js` and `.wasm` of the main bundle (without hashes in a
        /// development build).
        pub fn main_bundle(&self, name: &str) -> (String, String) {
            match &self.main {
                Some((js, wasm)) => (
                    format!("/pkg/{name}.{js}.js"),
                    format!("/pkg/{name}.{wasm}.wasm"),
                ),
                None => (format!("/pkg/{name}.js"), format!("/pkg/{name}.wasm")),
            }
        }

        /// The files of the group whose loading function is `load`.
        pub fn files(&self, load: &str) -> Vec<String> {
            self.groups
                .iter()
                .filter(|(key, _)| {
                    // `<function>_<hash of where #[lazy] stands>`
                    key.strip_prefix(load)
                        .and_then(|rest| rest.strip_prefix('_'))
                        .is_some_and(|hash| {
                            !hash.is_empty() && hash.bytes().all(|b| b.is_ascii_digit())
                        })
                })
                .flat_map(|(_, files)| files.iter().map(|f| format!("/pkg/{f}.wasm")))
                .collect()
        }
    }

    /// `<link rel="preload">` for the group's files and the loader, in the page's `<head>`:
    /// rendering a `Link` to HTML hands it to the `<head>` and leaves nothing where it stands
    /// (as Leptos does for its own preload links).
    pub fn preload(load: &'static str) {
        let split = use_context::<SplitFiles>().unwrap_or_default();
        let files = split.files(load);
        if files.is_empty() {
            return;
        }
        if let Some(href) = split.loader {
            let _ = view! { <Link rel="modulepreload" href /> }.to_html();
        }
        for href in files {
            let _ = view! {
                <Link rel="preload" href as_="fetch" type_="application/wasm" crossorigin="" />
            }
            .to_html();
        }
    }
}

/// Fetches the staff's pages in the background, so that the first of them opens as fast as
/// before the split: called once a member of staff is signed in (on a buddy's phone, never).
#[cfg(feature = "hydrate")]
pub fn fetch_staff_pages() {
    leptos::task::spawn_local(async {
        __preload_staff_page().await;
    });
}
