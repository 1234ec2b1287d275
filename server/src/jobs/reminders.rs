//! The reminder job: each tick, queue into the outbox what is due today (local date in the
//! programme's time zone, from `reminder::FROM_HOUR` on):
//!
//! - to the buddy, the day before a planned activity;
//! - to the buddy, the day before an event they have a place at (unless they turned these
//!   off on their account page);
//! - to the buddy, when their duo has gone quiet for longer than its rhythm (once per quiet
//!   spell);
//! - to the coordinators, one overview of the duos newly flagged by the cadence watch (with
//!   the configured margin) and of evaluation conversations that fall due.
//!
//! Every reminder has a key in `reminder_sent`, written in the same transaction as its outbox
//! rows: a second run or a second instance finds the key and queues nothing.
//!
//! Privacy: mails name only the participant's first name, the activity's kind, date, time and
//! place, and link to Klik; never health data, notes, check-ins or referral details.

use std::collections::HashMap;

use app::db::outbox::NewMessage;
use app::db::{activities, duos, reminders};
use app::domain::activity::reminder::{self, day_bounds};
use app::domain::activity::{buddy_nudge_due, cadence};
use app::domain::time::{format_date, format_date_long, local_date};
use app::error::AppError;
use app::state::AppState;
use chrono::{DateTime, Utc};

pub const KIND_ACTIVITY: &str = "activity_reminder";
pub const KIND_EVENT: &str = "event_reminder";
pub const KIND_NUDGE: &str = "buddy_nudge";
pub const KIND_DIGEST: &str = "coordinator_digest";

/// Queues the reminders due now; returns how many reminders (keys) were queued.
pub async fn queue_due(state: &AppState) -> Result<usize, AppError> {
    let now = state.clock.now();
    let tz = state.config.time_zone;
    if !reminder::open(now.with_timezone(&tz).naive_local()) {
        return Ok(0);
    }
    let mut queued = day_before(state, now).await?;
    queued += events_day_before(state, now).await?;
    let active = activities::active_duos(&state.db, tz, now).await?;
    queued += nudges(state, &active, now).await?;
    queued += coordinator_digest(state, &active, now).await?;
    Ok(queued)
}

/// Of `items`, those whose reminder (named by `key`) was not queued yet, each with its key.
async fn unsent<'a, T>(
    state: &AppState,
    items: &'a [T],
    key: impl Fn(&T) -> String,
) -> Result<Vec<(&'a T, String)>, AppError> {
    let keys: Vec<String> = items.iter().map(key).collect();
    let done = reminders::already_sent(&state.db, &keys).await?;
    Ok(items
        .iter()
        .zip(keys)
        .filter(|(_, key)| !done.contains(key))
        .collect())
}

/// Reminders for tomorrow's planned activities.
async fn day_before(state: &AppState, now: DateTime<Utc>) -> Result<usize, AppError> {
    let tz = state.config.time_zone;
    let tomorrow = reminder::day_before_for(local_date(now, tz));
    let (from, to) = day_bounds(tomorrow, tz);
    let planned = activities::planned_between(&state.db, from, to).await?;
    let todo = unsent(state, &planned, |a| {
        reminder::day_before_key(a.id, tomorrow)
    })
    .await?;
    if todo.is_empty() {
        return Ok(0);
    }
    let duo_ids: Vec<i32> = todo.iter().map(|(a, _)| a.duo_id).collect();
    let duos = reminders::active_duos_by_id(&state.db, &duo_ids).await?;
    let buddy_ids: Vec<i32> = duos.values().map(|d| d.buddy_id).collect();
    let addresses = reminders::buddy_addresses(&state.db, &buddy_ids).await?;
    let participant_ids: Vec<i32> = duos.values().map(|d| d.participant_id).collect();
    let names = app::db::participants::shared_first_names(&state.db, participant_ids).await?;
    let kinds = reminders::activity_kind_names(&state.db).await?;
    let link = state.config.public_url.clone();
    let mut queued = 0;
    for (activity, key) in todo {
        let Some(duo) = duos.get(&activity.duo_id) else {
            continue;
        };
        // No address: nothing to send, and nothing recorded (an address added today still
        // gets it).
        let Some(recipient) = addresses.get(&duo.buddy_id) else {
            continue;
        };
        let (to, lang) = (recipient.to.as_str(), recipient.lang);
        let t = lang.texts();
        let first_name = names
            .get(&duo.participant_id)
            .map(String::as_str)
            .unwrap_or(t.duo_partner);
        let kind = kinds
            .get(&activity.kind_id)
            .map(String::as_str)
            .unwrap_or_default();
        let local = activity.starts_at.with_timezone(&tz);
        let time = local.format("%H:%M").to_string();
        let when = format!("{} {time}", format_date_long(local.date_naive(), lang));
        let subject = (t.mail_activity_subject)(kind, &time);
        let body = (t.mail_activity_body)(first_name, kind, &when, &activity.place, &link);
        let message = NewMessage {
            kind: KIND_ACTIVITY,
            to,
            subject: &subject,
            body: &body,
        };
        if reminders::queue_once(state.begin().await?, &key, &[message], now).await? {
            queued += 1;
            tracing::info!(activity_id = activity.id, "activity reminder queued");
        }
    }
    Ok(queued)
}

/// Reminders for tomorrow's events, to the buddies with a place who want them.
async fn events_day_before(state: &AppState, now: DateTime<Utc>) -> Result<usize, AppError> {
    use app::i18n::events::words;
    let tz = state.config.time_zone;
    let tomorrow = reminder::day_before_for(local_date(now, tz));
    let (from, to) = day_bounds(tomorrow, tz);
    let placed = app::db::events::placed_buddies_between(&state.db, from, to).await?;
    let todo = unsent(state, &placed, |(_, i)| {
        reminder::event_day_before_key(i.id, tomorrow)
    })
    .await?;
    if todo.is_empty() {
        return Ok(0);
    }
    let buddy_ids: Vec<i32> = todo.iter().filter_map(|((_, i), _)| i.buddy_id).collect();
    let addresses = reminders::buddy_addresses(&state.db, &buddy_ids).await?;
    let programme =
        app::db::settings::programme_name(&state.db, &state.config.programme_name).await?;
    let mut queued = 0;
    for ((event, invitation), key) in todo {
        let Some(recipient) = invitation.buddy_id.and_then(|b| addresses.get(&b)) else {
            continue;
        };
        let (to, lang) = (recipient.to.as_str(), recipient.lang);
        let w = words(lang);
        let when = app::domain::time::format_day_time(
            app::domain::time::local_date_time(event.starts_at, tz),
            lang,
        );
        let place = if event.place.is_empty() {
            &event.link
        } else {
            &event.place
        };
        let subject = (w.reminder_subject)(&event.title);
        let body = (w.reminder_body)(&programme, &event.title, &when, place);
        let message = NewMessage {
            kind: KIND_EVENT,
            to,
            subject: &subject,
            body: &body,
        };
        if reminders::queue_once(state.begin().await?, &key, &[message], now).await? {
            queued += 1;
            tracing::info!(invitation_id = invitation.id, "event reminder queued");
        }
    }
    Ok(queued)
}

/// "Nothing for a while": to the buddies of duos quiet for longer than their rhythm.
async fn nudges(
    state: &AppState,
    active: &[activities::ActiveDuo],
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let today = local_date(now, state.config.time_zone);
    let due: Vec<(&activities::ActiveDuo, String)> = active
        .iter()
        .filter(|a| buddy_nudge_due(&a.facts, today))
        .map(|a| {
            let since = reminder::quiet_since(&a.facts);
            (a, reminder::buddy_nudge_key(a.duo.id, since))
        })
        .collect();
    let keys: Vec<String> = due.iter().map(|(_, k)| k.clone()).collect();
    let done = reminders::already_sent(&state.db, &keys).await?;
    let todo: Vec<_> = due.into_iter().filter(|(_, k)| !done.contains(k)).collect();
    if todo.is_empty() {
        return Ok(0);
    }
    let buddy_ids: Vec<i32> = todo.iter().map(|(a, _)| a.duo.buddy_id).collect();
    let addresses = reminders::buddy_addresses(&state.db, &buddy_ids).await?;
    let participant_ids: Vec<i32> = todo.iter().map(|(a, _)| a.duo.participant_id).collect();
    let names = app::db::participants::shared_first_names(&state.db, participant_ids).await?;
    let mut queued = 0;
    for (active, key) in todo {
        let Some(recipient) = addresses.get(&active.duo.buddy_id) else {
            continue;
        };
        let (to, t) = (recipient.to.as_str(), recipient.lang.texts());
        let first_name = names
            .get(&active.duo.participant_id)
            .map(String::as_str)
            .unwrap_or(t.duo_partner);
        let days = cadence(&active.facts, today, 0).quiet_days;
        let subject = (t.mail_nudge_subject)(first_name);
        let body = (t.mail_nudge_body)(first_name, days, &state.config.public_url);
        let message = NewMessage {
            kind: KIND_NUDGE,
            to,
            subject: &subject,
            body: &body,
        };
        if reminders::queue_once(state.begin().await?, &key, &[message], now).await? {
            queued += 1;
            tracing::info!(duo_id = active.duo.id, "buddy reminder queued");
        }
    }
    Ok(queued)
}

/// One overview per coordinator of what is new since the last one: duos flagged by the
/// cadence watch, and evaluation conversations due today or late.
async fn coordinator_digest(
    state: &AppState,
    active: &[activities::ActiveDuo],
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let today = local_date(now, state.config.time_zone);
    let (margin, _) = activities::margin(&state.db).await?;
    let base = &state.config.public_url;

    // (key, participant id, line builder input)
    enum Item {
        Quiet { days: u32 },
        Evaluation { due: chrono::NaiveDate },
    }
    let mut items: Vec<(String, i32, i32, Item)> = Vec::new();
    for a in active {
        let c = cadence(&a.facts, today, margin);
        if c.flagged {
            let key = reminder::cadence_flag_key(a.duo.id, reminder::quiet_since(&a.facts));
            items.push((
                key,
                a.duo.id,
                a.duo.participant_id,
                Item::Quiet { days: c.quiet_days },
            ));
        }
    }
    let participant_of: HashMap<i32, i32> = active
        .iter()
        .map(|a| (a.duo.id, a.duo.participant_id))
        .collect();
    for e in duos::evaluations_due(&state.db, today).await? {
        if e.due_on > today {
            continue;
        }
        let Some(&participant) = participant_of.get(&e.duo_id) else {
            continue;
        };
        let key = reminder::evaluation_due_key(e.duo_id, e.due_on);
        items.push((
            key,
            e.duo_id,
            participant,
            Item::Evaluation { due: e.due_on },
        ));
    }
    let keys: Vec<String> = items.iter().map(|(k, ..)| k.clone()).collect();
    let done = reminders::already_sent(&state.db, &keys).await?;
    items.retain(|(k, ..)| !done.contains(k));
    if items.is_empty() {
        return Ok(0);
    }
    let coordinators = reminders::coordinators(&state.db).await?;
    if coordinators.is_empty() {
        // Nobody to tell yet: recorded nothing, so the first coordinator hears of it.
        return Ok(0);
    }
    let participant_ids: Vec<i32> = items.iter().map(|(_, _, p, _)| *p).collect();
    let names = reminders::participant_first_names(&state.db, &participant_ids).await?;
    // Always in the same order, so that two instances take the keys in the same order.
    items.sort_by(|a, b| a.0.cmp(&b.0));

    let txn = state.begin().await?;
    let mut claimed = Vec::new();
    for item in &items {
        if reminders::claim_key(&txn, &item.0, now).await? {
            claimed.push(item);
        }
    }
    if claimed.is_empty() {
        txn.rollback().await?;
        return Ok(0);
    }
    let mut duo_ids: Vec<i32> = claimed.iter().map(|(_, duo_id, ..)| *duo_id).collect();
    duo_ids.sort_unstable();
    duo_ids.dedup();
    // The overview in a coordinator's own language.
    let lines_in = |t: &app::i18n::Texts| -> Vec<String> {
        claimed
            .iter()
            .map(|(_, duo_id, participant, item)| {
                let first_name = names
                    .get(participant)
                    .map(String::as_str)
                    .unwrap_or_default();
                let link = format!("{base}/duos/{duo_id}");
                match item {
                    Item::Quiet { days } => (t.mail_digest_quiet)(first_name, *days, &link),
                    Item::Evaluation { due } => {
                        (t.mail_digest_evaluation)(first_name, &format_date(*due), &link)
                    }
                }
            })
            .collect()
    };
    for coordinator in &coordinators {
        let t = coordinator.lang.texts();
        let subject = (t.mail_digest_subject)(duo_ids.len());
        let body = (t.mail_digest_body)(&lines_in(t).join("\n"), base);
        let message = NewMessage {
            kind: KIND_DIGEST,
            to: &coordinator.email,
            subject: &subject,
            body: &body,
        };
        app::db::outbox::enqueue(&txn, message, now).await?;
    }
    txn.commit().await?;
    tracing::info!(
        items = claimed.len(),
        coordinators = coordinators.len(),
        "coordinator overview queued"
    );
    Ok(claimed.len())
}
