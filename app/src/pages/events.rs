//! Events: the list (coordinators, and the partner for its own events), the form for a new
//! event or series, one event with its invitations, the attendance list for the door (a
//! phone), and the invitations on a buddy's phone home.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::ViewerResource;
use crate::api::events::{
    AddWalkIn, AnswerByLink, AnswerInvitation, CancelEvent, CreateEvent, InvitePerson,
    InviteToEvent, RecordEventAnswer, SetEventReminders, TickAttendance, answer_link_info,
    event_letters, event_reminders, get_event, list_events, missed_intervision, my_invitations,
    person_events, walk_in_choices,
};
use crate::api::lists::load_lists;
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{FormError, action_error};
use crate::components::guard::RequireRole;
use crate::components::profile_fields::{Choices, Input, SelectField};
use crate::components::suspend::suspend;
use crate::components::table_wrap::TableWrap;
use crate::domain::account::{STAFF, STAFF_ADMIN};
use crate::domain::event::{
    Answer, Audience, EventDetail, EventForm, EventKind, EventSummary, Invitee, MyInvitation,
    Organiser, Repeat,
};
use crate::domain::time::format_day_time;
use crate::i18n::events::words;
use crate::i18n::{Lang, use_i18n};
use crate::pages::route_id;

/// "dinsdag 8 december 19:00–21:00".
fn when(lang: Lang, e: &EventSummary) -> String {
    format!(
        "{}–{}",
        format_day_time(e.starts_at, lang),
        e.ends_at.format("%H:%M")
    )
}

/// The kind's name: the admins' own, or the one Klik gives it in `lang`.
fn kind_label(lang: Lang, kind: EventKind, name: Option<String>) -> String {
    name.unwrap_or_else(|| (words(lang).kind_name)(kind).to_owned())
}

/// Whether the viewer runs the programme (not the partner).
fn staff_viewer() -> Signal<bool> {
    let viewer = expect_context::<ViewerResource>();
    Signal::derive(move || {
        viewer
            .get()
            .and_then(|v| v.ok())
            .and_then(|v| v.user)
            .is_some_and(|u| STAFF_ADMIN.contains(&u.role))
    })
}

#[component]
pub fn EventsPage() -> impl IntoView {
    let i18n = use_i18n();
    let w = move || words(i18n.lang());
    let list = Resource::new(|| (), |_| list_events());
    let staff = staff_viewer();
    view! {
        <Title text=move || w().title.to_owned() />
        <RequireRole roles=STAFF>
            <div class="page-head">
                <h1>{move || w().title}</h1>
                <p class="lead">{move || if staff.get() { w().intro } else { w().partner_intro }}</p>
                {move || staff.get().then(|| view! {
                    <p><a class="btn" href="/events/new">{move || w().new_event}</a></p>
                })}
            </div>
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let list = match list.await {
                        Ok(list) => list,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    if list.events.is_empty() {
                        return view! { <p class="muted">{move || w().none}</p> }.into_any();
                    }
                    let now = list.now;
                    view! {
                        <ul class="event-list">
                            {list.events.into_iter().map(|e| {
                                let past = e.ends_at < now;
                                let c = e.counts;
                                let href = format!("/events/{}", e.id);
                                let e2 = e.clone();
                                view! {
                                    <li class="card event-card" class:event-card--past=past>
                                        <p class="event-card__when">{move || when(i18n.lang(), &e2)}</p>
                                        <h2 class="event-card__title"><a href=href>{e.title.clone()}</a></h2>
                                        <p class="muted">
                                            {kind_label(i18n.lang(), e.kind, e.kind_name.clone())}
                                            {e.series_id.map(|_| view! { " · " {move || w().series} })}
                                            {past.then(|| view! { " · " {move || w().past} })}
                                        </p>
                                        {e.cancelled.then(|| view! { <span class="chip chip--warning">{move || w().cancelled}</span> })}
                                        <p>{move || (w().counts)(c.yes, c.maybe, c.no, c.invited)}
                                            {(c.waiting > 0).then(|| view! { " · " {move || (w().waiting_count)(c.waiting)} })}
                                            {(c.attended > 0).then(|| view! { " · " {move || w().attended} ": " {c.attended}})}
                                        </p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })}
            </Transition>
        </RequireRole>
    }
}

/// Options of a coded choice, labelled in the viewer's language.
fn options<T: Copy + 'static>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|&v| (code(v).to_owned(), label(v).to_owned()))
        .collect()
}

#[component]
pub fn NewEventPage() -> impl IntoView {
    use crate::api::drafts::{DraftForm, draft_or};
    let i18n = use_i18n();
    let w = move || words(i18n.lang());
    let action = ServerAction::<CreateEvent>::new();
    let values = Resource::new(
        || (),
        |_| draft_or(DraftForm::Event, EventForm::new_event()),
    );
    let lists = Resource::new(|| (), |_| load_lists());
    view! {
        <Title text=move || w().form_title.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <p><a href="/events">{move || w().title}</a></p>
            <h1>{move || w().form_title}</h1>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let values = values.await;
                    let kinds = match lists.await {
                        Ok(lists) => lists.event_kinds,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    view! { <NewEventForm action values kinds /> }.into_any()
                })}
            </Suspense>
        </RequireRole>
    }
}

#[component]
fn NewEventForm(
    action: ServerAction<CreateEvent>,
    values: EventForm,
    kinds: Vec<crate::domain::event::EventKindEntry>,
) -> impl IntoView {
    let i18n = use_i18n();
    let w = move || words(i18n.lang());
    let error = action_error(action);
    let v = values;
    let answers_open = matches!(v.answers_open.as_str(), "on" | "true" | "1");
    view! {
        <ActionForm action attr:class="card form-card form-card--wide" attr:novalidate=true>
            <FormError error />
            <Choices legend=|t| words(t.lang).f_kind field="kind" error>
                {kinds.into_iter().map(|k| {
                    let value = k.form_value();
                    // A new form names a kind by its code alone: the entry Klik knows.
                    let checked = v.kind == value || (k.name.is_none() && v.kind == k.meaning.code());
                    view! {
                        <label class="choice">
                            <input type="radio" name="form[kind]" value=value checked=checked />
                            {kind_label(i18n.lang(), k.meaning, k.name.clone())}
                        </label>
                    }
                }).collect_view()}
            </Choices>
            <Input id="event-title".into() name="form[title]".into() field="title"
                label=|t| words(t.lang).f_title required=true value=v.title.clone() error />
            <Input id="event-description".into() name="form[description]".into() field="description"
                kind="textarea" label=|t| words(t.lang).f_description value=v.description.clone() error />
            <Input id="event-place".into() name="form[place]".into() field="place"
                label=|t| words(t.lang).f_place value=v.place.clone() error />
            <Input id="event-link".into() name="form[link]".into() field="link" kind="url"
                label=|t| words(t.lang).f_link hint=|t| words(t.lang).f_link_hint value=v.link.clone() error />
            <div class="field-row">
                <Input id="event-date".into() name="form[date]".into() field="date" kind="date"
                    label=|t| words(t.lang).f_date required=true value=v.date.clone() error />
                <Input id="event-starts".into() name="form[starts]".into() field="starts" kind="time"
                    label=|t| words(t.lang).f_starts required=true value=v.starts.clone() error />
                <Input id="event-ends".into() name="form[ends]".into() field="ends" kind="time"
                    label=|t| words(t.lang).f_ends required=true value=v.ends.clone() error />
            </div>
            <SelectField id="event-repeat".into() name="form[repeat]".into() field="repeat"
                label=|t| words(t.lang).f_repeat value=v.repeat.clone()
                options=options(&Repeat::ALL, Repeat::code, move |r| (words(i18n.lang()).repeat_name)(r)) error />
            <div class="field-row">
                <Input id="event-every".into() name="form[every_weeks]".into() field="every_weeks" kind="number"
                    label=|t| words(t.lang).f_every_weeks value=v.every_weeks.clone() error />
                <Input id="event-until".into() name="form[until]".into() field="until" kind="date"
                    label=|t| words(t.lang).f_until hint=|t| words(t.lang).f_repeat_hint value=v.until.clone() error />
            </div>
            <Input id="event-capacity".into() name="form[capacity]".into() field="capacity" kind="number"
                label=|t| words(t.lang).f_capacity hint=|t| words(t.lang).f_capacity_hint value=v.capacity.clone() error />
            <SelectField id="event-organiser".into() name="form[organiser]".into() field="organiser"
                label=|t| words(t.lang).f_organiser value=v.organiser.clone()
                options=options(&Organiser::ALL, Organiser::code, move |o| (words(i18n.lang()).organiser_name)(o)) error />
            <label class="choice">
                <input type="checkbox" name="form[answers_open]" value="on" checked=answers_open />
                {move || w().f_answers_open}
            </label>
            <button type="submit" class="btn">{move || w().create}</button>
        </ActionForm>
    }
}

#[component]
pub fn EventPage() -> impl IntoView {
    let i18n = use_i18n();
    let w = move || words(i18n.lang());
    let invite = ServerAction::<InviteToEvent>::new();
    let invite_one = ServerAction::<InvitePerson>::new();
    let answer = ServerAction::<RecordEventAnswer>::new();
    let cancel = ServerAction::<CancelEvent>::new();
    let query = leptos_router::hooks::use_query_map();
    let page = move || {
        query
            .get()
            .get("page")
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(0)
    };
    let detail = Resource::new(
        move || {
            (
                route_id(),
                page(),
                invite.version().get(),
                invite_one.version().get(),
                answer.version().get(),
                cancel.version().get(),
            )
        },
        |(id, page, ..)| async move { get_event(id.unwrap_or(0), Some(page)).await },
    );
    let staff = staff_viewer();
    view! {
        <Title text=move || w().title.to_owned() />
        <RequireRole roles=STAFF>
            <p><a href="/events">{move || w().title}</a></p>
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    match detail.await {
                        Ok(d) => view! { <EventView d staff=staff.get_untracked() invite invite_one answer cancel /> }.into_any(),
                        Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    }
                })}
            </Transition>
        </RequireRole>
    }
}

/// "101–200 of 10,000" with links to the pages before and after (plain links: no JavaScript
/// needed).
#[component]
fn InviteesPager(id: i64, total: u32, page: u32) -> impl IntoView {
    use crate::domain::event::INVITEES_PAGE;
    let i18n = use_i18n();
    let size = INVITEES_PAGE as u32;
    let pages = total.div_ceil(size);
    if pages <= 1 {
        return ().into_any();
    }
    let from = page.saturating_mul(size) + 1;
    let to = (from + size - 1).min(total);
    let href = move |p: u32| format!("/events/{id}?page={p}");
    view! {
        <nav class="pager" aria-label=move || words(i18n.lang()).invitees>
            <p>{move || (words(i18n.lang()).invitees_range)(from, to, total)}</p>
            {(page > 0).then(|| view! { <a class="btn btn--ghost" rel="prev" href=href(page - 1)>{move || i18n.t().previous}</a> })}
            {(page + 1 < pages).then(|| view! { <a class="btn btn--ghost" rel="next" href=href(page + 1)>{move || i18n.t().next}</a> })}
        </nav>
    }
    .into_any()
}

#[component]
fn EventView(
    d: EventDetail,
    staff: bool,
    invite: ServerAction<InviteToEvent>,
    invite_one: ServerAction<InvitePerson>,
    answer: ServerAction<RecordEventAnswer>,
    cancel: ServerAction<CancelEvent>,
) -> impl IntoView {
    let i18n = use_i18n();
    let w = move || words(i18n.lang());
    let e = d.event.clone();
    let id = e.id;
    let c = e.counts;
    let open = !e.cancelled && e.starts_at > d.now;
    let e2 = e.clone();
    view! {
        <h1>{e.title.clone()}</h1>
        <p class="lead">{move || when(i18n.lang(), &e2)}</p>
        {e.cancelled.then(|| view! { <p class="banner banner--warning" role="status">{move || w().cancelled}</p> })}
        <dl class="facts">
            <dt>{move || w().kind}</dt><dd>{kind_label(i18n.lang(), e.kind, e.kind_name.clone())}</dd>
            {(!e.place.is_empty()).then(|| view! { <dt>{move || w().place}</dt><dd>{e.place.clone()}</dd> })}
            {(!d.link.is_empty()).then(|| view! { <dt>{move || w().online}</dt><dd><a href=d.link.clone() rel="noopener">{d.link.clone()}</a></dd> })}
            <dt>{move || w().organiser}</dt><dd>{move || (w().organiser_name)(e.organiser)}</dd>
            <dt>{move || w().capacity}</dt>
            <dd>{move || e.capacity.map(|n| (w().capacity_of)(n)).unwrap_or_else(|| w().no_limit.into())}</dd>
            <dt>{move || w().answers}</dt>
            <dd>{move || (w().counts)(c.yes, c.maybe, c.no, c.invited)}
                {(c.waiting > 0).then(|| view! { " · " {move || (w().waiting_count)(c.waiting)} })}</dd>
        </dl>
        {(!d.description.is_empty()).then(|| view! { <p class="event-description">{d.description.clone()}</p> })}
        {d.campaign.clone().map(|(code, tally)| view! {
            <section class="card" aria-labelledby="campaign-title">
                <h2 id="campaign-title">{move || w().campaign_title}</h2>
                <p data-testid="campaign-code">{move || (w().campaign_code_is)(&code)}</p>
                <ul data-testid="campaign-tally">
                    {move || (w().campaign_lines)(&tally).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            </section>
        })}
        <p class="actions">
            <a class="btn btn--ghost" href=format!("/events/{id}/attendance")>{move || w().attendance}</a>
            {staff.then(|| view! { <a class="btn btn--ghost" href=format!("/events/{id}/letters")>{move || w().letters}</a> })}
        </p>
        {(staff && open).then(|| view! { <InviteForm id invite /> <InvitePersonForm id invite_one /> })}
        <section aria-labelledby="invitees-title">
            <h2 id="invitees-title">{move || w().invitees}</h2>
            {if d.invitations.is_empty() {
                view! { <p class="muted">{move || w().nobody_invited}</p> }.into_any()
            } else {
                view! {
                    <TableWrap label=|t| words(t.lang).invitees>
                        <table>
                            <thead><tr>
                                <th scope="col">{move || w().name}</th>
                                <th scope="col">{move || w().answer}</th>
                                <th scope="col">{move || w().attended}</th>
                                {staff.then(|| view! { <th scope="col">{move || w().record_answer}</th> })}
                            </tr></thead>
                            <tbody>
                                {d.invitations.into_iter().map(|r| {
                                    let (is_buddy, href) = match &r.invitee {
                                        Invitee::Buddy { id, .. } => (true, format!("/buddies/{id}")),
                                        Invitee::Participant { id, .. } => (false, format!("/participants/{id}")),
                                    };
                                    let who = move || if is_buddy { w().buddy } else { w().participant };
                                    let row_id = r.id;
                                    view! {
                                        <tr>
                                            <td>{if staff { view! { <a href=href>{r.invitee.name().to_owned()}</a> }.into_any() } else { r.invitee.name().to_owned().into_any() }}
                                                <span class="muted">" · "{who}</span></td>
                                            <td>{move || r.answer.map(|a| (w().answer_name)(a)).unwrap_or(w().no_answer)}
                                                {r.seat.map(|s| view! { <br /><span class="muted">{move || (w().seat)(s)}</span> })}</td>
                                            <td>{move || if r.attended { "✓" } else { "" }}</td>
                                            {(staff && open).then(|| view! {
                                                <td>
                                                    <ActionForm action=answer attr:class="inline-form">
                                                        <input type="hidden" name="invitation_id" value=row_id />
                                                        <label class="visually-hidden" for=format!("answer-{row_id}")>{move || w().answer}</label>
                                                        <select id=format!("answer-{row_id}") name="answer">
                                                            {Answer::ALL.into_iter().map(|a| view! {
                                                                <option value=a.code() selected=r.answer == Some(a)>{move || (w().answer_name)(a)}</option>
                                                            }).collect_view()}
                                                        </select>
                                                        <button type="submit" class="btn btn--small">{move || w().record_answer}</button>
                                                    </ActionForm>
                                                </td>
                                            })}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </TableWrap>
                    <InviteesPager id total=d.total page=d.page.unwrap_or(0) />
                }.into_any()
            }}
        </section>
        {(staff && !e.cancelled).then(|| view! {
            <ActionForm action=cancel attr:class="danger-zone">
                <input type="hidden" name="id" value=id />
                <button type="submit" class="btn btn--danger">{move || w().cancel}</button>
            </ActionForm>
        })}
    }
}

#[component]
fn InviteForm(id: i64, invite: ServerAction<InviteToEvent>) -> impl IntoView {
    let i18n = use_i18n();
    let w = move || words(i18n.lang());
    let error = action_error(invite);
    let lists = Resource::new(|| (), |_| load_lists());
    let done = move || invite.value().get().and_then(|r| r.ok());
    view! {
        <section class="card" aria-labelledby="invite-title">
            <h2 id="invite-title">{move || w().invite_title}</h2>
            <p class="muted">{move || w().invite_hint}</p>
            <ActionForm action=invite attr:novalidate=true>
                <FormError error />
                <input type="hidden" name="id" value=id />
                <SelectField id="invite-audience".into() name="form[audience]".into() field="audience"
                    label=|t| words(t.lang).f_audience value=String::new()
                    options=options(&Audience::ALL, Audience::code, move |a| (words(i18n.lang()).audience_name)(a)) error />
                <Suspense>
                    {move || suspend(async move {
                        let municipalities = lists.await.map(|l| l.municipalities).unwrap_or_default();
                        view! {
                            <SelectField id="invite-municipality".into() name="form[municipality_id]".into() field="municipality_id"
                                label=|t| words(t.lang).f_municipality value=String::new()
                                options=municipalities.into_iter().map(|m| (m.id.to_string(), m.name)).collect() error />
                        }.into_any()
                    })}
                </Suspense>
                <Input id="invite-months".into() name="form[min_months]".into() field="min_months" kind="number"
                    label=|t| words(t.lang).f_min_months value=String::new() error />
                <button type="submit" class="btn">{move || w().invite}</button>
                {move || done().map(|r| view! {
                    <p role="status" class="banner banner--ok">{move || (w().invited)(r.people, r.sessions, r.mails)}</p>
                })}
            </ActionForm>
        </section>
    }
}

/// A choice of one person (a `WalkIn` code as `who`), for inviting by hand and for walk-ins.
#[component]
fn PersonSelect(
    id: &'static str,
    label: fn(&crate::i18n::events::Words) -> &'static str,
    list: Vec<crate::domain::event::WalkInChoice>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id>{move || label(words(i18n.lang()))}</label>
            <select id=id name="who" required=true>
                <option value="">"—"</option>
                {list.into_iter().map(|c| view! {
                    <option value=c.who.code()>{c.name}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// Invites one person by hand: someone the rules do not name.
#[component]
fn InvitePersonForm(id: i64, invite_one: ServerAction<InvitePerson>) -> impl IntoView {
    let i18n = use_i18n();
    let w = move || words(i18n.lang());
    let error = action_error(invite_one);
    let choices = Resource::new(
        move || invite_one.version().get(),
        move |_| walk_in_choices(i32::try_from(id).unwrap_or(0)),
    );
    let done = move || invite_one.value().get().and_then(|r| r.ok());
    view! {
        <section class="card" aria-labelledby="invite-one-title">
            <h2 id="invite-one-title">{move || w().invite_one_title}</h2>
            <Transition>
                {move || suspend(async move {
                    let list = match choices.await {
                        Ok(list) => list,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    if list.is_empty() {
                        return view! { <p class="muted">{move || w().walk_in_none}</p> }.into_any();
                    }
                    view! {
                        <ActionForm action=invite_one>
                            <FormError error />
                            <input type="hidden" name="id" value=id />
                            <PersonSelect id="invite-one-who" label=|w| w.invite_one_who list />
                            <button type="submit" class="btn" disabled=move || invite_one.pending().get()>{move || w().invite}</button>
                            {move || done().map(|r| view! {
                                <p role="status" class="banner banner--ok">{move || (w().invited)(r.people, r.sessions, r.mails)}</p>
                            })}
                        </ActionForm>
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}

/// The list at the door: large targets, a search that filters as one types (everyone shows
/// without JavaScript).
#[component]
pub fn AttendancePage() -> impl IntoView {
    let i18n = use_i18n();
    let w = move || words(i18n.lang());
    let tick = ServerAction::<TickAttendance>::new();
    let error = action_error(tick);
    let detail = Resource::new(
        move || (route_id(), tick.version().get()),
        |(id, _)| async move { get_event(id.unwrap_or(0), None).await },
    );
    let (query, set_query) = signal(String::new());
    view! {
        <Title text=move || w().attendance.to_owned() />
        <RequireRole roles=STAFF>
            <Transition fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let d = match detail.await {
                        Ok(d) => d,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let e = d.event.clone();
                    let event_id = e.id;
                    let came = d.invitations.iter().filter(|r| r.attended).count();
                    let total = d.invitations.len();
                    view! {
                        <p><a href=format!("/events/{}", e.id)>{e.title.clone()}</a></p>
                        <h1>{move || w().attendance}</h1>
                        <p class="lead">{move || when(i18n.lang(), &e)}</p>
                        <p role="status">{move || w().came}": "{came}" / "{total}</p>
                        <FormError error />
                        <div class="field">
                            <label for="attendance-search">{move || w().search}</label>
                            <input id="attendance-search" type="search" autocomplete="off"
                                on:input=move |ev| set_query.set(event_target_value(&ev)) />
                        </div>
                        <ul class="attendance-list">
                            {d.invitations.into_iter().map(|r| {
                                let name = r.invitee.name().to_owned();
                                let key = name.to_lowercase();
                                let hidden = move || {
                                    let q = query.get().trim().to_lowercase();
                                    !q.is_empty() && !key.contains(&q)
                                };
                                let label = if r.attended { w().untick } else { w().tick };
                                view! {
                                    <li class="attendance-row" class:attendance-row--came=r.attended hidden=hidden>
                                        <span class="attendance-row__name">{name.clone()}
                                            {r.attended.then(|| view! { <span class="chip">{move || w().came}</span> })}</span>
                                        <ActionForm action=tick>
                                            <input type="hidden" name="invitation_id" value=r.id />
                                            <input type="hidden" name="attended" value=(!r.attended).to_string() />
                                            <button type="submit" class="btn attendance-row__button"
                                                aria-label=format!("{label}: {name}")>{label}</button>
                                        </ActionForm>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <WalkInForm id=event_id />
                    }.into_any()
                })}
            </Transition>
        </RequireRole>
    }
}

/// At the door: add someone who came but was not invited; they count as present at once.
#[component]
fn WalkInForm(id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let w = move || words(i18n.lang());
    let add = ServerAction::<AddWalkIn>::new();
    let error = action_error(add);
    let choices = Resource::new(
        move || add.version().get(),
        move |_| walk_in_choices(i32::try_from(id).unwrap_or(0)),
    );
    view! {
        <section class="card walk-in" aria-labelledby="walk-in-title">
            <h2 id="walk-in-title">{move || w().walk_in_title}</h2>
            <p class="muted">{move || w().walk_in_intro}</p>
            <Transition>
                {move || suspend(async move {
                    let list = match choices.await {
                        Ok(list) => list,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    if list.is_empty() {
                        return view! { <p>{move || w().walk_in_none}</p> }.into_any();
                    }
                    view! {
                        <ActionForm action=add>
                            <FormError error />
                            <input type="hidden" name="id" value=id />
                            <PersonSelect id="walk-in-who" label=|w| w.walk_in_who list />
                            <button type="submit" class="btn btn--primary" disabled=move || add.pending().get()>
                                {move || w().walk_in_add}
                            </button>
                        </ActionForm>
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}

/// On a buddy's account page: reminder mails the day before an event, on or off.
#[component]
pub fn EventRemindersSection() -> impl IntoView {
    let i18n = use_i18n();
    let w = move || words(i18n.lang());
    let save = ServerAction::<SetEventReminders>::new();
    let error = action_error(save);
    let on = Resource::new(move || save.version().get(), |_| event_reminders());
    view! {
        <section class="card form-card" aria-labelledby="event-reminders-title">
            <h2 id="event-reminders-title">{move || w().title}</h2>
            <Transition>
                {move || suspend(async move {
                    let on = match on.await {
                        Ok(on) => on,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    view! {
                        <ActionForm action=save>
                            <FormError error />
                            <input type="hidden" name="on" value=(!on).to_string() />
                            <p id="event-reminders-hint" class="muted">{move || w().reminders_hint}</p>
                            <button type="submit" role="switch" class="btn btn--ghost"
                                aria-checked=on.to_string() aria-describedby="event-reminders-hint">
                                {if on { "☑ " } else { "☐ " }}{move || w().reminders_label}
                            </button>
                        </ActionForm>
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}

/// The invitations on a buddy's home: one tap for yes, no or maybe.
#[component]
pub fn MyInvitationsView() -> impl IntoView {
    let i18n = use_i18n();
    let w = move || words(i18n.lang());
    let answer = ServerAction::<AnswerInvitation>::new();
    let error = action_error(answer);
    let list = Resource::new(move || answer.version().get(), |_| my_invitations());
    view! {
        <Suspense>
            {move || suspend(async move {
                let list: Vec<MyInvitation> = list.await.unwrap_or_default();
                if list.is_empty() {
                    return ().into_any();
                }
                view! {
                    <section class="my-invitations" aria-labelledby="my-invitations-title">
                        <h2 id="my-invitations-title">{move || w().my_title}</h2>
                        <FormError error />
                        {list.into_iter().map(|m| {
                            let e = m.event.clone();
                            let title_id = format!("invitation-{}-title", m.invitation_id);
                            view! {
                                <article class="card invitation-card" aria-labelledby=title_id.clone()>
                                    <h3 id=title_id.clone()>{e.title.clone()}</h3>
                                    <p>{move || when(i18n.lang(), &e)}</p>
                                    <p class="muted">{m.event.place.clone()}</p>
                                    {m.seat.map(|s| view! { <p class="chip">{move || (w().seat)(s)}</p> })}
                                    {(m.answer == Some(Answer::Yes)).then(|| view! {
                                        <p><a class="btn btn--ghost" download=""
                                            href=crate::domain::calendar::event_ics_path(m.event.id)>
                                            {move || w().add_to_calendar}</a></p>
                                    })}
                                    {match m.refusal {
                                        Some(why) => view! { <p class="muted">{move || (w().refusal)(why)}</p> }.into_any(),
                                        None => view! {
                                            {matches!(m.seat, Some(crate::domain::event::Seat::Offered(_))).then(|| view! {
                                                <ActionForm action=answer>
                                                    <input type="hidden" name="invitation_id" value=m.invitation_id />
                                                    <input type="hidden" name="answer" value=Answer::Yes.code() />
                                                    <button type="submit" class="btn btn--primary answer-button">{move || w().confirm}</button>
                                                </ActionForm>
                                            })}
                                            <p class="invitation-card__ask">{move || w().my_answer}</p>
                                            <div class="answer-buttons" role="group" aria-label=move || w().my_answer>
                                                {Answer::ALL.into_iter().map(|a| {
                                                    let chosen = m.answer == Some(a);
                                                    view! {
                                                        <ActionForm action=answer>
                                                            <input type="hidden" name="invitation_id" value=m.invitation_id />
                                                            <input type="hidden" name="answer" value=a.code() />
                                                            <button type="submit" class="btn answer-button" class:btn--ghost=!chosen
                                                                aria-pressed=chosen.to_string()>{move || (w().answer_name)(a)}</button>
                                                        </ActionForm>
                                                    }
                                                }).collect_view()}
                                            </div>
                                        }.into_any(),
                                    }}
                                </article>
                            }
                        }).collect_view()}
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}

/// On the coordinator's home: active buddies who stayed away from intervision too long.
#[component]
pub fn MissedIntervisionView() -> impl IntoView {
    let i18n = use_i18n();
    let w = move || words(i18n.lang());
    let missed = Resource::new(|| (), |_| missed_intervision());
    view! {
        <Suspense>
            {move || suspend(async move {
                let (m, list) = missed.await.unwrap_or_default();
                if list.is_empty() {
                    return ().into_any();
                }
                view! {
                    <section class="card agenda" aria-labelledby="missed-intervision-title">
                        <h2 id="missed-intervision-title">{move || w().missed_title}</h2>
                        <p class="muted">{move || (w().missed_intro)(m)}</p>
                        <ul class="missed-intervision">
                            {list.into_iter().map(|b| view! {
                                <li>
                                    <a href=format!("/buddies/{}", b.buddy_id)>{b.name.clone()}</a>
                                    " · "{move || w().last_came}": "
                                    {move || b.last_attended.map(crate::domain::time::format_date).unwrap_or_else(|| w().never.into())}
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}

/// On a buddy's or participant's record: the events they were invited to, answered and came
/// to (for buddies, with their intervision tally).
#[component]
pub fn PersonEventsView(kind: crate::domain::privacy::PersonKind, id: i32) -> impl IntoView {
    let i18n = use_i18n();
    let w = move || words(i18n.lang());
    let list = Resource::new(
        move || (),
        move |_| person_events(kind.code().to_owned(), id),
    );
    view! {
        <section class="card" aria-labelledby="person-events-title">
            <h2 id="person-events-title">{move || w().person_title}</h2>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let list = match list.await {
                        Ok(list) => list,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    if list.is_empty() {
                        return view! { <p class="muted">{move || w().person_none}</p> }.into_any();
                    }
                    let intervision: Vec<_> = list.iter().filter(|e| e.kind == EventKind::Intervision && !e.cancelled).collect();
                    let (came, invited) = (intervision.iter().filter(|e| e.attended).count() as u32, intervision.len() as u32);
                    view! {
                        {(invited > 0).then(|| view! { <p data-testid="intervision-tally">{move || (w().intervision_tally)(came, invited)}</p> })}
                        <ul class="person-events">
                            {list.into_iter().map(|e| {
                                let at = e.starts_at;
                                view! {
                                    <li>
                                        <a href=format!("/events/{}", e.event_id)>{e.title.clone()}</a>
                                        " · "{move || format_day_time(at, i18n.lang())}
                                        " · "{kind_label(i18n.lang(), e.kind, e.kind_name.clone())}
                                        " · "{move || if e.cancelled { w().cancelled.to_owned() } else { e.answer.map(|a| (w().answer_name)(a)).unwrap_or(w().no_answer).to_owned() }}
                                        {e.attended.then(|| view! { " · " <strong>{move || w().came}</strong> })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}

/// Where an invitation mail's link leads: the event and three buttons. Opening it changes
/// nothing; a button answers, once, and signs nobody in.
#[component]
pub fn AnswerLinkPage() -> impl IntoView {
    let i18n = use_i18n();
    let w = move || words(i18n.lang());
    let query = leptos_router::hooks::use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let info = Resource::new(token, answer_link_info);
    let answer = ServerAction::<AnswerByLink>::new();
    let error = action_error(answer);
    view! {
        <Title text=move || w().link_title.to_owned() />
        // The link carries a secret: keep it out of search engines and other sites' logs.
        <Meta name="robots" content="noindex" />
        <Meta name="referrer" content="no-referrer" />
        <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || suspend(async move {
                let view = match info.await {
                    Ok(view) => view,
                    Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                };
                let e = view.event.clone();
                view! {
                    <section class="card form-card invitation-card" aria-labelledby="link-title">
                        <h1 id="link-title">{move || w().link_title}</h1>
                        <h2>{e.title.clone()}</h2>
                        <p>{move || when(i18n.lang(), &e)}</p>
                        <p class="muted">{view.event.place.clone()}</p>
                        {view.answer.map(|a| view! { <p>{move || w().link_current}": "<strong>{move || (w().answer_name)(a)}</strong></p> })}
                        <p class="muted">{move || w().link_intro}</p>
                        <FormError error />
                        <div class="answer-buttons" role="group" aria-labelledby="link-title">
                            {Answer::ALL.into_iter().map(|a| view! {
                                <ActionForm action=answer>
                                    <input type="hidden" name="token" value=token />
                                    <input type="hidden" name="answer" value=a.code() />
                                    <button type="submit" class="btn answer-button">{move || (w().answer_name)(a)}</button>
                                </ActionForm>
                            }).collect_view()}
                        </div>
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}

/// After an answer by link.
#[component]
pub fn AnsweredPage() -> impl IntoView {
    let i18n = use_i18n();
    let w = move || words(i18n.lang());
    view! {
        <Title text=move || w().answered_title.to_owned() />
        <section class="card form-card">
            <h1>{move || w().answered_title}</h1>
            <p role="status">{move || w().answered_text}</p>
            <p><a class="btn" href="/login">{move || i18n.t().sign_in}</a></p>
        </section>
    }
}

/// Letters (one A4 page each) and a call list for the participants invited to an event.
#[component]
pub fn LettersPage() -> impl IntoView {
    let i18n = use_i18n();
    let w = move || words(i18n.lang());
    let letters = Resource::new(route_id, |id| async move {
        event_letters(id.unwrap_or(0)).await
    });
    let print = move |_| {
        // Only in the browser: the server never runs event handlers.
        let _ = window().print();
    };
    view! {
        <Title text=move || w().letters.to_owned() />
        <RequireRole roles=STAFF_ADMIN>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let l = match letters.await {
                        Ok(l) => l,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let e = l.event.clone();
                    let e2 = e.clone();
                    let (programme, phone) = (l.programme.clone(), l.phone.clone());
                    let call_rows = l.people.clone();
                    view! {
                        <div class="actions take-home-tools">
                            <a class="btn" href=format!("/events/{}", e.id)>{e.title.clone()}</a>
                            <button type="button" class="btn btn--primary" on:click=print>{move || w().print}</button>
                        </div>
                        <div class="take-home-tools">
                            <h1>{move || w().letters}</h1>
                            <p class="lead">{move || w().letters_intro}</p>
                        </div>
                        {if l.people.is_empty() {
                            view! { <p class="muted">{move || w().no_participants}</p> }.into_any()
                        } else { view! {
                            <section class="card call-list" aria-labelledby="call-list-title">
                                <h2 id="call-list-title">{move || w().call_list}": "{e.title.clone()}</h2>
                                <p>{move || when(i18n.lang(), &e2)}</p>
                                <TableWrap label=|t| words(t.lang).call_list>
                                    <table>
                                        <thead><tr>
                                            <th scope="col">{move || w().name}</th>
                                            <th scope="col">{move || w().phone}</th>
                                            <th scope="col">{move || w().answer}</th>
                                        </tr></thead>
                                        <tbody>
                                            {call_rows.iter().map(|p| {
                                                let answer = p.answer;
                                                view! { <tr>
                                                    <td>{format!("{} {}", p.first_name, p.last_name)}</td>
                                                    <td>{p.phone.clone().unwrap_or_else(|| "—".into())}</td>
                                                    <td>{move || answer.map(|a| (w().answer_name)(a)).unwrap_or(w().no_answer)}</td>
                                                </tr> }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </TableWrap>
                            </section>
                            {l.people.into_iter().map(|p| {
                                let (e, programme, phone, description) = (l.event.clone(), programme.clone(), phone.clone(), l.description.clone());
                                let (programme2, title) = (programme.clone(), e.title.clone());
                                view! {
                                    <article class="take-home letter" lang=move || i18n.lang().code()>
                                        <p class="take-home__programme">{programme.clone()}</p>
                                        <p>{move || (w().letter_greeting)(&p.first_name)}</p>
                                        <p>{move || (w().letter_body)(&programme2, &title)}</p>
                                        <h2>{move || w().letter_when}</h2>
                                        <p><strong>{let e = e.clone(); move || when(i18n.lang(), &e)}</strong><br />{e.place.clone()}</p>
                                        {(!description.is_empty()).then(|| view! { <p class="event-description">{description.clone()}</p> })}
                                        <p>{move || if phone.is_empty() { w().letter_reply_no_phone.to_owned() } else { (w().letter_reply)(&phone) }}</p>
                                        <p class="prewrap">{move || (w().letter_closing)(&programme)}</p>
                                    </article>
                                }
                            }).collect_view()}
                        }.into_any() }}
                    }.into_any()
                })}
            </Suspense>
        </RequireRole>
    }
}
