//! The retention job: once a day (the first instance to claim the day runs it), anonymise
//! every record whose retention period ran out and that no coordinator holds back, then
//! empty old check-in notes and mails and remove old audit rows, and log what it did.
//!
//! One transaction per person: a run stopped halfway (its instance killed) leaves every
//! record whole, and another instance takes the day's run over once its lease
//! (`retention::RUN_LEASE`) ran out and finds what is still due. A record changed since it
//! was read (a coordinator's edit, another instance's erasure) is skipped and found again the
//! next day. Logs name records by id only.

use app::db::retention::{self, Swept};
use app::domain::audit::AuditAction;
use app::domain::privacy::{ErasureReason, PersonKind};
use app::domain::time::local_date;
use app::error::AppError;
use app::state::AppState;

/// What one run did; `None` from [`run_due`] when another instance has today's run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Run {
    pub participants: u32,
    pub buddies: u32,
    pub swept: Swept,
}

pub async fn run_due(state: &AppState) -> Result<Option<Run>, AppError> {
    let now = state.clock.now();
    let tz = state.config.time_zone;
    let today = local_date(now, tz);
    let db = &state.db;
    let Some(run_id) = retention::claim_run(db, today, now).await? else {
        return Ok(None);
    };
    let (settings, _) = retention::settings(db).await?;
    let mut run = Run::default();
    for case in retention::cases(db, &settings, tz).await? {
        if !case.is_due(today) {
            continue;
        }
        let kind = case.category.kind();
        let txn = state.begin().await?;
        let name = app::db::privacy::new_pseudonym();
        let erased = app::db::privacy::erase(
            &txn,
            kind,
            case.id,
            case.version,
            ErasureReason::Retention,
            &name,
            today,
            now,
        )
        .await;
        match erased {
            Ok(()) => {
                app::audit::record(
                    state,
                    &txn,
                    None,
                    AuditAction::Erase,
                    Some(kind.record(case.id).parts()),
                )
                .await?;
                txn.commit().await?;
                match kind {
                    PersonKind::Participant => run.participants += 1,
                    PersonKind::Buddy => run.buddies += 1,
                }
            }
            Err(AppError::Conflict | AppError::ErasureRefused(_) | AppError::NotFound) => {
                txn.rollback().await?;
                tracing::info!(
                    id = case.id,
                    kind = kind.code(),
                    "retention: record changed meanwhile; tomorrow again"
                );
            }
            Err(error) => return Err(error),
        }
    }
    run.swept = retention::sweep(db, &settings, now, today, tz).await?;
    retention::finish_run(
        db,
        run_id,
        run.participants,
        run.buddies,
        run.swept,
        state.clock.now(),
    )
    .await?;
    tracing::info!(
        participants = run.participants,
        buddies = run.buddies,
        checkin_notes = run.swept.checkin_notes,
        mail_bodies = run.swept.mail_bodies,
        audit_rows = run.swept.audit_rows,
        "retention run finished"
    );
    Ok(Some(run))
}
