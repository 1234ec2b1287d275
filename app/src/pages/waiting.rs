//! The waiting list: who waits how long, when we last spoke, which stepping stones they got.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::ProgrammeResource;
use crate::api::matching::{estimate_track_record, estimate_waiting};
use crate::api::participants::{RecordContact, waiting_list};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FormError, action_error};
use crate::components::guard::RequireRole;
use crate::components::suspend::suspend;
use crate::domain::account::STAFF_ADMIN;
use crate::domain::time::format_date;
use crate::i18n::{explain, use_i18n};
use crate::matching::Estimate;
use crate::matching::backtest::MIN_JUDGED;

#[component]
pub fn WaitingPage() -> impl IntoView {
    let i18n = use_i18n();
    let programme = expect_context::<ProgrammeResource>();
    let contact = ServerAction::<RecordContact>::new();
    let error = action_error(contact);
    let rows = Resource::new(move || contact.version().get(), |_| waiting_list());
    let estimate = Resource::new(|| (), |_| estimate_waiting());
    let track_record = Resource::new(|| (), |_| estimate_track_record());
    view! {
        <Title text=move || i18n.t().waiting_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <h1>{move || i18n.t().waiting_title}</h1>
            <p class="lead">{move || i18n.t().waiting_intro}</p>
            <FormError error />
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let rows = match rows.await {
                        Ok(rows) => rows,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let today = programme.await.map(|p| p.today.format("%Y-%m-%d").to_string()).unwrap_or_default();
                    let overdue = rows.iter().filter(|r| r.contact_overdue).count();
                    // The estimate is extra: without it the list still shows.
                    let (estimates, history_note) = match estimate.await {
                        Ok(Estimate::Ready { participants, .. }) => (
                            participants.into_iter().map(|e| (e.participant_id, e)).collect::<BTreeMap<_, _>>(),
                            None,
                        ),
                        Ok(Estimate::NotEnoughHistory { buddies, months }) => (BTreeMap::new(), Some((buddies, months))),
                        Err(_) => (BTreeMap::new(), None),
                    };
                    let total = rows.len();
                    view! {
                        <p role="status">{move || (i18n.t().waiting_summary)(total, overdue)}</p>
                        {history_note.map(|(b, m)| view! {
                            <p class="muted">{move || explain::not_enough_history(i18n.lang(), b, m)}</p>
                        })}
                        // Extra as well: the list and the estimates show without it.
                        <Suspense>
                            {move || suspend(async move {
                                let Ok(record) = track_record.await else { return ().into_any() };
                                let text = move || match record.range_share() {
                                    Some(share) if record.enough() => (i18n.t().estimate_track_record)(
                                        (share * 100.0).round() as u32, record.range_judged, record.people),
                                    _ => (i18n.t().estimate_track_record_thin)(record.range_judged, MIN_JUDGED),
                                };
                                view! { <p class="muted track-record">{text}</p> }.into_any()
                            })}
                        </Suspense>
                        <ul class="waiting-list">
                            {rows.into_iter().map(|r| {
                                let form_id = format!("contact-{}", r.id);
                                let today = today.clone();
                                let guess = estimates.get(&i64::from(r.id)).cloned();
                                view! {
                                    <li class="card waiting-card" class:waiting-card--overdue=r.contact_overdue>
                                        <div class="waiting-card__head">
                                            <a href=format!("/participants/{}", r.id)><strong>{format!("{} {}", r.first_name, r.last_name)}</strong></a>
                                            <span>{r.municipality.clone()}</span>
                                            <span class="chip">{move || (i18n.t().days_waiting)(r.days_waiting)}</span>
                                            {r.contact_overdue.then(|| view! {
                                                <span class="chip chip--warning">{move || i18n.t().contact_overdue}</span>
                                            })}
                                        </div>
                                        <p class="muted">
                                            {move || i18n.t().col_last_contact}": "
                                            {r.last_contact_on.map(format_date).unwrap_or_else(|| "—".into())}
                                        </p>
                                        {guess.map(|e| {
                                            let limits = e.limits.clone();
                                            view! {
                                                <p class="estimate">{move || i18n.t().estimate_label}": "{move || explain::estimate(i18n.lang(), &e)}</p>
                                                {(!limits.is_empty()).then(|| view! {
                                                    <p class="muted">{move || i18n.t().estimate_limits}": "
                                                        {move || limits.iter().map(|l| explain::limit(i18n.lang(), l)).collect::<Vec<_>>().join("; ")}</p>
                                                })}
                                            }
                                        })}
                                        {r.stone_hint.clone().map(|(title, n)| view! {
                                            <p><a href=format!("/participants/{}#stones-fit-title", r.id)>
                                                {move || (i18n.t().waiting_stone_hint)(&title, n)}
                                            </a></p>
                                        })}
                                        {(!r.referrals.is_empty()).then(|| view! {
                                            <ul class="referrals">
                                                {r.referrals.iter().map(|(title, on)| view! {
                                                    <li>{title.clone()}" · "{format_date(*on)}</li>
                                                }).collect_view()}
                                            </ul>
                                        })}
                                        <details>
                                            <summary>{move || i18n.t().contact_add}</summary>
                                            <ActionForm action=contact attr:class="contact-form">
                                                <input type="hidden" name="id" value=r.id />
                                                <div class="field">
                                                    <label for=format!("{form_id}-on")>{move || i18n.t().contact_date}</label>
                                                    <input id=format!("{form_id}-on") type="date" name="on" value=today.clone() />
                                                </div>
                                                <div class="field">
                                                    <label for=format!("{form_id}-note")>{move || i18n.t().status_note}</label>
                                                    <input id=format!("{form_id}-note") type="text" name="note" />
                                                </div>
                                                <button type="submit" class="btn">{move || i18n.t().save}</button>
                                            </ActionForm>
                                        </details>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })}
            </Transition>
        </RequireRole>
    }
}
