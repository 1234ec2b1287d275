use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::api::account::{Logout, auth_status};
use crate::api::programme::SetLanguage;
use crate::components::icons::{Icon, Svg};
use crate::components::offline::{
    OfflineBanner, PhoneAnswersPanel, provide_phone_answers, use_phone_answers,
};
use crate::components::suspend::suspend;
use crate::domain::account::{CurrentUser, Role};
use crate::i18n::{Texts, use_i18n};
use crate::{ProgrammeResource, ViewerResource};

/// Header, navigation (a sidebar on a desktop, a bottom bar on a phone) and the main area.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let viewer: ViewerResource = Resource::new(move || location.pathname.get(), |_| auth_status());
    provide_context(viewer);
    provide_phone_answers(viewer);
    // Staff get the code of their pages in the background once signed in (pages::lazy).
    #[cfg(feature = "hydrate")]
    Effect::new(move |fetched: Option<bool>| {
        if fetched == Some(true) {
            return true;
        }
        let staff = viewer
            .get()
            .and_then(Result::ok)
            .and_then(|v| v.user)
            .is_some_and(|u| u.role.is_staff());
        if staff {
            crate::pages::lazy::fetch_staff_pages();
        }
        staff
    });
    view! {
        <a class="skip-link" href="#main">
            {move || i18n.t().skip_to_content}
        </a>
        <header class="app-header">
            <a class="brand" href="/">
                <span class="brand__name">{move || i18n.t().app_name}</span>
                <ProgrammeName />
            </a>
            <div class="header-tools">
                <UserMenu />
                <LanguageSwitch />
            </div>
        </header>
        <div class="app-body">
            <Navigation />
            <main id="main" tabindex="-1">
                <OfflineBanner />
                <PhoneAnswersPanel />
                {children()}
            </main>
        </div>
        <footer class="app-footer">
            <p>{move || i18n.t().footer}</p>
        </footer>
    }
}

/// The signed-in user, awaited so that the server render already shows the right menu.
async fn signed_in_user(viewer: ViewerResource) -> Option<CurrentUser> {
    viewer.await.ok().and_then(|v| v.user)
}

type Label = fn(&Texts) -> &'static str;

/// The main menu of a role (`None`: a visitor), each destination with an icon of its own.
fn nav_items(role: Option<Role>) -> Vec<(&'static str, Icon, Label)> {
    let mut items: Vec<(&'static str, Icon, Label)> = vec![("/", Icon::Home, |t| t.nav_home)];
    if matches!(role, Some(Role::Admin | Role::Coordinator)) {
        items.push(("/waiting", Icon::Clock, |t| t.nav_waiting));
        items.push(("/participants", Icon::People, |t| t.nav_participants));
        items.push(("/buddies", Icon::Heart, |t| t.nav_buddies));
        items.push(("/stones", Icon::Steps, |t| t.nav_stones));
        items.push(("/events", Icon::Calendar, |t| {
            crate::i18n::events::words(t.lang).title
        }));
        items.push(("/board", Icon::Columns, |t| t.nav_board));
        items.push(("/matching", Icon::Link, |t| t.nav_matching));
        items.push(("/reports", Icon::Chart, |t| t.nav_reports));
        items.push(("/retention", Icon::Hourglass, |t| t.nav_retention));
        items.push(("/import", Icon::Upload, |t| t.nav_import));
        items.push(("/admin/users", Icon::IdCard, |t| t.nav_users));
    }
    if role == Some(Role::Screener) {
        items.push(("/buddies", Icon::Heart, |t| t.nav_buddies));
        items.push(("/reports/buddies", Icon::Chart, |t| t.nav_reports));
        items.push(("/events", Icon::Calendar, |t| {
            crate::i18n::events::words(t.lang).title
        }));
    }
    if role == Some(Role::Buddy) {
        items.push(("/calendar", Icon::Calendar, |t| t.nav_calendar));
    }
    if role.is_none() {
        items.push(("/register", Icon::Door, |t| t.nav_register));
        items.push(("/become-a-buddy", Icon::UserPlus, |t| t.nav_become_buddy));
    }
    if role == Some(Role::Admin) {
        items.push(("/admin/audit", Icon::Eye, |t| t.nav_audit));
        items.push(("/admin/outbox", Icon::Envelope, |t| t.nav_outbox));
        items.push(("/admin/lists", Icon::List, |t| t.nav_lists));
        items.push(("/admin/settings", Icon::Settings, |t| t.nav_settings));
        items.push(("/admin/registers", Icon::Ledger, |t| t.nav_registers));
    }
    if role.is_some() {
        items.push(("/account", Icon::Person, |t| t.nav_account));
    }
    items.push(("/privacy", Icon::Shield, |t| t.nav_privacy));
    items
}

#[component]
fn Navigation() -> impl IntoView {
    let i18n = use_i18n();
    let viewer = expect_context::<ViewerResource>();
    let items = nav_items;
    view! {
        <nav class="app-nav" aria-label=move || i18n.t().nav_label>
            <Transition>
                {move || suspend(async move {
                    let role = signed_in_user(viewer).await.map(|u| u.role);
                    view! {
                        <ul>
                            {items(role).into_iter().map(|(href, icon, label)| view! {
                                <li>
                                    <A href=href exact=true>
                                        <Svg icon />
                                        <span>{move || label(i18n.t())}</span>
                                    </A>
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                })}
            </Transition>
        </nav>
    }
}

#[component]
fn UserMenu() -> impl IntoView {
    let i18n = use_i18n();
    let viewer = expect_context::<ViewerResource>();
    let logout = ServerAction::<Logout>::new();
    // Signed out: what this phone kept goes too (the server's answer clears the storage as
    // well; this clears the page that is still open).
    let phone = use_phone_answers();
    Effect::new(move |_| {
        if let Some(Ok(())) = logout.value().get() {
            phone.forget();
        }
    });
    view! {
        <Transition>
            {move || suspend(async move { match signed_in_user(viewer).await {
                Some(u) => view! {
                    <span class="user-name" title=move || i18n.t().signed_in_as_label>{u.display_name}</span>
                    <ActionForm action=logout attr:class="header-form">
                        <button type="submit" class="btn btn--ghost">{move || i18n.t().sign_out}</button>
                    </ActionForm>
                }.into_any(),
                None => view! {
                    <a class="btn btn--ghost" href="/login">{move || i18n.t().sign_in}</a>
                }.into_any(),
            }})}
        </Transition>
    }
}

#[component]
fn ProgrammeName() -> impl IntoView {
    let programme = expect_context::<ProgrammeResource>();
    view! {
        <Suspense>
            {move || suspend(async move {
                programme
                    .await
                    .ok()
                    .map(|info| view! { <span class="brand__programme">{info.name}</span> })
            })}
        </Suspense>
    }
}

/// A form, so that it also works without JavaScript (the server then redirects back).
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<SetLanguage>::new();
    Effect::new(move |_| {
        if let Some(Ok(lang)) = action.value().get() {
            i18n.set(lang);
        }
    });
    view! {
        <ActionForm action=action attr:class="lang-switch header-form">
            <input type="hidden" name="lang" value=move || i18n.lang().other().code() />
            <button
                type="submit"
                class="btn btn--ghost"
                lang=move || i18n.lang().other().code()
                aria-label=move || i18n.t().switch_language_label
            >
                {move || i18n.t().switch_language}
            </button>
        </ActionForm>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Icons mean their page: no two destinations in one menu share an icon.
    #[test]
    fn every_destination_has_an_icon_of_its_own() {
        for role in [
            None,
            Some(Role::Admin),
            Some(Role::Coordinator),
            Some(Role::Screener),
            Some(Role::Buddy),
        ] {
            let items = nav_items(role);
            for (i, (href, icon, _)) in items.iter().enumerate() {
                for (other, other_icon, _) in &items[i + 1..] {
                    assert!(
                        icon != other_icon,
                        "{role:?}: {href} and {other} share an icon"
                    );
                }
            }
        }
    }
}
