use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::account::VerifySecondStep;
use crate::components::form::{Field, FormError, action_error};
use crate::i18n::use_i18n;

/// The second step of signing in, after a correct password.
#[component]
pub fn LoginCodePage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<VerifySecondStep>::new();
    let error = action_error(action);
    view! {
        <Title text=move || i18n.t().login_code_title.to_owned() />
        <section class="card form-card" aria-labelledby="code-title">
            <h1 id="code-title">{move || i18n.t().login_code_title}</h1>
            <p>{move || i18n.t().login_code_intro}</p>
            <ActionForm action=action>
                <FormError error />
                <Field id="login-code" name="code" field="code" autocomplete="one-time-code"
                    label=|t| t.field_code hint=|t| t.login_code_hint error />
                <button type="submit" class="btn btn--primary" disabled=move || action.pending().get()>
                    {move || i18n.t().login_code_submit}
                </button>
            </ActionForm>
            <p>
                <a class="btn" href="/login">{move || i18n.t().login_start_over}</a>
            </p>
        </section>
    }
}
