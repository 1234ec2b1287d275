//! A participant's rights over their data: who read or changed their record (the trail on
//! the record page), and erasure: the preview of what goes and what stays, then the
//! confirmation with a reason. Both work without JavaScript (a plain form post).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::privacy::{ErasePerson, preview_erasure, record_trail};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FormError, action_error};
use crate::components::guard::RequireRole;
use crate::components::profile_fields::{SelectField, field_problem};
use crate::components::suspend::suspend;
use crate::components::table_wrap::TableWrap;
use crate::domain::account::STAFF_ADMIN;
use crate::domain::privacy::{ErasureReason, PersonKind};
use crate::domain::time::{format_date, format_date_time};
use crate::i18n::use_i18n;
use crate::pages::route_id;

/// `/participants/:id/erase`.
#[component]
pub fn ParticipantErasePage() -> impl IntoView {
    view! { <ErasePage kind=PersonKind::Participant /> }
}

/// `/buddies/:id/erase`.
#[component]
pub fn BuddyErasePage() -> impl IntoView {
    view! { <ErasePage kind=PersonKind::Buddy /> }
}

#[component]
pub fn ErasePage(kind: PersonKind) -> impl IntoView {
    let i18n = use_i18n();
    let erase = ServerAction::<ErasePerson>::new();
    let error = action_error(erase);
    let preview = Resource::new(route_id, move |id| async move {
        match id {
            Some(id) => preview_erasure(kind, id).await,
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
                    let back = kind.record_path(p.id);
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
                                <input type="hidden" name="kind" value=kind.code() />
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
pub fn TrailCard(kind: PersonKind, id: i32) -> impl IntoView {
    let i18n = use_i18n();
    let programme = expect_context::<crate::ProgrammeResource>();
    let trail = Resource::new(move || id, move |id| record_trail(kind, id));
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
                        {trail_table(rows, tz)}
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}

/// A record's trail as a table: when, who, what (never content).
pub(crate) fn trail_table(
    rows: Vec<crate::domain::audit::AuditEntry>,
    tz: chrono_tz::Tz,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <TableWrap label=|t| t.trail_title>
            <table class="table">
                <thead><tr>
                    <th scope="col">{move || i18n.t().col_when}</th>
                    <th scope="col">{move || i18n.t().col_who}</th>
                    <th scope="col">{move || i18n.t().col_action}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let action = r.action;
                        view! { <tr>
                            <td>{format_date_time(r.at, tz)}</td>
                            <td>{r.actor_name.unwrap_or_default()}</td>
                            <td>{move || (i18n.t().audit_action)(action)}</td>
                        </tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </TableWrap>
    }
}

/// What the retention job anonymises soon, what is held back (with a form to hold a record),
/// and what the job did.
#[component]
pub fn RetentionPage() -> impl IntoView {
    use crate::api::retention::{HoldRecord, load_retention_overview};

    let i18n = use_i18n();
    let hold = ServerAction::<HoldRecord>::new();
    let reload = crate::components::form::reload_after(hold);
    let overview = Resource::new(move || reload.get(), |_| load_retention_overview());
    let error = action_error(hold);
    view! {
        <Title text=move || i18n.t().retention_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <h1>{move || i18n.t().retention_title}</h1>
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let o = match overview.await {
                        Ok(o) => o,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let settings = o.settings;
                    view! {
                        <p>{move || (i18n.t().retention_intro)(&settings)}</p>
                        <FormError error />
                        <section class="card" aria-labelledby="retention-due">
                            <h2 id="retention-due">{move || i18n.t().retention_due_title}</h2>
                            {if o.due.is_empty() {
                                view! { <p class="muted">{move || i18n.t().retention_due_none}</p> }.into_any()
                            } else {
                                view! { <ul class="case-list">
                                    {o.due.into_iter().map(|c| view! { <DueItem case=c hold error /> }).collect_view()}
                                </ul> }.into_any()
                            }}
                        </section>
                        {(!o.held.is_empty()).then(|| view! {
                            <section class="card" aria-labelledby="retention-held">
                                <h2 id="retention-held">{move || i18n.t().retention_held_title}</h2>
                                <ul class="case-list">
                                    {o.held.into_iter().map(|c| view! { <DueItem case=c hold error /> }).collect_view()}
                                </ul>
                            </section>
                        })}
                        <RunsCard runs=o.runs />
                    }.into_any()
                })}
            </Transition>
        </RequireRole>
    }
}

/// One record that falls due: who, why, when, and the form to hold it back.
#[component]
fn DueItem(
    case: crate::domain::retention::DueCase,
    hold: ServerAction<crate::api::retention::HoldRecord>,
    error: crate::components::form::ActionError,
) -> impl IntoView {
    use crate::components::profile_fields::Input;
    use crate::domain::retention::HoldReason;

    let i18n = use_i18n();
    let kind = case.category.kind();
    let category = case.category;
    let id = format!("hold-{}-{}", kind.code(), case.id);
    let reasons: Vec<(String, String)> = HoldReason::ALL
        .into_iter()
        .map(|r| (r.code().to_owned(), (i18n.t().hold_reason)(r).to_owned()))
        .collect();
    let held = case.held_until.map(format_date);
    let hold_reason = case.hold_reason;
    let when = format_date(case.erased_from());
    let since = format_date(case.since);
    view! {
        <li class="case">
            <p>
                <a href=kind.record_path(case.id)><strong>{case.name.clone()}</strong></a>
                " · "{move || (i18n.t().retention_category)(category)}<br />
                {move || i18n.t().retention_since}": "{since.clone()}" · "
                {move || i18n.t().retention_erased_from}": "<strong>{when.clone()}</strong>
                {held.clone().map(|h| view! {
                    <br /><span class="chip">{move || (i18n.t().retention_held_until)(&h)}</span>
                    {move || hold_reason.map(|r| format!(" {}", (i18n.t().hold_reason)(r)))}
                })}
            </p>
            <details>
                <summary>{move || i18n.t().hold_submit}</summary>
                <ActionForm action=hold attr:class="form-inline" attr:novalidate=true>
                    <input type="hidden" name="kind" value=kind.code() />
                    <input type="hidden" name="id" value=case.id />
                    <Input id=format!("{id}-until") name="form[until]".into() field="until" kind="date"
                        label=|t| t.hold_until_label value=String::new() error />
                    <SelectField id=format!("{id}-reason") name="form[reason]".into() field="reason"
                        label=|t| t.hold_reason_label value=String::new() options=reasons error />
                    <button type="submit" class="btn">{move || i18n.t().hold_submit}</button>
                </ActionForm>
            </details>
        </li>
    }
}

/// The log of the nightly job's runs, newest first.
#[component]
fn RunsCard(runs: Vec<crate::domain::retention::RunLog>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="retention-runs">
            <h2 id="retention-runs">{move || i18n.t().retention_runs_title}</h2>
            {if runs.is_empty() {
                view! { <p class="muted">{move || i18n.t().retention_runs_none}</p> }.into_any()
            } else {
                view! {
                    <TableWrap label=|t| t.retention_runs_title>
                        <table class="table">
                            <thead><tr>
                                <th scope="col">{move || i18n.t().retention_col_day}</th>
                                <th scope="col" class="num">{move || i18n.t().retention_col_people}</th>
                                <th scope="col" class="num">{move || i18n.t().retention_col_notes}</th>
                                <th scope="col" class="num">{move || i18n.t().retention_col_mails}</th>
                                <th scope="col" class="num">{move || i18n.t().retention_col_log}</th>
                            </tr></thead>
                            <tbody>
                                {runs.into_iter().map(|r| {
                                    let unfinished = r.finished_at.is_none();
                                    view! { <tr>
                                        <td>{format_date(r.day)}{unfinished.then(|| view! { " ("{move || i18n.t().retention_run_unfinished}")" })}</td>
                                        <td class="num">{r.participants + r.buddies}</td>
                                        <td class="num">{r.checkin_notes}</td>
                                        <td class="num">{r.mail_bodies}</td>
                                        <td class="num">{r.audit_rows}</td>
                                    </tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </TableWrap>
                }.into_any()
            }}
        </section>
    }
}

/// The record of processing and the access list, printable, with the same as a file.
#[component]
pub fn RegistersPage() -> impl IntoView {
    use crate::api::privacy::load_registers;
    use crate::domain::account::ADMIN;

    let i18n = use_i18n();
    let programme = expect_context::<crate::ProgrammeResource>();
    let registers = Resource::new(|| (), |_| load_registers());
    view! {
        <Title text=move || i18n.t().registers_title.to_owned() />
        <RequireRole roles=ADMIN>
            <div class="page-head">
                <h1>{move || i18n.t().registers_title}</h1>
                <a class="btn" href="/admin/registers.json" download="">{move || i18n.t().registers_download}</a>
            </div>
            <p>{move || i18n.t().registers_intro}</p>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let r = match registers.await {
                        Ok(r) => r,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let tz = programme.await.map(|p| p.tz()).unwrap_or(crate::domain::time::DEFAULT_TIME_ZONE);
                    let made = format_date_time(r.made_at, tz);
                    let name = r.programme.clone();
                    let roles = r.health_roles.clone();
                    view! {
                        <p class="muted">{move || (i18n.t().registers_made)(&name, &made)}</p>
                        <section class="card" aria-labelledby="reg-processing">
                            <h2 id="reg-processing">{move || i18n.t().registers_processing_title}</h2>
                            {r.processing.into_iter().map(|e| {
                                let people = e.people;
                                let data = e.data.clone();
                                let purposes = e.purposes.clone();
                                let recipients = e.recipients.clone();
                                let (basis, keeping, special) = (e.basis, e.keeping, e.special);
                                view! {
                                    <h3>{move || (i18n.t().person_category)(people)}</h3>
                                    <dl class="facts">
                                        <dt>{move || i18n.t().registers_data}</dt>
                                        <dd>{move || data.iter().map(|d| (i18n.t().data_category)(*d)).collect::<Vec<_>>().join(", ")}</dd>
                                        {special.then(|| view! { <dt>{move || i18n.t().registers_special}</dt><dd>{move || i18n.t().yes}</dd> })}
                                        <dt>{move || i18n.t().registers_purposes}</dt>
                                        <dd>{move || purposes.iter().map(|p| (i18n.t().purpose)(*p)).collect::<Vec<_>>().join("; ")}</dd>
                                        <dt>{move || i18n.t().registers_basis}</dt><dd>{move || (i18n.t().legal_basis)(basis)}</dd>
                                        <dt>{move || i18n.t().registers_recipients}</dt>
                                        <dd>{move || recipients.iter().map(|p| (i18n.t().recipient)(*p)).collect::<Vec<_>>().join("; ")}</dd>
                                        <dt>{move || i18n.t().registers_keeping}</dt><dd>{move || (i18n.t().keeping)(keeping)}</dd>
                                        <dt>{move || i18n.t().registers_records}</dt><dd>{e.records}</dd>
                                    </dl>
                                }
                            }).collect_view()}
                        </section>
                        <section class="card" aria-labelledby="reg-measures">
                            <h2 id="reg-measures">{move || i18n.t().registers_measures_title}</h2>
                            <ul>{r.measures.into_iter().map(|m| view! { <li>{move || (i18n.t().measure)(m)}</li> }).collect_view()}</ul>
                        </section>
                        <section class="card" aria-labelledby="reg-access">
                            <h2 id="reg-access">{move || i18n.t().registers_access_title}</h2>
                            <p>{move || (i18n.t().registers_access_intro)(&roles.iter().map(|r| (i18n.t().role)(*r)).collect::<Vec<_>>().join(", "))}</p>
                            <TableWrap label=|t| t.registers_access_title>
                                <table class="table">
                                    <thead><tr>
                                        <th scope="col">{move || i18n.t().col_name}</th>
                                        <th scope="col">{move || i18n.t().col_email}</th>
                                        <th scope="col">{move || i18n.t().col_role}</th>
                                        <th scope="col">{move || i18n.t().registers_col_since}</th>
                                    </tr></thead>
                                    <tbody>
                                        {r.access.into_iter().map(|a| {
                                            let role = a.role;
                                            let inactive = !a.active;
                                            view! { <tr>
                                                <td>{a.name.clone()}{inactive.then(|| view! { " ("{move || i18n.t().registers_inactive}")" })}</td>
                                                <td>{a.email.clone()}</td>
                                                <td>{move || (i18n.t().role)(role)}</td>
                                                <td>{format_date_time(a.since, tz)}</td>
                                            </tr> }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </TableWrap>
                        </section>
                    }.into_any()
                })}
            </Suspense>
        </RequireRole>
    }
}
