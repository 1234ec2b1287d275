use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "screening")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub buddy_id: i32,
    pub screener_id: Option<i32>,
    pub held_on: Date,
    pub outcome: String,
    pub notes: String,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
