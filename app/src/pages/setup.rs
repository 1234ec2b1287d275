use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

use crate::ViewerResource;
use crate::api::account::SetupAdmin;
use crate::components::form::{Field, FormError, action_error};
use crate::components::suspend::suspend;
use crate::i18n::use_i18n;

/// Only while no account exists; afterwards the address leads to the home page.
#[component]
pub fn SetupPage() -> impl IntoView {
    let i18n = use_i18n();
    let viewer = expect_context::<ViewerResource>();
    let action = ServerAction::<SetupAdmin>::new();
    let error = action_error(action);
    view! {
        <Title text=move || i18n.t().setup_title.to_owned() />
        <Suspense>
            {move || suspend(async move {
                if !viewer.await.map(|v| v.needs_setup).unwrap_or(false) {
                    return Either::Left(view! { <Redirect path="/" /> });
                }
                Either::Right(view! {
                    <section class="card form-card" aria-labelledby="setup-title">
                        <h1 id="setup-title">{move || i18n.t().setup_title}</h1>
                        <p>{move || i18n.t().setup_intro}</p>
                        <ActionForm action=action>
                            <FormError error />
                            <Field id="setup-name" name="input[display_name]" field="display_name"
                                autocomplete="name" label=|t| t.field_name error />
                            <Field id="setup-email" name="input[email]" field="email" kind="email"
                                autocomplete="username" label=|t| t.field_email error />
                            <Field id="setup-password" name="input[password]" field="password"
                                kind="password" autocomplete="new-password"
                                label=|t| t.field_password hint=|t| t.password_hint error />
                            <button type="submit" class="btn btn--primary"
                                disabled=move || action.pending().get()>
                                {move || i18n.t().setup_submit}
                            </button>
                        </ActionForm>
                    </section>
                })
            })}
        </Suspense>
    }
}
