//! "New buddy: who fits?": every waiting participant ranked for one buddy, with the reasons.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::matching::rank_for_buddy;
use crate::components::error_panel::ErrorPanel;
use crate::components::guard::RequireRole;
use crate::domain::account::Role;
use crate::i18n::{explain, use_i18n};

#[component]
pub fn BuddyMatchPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = move || {
        use_params_map()
            .read()
            .get("id")
            .and_then(|v| v.parse::<i32>().ok())
    };
    let ranking = Resource::new(id, |id| async move {
        match id {
            Some(id) => rank_for_buddy(id).await,
            None => Err(crate::error::AppError::NotFound),
        }
    });
    view! {
        <Title text=move || i18n.t().match_title.to_owned() />
        <RequireRole roles=&[Role::Admin, Role::Coordinator]>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || Suspend::new(async move {
                    let r = match ranking.await {
                        Ok(r) => r,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let names = r.names.clone();
                    let days = r.days_waiting.clone();
                    let allowed = r.ranking.allowed.len();
                    let excluded = r.ranking.excluded.len();
                    view! {
                        <h1>{move || i18n.t().match_title}</h1>
                        <p class="lead">
                            <a href=format!("/buddies/{}", r.buddy_id)>{r.buddy_name.clone()}</a>": "
                            {move || (i18n.t().match_summary)(allowed)}
                        </p>
                        <ol class="ranking">
                            {r.ranking.allowed.into_iter().map(|a| {
                                let name = names.get(&a.participant_id).cloned().unwrap_or_default();
                                let waited = days.get(&a.participant_id).copied().unwrap_or(0);
                                let points = a.points();
                                let components = a.components.clone();
                                view! {
                                    <li class="card ranking__item">
                                        <div class="ranking__head">
                                            <a href=format!("/participants/{}", a.participant_id)><strong>{name}</strong></a>
                                            <span class="score" aria-label=move || (i18n.t().match_score_label)(points)>{points}</span>
                                            <span class="chip">{move || (i18n.t().days_waiting)(i64::from(waited))}</span>
                                        </div>
                                        <meter min="0" max="100" value=points aria-hidden="true"></meter>
                                        <ul class="reasons">
                                            {move || components.iter().map(|c| view! {
                                                <li>{explain::component(i18n.lang(), c)}</li>
                                            }).collect_view()}
                                        </ul>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                        <details class="card">
                            <summary>{move || (i18n.t().match_excluded)(excluded)}</summary>
                            <ul class="list">
                                {r.ranking.excluded.into_iter().map(|a| {
                                    let name = names.get(&a.participant_id).cloned().unwrap_or_default();
                                    let blockers = a.blockers.clone();
                                    view! {
                                        <li class="list__row">
                                            <div>
                                                <strong>{name}</strong>
                                                <ul class="reasons">
                                                    {move || blockers.iter().map(|b| view! {
                                                        <li>{explain::blocker(i18n.lang(), b)}</li>
                                                    }).collect_view()}
                                                </ul>
                                            </div>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </details>
                    }.into_any()
                })}
            </Suspense>
        </RequireRole>
    }
}
