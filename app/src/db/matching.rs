//! What the matching engine needs from the database: the waiting participants, a buddy,
//! and the lookup lists, as the engine's own types.

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::entities::{buddy, participant};
use super::participants::parse;
use crate::domain::people::{BuddyStatus, ParticipantStatus};
use crate::domain::profile::Profile;
use crate::error::AppError;
use crate::matching::{BuddyCandidate, Context, MatchProfile, ParticipantCandidate};

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
    Ok(ctx)
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
        .map(|m| {
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
        })
        .collect()
}

/// One buddy as the engine sees them, with their full name.
pub async fn buddy(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<(BuddyCandidate, String)>, AppError> {
    let Some(m) = buddy::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let profile: Profile = parse(&m.profile)?;
    let status = BuddyStatus::from_code(&m.status);
    Ok(Some((
        BuddyCandidate {
            id: m.id.into(),
            first_name: m.first_name.clone(),
            profile: MatchProfile::from(&profile),
            max_duos: m.capacity.max(0) as u32,
            // Duos come with the match board; until then a busy buddy counts as full.
            open_duos: if status == Some(BuddyStatus::InDuo) {
                m.capacity.max(0) as u32
            } else {
                0
            },
            screening_approved: status.is_some_and(|s| s.is_approved()),
        },
        format!("{} {}", m.first_name, m.last_name),
    )))
}
