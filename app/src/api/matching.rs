//! The matching engine at work: who fits a new buddy best, and why.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::error::AppError;
use crate::matching::Ranking;

/// Every waiting participant for one buddy: ranked, or excluded with the reasons.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BuddyRanking {
    pub buddy_id: i32,
    pub buddy_name: String,
    pub ranking: Ranking,
    /// Participant id → full name.
    pub names: BTreeMap<i64, String>,
    /// Participant id → days on the waiting list.
    pub days_waiting: BTreeMap<i64, u32>,
}

#[server(endpoint = "rank_for_buddy")]
pub async fn rank_for_buddy(id: i32) -> Result<BuddyRanking, AppError> {
    use crate::matching::rank_participants_for_buddy;

    let cx = Ctx::authorize::<RankForBuddy>().await?;
    let (db, today) = (&cx.state.db, cx.today);
    let (buddy, buddy_name) = crate::db::matching::buddy(db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let waiting = crate::db::matching::waiting(db).await?;
    let ctx = crate::db::matching::context(db, today).await?;
    let candidates: Vec<_> = waiting.iter().map(|(c, _)| c.clone()).collect();
    let ranking = rank_participants_for_buddy(&buddy, &candidates, &ctx);
    Ok(BuddyRanking {
        buddy_id: id,
        buddy_name,
        days_waiting: candidates
            .iter()
            .map(|c| (c.id, c.days_waited(today)))
            .collect(),
        names: waiting.into_iter().map(|(c, name)| (c.id, name)).collect(),
        ranking,
    })
}

/// Every available buddy for one participant: ranked, or excluded with the reasons.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParticipantRanking {
    pub participant_id: i32,
    pub participant_name: String,
    pub ranking: Ranking,
    /// Buddy id → full name.
    pub names: BTreeMap<i64, String>,
}

#[server(endpoint = "rank_for_participant")]
pub async fn rank_for_participant(id: i32) -> Result<ParticipantRanking, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::matching::rank_buddies_for_participant;

    let cx = Ctx::authorize::<RankForParticipant>().await?;
    let db = &cx.state.db;
    let (participant, participant_name) = crate::db::matching::participant(db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let record = Record::new(RecordKind::Participant, id);
    cx.audit(db, AuditAction::Read, record).await?;
    let buddies = crate::db::matching::available_buddies(db).await?;
    let ctx = crate::db::matching::context(db, cx.today).await?;
    let candidates: Vec<_> = buddies.iter().map(|(c, _)| c.clone()).collect();
    Ok(ParticipantRanking {
        participant_id: id,
        participant_name,
        ranking: rank_buddies_for_participant(&participant, &candidates, &ctx),
        names: buddies.into_iter().map(|(c, name)| (c.id, name)).collect(),
    })
}

/// A coordinator proposes a pair: the server judges it again (the page's score is only
/// shown), refuses a blocked pair, and starts the duo in the proposed stage.
#[server(endpoint = "propose_duo")]
pub async fn propose_duo(
    participant_id: i32,
    buddy_id: i32,
    /// Where a form without JavaScript goes next (a path on this site).
    next: Option<String>,
) -> Result<i32, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::validation::Problem;

    let cx = Ctx::authorize::<ProposeDuo>().await?;
    let today = cx.today;
    let txn = cx.begin().await?;
    let (participant, _) = crate::db::matching::participant(&txn, participant_id)
        .await?
        .ok_or(AppError::NotFound)?;
    // Proposed (or matched) by someone else since the page was shown.
    if !crate::db::matching::is_waiting(&txn, participant_id).await? {
        return Err(AppError::Conflict);
    }
    let (buddy, _) = crate::db::matching::buddy(&txn, buddy_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let ctx = crate::db::matching::context(&txn, today).await?;
    let assessment = crate::matching::assess_pair(&participant, &buddy, &ctx);
    if !assessment.allowed {
        return Err(AppError::validation("buddy_id", Problem::Invalid));
    }
    let id = crate::db::duos::propose(
        &txn,
        participant_id,
        buddy_id,
        &assessment,
        cx.user.id,
        today,
        cx.now,
    )
    .await?;
    cx.audit(&txn, AuditAction::Create, Record::new(RecordKind::Duo, id))
        .await?;
    txn.commit().await?;
    if let Some(next) = next.filter(|n| crate::api::is_local_path(n)) {
        leptos_axum::redirect(&next);
    }
    Ok(id)
}

/// The best set of pairs for all available buddies and waiting participants at once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EveryoneProposal {
    pub proposal: crate::matching::Proposal,
    /// Participant id → full name.
    pub participants: BTreeMap<i64, String>,
    /// Buddy id → full name.
    pub buddies: BTreeMap<i64, String>,
}

#[server(endpoint = "propose_for_everyone")]
pub async fn propose_for_everyone() -> Result<EveryoneProposal, AppError> {
    let cx = Ctx::authorize::<ProposeForEveryone>().await?;
    let db = &cx.state.db;
    let waiting = crate::db::matching::waiting(db).await?;
    let buddies = crate::db::matching::available_buddies(db).await?;
    let ctx = crate::db::matching::context(db, cx.today).await?;
    let p: Vec<_> = waiting.iter().map(|(c, _)| c.clone()).collect();
    let b: Vec<_> = buddies.iter().map(|(c, _)| c.clone()).collect();
    Ok(EveryoneProposal {
        proposal: crate::matching::propose(&p, &b, &ctx),
        participants: waiting.into_iter().map(|(c, n)| (c.id, n)).collect(),
        buddies: buddies.into_iter().map(|(c, n)| (c.id, n)).collect(),
    })
}

/// The weights as stored, for the settings form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WeightsSetting {
    pub form: crate::matching::WeightsForm,
    /// Absent while never saved.
    pub version: Option<i32>,
}

#[server(endpoint = "matching_weights")]
pub async fn matching_weights() -> Result<WeightsSetting, AppError> {
    let cx = Ctx::authorize::<MatchingWeights>().await?;
    let (weights, version) = crate::db::matching::weights(&cx.state.db).await?;
    Ok(WeightsSetting {
        form: (&weights).into(),
        version,
    })
}

/// One available buddy's first choice with the stored weights and with the new ones.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FirstChoice {
    pub buddy: String,
    /// (participant name, points) or none when nobody fits.
    pub now: Option<(String, u8)>,
    pub then: Option<(String, u8)>,
}

/// What new weights would change on today's waiting list, before they are saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WeightsPreview {
    pub choices: Vec<FirstChoice>,
    /// Pairs of the proposal for everyone that differ from the stored weights' proposal.
    pub changed_pairs: usize,
    pub pairs: usize,
}

#[server(endpoint = "preview_weights")]
pub async fn preview_weights(
    form: crate::matching::WeightsForm,
) -> Result<WeightsPreview, AppError> {
    use crate::matching::{propose, rank_participants_for_buddy};

    let cx = Ctx::authorize::<PreviewWeights>().await?;
    let weights = form.check().map_err(AppError::fields)?;
    let db = &cx.state.db;
    let waiting = crate::db::matching::waiting(db).await?;
    let buddies = crate::db::matching::available_buddies(db).await?;
    let stored = crate::db::matching::context(db, cx.today).await?;
    let mut changed = stored.clone();
    changed.weights = weights;
    let names: BTreeMap<i64, String> = waiting.iter().map(|(c, n)| (c.id, n.clone())).collect();
    let p: Vec<_> = waiting.into_iter().map(|(c, _)| c).collect();
    let first = |buddy, ctx| {
        rank_participants_for_buddy(buddy, &p, ctx)
            .allowed
            .first()
            .map(|a| {
                (
                    names.get(&a.participant_id).cloned().unwrap_or_default(),
                    a.points(),
                )
            })
    };
    let choices = buddies
        .iter()
        .map(|(b, name)| FirstChoice {
            buddy: name.clone(),
            now: first(b, &stored),
            then: first(b, &changed),
        })
        .collect();
    let b: Vec<_> = buddies.into_iter().map(|(c, _)| c).collect();
    let pairs_of = |ctx| -> std::collections::BTreeSet<(i64, i64)> {
        propose(&p, &b, ctx)
            .pairs
            .iter()
            .map(|x| (x.participant_id, x.buddy_id))
            .collect()
    };
    let (before, after) = (pairs_of(&stored), pairs_of(&changed));
    Ok(WeightsPreview {
        choices,
        changed_pairs: after.difference(&before).count(),
        pairs: after.len(),
    })
}

/// Saves new weights (audited); a stale `version` is a conflict and nothing is written.
#[server(endpoint = "save_weights")]
pub async fn save_weights(
    form: crate::matching::WeightsForm,
    version: Option<i32>,
) -> Result<WeightsSetting, AppError> {
    use crate::db::settings::{MATCHING_WEIGHTS, put};
    use crate::domain::audit::{AuditAction, Record, RecordKind};

    let cx = Ctx::authorize::<SaveWeights>().await?;
    let weights = form.check().map_err(AppError::fields)?;
    let value = serde_json::to_string(&weights).map_err(AppError::internal)?;
    let txn = cx.begin().await?;
    let version = put(&txn, MATCHING_WEIGHTS, &value, version, cx.now).await?;
    let record = Record::new(RecordKind::Setting, MATCHING_WEIGHTS);
    cx.audit(&txn, AuditAction::Update, record).await?;
    txn.commit().await?;
    leptos_axum::redirect("/admin/matching?saved=1");
    Ok(WeightsSetting {
        form: (&weights).into(),
        version: Some(version),
    })
}

/// When a buddy may come for each waiting participant, simulated from the programme's own
/// history (or why it cannot be said yet).
#[server(endpoint = "estimate_waiting")]
pub async fn estimate_waiting() -> Result<crate::matching::Estimate, AppError> {
    use crate::matching::{EstimateSettings, estimate_waits};

    let cx = Ctx::authorize::<EstimateWaiting>().await?;
    let (db, today) = (&cx.state.db, cx.today);
    let waiting = crate::db::matching::waiting(db).await?;
    let (history, start) = crate::db::matching::history(db, today).await?;
    let ctx = crate::db::matching::context(db, today).await?;
    let candidates: Vec<_> = waiting.into_iter().map(|(c, _)| c).collect();
    let joined =
        crate::db::matching::joined_waiting_list(db, start, cx.state.config.time_zone).await?;
    let settings = EstimateSettings {
        participant_inflow: crate::matching::backtest::inflow(joined, start, today),
        ..EstimateSettings::default()
    };
    Ok(estimate_waits(
        &history,
        start,
        &candidates,
        &ctx,
        &settings,
        crate::matching::estimate::seed_for(today),
    ))
}

/// How often the wait estimate held over the past two years, replayed month by month with
/// only what was known at the time (`matching::backtest`).
#[server(endpoint = "estimate_track_record")]
pub async fn estimate_track_record() -> Result<crate::matching::backtest::Calibration, AppError> {
    use crate::matching::EstimateSettings;
    use crate::matching::backtest::{BACKTEST_MONTHS, HISTORY_WINDOW_MONTHS, backtest};

    let cx = Ctx::authorize::<EstimateTrackRecord>().await?;
    let (db, today) = (&cx.state.db, cx.today);
    let tz = cx.state.config.time_zone;
    let (history, episodes, ctx) =
        crate::db::matching::backtest_inputs(db, today, BACKTEST_MONTHS, tz).await?;
    let (record, _) = backtest(
        &history,
        &episodes,
        &ctx,
        &EstimateSettings::default(),
        BACKTEST_MONTHS,
        HISTORY_WINDOW_MONTHS,
        crate::matching::estimate::seed_for(today),
    );
    Ok(record)
}
