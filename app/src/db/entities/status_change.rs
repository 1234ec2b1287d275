use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "status_change")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub subject_kind: String,
    pub subject_id: i32,
    pub from_status: Option<String>,
    pub to_status: String,
    pub at: DateTimeUtc,
    pub by_user: Option<i32>,
    pub note: String,
    /// A `LeaveReason` code, on the change that closed a participant's record by hand.
    pub reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
