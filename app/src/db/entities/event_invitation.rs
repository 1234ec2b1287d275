use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "event_invitation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    pub buddy_id: Option<i32>,
    pub participant_id: Option<i32>,
    /// An `Answer` code once answered.
    pub answer: Option<String>,
    pub answered_at: Option<DateTimeUtc>,
    /// When the current yes was given (the waiting list's order).
    pub yes_since: Option<DateTimeUtc>,
    pub attended: bool,
    pub invited_at: DateTimeUtc,
    pub invited_by: Option<i32>,
    /// A place offered from the waiting list, held until this moment unless confirmed.
    pub offer_until: Option<DateTimeUtc>,
    /// The SHA-256 of the invitation mail's answer link (the token is only in the mail).
    pub link_hash: Option<String>,
    pub link_expires_at: Option<DateTimeUtc>,
    /// The link is single-use.
    pub link_used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
