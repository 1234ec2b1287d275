//! The matching weights: admins try new weights on today's waiting list (a GET form, so the
//! preview works without JavaScript and can be shared), then save exactly what they saw.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::matching::{SaveWeights, matching_weights, preview_weights};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FormError, action_error};
use crate::components::guard::RequireRole;
use crate::components::suspend::suspend;
use crate::components::table_wrap::TableWrap;
use crate::domain::account::ADMIN;
use crate::error::AppError;
use crate::i18n::{explain, use_i18n};
use crate::matching::model::{LANGUAGE_REQUIRED, LANGUAGE_SCORED};
use crate::matching::{ComponentKind, WeightsForm};

/// Field names, in the order of the form, with the component each weighs (none: the days).
const FIELDS: [(&str, Option<ComponentKind>); 9] = [
    ("interests", Some(ComponentKind::Interests)),
    ("personality", Some(ComponentKind::Personality)),
    ("availability", Some(ComponentKind::Availability)),
    ("distance", Some(ComponentKind::Distance)),
    ("age", Some(ComponentKind::Age)),
    ("waiting", Some(ComponentKind::Waiting)),
    ("waiting_full_days", None),
    ("language", Some(ComponentKind::Language)),
    (PRIORITY_FACTOR, None),
];

/// The factor of the usual wait after which a long wait goes first (`matching::priority`).
const PRIORITY_FACTOR: &str = "priority_factor";

/// The field that says whether a shared language is required or only weighs.
const LANGUAGE_RULE: &str = "language_rule";

fn value_of<'a>(form: &'a WeightsForm, field: &str) -> &'a str {
    match field {
        "interests" => &form.interests,
        "personality" => &form.personality,
        "availability" => &form.availability,
        "distance" => &form.distance,
        "age" => &form.age,
        "waiting" => &form.waiting,
        "language" => &form.language,
        LANGUAGE_RULE => &form.language_rule,
        PRIORITY_FACTOR => &form.priority_factor,
        _ => &form.waiting_full_days,
    }
}

/// The weights in the address, if the admin asked for a preview.
fn tried() -> Option<WeightsForm> {
    let query = use_query_map().read();
    query.get("interests")?;
    let get = |k: &str| query.get(k).unwrap_or_default();
    Some(WeightsForm {
        interests: get("interests"),
        personality: get("personality"),
        availability: get("availability"),
        distance: get("distance"),
        age: get("age"),
        waiting: get("waiting"),
        waiting_full_days: get("waiting_full_days"),
        language: get("language"),
        language_rule: get(LANGUAGE_RULE),
        priority_factor: get(PRIORITY_FACTOR),
    })
}

#[component]
pub fn WeightsPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveWeights>::new();
    let save_error = action_error(save);
    let stored = Resource::new(move || save.version().get(), |_| matching_weights());
    let preview = Resource::new(tried, |form| async move {
        match form {
            Some(form) => preview_weights(form).await.map(Some),
            None => Ok(None),
        }
    });
    let preview_error = Signal::derive(move || preview.get().and_then(|r| r.err()));
    let saved = move || {
        use_query_map().read().get("saved").is_some()
            || save.value().get().is_some_and(|r| r.is_ok())
    };
    view! {
        <Title text=move || i18n.t().weights_title.to_owned() />
        <RequireRole roles=ADMIN>
            <h1>{move || i18n.t().weights_title}</h1>
            <p>{move || i18n.t().weights_intro}</p>
            <Show when=saved>
                <p class="banner banner--ok" role="status">{move || i18n.t().weights_saved}</p>
            </Show>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let current = match stored.await {
                        Ok(current) => current,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let shown = tried().unwrap_or(current.form.clone());
                    view! {
                        <form method="get" class="card form-card" novalidate>
                            {FIELDS.into_iter().map(|(field, kind)| {
                                let id = format!("weight-{field}");
                                let problem = move || preview_error.read().as_ref()
                                    .and_then(|e| e.problem_at(field)).map(|p| (i18n.t().problem)(p));
                                view! {
                                    <div class="field">
                                        <label for=id.clone()>
                                            {move || match kind {
                                                Some(kind) => explain::component_kind(i18n.lang(), kind),
                                                None if field == PRIORITY_FACTOR => i18n.t().weights_priority_factor,
                                                None => i18n.t().weights_full_days,
                                            }}
                                        </label>
                                        <input id=id name=field inputmode="decimal"
                                            value=value_of(&shown, field).to_owned()
                                            aria-invalid=move || problem().map(|_| "true") />
                                        {move || problem().map(|m| view! { <span class="field-error">{m}</span> })}
                                    </div>
                                }
                            }).collect_view()}
                            <fieldset class="choices">
                                <legend>{move || i18n.t().weights_language_rule}</legend>
                                {[(LANGUAGE_REQUIRED, true), (LANGUAGE_SCORED, false)].into_iter().map(|(value, required)| {
                                    let id = format!("language-rule-{value}");
                                    let checked = (shown.language_rule.trim() == LANGUAGE_SCORED) != required;
                                    view! {
                                        <label class="choice" for=id.clone()>
                                            <input type="radio" id=id.clone() name=LANGUAGE_RULE value=value checked=checked />
                                            {move || if required { i18n.t().weights_language_required } else { i18n.t().weights_language_scored }}
                                        </label>
                                    }
                                }).collect_view()}
                            </fieldset>
                            <button type="submit" class="btn">{move || i18n.t().weights_preview}</button>
                        </form>
                        <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                            {move || suspend(async move {
                                let p = match preview.await {
                                    Ok(Some(p)) => p,
                                    Ok(None) | Err(AppError::Validation { .. }) | Err(AppError::Invalid { .. }) => return ().into_any(),
                                    Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                                };
                                let form = tried().unwrap_or_default();
                                let nobody = move || i18n.t().nobody_fits.to_owned();
                                let choice = move |c: Option<(String, u8)>| match c {
                                    Some((name, points)) => format!("{name} ({points})"),
                                    None => nobody(),
                                };
                                view! {
                                    <section class="card" aria-labelledby="preview-title">
                                        <h2 id="preview-title">{move || i18n.t().weights_preview_title}</h2>
                                        <p role="status">{move || (i18n.t().weights_changed)(p.changed_pairs, p.pairs)}</p>
                                        <TableWrap label=|t| t.weights_preview_title>
                                            <table>
                                                <thead>
                                                    <tr>
                                                        <th scope="col">{move || i18n.t().everyone_buddy}</th>
                                                        <th scope="col">{move || i18n.t().weights_first_now}</th>
                                                        <th scope="col">{move || i18n.t().weights_first_then}</th>
                                                    </tr>
                                                </thead>
                                                <tbody>
                                                    {p.choices.iter().map(|c| {
                                                        let changed = c.now.as_ref().map(|x| &x.0) != c.then.as_ref().map(|x| &x.0);
                                                        view! {
                                                            <tr class:changed=changed>
                                                                <td>{c.buddy.clone()}</td>
                                                                <td>{choice(c.now.clone())}</td>
                                                                <td>{choice(c.then.clone())}</td>
                                                            </tr>
                                                        }
                                                    }).collect_view()}
                                                </tbody>
                                            </table>
                                        </TableWrap>
                                        <ActionForm action=save>
                                            <FormError error=save_error />
                                            {FIELDS.iter().map(|(field, _)| *field).chain([LANGUAGE_RULE]).map(|field| view! {
                                                <input type="hidden" name=format!("form[{field}]") value=value_of(&form, field).to_owned() />
                                            }).collect_view()}
                                            {current.version.map(|v| view! { <input type="hidden" name="version" value=v /> })}
                                            <button type="submit" class="btn btn--primary" disabled=move || save.pending().get()>
                                                {move || i18n.t().save}
                                            </button>
                                        </ActionForm>
                                    </section>
                                }.into_any()
                            })}
                        </Suspense>
                    }.into_any()
                })}
            </Suspense>
        </RequireRole>
    }
}
