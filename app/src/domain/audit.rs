//! What the audit log records: who did what to which kind of record, never its content.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    LoginSucceeded,
    LoginFailed,
    /// Refused because of too many failed attempts.
    LoginThrottled,
    Logout,
    Read,
    Create,
    Update,
    Delete,
}

impl AuditAction {
    pub const ALL: [AuditAction; 8] = [
        AuditAction::LoginSucceeded,
        AuditAction::LoginFailed,
        AuditAction::LoginThrottled,
        AuditAction::Logout,
        AuditAction::Read,
        AuditAction::Create,
        AuditAction::Update,
        AuditAction::Delete,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AuditAction::LoginSucceeded => "login_succeeded",
            AuditAction::LoginFailed => "login_failed",
            AuditAction::LoginThrottled => "login_throttled",
            AuditAction::Logout => "logout",
            AuditAction::Read => "read",
            AuditAction::Create => "create",
            AuditAction::Update => "update",
            AuditAction::Delete => "delete",
        }
    }

    pub fn from_code(code: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// Kinds of record named in the log.
pub mod kind {
    pub const USER: &str = "user";
    pub const SESSION: &str = "session";
    pub const SETTING: &str = "setting";
    pub const OUTBOX: &str = "outbox";
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
