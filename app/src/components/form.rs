//! Form pieces: a labelled field that shows its own error, and a banner for other errors.

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::{Texts, use_i18n};

/// The error of a server action, as a signal.
pub type ActionError = Signal<Option<AppError>>;

/// Makes the error signal of an action's last answer.
pub fn action_error<I, O>(action: ServerAction<I>) -> ActionError
where
    I: leptos::server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(|r| r.err()))
}

/// A counter that goes up whenever `action` answers with anything but a refused field: a
/// form that reloads what it shows on it gets the new version, and keeps what was typed
/// when a field was refused.
pub fn reload_after<I, O>(action: ServerAction<I>) -> RwSignal<u32>
where
    I: leptos::server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    let reload = RwSignal::new(0_u32);
    Effect::new(move || {
        if let Some(result) = action.value().get()
            && !matches!(
                result,
                Err(AppError::Validation { .. } | AppError::Invalid { .. })
            )
        {
            reload.update(|n| *n += 1);
        }
    });
    reload
}

/// One labelled input. `name` is the form field name; `field` the name the server uses
/// when it reports a problem with this value.
#[component]
pub fn Field(
    id: &'static str,
    name: &'static str,
    field: &'static str,
    label: fn(&Texts) -> &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] hint: Option<fn(&Texts) -> &'static str>,
    #[prop(optional, into)] value: Signal<String>,
    error: ActionError,
) -> impl IntoView {
    let i18n = use_i18n();
    let problem = move || {
        error
            .read()
            .as_ref()
            .and_then(|e| e.problem_at(field).map(|p| (i18n.t().problem)(p)))
    };
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if problem().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field">
            <label for=id>{move || label(i18n.t())}</label>
            {hint.map(|h| view! { <span class="hint" id=hint_id.clone()>{move || h(i18n.t())}</span> })}
            <input
                id=id
                name=name
                type=kind
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                prop:value=move || value.get()
                aria-invalid=move || problem().map(|_| "true")
                aria-describedby=described
                required
            />
            {move || problem().map(|message| view! { <span class="field-error" id=error_id.clone()>{message}</span> })}
        </div>
    }
}

/// Errors that belong to no single field (wrong password, too many attempts, conflicts).
#[component]
pub fn FormError(error: ActionError) -> impl IntoView {
    let i18n = use_i18n();
    move || match error.get() {
        None | Some(AppError::Validation { .. }) => None,
        Some(e) => Some(view! {
            <p class="banner banner--error" role="alert">
                {e.message(i18n.t())}
            </p>
        }),
    }
}
