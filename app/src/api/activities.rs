//! Activities: the buddy plans, moves, cancels and confirms them on their phone and checks
//! in afterwards; coordinators watch each active duo's cadence and read its activities.
//!
//! A buddy only ever reaches their own duos: someone else's duo or activity answers
//! `NotFound`, as if it did not exist. What a buddy receives of a participant is what the
//! participant agreed to share, nothing more.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::domain::activity::{CancelForm, CheckInForm, PlanForm};
use crate::domain::offline::{self, Answer, KeepsOffline, KeptAnswer};
use crate::error::AppError;

// The read models live in `domain` (db builds them); these paths keep working.
pub use crate::domain::activity_view::{
    ActivityPage, ActivityView, BuddyDuo, BuddyHome, CadenceRow, CadenceWatch, PlanPage,
    RECENT_ON_HOME, SharedParticipant, StaffActivity,
};

#[server(name = BuddyHomeFn, endpoint = "buddy_home")]
pub async fn buddy_home() -> Result<BuddyHome, AppError> {
    let cx = Ctx::authorize::<BuddyHomeFn>().await?;
    server::home(&cx).await
}

/// The plan form for the buddy's duo `duo_id`.
#[server(name = PlanPageFn, endpoint = "plan_page")]
pub async fn plan_page(duo_id: i32) -> Result<PlanPage, AppError> {
    let cx = Ctx::authorize::<PlanPageFn>().await?;
    let duo = server::own_duo(&cx, duo_id).await?;
    let with = crate::db::activities::shared_first_name(&cx.state.db, &duo).await?;
    Ok(PlanPage {
        duo_id: duo.id,
        with,
        kinds: crate::db::activities::kinds(&cx.state.db).await?,
        now: server::now_local(&cx),
        answer_key: crate::auth::token::new_token(),
    })
}

/// One of the buddy's activities.
#[server(endpoint = "get_activity")]
pub async fn get_activity(id: i32) -> Result<ActivityPage, AppError> {
    let cx = Ctx::authorize::<GetActivity>().await?;
    let activity = server::own_activity(&cx, id).await?;
    let duo = server::own_duo(&cx, activity.duo_id).await?;
    let with = crate::db::activities::shared_first_name(&cx.state.db, &duo).await?;
    let kinds = crate::db::activities::kinds(&cx.state.db).await?;
    Ok(ActivityPage {
        activity: crate::db::activities::view(&activity, &kinds, cx.state.config.time_zone)?,
        with,
        kinds,
        now: server::now_local(&cx),
        answer_key: crate::auth::token::new_token(),
    })
}

/// Plans an activity for the buddy's active duo; answers the new activity's id.
#[server(endpoint = "plan_activity")]
pub async fn plan_activity(
    duo_id: i32,
    form: PlanForm,
    key: Option<String>,
    next: Option<String>,
) -> Result<i32, AppError> {
    let result = server::plan(duo_id, &form, key.as_deref()).await;
    let result = crate::api::drafts::settle(
        crate::api::drafts::DraftForm::PlanActivity(duo_id),
        &form,
        result,
    )
    .await;
    server::redirect_on_success(&result, next);
    result
}

/// Moves a planned activity read at `version` to another time, kind or place.
#[server(endpoint = "reschedule_activity")]
pub async fn reschedule_activity(
    id: i32,
    version: i32,
    form: PlanForm,
    key: Option<String>,
    next: Option<String>,
) -> Result<(), AppError> {
    let result = server::reschedule(id, version, &form, key.as_deref()).await;
    let result = crate::api::drafts::settle(
        crate::api::drafts::DraftForm::RescheduleActivity(id),
        &form,
        result,
    )
    .await;
    server::redirect_on_success(&result, next);
    result
}

/// Cancels a planned activity, with a reason.
#[server(endpoint = "cancel_activity")]
pub async fn cancel_activity(
    id: i32,
    version: i32,
    form: CancelForm,
    key: Option<String>,
    next: Option<String>,
) -> Result<(), AppError> {
    let result = server::cancel(id, version, &form, key.as_deref()).await;
    let result = crate::api::drafts::settle(
        crate::api::drafts::DraftForm::CancelActivity(id),
        &form,
        result,
    )
    .await;
    server::redirect_on_success(&result, next);
    result
}

/// Says that a planned activity whose time has passed happened.
#[server(endpoint = "confirm_activity")]
pub async fn confirm_activity(
    id: i32,
    version: i32,
    key: Option<String>,
    next: Option<String>,
) -> Result<(), AppError> {
    let result = server::confirm(id, version, key.as_deref()).await;
    server::redirect_on_success(&result, next);
    result
}

impl KeepsOffline for ConfirmActivity {
    const ANSWER: &'static str = offline::CONFIRM;
    fn kept(&self, about: &ActivityView) -> KeptAnswer {
        kept(about, self.version, &self.key, Answer::Confirm)
    }
}

impl KeepsOffline for CancelActivity {
    const ANSWER: &'static str = offline::CANCEL;
    fn kept(&self, about: &ActivityView) -> KeptAnswer {
        let form = self.form.clone();
        kept(about, self.version, &self.key, Answer::Cancel { form })
    }
}

impl KeepsOffline for CheckInActivity {
    const ANSWER: &'static str = offline::CHECK_IN;
    fn kept(&self, about: &ActivityView) -> KeptAnswer {
        let form = self.form.clone();
        kept(about, self.version, &self.key, Answer::CheckIn { form })
    }
}

/// An answer to `about` as the phone keeps it, given on `version` of the activity.
fn kept(about: &ActivityView, version: i32, key: &Option<String>, answer: Answer) -> KeptAnswer {
    KeptAnswer {
        activity_id: about.id,
        version,
        key: key.clone(),
        kind: about.kind.clone(),
        starts_at: about.starts_at,
        answer,
    }
}

/// The check-in after a confirmed activity: how it went, and a note for the coordinator.
#[server(endpoint = "check_in_activity")]
pub async fn check_in_activity(
    id: i32,
    version: i32,
    form: CheckInForm,
    key: Option<String>,
    next: Option<String>,
) -> Result<(), AppError> {
    let result = server::check_in(id, version, &form, key.as_deref()).await;
    let result =
        crate::api::drafts::settle(crate::api::drafts::DraftForm::CheckIn(id), &form, result).await;
    server::redirect_on_success(&result, next);
    result
}

#[server(name = CadenceWatchFn, endpoint = "cadence_watch")]
pub async fn cadence_watch() -> Result<CadenceWatch, AppError> {
    let cx = Ctx::authorize::<CadenceWatchFn>().await?;
    crate::db::activities::cadence_watch(&cx.state.db, cx.state.config.time_zone, cx.now).await
}

/// The activities of duo `duo_id`, latest first; a read of the participant's record.
#[server(endpoint = "duo_activities")]
pub async fn duo_activities(duo_id: i32) -> Result<Vec<StaffActivity>, AppError> {
    let cx = Ctx::authorize::<DuoActivities>().await?;
    server::staff_activities(&cx, duo_id).await
}

/// The margin (days on top of a duo's rhythm) before the watch flags a duo.
#[server(endpoint = "cadence_margin")]
pub async fn cadence_margin() -> Result<(u32, Option<i32>), AppError> {
    let cx = Ctx::authorize::<CadenceMargin>().await?;
    crate::db::activities::margin(&cx.state.db).await
}

/// Saves the margin over the version read.
#[server(endpoint = "save_cadence_margin")]
pub async fn save_cadence_margin(days: String, version: Option<i32>) -> Result<(), AppError> {
    use crate::domain::activity::CadenceMarginForm;
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<SaveCadenceMargin>().await?;
    let days = CadenceMarginForm { days }
        .check()
        .map_err(AppError::fields)?;
    let key = crate::db::settings::CADENCE_MARGIN_DAYS;
    let db = &cx.state.db;
    crate::db::settings::put(db, key, &days.to_string(), version, cx.now).await?;
    cx.audit(
        db,
        AuditAction::Update,
        Record::new(RecordKind::Setting, key),
    )
    .await?;
    // Without JavaScript the page can only say "saved" through its address.
    if crate::auth::session::is_plain_form_post() {
        leptos_axum::redirect("/admin/settings?saved=cadence_margin");
    }
    Ok(())
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use chrono::NaiveDateTime;

    use super::*;
    use crate::db::activities::{self, Activity, Change};
    use crate::db::answer_keys;
    use crate::db::entities::duo;
    use crate::db::writes::Write;
    use crate::domain::account::Role;
    use crate::domain::activity::{ActivityAction, ActivityRefusal, answer_key, check_action};
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::duo::DuoStage;
    use crate::domain::lists::Named;
    use crate::domain::time::{local_date_time, to_utc};

    pub fn now_local(cx: &Ctx) -> NaiveDateTime {
        local_date_time(cx.now, cx.state.config.time_zone)
    }

    pub fn redirect_on_success<T>(result: &Result<T, AppError>, next: Option<String>) {
        if result.is_ok()
            && let Some(next) = next.filter(|n| crate::api::is_local_path(n))
        {
            leptos_axum::redirect(&next);
        }
    }

    /// The buddy record behind a buddy's account; staff and unlinked accounts have none.
    async fn my_buddy(cx: &Ctx) -> Result<Option<i32>, AppError> {
        if cx.user.role != Role::Buddy {
            return Ok(None);
        }
        crate::db::buddies::id_of_user(&cx.state.db, cx.user.id).await
    }

    /// The buddy's own open duo `duo_id`; `NotFound` for anyone else's.
    pub async fn own_duo(cx: &Ctx, duo_id: i32) -> Result<duo::Model, AppError> {
        only_buddies(cx)?;
        crate::db::duos::find_open_of_user(&cx.state.db, duo_id, cx.user.id)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// Other roles have no duos of their own: to them a buddy's duo or activity is not there.
    fn only_buddies(cx: &Ctx) -> Result<(), AppError> {
        if cx.user.role == Role::Buddy {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }

    /// The buddy's own activity `id` (of an open duo), in one query: what a change needs.
    pub async fn own_activity(cx: &Ctx, id: i32) -> Result<Activity, AppError> {
        only_buddies(cx)?;
        activities::find_of_user(&cx.state.reads, id, cx.user.id)
            .await?
            .ok_or(AppError::NotFound)
    }

    pub async fn home(cx: &Ctx) -> Result<BuddyHome, AppError> {
        let now = now_local(cx);
        let Some(buddy_id) = my_buddy(cx).await? else {
            return Ok(BuddyHome {
                linked: false,
                first_name: cx.user.display_name.clone(),
                now,
                duos: Vec::new(),
                answer_key: String::new(),
            });
        };
        let home =
            activities::buddy_home(&cx.state.db, buddy_id, now, cx.state.config.time_zone).await?;
        Ok(BuddyHome {
            answer_key: crate::auth::token::new_token(),
            ..home
        })
    }
    fn refused(r: ActivityRefusal) -> AppError {
        match r {
            // Changed meanwhile (on another phone, or by the coordinator).
            ActivityRefusal::NotPlanned | ActivityRefusal::NoCheckIn => AppError::Conflict,
            ActivityRefusal::NotYetHappened => {
                AppError::validation("starts_at", crate::domain::validation::Problem::Invalid)
            }
        }
    }

    fn active_kind_ids(kinds: &[Named]) -> Vec<i32> {
        kinds
            .iter()
            .filter(|k| k.active)
            .filter_map(|k| i32::try_from(k.id).ok())
            .collect()
    }

    pub async fn plan(duo_id: i32, form: &PlanForm, key: Option<&str>) -> Result<i32, AppError> {
        let cx = Ctx::authorize::<PlanActivity>().await?;
        let (key, done) = applied(&cx, "plan", duo_id, key).await?;
        if let Some(id) = done {
            return Ok(id);
        }
        let duo = own_duo(&cx, duo_id).await?;
        if duo.stage != DuoStage::Active.code() {
            return Err(AppError::validation(
                "duo",
                crate::domain::validation::Problem::Invalid,
            ));
        }
        let kinds = activities::kinds(&cx.state.db).await?;
        let plan = form
            .check(&active_kind_ids(&kinds), now_local(&cx))
            .map_err(AppError::fields)?;
        let starts_at = to_utc(plan.starts_at, cx.state.config.time_zone);
        let txn = cx.begin().await?;
        let id = activities::plan(&txn, duo.id, &plan, starts_at, cx.user.id, cx.now).await?;
        if let Some(key) = &key
            && !answer_keys::record(&txn, key, cx.user.id, id, cx.now).await?
        {
            // The same plan, sent twice at the same moment: the other request made it.
            txn.rollback().await?;
            return answer_keys::applied(&cx.state.db, key, cx.user.id)
                .await?
                .ok_or(AppError::Conflict);
        }
        let record = Record::new(RecordKind::Activity, id);
        cx.audit(&txn, AuditAction::Create, record).await?;
        txn.commit().await?;
        Ok(id)
    }

    /// Checks that the buddy may do `action` to activity `id` at `version`.
    async fn allowed(
        cx: &Ctx,
        id: i32,
        version: i32,
        action: ActivityAction,
    ) -> Result<Activity, AppError> {
        let activity = own_activity(cx, id).await?;
        if activity.version != version {
            return Err(AppError::Conflict);
        }
        let status = activities::status_of(&activity)?;
        let tz = cx.state.config.time_zone;
        check_action(
            action,
            status,
            local_date_time(activity.starts_at, tz),
            activity.checkin_mood.is_some(),
            now_local(cx),
        )
        .map_err(refused)?;
        Ok(activity)
    }

    /// The answer's key scoped to what it answers (see `domain::activity::answer_key`), and
    /// the activity it was applied to already, if it was.
    async fn applied(
        cx: &Ctx,
        action: &str,
        target: i32,
        key: Option<&str>,
    ) -> Result<(Option<String>, Option<i32>), AppError> {
        let Some(key) = key else {
            return Ok((None, None));
        };
        let key = answer_key(action, target, key).map_err(|p| AppError::validation("key", p))?;
        let done = answer_keys::applied(&cx.state.db, &key, cx.user.id).await?;
        Ok((Some(key), done))
    }

    /// `None` when this answer was applied already (nothing to do); else its scoped key, if
    /// it came with one.
    async fn unanswered(
        cx: &Ctx,
        action: &str,
        id: i32,
        key: Option<&str>,
    ) -> Result<Option<Option<String>>, AppError> {
        let (key, done) = applied(cx, action, id, key).await?;
        Ok(done.is_none().then_some(key))
    }

    /// Writes one change with its audit row, and its answer's key in the same transaction (a
    /// request with the same key at the same moment leaves it to the other).
    async fn write(
        cx: &Ctx,
        id: i32,
        version: i32,
        change: Change<'_>,
        key: Option<&str>,
    ) -> Result<(), AppError> {
        let audit = cx.audit_row(AuditAction::Update, Record::new(RecordKind::Activity, id));
        let Some(key) = key else {
            let alone = Write::Alone(&cx.state.writes, &cx.state.db);
            return activities::change_audited(alone, id, version, change, cx.now, &audit).await;
        };
        let txn = cx.begin().await?;
        if !answer_keys::record(&txn, key, cx.user.id, id, cx.now).await? {
            txn.rollback().await?;
            return Ok(());
        }
        activities::change_audited(Write::In(&txn), id, version, change, cx.now, &audit).await?;
        txn.commit().await?;
        Ok(())
    }

    pub async fn reschedule(
        id: i32,
        version: i32,
        form: &PlanForm,
        key: Option<&str>,
    ) -> Result<(), AppError> {
        let cx = Ctx::authorize::<RescheduleActivity>().await?;
        let Some(key) = unanswered(&cx, "reschedule", id, key).await? else {
            return Ok(());
        };
        allowed(&cx, id, version, ActivityAction::Reschedule).await?;
        let kinds = activities::kinds(&cx.state.db).await?;
        let plan = form
            .check(&active_kind_ids(&kinds), now_local(&cx))
            .map_err(AppError::fields)?;
        let starts_at = to_utc(plan.starts_at, cx.state.config.time_zone);
        let change = Change::Reschedule {
            plan: &plan,
            starts_at,
        };
        write(&cx, id, version, change, key.as_deref()).await
    }

    pub async fn cancel(
        id: i32,
        version: i32,
        form: &CancelForm,
        key: Option<&str>,
    ) -> Result<(), AppError> {
        let cx = Ctx::authorize::<CancelActivity>().await?;
        let Some(key) = unanswered(&cx, offline::CANCEL, id, key).await? else {
            return Ok(());
        };
        allowed(&cx, id, version, ActivityAction::Cancel).await?;
        let reason = form.check().map_err(AppError::fields)?;
        let change = Change::Cancel { reason: &reason };
        write(&cx, id, version, change, key.as_deref()).await
    }

    pub async fn confirm(id: i32, version: i32, key: Option<&str>) -> Result<(), AppError> {
        let cx = Ctx::authorize::<ConfirmActivity>().await?;
        let Some(key) = unanswered(&cx, offline::CONFIRM, id, key).await? else {
            return Ok(());
        };
        allowed(&cx, id, version, ActivityAction::Confirm).await?;
        write(&cx, id, version, Change::Confirm, key.as_deref()).await
    }

    pub async fn check_in(
        id: i32,
        version: i32,
        form: &CheckInForm,
        key: Option<&str>,
    ) -> Result<(), AppError> {
        let cx = Ctx::authorize::<CheckInActivity>().await?;
        let Some(key) = unanswered(&cx, offline::CHECK_IN, id, key).await? else {
            return Ok(());
        };
        allowed(&cx, id, version, ActivityAction::CheckIn).await?;
        let check_in = form.check().map_err(AppError::fields)?;
        write(&cx, id, version, Change::CheckIn(&check_in), key.as_deref()).await
    }

    pub async fn staff_activities(cx: &Ctx, duo_id: i32) -> Result<Vec<StaffActivity>, AppError> {
        let db = &cx.state.db;
        let duo = crate::db::duos::find(db, duo_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let list = activities::staff_activities(db, duo.id, cx.state.config.time_zone).await?;
        let record = Record::new(RecordKind::Participant, duo.participant_id);
        cx.audit(db, AuditAction::Read, record).await?;
        Ok(list)
    }
}
