use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "stepping_stone")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub provider: String,
    pub title: String,
    /// The address (or meeting point); blank when online or not given.
    pub place: String,
    pub link: String,
    /// Interest ids as a JSON array.
    pub interests: String,
    /// False: hidden (kept for earlier referrals, no longer suggested).
    pub active: bool,
    pub kind: String,
    pub description: String,
    pub municipality_id: Option<i32>,
    /// `Availability` bits.
    pub slots: i32,
    pub starts_on: Option<Date>,
    pub ends_on: Option<Date>,
    pub price_cents: Option<i32>,
    pub uitpas_cents: Option<i32>,
    /// `Access` codes as a JSON array.
    pub accessibility: String,
    pub contact: String,
    pub last_checked: Option<Date>,
    pub added_on: Option<Date>,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
