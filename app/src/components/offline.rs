//! The buddy's answers without network: a form that keeps its answer on the phone when the
//! server cannot be reached, the list of what waits (and what was refused), and the sender
//! that tries again when the network is back. The rules are in `domain::offline`.

use leptos::ev::SubmitEvent;
use leptos::form::FromFormData;
use leptos::prelude::*;
use leptos::server_fn::client::Client;
use leptos::server_fn::codec::PostUrl;
use leptos::server_fn::request::ClientReq;
use leptos::server_fn::{Http, ServerFn};
use serde::de::DeserializeOwned;

use crate::ViewerResource;
use crate::domain::activity_view::ActivityView;
use crate::domain::offline::{KeepsOffline, KeptAnswer, OfflineAnswers};
use crate::domain::time::format_day_time;
use crate::error::AppError;
use crate::i18n::use_i18n;

/// The name under which the phone keeps the answers (the browser's `localStorage`).
pub const STORAGE_KEY: &str = "klik.answers.v1";

/// The answers on this phone, shared by every form and by the list in the layout.
#[derive(Clone, Copy)]
pub struct PhoneAnswers {
    state: RwSignal<OfflineAnswers>,
    /// Goes up when an answer reached the server (applied or refused): pages reload what
    /// they show.
    settled: RwSignal<u32>,
    sending: RwSignal<bool>,
    /// Asked to send while sending: one more round right after (sending is the browser's).
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    again: RwSignal<bool>,
    viewer: Option<ViewerResource>,
}

impl PhoneAnswers {
    fn new(viewer: Option<ViewerResource>) -> Self {
        PhoneAnswers {
            state: RwSignal::new(OfflineAnswers::default()),
            settled: RwSignal::new(0),
            sending: RwSignal::new(false),
            again: RwSignal::new(false),
            viewer,
        }
    }

    fn owner(&self) -> Option<i32> {
        self.viewer
            .and_then(|v| v.get_untracked())
            .and_then(|v| v.ok())
            .and_then(|v| v.user)
            .map(|u| u.id)
    }

    /// Keeps an answer on the phone and tries to send it.
    pub fn keep(&self, kept: KeptAnswer) {
        let owner = self.owner();
        self.state.update(|s| s.keep(owner, kept));
        self.send_now();
    }

    /// Forgets everything the phone kept (signing out).
    pub fn forget(&self) {
        self.state.set(OfflineAnswers::default());
    }

    /// Whether `answer` waits on the phone for activity `id`.
    pub fn waits(&self, id: i32, answer: &str) -> bool {
        self.state.with(|s| s.waits(id, answer))
    }

    /// The activity as it will be once what waits for it is sent.
    pub fn expected(&self, a: &ActivityView) -> crate::domain::offline::Expected {
        self.state
            .with(|s| s.expected(a.id, a.status, a.checked_in, a.version))
    }

    /// A counter that goes up whenever an answer reached the server.
    pub fn settled(&self) -> u32 {
        self.settled.get()
    }

    /// Sends what waits, now (a button, the `online` event, a new answer).
    pub fn send_now(&self) {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(sender::flush(*self));
    }
}

/// Makes the phone's answers for the pages below; reads and writes them in the browser.
pub fn provide_phone_answers(viewer: ViewerResource) -> PhoneAnswers {
    let phone = PhoneAnswers::new(Some(viewer));
    provide_context(phone);
    #[cfg(feature = "hydrate")]
    sender::start(phone, viewer);
    phone
}

/// The phone's answers (a no-op set outside the layout, e.g. in a component test).
pub fn use_phone_answers() -> PhoneAnswers {
    use_context::<PhoneAnswers>().unwrap_or_else(|| PhoneAnswers::new(None))
}

#[cfg(feature = "hydrate")]
mod sender {
    use std::time::Duration;

    use gloo_storage::{LocalStorage, Storage};
    use leptos::prelude::*;

    use super::{PhoneAnswers, STORAGE_KEY};
    use crate::ViewerResource;
    use crate::api::activities::{cancel_activity, check_in_activity, confirm_activity};
    use crate::domain::offline::{Answer, KeptAnswer, OfflineAnswers, backoff_ms, worth_retrying};
    use crate::error::AppError;

    pub fn start(phone: PhoneAnswers, viewer: ViewerResource) {
        // First run: read what an earlier page kept (after hydration, so the server's page
        // and the browser's agree), then send it. Later runs: write every change back.
        Effect::new(move |loaded: Option<()>| {
            let current = phone.state.get();
            if loaded.is_none() {
                if let Ok(stored) = LocalStorage::get::<OfflineAnswers>(STORAGE_KEY) {
                    phone.state.set(stored);
                }
                phone.send_now();
            } else if current.is_empty() {
                LocalStorage::delete(STORAGE_KEY);
            } else {
                let _ = LocalStorage::set(STORAGE_KEY, &current);
            }
        });
        // Someone else signed in on this phone: what the last person left is not theirs.
        // The same person signed in again: what waited can go now.
        Effect::new(move |_| {
            if let Some(Ok(v)) = viewer.get()
                && let Some(user) = v.user
            {
                phone.state.update(|s| s.belongs_to(user.id));
                if phone.state.with_untracked(|s| !s.waiting.is_empty()) {
                    phone.send_now();
                }
            }
        });
        // Back online: at once, and the waits start short again.
        let online = window_event_listener(leptos::ev::online, move |_| {
            phone.state.update(|s| s.attempts = 0);
            phone.send_now();
        });
        on_cleanup(move || online.remove());
    }

    thread_local! {
        /// The one try that is planned: a new plan replaces it, so tries never pile up.
        static PLANNED: std::cell::Cell<Option<TimeoutHandle>> = const { std::cell::Cell::new(None) };
    }

    fn retry_in(phone: PhoneAnswers, wait: Duration) {
        let handle = set_timeout_with_handle(move || phone.send_now(), wait).ok();
        if let Some(previous) = PLANNED.with(|p| p.replace(handle)) {
            previous.clear();
        }
    }

    async fn send(kept: &KeptAnswer) -> Result<(), AppError> {
        let (id, version, key) = (kept.activity_id, kept.version, kept.key.clone());
        // No `next`: sent in the background, the buddy stays where they are.
        match &kept.answer {
            Answer::Confirm => confirm_activity(id, version, key, None).await,
            Answer::Cancel { form } => cancel_activity(id, version, form.clone(), key, None).await,
            Answer::CheckIn { form } => {
                check_in_activity(id, version, form.clone(), key, None).await
            }
        }
    }

    /// Sends the waiting answers one by one, oldest first; stops at the first that cannot
    /// reach the server and tries again after a growing wait.
    pub async fn flush(phone: PhoneAnswers) {
        if phone.sending.get_untracked() {
            phone.again.set(true);
            return;
        }
        phone.sending.set(true);
        phone.again.set(false);
        let mut settled_any = false;
        while let Some(next) = phone.state.with_untracked(|s| s.next().cloned()) {
            let outcome = send(&next).await;
            let retry = matches!(&outcome, Err(e) if worth_retrying(e));
            // Changed while on its way (given again): the new content goes next round.
            phone.state.update(|s| {
                if s.next() == Some(&next) {
                    s.settle(outcome);
                }
            });
            settled_any |= !retry;
            if retry {
                let wait = phone.state.with_untracked(|s| backoff_ms(s.attempts));
                retry_in(phone, Duration::from_millis(u64::from(wait)));
                break;
            }
        }
        phone.sending.set(false);
        if settled_any {
            phone.settled.update(|n| *n += 1);
        }
        // The network came back (or a new answer came) while this round was under way.
        if phone.again.get_untracked() {
            phone.send_now();
        }
    }
}

/// Whether the browser knows it has no network (then the answer is kept without trying).
fn offline() -> bool {
    #[cfg(feature = "hydrate")]
    {
        !window().navigator().on_line()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        false
    }
}

/// A form for one of the buddy's answers to `about`, like `ActionForm` (a plain form post
/// without JavaScript), except that an answer that cannot reach the server is kept on the
/// phone and sent later. While it waits, the form gives way to a note that says so.
#[component]
pub fn AnswerForm<ServFn, OutputProtocol>(
    action: ServerAction<ServFn>,
    about: ActivityView,
    children: Children,
) -> impl IntoView
where
    ServFn: DeserializeOwned
        + ServerFn<Protocol = Http<PostUrl, OutputProtocol>, Error = AppError>
        + KeepsOffline
        + Clone
        + Send
        + Sync
        + 'static,
    <<ServFn::Client as Client<AppError>>::Request as ClientReq<AppError>>::FormData:
        From<leptos::web_sys::FormData>,
    ServFn::Output: Clone + Send + Sync + 'static,
    <ServFn as ServerFn>::Client: Client<AppError>,
    OutputProtocol: 'static,
{
    let phone = use_phone_answers();
    let last: StoredValue<Option<ServFn>> = StoredValue::new(None);
    let id = about.id;
    {
        let about = about.clone();
        // Sent but the server could not be reached: kept, and not shown as an error.
        Effect::new(move |_| {
            if let Some(Err(AppError::Unreachable)) = action.value().get()
                && let Some(input) = last.get_value()
            {
                last.set_value(None);
                action.value().set(None);
                phone.keep(input.kept(&about));
            }
        });
    }
    let on_submit = {
        let about = about.clone();
        move |ev: SubmitEvent| {
            if ev.default_prevented() {
                return;
            }
            ev.prevent_default();
            let input = match ServFn::from_event(&ev) {
                Ok(input) => input,
                Err(_) => {
                    action.value().set(Some(Err(AppError::Request(
                        "the form could not be read".into(),
                    ))));
                    return;
                }
            };
            let kept = input.kept(&about);
            if let Err(problems) = kept.answer.check() {
                action.value().set(Some(Err(AppError::fields(problems))));
                return;
            }
            if offline() {
                phone.keep(kept);
                return;
            }
            last.set_value(Some(input.clone()));
            action.dispatch(input);
        }
    };
    let waits = move || phone.waits(id, ServFn::ANSWER);
    view! {
        <Show when=waits>
            <KeptNote />
        </Show>
        <form action=ServFn::url() method="post" novalidate=true on:submit=on_submit hidden=waits>
            {children()}
        </form>
    }
}

/// Said where a form was, while its answer waits on the phone.
#[component]
fn KeptNote() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="banner banner--info" role="status" data-testid="kept-on-phone">
            {move || i18n.t().offline_kept}
        </p>
    }
}

/// What waits on this phone and what the server refused, at the top of every page; nothing
/// when the phone holds nothing.
#[component]
pub fn PhoneAnswersPanel() -> impl IntoView {
    let i18n = use_i18n();
    let phone = use_phone_answers();
    let describe = move |k: &KeptAnswer| {
        let when = format_day_time(k.starts_at, i18n.lang());
        (i18n.t().offline_answer)(&k.answer, &k.kind, &when)
    };
    let waiting = move || {
        let items = phone.state.with(|s| s.waiting.clone());
        (!items.is_empty()).then(|| {
            view! {
                <section class="card phone-answers" aria-labelledby="phone-answers-title" data-testid="phone-answers">
                    <h2 id="phone-answers-title">{move || i18n.t().offline_waiting_title}</h2>
                    <p>{move || i18n.t().offline_kept}</p>
                    <ul>
                        {items.iter().map(|k| view! { <li>{describe(k)}</li> }).collect_view()}
                    </ul>
                    {move || phone.state.with(|s| s.needs_sign_in()).then(|| view! {
                        <p class="banner banner--warning">
                            {move || i18n.t().offline_sign_in_again}" "
                            <a href="/login">{move || i18n.t().sign_in}</a>
                        </p>
                    })}
                    <p class="muted">{move || i18n.t().offline_do_not_sign_out}</p>
                    <button type="button" class="btn btn--ghost" disabled=move || phone.sending.get()
                        on:click=move |_| phone.send_now()>
                        {move || i18n.t().offline_send_now}
                    </button>
                </section>
            }
        })
    };
    let refused = move || {
        let items = phone.state.with(|s| s.refused.clone());
        (!items.is_empty()).then(|| {
            view! {
                <section class="card phone-answers phone-answers--refused" role="alert" data-testid="phone-answers-refused">
                    <h2>{move || i18n.t().offline_refused_title}</h2>
                    <ul>
                        {items.iter().map(|r| {
                            let why = match &r.error {
                                AppError::Conflict => i18n.t().offline_conflict.to_owned(),
                                error => error.message(i18n.t()),
                            };
                            let typed = r.kept.answer.typed().map(|text| view! { <blockquote>{text}</blockquote> });
                            view! { <li><strong>{describe(&r.kept)}</strong>" "{why}{typed}</li> }
                        }).collect_view()}
                    </ul>
                    <button type="button" class="btn btn--ghost"
                        on:click=move |_| phone.state.update(|s| s.dismiss_refused())>
                        {move || i18n.t().offline_dismiss}
                    </button>
                </section>
            }
        })
    };
    view! {
        <div class="phone-status" aria-live="polite">{waiting}</div>
        <div class="phone-status">{refused}</div>
    }
}

/// Said on top of a page that the browser shows without network (the buddy's home, as last
/// seen, kept by the service worker).
#[component]
pub fn OfflineBanner() -> impl IntoView {
    let i18n = use_i18n();
    let away = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    {
        // After hydration: the server's page knows nothing of the phone's network.
        Effect::new(move |_| away.set(offline()));
        let off = window_event_listener(leptos::ev::offline, move |_| away.set(true));
        let on = window_event_listener(leptos::ev::online, move |_| away.set(false));
        on_cleanup(move || {
            off.remove();
            on.remove();
        });
    }
    view! {
        <Show when=move || away.get()>
            <p class="banner banner--warning phone-status" role="status" data-testid="offline-banner">
                {move || i18n.t().offline_banner}
            </p>
        </Show>
    }
}
