//! "Everything Klik holds about this person" (GDPR art. 15), for a participant, a buddy or
//! candidate, and a user account: a readable page, printable on A4, with the same data as a
//! JSON file to download (art. 20). Each page load is an audited export.

use std::future::Future;

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Serialize, de::DeserializeOwned};

use crate::api::privacy::{load_buddy_data, load_participant_data, load_user_data};
use crate::components::error_panel::ErrorPanel;
use crate::components::guard::RequireRole;
use crate::components::suspend::suspend;
use crate::components::table_wrap::TableWrap;
use crate::domain::account::{ADMIN, Role, STAFF_ADMIN};
use crate::domain::activity::Mood;
use crate::domain::audit::AuditEntry;
use crate::domain::people::{BuddyStatus, ParticipantStatus, TimelineEntry};
use crate::domain::person_data::{
    AccountData, BuddyData, DuoData, MailData, ParticipantData, UserData,
};
use crate::domain::profile::Profile;
use crate::domain::time::{format_date, format_date_time};
use crate::error::AppError;
use crate::i18n::{Texts, explain, use_i18n};
use crate::pages::rights::trail_table;
use crate::pages::route_id;

/// A participant's data.
#[component]
pub fn DataPage() -> impl IntoView {
    data_page(load_participant_data, STAFF_ADMIN, participant_view)
}

/// A buddy's or candidate's data.
#[component]
pub fn BuddyDataPage() -> impl IntoView {
    data_page(load_buddy_data, STAFF_ADMIN, buddy_view)
}

/// A user account's data, for the admins.
#[component]
pub fn UserDataPage() -> impl IntoView {
    data_page(load_user_data, ADMIN, user_view)
}

/// The frame of every data page: the guard, loading the record of the route's id, and the
/// error panel.
fn data_page<T, Fut>(
    load: fn(i32) -> Fut,
    roles: &'static [Role],
    render: fn(T, chrono_tz::Tz) -> AnyView,
) -> impl IntoView
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
{
    let i18n = use_i18n();
    let programme = expect_context::<crate::ProgrammeResource>();
    let data = Resource::new(route_id, move |id| async move {
        match id {
            Some(id) => load(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Title text=move || i18n.t().data_title.to_owned() />
        <RequireRole roles>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || suspend(async move {
                    let d = match data.await {
                        Ok(d) => d,
                        Err(error) => return view! { <ErrorPanel error /> }.into_any(),
                    };
                    let tz = programme.await.map(|p| p.tz()).unwrap_or(crate::domain::time::DEFAULT_TIME_ZONE);
                    render(d, tz)
                })}
            </Suspense>
        </RequireRole>
    }
}

/// One labelled value; an empty one shows a dash, so that the list keeps its rhythm.
fn fact(label: fn(&Texts) -> &'static str, value: String) -> impl IntoView {
    let i18n = use_i18n();
    let value = if value.trim().is_empty() {
        "—".to_owned()
    } else {
        value
    };
    view! { <dt>{move || label(i18n.t())}</dt><dd class="prewrap">{value}</dd> }
}

fn day(d: Option<chrono::NaiveDate>) -> String {
    d.map(format_date).unwrap_or_default()
}

fn yes_no(t: &Texts, b: bool) -> &'static str {
    if b { t.yes } else { t.no }
}

/// Title, download link, the person's name, and when the data was asked for.
fn head(
    name: String,
    file: String,
    exported_at: chrono::DateTime<chrono::Utc>,
    tz: chrono_tz::Tz,
) -> impl IntoView {
    let i18n = use_i18n();
    let exported = format_date_time(exported_at, tz);
    view! {
        <div class="page-head">
            <h1>{move || i18n.t().data_title}</h1>
            <a class="btn" href=file download="">{move || i18n.t().data_download}</a>
        </div>
        <p class="lead"><strong>{name}</strong></p>
        <p>{move || i18n.t().data_intro}</p>
        <p class="muted">{move || (i18n.t().data_exported)(&exported)}</p>
    }
}

/// A profile's facts, as the intake or application recorded them.
fn profile_card(p: Profile, municipality: String, interests: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let slots = p.availability.slots().collect::<Vec<_>>();
    view! {
        <section class="card" aria-labelledby="data-profile">
            <h2 id="data-profile">{move || i18n.t().profile_title}</h2>
            <dl class="facts">
                {fact(|t| t.field_first_name, p.first_name.clone())}
                {fact(|t| t.field_last_name, p.last_name.clone())}
                {fact(|t| t.field_birth_date, format_date(p.birth_date))}
                <dt>{move || i18n.t().field_gender}</dt><dd>{move || (i18n.t().gender)(p.gender)}</dd>
                {fact(|t| t.field_municipality, municipality)}
                {fact(|t| t.field_phone, p.phone.clone().unwrap_or_default())}
                {fact(|t| t.field_email, p.email.clone().unwrap_or_default())}
                <dt>{move || i18n.t().field_preferred_contact}</dt><dd>{move || (i18n.t().contact_method)(p.preferred_contact)}</dd>
                {fact(|t| t.field_languages, p.languages.join(", "))}
                {fact(|t| t.field_interests, interests.join(", "))}
                <dt>{move || i18n.t().field_smokes}</dt><dd>{move || yes_no(i18n.t(), p.smoking.smokes)}</dd>
                <dt>{move || i18n.t().field_accepts_smoker}</dt><dd>{move || yes_no(i18n.t(), p.smoking.accepts_smoker)}</dd>
                <dt>{move || i18n.t().field_availability}</dt>
                <dd>{move || slots.iter().map(|s| explain::slot(i18n.lang(), *s)).collect::<Vec<_>>().join(", ")}</dd>
                {fact(|t| t.field_max_travel_km, p.travel.max_km.to_string())}
                {fact(|t| t.field_wish_note, p.wishes.note.clone())}
            </dl>
        </section>
    }
}

/// The status changes, oldest first; `word` names a stored status code.
fn history_card(
    entries: Vec<TimelineEntry>,
    word: fn(&Texts, &str) -> &'static str,
    tz: chrono_tz::Tz,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="data-history">
            <h2 id="data-history">{move || i18n.t().timeline_title}</h2>
            <ol class="timeline">
                {entries.into_iter().map(|e| {
                    let when = format_date_time(e.at, tz);
                    let to = e.to.clone();
                    let note = e.note.clone();
                    view! { <li>
                        <strong>{move || word(i18n.t(), &to)}</strong>
                        " · "{when}{e.by.clone().map(|b| format!(" · {b}"))}
                        {(!note.is_empty()).then(|| view! { <br /><span class="muted">{note}</span> })}
                    </li> }
                }).collect_view()}
            </ol>
        </section>
    }
}

fn none() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="muted">{move || i18n.t().data_none}</p> }
}

/// The events a person was invited to, and (for a candidate buddy) how they heard of us.
fn events_card(
    events: Vec<crate::domain::event::PersonEvent>,
    heard_via: Option<crate::domain::event::HeardVia>,
) -> impl IntoView {
    use crate::i18n::events::words;
    let i18n = use_i18n();
    let w = move || words(i18n.lang());
    view! {
        <section class="card" aria-labelledby="data-events">
            <h2 id="data-events">{move || w().person_title}</h2>
            {heard_via.map(|h| view! { <p>{move || w().heard_via}": "{move || (w().heard_name)(h)}</p> })}
            {if events.is_empty() { view! { <p class="muted">{move || w().person_none}</p> }.into_any() } else { view! {
                <ul>{events.into_iter().map(|e| {
                    let at = e.starts_at;
                    view! { <li>
                        {e.title.clone()}" · "{move || crate::domain::time::format_day_time(at, i18n.lang())}
                        " · "{move || e.answer.map(|a| (w().answer_name)(a)).unwrap_or(w().no_answer)}
                        {e.attended.then(|| view! { " · " {move || w().came} })}
                    </li> }
                }).collect_view()}</ul>
            }.into_any() }}
        </section>
    }
}

fn duos_card(
    duos: Vec<DuoData>,
    note: Option<fn(&Texts) -> &'static str>,
    tz: chrono_tz::Tz,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="data-duos">
            <h2 id="data-duos">{move || i18n.t().data_duos}</h2>
            {note.map(|note| view! { <p class="muted">{move || note(i18n.t())}</p> })}
            {if duos.is_empty() { none().into_any() } else {
                duos.into_iter().map(|duo| duo_data(duo, tz)).collect_view().into_any()
            }}
        </section>
    }
}

fn mails_card(mails: Vec<MailData>, tz: chrono_tz::Tz) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="data-mails">
            <h2 id="data-mails">{move || i18n.t().data_mails}</h2>
            {if mails.is_empty() { none().into_any() } else {
                mails.into_iter().map(|m| view! {
                    <dl class="facts">
                        {fact(|t| t.col_when, format_date_time(m.created_at, tz))}
                        {fact(|t| t.field_email, m.to.clone())}
                        {fact(|t| t.data_subject, m.subject.clone())}
                        {fact(|t| t.data_message, m.body.clone())}
                    </dl>
                }).collect_view().into_any()
            }}
        </section>
    }
}

fn trail_card(trail: Vec<AuditEntry>, tz: chrono_tz::Tz) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" aria-labelledby="data-trail">
            <h2 id="data-trail">{move || i18n.t().trail_title}</h2>
            {if trail.is_empty() { none().into_any() } else { trail_table(trail, tz).into_any() }}
        </section>
    }
}

fn participant_view(d: ParticipantData, tz: chrono_tz::Tz) -> AnyView {
    let i18n = use_i18n();
    let p = d.profile.clone();
    let name = format!("{} {}", p.first_name, p.last_name);
    let consent = d.consent.clone();
    let consent_line = (consent.text_version.clone(), format_date(consent.given_on));
    view! {
        {head(name, format!("/participants/{}/data.json", d.id), d.exported_at, tz)}
        {profile_card(p, d.municipality.clone(), d.interests.clone())}
        <section class="card" aria-labelledby="data-record">
            <h2 id="data-record">{move || i18n.t().data_record}</h2>
            <dl class="facts">
                <dt>{move || i18n.t().filter_status}</dt><dd>{move || (i18n.t().participant_status)(d.status)}</dd>
                {fact(|t| t.field_intake_date, format_date(d.intake_date))}
                {fact(|t| t.col_waiting, format_date(d.waiting_since))}
                {fact(|t| t.col_last_contact, day(d.last_contact_on))}
                {fact(|t| t.field_referral_org, d.referral_organisation.clone().unwrap_or_default())}
                {fact(|t| t.field_referral_contact, d.referral_contact.clone())}
                {fact(|t| t.field_support_contact, d.support_contact.clone())}
                {fact(|t| t.field_coordinator_notes, d.coordinator_notes.clone())}
            </dl>
        </section>
        <section class="card" aria-labelledby="data-consent">
            <h2 id="data-consent">{move || i18n.t().section_consent}</h2>
            <p>{move || i18n.t().consent_text}</p>
            <p class="muted">{move || (i18n.t().data_consent_version)(&consent_line.0, &consent_line.1)}</p>
            <dl class="facts">
                <dt>{move || i18n.t().consent_matching}</dt><dd>{move || yes_no(i18n.t(), consent.matching)}</dd>
                <dt>{move || i18n.t().consent_share_first_name}</dt><dd>{move || yes_no(i18n.t(), consent.share_first_name)}</dd>
                <dt>{move || i18n.t().consent_share_phone}</dt><dd>{move || yes_no(i18n.t(), consent.share_phone)}</dd>
                <dt>{move || i18n.t().consent_share_interests}</dt><dd>{move || yes_no(i18n.t(), consent.share_interests)}</dd>
            </dl>
        </section>
        {history_card(d.status_history.clone(), |t, code| ParticipantStatus::from_code(code).map(|s| (t.participant_status)(s)).unwrap_or_default(), tz)}
        <section class="card" aria-labelledby="data-contacts">
            <h2 id="data-contacts">{move || i18n.t().data_contacts}</h2>
            {if d.contacts.is_empty() { none().into_any() } else { view! {
                <ul>{d.contacts.iter().map(|c| view! {
                    <li>{format_date(c.on)}{c.stepping_stone.clone().map(|s| format!(" · {s}"))}
                        {(!c.note.is_empty()).then(|| view! { <br /><span class="prewrap">{c.note.clone()}</span> })}</li>
                }).collect_view()}</ul>
            }.into_any() }}
        </section>
        <section class="card" aria-labelledby="data-registrations">
            <h2 id="data-registrations">{move || i18n.t().data_registrations}</h2>
            {if d.registrations.is_empty() { none().into_any() } else {
                d.registrations.iter().map(|r| view! {
                    <dl class="facts">
                        {fact(|t| t.col_when, format_date(r.registered_on))}
                        {fact(|t| t.field_first_name, r.first_name.clone())}
                        {fact(|t| t.field_last_name, r.last_name.clone())}
                        {fact(|t| t.field_phone, r.phone.clone().unwrap_or_default())}
                        {fact(|t| t.field_email, r.email.clone().unwrap_or_default())}
                        {fact(|t| t.field_referral_contact, [r.care_worker_name.clone(), r.care_worker_phone.clone().unwrap_or_default(), r.care_worker_email.clone().unwrap_or_default()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", "))}
                        {fact(|t| t.field_coordinator_notes, r.note.clone())}
                    </dl>
                }).collect_view().into_any()
            }}
        </section>
        {duos_card(d.duos.clone(), None, tz)}
        {events_card(d.events.clone(), None)}
        <section class="card" aria-labelledby="data-referrals">
            <h2 id="data-referrals">{move || i18n.t().data_referrals}</h2>
            {if d.referrals.is_empty() { none().into_any() } else { view! {
                <ul>{d.referrals.iter().map(|r| {
                    let (way, outcome, reason) = (r.way, r.outcome, r.reason);
                    view! { <li>
                        {format_date(r.referred_on)}" · "{r.stepping_stone.clone()}" · "{move || (i18n.t().referral_way)(way)}
                        {move || outcome.map(|o| format!(" · {}", (i18n.t().outcome)(o)))}
                        {move || reason.map(|o| format!(" · {}", (i18n.t().not_going)(o)))}
                        {(!r.note.is_empty()).then(|| view! { <br /><span class="prewrap">{r.note.clone()}</span> })}
                    </li> }
                }).collect_view()}</ul>
            }.into_any() }}
        </section>
        {mails_card(d.mails.clone(), tz)}
        {trail_card(d.trail.clone(), tz)}
    }
    .into_any()
}

fn buddy_view(d: BuddyData, tz: chrono_tz::Tz) -> AnyView {
    let i18n = use_i18n();
    let r = d.record.clone();
    let p = r.application.profile.clone();
    let name = format!("{} {}", p.first_name, p.last_name);
    let status = r.status;
    view! {
        {head(name, format!("/buddies/{}/data.json", r.id), d.exported_at, tz)}
        {profile_card(p, d.municipality.clone(), d.interests.clone())}
        <section class="card" aria-labelledby="data-application">
            <h2 id="data-application">{move || i18n.t().data_application}</h2>
            <dl class="facts">
                <dt>{move || i18n.t().filter_status}</dt><dd>{move || (i18n.t().buddy_status)(status)}</dd>
                {fact(|t| t.col_applied, format_date(r.applied_on))}
                {fact(|t| t.col_approved, day(r.approved_on))}
                {fact(|t| t.field_motivation, r.application.motivation.clone())}
                {fact(|t| t.field_capacity, r.application.capacity.to_string())}
                {fact(|t| t.field_coordinator_notes, d.coordinator_notes.clone())}
                {fact(|t| t.data_calendar_since, d.calendar_feed_since.map(|at| format_date_time(at, tz)).unwrap_or_default())}
            </dl>
        </section>
        <section class="card" aria-labelledby="data-screenings">
            <h2 id="data-screenings">{move || i18n.t().screenings_title}</h2>
            {if r.screenings.is_empty() { none().into_any() } else { view! {
                <ul>{r.screenings.iter().map(|s| {
                    let outcome = s.outcome;
                    view! { <li>
                        {format_date(s.held_on)}" · "{move || (i18n.t().screening_outcome)(outcome)}
                        {s.screener.clone().map(|n| format!(" · {n}"))}
                        {(!s.notes.is_empty()).then(|| view! { <br /><span class="prewrap">{s.notes.clone()}</span> })}
                    </li> }
                }).collect_view()}</ul>
            }.into_any() }}
        </section>
        {history_card(r.timeline.clone(), |t, code| BuddyStatus::from_code(code).map(|s| (t.buddy_status)(s)).unwrap_or_default(), tz)}
        {duos_card(d.duos.clone(), Some(|t| t.data_buddy_notes), tz)}
        {events_card(d.events.clone(), d.heard_via)}
        {d.account.clone().map(|a| account_card(a, tz))}
        {mails_card(d.mails.clone(), tz)}
        {trail_card(d.trail.clone(), tz)}
    }
    .into_any()
}

fn user_view(d: UserData, tz: chrono_tz::Tz) -> AnyView {
    let i18n = use_i18n();
    let a = &d.account.account;
    let name = format!("{} <{}>", a.display_name, a.email);
    view! {
        {head(name, format!("/admin/users/{}/data.json", a.id), d.exported_at, tz)}
        {d.buddy_id.map(|b| view! {
            <p><a href=format!("/buddies/{b}/data")>{move || i18n.t().data_buddy_record}</a></p>
        })}
        {account_card(d.account.clone(), tz)}
        {mails_card(d.mails.clone(), tz)}
        <section class="card" aria-labelledby="data-actions">
            <h2 id="data-actions">{move || i18n.t().data_actions}</h2>
            {if d.actions.is_empty() { none().into_any() } else { actions_table(d.actions.clone(), tz).into_any() }}
        </section>
        {trail_card(d.trail.clone(), tz)}
    }
    .into_any()
}

/// An account without its secrets: who, what role, since when, its sessions and sign-ins.
fn account_card(a: AccountData, tz: chrono_tz::Tz) -> impl IntoView {
    let i18n = use_i18n();
    let acc = a.account.clone();
    let (role, active, two_step) = (acc.role, acc.active, acc.two_factor);
    view! {
        <section class="card" aria-labelledby="data-account">
            <h2 id="data-account">{move || i18n.t().data_account}</h2>
            <p class="muted">{move || i18n.t().data_secrets}</p>
            <dl class="facts">
                {fact(|t| t.col_name, acc.display_name.clone())}
                {fact(|t| t.col_email, acc.email.clone())}
                <dt>{move || i18n.t().col_role}</dt><dd>{move || (i18n.t().role)(role)}</dd>
                <dt>{move || i18n.t().data_active}</dt><dd>{move || yes_no(i18n.t(), active)}</dd>
                <dt>{move || i18n.t().two_factor_title}</dt><dd>{move || yes_no(i18n.t(), two_step)}</dd>
                {fact(|t| t.data_recovery_left, a.recovery_codes_left.to_string())}
                {fact(|t| t.data_created, format_date_time(a.created_at, tz))}
            </dl>
            <h3>{move || i18n.t().sessions_title}</h3>
            {if a.sessions.is_empty() { none().into_any() } else { view! {
                <ul>{a.sessions.iter().map(|s| view! {
                    <li>{format_date_time(s.created_at, tz)}" – "{format_date_time(s.last_seen_at, tz)}" · "{s.device.clone()}</li>
                }).collect_view()}</ul>
            }.into_any() }}
            <h3>{move || i18n.t().data_sign_ins}</h3>
            {if a.sign_ins.is_empty() { none().into_any() } else { view! {
                <ul>{a.sign_ins.iter().map(|s| {
                    let ok = s.success;
                    view! {
                        <li>{format_date_time(s.at, tz)}" · "{s.ip.clone()}" · "
                            {move || if ok { i18n.t().data_sign_in_ok } else { i18n.t().data_sign_in_failed }}</li>
                    }
                }).collect_view()}</ul>
            }.into_any() }}
        </section>
    }
}

/// What a user did: when, what, on which record (never content).
fn actions_table(rows: Vec<AuditEntry>, tz: chrono_tz::Tz) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <TableWrap label=|t| t.data_actions>
            <table class="table">
                <thead><tr>
                    <th scope="col">{move || i18n.t().col_when}</th>
                    <th scope="col">{move || i18n.t().col_action}</th>
                    <th scope="col">{move || i18n.t().col_record}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let action = r.action;
                        let record = match (&r.record_kind, &r.record_id) {
                            (Some(k), Some(id)) => format!("{k} #{id}"),
                            (Some(k), None) => k.clone(),
                            _ => String::new(),
                        };
                        view! { <tr>
                            <td>{format_date_time(r.at, tz)}</td>
                            <td>{move || (i18n.t().audit_action)(action)}</td>
                            <td>{record}</td>
                        </tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </TableWrap>
    }
}

/// One duo of the export: the other person's first name, the stages' dates, the activities and the
/// evaluations.
fn duo_data(duo: DuoData, tz: chrono_tz::Tz) -> impl IntoView {
    let i18n = use_i18n();
    let other = duo.other_first_name.clone();
    let (stage, end_reason) = (duo.stage, duo.end_reason);
    view! {
        <h3>{move || (i18n.t().data_duo)(&other)}</h3>
        <dl class="facts">
            <dt>{move || i18n.t().filter_status}</dt><dd>{move || (i18n.t().duo_stage)(stage)}</dd>
            {fact(|t| t.field_signed_on, day(duo.signed_on))}
            {fact(|t| t.field_ended_on, day(duo.ended_on))}
            <dt>{move || i18n.t().field_end_reason}</dt><dd>{move || end_reason.map(|r| (i18n.t().end_reason)(r)).unwrap_or_default()}</dd>
            {fact(|t| t.field_end_note, duo.end_note.clone().unwrap_or_default())}
            {fact(|t| t.field_agreement_note, duo.agreement_note.clone().unwrap_or_default())}
        </dl>
        <h4>{move || i18n.t().data_activities}</h4>
        <ul>
            {duo.activities.iter().map(|a| {
                let status = a.status;
                let mood = a.checkin_mood.and_then(|m| u8::try_from(m).ok()).and_then(Mood::from_value);
                let texts: Vec<String> = [a.place.clone(), a.note.clone(), a.cancel_reason.clone().unwrap_or_default(), a.checkin_note.clone().unwrap_or_default()]
                    .into_iter().filter(|s| !s.is_empty()).collect();
                view! { <li>
                    {format_date_time(a.starts_at, tz)}" · "{a.kind.clone()}" · "{move || (i18n.t().activity_status)(status)}
                    {move || mood.map(|m| format!(" · {}: {}", i18n.t().data_mood, (i18n.t().mood_word)(m)))}
                    {(!texts.is_empty()).then(|| view! { <br /><span class="prewrap">{texts.join(" · ")}</span> })}
                </li> }
            }).collect_view()}
        </ul>
        <h4>{move || i18n.t().data_evaluations}</h4>
        <ul>
            {duo.evaluations.iter().map(|e| {
                let outcome = e.outcome;
                view! { <li>
                    {format_date(e.due_on)}{e.held_on.map(|h| format!(" → {}", format_date(h)))}
                    {move || outcome.map(|o| format!(" · {}", (i18n.t().evaluation_outcome)(o)))}
                    {(!e.notes.is_empty()).then(|| view! { <br /><span class="prewrap">{e.notes.clone()}</span> })}
                </li> }
            }).collect_view()}
        </ul>
    }
}
