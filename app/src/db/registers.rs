//! What the registers count and list (see `domain::register`).

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use super::entities::{buddy, participant, registration, user};
use crate::domain::account::Role;
use crate::domain::people::BuddyStatus;
use crate::domain::register::{AccessRow, Counts};
use crate::error::AppError;

/// Records held today per category; erased records are not counted.
pub async fn counts(db: &impl ConnectionTrait) -> Result<Counts, AppError> {
    let candidate = [
        BuddyStatus::Applied.code(),
        BuddyStatus::Screening.code(),
        BuddyStatus::NotApproved.code(),
    ];
    Ok(Counts {
        participants: participant::Entity::find()
            .filter(participant::Column::ErasedOn.is_null())
            .count(db)
            .await?,
        registrations: registration::Entity::find()
            .filter(registration::Column::ParticipantId.is_null())
            .count(db)
            .await?,
        buddies: buddy::Entity::find()
            .filter(buddy::Column::ErasedOn.is_null())
            .filter(buddy::Column::Status.is_not_in(candidate))
            .count(db)
            .await?,
        candidates: buddy::Entity::find()
            .filter(buddy::Column::ErasedOn.is_null())
            .filter(buddy::Column::Status.is_in(candidate))
            .count(db)
            .await?,
        staff: user::Entity::find()
            .filter(user::Column::Role.ne(Role::Buddy.code()))
            .filter(user::Column::Active.eq(true))
            .count(db)
            .await?,
    })
}

/// Every account with one of `roles`, active or not, by role and name.
pub async fn access(db: &impl ConnectionTrait, roles: &[Role]) -> Result<Vec<AccessRow>, AppError> {
    user::Entity::find()
        .filter(user::Column::Role.is_in(roles.iter().map(|r| r.code())))
        .order_by_asc(user::Column::Role)
        .order_by_asc(user::Column::DisplayName)
        .all(db)
        .await?
        .into_iter()
        .map(|u| {
            Ok(AccessRow {
                name: u.display_name,
                email: u.email,
                role: super::decode("user", "role", &u.role)?,
                active: u.active,
                since: u.created_at,
            })
        })
        .collect()
}
