//! Everything Klik holds about one person (GDPR art. 15), as the readable page shows it and as
//! the JSON file carries it (art. 20): a participant, a buddy or candidate, or a user of Klik.
//! Codes stay typed, so that the page says them in words.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::account::Account;
use super::activity::ActivityStatus;
use super::audit::AuditEntry;
use super::duo::{DuoStage, EndReason, EvaluationOutcome};
use super::mail::MailStatus;
use super::people::{BuddyDetail, Consent, ParticipantStatus, TimelineEntry};
use super::profile::Profile;
use super::referral::{NotGoing, Outcome, ReferralWay};
use super::registration::RegisteredBy;

/// Everything Klik holds about one participant (art. 15), as the readable page shows it and
/// as the JSON file carries it (art. 20). Codes stay typed, so the page says them in words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParticipantData {
    pub id: i32,
    pub exported_at: DateTime<Utc>,
    pub status: ParticipantStatus,
    pub profile: Profile,
    pub municipality: String,
    pub interests: Vec<String>,
    pub intake_date: NaiveDate,
    pub waiting_since: NaiveDate,
    pub last_contact_on: Option<NaiveDate>,
    pub referral_organisation: Option<String>,
    pub referral_contact: String,
    pub support_contact: String,
    pub coordinator_notes: String,
    pub consent: Consent,
    pub erased_on: Option<NaiveDate>,
    pub status_history: Vec<TimelineEntry>,
    pub contacts: Vec<ContactData>,
    pub registrations: Vec<RegistrationData>,
    pub duos: Vec<DuoData>,
    /// Events they were invited to (meetings for waiting participants).
    pub events: Vec<super::event::PersonEvent>,
    pub referrals: Vec<ReferralData>,
    /// Mails sent to the person's own address.
    pub mails: Vec<MailData>,
    /// Who read or changed the record, oldest first.
    pub trail: Vec<AuditEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactData {
    pub on: NaiveDate,
    pub stepping_stone: Option<String>,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationData {
    pub registered_on: NaiveDate,
    pub registered_by: RegisteredBy,
    pub first_name: String,
    pub last_name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub care_worker_name: String,
    pub care_worker_phone: Option<String>,
    pub care_worker_email: Option<String>,
    pub note: String,
}

/// A duo, with the other person's first name only: the rest of their data is theirs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DuoData {
    /// The buddy's first name in a participant's data, the participant's in a buddy's.
    pub other_first_name: String,
    pub stage: DuoStage,
    pub proposed_on: NaiveDate,
    pub signed_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    pub end_reason: Option<EndReason>,
    pub end_note: Option<String>,
    pub agreement_note: Option<String>,
    pub activities: Vec<ActivityData>,
    pub evaluations: Vec<EvaluationData>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityData {
    pub starts_at: DateTime<Utc>,
    pub kind: String,
    pub status: ActivityStatus,
    pub place: String,
    pub note: String,
    pub cancel_reason: Option<String>,
    pub checkin_mood: Option<i16>,
    pub checkin_note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationData {
    pub due_on: NaiveDate,
    pub held_on: Option<NaiveDate>,
    pub outcome: Option<EvaluationOutcome>,
    pub notes: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralData {
    pub stepping_stone: String,
    pub way: ReferralWay,
    pub referred_on: NaiveDate,
    pub outcome: Option<Outcome>,
    pub reason: Option<NotGoing>,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailData {
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub status: MailStatus,
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// Everything Klik holds about one buddy or candidate volunteer. Their duos carry the
/// participant's first name only; the coordinator's notes on a duo's evaluations and its end
/// are left out, as they describe the participant too (art. 15(4)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BuddyData {
    pub exported_at: DateTime<Utc>,
    /// The record as coordinators see it: application, screenings, status history.
    pub record: BuddyDetail,
    pub municipality: String,
    pub interests: Vec<String>,
    pub coordinator_notes: String,
    pub duos: Vec<DuoData>,
    /// Events they were invited to, their answers and attendance.
    pub events: Vec<super::event::PersonEvent>,
    /// How they heard of the programme, if they said.
    pub heard_via: Option<super::event::HeardVia>,
    /// Their account, when they sign in to Klik.
    pub account: Option<AccountData>,
    /// Since when they have a calendar feed (its address is a secret and not shown).
    pub calendar_feed_since: Option<DateTime<Utc>>,
    /// Mails sent to their own address (the record's or the account's).
    pub mails: Vec<MailData>,
    pub trail: Vec<AuditEntry>,
}

/// Everything Klik holds about one user account (staff, partner or buddy): what the admin
/// gives when a user asks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserData {
    pub exported_at: DateTime<Utc>,
    pub account: AccountData,
    /// The buddy record this account belongs to, if any (its own export holds the rest).
    pub buddy_id: Option<i32>,
    pub mails: Vec<MailData>,
    /// What this user did in Klik (their own actions, oldest first).
    pub actions: Vec<AuditEntry>,
    /// Who read or changed this account, oldest first.
    pub trail: Vec<AuditEntry>,
}

/// An account as its owner may see it; secrets (password, two-step secret, recovery codes,
/// session keys) are never exported, only whether they exist.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountData {
    pub account: Account,
    pub created_at: DateTime<Utc>,
    pub sessions: Vec<SessionData>,
    pub recovery_codes_left: u32,
    /// Sign-in attempts with this address (when, from where, whether it worked).
    pub sign_ins: Vec<SignInData>,
    /// The language of their mails, reminders and calendar (`nl`, `en`); none chosen yet.
    #[serde(default)]
    pub language: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionData {
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub device: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInData {
    pub at: DateTime<Utc>,
    pub ip: String,
    pub success: bool,
}
