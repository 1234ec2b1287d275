use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "buddy")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub first_name: String,
    pub last_name: String,
    pub birth_date: Date,
    pub gender: String,
    pub municipality_id: i32,
    pub profile: String,
    pub status: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
    pub applied_on: Date,
    pub motivation: String,
    pub capacity: i32,
    pub screener_id: Option<i32>,
    pub approved_on: Option<Date>,
    pub user_id: Option<i32>,
    pub coordinator_notes: String,
    /// Set when the record was anonymised; its personal data is gone.
    pub erased_on: Option<Date>,
    /// Why, as an `ErasureReason` code.
    pub erasure_reason: Option<String>,
    /// Held back from the retention job until this day (a coordinator's choice).
    pub retention_hold_until: Option<Date>,
    /// Why, as a `HoldReason` code.
    pub retention_hold_reason: Option<String>,
    /// A `HeardVia` code: where the candidate heard of the programme.
    pub heard_via: Option<String>,
    /// The awareness campaign (its event) they named.
    pub campaign_event_id: Option<i32>,
    /// Whether the buddy gets a reminder mail the day before an event they said yes to.
    pub event_reminders: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
