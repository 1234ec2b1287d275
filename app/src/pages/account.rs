use leptos::prelude::*;
use leptos_meta::Title;

use crate::ProgrammeResource;
use crate::api::account::{ChangePassword, EndSession, mail_language, my_sessions};
use crate::api::programme::SetLanguage;
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{Field, FormError, action_error};
use crate::components::guard::RequireRole;
use crate::components::suspend::suspend;
use crate::domain::time::format_date_time;
use crate::i18n::use_i18n;
use crate::pages::account_two_factor::TwoFactorSection;

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t().account_title.to_owned() />
        <RequireRole>
            <h1>{move || i18n.t().account_title}</h1>
            <TwoFactorSection />
            {move || {
                let buddy = use_context::<crate::domain::account::CurrentUser>()
                    .is_some_and(|u| u.role == crate::domain::account::Role::Buddy);
                buddy.then(|| view! { <crate::pages::events::EventRemindersSection /> })
            }}
            <MailLanguageSection />
            <PasswordForm />
            <Sessions />
        </RequireRole>
    }
}

/// The language of the account's mails; when the page is in another one (chosen while signed
/// out), one button makes it the account's too.
#[component]
fn MailLanguageSection() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SetLanguage>::new();
    let error = action_error(save);
    let stored = Resource::new(
        move || (save.version().get(), i18n.lang()),
        |_| mail_language(),
    );
    view! {
        <section class="card form-card" aria-labelledby="mail-language-title">
            <h2 id="mail-language-title">{move || i18n.t().account_language_title}</h2>
            <Transition>
                {move || suspend(async move {
                    let lang = match stored.await {
                        Ok(lang) => lang,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let page = i18n.lang();
                    view! {
                        <p data-testid="mail-language">{move || (i18n.t().account_language_now)(lang)}</p>
                        {(lang != page).then(|| view! {
                            <ActionForm action=save>
                                <FormError error />
                                <input type="hidden" name="lang" value=page.code() />
                                <button type="submit" class="btn btn--ghost">
                                    {move || i18n.t().account_language_use_page}
                                </button>
                            </ActionForm>
                        })}
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}

#[component]
fn PasswordForm() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<ChangePassword>::new();
    let error = action_error(action);
    let done = move || matches!(action.value().get(), Some(Ok(())));
    view! {
        <section class="card form-card" aria-labelledby="password-title">
            <h2 id="password-title">{move || i18n.t().password_change_title}</h2>
            <ActionForm action=action>
                <FormError error />
                <Show when=done>
                    <p class="banner banner--ok" role="status">{move || i18n.t().password_changed}</p>
                </Show>
                <Field id="pw-current" name="input[current]" field="current" kind="password"
                    autocomplete="current-password" label=|t| t.field_current_password error />
                <Field id="pw-new" name="input[new]" field="new" kind="password"
                    autocomplete="new-password" label=|t| t.field_new_password
                    hint=|t| t.password_hint error />
                <button type="submit" class="btn btn--primary">
                    {move || i18n.t().password_change_submit}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Sessions() -> impl IntoView {
    let i18n = use_i18n();
    let programme = expect_context::<ProgrammeResource>();
    let end = ServerAction::<EndSession>::new();
    let sessions = Resource::new(move || end.version().get(), |_| my_sessions());
    view! {
        <section class="card" aria-labelledby="sessions-title">
            <h2 id="sessions-title">{move || i18n.t().sessions_title}</h2>
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let tz = programme.await.map(|p| p.tz()).unwrap_or(crate::domain::time::DEFAULT_TIME_ZONE);
                    let list = sessions.await.unwrap_or_default();
                    view! {
                        <ul class="list">
                            {list.into_iter().map(|s| {
                                let device = if s.device.is_empty() { None } else { Some(s.device.clone()) };
                                let seen = format_date_time(s.last_seen_at, tz);
                                view! {
                                    <li class="list__row">
                                        <div>
                                            <strong>{move || device.clone().unwrap_or_else(|| i18n.t().unknown_device.to_owned())}</strong>
                                            <br />
                                            <span class="muted">{move || i18n.t().session_last_seen}": "{seen.clone()}</span>
                                        </div>
                                        {if s.current {
                                            view! { <span class="chip">{move || i18n.t().session_this_device}</span> }.into_any()
                                        } else {
                                            view! {
                                                <ActionForm action=end>
                                                    <input type="hidden" name="id" value=s.id.clone() />
                                                    <button type="submit" class="btn btn--danger">{move || i18n.t().session_end}</button>
                                                </ActionForm>
                                            }.into_any()
                                        }}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                })}
            </Transition>
        </section>
    }
}
