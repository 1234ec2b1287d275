use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "registration")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub status: String,
    pub registered_by: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub municipality_id: i32,
    pub organisation_id: Option<i32>,
    pub care_worker_name: String,
    pub care_worker_phone: Option<String>,
    pub care_worker_email: Option<String>,
    pub note: String,
    pub registered_on: Date,
    pub intake_due_on: Date,
    pub intake_planned_on: Option<Date>,
    pub duplicate_of_participant: Option<i32>,
    pub duplicate_of_registration: Option<i32>,
    pub participant_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
