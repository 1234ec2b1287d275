use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "duo")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub participant_id: i32,
    pub buddy_id: i32,
    pub stage: String,
    pub version: i32,
    pub score: i32,
    pub assessment: String,
    pub proposed_on: Date,
    pub proposed_by: Option<i32>,
    pub introduction_on: Option<Date>,
    pub participant_yes_on: Option<Date>,
    pub buddy_yes_on: Option<Date>,
    pub agreement: Option<String>,
    pub signed_on: Option<Date>,
    pub ended_on: Option<Date>,
    pub end_reason: Option<String>,
    pub end_note: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
