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
            match page {
                $($group::$route => $module::$page().into_any(),)*
            }
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

/// Fetches the staff's pages in the background, so that the first of them opens as fast as
/// before the split: called once a member of staff is signed in (on a buddy's phone, never).
#[cfg(feature = "hydrate")]
pub fn fetch_staff_pages() {
    leptos::task::spawn_local(async {
        __preload_staff_page().await;
    });
}
