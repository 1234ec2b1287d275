use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "referral")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub participant_id: i32,
    pub stepping_stone_id: i32,
    /// A `ReferralWay` code.
    pub way: String,
    pub referred_on: Date,
    pub follow_up_on: Date,
    pub by_user: Option<i32>,
    /// An `Outcome` code once followed up.
    pub outcome: Option<String>,
    /// A `NotGoing` code when the person did not go.
    pub reason: Option<String>,
    pub note: String,
    pub followed_up_on: Option<Date>,
    pub followed_up_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
