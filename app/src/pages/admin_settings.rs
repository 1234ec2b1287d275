use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::settings::{
    SaveEvaluationPlan, SetTwoFactorRequired, load_evaluation_plan, security_settings,
};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FormError, action_error, reload_after};
use crate::components::guard::RequireRole;
use crate::components::profile_fields::Input;
use crate::components::suspend::suspend;
use crate::domain::account::ADMIN;
use crate::i18n::use_i18n;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t().settings_title.to_owned() />
        <RequireRole roles=ADMIN>
            <h1>{move || i18n.t().settings_title}</h1>
            <SecuritySettings />
            <EvaluationPlanSettings />
            <CadenceMarginSettings />
            <FirstStepsSettings />
            <RetentionSettings />
            <p><a class="btn" href="/admin/matching">{move || i18n.t().weights_link}</a></p>
        </RequireRole>
    }
}

#[component]
fn SecuritySettings() -> impl IntoView {
    let i18n = use_i18n();
    let set = ServerAction::<SetTwoFactorRequired>::new();
    let error = action_error(set);
    let settings = Resource::new(move || set.version().get(), |_| security_settings());
    view! {
        <section class="card form-card" aria-labelledby="security-title">
            <h2 id="security-title">{move || i18n.t().security_title}</h2>
            <FormError error />
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let current = match settings.await {
                        Ok(current) => current,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let on = current.two_factor_required;
                    view! {
                        <p role="status">{move || if on { i18n.t().two_factor_required_on } else { i18n.t().two_factor_required_off }}</p>
                        <ActionForm action=set>
                            <input type="hidden" name="required" value=(!on).to_string() />
                            {current.version.map(|v| view! { <input type="hidden" name="version" value=v /> })}
                            <button type="submit" class="btn">
                                {move || if on { i18n.t().two_factor_unrequire } else { i18n.t().two_factor_require }}
                            </button>
                        </ActionForm>
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}

/// When evaluation conversations fall due after the signing.
#[component]
fn EvaluationPlanSettings() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveEvaluationPlan>::new();
    let error = action_error(save);
    // Reloaded once saved, so the form carries the new version.
    let reload = reload_after(save);
    let stored = Resource::new(move || reload.get(), |_| load_evaluation_plan());
    let saved = move || {
        leptos_router::hooks::use_query_map()
            .read()
            .get("saved")
            .is_some_and(|v| v == "evaluation_plan")
            || save.value().with(|v| matches!(v, Some(Ok(_))))
    };
    view! {
        <section class="card form-card" aria-labelledby="evaluation-plan-title">
            <h2 id="evaluation-plan-title">{move || i18n.t().evaluation_plan_title}</h2>
            <p>{move || i18n.t().evaluation_plan_intro}</p>
            <Show when=saved>
                <p class="banner banner--ok" role="status">{move || i18n.t().evaluation_plan_saved}</p>
            </Show>
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let current = match stored.await {
                        Ok(current) => current,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    view! {
                        <ActionForm action=save attr:novalidate=true>
                            <FormError error />
                            {current.version.map(|v| view! { <input type="hidden" name="version" value=v /> })}
                            <Input id="plan-first".into() name="form[first_after_months]".into() field="first_after_months"
                                kind="number" label=|t| t.field_first_after_months value=current.form.first_after_months error />
                            <Input id="plan-every".into() name="form[then_every_months]".into() field="then_every_months"
                                kind="number" label=|t| t.field_then_every_months value=current.form.then_every_months error />
                            <button type="submit" class="btn btn--primary" disabled=move || save.pending().get()>
                                {move || i18n.t().save}
                            </button>
                        </ActionForm>
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}

/// The margin on top of a duo's rhythm before the cadence watch flags it.
#[component]
fn CadenceMarginSettings() -> impl IntoView {
    use crate::api::activities::{SaveCadenceMargin, cadence_margin};

    let i18n = use_i18n();
    let save = ServerAction::<SaveCadenceMargin>::new();
    let error = action_error(save);
    let reload = reload_after(save);
    let stored = Resource::new(move || reload.get(), |_| cadence_margin());
    let saved = move || {
        leptos_router::hooks::use_query_map()
            .read()
            .get("saved")
            .is_some_and(|v| v == "cadence_margin")
            || save.value().with(|v| matches!(v, Some(Ok(_))))
    };
    view! {
        <section class="card form-card" aria-labelledby="cadence-margin-title">
            <h2 id="cadence-margin-title">{move || i18n.t().cadence_margin_title}</h2>
            <Show when=saved>
                <p class="banner banner--ok" role="status">{move || i18n.t().cadence_margin_saved}</p>
            </Show>
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let (days, version) = match stored.await {
                        Ok(current) => current,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    view! {
                        <p class="muted">{move || (i18n.t().cadence_margin_note)(days)}</p>
                        <ActionForm action=save attr:novalidate=true>
                            <FormError error />
                            {version.map(|v| view! { <input type="hidden" name="version" value=v /> })}
                            <Input id="cadence-margin".into() name="days".into() field="days"
                                kind="number" label=|t| t.field_cadence_margin value=days.to_string() error />
                            <button type="submit" class="btn btn--primary" disabled=move || save.pending().get()>
                                {move || i18n.t().save}
                            </button>
                        </ActionForm>
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}

#[component]
fn FirstStepsSettings() -> impl IntoView {
    use crate::api::settings::{SaveFirstSteps, load_first_steps};

    let i18n = use_i18n();
    let save = ServerAction::<SaveFirstSteps>::new();
    let error = action_error(save);
    let reload = reload_after(save);
    let stored = Resource::new(move || reload.get(), |_| load_first_steps());
    let saved = move || {
        leptos_router::hooks::use_query_map()
            .read()
            .get("saved")
            .is_some_and(|v| v == "first_steps")
            || save.value().with(|v| matches!(v, Some(Ok(_))))
    };
    view! {
        <section class="card form-card" aria-labelledby="first-steps-title">
            <h2 id="first-steps-title">{move || i18n.t().first_steps_title}</h2>
            <Show when=saved>
                <p class="banner banner--ok" role="status">{move || i18n.t().first_steps_saved}</p>
            </Show>
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let (v, version) = match stored.await {
                        Ok(current) => current,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    view! {
                        <ActionForm action=save attr:novalidate=true>
                            <FormError error />
                            {version.map(|v| view! { <input type="hidden" name="version" value=v /> })}
                            <Input id="first-intake-days".into() name="form[intake_days]".into() field="intake_days"
                                kind="number" label=|t| t.first_steps_intake_days value=v.intake_days error />
                            <Input id="first-follow-up".into() name="form[follow_up_weeks]".into() field="follow_up_weeks"
                                kind="number" label=|t| t.first_steps_follow_up_weeks value=v.follow_up_weeks error />
                            <Input id="first-check".into() name="form[check_months]".into() field="check_months"
                                kind="number" label=|t| t.first_steps_check_months value=v.check_months error />
                            <Input id="first-phone".into() name="form[phone]".into() field="phone" kind="tel"
                                label=|t| t.first_steps_phone value=v.phone error />
                            <Input id="first-intervision".into() name="form[intervision_months]".into() field="intervision_months"
                                kind="number" label=|t| crate::i18n::events::words(t.lang).intervision_months
                                value=v.intervision_months error />
                            <Input id="first-offer-hours".into() name="form[offer_hours]".into() field="offer_hours"
                                kind="number" label=|t| crate::i18n::events::words(t.lang).offer_hours
                                value=v.offer_hours error />
                            <button type="submit" class="btn btn--primary" disabled=move || save.pending().get()>
                                {move || i18n.t().save}
                            </button>
                        </ActionForm>
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}

#[component]
fn RetentionSettings() -> impl IntoView {
    use crate::api::retention::{SaveRetention, load_retention};

    let i18n = use_i18n();
    let save = ServerAction::<SaveRetention>::new();
    let error = action_error(save);
    let reload = reload_after(save);
    let stored = Resource::new(move || reload.get(), |_| load_retention());
    let saved = move || {
        leptos_router::hooks::use_query_map()
            .read()
            .get("saved")
            .is_some_and(|v| v == "retention")
            || save.value().with(|v| matches!(v, Some(Ok(_))))
    };
    view! {
        <section class="card form-card" aria-labelledby="retention-settings-title">
            <h2 id="retention-settings-title">{move || i18n.t().retention_settings_title}</h2>
            <Show when=saved>
                <p class="banner banner--ok" role="status">{move || i18n.t().retention_settings_saved}</p>
            </Show>
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let (v, version) = match stored.await {
                        Ok(current) => current,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    view! {
                        <ActionForm action=save attr:novalidate=true>
                            <FormError error />
                            {version.map(|v| view! { <input type="hidden" name="version" value=v /> })}
                            <Input id="ret-participant".into() name="form[participant_months]".into() field="participant_months"
                                kind="number" label=|t| t.retention_participant_months value=v.participant_months error />
                            <Input id="ret-candidate".into() name="form[candidate_months]".into() field="candidate_months"
                                kind="number" label=|t| t.retention_candidate_months value=v.candidate_months error />
                            <Input id="ret-buddy".into() name="form[buddy_months]".into() field="buddy_months"
                                kind="number" label=|t| t.retention_buddy_months value=v.buddy_months error />
                            <Input id="ret-checkin".into() name="form[checkin_note_months]".into() field="checkin_note_months"
                                kind="number" label=|t| t.retention_checkin_note_months value=v.checkin_note_months error />
                            <Input id="ret-mail".into() name="form[mail_body_days]".into() field="mail_body_days"
                                kind="number" label=|t| t.retention_mail_body_days value=v.mail_body_days error />
                            <Input id="ret-audit".into() name="form[audit_log_months]".into() field="audit_log_months"
                                kind="number" label=|t| t.retention_audit_log_months value=v.audit_log_months error />
                            <button type="submit" class="btn btn--primary" disabled=move || save.pending().get()>
                                {move || i18n.t().save}
                            </button>
                        </ActionForm>
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}
