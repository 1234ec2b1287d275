use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::account::Login;
use crate::components::form::{Field, FormError, action_error};
use crate::components::guard::SetupRedirect;
use crate::i18n::use_i18n;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<Login>::new();
    let error = action_error(action);
    view! {
        <Title text=move || i18n.t().login_title.to_owned() />
        <SetupRedirect />
        <section class="card form-card" aria-labelledby="login-title">
            <h1 id="login-title">{move || i18n.t().login_title}</h1>
            <p>{move || i18n.t().login_intro}</p>
            <ActionForm action=action>
                <FormError error />
                <Field id="login-email" name="input[email]" field="email" kind="email"
                    autocomplete="username" label=|t| t.field_email error />
                <Field id="login-password" name="input[password]" field="password" kind="password"
                    autocomplete="current-password" label=|t| t.field_password error />
                <button type="submit" class="btn btn--primary" disabled=move || action.pending().get()>
                    {move || i18n.t().sign_in}
                </button>
            </ActionForm>
        </section>
    }
}
