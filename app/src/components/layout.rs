use leptos::prelude::*;
use leptos_router::components::A;

use crate::ProgrammeResource;
use crate::api::programme::SetLanguage;
use crate::components::icons::{Icon, Svg};
use crate::i18n::use_i18n;

/// Header, navigation (a sidebar on a desktop, a bottom bar on a phone) and the main area.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">
            {move || i18n.t().skip_to_content}
        </a>
        <header class="app-header">
            <a class="brand" href="/">
                <span class="brand__name">{move || i18n.t().app_name}</span>
                <ProgrammeName />
            </a>
            <LanguageSwitch />
        </header>
        <div class="app-body">
            <nav class="app-nav" aria-label=move || i18n.t().nav_label>
                <ul>
                    <li>
                        <A href="/" exact=true>
                            <Svg icon=Icon::Home />
                            <span>{move || i18n.t().nav_home}</span>
                        </A>
                    </li>
                    <li>
                        <A href="/privacy">
                            <Svg icon=Icon::Shield />
                            <span>{move || i18n.t().nav_privacy}</span>
                        </A>
                    </li>
                </ul>
            </nav>
            <main id="main" tabindex="-1">
                {children()}
            </main>
        </div>
        <footer class="app-footer">
            <p>{move || i18n.t().footer}</p>
        </footer>
    }
}

#[component]
fn ProgrammeName() -> impl IntoView {
    let programme = expect_context::<ProgrammeResource>();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
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
        <ActionForm action=action attr:class="lang-switch">
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
