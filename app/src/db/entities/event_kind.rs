use sea_orm::entity::prelude::*;

/// The admins' list of event kinds: the six Klik knows (no name: it comes with the
/// language) and the admins' own, which behave as `other`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "event_kind")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: Option<String>,
    /// An `EventKind` code: what the kind does in Klik.
    pub meaning: String,
    pub active: bool,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
