use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::duos::evaluations_due;
use crate::api::programme::Programme;
use crate::components::error_panel::ErrorPanel;
use crate::components::guard::SetupRedirect;
use crate::components::icons::{Icon, Svg};
use crate::domain::account::Role;
use crate::domain::time::{format_date, format_date_long};
use crate::i18n::{Texts, use_i18n};
use crate::{ProgrammeResource, ViewerResource};

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let programme = expect_context::<ProgrammeResource>();
    view! {
        <Title text=move || i18n.t().home_title.to_owned() />
        <SetupRedirect />
        <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || Suspend::new(async move {
                match programme.await {
                    Ok(info) => Either::Left(view! { <Welcome info /> }),
                    Err(error) => Either::Right(view! { <ErrorPanel error /> }),
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
        <CoordinatorAgenda />
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
fn CoordinatorAgenda() -> impl IntoView {
    let viewer = expect_context::<ViewerResource>();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let staff = viewer
                    .await
                    .ok()
                    .and_then(|v| v.user)
                    .is_some_and(|u| matches!(u.role, Role::Admin | Role::Coordinator));
                staff.then(|| view! { <DueEvaluations /> })
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
                {move || Suspend::new(async move {
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
