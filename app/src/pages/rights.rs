//! A participant's rights over their data: who read or changed their record (the trail on
//! the record page), and erasure: the preview of what goes and what stays, then the
//! confirmation with a reason. Both work without JavaScript (a plain form post).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::privacy::{EraseParticipant, participant_trail, preview_erasure};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FormError, action_error};
use crate::components::guard::RequireRole;
use crate::components::profile_fields::{SelectField, field_problem};
use crate::components::suspend::suspend;
use crate::components::table_wrap::TableWrap;
use crate::domain::account::STAFF_ADMIN;
use crate::domain::privacy::ErasureReason;
use crate::domain::time::format_date_time;
use crate::i18n::use_i18n;
use crate::pages::route_id;

#[component]
pub fn ErasePage() -> impl IntoView {
    let i18n = use_i18n();
    let erase = ServerAction::<EraseParticipant>::new();
    let error = action_error(erase);
    let preview = Resource::new(route_id, |id| async move {
        match id {
            Some(id) => preview_erasure(id).await,
            None => Err(crate::error::AppError::NotFound),
        }
    });
    let confirm_problem = field_problem(error, "confirm");
    view! {
        <Title text=move || i18n.t().erase_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <h1>{move || i18n.t().erase_title}</h1>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let p = match preview.await {
                        Ok(p) => p,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let back = format!("/participants/{}", p.id);
                    let reasons: Vec<(String, String)> = ErasureReason::BY_HAND
                        .into_iter()
                        .map(|r| (r.code().to_owned(), (i18n.t().erasure_reason)(r).to_owned()))
                        .collect();
                    view! {
                        {(!p.name.is_empty()).then(|| view! { <p class="lead"><strong>{p.name.clone()}</strong></p> })}
                        <p>{move || i18n.t().erase_intro}</p>
                        {p.refusal.map(|why| view! {
                            <p class="banner banner--warning" role="status">{move || (i18n.t().erasure_refusal)(why)}</p>
                        })}
                        <section class="card" aria-labelledby="erase-removed">
                            <h2 id="erase-removed">{move || i18n.t().erase_removed_title}</h2>
                            <ul>
                                {p.removed.iter().map(|r| {
                                    let r = *r;
                                    view! { <li>{move || (i18n.t().erase_removed)(r)}</li> }
                                }).collect_view()}
                            </ul>
                        </section>
                        <section class="card" aria-labelledby="erase-kept">
                            <h2 id="erase-kept">{move || i18n.t().erase_kept_title}</h2>
                            <ul>
                                {p.kept.iter().map(|k| {
                                    let k = *k;
                                    view! { <li>{move || (i18n.t().erase_kept)(k)}</li> }
                                }).collect_view()}
                            </ul>
                        </section>
                        {p.refusal.is_none().then(|| view! {
                            <ActionForm action=erase attr:class="card form-card" attr:novalidate=true>
                                <FormError error />
                                <input type="hidden" name="id" value=p.id />
                                <input type="hidden" name="version" value=p.version />
                                <SelectField id="erase-reason".into() name="form[reason]".into() field="reason"
                                    label=|t| t.erase_reason_label value=String::new() options=reasons error />
                                <div class="field">
                                    <label class="choice">
                                        <input type="checkbox" name="form[confirm]" value="true"
                                            aria-invalid=move || confirm_problem().map(|_| "true")
                                            aria-describedby=move || confirm_problem().map(|_| "erase-confirm-error") />
                                        {move || i18n.t().erase_confirm_label}
                                    </label>
                                    {move || confirm_problem().map(|m| view! { <span class="field-error" id="erase-confirm-error">{m}</span> })}
                                </div>
                                <button type="submit" class="btn btn--danger" disabled=move || erase.pending().get()>
                                    {move || i18n.t().erase_submit}
                                </button>
                            </ActionForm>
                        })}
                        <p><a href=back>{move || i18n.t().sheet_back}</a></p>
                    }.into_any()
                })}
            </Suspense>
        </RequireRole>
    }
}

/// The record's trail, newest first: who read or changed it, and when.
#[component]
pub fn TrailCard(id: i32) -> impl IntoView {
    let i18n = use_i18n();
    let programme = expect_context::<crate::ProgrammeResource>();
    let trail = Resource::new(move || id, participant_trail);
    view! {
        <section class="card" aria-labelledby="trail-title">
            <h2 id="trail-title">{move || i18n.t().trail_title}</h2>
            <p class="muted">{move || i18n.t().trail_intro}</p>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let rows = match trail.await {
                        Ok(rows) => rows,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let tz = programme.await.map(|p| p.tz()).unwrap_or(crate::domain::time::DEFAULT_TIME_ZONE);
                    view! {
                        <TableWrap label=|t| t.trail_title>
                            <table class="table">
                                <thead><tr>
                                    <th scope="col">{move || i18n.t().trail_when}</th>
                                    <th scope="col">{move || i18n.t().trail_who}</th>
                                    <th scope="col">{move || i18n.t().trail_what}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|r| {
                                        let when = format_date_time(r.at, tz);
                                        let who = r.actor_name.clone().unwrap_or_default();
                                        let action = r.action;
                                        view! { <tr>
                                            <td>{when}</td>
                                            <td>{who}</td>
                                            <td>{move || (i18n.t().audit_action)(action)}</td>
                                        </tr> }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </TableWrap>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
