use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::ProgrammeResource;
use crate::api::outbox::{OUTBOX_PAGE, list_outbox};
use crate::components::error_panel::ErrorPanel;
use crate::components::guard::RequireRole;
use crate::components::suspend::suspend;
use crate::domain::account::ADMIN;
use crate::domain::mail::{MailStatus, OutboxRow};
use crate::domain::time::format_date_time;
use crate::i18n::use_i18n;

/// The outbox, newest first, as cards that stack on a phone. Paging by a cursor in the query
/// string (an id, no personal data), so it works without JavaScript.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t().outbox_title.to_owned() />
        <RequireRole roles=ADMIN>
            <h1>{move || i18n.t().outbox_title}</h1>
            <p class="muted">{move || i18n.t().outbox_intro}</p>
            <OutboxList />
        </RequireRole>
    }
}

#[component]
fn OutboxList() -> impl IntoView {
    let i18n = use_i18n();
    let programme = expect_context::<ProgrammeResource>();
    let query = use_query_map();
    let before = move || {
        query
            .get()
            .get("before")
            .and_then(|b| b.parse::<i32>().ok())
    };
    let page = Resource::new(before, list_outbox);
    view! {
        <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || suspend(async move {
                let tz = programme.await.map(|p| p.tz()).unwrap_or(crate::domain::time::DEFAULT_TIME_ZONE);
                let page = match page.await {
                    Ok(page) => page,
                    Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                };
                let older = (page.rows.len() as u64 == OUTBOX_PAGE)
                    .then(|| page.rows.last().map(|r| format!("?before={}", r.id)))
                    .flatten();
                let pending = page.pending;
                let empty = page.rows.is_empty();
                view! {
                    {(!page.delivery_configured).then(|| view! {
                        <p class="banner banner--warning" role="status">{move || i18n.t().outbox_not_configured}</p>
                    })}
                    <p class="outbox-pending" data-testid="outbox-pending">
                        <strong>{move || (i18n.t().outbox_pending)(pending)}</strong>
                    </p>
                    {empty.then(|| view! { <p class="muted">{move || i18n.t().empty_list}</p> })}
                    <ul class="outbox">
                        {page.rows.into_iter().map(|row| view! { <OutboxItem row tz /> }).collect_view()}
                    </ul>
                    {older.map(|href| view! { <p class="actions"><a class="btn" href=href>{move || i18n.t().older}</a></p> })}
                }.into_any()
            })}
        </Transition>
    }
}

#[component]
fn OutboxItem(row: OutboxRow, tz: chrono_tz::Tz) -> impl IntoView {
    let i18n = use_i18n();
    let status = row.status;
    let chip = match status {
        MailStatus::Failed => "chip chip--warning",
        MailStatus::Sent => "chip chip--soft",
        _ => "chip",
    };
    let kind = row.kind.clone();
    let when =
        move |at: Option<chrono::DateTime<chrono::Utc>>| at.map(|at| format_date_time(at, tz));
    let next = when(row.next_attempt_at)
        .filter(|_| matches!(status, MailStatus::Pending | MailStatus::Sending));
    let sent = when(row.sent_at);
    let error = row.last_error.clone();
    view! {
        <li class="card outbox__item">
            <div class="outbox__head">
                <span class=chip>{move || (i18n.t().outbox_status)(status)}</span>
                <span class="muted">{move || (i18n.t().outbox_kind)(&kind)}</span>
            </div>
            <p class="outbox__subject">{row.subject}</p>
            <dl class="outbox__facts">
                <dt>{move || i18n.t().outbox_to}</dt>
                <dd>{row.to_address}</dd>
                <dt>{move || i18n.t().outbox_created}</dt>
                <dd>{format_date_time(row.created_at, tz)}</dd>
                <dt>{move || i18n.t().outbox_attempts}</dt>
                <dd>{row.attempts}</dd>
                {next.map(|next| view! {
                    <dt>{move || i18n.t().outbox_next_attempt}</dt>
                    <dd>{next}</dd>
                })}
                {sent.map(|sent| view! {
                    <dt>{move || i18n.t().outbox_sent_at}</dt>
                    <dd>{sent}</dd>
                })}
                {error.map(|error| view! {
                    <dt>{move || i18n.t().outbox_last_error}</dt>
                    <dd>{error}</dd>
                })}
            </dl>
        </li>
    }
}
