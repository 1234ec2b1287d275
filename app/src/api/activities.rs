//! Activities: the buddy plans, moves, cancels and confirms them on their phone and checks
//! in afterwards; coordinators watch each active duo's cadence and read its activities.
//!
//! A buddy only ever reaches their own duos: someone else's duo or activity answers
//! `NotFound`, as if it did not exist. What a buddy receives of a participant is what the
//! participant agreed to share, nothing more.

use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::activity::{ActivityStatus, Cadence, CancelForm, CheckInForm, Mood, PlanForm};
use crate::domain::duo::{DuoStage, Rhythm};
use crate::domain::lists::Named;
use crate::domain::profile::Availability;
use crate::error::AppError;

/// What the participant agreed to share with their buddy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedParticipant {
    /// `None`: the participant did not agree to share it.
    pub first_name: Option<String>,
    pub phone: Option<String>,
    pub interests: Vec<String>,
    pub availability: Availability,
}

/// One activity as the buddy sees it (the check-in's note is for the coordinator only and
/// never comes back).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityView {
    pub id: i32,
    pub version: i32,
    pub duo_id: i32,
    pub kind_id: i32,
    pub kind: String,
    /// Local time in the programme's time zone.
    pub starts_at: NaiveDateTime,
    pub place: String,
    pub note: String,
    pub status: ActivityStatus,
    pub cancel_reason: Option<String>,
    pub checked_in: bool,
}

/// One of the buddy's duos on their home page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuddyDuo {
    pub id: i32,
    pub stage: DuoStage,
    pub participant: SharedParticipant,
    /// The next planned activity.
    pub next: Option<ActivityView>,
    /// Planned activities whose time has passed: did it happen?
    pub to_confirm: Vec<ActivityView>,
    /// Confirmed activities without a check-in yet.
    pub to_check_in: Vec<ActivityView>,
    /// The latest few done or cancelled activities.
    pub recent: Vec<ActivityView>,
}

impl BuddyDuo {
    /// Only active duos go out together; a duo still getting to know each other waits.
    pub fn can_plan(&self) -> bool {
        self.stage == DuoStage::Active
    }
}

/// The buddy's home page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuddyHome {
    /// `false`: the account is not (yet) linked to a buddy record by a coordinator.
    pub linked: bool,
    pub first_name: String,
    pub now: NaiveDateTime,
    pub duos: Vec<BuddyDuo>,
}

/// One activity with what the plan form needs (the activity kinds).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityPage {
    pub activity: ActivityView,
    /// The participant's first name if shared.
    pub with: Option<String>,
    pub kinds: Vec<Named>,
    pub now: NaiveDateTime,
}

/// The plan form of one duo.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanPage {
    pub duo_id: i32,
    pub with: Option<String>,
    pub kinds: Vec<Named>,
    pub now: NaiveDateTime,
}

/// How many done or cancelled activities the home page shows per duo.
pub const RECENT_ON_HOME: usize = 3;

#[server(name = BuddyHomeFn, endpoint = "buddy_home")]
pub async fn buddy_home() -> Result<BuddyHome, AppError> {
    let state = crate::state::app_state()?;
    let user = crate::auth::policy::authorize_user::<BuddyHomeFn>(&state).await?;
    server::home(&state, &user).await
}

/// The plan form for the buddy's duo `duo_id`.
#[server(name = PlanPageFn, endpoint = "plan_page")]
pub async fn plan_page(duo_id: i32) -> Result<PlanPage, AppError> {
    let state = crate::state::app_state()?;
    let user = crate::auth::policy::authorize_user::<PlanPageFn>(&state).await?;
    let duo = server::own_duo(&state, &user, duo_id).await?;
    let with = server::shared_first_name(&state, &duo).await?;
    Ok(PlanPage {
        duo_id: duo.id,
        with,
        kinds: server::kinds(&state.db).await?,
        now: server::now_local(&state),
    })
}

/// One of the buddy's activities.
#[server(endpoint = "get_activity")]
pub async fn get_activity(id: i32) -> Result<ActivityPage, AppError> {
    let state = crate::state::app_state()?;
    let user = crate::auth::policy::authorize_user::<GetActivity>(&state).await?;
    let activity = server::own_activity(&state, &user, id).await?;
    let duo = server::own_duo(&state, &user, activity.duo_id).await?;
    let with = server::shared_first_name(&state, &duo).await?;
    let kinds = server::kinds(&state.db).await?;
    Ok(ActivityPage {
        activity: server::view(&activity, &kinds, state.config.time_zone),
        with,
        kinds,
        now: server::now_local(&state),
    })
}

/// Plans an activity for the buddy's active duo; answers the new activity's id.
#[server(endpoint = "plan_activity")]
pub async fn plan_activity(
    duo_id: i32,
    form: PlanForm,
    next: Option<String>,
) -> Result<i32, AppError> {
    let result = server::plan(duo_id, &form).await;
    let result = crate::api::drafts::settle(
        crate::api::drafts::DraftForm::PlanActivity(duo_id),
        &form,
        result,
    );
    server::redirect_on_success(&result, next);
    result
}

/// Moves a planned activity read at `version` to another time, kind or place.
#[server(endpoint = "reschedule_activity")]
pub async fn reschedule_activity(
    id: i32,
    version: i32,
    form: PlanForm,
    next: Option<String>,
) -> Result<(), AppError> {
    let result = server::reschedule(id, version, &form).await;
    let result = crate::api::drafts::settle(
        crate::api::drafts::DraftForm::RescheduleActivity(id),
        &form,
        result,
    );
    server::redirect_on_success(&result, next);
    result
}

/// Cancels a planned activity, with a reason.
#[server(endpoint = "cancel_activity")]
pub async fn cancel_activity(
    id: i32,
    version: i32,
    form: CancelForm,
    next: Option<String>,
) -> Result<(), AppError> {
    let result = server::cancel(id, version, &form).await;
    let result = crate::api::drafts::settle(
        crate::api::drafts::DraftForm::CancelActivity(id),
        &form,
        result,
    );
    server::redirect_on_success(&result, next);
    result
}

/// Says that a planned activity whose time has passed happened.
#[server(endpoint = "confirm_activity")]
pub async fn confirm_activity(id: i32, version: i32, next: Option<String>) -> Result<(), AppError> {
    let result = server::confirm(id, version).await;
    server::redirect_on_success(&result, next);
    result
}

/// The check-in after a confirmed activity: how it went, and a note for the coordinator.
#[server(endpoint = "check_in_activity")]
pub async fn check_in_activity(
    id: i32,
    version: i32,
    form: CheckInForm,
    next: Option<String>,
) -> Result<(), AppError> {
    let result = server::check_in(id, version, &form).await;
    let result =
        crate::api::drafts::settle(crate::api::drafts::DraftForm::CheckIn(id), &form, result);
    server::redirect_on_success(&result, next);
    result
}

/// One active duo in the coordinators' cadence watch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CadenceRow {
    pub duo_id: i32,
    pub participant_first_name: String,
    pub buddy_first_name: String,
    pub signed_on: NaiveDate,
    pub rhythm: Rhythm,
    pub last_activity_on: Option<NaiveDate>,
    pub next_planned_on: Option<NaiveDate>,
    pub last_mood: Option<Mood>,
    pub cadence: Cadence,
}

/// Every active duo's cadence, those that need attention first (longest quiet first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CadenceWatch {
    pub margin_days: u32,
    pub today: NaiveDate,
    pub rows: Vec<CadenceRow>,
}

impl CadenceWatch {
    pub fn flagged(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.cadence.needs_attention())
            .count()
    }
}

#[server(name = CadenceWatchFn, endpoint = "cadence_watch")]
pub async fn cadence_watch() -> Result<CadenceWatch, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::policy::authorize_user::<CadenceWatchFn>(&state).await?;
    server::watch(&state).await
}

/// One activity as a coordinator sees it in a duo's timeline, check-in included.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffActivity {
    pub activity: ActivityView,
    pub mood: Option<Mood>,
    pub checkin_note: Option<String>,
}

/// The activities of duo `duo_id`, latest first; a read of the participant's record.
#[server(endpoint = "duo_activities")]
pub async fn duo_activities(duo_id: i32) -> Result<Vec<StaffActivity>, AppError> {
    let state = crate::state::app_state()?;
    let user = crate::auth::policy::authorize_user::<DuoActivities>(&state).await?;
    server::staff_activities(&state, &user, duo_id).await
}

/// The margin (days on top of a duo's rhythm) before the watch flags a duo.
#[server(endpoint = "cadence_margin")]
pub async fn cadence_margin() -> Result<(u32, Option<i32>), AppError> {
    let state = crate::state::app_state()?;
    crate::auth::policy::authorize_user::<CadenceMargin>(&state).await?;
    server::margin(&state.db).await
}

/// Saves the margin over the version read.
#[server(endpoint = "save_cadence_margin")]
pub async fn save_cadence_margin(days: String, version: Option<i32>) -> Result<(), AppError> {
    use crate::domain::audit::AuditAction;
    use crate::domain::validation::in_range;

    let state = crate::state::app_state()?;
    let user = crate::auth::policy::authorize_user::<SaveCadenceMargin>(&state).await?;
    let days = days
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::validation("days", crate::domain::validation::Problem::Invalid))
        .and_then(|d| in_range(d, 0, 60).map_err(|p| AppError::validation("days", p)))?;
    let key = crate::db::settings::CADENCE_MARGIN_DAYS;
    crate::db::settings::put(
        &state.db,
        key,
        &days.to_string(),
        version,
        state.clock.now(),
    )
    .await?;
    let record = Some((crate::domain::audit::kind::SETTING, key.to_owned()));
    crate::audit::record(
        &state,
        &state.db,
        Some(user.id),
        AuditAction::Update,
        record,
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
    use std::collections::BTreeMap;

    use chrono::NaiveDateTime;
    use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

    use super::*;
    use crate::db::activities::{self, Activity, Change};
    use crate::db::entities::{activity_kind, duo, interest, participant};
    use crate::domain::account::{CurrentUser, Role};
    use crate::domain::activity::{ActivityAction, ActivityRefusal, cadence, check_action};
    use crate::domain::audit::AuditAction;
    use crate::domain::people::Consent;
    use crate::domain::profile::Profile;
    use crate::domain::time::{local_date, local_date_time, to_utc};
    use crate::state::AppState;

    pub fn now_local(state: &AppState) -> NaiveDateTime {
        local_date_time(state.clock.now(), state.config.time_zone)
    }

    pub fn redirect_on_success<T>(result: &Result<T, AppError>, next: Option<String>) {
        if result.is_ok()
            && let Some(next) = next.filter(|n| crate::api::is_local_path(n))
        {
            leptos_axum::redirect(&next);
        }
    }

    /// Every activity kind, inactive ones too (old activities keep their name); forms
    /// offer only the active ones.
    pub async fn kinds(db: &impl ConnectionTrait) -> Result<Vec<Named>, AppError> {
        Ok(activity_kind::Entity::find()
            .order_by_asc(activity_kind::Column::Position)
            .order_by_asc(activity_kind::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|k| Named {
                id: i64::from(k.id),
                name: k.name,
                active: k.active,
            })
            .collect())
    }

    pub fn view(a: &Activity, kinds: &[Named], tz: chrono_tz::Tz) -> ActivityView {
        ActivityView {
            id: a.id,
            version: a.version,
            duo_id: a.duo_id,
            kind_id: a.kind_id,
            kind: kinds
                .iter()
                .find(|k| k.id == i64::from(a.kind_id))
                .map(|k| k.name.clone())
                .unwrap_or_default(),
            starts_at: local_date_time(a.starts_at, tz),
            place: a.place.clone(),
            note: a.note.clone(),
            status: ActivityStatus::from_code(&a.status).unwrap_or(ActivityStatus::Cancelled),
            cancel_reason: a.cancel_reason.clone(),
            checked_in: a.checkin_mood.is_some(),
        }
    }

    /// The buddy record behind a buddy's account; staff and unlinked accounts have none.
    async fn my_buddy(state: &AppState, user: &CurrentUser) -> Result<Option<i32>, AppError> {
        if user.role != Role::Buddy {
            return Ok(None);
        }
        crate::db::buddies::id_of_user(&state.db, user.id).await
    }

    /// The shared part of a participant, by what they consented to.
    fn shared(
        p: &participant::Model,
        interests: &BTreeMap<i64, String>,
    ) -> Result<SharedParticipant, AppError> {
        let consent: Consent = crate::db::participants::parse(&p.consent)?;
        let profile: Profile = crate::db::participants::parse(&p.profile)?;
        Ok(SharedParticipant {
            first_name: consent.share_first_name.then(|| p.first_name.clone()),
            phone: if consent.share_phone {
                profile.phone.clone()
            } else {
                None
            },
            interests: if consent.share_interests {
                profile
                    .interests
                    .iter()
                    .filter_map(|id| interests.get(id).cloned())
                    .collect()
            } else {
                Vec::new()
            },
            availability: profile.availability,
        })
    }

    /// The buddy's own open duo `duo_id`; `NotFound` for anyone else's.
    pub async fn own_duo(
        state: &AppState,
        user: &CurrentUser,
        duo_id: i32,
    ) -> Result<duo::Model, AppError> {
        only_buddies(user)?;
        crate::db::duos::find_open_of_user(&state.db, duo_id, user.id)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// Other roles have no duos of their own: to them a buddy's duo or activity is not there.
    fn only_buddies(user: &CurrentUser) -> Result<(), AppError> {
        if user.role == Role::Buddy {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }

    /// The buddy's own activity `id` (of an open duo), in one query: what a change needs.
    pub async fn own_activity(
        state: &AppState,
        user: &CurrentUser,
        id: i32,
    ) -> Result<Activity, AppError> {
        only_buddies(user)?;
        activities::find_of_user(&state.reads, id, user.id)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// The participant's first name if they agreed to share it; only pages that show it
    /// read the participant (not the writes a buddy makes).
    pub async fn shared_first_name(
        state: &AppState,
        duo: &duo::Model,
    ) -> Result<Option<String>, AppError> {
        let p = participant::Entity::find_by_id(duo.participant_id)
            .one(&state.db)
            .await?
            .ok_or(AppError::NotFound)?;
        crate::db::participants::shared_first_name(&p)
    }

    pub async fn home(state: &AppState, user: &CurrentUser) -> Result<BuddyHome, AppError> {
        let now = now_local(state);
        let Some(buddy_id) = my_buddy(state, user).await? else {
            return Ok(BuddyHome {
                linked: false,
                first_name: user.display_name.clone(),
                now,
                duos: Vec::new(),
            });
        };
        let buddy = crate::db::entities::buddy::Entity::find_by_id(buddy_id)
            .one(&state.db)
            .await?
            .ok_or(AppError::NotFound)?;
        let duos = crate::db::duos::of_buddy(&state.db, buddy_id).await?;
        let ids: Vec<i32> = duos.iter().map(|d| d.id).collect();
        let all = activities::of_duos(&state.db, &ids).await?;
        let kinds = kinds(&state.db).await?;
        let interests: BTreeMap<i64, String> = interest::Entity::find()
            .all(&state.db)
            .await?
            .into_iter()
            .map(|i| (i64::from(i.id), i.name))
            .collect();
        let tz = state.config.time_zone;
        let mut out = Vec::new();
        for d in duos {
            let p = participant::Entity::find_by_id(d.participant_id)
                .one(&state.db)
                .await?
                .ok_or(AppError::NotFound)?;
            // Latest first.
            let mine: Vec<ActivityView> = all
                .iter()
                .filter(|a| a.duo_id == d.id)
                .map(|a| view(a, &kinds, tz))
                .collect();
            let planned = |a: &&ActivityView| a.status == ActivityStatus::Planned;
            out.push(BuddyDuo {
                id: d.id,
                stage: DuoStage::from_code(&d.stage).unwrap_or(DuoStage::Active),
                participant: shared(&p, &interests)?,
                next: mine
                    .iter()
                    .filter(planned)
                    .rfind(|a| a.starts_at > now)
                    .cloned(),
                to_confirm: mine
                    .iter()
                    .filter(planned)
                    .filter(|a| a.starts_at <= now)
                    .cloned()
                    .collect(),
                to_check_in: mine
                    .iter()
                    .filter(|a| a.status == ActivityStatus::Done && !a.checked_in)
                    .cloned()
                    .collect(),
                recent: mine
                    .iter()
                    .filter(|a| a.status != ActivityStatus::Planned)
                    .take(RECENT_ON_HOME)
                    .cloned()
                    .collect(),
            });
        }
        Ok(BuddyHome {
            linked: true,
            first_name: buddy.first_name,
            now,
            duos: out,
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

    async fn audit(
        state: &AppState,
        db: &impl ConnectionTrait,
        user: &CurrentUser,
        action: AuditAction,
        id: i32,
    ) -> Result<(), AppError> {
        let record = Some((KIND, id.to_string()));
        crate::audit::record(state, db, Some(user.id), action, record).await
    }

    /// Kind of record in the audit log.
    pub const KIND: &str = "activity";

    pub async fn plan(duo_id: i32, form: &PlanForm) -> Result<i32, AppError> {
        let state = crate::state::app_state()?;
        let user = crate::auth::policy::authorize_user::<PlanActivity>(&state).await?;
        let duo = own_duo(&state, &user, duo_id).await?;
        if duo.stage != DuoStage::Active.code() {
            return Err(AppError::validation(
                "duo",
                crate::domain::validation::Problem::Invalid,
            ));
        }
        let kinds = kinds(&state.db).await?;
        let plan = form
            .check(&active_kind_ids(&kinds), now_local(&state))
            .map_err(AppError::fields)?;
        let starts_at = to_utc(plan.starts_at, state.config.time_zone);
        let txn = state.begin().await?;
        let now = state.clock.now();
        let id = activities::plan(&txn, duo.id, &plan, starts_at, user.id, now).await?;
        audit(&state, &txn, &user, AuditAction::Create, id).await?;
        txn.commit().await?;
        Ok(id)
    }

    /// Checks that the buddy may do `action` to activity `id` at `version`.
    async fn allowed(
        state: &AppState,
        user: &CurrentUser,
        id: i32,
        version: i32,
        action: ActivityAction,
    ) -> Result<Activity, AppError> {
        let activity = own_activity(state, user, id).await?;
        if activity.version != version {
            return Err(AppError::Conflict);
        }
        let status = ActivityStatus::from_code(&activity.status)
            .ok_or_else(|| AppError::internal("activity with an unknown status"))?;
        let tz = state.config.time_zone;
        check_action(
            action,
            status,
            local_date_time(activity.starts_at, tz),
            activity.checkin_mood.is_some(),
            now_local(state),
        )
        .map_err(refused)?;
        Ok(activity)
    }

    /// Writes one change in a transaction with its audit row.
    async fn write(
        state: &AppState,
        user: &CurrentUser,
        id: i32,
        version: i32,
        change: Change<'_>,
    ) -> Result<(), AppError> {
        let txn = state.begin().await?;
        activities::change(&txn, id, version, change, state.clock.now()).await?;
        audit(state, &txn, user, AuditAction::Update, id).await?;
        txn.commit().await?;
        Ok(())
    }

    pub async fn reschedule(id: i32, version: i32, form: &PlanForm) -> Result<(), AppError> {
        let state = crate::state::app_state()?;
        let user = crate::auth::policy::authorize_user::<RescheduleActivity>(&state).await?;
        allowed(&state, &user, id, version, ActivityAction::Reschedule).await?;
        let kinds = kinds(&state.db).await?;
        let plan = form
            .check(&active_kind_ids(&kinds), now_local(&state))
            .map_err(AppError::fields)?;
        let starts_at = to_utc(plan.starts_at, state.config.time_zone);
        let change = Change::Reschedule {
            plan: &plan,
            starts_at,
        };
        write(&state, &user, id, version, change).await
    }

    pub async fn cancel(id: i32, version: i32, form: &CancelForm) -> Result<(), AppError> {
        let state = crate::state::app_state()?;
        let user = crate::auth::policy::authorize_user::<CancelActivity>(&state).await?;
        allowed(&state, &user, id, version, ActivityAction::Cancel).await?;
        let reason = form.check().map_err(AppError::fields)?;
        write(
            &state,
            &user,
            id,
            version,
            Change::Cancel { reason: &reason },
        )
        .await
    }

    pub async fn confirm(id: i32, version: i32) -> Result<(), AppError> {
        let state = crate::state::app_state()?;
        let user = crate::auth::policy::authorize_user::<ConfirmActivity>(&state).await?;
        allowed(&state, &user, id, version, ActivityAction::Confirm).await?;
        write(&state, &user, id, version, Change::Confirm).await
    }

    pub async fn check_in(id: i32, version: i32, form: &CheckInForm) -> Result<(), AppError> {
        let state = crate::state::app_state()?;
        let user = crate::auth::policy::authorize_user::<CheckInActivity>(&state).await?;
        allowed(&state, &user, id, version, ActivityAction::CheckIn).await?;
        let check_in = form.check().map_err(AppError::fields)?;
        write(&state, &user, id, version, Change::CheckIn(&check_in)).await
    }

    pub use crate::db::activities::margin;

    pub async fn watch(state: &AppState) -> Result<CadenceWatch, AppError> {
        let now = state.clock.now();
        let tz = state.config.time_zone;
        let today = local_date(now, tz);
        let (margin_days, _) = margin(&state.db).await?;
        let active = activities::active_duos(&state.db, tz, now).await?;
        let names = crate::db::duos::first_names(
            &state.db,
            &active.iter().map(|a| a.duo.clone()).collect::<Vec<_>>(),
        )
        .await?;
        let mut rows: Vec<CadenceRow> = active
            .into_iter()
            .map(|a| {
                let (participant_first_name, buddy_first_name) =
                    names.get(&a.duo.id).cloned().unwrap_or_default();
                CadenceRow {
                    duo_id: a.duo.id,
                    participant_first_name,
                    buddy_first_name,
                    signed_on: a.facts.signed_on,
                    rhythm: a.facts.rhythm,
                    last_activity_on: a.facts.last_activity_on,
                    next_planned_on: a.facts.next_planned_on,
                    last_mood: a.facts.last_mood,
                    cadence: cadence(&a.facts, today, margin_days),
                }
            })
            .collect();
        rows.sort_by_key(|r| {
            (
                !r.cadence.needs_attention(),
                std::cmp::Reverse(r.cadence.quiet_days),
            )
        });
        Ok(CadenceWatch {
            margin_days,
            today,
            rows,
        })
    }

    pub async fn staff_activities(
        state: &AppState,
        user: &CurrentUser,
        duo_id: i32,
    ) -> Result<Vec<StaffActivity>, AppError> {
        let duo = crate::db::duos::find(&state.db, duo_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let kinds = kinds(&state.db).await?;
        let tz = state.config.time_zone;
        let list = activities::of_duos(&state.db, &[duo.id])
            .await?
            .iter()
            .map(|a| StaffActivity {
                activity: view(a, &kinds, tz),
                mood: a
                    .checkin_mood
                    .and_then(|v| u8::try_from(v).ok())
                    .and_then(Mood::from_value),
                checkin_note: a.checkin_note.clone().filter(|n| !n.is_empty()),
            })
            .collect();
        let record = Some((
            crate::db::participants::KIND,
            duo.participant_id.to_string(),
        ));
        crate::audit::record(state, &state.db, Some(user.id), AuditAction::Read, record).await?;
        Ok(list)
    }
}
