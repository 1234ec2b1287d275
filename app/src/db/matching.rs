//! What the matching engine needs from the database: the waiting participants, a buddy,
//! and the lookup lists, as the engine's own types.

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::entities::{buddy, participant};
use super::participants::parse;
use crate::domain::people::{BuddyStatus, ParticipantStatus};
use crate::domain::profile::Profile;
use crate::error::AppError;
use crate::matching::backtest::{EpisodeEnd, WaitEpisode, episodes_of, stretches};
use crate::matching::priority;
use crate::matching::{
    BuddyCandidate, Context, HistoricalBuddy, MatchProfile, ParticipantCandidate, Weights,
};

/// The engine's context on `today`: municipalities, interest and scale names, weights.
pub async fn context(db: &impl ConnectionTrait, today: NaiveDate) -> Result<Context, AppError> {
    let lists = super::lists::load(db, true).await?;
    let mut ctx = Context::new(today).with_municipalities(lists.municipalities);
    ctx.interest_names = lists
        .interests
        .into_iter()
        .map(|i| (i.id, i.name))
        .collect();
    ctx.scale_names = lists
        .scales
        .into_iter()
        .map(|s| (s.id, format!("{}–{}", s.low, s.high)))
        .collect();
    ctx.ended_without_click = super::duos::no_click_pairs(db).await?;
    ctx.weights = weights(db).await?.0;
    ctx.usual_wait_days = priority::usual_wait(recent_matched_waits(db, today).await?, today);
    Ok(ctx)
}

/// The (start, day a buddy was proposed) of the waits that ended in a match in the window of
/// `matching::priority` before `today`: the status history of the participants proposed in
/// it (days in UTC: a median in days does not need the programme's zone).
pub async fn recent_matched_waits(
    db: &impl ConnectionTrait,
    today: NaiveDate,
) -> Result<Vec<(NaiveDate, NaiveDate)>, AppError> {
    use super::entities::status_change;
    use chrono::{DateTime, Utc};
    use sea_orm::{QuerySelect, sea_query::Query};
    let kind = crate::domain::audit::kind::PARTICIPANT;
    let from = (today - chrono::Days::new(priority::WINDOW_DAYS as u64 + 1))
        .and_time(chrono::NaiveTime::MIN)
        .and_utc();
    let proposed = Query::select()
        .column(status_change::Column::SubjectId)
        .from(status_change::Entity)
        .and_where(status_change::Column::SubjectKind.eq(kind))
        .and_where(status_change::Column::ToStatus.is_in([
            ParticipantStatus::Proposed.code(),
            ParticipantStatus::InDuo.code(),
        ]))
        .and_where(status_change::Column::At.gte(from))
        .to_owned();
    let rows: Vec<(i32, String, DateTime<Utc>)> = status_change::Entity::find()
        .select_only()
        .columns([
            status_change::Column::SubjectId,
            status_change::Column::ToStatus,
            status_change::Column::At,
        ])
        .filter(status_change::Column::SubjectKind.eq(kind))
        .filter(status_change::Column::SubjectId.in_subquery(proposed))
        .order_by_asc(status_change::Column::SubjectId)
        .order_by_asc(status_change::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let mut out = Vec::new();
    for person in rows.chunk_by(|a, b| a.0 == b.0) {
        let changes: Vec<(NaiveDate, &str)> = person
            .iter()
            .map(|(_, to, at)| (at.date_naive(), to.as_str()))
            .collect();
        out.extend(
            stretches(&changes)
                .into_iter()
                .filter_map(|(start, end)| match end {
                    Some(EpisodeEnd::Matched { on }) => Some((start, on)),
                    _ => None,
                }),
        );
    }
    Ok(out)
}

/// The stored weights and their version; the defaults while never saved (or unreadable).
pub async fn weights(db: &impl ConnectionTrait) -> Result<(Weights, Option<i32>), AppError> {
    Ok(
        match super::settings::get(db, super::settings::MATCHING_WEIGHTS).await? {
            Some(s) => (
                serde_json::from_str(&s.value).unwrap_or_default(),
                Some(s.version),
            ),
            None => (Weights::default(), None),
        },
    )
}

/// Every waiting participant, with their full name for the page (the engine uses ids).
pub async fn waiting(
    db: &impl ConnectionTrait,
) -> Result<Vec<(ParticipantCandidate, String)>, AppError> {
    participant::Entity::find()
        .filter(participant::Column::Status.eq(ParticipantStatus::Waiting.code()))
        .order_by_asc(participant::Column::WaitingSince)
        .all(db)
        .await?
        .into_iter()
        .map(participant_candidate)
        .collect()
}

/// One participant as the engine sees them (whatever their status), with their full name.
pub async fn participant(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<(ParticipantCandidate, String)>, AppError> {
    participant::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(participant_candidate)
        .transpose()
}

/// Whether the participant is on the waiting list now.
pub async fn is_waiting(db: &impl ConnectionTrait, id: i32) -> Result<bool, AppError> {
    Ok(participant::Entity::find_by_id(id)
        .filter(participant::Column::Status.eq(ParticipantStatus::Waiting.code()))
        .one(db)
        .await?
        .is_some())
}

fn participant_candidate(
    m: participant::Model,
) -> Result<(ParticipantCandidate, String), AppError> {
    let profile: Profile = parse(&m.profile)?;
    Ok((
        ParticipantCandidate {
            id: m.id.into(),
            first_name: m.first_name.clone(),
            profile: MatchProfile::from(&profile),
            waiting_since: m.waiting_since,
        },
        format!("{} {}", m.first_name, m.last_name),
    ))
}

/// One buddy as the engine sees them, with their full name.
pub async fn buddy(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<(BuddyCandidate, String)>, AppError> {
    let Some(m) = buddy::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let open = super::duos::open_counts(db).await?;
    Ok(Some(candidate(m, &open)?))
}

/// Approved buddies with a free place (available, or in a duo below their capacity).
pub async fn available_buddies(
    db: &impl ConnectionTrait,
) -> Result<Vec<(BuddyCandidate, String)>, AppError> {
    let open = super::duos::open_counts(db).await?;
    let mut found = Vec::new();
    for m in buddy::Entity::find()
        .filter(
            buddy::Column::Status.is_in([BuddyStatus::Available.code(), BuddyStatus::InDuo.code()]),
        )
        .order_by_asc(buddy::Column::Id)
        .all(db)
        .await?
    {
        let (c, name) = candidate(m, &open)?;
        if c.free_places() > 0 {
            found.push((c, name));
        }
    }
    Ok(found)
}

fn candidate(
    m: buddy::Model,
    open: &std::collections::BTreeMap<i32, u32>,
) -> Result<(BuddyCandidate, String), AppError> {
    let profile: Profile = parse(&m.profile)?;
    let status: BuddyStatus = super::decode("buddy", "status", &m.status)?;
    Ok((
        BuddyCandidate {
            id: m.id.into(),
            first_name: m.first_name.clone(),
            profile: MatchProfile::from(&profile),
            max_duos: m.capacity.max(0) as u32,
            open_duos: open.get(&m.id).copied().unwrap_or(0),
            screening_approved: status.is_approved(),
        },
        format!("{} {}", m.first_name, m.last_name),
    ))
}

/// Buddies approved so far (any status since), as samples of who may join, and the date
/// the history starts: the first approval, at most three years back.
pub async fn history(
    db: &impl ConnectionTrait,
    today: NaiveDate,
) -> Result<(Vec<HistoricalBuddy>, NaiveDate), AppError> {
    let found = approved_since(db, today - chrono::Days::new(3 * 365)).await?;
    let start = found.iter().map(|h| h.joined_on).min().unwrap_or(today);
    Ok((found, start))
}

/// Buddies approved on or after `earliest` (any status since), with their approval date.
pub async fn approved_since(
    db: &impl ConnectionTrait,
    earliest: NaiveDate,
) -> Result<Vec<HistoricalBuddy>, AppError> {
    let mut found = Vec::new();
    for m in buddy::Entity::find()
        .filter(buddy::Column::ApprovedOn.is_not_null())
        .filter(buddy::Column::ApprovedOn.gte(earliest))
        .all(db)
        .await?
    {
        let profile: Profile = parse(&m.profile)?;
        if let Some(joined_on) = m.approved_on {
            found.push(HistoricalBuddy {
                joined_on,
                profile: MatchProfile::from(&profile),
            });
        }
    }
    Ok(found)
}

/// Every stretch every participant spent on the waiting list, from the status history, for
/// the estimate's backtest (`matching::backtest`). Profiles are today's: earlier versions
/// are not kept.
pub async fn wait_episodes(
    db: &impl ConnectionTrait,
    tz: chrono_tz::Tz,
) -> Result<Vec<WaitEpisode>, AppError> {
    let changes = super::reports::participant_changes(db, tz).await?;
    let mut by_person: std::collections::HashMap<i64, Vec<(NaiveDate, String)>> =
        std::collections::HashMap::new();
    for (change, code, _) in changes {
        by_person
            .entry(change.person)
            .or_default()
            .push((change.on, code));
    }
    let mut out = Vec::new();
    for m in participant::Entity::find()
        .order_by_asc(participant::Column::Id)
        .all(db)
        .await?
    {
        let (candidate, _) = participant_candidate(m)?;
        let changes: Vec<(NaiveDate, &str)> = by_person
            .get(&candidate.id)
            .map(|list| list.iter().map(|(on, code)| (*on, code.as_str())).collect())
            .unwrap_or_default();
        out.extend(episodes_of(&candidate, &changes));
    }
    Ok(out)
}

/// How many times participants joined the waiting list on or after `since` (the status
/// history's changes to "waiting"): the inflow the wait estimate simulates.
pub async fn joined_waiting_list(
    db: &impl ConnectionTrait,
    since: NaiveDate,
    tz: chrono_tz::Tz,
) -> Result<usize, AppError> {
    use super::entities::status_change;
    use sea_orm::PaginatorTrait;
    let count = status_change::Entity::find()
        .filter(status_change::Column::SubjectKind.eq(crate::domain::audit::kind::PARTICIPANT))
        .filter(status_change::Column::ToStatus.eq(ParticipantStatus::Waiting.code()))
        .filter(status_change::Column::At.gte(crate::domain::time::to_utc(
            since.and_time(chrono::NaiveTime::MIN),
            tz,
        )))
        .count(db)
        .await?;
    Ok(count as usize)
}

/// What `matching::backtest` replays over `months` past months: the buddies approved since
/// the earliest history window it needs, every stretch on the waiting list, and today's
/// context.
pub async fn backtest_inputs(
    db: &impl ConnectionTrait,
    today: NaiveDate,
    months: u32,
    tz: chrono_tz::Tz,
) -> Result<(Vec<HistoricalBuddy>, Vec<WaitEpisode>, Context), AppError> {
    let window = crate::matching::backtest::HISTORY_WINDOW_MONTHS;
    let earliest = today - chrono::Months::new(months + window + 1);
    Ok((
        approved_since(db, earliest).await?,
        wait_episodes(db, tz).await?,
        context(db, today).await?,
    ))
}
