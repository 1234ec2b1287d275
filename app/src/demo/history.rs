//! (server only) A programme's past, for the reports: participants who came in over the
//! years, waited, were matched or left, duos that lasted for different times and ended for
//! different reasons, their activities and check-ins, evaluations, and the buddies who
//! joined and stopped. Written straight into the tables in batches, dated in the past, so
//! that the demo has a history to show and the benchmarks can have ten years of it.
//!
//! Everyone here is finished with the programme (closed, or stopped) unless `still_active`
//! keeps some duos going, so the demo's board and waiting list stay as they were.

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

use crate::db::entities::{
    activity, buddy, duo, evaluation, event, event_invitation, participant, status_change,
};
use crate::domain::activity::ActivityStatus;
use crate::domain::audit::kind as subject;
use crate::domain::duo::{Agreement, AgreementItem, DuoStage, EndReason, Rhythm};
use crate::domain::event::{Answer, EventKind, HeardVia, Organiser};
use crate::domain::people::{BuddyStatus, Consent, LeaveReason, ParticipantStatus};
use crate::error::AppError;

/// How much history to make.
#[derive(Clone, Copy, Debug)]
pub struct HistorySize {
    pub years: u32,
    pub participants: usize,
    pub duos: usize,
    pub activities: usize,
    /// The share of duos still going today (their people are in a duo now).
    pub still_active: f64,
}

impl HistorySize {
    /// The demo's: three years, enough for every chart of the reports.
    pub const DEMO: HistorySize = HistorySize {
        years: 3,
        participants: 90,
        duos: 48,
        activities: 900,
        still_active: 0.0,
    };

    /// No history at all (the board's and the waiting list's benchmarks).
    pub const NONE: HistorySize = HistorySize {
        years: 1,
        participants: 0,
        duos: 0,
        activities: 0,
        still_active: 0.0,
    };
}

/// Rows per insert: well under SQLite's and PostgreSQL's limits on bound values.
const BATCH: usize = 400;

async fn insert_all<A, I>(db: &impl ConnectionTrait, rows: I) -> Result<(), AppError>
where
    A: sea_orm::ActiveModelTrait,
    I: IntoIterator<Item = A>,
{
    let rows: Vec<A> = rows.into_iter().collect();
    for chunk in rows.chunks(BATCH) {
        <A::Entity as EntityTrait>::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

fn noon(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(11, 0, 0).unwrap_or_default())
}

/// A status change of `kind` `id` on `day`.
fn change(
    kind: &str,
    id: i32,
    from: Option<&str>,
    to: &str,
    day: NaiveDate,
) -> status_change::ActiveModel {
    status_change::ActiveModel {
        subject_kind: Set(kind.into()),
        subject_id: Set(id),
        from_status: Set(from.map(str::to_owned)),
        to_status: Set(to.into()),
        at: Set(noon(day)),
        by_user: Set(None),
        note: Set(String::new()),
        ..Default::default()
    }
}

/// A participant's record closed by hand on `day`, for `reason`.
fn closing(id: i32, from: &str, day: NaiveDate, rng: &mut StdRng) -> status_change::ActiveModel {
    let reasons = [
        (LeaveReason::HelpElsewhere, 4),
        (LeaveReason::NoLongerWanted, 5),
        (LeaveReason::Unreachable, 3),
        (LeaveReason::Moved, 2),
        (LeaveReason::Health, 3),
        (LeaveReason::WaitTooLong, 2),
        (LeaveReason::Other, 1),
    ];
    let reason = reasons
        .choose_weighted(rng, |r| r.1)
        .map_or(LeaveReason::Other, |r| r.0);
    let mut row = change(
        subject::PARTICIPANT,
        id,
        Some(from),
        ParticipantStatus::Closed.code(),
        day,
    );
    row.reason = Set(Some(reason.code().into()));
    row
}

fn days(n: i64) -> Days {
    Days::new(n.max(0) as u64)
}

/// One past participant's course: when they came, and whether and when they signed.
struct Course {
    intake: NaiveDate,
    signed: Option<NaiveDate>,
    left: Option<NaiveDate>,
}

/// Fills the history. `first_ids` are the next free ids of participant, buddy and duo
/// (the rows are written with their ids, so that status changes and activities can name
/// them in the same batches).
#[allow(clippy::too_many_arguments)] // the lists the rows point into
pub async fn fill(
    db: &impl ConnectionTrait,
    today: NaiveDate,
    now: DateTime<Utc>,
    size: HistorySize,
    places: &[i64],
    interests: &[i64],
    scales: &[i64],
    kinds: &[i32],
    coordinator: i32,
) -> Result<(), AppError> {
    if size.participants == 0 {
        return Ok(());
    }
    let mut rng = StdRng::seed_from_u64(19);
    let span = i64::from(size.years) * 365;
    let start = today - days(span);
    let next =
        |table: &str| format!("SELECT CAST(COALESCE(MAX(id), 0) + 1 AS BIGINT) AS n FROM {table}");
    let mut first = Vec::new();
    for table in ["participant", "buddy", "duo"] {
        let row = db
            .query_one_raw(sea_orm::Statement::from_string(
                db.get_database_backend(),
                next(table),
            ))
            .await?
            .ok_or_else(|| AppError::internal("no max id"))?;
        first.push(row.try_get::<i64>("", "n")? as i32);
    }
    let (first_person, first_buddy, first_duo) = (first[0], first[1], first[2]);

    // Who signed: the first `duos` people (in random order) who came early enough.
    let mut people = Vec::with_capacity(size.participants);
    let mut matched = 0;
    for i in 0..size.participants {
        let intake = start + days(rng.gen_range(0..span.max(1)));
        // Waits differ by where people live, so the groups in the report differ too.
        let slow = 1.0 + (i % 3) as f64 * 0.6;
        let wait = (rng.gen_range(20.0..260.0) * slow) as i64;
        let signed = intake + days(wait);
        if matched < size.duos && signed < today - days(7) && rng.gen_bool(0.85) {
            matched += 1;
            people.push(Course {
                intake,
                signed: Some(signed),
                left: None,
            });
        } else {
            // Nobody of the past still waits (that would change today's list): those who
            // would leave after today left at some time since their intake instead.
            let mut left = intake + days(rng.gen_range(60..500));
            if left >= today {
                let since = (today - intake).num_days().max(1);
                left = intake + days(rng.gen_range(0..since));
            }
            people.push(Course {
                intake,
                signed: None,
                left: Some(left),
            });
        }
    }

    let mut participants = Vec::new();
    let mut buddies = Vec::new();
    let mut duos = Vec::new();
    let mut changes = Vec::new();
    let mut activities = Vec::new();
    let mut evaluations = Vec::new();
    // (buddy, approved on, stopped on): who could be invited to intervision when.
    let mut approved_buddies: Vec<(i32, NaiveDate, Option<NaiveDate>)> = Vec::new();
    // (duo, signed on, days together): the activities are shared out by time together.
    let mut lives: Vec<(i32, NaiveDate, i64)> = Vec::new();
    let reasons = [
        (EndReason::NoTime, 5),
        (EndReason::Moved, 2),
        (EndReason::NoClick, 3),
        (EndReason::GoalReached, 4),
        (EndReason::Health, 2),
        (EndReason::Other, 1),
    ];
    let consent = |on: NaiveDate| Consent {
        matching: true,
        share_first_name: true,
        share_phone: true,
        share_interests: true,
        text_version: crate::domain::people::CONSENT_TEXT_VERSION.into(),
        given_on: on,
        recorded_by: coordinator,
    };
    let mut duo_id = first_duo;
    for (i, course) in people.iter().enumerate() {
        let id = first_person + i as i32;
        let p = super::profile(&mut rng, today, places, interests, scales);
        let waiting = ParticipantStatus::Waiting.code();
        changes.push(change(
            subject::PARTICIPANT,
            id,
            None,
            waiting,
            course.intake,
        ));
        let mut status = ParticipantStatus::Waiting;
        if let Some(left) = course.left {
            changes.push(closing(id, waiting, left, &mut rng));
            status = ParticipantStatus::Closed;
        }
        if let Some(signed) = course.signed {
            let proposed = signed - days(rng.gen_range(10..30));
            let proposed = proposed.max(course.intake);
            changes.push(change(
                subject::PARTICIPANT,
                id,
                Some(waiting),
                ParticipantStatus::Proposed.code(),
                proposed,
            ));
            let proposed_code = ParticipantStatus::Proposed.code();
            let in_duo = ParticipantStatus::InDuo.code();
            changes.push(change(
                subject::PARTICIPANT,
                id,
                Some(proposed_code),
                in_duo,
                signed,
            ));
            // Higher scores last longer, on average: the report's log-rank has a signal.
            let score: i32 = rng.gen_range(30..96);
            let early = rng.gen_bool(if score < 55 { 0.35 } else { 0.15 });
            let length = if early {
                rng.gen_range(14..120)
            } else {
                rng.gen_range(150..900) + i64::from(score) * 3
            };
            let mut ended = Some(signed + days(length));
            if ended.is_some_and(|e| e >= today) || rng.gen_bool(size.still_active) {
                ended = if size.still_active > 0.0 {
                    None
                } else {
                    Some((today - days(rng.gen_range(1..30))).max(signed))
                };
            }
            let reason = ended.map(|_| {
                reasons
                    .choose_weighted(&mut rng, |r| r.1)
                    .map_or(EndReason::Other, |r| r.0)
            });
            let buddy_id = first_buddy + i as i32;
            let applied = proposed - days(rng.gen_range(30..120));
            let approved = applied + days(14);
            let buddy_stopped = ended
                .map(|e| e + days(rng.gen_range(3..40)))
                .filter(|d| *d < today && rng.gen_bool(0.6));
            let buddy_status = match (ended, buddy_stopped) {
                (None, _) => BuddyStatus::InDuo,
                (Some(_), Some(_)) => BuddyStatus::Stopped,
                (Some(_), None) => BuddyStatus::Available,
            };
            let b = super::profile(&mut rng, today, places, interests, scales);
            buddies.push(buddy::ActiveModel {
                id: Set(buddy_id),
                first_name: Set(b.first_name.clone()),
                last_name: Set(b.last_name.clone()),
                birth_date: Set(b.birth_date),
                gender: Set(b.gender.code().into()),
                municipality_id: Set(b.municipality_id as i32),
                profile: Set(json(&b)?),
                status: Set(buddy_status.code().into()),
                created_at: Set(noon(applied)),
                updated_at: Set(now),
                version: Set(1),
                applied_on: Set(applied),
                motivation: Set(String::new()),
                capacity: Set(1),
                screener_id: Set(None),
                approved_on: Set(Some(approved)),
                user_id: Set(None),
                coordinator_notes: Set(String::new()),
                erased_on: Set(None),
                erasure_reason: Set(None),
                retention_hold_until: Set(None),
                retention_hold_reason: Set(None),
                heard_via: Set([
                    None,
                    Some(HeardVia::Friends),
                    Some(HeardVia::Friends),
                    Some(HeardVia::Website),
                    Some(HeardVia::Campaign),
                    Some(HeardVia::Municipality),
                    Some(HeardVia::Other),
                ]
                .choose(&mut rng)
                .copied()
                .flatten()
                .map(|h| h.code().to_owned())),
                campaign_event_id: Set(None),
                event_reminders: Set(true),
            });
            changes.push(change(
                subject::BUDDY,
                buddy_id,
                None,
                BuddyStatus::Applied.code(),
                applied,
            ));
            changes.push(change(
                subject::BUDDY,
                buddy_id,
                Some(BuddyStatus::Applied.code()),
                BuddyStatus::Available.code(),
                approved,
            ));
            approved_buddies.push((buddy_id, approved, buddy_stopped));
            if let Some(stop) = buddy_stopped {
                changes.push(change(
                    subject::BUDDY,
                    buddy_id,
                    Some(BuddyStatus::Available.code()),
                    BuddyStatus::Stopped.code(),
                    stop,
                ));
            }
            let rhythm = Rhythm::default();
            let agreement = Agreement {
                signed_on: signed,
                rhythm,
                items: AgreementItem::ALL.into_iter().collect(),
                note: String::new(),
                participant_yes_on: Some(signed),
                buddy_yes_on: Some(signed),
            };
            duos.push(duo::ActiveModel {
                id: Set(duo_id),
                participant_id: Set(id),
                buddy_id: Set(buddy_id),
                stage: Set(if ended.is_some() {
                    DuoStage::Ended
                } else {
                    DuoStage::Active
                }
                .code()
                .into()),
                version: Set(1),
                score: Set(score),
                assessment: Set("{}".into()),
                proposed_on: Set(proposed),
                proposed_by: Set(Some(coordinator)),
                introduction_on: Set(Some(proposed + days(5))),
                participant_yes_on: Set(Some(signed)),
                buddy_yes_on: Set(Some(signed)),
                agreement: Set(Some(json(&agreement)?)),
                signed_on: Set(Some(signed)),
                ended_on: Set(ended),
                end_reason: Set(reason.map(|r| r.code().into())),
                end_note: Set(None),
                created_at: Set(noon(proposed)),
                updated_at: Set(now),
            });
            let last = ended.unwrap_or(today);
            let life = (last - signed).num_days().max(0);
            lives.push((duo_id, signed, life));
            for months in [3u32, 12] {
                let due = signed
                    .checked_add_months(chrono::Months::new(months))
                    .unwrap_or(signed);
                if due < last && due < today {
                    let held = rng.gen_bool(0.85).then(|| due + days(rng.gen_range(0..14)));
                    evaluations.push(evaluation::ActiveModel {
                        duo_id: Set(duo_id),
                        due_on: Set(due),
                        held_on: Set(held.filter(|h| *h < today)),
                        outcome: Set(None),
                        notes: Set(String::new()),
                        recorded_by: Set(held.map(|_| coordinator)),
                        recorded_at: Set(held.map(noon)),
                        ..Default::default()
                    });
                }
            }
            match (ended, reason) {
                (None, _) => status = ParticipantStatus::InDuo,
                (Some(end), Some(EndReason::NoClick)) => {
                    // Nobody's fault: back on the list, and then closed a while later.
                    changes.push(change(subject::PARTICIPANT, id, Some(in_duo), waiting, end));
                    let room = (today - end).num_days().clamp(1, 200);
                    let closed = end + days(rng.gen_range(0..room));
                    changes.push(closing(id, waiting, closed, &mut rng));
                    status = ParticipantStatus::Closed;
                }
                (Some(end), _) => {
                    changes.push(change(
                        subject::PARTICIPANT,
                        id,
                        Some(in_duo),
                        ParticipantStatus::Closed.code(),
                        end,
                    ));
                    status = ParticipantStatus::Closed;
                }
            }
            duo_id += 1;
        }
        participants.push(participant::ActiveModel {
            id: Set(id),
            first_name: Set(p.first_name.clone()),
            last_name: Set(p.last_name.clone()),
            birth_date: Set(p.birth_date),
            gender: Set(p.gender.code().into()),
            municipality_id: Set(places
                .get(i % places.len().max(1))
                .copied()
                .unwrap_or(p.municipality_id) as i32),
            profile: Set(json(&p)?),
            status: Set(status.code().into()),
            created_at: Set(noon(course.intake)),
            updated_at: Set(now),
            version: Set(1),
            intake_date: Set(course.intake),
            waiting_since: Set(course.intake),
            referral_organisation_id: Set(None),
            referral_contact: Set(String::new()),
            support_contact: Set(String::new()),
            consent: Set(json(&consent(course.intake))?),
            coordinator_notes: Set(String::new()),
            last_contact_on: Set(Some(course.intake)),
            erased_on: Set(None),
            erasure_reason: Set(None),
            retention_hold_until: Set(None),
            retention_hold_reason: Set(None),
        });
    }
    let together: i64 = lives.iter().map(|l| l.2).sum::<i64>().max(1);
    for (duo_id, signed, life) in lives {
        let count = (size.activities as f64 * life as f64 / together as f64).round() as i64;
        for k in 0..count {
            // Unevenly spaced, as life goes: now and then a duo goes quiet for a while.
            let even = life * (k + 1) / (count + 1);
            let day = signed + days((even + rng.gen_range(-12..12)).clamp(0, life));
            let mood: i16 = *[5, 4, 4, 4, 3, 3, 2, 1].choose(&mut rng).unwrap_or(&4);
            activities.push(activity::ActiveModel {
                duo_id: Set(duo_id),
                kind_id: Set(*kinds.choose(&mut rng).unwrap_or(&1)),
                starts_at: Set(
                    Utc.from_utc_datetime(&day.and_hms_opt(13, 0, 0).unwrap_or_default())
                ),
                duration_minutes: Set(120),
                place: Set(String::new()),
                note: Set(String::new()),
                status: Set(ActivityStatus::Done.code().into()),
                cancel_reason: Set(None),
                confirmed_at: Set(Some(noon(day))),
                checkin_mood: Set(rng.gen_bool(0.8).then_some(mood)),
                checkin_note: Set(None),
                planned_by: Set(None),
                version: Set(1),
                created_at: Set(noon(day)),
                updated_at: Set(noon(day)),
                ..Default::default()
            });
        }
    }
    insert_all(db, participants).await?;
    insert_all(db, buddies).await?;
    insert_all(db, duos).await?;
    insert_all(db, changes).await?;
    insert_all(db, activities).await?;
    insert_all(db, evaluations).await?;
    intervision(db, &mut rng, start, today, &approved_buddies, coordinator).await?;
    crate::db::reset_sequences(db, &["participant", "buddy", "duo", "event"]).await?;
    Ok(())
}

/// Intervision with the partner every second month, until a month ago: the buddies
/// approved and not stopped by then are invited, about half come.
async fn intervision(
    db: &impl ConnectionTrait,
    rng: &mut StdRng,
    start: NaiveDate,
    today: NaiveDate,
    buddies: &[(i32, NaiveDate, Option<NaiveDate>)],
    coordinator: i32,
) -> Result<(), AppError> {
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT CAST(COALESCE(MAX(id), 0) + 1 AS BIGINT) AS n FROM event",
        ))
        .await?
        .ok_or_else(|| AppError::internal("no max id"))?;
    let mut event_id = row.try_get::<i64>("", "n")? as i32;
    let (mut events, mut seats) = (Vec::new(), Vec::new());
    let mut on = start + days(45);
    while on < today - days(30) {
        // 19:00 in Brussels is 18:00 UTC in winter, 17:00 in summer: 17:30 is the evening.
        let at =
            |h: u32, m: u32| Utc.from_utc_datetime(&on.and_hms_opt(h, m, 0).unwrap_or_default());
        events.push(event::ActiveModel {
            id: Set(event_id),
            kind: Set(EventKind::Intervision.code().into()),
            kind_name: Set(None),
            title: Set("Intervisie".into()),
            description: Set(String::new()),
            place: Set("Mechelen".into()),
            link: Set(String::new()),
            starts_at: Set(at(17, 30)),
            ends_at: Set(at(19, 30)),
            capacity: Set(None),
            organiser: Set(Organiser::Both.code().into()),
            answers_open: Set(false),
            cancelled: Set(false),
            series_id: Set(None),
            code: Set(None),
            created_by: Set(Some(coordinator)),
            created_at: Set(at(9, 0) - chrono::Duration::days(30)),
            version: Set(1),
        });
        for (buddy_id, _, _) in buddies
            .iter()
            .filter(|(_, approved, stopped)| *approved <= on && stopped.is_none_or(|s| s > on))
        {
            let attended = rng.gen_bool(0.5);
            let answer = if attended || rng.gen_bool(0.2) {
                Some(Answer::Yes)
            } else {
                [None, Some(Answer::No), Some(Answer::Maybe)]
                    .choose(rng)
                    .copied()
                    .flatten()
            };
            seats.push(event_invitation::ActiveModel {
                event_id: Set(event_id),
                buddy_id: Set(Some(*buddy_id)),
                participant_id: Set(None),
                answer: Set(answer.map(|a| a.code().into())),
                answered_at: Set(answer.map(|_| at(9, 0) - chrono::Duration::days(7))),
                yes_since: Set(
                    (answer == Some(Answer::Yes)).then(|| at(9, 0) - chrono::Duration::days(7))
                ),
                attended: Set(attended),
                invited_at: Set(at(9, 0) - chrono::Duration::days(21)),
                invited_by: Set(Some(coordinator)),
                offer_until: Set(None),
                link_hash: Set(None),
                link_expires_at: Set(None),
                link_used_at: Set(None),
                ..Default::default()
            });
        }
        event_id += 1;
        on = on
            .checked_add_months(chrono::Months::new(2))
            .unwrap_or(today);
    }
    insert_all(db, events).await?;
    insert_all(db, seats).await
}

/// A value as the JSON its column holds.
fn json<T: serde::Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(AppError::internal)
}

/// Dates a demo participant's status changes on their intake day instead of today.
pub async fn backdate_participant(
    db: &impl ConnectionTrait,
    id: i32,
    intake: NaiveDate,
) -> Result<(), AppError> {
    use sea_orm::{ColumnTrait, QueryFilter, sea_query::Expr};
    status_change::Entity::update_many()
        .col_expr(status_change::Column::At, Expr::value(noon(intake)))
        .filter(status_change::Column::SubjectKind.eq(subject::PARTICIPANT))
        .filter(status_change::Column::SubjectId.eq(id))
        .exec(db)
        .await?;
    Ok(())
}
