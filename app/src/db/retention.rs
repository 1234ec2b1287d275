//! Retention (see `domain::retention`): the settings, which records fall due and when, a
//! coordinator's hold, the sweeps of old notes, mails and log rows, and the log of the daily
//! job's runs (one per day, claimed by the first instance).

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, SqlErr,
};

use super::entities::{
    activity, audit_log, buddy, outbox, participant, retention_run, status_change,
};
use crate::domain::audit::kind as subject;
use crate::domain::mail::MailStatus;
use crate::domain::people::{BuddyStatus, ParticipantStatus};
use crate::domain::privacy::PersonKind;
use crate::domain::retention::{
    DueCase, HoldReason, Retention, RetentionCategory, RunLog, cutoff_months, months_after,
};
use crate::domain::time::local_date;
use crate::error::AppError;

/// The admins' retention periods and their version; the defaults while never saved.
pub async fn settings(db: &impl ConnectionTrait) -> Result<(Retention, Option<i32>), AppError> {
    Ok(
        match super::settings::get(db, super::settings::RETENTION).await? {
            Some(s) => (
                serde_json::from_str(&s.value).unwrap_or_default(),
                Some(s.version),
            ),
            None => (Retention::default(), None),
        },
    )
}

/// The day each person's period started: their last change to `to`, as a date in `tz`.
async fn since(
    db: &impl ConnectionTrait,
    kind: &str,
    to: &str,
    ids: Vec<i32>,
    tz: Tz,
) -> Result<HashMap<i32, NaiveDate>, AppError> {
    let mut last: HashMap<i32, DateTime<Utc>> = HashMap::new();
    for chunk in ids.chunks(1_000) {
        let rows: Vec<(i32, DateTime<Utc>)> = status_change::Entity::find()
            .select_only()
            .column(status_change::Column::SubjectId)
            .column(status_change::Column::At)
            .filter(status_change::Column::SubjectKind.eq(kind))
            .filter(status_change::Column::ToStatus.eq(to))
            .filter(status_change::Column::SubjectId.is_in(chunk.to_vec()))
            .into_tuple()
            .all(db)
            .await?;
        for (id, at) in rows {
            let e = last.entry(id).or_insert(at);
            if at > *e {
                *e = at;
            }
        }
    }
    Ok(last
        .into_iter()
        .map(|(id, at)| (id, local_date(at, tz)))
        .collect())
}

/// Every record the retention periods apply to (closed participants, candidates not
/// approved, stopped buddies; never one already erased), with its due day, soonest first.
pub async fn cases(
    db: &impl ConnectionTrait,
    r: &Retention,
    tz: Tz,
) -> Result<Vec<DueCase>, AppError> {
    let mut out = Vec::new();
    let closed = participant::Entity::find()
        .filter(participant::Column::Status.eq(ParticipantStatus::Closed.code()))
        .filter(participant::Column::ErasedOn.is_null())
        .all(db)
        .await?;
    let dates = since(
        db,
        subject::PARTICIPANT,
        ParticipantStatus::Closed.code(),
        closed.iter().map(|p| p.id).collect(),
        tz,
    )
    .await?;
    for p in closed {
        let from = dates
            .get(&p.id)
            .copied()
            .unwrap_or_else(|| local_date(p.updated_at, tz));
        out.push(case(
            RetentionCategory::ClosedParticipant,
            r,
            p.id,
            format!("{} {}", p.first_name, p.last_name),
            from,
            p.retention_hold_until,
            p.retention_hold_reason.as_deref(),
            p.version,
        )?);
    }
    for (category, status) in [
        (RetentionCategory::Candidate, BuddyStatus::NotApproved),
        (RetentionCategory::StoppedBuddy, BuddyStatus::Stopped),
    ] {
        let rows = buddy::Entity::find()
            .filter(buddy::Column::Status.eq(status.code()))
            .filter(buddy::Column::ErasedOn.is_null())
            .all(db)
            .await?;
        let dates = since(
            db,
            subject::BUDDY,
            status.code(),
            rows.iter().map(|b| b.id).collect(),
            tz,
        )
        .await?;
        for b in rows {
            let from = dates
                .get(&b.id)
                .copied()
                .unwrap_or_else(|| local_date(b.updated_at, tz));
            out.push(case(
                category,
                r,
                b.id,
                format!("{} {}", b.first_name, b.last_name),
                from,
                b.retention_hold_until,
                b.retention_hold_reason.as_deref(),
                b.version,
            )?);
        }
    }
    out.sort_by_key(|c| (c.erased_from(), c.id));
    Ok(out)
}

#[allow(clippy::too_many_arguments)] // one case, field by field
fn case(
    category: RetentionCategory,
    r: &Retention,
    id: i32,
    name: String,
    since: NaiveDate,
    held_until: Option<NaiveDate>,
    hold_reason: Option<&str>,
    version: i32,
) -> Result<DueCase, AppError> {
    let table = match category.kind() {
        PersonKind::Participant => "participant",
        PersonKind::Buddy => "buddy",
    };
    Ok(DueCase {
        category,
        id,
        name,
        since,
        due_on: months_after(since, category.months(r)),
        held_until,
        hold_reason: super::decode_opt(table, "retention_hold_reason", hold_reason)?,
        version,
    })
}

/// Holds record `kind` `id` back from the job until `until`; an erased record cannot be held.
pub async fn hold(
    db: &impl ConnectionTrait,
    kind: PersonKind,
    id: i32,
    until: NaiveDate,
    reason: HoldReason,
) -> Result<(), AppError> {
    let affected = match kind {
        PersonKind::Participant => {
            participant::Entity::update_many()
                .col_expr(participant::Column::RetentionHoldUntil, Expr::value(until))
                .col_expr(
                    participant::Column::RetentionHoldReason,
                    Expr::value(reason.code()),
                )
                .filter(participant::Column::Id.eq(id))
                .filter(participant::Column::ErasedOn.is_null())
                .exec(db)
                .await?
                .rows_affected
        }
        PersonKind::Buddy => {
            buddy::Entity::update_many()
                .col_expr(buddy::Column::RetentionHoldUntil, Expr::value(until))
                .col_expr(
                    buddy::Column::RetentionHoldReason,
                    Expr::value(reason.code()),
                )
                .filter(buddy::Column::Id.eq(id))
                .filter(buddy::Column::ErasedOn.is_null())
                .exec(db)
                .await?
                .rows_affected
        }
    };
    if affected == 1 {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// What the sweeps emptied or removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub checkin_notes: u64,
    pub mail_bodies: u64,
    pub audit_rows: u64,
}

/// Empties check-in notes, mails (address, subject, text) and removes audit rows older than
/// their periods. Each is one statement: a run stopped between two leaves no half-done row.
pub async fn sweep(
    db: &impl ConnectionTrait,
    r: &Retention,
    now: DateTime<Utc>,
    today: NaiveDate,
    tz: Tz,
) -> Result<Swept, AppError> {
    let start_of = |d: NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .and_then(|t| t.and_local_timezone(tz).earliest())
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or(now)
    };
    let notes_before = start_of(cutoff_months(today, r.checkin_note_months));
    let checkin_notes = activity::Entity::update_many()
        .col_expr(activity::Column::CheckinNote, Expr::value(""))
        .filter(activity::Column::StartsAt.lt(notes_before))
        .filter(activity::Column::CheckinNote.is_not_null())
        .filter(activity::Column::CheckinNote.ne(""))
        .exec(db)
        .await?
        .rows_affected;
    let mails_before = now - Duration::days(i64::from(r.mail_body_days));
    let mail_bodies = outbox::Entity::update_many()
        .col_expr(outbox::Column::ToAddress, Expr::value(""))
        .col_expr(outbox::Column::Subject, Expr::value(""))
        .col_expr(outbox::Column::Body, Expr::value(""))
        .filter(outbox::Column::CreatedAt.lt(mails_before))
        .filter(outbox::Column::Status.is_in([MailStatus::Sent.code(), MailStatus::Failed.code()]))
        .filter(
            outbox::Column::Body
                .ne("")
                .or(outbox::Column::ToAddress.ne("")),
        )
        .exec(db)
        .await?
        .rows_affected;
    let audit_before = start_of(cutoff_months(today, r.audit_log_months));
    let audit_rows = audit_log::Entity::delete_many()
        .filter(audit_log::Column::At.lt(audit_before))
        .exec(db)
        .await?
        .rows_affected;
    Ok(Swept {
        checkin_notes,
        mail_bodies,
        audit_rows,
    })
}

/// Claims the run for `day`: `Some(id)` for the first instance that asks, `None` for the
/// others (another instance ran, or is running, that day's job), unless that run was left
/// unfinished for longer than [`RUN_LEASE`]: then the first to ask takes it over.
pub async fn claim_run(
    db: &impl ConnectionTrait,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Option<i32>, AppError> {
    let row = retention_run::ActiveModel {
        day: Set(day),
        started_at: Set(now),
        finished_at: Set(None),
        participants: Set(0),
        buddies: Set(0),
        checkin_notes: Set(0),
        mail_bodies: Set(0),
        audit_rows: Set(0),
        ..Default::default()
    };
    match retention_run::Entity::insert(row).exec(db).await {
        Ok(r) => Ok(Some(r.last_insert_id)),
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            take_over_run(db, day, now).await
        }
        Err(e) => Err(e.into()),
    }
}

/// How long a claimed run may stay unfinished before another instance takes it over (its
/// instance died under way). Runs are safe to repeat: erasures are written over the version
/// that was read, the sweeps only touch what is still due.
pub const RUN_LEASE: Duration = Duration::minutes(15);

/// Today's run if its instance claimed it longer than [`RUN_LEASE`] ago and never finished:
/// one conditional update, so that of several instances only one takes it over.
async fn take_over_run(
    db: &impl ConnectionTrait,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Option<i32>, AppError> {
    let taken = retention_run::Entity::update_many()
        .col_expr(retention_run::Column::StartedAt, Expr::value(now))
        .filter(retention_run::Column::Day.eq(day))
        .filter(retention_run::Column::FinishedAt.is_null())
        .filter(retention_run::Column::StartedAt.lt(now - RUN_LEASE))
        .exec(db)
        .await?;
    if taken.rows_affected != 1 {
        return Ok(None);
    }
    let id: Option<i32> = retention_run::Entity::find()
        .select_only()
        .column(retention_run::Column::Id)
        .filter(retention_run::Column::Day.eq(day))
        .into_tuple()
        .one(db)
        .await?;
    Ok(id)
}

/// Records what run `id` did, and that it finished.
pub async fn finish_run(
    db: &impl ConnectionTrait,
    id: i32,
    participants: u32,
    buddies: u32,
    swept: Swept,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let n = |v: u64| i32::try_from(v).unwrap_or(i32::MAX);
    retention_run::Entity::update_many()
        .col_expr(retention_run::Column::FinishedAt, Expr::value(now))
        .col_expr(
            retention_run::Column::Participants,
            Expr::value(n(participants.into())),
        )
        .col_expr(
            retention_run::Column::Buddies,
            Expr::value(n(buddies.into())),
        )
        .col_expr(
            retention_run::Column::CheckinNotes,
            Expr::value(n(swept.checkin_notes)),
        )
        .col_expr(
            retention_run::Column::MailBodies,
            Expr::value(n(swept.mail_bodies)),
        )
        .col_expr(
            retention_run::Column::AuditRows,
            Expr::value(n(swept.audit_rows)),
        )
        .filter(retention_run::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// The newest runs first.
pub async fn runs(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<RunLog>, AppError> {
    let n = |v: i32| u32::try_from(v).unwrap_or(0);
    Ok(retention_run::Entity::find()
        .order_by_desc(retention_run::Column::Day)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(|r| RunLog {
            day: r.day,
            started_at: r.started_at,
            finished_at: r.finished_at,
            participants: n(r.participants),
            buddies: n(r.buddies),
            checkin_notes: n(r.checkin_notes),
            mail_bodies: n(r.mail_bodies),
            audit_rows: n(r.audit_rows),
        })
        .collect())
}
