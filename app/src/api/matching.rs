//! The matching engine at work: who fits a new buddy best, and why.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

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
    use crate::domain::time::local_date;
    use crate::matching::rank_participants_for_buddy;

    let state = crate::state::app_state()?;
    crate::auth::policy::authorize_user::<RankForBuddy>(&state).await?;
    let today = local_date(state.clock.now(), state.config.time_zone);
    let (buddy, buddy_name) = crate::db::matching::buddy(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let waiting = crate::db::matching::waiting(&state.db).await?;
    let ctx = crate::db::matching::context(&state.db, today).await?;
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
