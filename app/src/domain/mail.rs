//! Messages in the outbox: their states, the retry rule, and what the admin page shows. Pure.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

crate::coded! {
    /// Where a message in the outbox is.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum MailStatus {
        /// Waiting for its first or next attempt (`next_attempt_at`).
        Pending = "pending",
        /// Claimed by one server instance, which is sending it; the claim (lease) runs out at
        /// `next_attempt_at`.
        Sending = "sending",
        Sent = "sent",
        /// Given up after [`MAX_ATTEMPTS`] or on an address that can never work.
        Failed = "failed",
    }
}

/// Attempts before a message is given up.
pub const MAX_ATTEMPTS: i32 = 12;
/// Wait after the first failed attempt; doubled after every next one.
pub const FIRST_RETRY_MINUTES: i64 = 1;
/// The longest wait between two attempts.
pub const MAX_RETRY_MINUTES: i64 = 4 * 60;

/// How long to wait after `attempts` failed attempts (1 or more) before the next one:
/// 1 minute, 2, 4, 8 … at most 4 hours; `None` once [`MAX_ATTEMPTS`] are used up.
/// With these numbers a message is tried for about 16 hours before it is given up.
pub fn retry_delay(attempts: i32) -> Option<Duration> {
    if attempts >= MAX_ATTEMPTS {
        return None;
    }
    let doublings = u32::try_from(attempts.max(1) - 1).unwrap_or(0).min(30);
    let minutes = FIRST_RETRY_MINUTES
        .saturating_mul(1_i64 << doublings)
        .min(MAX_RETRY_MINUTES);
    Some(Duration::minutes(minutes))
}

/// One line of the admin's outbox page. The body is never shown there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub id: i32,
    pub kind: String,
    pub to_address: String,
    pub subject: String,
    pub status: MailStatus,
    pub attempts: i32,
    pub created_at: DateTime<Utc>,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub sent_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
}

/// The admin's outbox page: the newest messages and what still waits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxPage {
    /// Messages waiting or being sent.
    pub pending: u64,
    /// Whether `KLIK_SMTP_URL` is set, i.e. anything is delivered at all.
    pub delivery_configured: bool,
    pub rows: Vec<OutboxRow>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_exponentially_up_to_a_cap_then_give_up() {
        let minutes: Vec<i64> = (1..MAX_ATTEMPTS)
            .map(|n| retry_delay(n).unwrap().num_minutes())
            .collect();
        assert_eq!(
            minutes,
            [1, 2, 4, 8, 16, 32, 64, 128, 240, 240, 240],
            "1 minute, doubled each time, at most 4 hours"
        );
        assert_eq!(retry_delay(MAX_ATTEMPTS), None);
        assert_eq!(retry_delay(MAX_ATTEMPTS + 5), None);
        // Nonsense input still gives the shortest wait rather than a panic.
        assert_eq!(retry_delay(0), Some(Duration::minutes(1)));
        assert_eq!(retry_delay(-3), Some(Duration::minutes(1)));
    }

    #[test]
    fn statuses_round_trip() {
        for status in MailStatus::ALL {
            assert_eq!(MailStatus::from_code(status.code()), Some(status));
        }
        assert_eq!(MailStatus::from_code("lost"), None);
    }
}
