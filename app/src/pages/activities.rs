//! The buddy's phone: their duos with the next activity (home), planning an activity, and
//! one activity to move, cancel, confirm or check in. One column, large touch targets, and
//! every form also works as a plain HTML form.

use leptos::prelude::*;

use crate::pages::route_id;
use leptos_meta::Title;

use crate::api::activities::{
    ActivityPage as ActivityData, ActivityView, BuddyDuo, BuddyHome, CancelActivity,
    CheckInActivity, ConfirmActivity, PlanActivity, PlanPage as PlanData, RescheduleActivity,
    buddy_home, get_activity, plan_page,
};
use crate::api::drafts::{DraftForm, draft_or};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{ActionError, FormError, action_error};
use crate::components::guard::RequireRole;
use crate::components::offline::{AnswerForm, use_phone_answers};
use crate::components::profile_fields::{Input, field_problem};
use crate::components::suspend::suspend;
use crate::domain::account::BUDDY;
use crate::domain::activity::{ActivityStatus, CancelForm, CheckInForm, Mood, PlanForm};
use crate::domain::lists::Named;
use crate::domain::offline::{CANCEL, CONFIRM};
use crate::domain::time::format_day_time;
use crate::error::AppError;
use crate::i18n::{explain, use_i18n};

/// A day and time for people and for machines.
fn when_view(at: chrono::NaiveDateTime) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <time datetime=at.format("%Y-%m-%dT%H:%M").to_string()>
            {move || format_day_time(at, i18n.lang())}
        </time>
    }
}

/// The header that tells the service worker (`public/sw.js`) to keep a page for offline
/// reading, and its value for the buddy's home.
pub const OFFLINE_HEADER: &str = "klik-offline";
pub const OFFLINE_HOME: &str = "buddy-home";

/// The buddy's home page (shown at `/` to buddies).
#[component]
pub fn BuddyHomeView() -> impl IntoView {
    let i18n = use_i18n();
    // Reloaded when answers kept on the phone reached the server.
    let phone = use_phone_answers();
    let home = Resource::new(move || phone.settled(), |_| buddy_home());
    view! {
        <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || suspend(async move {
                match home.await {
                    Ok(home) => view! { <Home home /> }.into_any(),
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Home(home: BuddyHome) -> impl IntoView {
    let i18n = use_i18n();
    // The service worker keeps this page, and only this one, for reading without network.
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::header::HeaderName::from_static(OFFLINE_HEADER),
            http::HeaderValue::from_static(OFFLINE_HOME),
        );
    }
    let name = home.first_name.clone();
    let body = if !home.linked {
        view! { <p class="banner banner--warning" role="status">{move || i18n.t().buddy_not_linked}</p> }
            .into_any()
    } else if home.duos.is_empty() {
        view! { <p class="muted">{move || i18n.t().buddy_no_duos}</p> }.into_any()
    } else {
        home.duos
            .into_iter()
            .map(|duo| view! { <DuoCard duo answer_key=home.answer_key.clone() /> })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="buddy-home">
            <h1>{move || (i18n.t().buddy_hello)(&name)}</h1>
            {body}
            <crate::pages::events::MyInvitationsView />
            <p class="buddy-links">
                <a class="btn btn--ghost" href="/calendar">{move || i18n.t().buddy_my_calendar}</a>
            </p>
        </div>
    }
}

#[component]
fn DuoCard(duo: BuddyDuo, answer_key: String) -> impl IntoView {
    let i18n = use_i18n();
    let with = duo.participant.first_name.clone();
    let title_id = format!("duo-{}-title", duo.id);
    let heading = {
        let with = with.clone();
        move || (i18n.t().buddy_duo_with)(with.as_deref())
    };
    let can_plan = duo.can_plan();
    let plan_href = format!("/buddy/duos/{}/plan", duo.id);
    let confirm = duo
        .to_confirm
        .iter()
        .map(|a| view! { <ConfirmPrompt activity=a.clone() answer_key=answer_key.clone() /> })
        .collect_view();
    let check_in = duo
        .to_check_in
        .iter()
        .map(|a| {
            let (kind, at) = (a.kind.clone(), a.starts_at);
            let href = format!("/buddy/activities/{}#checkin", a.id);
            view! {
                <div class="buddy-prompt">
                    <p>{move || (i18n.t().buddy_check_in_prompt)(&kind, &format_day_time(at, i18n.lang()))}</p>
                    <a class="btn btn--primary btn--block" href=href>{move || i18n.t().buddy_check_in_link}</a>
                </div>
            }
        })
        .collect_view();
    let next = match duo.next.clone() {
        Some(a) => view! { <NextActivity activity=a /> }.into_any(),
        None if can_plan => {
            view! { <p class="muted">{move || i18n.t().buddy_nothing_planned}</p> }.into_any()
        }
        None => view! { <p class="muted">{move || i18n.t().buddy_duo_introduction}</p> }.into_any(),
    };
    let p = duo.participant.clone();
    let phone = p.phone.clone().map(|phone| {
        let tel = format!("tel:{}", phone.replace(' ', ""));
        view! { <a class="btn btn--ghost btn--block" href=tel>{move || (i18n.t().buddy_call)(&phone)}</a> }
    });
    let interests = (!p.interests.is_empty()).then(|| {
        view! {
            <h3>{move || i18n.t().buddy_interests}</h3>
            <ul class="chips">
                {p.interests.iter().map(|i| view! { <li class="chip chip--soft">{i.clone()}</li> }).collect_view()}
            </ul>
        }
    });
    let slots: Vec<_> = p.availability.slots().collect();
    let availability = (!slots.is_empty()).then(|| {
        view! {
            <h3>{move || i18n.t().buddy_availability}</h3>
            <p>{move || slots.iter().map(|s| explain::slot(i18n.lang(), *s)).collect::<Vec<_>>().join(", ")}</p>
        }
    });
    let recent = (!duo.recent.is_empty()).then(|| {
        let items = duo
            .recent
            .iter()
            .map(|a| {
                let (kind, at, status) = (a.kind.clone(), a.starts_at, a.status);
                view! {
                    <li>
                        {kind}" · "{when_view(at)}" · "
                        <span class="muted">{move || (i18n.t().activity_status)(status)}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{move || i18n.t().buddy_recent}</h3>
            <ul class="buddy-recent">{items}</ul>
        }
    });
    view! {
        <section class="card buddy-duo" aria-labelledby=title_id.clone()>
            <h2 id=title_id.clone()>{heading}</h2>
            {confirm}
            {check_in}
            <h3>{move || i18n.t().buddy_next}</h3>
            {next}
            {can_plan.then(|| view! {
                <a class="btn btn--primary btn--block" href=plan_href.clone()>{move || i18n.t().buddy_plan}</a>
            })}
            {phone}
            {interests}
            {availability}
            {recent}
        </section>
    }
}

#[component]
fn NextActivity(activity: ActivityView) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/buddy/activities/{}", activity.id);
    let ics = format!("/activities/{}.ics", activity.id);
    view! {
        <div class="buddy-next" data-testid="next-activity">
            <p class="buddy-next__what">{activity.kind.clone()}</p>
            <p class="buddy-next__when">{when_view(activity.starts_at)}</p>
            {(!activity.place.is_empty()).then(|| view! { <p>{activity.place.clone()}</p> })}
            <div class="buddy-actions">
                <a class="btn btn--ghost" href=ics download="">{move || i18n.t().buddy_add_calendar}</a>
                <a class="btn btn--ghost" href=href>{move || i18n.t().buddy_open_activity}</a>
            </div>
        </div>
    }
}

/// "Did it happen?" for a planned activity whose time has passed.
#[component]
fn ConfirmPrompt(activity: ActivityView, answer_key: String) -> impl IntoView {
    let i18n = use_i18n();
    let confirm = ServerAction::<ConfirmActivity>::new();
    let error = action_error(confirm);
    let phone = use_phone_answers();
    let id = activity.id;
    let (kind, at) = (activity.kind.clone(), activity.starts_at);
    let next = format!("/buddy/activities/{}#checkin", activity.id);
    let cancel_href = format!("/buddy/activities/{}#cancel", activity.id);
    view! {
        <div class="buddy-prompt">
            <p>{move || (i18n.t().buddy_to_confirm)(&kind, &format_day_time(at, i18n.lang()))}</p>
            <AnswerForm action=confirm about=activity.clone()>
                <FormError error />
                <input type="hidden" name="id" value=activity.id />
                <input type="hidden" name="version" value=activity.version />
                <input type="hidden" name="key" value=answer_key />
                <input type="hidden" name="next" value=next />
                <button type="submit" class="btn btn--primary btn--block" disabled=move || confirm.pending().get()>
                    {move || i18n.t().buddy_confirm_yes}
                </button>
            </AnswerForm>
            // Said "yes" already (kept on the phone): no "no" beside it.
            <Show when=move || !phone.waits(id, CONFIRM)>
                <a class="btn btn--ghost btn--block" href=cancel_href.clone()>{move || i18n.t().buddy_confirm_no}</a>
            </Show>
        </div>
    }
}

/// Kinds as large radio buttons: quicker on a phone than a drop-down.
#[component]
fn KindChoices(kinds: Vec<Named>, selected: String, error: ActionError) -> impl IntoView {
    let i18n = use_i18n();
    let problem = field_problem(error, "kind_id");
    view! {
        <fieldset class="choices choices--large" aria-invalid=move || problem().map(|_| "true")
            aria-describedby=move || problem().map(|_| "activity-kind-error")>
            <legend>{move || i18n.t().field_activity_kind}</legend>
            <div class="choices__items">
                {kinds.into_iter().filter(|k| k.active).map(|k| {
                    let checked = selected == k.id.to_string();
                    view! {
                        <label class="choice">
                            <input type="radio" name="form[kind_id]" value=k.id.to_string() checked=checked />
                            {k.name}
                        </label>
                    }
                }).collect_view()}
            </div>
            {move || problem().map(|m| view! { <span class="field-error" id="activity-kind-error">{m}</span> })}
        </fieldset>
    }
}

/// Kind, date, time, place and note: the fields of planning and of moving.
#[component]
fn PlanFields(kinds: Vec<Named>, values: PlanForm, error: ActionError) -> impl IntoView {
    view! {
        <KindChoices kinds selected=values.kind_id.clone() error />
        <div class="field-row">
            <Input id="activity-date".into() name="form[date]".into() field="date" kind="date"
                label=|t| t.field_activity_date required=true value=values.date.clone() error />
            <Input id="activity-time".into() name="form[time]".into() field="time" kind="time"
                label=|t| t.field_activity_time required=true value=values.time.clone() error />
        </div>
        <Input id="activity-place".into() name="form[place]".into() field="place"
            label=|t| t.field_activity_place hint=|t| t.field_activity_place_hint value=values.place.clone() error />
        <Input id="activity-note".into() name="form[note]".into() field="note" kind="textarea"
            label=|t| t.field_activity_note value=values.note.clone() error />
    }
}

/// `/buddy/duos/:id/plan`
#[component]
pub fn PlanActivityPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(route_id, |id| async move {
        let id = id.ok_or(AppError::NotFound)?;
        let page = plan_page(id).await?;
        let draft = draft_or(DraftForm::PlanActivity(id), PlanForm::default()).await;
        Ok::<_, AppError>((page, draft))
    });
    view! {
        <Title text=move || i18n.t().buddy_plan.to_owned() />
        <RequireRole roles=BUDDY>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    match data.await {
                        Ok((page, draft)) => view! { <PlanFormView page draft /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    }
                })}
            </Suspense>
        </RequireRole>
    }
}

#[component]
fn PlanFormView(page: PlanData, draft: PlanForm) -> impl IntoView {
    let i18n = use_i18n();
    let plan = ServerAction::<PlanActivity>::new();
    let error = action_error(plan);
    // A week from now at two in the afternoon, unless something was typed already.
    let values = if draft == PlanForm::default() {
        PlanForm {
            date: (page.now.date() + chrono::Days::new(7))
                .format("%Y-%m-%d")
                .to_string(),
            time: "14:00".into(),
            ..PlanForm::default()
        }
    } else {
        draft
    };
    let with = page.with.clone();
    view! {
        <div class="buddy-page">
            <a class="back-link" href="/">{move || i18n.t().activity_back}</a>
            <h1>{move || (i18n.t().plan_title)(with.as_deref())}</h1>
            <ActionForm action=plan attr:novalidate=true attr:class="form-card">
                <FormError error />
                <input type="hidden" name="duo_id" value=page.duo_id />
                <input type="hidden" name="key" value=page.answer_key />
                <input type="hidden" name="next" value="/" />
                <PlanFields kinds=page.kinds values error />
                <button type="submit" class="btn btn--primary btn--block" disabled=move || plan.pending().get()>
                    {move || i18n.t().plan_save}
                </button>
            </ActionForm>
        </div>
    }
}

/// `/buddy/activities/:id`: move, cancel, confirm or check in, whichever applies now.
#[component]
pub fn ActivityPage() -> impl IntoView {
    let i18n = use_i18n();
    let phone = use_phone_answers();
    let data = Resource::new(
        move || (route_id(), phone.settled()),
        |(id, _)| async move {
            let id = id.ok_or(AppError::NotFound)?;
            let page = get_activity(id).await?;
            let reschedule = draft_or(DraftForm::RescheduleActivity(id), None::<PlanForm>).await;
            let cancel = draft_or(DraftForm::CancelActivity(id), CancelForm::default()).await;
            let check_in = draft_or(DraftForm::CheckIn(id), CheckInForm::default()).await;
            Ok::<_, AppError>((page, reschedule, cancel, check_in))
        },
    );
    view! {
        <Title text=move || i18n.t().buddy_home_title.to_owned() />
        <RequireRole roles=BUDDY>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    match data.await {
                        Ok((page, reschedule, cancel, check_in)) => {
                            view! { <ActivityDetail page reschedule cancel check_in /> }.into_any()
                        }
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    }
                })}
            </Suspense>
        </RequireRole>
    }
}

#[component]
fn ActivityDetail(
    page: ActivityData,
    reschedule: Option<PlanForm>,
    cancel: CancelForm,
    check_in: CheckInForm,
) -> impl IntoView {
    let i18n = use_i18n();
    let a = page.activity.clone();
    let heading = {
        let (kind, with) = (a.kind.clone(), page.with.clone());
        move || match &with {
            Some(w) => format!("{kind} · {w}"),
            None => kind.clone(),
        }
    };
    let planned = a.status == ActivityStatus::Planned;
    let happened = a.starts_at <= page.now;
    let checked_in_before = a.status == ActivityStatus::Done && a.checked_in;
    let id = a.id;
    let key = page.answer_key.clone();
    let status = a.status;
    let summary = view! {
        <p class="buddy-next__when">{when_view(a.starts_at)}</p>
        {(!a.place.is_empty()).then(|| view! { <p>{a.place.clone()}</p> })}
        {(!a.note.is_empty()).then(|| view! { <p class="muted">{a.note.clone()}</p> })}
        <p><span class="chip">{move || (i18n.t().activity_status)(status)}</span></p>
        {a.cancel_reason.clone().map(|r| view! { <p>{move || (i18n.t().activity_cancelled)(&r)}</p> })}
    };
    let reschedule_values = reschedule.unwrap_or_else(|| PlanForm {
        kind_id: a.kind_id.to_string(),
        date: a.starts_at.format("%Y-%m-%d").to_string(),
        time: a.starts_at.format("%H:%M").to_string(),
        place: a.place.clone(),
        note: a.note.clone(),
    });
    // With answers that wait on the phone, the page shows what they will make of it: after
    // a confirmation kept offline, the check-in (on the version the confirmation makes).
    let phone = use_phone_answers();
    let expected = {
        let a = a.clone();
        Memo::new(move |_| phone.expected(&a))
    };
    // A memo, so that a section is made again only when it appears or goes (what is typed
    // in it stays).
    let still_planned = Memo::new(move |_| expected.get().status == ActivityStatus::Planned);
    let confirm_section = (planned && happened)
        .then(|| view! { <ConfirmPrompt activity=a.clone() answer_key=key.clone() /> });
    let move_section = {
        let a = a.clone();
        let key = key.clone();
        move || {
            (planned && !happened && still_planned.get()).then(|| {
                view! { <RescheduleSection activity=a.clone() kinds=page.kinds.clone() values=reschedule_values.clone() answer_key=key.clone() /> }
            })
        }
    };
    let cancel_section = {
        let a = a.clone();
        let key = key.clone();
        let shown = Memo::new(move |_| still_planned.get() || phone.waits(id, CANCEL));
        move || {
            (planned && shown.get()).then(|| {
                view! { <CancelSection activity=a.clone() values=cancel.clone() answer_key=key.clone() /> }
            })
        }
    };
    let check_in_section =
        {
            let a = a.clone();
            let key = key.clone();
            let shown = Memo::new(move |_| {
                expected.get().status == ActivityStatus::Done && !checked_in_before
            });
            move || {
                shown.get().then(|| {
                // Given on the version the answers before it make (untracked: the section
                // is made again only when it appears or goes).
                let version = expected.get_untracked().version;
                let activity = ActivityView { version, ..a.clone() };
                view! { <CheckInSection activity values=check_in.clone() answer_key=key.clone() /> }
            })
            }
        };
    let checked = checked_in_before.then(
        || view! { <p class="banner banner--ok" role="status">{move || i18n.t().checkin_done}</p> },
    );
    view! {
        <div class="buddy-page">
            <a class="back-link" href="/">{move || i18n.t().activity_back}</a>
            <h1>{heading}</h1>
            <section class="card">{summary}</section>
            {checked}
            {confirm_section}
            {check_in_section}
            {move_section}
            {cancel_section}
        </div>
    }
}

#[component]
fn RescheduleSection(
    activity: ActivityView,
    kinds: Vec<Named>,
    values: PlanForm,
    answer_key: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<RescheduleActivity>::new();
    let error = action_error(action);
    view! {
        <section class="card form-card" id="reschedule" aria-labelledby="reschedule-title">
            <h2 id="reschedule-title">{move || i18n.t().activity_reschedule_title}</h2>
            <ActionForm action attr:novalidate=true>
                <FormError error />
                <input type="hidden" name="id" value=activity.id />
                <input type="hidden" name="version" value=activity.version />
                <input type="hidden" name="key" value=answer_key.clone() />
                <input type="hidden" name="next" value="/" />
                <PlanFields kinds values error />
                <button type="submit" class="btn btn--primary btn--block" disabled=move || action.pending().get()>
                    {move || i18n.t().activity_reschedule_save}
                </button>
            </ActionForm>
        </section>
    }
}

#[component]
fn CancelSection(activity: ActivityView, values: CancelForm, answer_key: String) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<CancelActivity>::new();
    let error = action_error(action);
    view! {
        <section class="card form-card" id="cancel" aria-labelledby="cancel-title">
            <h2 id="cancel-title">{move || i18n.t().activity_cancel_title}</h2>
            <AnswerForm action about=activity.clone()>
                <FormError error />
                <input type="hidden" name="id" value=activity.id />
                <input type="hidden" name="version" value=activity.version />
                <input type="hidden" name="key" value=answer_key.clone() />
                <input type="hidden" name="next" value="/" />
                <Input id="cancel-reason".into() name="form[reason]".into() field="reason" kind="textarea"
                    label=|t| t.field_cancel_reason required=true value=values.reason error />
                <button type="submit" class="btn btn--danger btn--block" disabled=move || action.pending().get()>
                    {move || i18n.t().activity_cancel_save}
                </button>
            </AnswerForm>
        </section>
    }
}

/// Five faces with words; the words are what a screen reader reads.
#[component]
fn CheckInSection(
    activity: ActivityView,
    values: CheckInForm,
    answer_key: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<CheckInActivity>::new();
    let error = action_error(action);
    let problem = field_problem(error, "mood");
    let selected = values.mood.clone();
    view! {
        <section class="card form-card" id="checkin" aria-labelledby="checkin-title">
            <h2 id="checkin-title">{move || i18n.t().checkin_title}</h2>
            <AnswerForm action about=activity.clone()>
                <FormError error />
                <input type="hidden" name="id" value=activity.id />
                <input type="hidden" name="version" value=activity.version />
                <input type="hidden" name="key" value=answer_key.clone() />
                <input type="hidden" name="next" value="/" />
                <fieldset class="moods" aria-invalid=move || problem().map(|_| "true")
                    aria-describedby=move || problem().map(|_| "checkin-mood-error")>
                    <legend class="visually-hidden">{move || i18n.t().checkin_title}</legend>
                    {Mood::ALL.into_iter().map(|m| {
                        let value = m.value().to_string();
                        let checked = selected == value;
                        view! {
                            <label class="mood">
                                <input type="radio" name="form[mood]" value=value checked=checked />
                                <span class="mood__face" aria-hidden="true">{m.face()}</span>
                                <span class="mood__word">{move || (i18n.t().mood_word)(m)}</span>
                            </label>
                        }
                    }).collect_view()}
                    {move || problem().map(|m| view! { <span class="field-error" id="checkin-mood-error">{m}</span> })}
                </fieldset>
                <Input id="checkin-note".into() name="form[note]".into() field="note" kind="textarea"
                    label=|t| t.field_checkin_note value=values.note error />
                <button type="submit" class="btn btn--primary btn--block" disabled=move || action.pending().get()>
                    {move || i18n.t().checkin_save}
                </button>
            </AnswerForm>
        </section>
    }
}
