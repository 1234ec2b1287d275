//! Matching pages: "new buddy: who fits?" (every waiting participant ranked for one buddy),
//! the same for one participant, two candidates side by side, and the proposal for everyone.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::pages::route_id;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::matching::{
    ProposeDuo, propose_for_everyone, rank_for_buddy, rank_for_participant,
};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FormError, action_error};
use crate::components::guard::RequireRole;
use crate::components::suspend::suspend;
use crate::domain::account::STAFF_ADMIN;
use crate::error::AppError;
use crate::i18n::{explain, use_i18n};
use crate::matching::{ComponentKind, PairAssessment, Ranking};

/// Ids ticked for comparison (`?compare=3&compare=7`).
fn compared() -> Vec<i64> {
    use_query_map()
        .read()
        .get_all("compare")
        .unwrap_or_default()
        .iter()
        .filter_map(|v| v.parse().ok())
        .collect()
}

/// Which side of the pairs the page lists.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Participants,
    Buddies,
}

impl Side {
    fn id_of(self, a: &PairAssessment) -> i64 {
        match self {
            Side::Participants => a.participant_id,
            Side::Buddies => a.buddy_id,
        }
    }

    fn href(self, id: i64) -> String {
        match self {
            Side::Participants => format!("/participants/{id}"),
            Side::Buddies => format!("/buddies/{id}"),
        }
    }
}

#[component]
pub fn BuddyMatchPage() -> impl IntoView {
    let i18n = use_i18n();
    let ranking = Resource::new(route_id, |id| async move {
        rank_for_buddy(id.ok_or(AppError::NotFound)?).await
    });
    view! {
        <Title text=move || i18n.t().match_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let r = match ranking.await {
                        Ok(r) => r,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let allowed = r.ranking.allowed.len();
                    let chips: BTreeMap<i64, String> = r.days_waiting.iter()
                        .map(|(id, d)| (*id, (i18n.t().days_waiting)(i64::from(*d))))
                        .collect();
                    view! {
                        <h1>{move || i18n.t().match_title}</h1>
                        <p class="lead">
                            <a href=format!("/buddies/{}", r.buddy_id)>{r.buddy_name.clone()}</a>": "
                            {move || (i18n.t().match_summary)(allowed)}
                        </p>
                        <RankingView side=Side::Participants ranking=r.ranking names=r.names chips
                            excluded_label=i18n.t().match_excluded />
                    }.into_any()
                })}
            </Suspense>
        </RequireRole>
    }
}

#[component]
pub fn ParticipantMatchPage() -> impl IntoView {
    let i18n = use_i18n();
    let ranking = Resource::new(route_id, |id| async move {
        rank_for_participant(id.ok_or(AppError::NotFound)?).await
    });
    view! {
        <Title text=move || i18n.t().match_participant_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let r = match ranking.await {
                        Ok(r) => r,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let allowed = r.ranking.allowed.len();
                    view! {
                        <h1>{move || i18n.t().match_participant_title}</h1>
                        <p class="lead">
                            <a href=format!("/participants/{}", r.participant_id)>{r.participant_name.clone()}</a>": "
                            {move || (i18n.t().match_participant_summary)(allowed)}
                        </p>
                        <RankingView side=Side::Buddies ranking=r.ranking names=r.names chips=BTreeMap::new()
                            excluded_label=i18n.t().match_participant_excluded />
                    }.into_any()
                })}
            </Suspense>
        </RequireRole>
    }
}

/// A ranking: the side-by-side comparison when two are ticked, the allowed candidates best
/// first (each with a tick box and a "propose" button), and the excluded ones with every
/// blocker.
#[component]
fn RankingView(
    side: Side,
    ranking: Ranking,
    names: BTreeMap<i64, String>,
    /// A short extra fact per candidate (days waiting).
    chips: BTreeMap<i64, String>,
    excluded_label: fn(usize) -> String,
) -> impl IntoView {
    let i18n = use_i18n();
    let propose = ServerAction::<ProposeDuo>::new();
    let error = action_error(propose);
    let name_of = move |id: i64| names.get(&id).cloned().unwrap_or_default();
    let ticked = compared();
    let pair: Vec<PairAssessment> = ticked
        .iter()
        .filter_map(|id| {
            ranking
                .allowed
                .iter()
                .chain(&ranking.excluded)
                .find(|a| side.id_of(a) == *id)
                .cloned()
        })
        .collect();
    let excluded = ranking.excluded.len();
    let comparison = match pair.as_slice() {
        [a, b] => Some(view! {
            <Comparison side a=a.clone() b=b.clone()
                names=(name_of(side.id_of(a)), name_of(side.id_of(b))) />
        }.into_any()),
        _ if !ticked.is_empty() => Some(view! {
            <p class="banner banner--info" role="status">{move || i18n.t().match_compare_pick}</p>
        }.into_any()),
        _ => None,
    };
    let proposed = move || propose.value().get().is_some_and(|r| r.is_ok());
    view! {
        {comparison}
        <FormError error />
        <Show when=proposed>
            <p class="banner banner--ok" role="status">{move || i18n.t().match_proposed}</p>
        </Show>
        // The tick boxes belong to this form through their `form` attribute, so that each
        // candidate can still have its own "propose" form.
        <form id="compare-form" method="get" class="compare-bar">
            <button type="submit" class="btn">{move || i18n.t().match_compare_button}</button>
        </form>
        <ol class="ranking">
            {ranking.allowed.into_iter().map(|a| {
                let id = side.id_of(&a);
                let name = name_of(id);
                let points = a.points();
                let chip = chips.get(&a.participant_id).cloned();
                let checked = ticked.contains(&id);
                let (participant_id, buddy_id) = (a.participant_id, a.buddy_id);
                let tick_id = format!("compare-{id}");
                let components = a.components.clone();
                // A long wait goes first (`matching::priority`): say so, or the order looks wrong.
                let first = a.components.iter().any(|c| matches!(
                    c.detail,
                    crate::matching::Detail::Waiting { priority_after: Some(_), .. }
                ));
                view! {
                    <li class="card ranking__item">
                        <div class="ranking__head">
                            <a href=side.href(id)><strong>{name}</strong></a>
                            <span class="score" aria-label=move || (i18n.t().match_score_label)(points)>{points}</span>
                            {chip.map(|c| view! { <span class="chip">{c}</span> })}
                            {first.then(|| view! { <span class="chip chip--priority">{move || i18n.t().priority_chip}</span> })}
                        </div>
                        <meter min="0" max="100" value=points aria-hidden="true"></meter>
                        <ul class="reasons">
                            {move || components.iter().map(|c| view! {
                                <li>{explain::component(i18n.lang(), c)}</li>
                            }).collect_view()}
                        </ul>
                        <div class="ranking__actions">
                            <label class="choice" for=tick_id.clone()>
                                <input type="checkbox" id=tick_id.clone() form="compare-form" name="compare"
                                    value=id checked=checked />
                                {move || i18n.t().match_compare}
                            </label>
                            <ActionForm action=propose>
                                <input type="hidden" name="participant_id" value=participant_id />
                                <input type="hidden" name="buddy_id" value=buddy_id />
                                <input type="hidden" name="next" value="/board" />
                                <button type="submit" class="btn btn--primary"
                                    disabled=move || propose.pending().get()>
                                    {move || i18n.t().match_propose}
                                </button>
                            </ActionForm>
                        </div>
                    </li>
                }
            }).collect_view()}
        </ol>
        <details class="card">
            <summary>{move || excluded_label(excluded)}</summary>
            <ul class="list">
                {ranking.excluded.into_iter().map(|a| {
                    let name = name_of(side.id_of(&a));
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
    }
}

/// Two candidates side by side: the score, each component and every blocker.
#[component]
fn Comparison(
    side: Side,
    a: PairAssessment,
    b: PairAssessment,
    names: (String, String),
) -> AnyView {
    let i18n = use_i18n();
    let cell = move |x: &PairAssessment, kind: ComponentKind| {
        x.components
            .iter()
            .find(|c| c.kind == kind)
            .map(|c| {
                let c = c.clone();
                let points = c.contribution_points.round() as i64;
                view! { <td><strong>{points}</strong>" · "{move || explain::component(i18n.lang(), &c)}</td> }
            })
    };
    let blockers = move |x: &PairAssessment| {
        let list = x.blockers.clone();
        view! {
            <td>
                <ul class="reasons">
                    {move || list.iter().map(|b| view! { <li>{explain::blocker(i18n.lang(), b)}</li> }).collect_view()}
                </ul>
            </td>
        }
    };
    let (pa, pb) = (a.points(), b.points());
    view! {
        <section class="card" aria-labelledby="compare-title">
            <h2 id="compare-title">{move || i18n.t().match_compare_title}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label=move || i18n.t().match_compare_title>
                <table class="compare">
                    <thead>
                        <tr>
                            <td></td>
                            <th scope="col"><a href=side.href(side.id_of(&a))>{names.0}</a></th>
                            <th scope="col"><a href=side.href(side.id_of(&b))>{names.1}</a></th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr>
                            <th scope="row">{move || i18n.t().match_total}</th>
                            <td><span class="score">{pa}</span></td>
                            <td><span class="score">{pb}</span></td>
                        </tr>
                        {ComponentKind::ALL.into_iter().map(|kind| view! {
                            <tr>
                                <th scope="row">{move || explain::component_kind(i18n.lang(), kind)}</th>
                                {cell(&a, kind)}
                                {cell(&b, kind)}
                            </tr>
                        }).collect_view()}
                        {(!a.blockers.is_empty() || !b.blockers.is_empty()).then(|| view! {
                            <tr>
                                <th scope="row">"⚠"</th>
                                {blockers(&a)}
                                {blockers(&b)}
                            </tr>
                        })}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// The best set of pairs for everyone at once, with the total and who stays unpaired.
#[component]
pub fn EveryonePage() -> impl IntoView {
    let i18n = use_i18n();
    let proposal = Resource::new(|| (), |_| propose_for_everyone());
    view! {
        <Title text=move || i18n.t().everyone_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <h1>{move || i18n.t().everyone_title}</h1>
            <p>{move || i18n.t().everyone_intro}</p>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let e = match proposal.await {
                        Ok(e) => e,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let p = e.proposal;
                    let count = p.pairs.len();
                    let total = p.total.round().max(0.0) as u32;
                    let person = |names: &BTreeMap<i64, String>, id: i64| names.get(&id).cloned().unwrap_or_default();
                    if count == 0 && p.unpaired_participants.is_empty() {
                        return view! { <p class="empty">{move || i18n.t().everyone_none}</p> }.into_any();
                    }
                    view! {
                        <section class="card">
                            <h2>{move || (i18n.t().everyone_total)(count, total)}</h2>
                            <div class="table-wrap" tabindex="0" role="region" aria-label=move || i18n.t().everyone_title>
                                <table>
                                    <thead>
                                        <tr>
                                            <th scope="col">{move || i18n.t().everyone_buddy}</th>
                                            <th scope="col">{move || i18n.t().everyone_participant}</th>
                                            <th scope="col">{move || i18n.t().match_total}</th>
                                            <td></td>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {p.pairs.iter().map(|pair| {
                                            let points = pair.score.round() as i64;
                                            view! {
                                                <tr>
                                                    <td><a href=format!("/buddies/{}", pair.buddy_id)>{person(&e.buddies, pair.buddy_id)}</a></td>
                                                    <td><a href=format!("/participants/{}", pair.participant_id)>{person(&e.participants, pair.participant_id)}</a></td>
                                                    <td><span class="score">{points}</span></td>
                                                    <td><a href=format!("/buddies/{}/match?compare={}", pair.buddy_id, pair.participant_id)>
                                                        {move || i18n.t().match_link}</a></td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        </section>
                        <details class="card">
                            <summary>{move || i18n.t().everyone_unpaired}" ("{p.unpaired_participants.len()}")"</summary>
                            <ul class="list">
                                {p.unpaired_participants.iter().map(|u| {
                                    let reason = u.reason.clone();
                                    view! {
                                        <li class="list__row">
                                            <a href=format!("/participants/{}", u.participant_id)>{person(&e.participants, u.participant_id)}</a>
                                            <span>{move || explain::unpaired_participant(i18n.lang(), &reason)}</span>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </details>
                        <details class="card">
                            <summary>{move || i18n.t().everyone_unused}" ("{p.unused_buddies.len()}")"</summary>
                            <ul class="list">
                                {p.unused_buddies.iter().map(|u| {
                                    let unused = u.clone();
                                    view! {
                                        <li class="list__row">
                                            <a href=format!("/buddies/{}", u.buddy_id)>{person(&e.buddies, u.buddy_id)}</a>
                                            <span>{move || explain::unused_buddy(i18n.lang(), &unused)}</span>
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
