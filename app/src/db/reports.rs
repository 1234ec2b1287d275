//! The facts behind the reports (`domain::report`): dates, codes and counts, read with only
//! the columns they need (no names, no notes), in one query per kind of fact.

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::entities::{activity, buddy, duo, evaluation, participant, status_change};
use crate::domain::audit::kind as subject;
use crate::domain::duo::{Agreement, EndReason, Rhythm};
use crate::domain::event::HeardVia;
use crate::domain::people::LeaveReason;
use crate::domain::profile::Gender;
use crate::domain::report::{
    ActivityFact, ActivitySummary, BuddyFact, DuoFact, EvaluationFact, IntervisionSeat,
    ParticipantFact, Period, summarise, waiting_state,
};
use crate::domain::time::{local_date, to_utc};
use crate::error::AppError;
use crate::stats::{Change, State};

/// Every duo that signed an agreement, with the participant it belongs to.
pub async fn duos(db: &impl ConnectionTrait) -> Result<Vec<(i32, DuoFact)>, AppError> {
    type Row = (
        i32,
        i32,
        i32,
        Option<NaiveDate>,
        Option<NaiveDate>,
        Option<String>,
        i32,
        Option<String>,
    );
    let rows: Vec<Row> = duo::Entity::find()
        .select_only()
        .columns([
            duo::Column::Id,
            duo::Column::ParticipantId,
            duo::Column::BuddyId,
            duo::Column::SignedOn,
            duo::Column::EndedOn,
            duo::Column::EndReason,
            duo::Column::Score,
            duo::Column::Agreement,
        ])
        .filter(duo::Column::SignedOn.is_not_null())
        .order_by_asc(duo::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(id, participant, buddy_id, signed, ended, reason, score, agreement)| {
                let rhythm = agreement
                    .and_then(|a| serde_json::from_str::<Agreement>(&a).ok())
                    .map_or_else(Rhythm::default, |a| a.rhythm);
                Some((
                    participant,
                    DuoFact {
                        id,
                        buddy_id,
                        signed_on: signed?,
                        ended_on: ended,
                        // An unknown stored reason still counts as an ending, as "other".
                        end_reason: reason
                            .map(|r| EndReason::from_code(&r).unwrap_or(EndReason::Other)),
                        score,
                        rhythm,
                    },
                ))
            },
        )
        .collect())
}

/// Status changes of participants, oldest first, dated in the programme's time zone, with
/// their status code and the reason of a closing.
pub async fn participant_changes(
    db: &impl ConnectionTrait,
    tz: Tz,
) -> Result<Vec<(Change, String, Option<LeaveReason>)>, AppError> {
    let rows: Vec<(i32, String, DateTime<Utc>, Option<String>)> = status_change::Entity::find()
        .select_only()
        .columns([
            status_change::Column::SubjectId,
            status_change::Column::ToStatus,
            status_change::Column::At,
            status_change::Column::Reason,
        ])
        .filter(status_change::Column::SubjectKind.eq(subject::PARTICIPANT))
        .order_by_asc(status_change::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(person, to, at, reason)| {
            let change = Change {
                person: i64::from(person),
                on: local_date(at, tz),
                to: waiting_state(&to),
            };
            // An unknown stored reason counts as "other" rather than failing the report.
            let reason = reason.map(|r| LeaveReason::from_code(&r).unwrap_or(LeaveReason::Other));
            (change, to, reason)
        })
        .collect())
}

/// The participants with their first agreement and, for those who left without one, the
/// day they left; and the status changes for the weekly waiting list.
pub async fn participants(
    db: &impl ConnectionTrait,
    duos: &[(i32, DuoFact)],
    tz: Tz,
) -> Result<(Vec<ParticipantFact>, Vec<Change>), AppError> {
    let rows: Vec<(i32, i32, String, NaiveDate)> = participant::Entity::find()
        .select_only()
        .columns([
            participant::Column::Id,
            participant::Column::MunicipalityId,
            participant::Column::Gender,
            participant::Column::IntakeDate,
        ])
        .order_by_asc(participant::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let mut first_agreement: HashMap<i32, NaiveDate> = HashMap::new();
    for (person, d) in duos {
        let e = first_agreement.entry(*person).or_insert(d.signed_on);
        *e = (*e).min(d.signed_on);
    }
    let changes = participant_changes(db, tz).await?;
    let mut left: HashMap<i32, (NaiveDate, Option<LeaveReason>)> = HashMap::new();
    for (c, _, reason) in &changes {
        let person = c.person as i32;
        if c.to == State::Left && first_agreement.get(&person).is_none_or(|a| *a > c.on) {
            left.entry(person).or_insert((c.on, *reason));
        }
    }
    let people = rows
        .into_iter()
        .map(|(id, municipality, gender, intake)| ParticipantFact {
            id,
            municipality_id: i64::from(municipality),
            // An unknown stored gender is shown as "x" rather than failing the report.
            gender: Gender::from_code(&gender).unwrap_or(Gender::X),
            intake_on: intake,
            first_agreement_on: first_agreement.get(&id).copied(),
            left_on: left.get(&id).map(|l| l.0),
            left_reason: left.get(&id).and_then(|l| l.1),
        })
        .collect();
    Ok((people, changes.into_iter().map(|(c, _, _)| c).collect()))
}

/// The activities up to the period's end, summarised by the rule of
/// `domain::report::summarise` (counts per month and check-in, each duo's first and last
/// activity and its long silences). Ten years hold 100,000 activities: they come as one
/// list per duo (2,000 rows of text, `day/mood,…`) rather than a row each, which costs
/// sqlx a thread switch per row on SQLite; a `LAG` window and a count per month did the
/// same in SQL at several times the cost. PostgreSQL dates them in the programme's
/// calendar itself; SQLite hands over the stored instants, dated here.
pub async fn activity_summary(
    db: &impl ConnectionTrait,
    period: Period,
    tz: Tz,
    min_gap: u32,
) -> Result<ActivitySummary, AppError> {
    use sea_orm::{DbBackend, Statement, Value};

    let backend = db.get_database_backend();
    let postgres = backend == DbBackend::Postgres;
    let end = to_utc(
        (period.to + Days::new(1))
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default(),
        tz,
    );
    let done = crate::domain::activity::ActivityStatus::Done.code();
    let (sql, values) = if postgres {
        (
            "SELECT duo_id, string_agg(to_char(starts_at AT TIME ZONE $1, 'YYYY-MM-DD') \
                 || '/' || COALESCE(CAST(checkin_mood AS TEXT), ''), ',') \
             FROM activity WHERE status = $2 AND starts_at < $3 GROUP BY duo_id",
            vec![Value::from(tz.name()), Value::from(done), Value::from(end)],
        )
    } else {
        (
            "SELECT duo_id, group_concat(starts_at || '/' || COALESCE(checkin_mood, ''), ',') \
             FROM activity WHERE status = ? AND starts_at < ? GROUP BY duo_id",
            vec![Value::from(done), Value::from(end)],
        )
    };
    let unreadable = || AppError::internal("an activity's time unreadable");
    let mut activities = Vec::new();
    for row in db
        .query_all_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?
    {
        let duo_id: i32 = row.try_get_by_index(0)?;
        let list: String = row.try_get_by_index(1)?;
        for item in list.split(',') {
            let (at, mood) = item.split_once('/').ok_or_else(unreadable)?;
            let on = if postgres {
                NaiveDate::parse_from_str(at, "%Y-%m-%d").ok()
            } else {
                DateTime::parse_from_rfc3339(at)
                    .ok()
                    .map(|at| local_date(at.with_timezone(&Utc), tz))
            };
            activities.push(ActivityFact {
                duo_id,
                on: on.ok_or_else(unreadable)?,
                mood: mood.parse().ok(),
            });
        }
    }
    Ok(summarise(&activities, period, min_gap))
}

/// Activities that happened in the period, one by one, with their check-in (for the test
/// that holds `activity_summary` to `domain::report::summarise`).
pub async fn activities(
    db: &impl ConnectionTrait,
    period: Period,
    tz: Tz,
) -> Result<Vec<ActivityFact>, AppError> {
    let end_day = period.to + Days::new(1);
    let end = to_utc(end_day.and_hms_opt(0, 0, 0).unwrap_or_default(), tz);
    let rows: Vec<(i32, DateTime<Utc>, Option<i16>)> = activity::Entity::find()
        .select_only()
        .columns([
            activity::Column::DuoId,
            activity::Column::StartsAt,
            activity::Column::CheckinMood,
        ])
        .filter(activity::Column::Status.eq(crate::domain::activity::ActivityStatus::Done.code()))
        .filter(activity::Column::StartsAt.lt(end))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(duo_id, at, mood)| ActivityFact {
            duo_id,
            on: local_date(at, tz),
            mood: mood.and_then(|m| u8::try_from(m).ok()),
        })
        .collect())
}

/// Evaluation conversations planned in the period.
pub async fn evaluations(
    db: &impl ConnectionTrait,
    period: Period,
) -> Result<Vec<EvaluationFact>, AppError> {
    let rows: Vec<(NaiveDate, Option<NaiveDate>)> = evaluation::Entity::find()
        .select_only()
        .columns([evaluation::Column::DueOn, evaluation::Column::HeldOn])
        .filter(evaluation::Column::DueOn.gte(period.from))
        .filter(evaluation::Column::DueOn.lte(period.to))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(due_on, held_on)| EvaluationFact { due_on, held_on })
        .collect())
}

/// Candidate volunteers, all of them or those one screener screened.
pub async fn buddies(
    db: &impl ConnectionTrait,
    screener: Option<i32>,
    tz: Tz,
) -> Result<Vec<BuddyFact>, AppError> {
    use crate::domain::people::BuddyStatus;
    let mut query = buddy::Entity::find().select_only().columns([
        buddy::Column::Id,
        buddy::Column::AppliedOn,
        buddy::Column::Status,
        buddy::Column::ScreenerId,
        buddy::Column::ApprovedOn,
        buddy::Column::HeardVia,
    ]);
    if let Some(screener) = screener {
        query = query.filter(buddy::Column::ScreenerId.eq(screener));
    }
    // (id, applied on, status, screener, approved on, heard via)
    type Row = (
        i32,
        NaiveDate,
        String,
        Option<i32>,
        Option<NaiveDate>,
        Option<String>,
    );
    let rows: Vec<Row> = query
        .order_by_asc(buddy::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let stops: Vec<(i32, DateTime<Utc>)> = status_change::Entity::find()
        .select_only()
        .columns([status_change::Column::SubjectId, status_change::Column::At])
        .filter(status_change::Column::SubjectKind.eq(subject::BUDDY))
        .filter(status_change::Column::ToStatus.eq(BuddyStatus::Stopped.code()))
        .into_tuple()
        .all(db)
        .await?;
    let mut stopped: HashMap<i32, NaiveDate> = HashMap::new();
    for (id, at) in stops {
        stopped.insert(id, local_date(at, tz));
    }
    Ok(rows
        .into_iter()
        .map(
            |(id, applied_on, status, screener_id, approved_on, heard)| BuddyFact {
                id,
                applied_on,
                handed_to_screening: screener_id.is_some() || status != BuddyStatus::Applied.code(),
                approved_on,
                stopped_on: stopped
                    .get(&id)
                    .copied()
                    .filter(|_| status == BuddyStatus::Stopped.code()),
                heard_via: heard.as_deref().and_then(HeardVia::from_code),
            },
        )
        .collect())
}

/// The earliest intake: where "since the start" begins.
pub async fn first_intake(db: &impl ConnectionTrait) -> Result<Option<NaiveDate>, AppError> {
    let first: Option<NaiveDate> = participant::Entity::find()
        .select_only()
        .column(participant::Column::IntakeDate)
        .order_by_asc(participant::Column::IntakeDate)
        .into_tuple()
        .one(db)
        .await?;
    Ok(first)
}

/// The invitations of buddies to intervision sessions that were not cancelled, with whether
/// they came; `partner_only`: only the sessions the partner organises (alone or with us).
pub async fn intervision_seats(
    db: &impl ConnectionTrait,
    period: Period,
    partner_only: bool,
    tz: Tz,
) -> Result<Vec<IntervisionSeat>, AppError> {
    use super::entities::{event, event_invitation as inv};
    use crate::domain::event::{EventKind, Organiser};

    let midnight = |day: NaiveDate| to_utc(day.and_hms_opt(0, 0, 0).unwrap_or_default(), tz);
    let mut query = event::Entity::find()
        .select_only()
        .columns([event::Column::Id, event::Column::StartsAt])
        .filter(event::Column::Kind.eq(EventKind::Intervision.code()))
        .filter(event::Column::Cancelled.eq(false))
        .filter(event::Column::StartsAt.gte(midnight(period.from)))
        .filter(event::Column::StartsAt.lt(midnight(period.to + Days::new(1))));
    if partner_only {
        let with_partner: Vec<&str> = Organiser::ALL
            .into_iter()
            .filter(|o| o.with_partner())
            .map(|o| o.code())
            .collect();
        query = query.filter(event::Column::Organiser.is_in(with_partner));
    }
    let sessions: HashMap<i32, NaiveDate> = query
        .into_tuple::<(i32, DateTime<Utc>)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, at)| (id, local_date(at, tz)))
        .collect();
    let ids: Vec<i32> = sessions.keys().copied().collect();
    let mut seats = Vec::new();
    // A few sessions a year: the chunks keep the bound values under the databases' limits.
    for chunk in ids.chunks(500) {
        let rows: Vec<(i32, Option<i32>, bool)> = inv::Entity::find()
            .select_only()
            .columns([
                inv::Column::EventId,
                inv::Column::BuddyId,
                inv::Column::Attended,
            ])
            .filter(inv::Column::EventId.is_in(chunk.to_vec()))
            .filter(inv::Column::BuddyId.is_not_null())
            .into_tuple()
            .all(db)
            .await?;
        seats.extend(rows.into_iter().filter_map(|(event_id, buddy, attended)| {
            Some(IntervisionSeat {
                event_id,
                on: *sessions.get(&event_id)?,
                buddy_id: buddy?,
                attended,
            })
        }));
    }
    Ok(seats)
}
