//! One duo: who, where it stands, its history from the proposal to the ending with the
//! evaluation conversations (and the form for the next one), and the mutual agreement as a
//! printable A4 page in Dutch.

use leptos::prelude::*;

use crate::pages::route_id;
use leptos_meta::Title;

use crate::ProgrammeResource;
use crate::api::drafts::{DraftForm, draft_or};
use crate::api::duos::{DuoDetail, EvaluationEntry, RecordEvaluation, get_duo};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{ActionError, FormError, action_error, reload_after};
use crate::components::guard::RequireRole;
use crate::components::profile_fields::{Input, field_problem};
use crate::components::suspend::suspend;
use crate::domain::account::STAFF_ADMIN;
use crate::domain::duo::{AgreementItem, DuoStage, EvaluationForm, EvaluationOutcome};
use crate::domain::time::{format_date, format_date_long, format_date_time};
use crate::error::AppError;
use crate::i18n::{Lang, explain, use_i18n};

async fn load(id: Option<i32>) -> Result<DuoDetail, AppError> {
    match id {
        Some(id) => get_duo(id).await,
        None => Err(AppError::NotFound),
    }
}

/// A date for people and for machines.
fn date_view(d: chrono::NaiveDate) -> impl IntoView {
    view! { <time datetime=d.format("%Y-%m-%d").to_string()>{format_date(d)}</time> }
}

#[component]
pub fn DuoPage() -> impl IntoView {
    let i18n = use_i18n();
    let programme = expect_context::<ProgrammeResource>();
    let record = ServerAction::<RecordEvaluation>::new();
    // Reloaded after a conversation is saved (or refused for another reason than its
    // fields): a refusal at a field keeps what was typed on the page.
    let reload = reload_after(record);
    let detail = Resource::new(move || (route_id(), reload.get()), |(id, _)| load(id));
    // Made here, once per page: a resource made inside the view below would be fetched
    // (and its read audited) again on every re-render.
    let activities = Resource::new(route_id, |id| async move {
        match id {
            Some(id) => crate::api::activities::duo_activities(id).await,
            None => Err(AppError::NotFound),
        }
    });
    let draft = Resource::new(route_id, |id| async move {
        match id {
            Some(id) => draft_or(DraftForm::Evaluation(id), EvaluationForm::default()).await,
            None => EvaluationForm::default(),
        }
    });
    view! {
        <RequireRole roles=STAFF_ADMIN>
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let d = match detail.await {
                        Ok(d) => d,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let draft = draft.await;
                    let tz = programme.await.map(|p| p.tz()).unwrap_or(crate::domain::time::DEFAULT_TIME_ZONE);
                    let title = (i18n.t().board_pair)(&d.buddy_first_name, &d.participant_first_name);
                    let (id, stage) = (d.id, d.stage);
                    let print_label = move || if stage == DuoStage::Active || stage == DuoStage::Ended {
                        i18n.t().duo_agreement_print
                    } else {
                        i18n.t().duo_agreement_blank
                    };
                    let timeline = d.timeline.clone();
                    view! {
                        <Title text=title.clone() />
                        <div class="page-head">
                            <h1>{title}</h1>
                            <span class="chip">{move || (i18n.t().duo_stage)(stage)}</span>
                        </div>
                        <ul class="duo-links">
                            <li><a href=format!("/participants/{}", d.participant_id)>
                                {move || i18n.t().duo_participant_link}": "{d.participant_first_name.clone()}</a></li>
                            <li><a href=format!("/buddies/{}", d.buddy_id)>
                                {move || i18n.t().duo_buddy_link}": "{d.buddy_first_name.clone()}</a></li>
                        </ul>
                        <div class="actions">
                            <a class="btn" href=format!("/duos/{id}/agreement")>{print_label}</a>
                            {stage.moves().into_iter().map(|to| view! {
                                <a class="btn" href=format!("/duos/{id}/move?to={}", to.code())>
                                    {move || i18n.t().duo_next_step}": "{move || (i18n.t().duo_stage)(to)}
                                </a>
                            }).collect_view()}
                        </div>
                        <EvaluationSection duo=d.clone() record draft />
                        <DuoActivitiesView list=activities />
                        <section class="card" aria-labelledby="history-title">
                            <h2 id="history-title">{move || i18n.t().duo_history_title}</h2>
                            <History duo=d />
                        </section>
                        <section class="card" aria-labelledby="changes-title">
                            <h2 id="changes-title">{move || i18n.t().duo_changes_title}</h2>
                            <ol class="timeline">
                                {timeline.into_iter().map(|e| {
                                    let to = DuoStage::from_code(&e.to);
                                    let when = format_date_time(e.at, tz);
                                    view! {
                                        <li>
                                            <strong>{move || to.map(|s| (i18n.t().duo_stage)(s)).unwrap_or_default()}</strong>
                                            " · "{when}{e.by.map(|b| format!(" · {b}"))}
                                            {(!e.note.is_empty()).then(|| view! { <br /><span class="muted prewrap">{e.note.clone()}</span> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        </section>
                    }.into_any()
                })}
            </Transition>
        </RequireRole>
    }
}

/// The duo from the proposal to the ending, in the order it happened.
#[component]
fn History(duo: DuoDetail) -> impl IntoView {
    let i18n = use_i18n();
    let d = duo;
    let by =
        move |name: Option<String>| name.map(|n| view! { " · "{move || (i18n.t().duo_by)(&n)} });
    let reasons = d.assessment.clone().map(|a| (a.blockers, a.components));
    let proposal = view! {
        <li>
            <h3>{move || i18n.t().duo_step_proposal}</h3>
            <p>{date_view(d.proposed_on)}{by(d.proposed_by.clone())}</p>
            <p>{move || i18n.t().duo_score_then}": "
                <span class="score" aria-label=move || (i18n.t().match_score_label)(d.score.clamp(0, 100) as u8)>{d.score}</span></p>
            {match reasons {
                Some((blockers, components)) => view! {
                    <ul class="reasons">
                        {move || blockers.iter().map(|b| view! { <li>{explain::blocker(i18n.lang(), b)}</li> }).collect_view()}
                        {move || components.iter().map(|c| view! { <li>{explain::component(i18n.lang(), c)}</li> }).collect_view()}
                    </ul>
                }.into_any(),
                None => view! { <p class="muted">{move || i18n.t().duo_reasons_missing}</p> }.into_any(),
            }}
        </li>
    };
    let introduction = d.introduction_on.map(|on| {
        let planned = on > d.today;
        view! {
            <li>
                <h3>{move || i18n.t().duo_step_introduction}</h3>
                <p>{date_view(on)}{planned.then(|| view! { " · "<span class="chip">{move || i18n.t().duo_planned}</span> })}</p>
            </li>
        }
    });
    let agreement = d.agreement.clone().map(|a| {
        let items: Vec<AgreementItem> = a.items.iter().copied().collect();
        let rhythm = a.rhythm;
        view! {
            <li>
                <h3>{move || i18n.t().duo_step_agreement}</h3>
                <p>{date_view(a.signed_on)}</p>
                <dl class="facts">
                    <dt>{move || i18n.t().field_participant_yes_on}</dt>
                    <dd>{a.participant_yes_on.map(date_view)}</dd>
                    <dt>{move || i18n.t().field_buddy_yes_on}</dt>
                    <dd>{a.buddy_yes_on.map(date_view)}</dd>
                    <dt>{move || i18n.t().duo_rhythm_label}</dt>
                    <dd>{move || (i18n.t().duo_rhythm)(rhythm.min_weeks, rhythm.max_weeks)}</dd>
                    <dt>{move || i18n.t().field_agreement_items}</dt>
                    <dd>
                        {if items.is_empty() {
                            view! { <span class="muted">{move || i18n.t().duo_no_items}</span> }.into_any()
                        } else {
                            view! {
                                <ul class="plain-list">
                                    {items.into_iter().map(|item| view! { <li>{move || (i18n.t().agreement_item)(item)}</li> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </dd>
                    <dt>{move || i18n.t().field_agreement_note}</dt>
                    <dd class="prewrap">{a.note.clone()}</dd>
                </dl>
            </li>
        }
    });
    // An ended duo keeps the conversations held; those only planned did not happen.
    let evaluations: Vec<EvaluationEntry> = d
        .evaluations
        .iter()
        .filter(|e| e.held_on.is_some() || d.stage == DuoStage::Active)
        .cloned()
        .collect();
    let evaluations = evaluations.into_iter().map(|e| {
        let when = match e.held_on {
            Some(held) => {
                let text = format_date(held);
                view! { <p>{move || (i18n.t().duo_evaluation_held)(&text)}{by(e.recorded_by.clone())}</p> }.into_any()
            }
            None => {
                let text = format_date(e.due_on);
                view! { <p>{move || (i18n.t().duo_evaluation_due)(&text)}</p> }.into_any()
            }
        };
        view! {
            <li class:duo-timeline__planned=e.held_on.is_none()>
                <h3>{move || i18n.t().duo_step_evaluation}</h3>
                {when}
                {e.outcome.map(|o| view! { <p><span class=outcome_class(o)>{move || (i18n.t().evaluation_outcome)(o)}</span></p> })}
                {(!e.notes.is_empty()).then(|| view! { <p class="prewrap">{e.notes.clone()}</p> })}
            </li>
        }
    }).collect_view();
    let ending = d.ending.clone().map(|e| {
        let reason = e.reason;
        view! {
            <li>
                <h3>{move || i18n.t().duo_step_ending}</h3>
                <p>{date_view(e.ended_on)}" · "<span class="chip">{move || (i18n.t().end_reason)(reason)}</span></p>
                {(!e.note.is_empty()).then(|| view! { <p class="prewrap">{e.note.clone()}</p> })}
            </li>
        }
    });
    view! {
        <ol class="duo-timeline">
            {proposal}
            {introduction}
            {agreement}
            {evaluations}
            {ending}
        </ol>
    }
}

fn outcome_class(o: EvaluationOutcome) -> &'static str {
    match o {
        EvaluationOutcome::GoingWell => "chip chip--soft",
        EvaluationOutcome::Adjust | EvaluationOutcome::Worry => "chip chip--warning",
    }
}

/// The form for the next planned conversation of an active duo, and why a save was refused
/// when that was not about a field.
#[component]
fn EvaluationSection(
    duo: DuoDetail,
    record: ServerAction<RecordEvaluation>,
    draft: EvaluationForm,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(record);
    let not_active =
        move || error.with(|e| e.as_ref().is_some_and(|e| e.problem_at("duo").is_some()));
    let saved = move || record.value().with(|v| matches!(v, Some(Ok(()))));
    let form = duo.next_evaluation().cloned().map(|next| {
        let due = format_date(next.due_on);
        let held_on = if draft.held_on.is_empty() {
            duo.today.format("%Y-%m-%d").to_string()
        } else {
            draft.held_on.clone()
        };
        view! {
            <section class="card form-card" aria-labelledby="evaluation-title">
                <h2 id="evaluation-title">{move || (i18n.t().evaluation_form_title)(&due)}</h2>
                <ActionForm action=record attr:novalidate=true>
                    <FormError error />
                    <input type="hidden" name="id" value=duo.id />
                    <input type="hidden" name="evaluation" value=next.id />
                    <Input id="evaluation-held-on".into() name="form[held_on]".into() field="held_on" kind="date"
                        label=|t| t.field_held_on hint=|t| t.field_held_on_hint value=held_on error />
                    <OutcomeChoices selected=draft.outcome.clone() error />
                    <Input id="evaluation-notes".into() name="form[notes]".into() field="notes" kind="textarea"
                        label=|t| t.field_evaluation_notes value=draft.notes.clone() error />
                    <button type="submit" class="btn btn--primary" disabled=move || record.pending().get()>
                        {move || i18n.t().evaluation_save}
                    </button>
                </ActionForm>
            </section>
        }
    });
    view! {
        <Show when=not_active>
            <p class="banner banner--error" role="alert">{move || i18n.t().err_duo_not_active}</p>
        </Show>
        <Show when=saved>
            <p class="banner banner--ok" role="status">{move || i18n.t().evaluation_saved}</p>
        </Show>
        {form}
    }
}

/// The outcome as radio buttons: each answer readable at once, and reachable by keyboard.
#[component]
fn OutcomeChoices(selected: String, error: ActionError) -> impl IntoView {
    let i18n = use_i18n();
    let problem = field_problem(error, "outcome");
    view! {
        <fieldset class="choices" aria-invalid=move || problem().map(|_| "true")
            aria-describedby=move || problem().map(|_| "evaluation-outcome-error")>
            <legend>{move || i18n.t().field_outcome}</legend>
            <div class="choices__items">
                {EvaluationOutcome::ALL.into_iter().map(|o| {
                    let checked = selected == o.code();
                    view! {
                        <label class="choice">
                            <input type="radio" name="form[outcome]" value=o.code() checked=checked />
                            {move || (i18n.t().evaluation_outcome)(o)}
                        </label>
                    }
                }).collect_view()}
            </div>
            {move || problem().map(|m| view! { <span class="field-error" id="evaluation-outcome-error">{m}</span> })}
        </fieldset>
    }
}

/// The mutual agreement on paper, always in Dutch (it is signed by the participant and the
/// buddy); before the signing a blank form to fill in by hand at the introduction meeting.
#[component]
pub fn AgreementPage() -> impl IntoView {
    let i18n = use_i18n();
    let programme = expect_context::<ProgrammeResource>();
    let detail = Resource::new(route_id, load);
    view! {
        <RequireRole roles=STAFF_ADMIN>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let d = match detail.await {
                        Ok(d) => d,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let name = programme.await.map(|p| p.name).unwrap_or_default();
                    view! { <AgreementSheet duo=d programme=name /> }.into_any()
                })}
            </Suspense>
        </RequireRole>
    }
}

#[component]
fn AgreementSheet(duo: DuoDetail, programme: String) -> impl IntoView {
    let i18n = use_i18n();
    // The document's own language, whatever the interface shows.
    let nl = Lang::Nl.texts();
    let d = duo;
    let agreement = d.agreement.clone();
    let blank = agreement.is_none();
    let line = || view! { <span class="write-line" aria-hidden="true"></span> };
    let date = match &agreement {
        Some(a) => format_date_long(a.signed_on, Lang::Nl).into_any(),
        None => line().into_any(),
    };
    let rhythm = match &agreement {
        Some(a) => (nl.duo_rhythm)(a.rhythm.min_weeks, a.rhythm.max_weeks),
        None => nl.agreement_rhythm_blank.to_owned(),
    };
    let items = AgreementItem::ALL.into_iter().map(|item| {
        let ticked = agreement.as_ref().is_some_and(|a| a.items.contains(&item));
        view! {
            <li>
                <span class="checkbox" aria-hidden="true">{if ticked { "☑" } else { "☐" }}</span>
                " "{(nl.agreement_item)(item)}
                {(!blank).then(|| view! {
                    <span class="visually-hidden">{format!(" ({})", if ticked { nl.agreement_checked } else { nl.agreement_unchecked })}</span>
                })}
            </li>
        }
    }).collect_view();
    let note = match agreement
        .as_ref()
        .map(|a| a.note.clone())
        .filter(|n| !n.is_empty())
    {
        Some(note) => view! { <p class="prewrap">{note}</p> }.into_any(),
        None if blank => {
            view! { <div class="write-lines">{line()}{line()}{line()}</div> }.into_any()
        }
        None => view! { <p>"—"</p> }.into_any(),
    };
    let signers = [
        (nl.agreement_participant, d.participant_first_name.clone()),
        (nl.agreement_buddy, d.buddy_first_name.clone()),
        (nl.agreement_coordinator, String::new()),
    ];
    let print = move |_| {
        // Only in the browser: the server never runs event handlers.
        let _ = window().print();
    };
    view! {
        <Title text=nl.agreement_title />
        <div class="actions agreement-tools">
            <a class="btn" href=format!("/duos/{}", d.id)>{move || i18n.t().agreement_back}</a>
            <button type="button" class="btn btn--primary" on:click=print>{move || i18n.t().agreement_print}</button>
            <noscript><p class="muted">{move || i18n.t().agreement_print_hint}</p></noscript>
        </div>
        {blank.then(|| view! { <p class="banner agreement-tools" role="status">{move || i18n.t().agreement_blank_note}</p> })}
        <article class="agreement" lang="nl" aria-labelledby="agreement-title">
            <header class="agreement__head">
                <p class="agreement__programme">{programme.clone()}</p>
                <h1 id="agreement-title">{nl.agreement_title}</h1>
                <p>{(nl.agreement_intro)(&programme)}</p>
            </header>
            <dl class="facts agreement__parties">
                <dt>{nl.agreement_participant}</dt><dd>{d.participant_first_name.clone()}</dd>
                <dt>{nl.agreement_buddy}</dt><dd>{d.buddy_first_name.clone()}</dd>
                <dt>{nl.agreement_date}</dt><dd>{date}</dd>
            </dl>
            <section>
                <h2>{nl.agreement_rhythm_intro}</h2>
                <p>{rhythm}</p>
            </section>
            <section>
                <h2>{nl.agreement_checklist}</h2>
                <ul class="checklist">{items}</ul>
            </section>
            <section>
                <h2>{nl.field_agreement_note}</h2>
                {note}
            </section>
            <section class="agreement__signatures">
                <h2>{nl.agreement_signatures}</h2>
                <div class="signature-lines">
                    {signers.into_iter().map(|(role, name)| view! {
                        <div class="signature">
                            <p><strong>{role}</strong>{(!name.is_empty()).then(|| format!(": {name}"))}</p>
                            <span class="signature__line" aria-hidden="true"></span>
                            <p class="muted">{nl.agreement_signature}</p>
                        </div>
                    }).collect_view()}
                </div>
            </section>
        </article>
    }
}

/// The duo's activities, latest first, with the buddy's check-ins (for coordinators only).
#[component]
fn DuoActivitiesView(
    list: Resource<Result<Vec<crate::api::activities::StaffActivity>, AppError>>,
) -> impl IntoView {
    use crate::domain::time::format_day_time;

    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="activities-title">
            <h2 id="activities-title">{move || i18n.t().duo_activities_title}</h2>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    match list.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="muted">{move || i18n.t().duo_activities_none}</p> }.into_any()
                        }
                        Ok(list) => view! {
                            <ol class="timeline" data-testid="duo-activities">
                                {list.into_iter().map(|s| {
                                    let a = s.activity;
                                    let (at, status) = (a.starts_at, a.status);
                                    view! {
                                        <li>
                                            <strong>{a.kind.clone()}</strong>" · "
                                            {move || format_day_time(at, i18n.lang())}" · "
                                            {move || (i18n.t().activity_status)(status)}
                                            {(!a.place.is_empty()).then(|| format!(" · {}", a.place))}
                                            {a.cancel_reason.clone().map(|r| view! { <br /><span class="muted prewrap">{r}</span> })}
                                            {s.mood.map(|m| view! {
                                                <br />{move || i18n.t().checkin_label}": "
                                                <span aria-hidden="true">{m.face()}</span>" "
                                                <span class:chip--warning=m.is_low() class="chip">{move || (i18n.t().mood_word)(m)}</span>
                                            })}
                                            {s.checkin_note.map(|n| view! { <br /><span class="prewrap">{n}</span> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        }.into_any(),
                        Err(error) => view! {
                            <p class="banner banner--error" role="alert">{move || error.message(i18n.t())}</p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
