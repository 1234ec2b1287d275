//! What the audit log records: who did what to which kind of record, never its content.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::lists::ListKind;

crate::coded! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum AuditAction {
        LoginSucceeded = "login_succeeded",
        LoginFailed = "login_failed",
        /// Refused because of too many failed attempts.
        LoginThrottled = "login_throttled",
        Logout = "logout",
        Read = "read",
        Create = "create",
        Update = "update",
        Delete = "delete",
        /// A record anonymised (its content is not logged, only that it happened).
        Erase = "erase",
        /// A person's data handed out on request (art. 15): the page or the file.
        Export = "export",
    }
}

/// Kinds of record named in the log, as stored; the only place these codes are spelled out
/// (the database layer also names status histories and timelines by them).
pub mod kind {
    pub const USER: &str = "user";
    pub const SESSION: &str = "session";
    pub const SETTING: &str = "setting";
    pub const OUTBOX: &str = "outbox";
    pub const PARTICIPANT: &str = "participant";
    pub const BUDDY: &str = "buddy";
    pub const DUO: &str = "duo";
    pub const ACTIVITY: &str = "activity";
    pub const CALENDAR_FEED: &str = "calendar_feed";
    pub const REGISTRATION: &str = "registration";
    pub const REFERRAL: &str = "referral";
    pub const EVENT: &str = "event";
    pub const EVENT_INVITATION: &str = "event_invitation";
}

/// Every kind of record the log names: one list, so that a new kind is added here once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordKind {
    User,
    Session,
    Setting,
    Outbox,
    Participant,
    Buddy,
    Duo,
    Activity,
    CalendarFeed,
    /// A candidate participant's registration (part of their file once they are one).
    Registration,
    /// A referral to a stepping stone (part of the participant's file).
    Referral,
    Event,
    /// An invitation to an event: its answer and attendance.
    EventInvitation,
    /// An entry of an admin-managed list, named by its list's code.
    ListEntry(ListKind),
}

/// The kinds other than list entries.
const FIXED_KINDS: [RecordKind; 13] = [
    RecordKind::User,
    RecordKind::Session,
    RecordKind::Setting,
    RecordKind::Outbox,
    RecordKind::Participant,
    RecordKind::Buddy,
    RecordKind::Duo,
    RecordKind::Activity,
    RecordKind::CalendarFeed,
    RecordKind::Registration,
    RecordKind::Referral,
    RecordKind::Event,
    RecordKind::EventInvitation,
];

impl RecordKind {
    /// Every kind, one per list for list entries (built from [`ListKind::ALL`], so that a
    /// new list needs nothing here).
    pub const ALL: [RecordKind; FIXED_KINDS.len() + ListKind::ALL.len()] = {
        let mut all = [RecordKind::User; FIXED_KINDS.len() + ListKind::ALL.len()];
        let mut i = 0;
        while i < all.len() {
            all[i] = if i < FIXED_KINDS.len() {
                FIXED_KINDS[i]
            } else {
                RecordKind::ListEntry(ListKind::ALL[i - FIXED_KINDS.len()])
            };
            i += 1;
        }
        all
    };

    /// The code stored in the log's `record_kind` column.
    pub fn code(self) -> &'static str {
        match self {
            RecordKind::User => kind::USER,
            RecordKind::Session => kind::SESSION,
            RecordKind::Setting => kind::SETTING,
            RecordKind::Outbox => kind::OUTBOX,
            RecordKind::Participant => kind::PARTICIPANT,
            RecordKind::Buddy => kind::BUDDY,
            RecordKind::Duo => kind::DUO,
            RecordKind::Activity => kind::ACTIVITY,
            RecordKind::CalendarFeed => kind::CALENDAR_FEED,
            RecordKind::Registration => kind::REGISTRATION,
            RecordKind::Referral => kind::REFERRAL,
            RecordKind::Event => kind::EVENT,
            RecordKind::EventInvitation => kind::EVENT_INVITATION,
            RecordKind::ListEntry(list) => list.code(),
        }
    }

    pub fn from_code(code: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One record named in the log: its kind and its id (or key, for a setting).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub kind: RecordKind,
    pub id: String,
}

impl Record {
    pub fn new(kind: RecordKind, id: impl ToString) -> Record {
        Record {
            kind,
            id: id.to_string(),
        }
    }

    /// As the log stores it.
    pub fn parts(&self) -> (&'static str, String) {
        (self.kind.code(), self.id.clone())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i32,
    pub at: DateTime<Utc>,
    pub actor_id: Option<i32>,
    pub actor_name: Option<String>,
    pub action: AuditAction,
    pub record_kind: Option<String>,
    pub record_id: Option<String>,
}

#[cfg(test)]
mod record_tests {
    use super::*;

    #[test]
    fn record_kinds_have_distinct_codes_that_read_back() {
        for kind in RecordKind::ALL {
            assert_eq!(RecordKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(RecordKind::from_code("nope"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::from_code(action.code()), Some(action));
        }
        assert_eq!(AuditAction::from_code("erase_everything"), None);
    }
}
