use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "activity")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub duo_id: i32,
    pub kind_id: i32,
    pub starts_at: DateTimeUtc,
    pub duration_minutes: i32,
    pub place: String,
    pub note: String,
    pub status: String,
    pub cancel_reason: Option<String>,
    pub confirmed_at: Option<DateTimeUtc>,
    pub checkin_mood: Option<i16>,
    pub checkin_note: Option<String>,
    pub planned_by: Option<i32>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
