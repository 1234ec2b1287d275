//! Participants: the list, the intake of a new one, one participant's record, editing.

use leptos::prelude::*;

use crate::pages::route_id;
use leptos_meta::Title;

use crate::ProgrammeResource;
use crate::api::drafts::{DraftForm, draft_or};
use crate::api::lists::load_lists;
use crate::api::participants::{
    ChangeParticipantStatus, CreateParticipant, UpdateParticipant, get_participant,
    list_participants,
};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FormError, action_error};
use crate::components::guard::RequireRole;
use crate::components::people_list::{ListFilters, NameFilter, Paging, use_list_query};
use crate::components::profile_fields::{Input, ProfileFields, SelectField};
use crate::components::suspend::suspend;
use crate::components::table_wrap::TableWrap;
use crate::domain::account::STAFF_ADMIN;
use crate::domain::lists::Lists;
use crate::domain::people::{IntakeForm, LeaveReason, ParticipantStatus};
use crate::domain::privacy::PersonKind;
use crate::domain::time::{format_date, format_date_time};
use crate::error::AppError;
use crate::i18n::{explain, use_i18n};
use crate::pages::rights::TrailCard;
use crate::pages::stones::StoneSuggestionsCard;

#[component]
pub fn ParticipantsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t().participants_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <div class="page-head">
                <h1>{move || i18n.t().participants_title}</h1>
                <a class="btn btn--primary" href="/participants/new">{move || i18n.t().participants_new}</a>
            </div>
            <ParticipantList />
        </RequireRole>
    }
}

/// The filters that go into the address and into the pager's links.
const FILTER_KEYS: &[&str] = &["status", "municipality", "interest", "min_days", "sort"];

/// Filters live in the address (no names there: the name filter is sent, not linked).
#[component]
fn ParticipantList() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_list_query();
    let name = RwSignal::new(String::new());
    let lists = Resource::new(|| (), |_| load_lists());
    let rows = Resource::new(
        move || {
            (
                query.get("status"),
                query.number("municipality"),
                query.number("interest"),
                query.number("min_days"),
                name.get(),
                query.get("sort"),
                query.page(),
            )
        },
        |(status, municipality, interest, min_days, name, sort, page)| {
            list_participants(
                status,
                municipality,
                interest,
                min_days,
                Some(name),
                sort,
                page,
            )
        },
    );
    view! {
        <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || suspend(async move {
                let lists = lists.await.unwrap_or_default();
                view! {
                    <ListFilters action="/participants" lists query
                        statuses=|t| t.participant_status sorts=|t| t.sort_name>
                        <div class="field">
                            <label for="f-min-days">{move || i18n.t().filter_min_days}</label>
                            <input id="f-min-days" name="min_days" type="number" min="0"
                                value=query.get("min_days").unwrap_or_default() />
                        </div>
                    </ListFilters>
                }
            })}
        </Suspense>
        <NameFilter name />
        <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || suspend(async move {
                let page = match rows.await {
                    Ok(page) => page,
                    Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                };
                let (current, pages, total) = (page.page, page.pages(), page.total);
                view! {
                    <Paging path="/participants" keys=FILTER_KEYS query total current pages>
                        <TableWrap label=|t| t.participants_title>
                            <table>
                                <thead>
                                    <tr>
                                        <th scope="col">{move || i18n.t().col_name}</th>
                                        <th scope="col">{move || i18n.t().col_age}</th>
                                        <th scope="col">{move || i18n.t().field_municipality}</th>
                                        <th scope="col">{move || i18n.t().col_status}</th>
                                        <th scope="col">{move || i18n.t().col_waiting}</th>
                                        <th scope="col">{move || i18n.t().col_last_contact}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {page.rows.into_iter().map(|r| {
                                        let since = format_date(r.waiting_since);
                                        let contact = r.last_contact_on.map(format_date).unwrap_or_default();
                                        view! {
                                            <tr>
                                                <td><a href=format!("/participants/{}", r.id)>{format!("{} {}", r.first_name, r.last_name)}</a></td>
                                                <td>{r.age}</td>
                                                <td>{r.municipality}</td>
                                                <td>{move || (i18n.t().participant_status)(r.status)}</td>
                                                <td>{since}" · "{move || (i18n.t().days_waiting)(r.days_waiting)}</td>
                                                <td>{contact}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </TableWrap>
                    </Paging>
                }.into_any()
            })}
        </Transition>
    }
}

#[component]
pub fn NewParticipantPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<CreateParticipant>::new();
    view! {
        <Title text=move || i18n.t().intake_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <h1>{move || i18n.t().intake_title}</h1>
            <IntakeEditor values=IntakeForm::default() draft=DraftForm::Intake form=move |lists: Lists, values: IntakeForm| {
                    let error = action_error(action);
                    view! {
                        <ActionForm action=action attr:class="card form-card form-card--wide" attr:novalidate=true>
                            <FormError error />
                            <IntakeFields lists values error />
                            <button type="submit" class="btn btn--primary" disabled=move || action.pending().get()>
                                {move || i18n.t().save}
                            </button>
                        </ActionForm>
                    }.into_any()
                } />
        </RequireRole>
    }
}

/// Loads the lists, then shows the form made by `children`.
#[component]
fn IntakeEditor(
    values: IntakeForm,
    /// Where values refused without JavaScript wait; shown instead of `values`.
    draft: DraftForm,
    form: impl Fn(Lists, IntakeForm) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let start = Resource::new(
        || (),
        move |_| {
            let values = values.clone();
            async move {
                let lists = load_lists().await?;
                let values = draft_or(draft, values).await;
                Ok::<_, AppError>((lists, values))
            }
        },
    );
    let form = StoredValue::new(form);
    view! {
        <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || suspend(async move {
                match start.await {
                    Ok((lists, values)) => form.with_value(|f| f(lists, values)),
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The intake form's fields (profile, referral, consent, notes), named `form[...]`.
#[component]
pub(crate) fn IntakeFields(
    lists: Lists,
    values: IntakeForm,
    error: crate::components::form::ActionError,
) -> impl IntoView {
    let i18n = use_i18n();
    let organisations = lists
        .referral_organisations
        .iter()
        .map(|o| (o.id.to_string(), o.name.clone()))
        .collect();
    let v = values;
    let consent = |name: &'static str,
                   checked: bool,
                   label: fn(&crate::i18n::Texts) -> &'static str| {
        view! {
            <label class="choice">
                <input type="checkbox" name=format!("form[{name}]") value="true" checked=checked />
                {move || label(i18n.t())}
            </label>
        }
    };
    view! {
        <ProfileFields prefix="form[profile]" values=v.profile.clone() lists error />
        <fieldset class="form-section">
            <legend>{move || i18n.t().section_referral}</legend>
            <Input id="intake-date".into() name="form[intake_date]".into() field="intake_date" kind="date"
                label=|t| t.field_intake_date value=v.intake_date.clone() error />
            <SelectField id="intake-referral".into() name="form[referral_organisation_id]".into()
                field="referral_organisation_id" label=|t| t.field_referral_org
                value=v.referral_organisation_id.clone() options=organisations error />
            <Input id="intake-referral-contact".into() name="form[referral_contact]".into() field="referral_contact"
                label=|t| t.field_referral_contact value=v.referral_contact.clone() error />
            <Input id="intake-support".into() name="form[support_contact]".into() field="support_contact"
                label=|t| t.field_support_contact value=v.support_contact.clone() error />
        </fieldset>
        <fieldset class="form-section">
            <legend>{move || i18n.t().section_consent}</legend>
            <p>{move || i18n.t().consent_text}</p>
            {consent("consent_matching", v.consent_matching == "true", |t| t.consent_matching)}
            {move || error.read().as_ref().and_then(|e| e.problem_at("consent_matching").map(|p| (i18n.t().problem)(p)))
                .map(|m| view! { <span class="field-error">{m}</span> })}
            {consent("consent_share_first_name", v.consent_share_first_name == "true", |t| t.consent_share_first_name)}
            {consent("consent_share_phone", v.consent_share_phone == "true", |t| t.consent_share_phone)}
            {consent("consent_share_interests", v.consent_share_interests == "true", |t| t.consent_share_interests)}
        </fieldset>
        <Input id="intake-notes".into() name="form[coordinator_notes]".into() field="coordinator_notes" kind="textarea"
            label=|t| t.field_coordinator_notes value=v.coordinator_notes.clone() error />
    }
}

#[component]
pub fn ParticipantPage() -> impl IntoView {
    let i18n = use_i18n();
    let programme = expect_context::<ProgrammeResource>();
    let change = ServerAction::<ChangeParticipantStatus>::new();
    let error = action_error(change);
    let detail = Resource::new(
        move || (route_id(), change.version().get()),
        |(id, _)| async move {
            match id {
                Some(id) => get_participant(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    let lists = Resource::new(|| (), |_| load_lists());
    view! {
        <RequireRole roles=STAFF_ADMIN>
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let d = match detail.await {
                        Ok(d) => d,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let lists = lists.await.unwrap_or_default();
                    let tz = programme.await.map(|p| p.tz()).unwrap_or(crate::domain::time::DEFAULT_TIME_ZONE);
                    let p = d.intake.profile.clone();
                    let name = format!("{} {}", p.first_name, p.last_name);
                    let title = name.clone();
                    let place = lists.municipality(p.municipality_id).map(|m| m.name.clone()).unwrap_or_default();
                    let interests: Vec<String> = p.interests.iter()
                        .filter_map(|i| lists.interest(*i).map(|x| x.name.clone())).collect();
                    let slots: Vec<_> = p.availability.slots().collect();
                    let status = d.status;
                    let erased = d.erased_on;
                    view! {
                        <Title text=title />
                        <div class="page-head">
                            <h1>{name}</h1>
                            <div class="actions">
                                <a class="btn" href=format!("/participants/{}/data", d.id)>{move || i18n.t().data_link}</a>
                                {erased.is_none().then(|| view! {
                                    <a class="btn" href=format!("/participants/{}/edit", d.id)>{move || i18n.t().edit}</a>
                                })}
                            </div>
                        </div>
                        {erased.map(|on| {
                            let on = format_date(on);
                            view! { <p class="banner banner--ok" role="status">{move || (i18n.t().erased_notice)(&on)}</p> }
                        })}
                        <p><span class="chip">{move || (i18n.t().participant_status)(status)}</span>" "
                            {move || i18n.t().col_waiting}": "{format_date(d.waiting_since)}</p>
                        {(status == ParticipantStatus::Waiting).then(|| view! {
                            <p><a class="btn btn--primary" href=format!("/participants/{}/match", d.id)>
                                {move || i18n.t().match_participant_link}</a></p>
                        })}
                        <section class="card" aria-labelledby="profile-title">
                            <h2 id="profile-title">{move || i18n.t().profile_title}</h2>
                            <dl class="facts">
                                <dt>{move || i18n.t().field_birth_date}</dt><dd>{format_date(p.birth_date)}</dd>
                                <dt>{move || i18n.t().field_gender}</dt><dd>{move || (i18n.t().gender)(p.gender)}</dd>
                                <dt>{move || i18n.t().field_municipality}</dt><dd>{place}</dd>
                                <dt>{move || i18n.t().field_phone}</dt><dd>{p.phone.clone().unwrap_or_default()}</dd>
                                <dt>{move || i18n.t().field_interests}</dt><dd>{interests.join(", ")}</dd>
                                <dt>{move || i18n.t().field_smokes}</dt>
                                <dd>{move || if p.smoking.smokes { i18n.t().yes } else { i18n.t().no }}</dd>
                                <dt>{move || i18n.t().field_availability}</dt>
                                <dd>{move || slots.iter().map(|s| explain::slot(i18n.lang(), *s)).collect::<Vec<_>>().join(", ")}</dd>
                                <dt>{move || i18n.t().field_max_travel_km}</dt><dd>{p.travel.max_km}</dd>
                                <dt>{move || i18n.t().field_coordinator_notes}</dt><dd class="prewrap">{d.intake.coordinator_notes.clone()}</dd>
                            </dl>
                        </section>
                        <StoneSuggestionsCard id=d.id />
                        {erased.is_none().then(|| view! {
                        <section class="card form-card" aria-labelledby="status-title">
                            <h2 id="status-title">{move || i18n.t().status_change_title}</h2>
                            <ActionForm action=change>
                                <FormError error />
                                <input type="hidden" name="id" value=d.id />
                                <input type="hidden" name="version" value=d.version />
                                <div class="field">
                                    <label for="status-to">{move || i18n.t().filter_status}</label>
                                    <select id="status-to" name="status">
                                        {ParticipantStatus::ALL.into_iter().filter(|s| status.can_move_to(*s)).map(|s| view! {
                                            <option value=s.code()>{move || (i18n.t().participant_status)(s)}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <SelectField id="status-reason".into() name="reason".into() field="reason"
                                    label=|t| t.status_reason hint=|t| t.status_reason_hint value=String::new()
                                    options=LeaveReason::ALL.into_iter()
                                        .map(|r| (r.code().to_owned(), (i18n.t().leave_reason)(r).to_owned())).collect()
                                    error />
                                <Input id="status-note".into() name="note".into() field="note" label=|t| t.status_note
                                    value=String::new() error />
                                <button type="submit" class="btn">{move || i18n.t().status_submit}</button>
                            </ActionForm>
                            {(status == ParticipantStatus::Closed).then(|| view! {
                                <p><a class="btn btn--danger" href=format!("/participants/{}/erase", d.id)>{move || i18n.t().erase_link}</a></p>
                            })}
                        </section>
                        })}
                        <section class="card" aria-labelledby="timeline-title">
                            <h2 id="timeline-title">{move || i18n.t().timeline_title}</h2>
                            <ol class="timeline">
                                {d.timeline.into_iter().map(|e| {
                                    let to = ParticipantStatus::from_code(&e.to);
                                    let when = format_date_time(e.at, tz);
                                    view! {
                                        <li>
                                            <strong>{move || to.map(|s| (i18n.t().participant_status)(s)).unwrap_or_default()}</strong>
                                            {e.reason.as_deref().map(|code| {
                                                let r = LeaveReason::from_code(code);
                                                view! { " · "{move || r.map_or(i18n.t().leave_reason_none, |r| (i18n.t().leave_reason)(r))} }
                                            })}
                                            " · "{when}{e.by.map(|b| format!(" · {b}"))}
                                            {(!e.note.is_empty()).then(|| view! { <br /><span class="muted">{e.note.clone()}</span> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        </section>
                        <crate::pages::events::PersonEventsView kind=PersonKind::Participant id=d.id />
                        <TrailCard kind=PersonKind::Participant id=d.id />
                    }.into_any()
                })}
            </Transition>
        </RequireRole>
    }
}

#[component]
pub fn EditParticipantPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<UpdateParticipant>::new();
    let detail = Resource::new(route_id, |id| async move {
        match id {
            Some(id) => get_participant(id).await,
            None => Err(crate::error::AppError::NotFound),
        }
    });
    view! {
        <Title text=move || i18n.t().edit_participant_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <h1>{move || i18n.t().edit_participant_title}</h1>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let d = match detail.await {
                        Ok(d) => d,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let (id, version) = (d.id, d.version);
                    view! {
                        <IntakeEditor values=d.form() draft=DraftForm::EditParticipant(id) form=move |lists: Lists, values: IntakeForm| {
                                let error = action_error(action);
                                view! {
                                    <ActionForm action=action attr:class="card form-card form-card--wide" attr:novalidate=true>
                                        <FormError error />
                                        <input type="hidden" name="id" value=id />
                                        <input type="hidden" name="version" value=version />
                                        <IntakeFields lists values error />
                                        <button type="submit" class="btn btn--primary" disabled=move || action.pending().get()>
                                            {move || i18n.t().save}
                                        </button>
                                    </ActionForm>
                                }.into_any()
                            } />
                    }.into_any()
                })}
            </Suspense>
        </RequireRole>
    }
}
