use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::activities::{CadenceRow, cadence_watch};
use crate::api::duos::evaluations_due;
use crate::api::programme::Programme;
use crate::components::error_panel::ErrorPanel;
use crate::components::guard::SetupRedirect;
use crate::components::icons::{Icon, Svg};
use crate::components::suspend::suspend;
use crate::domain::account::Role;
use crate::domain::time::{format_date, format_date_long};
use crate::i18n::{Texts, use_i18n};
use crate::pages::activities::BuddyHomeView;
use crate::pages::registrations::OpenRegistrations;
use crate::pages::stones::DueFollowUps;
use crate::{ProgrammeResource, ViewerResource};

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let programme = expect_context::<ProgrammeResource>();
    let viewer = expect_context::<ViewerResource>();
    view! {
        <SetupRedirect />
        <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || suspend(async move {
                // Buddies, mostly on a phone, see their own duos first.
                let buddy = viewer
                    .await
                    .ok()
                    .and_then(|v| v.user)
                    .is_some_and(|u| u.role == Role::Buddy);
                if buddy {
                    return view! {
                        <Title text=move || i18n.t().buddy_home_title.to_owned() />
                        <BuddyHomeView />
                    }
                    .into_any();
                }
                match programme.await {
                    Ok(info) => view! {
                        <Title text=move || i18n.t().home_title.to_owned() />
                        <Welcome info />
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Title and text of one card, in the given language.
type CardText = fn(&Texts) -> (&'static str, &'static str);

#[component]
fn Welcome(info: Programme) -> impl IntoView {
    let i18n = use_i18n();
    let today = info.today;
    let cards: [(Icon, CardText); 4] = [
        (Icon::UserPlus, |t| {
            (t.home_card_intake_title, t.home_card_intake_text)
        }),
        (Icon::Link, |t| {
            (t.home_card_matching_title, t.home_card_matching_text)
        }),
        (Icon::Calendar, |t| {
            (t.home_card_followup_title, t.home_card_followup_text)
        }),
        (Icon::Shield, |t| {
            (t.home_card_privacy_title, t.home_card_privacy_text)
        }),
    ];
    view! {
        <div class="page-head">
            <h1>{move || i18n.t().home_title}</h1>
            <p class="lead">{move || i18n.t().home_intro}</p>
            <p class="muted" data-testid="today">
                {move || (i18n.t().home_today)(&format_date_long(today, i18n.lang()))}
            </p>
        </div>
        <CoordinatorAgenda today />
        <section aria-label=move || i18n.t().home_cards_label>
            <ul class="card-grid">
                {cards
                    .into_iter()
                    .map(|(icon, text)| {
                        view! {
                            <li class="card">
                                <Svg icon />
                                <h2>{move || text(i18n.t()).0}</h2>
                                <p>{move || text(i18n.t()).1}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// What needs a coordinator's attention soon; nothing for other roles or visitors.
#[component]
fn CoordinatorAgenda(today: chrono::NaiveDate) -> impl IntoView {
    let viewer = expect_context::<ViewerResource>();
    view! {
        <Suspense>
            {move || suspend(async move {
                let staff = viewer
                    .await
                    .ok()
                    .and_then(|v| v.user)
                    .is_some_and(|u| matches!(u.role, Role::Admin | Role::Coordinator));
                staff.then(|| view! {
                    <OpenRegistrations today />
                    <DueFollowUps />
                    <CadenceWatchView />
                    <DueEvaluations />
                    <crate::pages::events::MissedIntervisionView />
                })
            })}
        </Suspense>
    }
}

/// Evaluation conversations that are late or due within two weeks, with links to the duos.
#[component]
fn DueEvaluations() -> impl IntoView {
    let i18n = use_i18n();
    let due = Resource::new(|| (), |_| evaluations_due());
    view! {
        <section class="card home-due" aria-labelledby="due-title">
            <h2 id="due-title">{move || i18n.t().home_due_title}</h2>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    match due.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="muted">{move || i18n.t().home_due_none}</p> }.into_any()
                        }
                        Ok(list) => view! {
                            <ul class="due-list">
                                {list.into_iter().map(|e| {
                                    let pair = (i18n.t().board_pair)(&e.buddy_first_name, &e.participant_first_name);
                                    let on = format_date(e.due_on);
                                    view! {
                                        <li>
                                            <a href=format!("/duos/{}", e.duo_id)>{pair}</a>
                                            " · "{move || (i18n.t().duo_evaluation_due)(&on)}
                                            {e.late.then(|| view! { " "<span class="chip chip--warning">{move || i18n.t().home_due_late}</span> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        // Not the error page: the rest of the home page still works.
                        Err(error) => view! {
                            <p class="banner banner--error" role="alert">{move || error.message(i18n.t())}</p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// Active duos that have gone quiet or had a difficult check-in, first; then the rest, so a
/// coordinator sees every duo's last activity and rhythm at a glance.
#[component]
fn CadenceWatchView() -> impl IntoView {
    let i18n = use_i18n();
    let watch = Resource::new(|| (), |_| cadence_watch());
    view! {
        <section class="card home-cadence" aria-labelledby="cadence-title">
            <h2 id="cadence-title">{move || i18n.t().cadence_title}</h2>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    match watch.await {
                        Ok(w) if w.rows.is_empty() => {
                            view! { <p class="muted">{move || i18n.t().cadence_none}</p> }.into_any()
                        }
                        Ok(w) => {
                            let flagged = w.flagged();
                            let margin = w.margin_days;
                            view! {
                                <p class="muted">{move || (i18n.t().cadence_margin_note)(margin)}</p>
                                <p role="status" data-testid="cadence-summary">{move || if flagged == 0 {
                                    i18n.t().cadence_all_fine.to_owned()
                                } else {
                                    (i18n.t().cadence_attention)(flagged)
                                }}</p>
                                <ul class="cadence-list">
                                    {w.rows.into_iter().map(|row| view! { <CadenceItem row /> }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        }
                        Err(error) => view! {
                            <p class="banner banner--error" role="alert">{move || error.message(i18n.t())}</p>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn CadenceItem(row: CadenceRow) -> impl IntoView {
    let i18n = use_i18n();
    let pair = (i18n.t().board_pair)(&row.buddy_first_name, &row.participant_first_name);
    let c = row.cadence.clone();
    let last = row.last_activity_on.map(format_date);
    let next = row.next_planned_on.map(format_date);
    let rhythm = row.rhythm;
    let quiet = c.quiet_days;
    view! {
        <li class="cadence-item" class:cadence-item--flagged=c.needs_attention() data-duo=row.duo_id>
            <a href=format!("/duos/{}", row.duo_id)>{pair}</a>
            <span class="cadence-item__chips">
                {c.flagged.then(|| view! { <span class="chip chip--warning">{move || i18n.t().cadence_flag}</span> })}
                {c.low_checkin.then(|| view! { <span class="chip chip--warning">{move || i18n.t().cadence_low}</span> })}
                {c.first_months.then(|| view! { <span class="chip chip--soft">{move || i18n.t().cadence_first_months}</span> })}
            </span>
            <span class="muted cadence-item__facts">
                {move || match &last {
                    Some(d) => (i18n.t().cadence_last)(d),
                    None => i18n.t().cadence_never.to_owned(),
                }}
                " · "{move || (i18n.t().cadence_quiet)(quiet)}
                {next.clone().map(|d| view! { " · "{move || (i18n.t().cadence_next)(&d)} })}
                " · "{move || (i18n.t().cadence_rhythm)(rhythm.min_weeks, rhythm.max_weeks)}
            </span>
        </li>
    }
}
