//! "My calendar" (`/calendar`): a buddy's personal calendar address for Google, Apple or
//! Outlook. Made, renewed and revoked with plain forms (they work without JavaScript too);
//! the address is shown once, right after it was made.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::calendar::{FeedStatus, RenewCalendar, RevokeCalendar, calendar_status};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FormError, action_error};
use crate::components::guard::RequireRole;
use crate::components::suspend::suspend;
use crate::domain::account::BUDDY;
use crate::error::AppError;
use crate::i18n::use_i18n;

#[component]
pub fn CalendarPage() -> impl IntoView {
    let i18n = use_i18n();
    let renew = ServerAction::<RenewCalendar>::new();
    let revoke = ServerAction::<RevokeCalendar>::new();
    // Made here, once per page, not inside the role check: a new address that a form without
    // JavaScript made is handed out by the server only once, to the first status it reads.
    let status = Resource::new(
        move || (renew.version().get(), revoke.version().get()),
        |_| calendar_status(),
    );
    view! {
        <Title text=move || i18n.t().calendar_title.to_owned() />
        <RequireRole roles=BUDDY>
            <div class="calendar-page">
                <h1>{move || i18n.t().calendar_title}</h1>
                <p class="lead">{move || i18n.t().calendar_intro}</p>
                <p>{move || i18n.t().calendar_privacy}</p>
                <FeedCard renew revoke status />
                <HowTo />
            </div>
        </RequireRole>
    }
}

#[component]
fn FeedCard(
    renew: ServerAction<RenewCalendar>,
    revoke: ServerAction<RevokeCalendar>,
    status: Resource<Result<FeedStatus, AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let renew_error = action_error(renew);
    let revoke_error = action_error(revoke);
    view! {
        <section class="card calendar-card" aria-labelledby="feed-title">
            <h2 id="feed-title">{move || i18n.t().calendar_url_title}</h2>
            <FormError error=renew_error />
            <FormError error=revoke_error />
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let status = match status.await {
                        Ok(status) => status,
                        Err(error) => return EitherOf3::A(view! { <ErrorPanel error /> }),
                    };
                    if !status.active {
                        let revoked = matches!(revoke.value().get_untracked(), Some(Ok(())));
                        return EitherOf3::B(view! {
                            {revoked.then(|| view! {
                                <p class="banner banner--ok" role="status">{move || i18n.t().calendar_revoked}</p>
                            })}
                            <p>{move || i18n.t().calendar_status_off}</p>
                            <ActionForm action=renew>
                                <button type="submit" class="btn btn--primary">
                                    {move || i18n.t().calendar_create}
                                </button>
                            </ActionForm>
                        });
                    }
                    // Without JavaScript the page brings the new address; with, the action does.
                    let fresh = status
                        .fresh_url
                        .or_else(|| renew.value().get_untracked().and_then(Result::ok));
                    let since = status.since.unwrap_or_default();
                    EitherOf3::C(view! {
                        {fresh.map(|url| view! { <FeedUrl url /> })}
                        <p>{move || (i18n.t().calendar_status_on)(&since)}</p>
                        <ActionForm action=renew attr:class="calendar-renew">
                            <p class="muted" id="renew-hint">{move || i18n.t().calendar_renew_hint}</p>
                            <button type="submit" class="btn" aria-describedby="renew-hint">
                                {move || i18n.t().calendar_renew}
                            </button>
                        </ActionForm>
                        <details class="calendar-revoke">
                            <summary>{move || i18n.t().calendar_revoke_summary}</summary>
                            <p>{move || i18n.t().calendar_revoke_explain}</p>
                            <ActionForm action=revoke>
                                <button type="submit" class="btn btn--danger">
                                    {move || i18n.t().calendar_revoke_confirm}
                                </button>
                            </ActionForm>
                        </details>
                    })
                })}
            </Transition>
        </section>
    }
}

/// The new address, once: to select and copy, or to open in the phone's calendar app.
#[component]
fn FeedUrl(url: String) -> impl IntoView {
    let i18n = use_i18n();
    let input = NodeRef::<leptos::html::Input>::new();
    // The copy button needs JavaScript: it shows once the page is interactive.
    let interactive = RwSignal::new(false);
    Effect::new(move |_| interactive.set(true));
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| copied.set(Some(copy_from(input)));
    let webcal = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .map(|rest| format!("webcal://{rest}"))
        .unwrap_or_else(|| url.clone());
    view! {
        <div class="feed-url">
            <p class="banner banner--warning" id="feed-url-once" role="status">
                {move || i18n.t().calendar_url_once}
            </p>
            <label for="feed-url-input">{move || i18n.t().calendar_url_label}</label>
            <input
                id="feed-url-input"
                class="feed-url__input"
                type="text"
                readonly
                spellcheck="false"
                autocomplete="off"
                aria-describedby="feed-url-once"
                data-testid="feed-url"
                node_ref=input
                value=url
            />
            <div class="feed-url__actions">
                <button
                    type="button"
                    class="btn btn--primary"
                    hidden=move || !interactive.get()
                    on:click=copy
                >
                    {move || i18n.t().calendar_copy}
                </button>
                <a class="btn" href=webcal>{move || i18n.t().calendar_open_app}</a>
            </div>
            <p class="feed-url__copied" role="status">
                {move || match copied.get() {
                    None => Either::Left(()),
                    Some(true) => Either::Right(i18n.t().calendar_copied),
                    Some(false) => Either::Right(i18n.t().calendar_copy_failed),
                }}
            </p>
        </div>
    }
}

/// Selects the address (so that it can be copied by hand, too) and copies it.
fn copy_from(input: NodeRef<leptos::html::Input>) -> bool {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Some(input) = input.get() else {
            return false;
        };
        input.select();
        document()
            .dyn_into::<web_sys::HtmlDocument>()
            .ok()
            .and_then(|doc| doc.exec_command("copy").ok())
            .unwrap_or(false)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = input;
        false
    }
}

#[component]
fn HowTo() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card calendar-howto" aria-labelledby="howto-title">
            <h2 id="howto-title">{move || i18n.t().calendar_how_title}</h2>
            {move || {
                i18n.t()
                    .calendar_apps
                    .iter()
                    .map(|(app, steps)| view! {
                        <h3>{*app}</h3>
                        <ol>
                            {steps.iter().map(|step| view! { <li>{*step}</li> }).collect_view()}
                        </ol>
                    })
                    .collect_view()
            }}
            <p class="muted">{move || i18n.t().calendar_delay}</p>
        </section>
    }
}
