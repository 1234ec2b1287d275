//! Registering as a participant (public: by the person or a care worker), and the
//! coordinator's side: the open registrations on the home page, one registration's page with
//! the intake to plan, and the intake that makes the participant's record from it.

use leptos::prelude::*;

use crate::pages::route_id;
use leptos_meta::Title;

use crate::api::drafts::{DraftForm, draft_or};
use crate::api::lists::load_lists;
use crate::api::participants::CreateParticipant;
use crate::api::registrations::{
    RegisterParticipant, UpdateRegistration, get_registration, open_registrations,
    registration_intake, registration_lists,
};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{ActionError, FormError, action_error};
use crate::components::guard::RequireRole;
use crate::components::profile_fields::{Input, SelectField};
use crate::components::suspend::suspend;
use crate::domain::account::STAFF_ADMIN;
use crate::domain::lists::Lists;
use crate::domain::registration::{
    Duplicate, RegisteredBy, RegistrationForm, RegistrationStatus, RegistrationView,
};
use crate::domain::time::format_date;
use crate::error::AppError;
use crate::i18n::{Texts, use_i18n};
use crate::pages::participants::IntakeFields;

/// A text of the interface, for a fact's label.
type Label = fn(&Texts) -> &'static str;

/// A checkbox that must be ticked, with its message at the field.
#[component]
fn Tick(
    id: &'static str,
    name: &'static str,
    field: &'static str,
    label: fn(&Texts) -> &'static str,
    checked: bool,
    error: ActionError,
) -> impl IntoView {
    let i18n = use_i18n();
    let problem = crate::components::profile_fields::field_problem(error, field);
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label class="choice" for=id>
                <input type="checkbox" id=id name=name value="true" checked=checked
                    aria-invalid=move || problem().map(|_| "true")
                    aria-describedby={let e = error_id.clone(); move || problem().map(|_| e.clone())} />
                {move || label(i18n.t())}
            </label>
            {move || problem().map(|m| view! { <span class="field-error" id=error_id.clone()>{m}</span> })}
        </div>
    }
}

/// The public page: who can take part, what happens, the privacy notice, and the form.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<RegisterParticipant>::new();
    let error = action_error(action);
    let start = Resource::new(
        || (),
        |_| async {
            let lists = registration_lists().await?;
            let values = draft_or(DraftForm::Registration, RegistrationForm::default()).await;
            Ok::<_, AppError>((lists, values))
        },
    );
    view! {
        <Title text=move || i18n.t().register_title.to_owned() />
        <h1>{move || i18n.t().register_title}</h1>
        <p class="lead">{move || i18n.t().register_intro}</p>
        <p>{move || i18n.t().register_what_next}</p>
        <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || suspend(async move {
                match start.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok((lists, values)) => view! {
                        <ActionForm action=action attr:class="card form-card form-card--wide" attr:novalidate=true>
                            <FormError error />
                            <RegistrationFields lists values error />
                            <button type="submit" class="btn btn--primary" disabled=move || action.pending().get()>
                                {move || i18n.t().register_submit}
                            </button>
                        </ActionForm>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RegistrationFields(lists: Lists, values: RegistrationForm, error: ActionError) -> impl IntoView {
    let i18n = use_i18n();
    let by_care_worker = values.by == RegisteredBy::CareWorker.code();
    let places: Vec<(String, String)> = lists
        .municipalities
        .iter()
        .map(|m| (m.id.to_string(), m.name.clone()))
        .collect();
    let organisations: Vec<(String, String)> = lists
        .referral_organisations
        .iter()
        .filter(|o| o.active)
        .map(|o| (o.id.to_string(), o.name.clone()))
        .collect();
    let v = values;
    view! {
        <fieldset class="form-section choices">
            <legend>{move || i18n.t().register_who}</legend>
            <label class="choice">
                <input type="radio" name="form[by]" value=RegisteredBy::Person.code() checked=!by_care_worker />
                {move || i18n.t().register_by_person}
            </label>
            <label class="choice">
                <input type="radio" name="form[by]" value=RegisteredBy::CareWorker.code() checked=by_care_worker />
                {move || i18n.t().register_by_care_worker}
            </label>
        </fieldset>
        <fieldset class="form-section">
            <legend>{move || i18n.t().register_person}</legend>
            <Input id="reg-first".into() name="form[first_name]".into() field="first_name"
                label=|t| t.field_first_name autocomplete="given-name" required=true value=v.first_name error />
            <Input id="reg-last".into() name="form[last_name]".into() field="last_name"
                label=|t| t.field_last_name autocomplete="family-name" required=true value=v.last_name error />
            <Input id="reg-phone".into() name="form[phone]".into() field="phone" kind="tel"
                label=|t| t.field_phone hint=|t| t.register_contact_hint autocomplete="tel" value=v.phone error />
            <Input id="reg-email".into() name="form[email]".into() field="email" kind="email"
                label=|t| t.field_email autocomplete="email" value=v.email error />
            <SelectField id="reg-municipality".into() name="form[municipality_id]".into() field="municipality_id"
                label=|t| t.field_municipality value=v.municipality_id options=places error />
        </fieldset>
        <fieldset class="form-section">
            <legend>{move || i18n.t().register_care_worker}</legend>
            <p class="hint">{move || i18n.t().register_care_worker_hint}</p>
            <SelectField id="reg-organisation".into() name="form[organisation_id]".into() field="organisation_id"
                label=|t| t.register_organisation value=v.organisation_id options=organisations error />
            <Input id="reg-cw-name".into() name="form[care_worker_name]".into() field="care_worker_name"
                label=|t| t.register_care_worker_name value=v.care_worker_name error />
            <Input id="reg-cw-phone".into() name="form[care_worker_phone]".into() field="care_worker_phone" kind="tel"
                label=|t| t.register_care_worker_phone value=v.care_worker_phone error />
            <Input id="reg-cw-email".into() name="form[care_worker_email]".into() field="care_worker_email" kind="email"
                label=|t| t.register_care_worker_email hint=|t| t.register_receipt_hint value=v.care_worker_email error />
        </fieldset>
        <fieldset class="form-section">
            <legend>{move || i18n.t().register_more}</legend>
            <Input id="reg-note".into() name="form[note]".into() field="note" kind="textarea"
                label=|t| t.register_note value=v.note error />
        </fieldset>
        // Hidden from people (and from screen readers); robots fill it in.
        <div class="honeypot" aria-hidden="true">
            <label for="reg-website">"Website"</label>
            <input id="reg-website" name="form[website]" type="text" tabindex="-1" autocomplete="off" />
        </div>
        <fieldset class="form-section">
            <legend>{move || i18n.t().section_privacy}</legend>
            <p>{move || i18n.t().register_privacy_text}</p>
            <Tick id="reg-agreed" name="form[agreed]" field="agreed" label=|t| t.register_agreed
                checked=v.agreed == "true" error />
            <Tick id="reg-privacy" name="form[privacy_read]" field="privacy_read" label=|t| t.register_privacy_read
                checked=v.privacy_read == "true" error />
        </fieldset>
    }
}

#[component]
pub fn RegisterThanksPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t().register_title.to_owned() />
        <section class="card" role="status">
            <h1>{move || i18n.t().register_thanks_title}</h1>
            <p>{move || i18n.t().register_thanks_text}</p>
        </section>
    }
}

/// On the coordinator's home: registrations waiting for their intake, due soonest first.
#[component]
pub fn OpenRegistrations(
    /// The programme's date: registrations past their due date are marked.
    today: chrono::NaiveDate,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = Resource::new(|| (), |_| open_registrations());
    view! {
        <section class="card home-due" aria-labelledby="registrations-title">
            <h2 id="registrations-title">{move || i18n.t().registrations_title}</h2>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    match open.await {
                        Ok(list) if list.is_empty() => {
                            view! { <p class="muted">{move || i18n.t().registrations_none}</p> }.into_any()
                        }
                        Ok(list) => view! {
                            <ul class="due-list" data-testid="open-registrations">
                                {list.into_iter().map(|r| view! { <RegistrationItem r today /> }).collect_view()}
                            </ul>
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

#[component]
fn RegistrationItem(r: RegistrationView, today: chrono::NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let late = r.late(today);
    let name = format!("{} {}", r.registration.first_name, r.registration.last_name);
    let due = format_date(r.intake_due_on);
    let planned = r.intake_planned_on.map(format_date);
    let via = r.organisation.clone();
    view! {
        <li>
            <a href=format!("/registrations/{}", r.id)>{name}</a>
            " · "{r.municipality.clone()}
            {via.map(|o| view! { " · "{move || (i18n.t().registration_via)(&o)} })}
            " · "
            {match planned {
                Some(on) => view! { {move || (i18n.t().registration_planned_on)(&on)} }.into_any(),
                None => view! { {move || (i18n.t().registration_due)(&due)} }.into_any(),
            }}
            {late.then(|| view! { " "<span class="chip chip--warning">{move || i18n.t().home_due_late}</span> })}
            {r.possible_duplicate.map(|_| view! { " "<span class="chip chip--warning">{move || i18n.t().registration_duplicate_chip}</span> })}
        </li>
    }
}

/// One registration: what the person or care worker wrote, a possible duplicate, and what
/// the coordinator does next (plan the intake, do it, or close the registration).
#[component]
pub fn RegistrationPage() -> impl IntoView {
    let i18n = use_i18n();
    let update = ServerAction::<UpdateRegistration>::new();
    let found = Resource::new(
        move || (route_id(), update.version().get()),
        |(id, _)| async move {
            match id {
                Some(id) => get_registration(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Title text=move || i18n.t().registration_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    match found.await {
                        Ok(r) => view! { <RegistrationDetail r update /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    }
                })}
            </Transition>
        </RequireRole>
    }
}

#[component]
fn RegistrationDetail(
    r: RegistrationView,
    update: ServerAction<UpdateRegistration>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(update);
    let reg = r.registration.clone();
    let by = reg.by;
    let open = r.status == RegistrationStatus::Open;
    let facts: Vec<(Label, String)> = vec![
        (|t| t.field_phone, reg.phone.clone().unwrap_or_default()),
        (|t| t.field_email, reg.email.clone().unwrap_or_default()),
        (|t| t.field_municipality, r.municipality.clone()),
        (
            |t| t.field_referral_org,
            r.organisation.clone().unwrap_or_default(),
        ),
        (
            |t| t.register_care_worker_name,
            reg.care_worker_name.clone(),
        ),
        (
            |t| t.register_care_worker_phone,
            reg.care_worker_phone.clone().unwrap_or_default(),
        ),
        (
            |t| t.register_care_worker_email,
            reg.care_worker_email.clone().unwrap_or_default(),
        ),
        (|t| t.register_note, reg.note.clone()),
    ];
    let duplicate = r.possible_duplicate.map(|d| match d {
        Duplicate::Participant(id) => (format!("/participants/{id}"), true),
        Duplicate::Registration(id) => (format!("/registrations/{id}"), false),
    });
    let registered = format_date(r.registered_on);
    let due = format_date(r.intake_due_on);
    let planned = r.intake_planned_on.map(format_date);
    let id = r.id;
    let version = r.version;
    view! {
        <p><a href="/">{move || i18n.t().nav_home}</a></p>
        <h1>{format!("{} {}", reg.first_name, reg.last_name)}</h1>
        <p class="muted">
            {move || (i18n.t().registration_registered)(&registered, by)}
            " · "{move || (i18n.t().registration_status)(r.status)}
        </p>
        {duplicate.map(|(href, participant)| view! {
            <p class="banner banner--error" role="note">
                {move || if participant { i18n.t().registration_duplicate_participant } else { i18n.t().registration_duplicate_registration }}
                " "<a href=href>{move || i18n.t().registration_duplicate_look}</a>
            </p>
        })}
        <dl class="facts card">
            {facts.into_iter().filter(|(_, v)| !v.is_empty()).map(|(label, value)| view! {
                <dt>{move || label(i18n.t())}</dt>
                <dd>{value}</dd>
            }).collect_view()}
        </dl>
        {open.then(|| view! {
            <section class="card" aria-labelledby="intake-title">
                <h2 id="intake-title">{move || i18n.t().registration_intake_title}</h2>
                <p>{move || match &planned {
                    Some(on) => (i18n.t().registration_planned_on)(on),
                    None => (i18n.t().registration_due)(&due),
                }}</p>
                <ActionForm action=update attr:class="form-card" attr:novalidate=true>
                    <FormError error />
                    <input type="hidden" name="id" value=id />
                    <input type="hidden" name="version" value=version />
                    <input type="hidden" name="action" value="plan" />
                    <Input id="reg-plan-on".into() name="on".into() field="on" kind="date"
                        label=|t| t.registration_plan_on value=String::new() error />
                    <button type="submit" class="btn" disabled=move || update.pending().get()>
                        {move || i18n.t().registration_plan}
                    </button>
                </ActionForm>
                <p>
                    <a class="btn btn--primary" href=format!("/registrations/{id}/intake")>
                        {move || i18n.t().registration_do_intake}
                    </a>
                </p>
                <ActionForm action=update attr:class="form-card">
                    <input type="hidden" name="id" value=id />
                    <input type="hidden" name="version" value=version />
                    <input type="hidden" name="action" value="close" />
                    <button type="submit" class="btn" disabled=move || update.pending().get()>
                        {move || i18n.t().registration_close}
                    </button>
                </ActionForm>
            </section>
        })}
        {r.participant_id.map(|p| view! {
            <p><a href=format!("/participants/{p}")>{move || i18n.t().registration_see_participant}</a></p>
        })}
    }
}

/// The intake conversation of a registration: the intake form, started from what the
/// registration knows; saving it makes the participant's record and closes the registration.
#[component]
pub fn RegistrationIntakePage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<CreateParticipant>::new();
    let start = Resource::new(route_id, |id| async move {
        let id = id.ok_or(AppError::NotFound)?;
        let lists = load_lists().await?;
        let (prefill, version) = registration_intake(id).await?;
        let values = draft_or(DraftForm::Intake, prefill).await;
        Ok::<_, AppError>((id, version, lists, values))
    });
    view! {
        <Title text=move || i18n.t().intake_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <h1>{move || i18n.t().intake_title}</h1>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    match start.await {
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                        Ok((id, version, lists, values)) => {
                            let error = action_error(action);
                            view! {
                                <p><a href=format!("/registrations/{id}")>{move || i18n.t().registration_title}</a></p>
                                <ActionForm action=action attr:class="card form-card form-card--wide" attr:novalidate=true>
                                    <FormError error />
                                    <input type="hidden" name="registration" value=id />
                                    <input type="hidden" name="registration_version" value=version />
                                    <IntakeFields lists values error />
                                    <button type="submit" class="btn btn--primary" disabled=move || action.pending().get()>
                                        {move || i18n.t().save}
                                    </button>
                                </ActionForm>
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
        </RequireRole>
    }
}
