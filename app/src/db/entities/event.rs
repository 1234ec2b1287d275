use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// An `EventKind` code.
    pub kind: String,
    /// The name of the admins' kind it was made with; `None`: the kind's own name.
    pub kind_name: Option<String>,
    pub title: String,
    pub description: String,
    pub place: String,
    pub link: String,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub capacity: Option<i32>,
    /// An `Organiser` code.
    pub organiser: String,
    pub answers_open: bool,
    pub cancelled: bool,
    pub series_id: Option<i32>,
    /// A campaign's public code.
    pub code: Option<String>,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
