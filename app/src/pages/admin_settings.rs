use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::settings::{SetTwoFactorRequired, security_settings};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FormError, action_error};
use crate::components::guard::RequireRole;
use crate::domain::account::Role;
use crate::i18n::use_i18n;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t().settings_title.to_owned() />
        <RequireRole roles=&[Role::Admin]>
            <h1>{move || i18n.t().settings_title}</h1>
            <SecuritySettings />
            <p><a class="btn" href="/admin/matching">{move || i18n.t().weights_link}</a></p>
        </RequireRole>
    }
}

#[component]
fn SecuritySettings() -> impl IntoView {
    let i18n = use_i18n();
    let set = ServerAction::<SetTwoFactorRequired>::new();
    let error = action_error(set);
    let settings = Resource::new(move || set.version().get(), |_| security_settings());
    view! {
        <section class="card form-card" aria-labelledby="security-title">
            <h2 id="security-title">{move || i18n.t().security_title}</h2>
            <FormError error />
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || Suspend::new(async move {
                    let current = match settings.await {
                        Ok(current) => current,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let on = current.two_factor_required;
                    view! {
                        <p role="status">{move || if on { i18n.t().two_factor_required_on } else { i18n.t().two_factor_required_off }}</p>
                        <ActionForm action=set>
                            <input type="hidden" name="required" value=(!on).to_string() />
                            {current.version.map(|v| view! { <input type="hidden" name="version" value=v /> })}
                            <button type="submit" class="btn">
                                {move || if on { i18n.t().two_factor_unrequire } else { i18n.t().two_factor_require }}
                            </button>
                        </ActionForm>
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}
