//! The buddy's calendar: what one activity looks like in someone's own calendar app (the
//! personal feed and the "add to my calendar" download), and which activities the feed
//! holds. Pure: the server turns these entries into iCalendar text.
//!
//! Deliberately little: the kind, the participant's first name, the time and the place.
//! Never the note, the check-in or the reason of a cancellation: a calendar is synchronised
//! to other companies' servers and read on lock screens.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::activity::ActivityStatus;
use crate::i18n::Texts;

/// How far back the feed goes: done and cancelled activities stay visible this long.
pub const FEED_PAST_DAYS: i64 = 90;
/// How often calendar apps are asked to fetch the feed again.
pub const FEED_REFRESH_HOURS: i64 = 1;
/// The path of a personal feed starts with this; the token follows, then [`FEED_SUFFIX`].
pub const FEED_PREFIX: &str = "/calendar/";
pub const FEED_SUFFIX: &str = ".ics";

/// The feed's path for a token (the token is the only secret in it).
pub fn feed_path(token: &str) -> String {
    format!("{FEED_PREFIX}{token}{FEED_SUFFIX}")
}

/// The download path of one activity.
pub fn activity_ics_path(id: i32) -> String {
    format!("/activities/{id}.ics")
}

/// The download path of one event.
pub fn event_ics_path(id: i64) -> String {
    format!("/events/{id}.ics")
}

/// One event of the programme (a session) as a calendar entry: title, time, place or link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventEntry {
    pub event_id: i32,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub link: String,
    pub cancelled: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

impl EventEntry {
    /// `event-7@klik`: never the same as an activity's.
    pub fn uid(&self) -> String {
        format!("event-{}@klik", self.event_id)
    }

    /// The place, else the online link, if either was given.
    pub fn location(&self) -> Option<&str> {
        [self.place.trim(), self.link.trim()]
            .into_iter()
            .find(|p| !p.is_empty())
    }

    /// The title, with a word in front when it was cancelled.
    pub fn summary(&self, t: &Texts) -> String {
        if self.cancelled {
            format!("{} {}", t.calendar_event_cancelled, self.title.trim())
        } else {
            self.title.trim().to_owned()
        }
    }
}

/// A path fit for the log: a feed's token is replaced, everything else stays as it is.
pub fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    match path.strip_prefix(FEED_PREFIX) {
        Some(rest) if !rest.is_empty() => format!("{FEED_PREFIX}[redacted]").into(),
        _ => path.into(),
    }
}

/// The first moment the feed shows, at `now`.
pub fn feed_from(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::days(FEED_PAST_DAYS)
}

/// One activity as a calendar event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarEntry {
    pub activity_id: i32,
    /// The activity kind's name from the admins' list (`wandelen`, `koffie drinken`).
    pub kind: String,
    /// Only when the participant agreed to share it with their buddy.
    pub participant_first_name: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i32,
    pub place: String,
    pub status: ActivityStatus,
    /// Bumped on every change: calendar apps take the newest.
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

impl CalendarEntry {
    /// `activity-12@klik`: the same for every fetch, so calendar apps update, not duplicate.
    pub fn uid(&self) -> String {
        format!("activity-{}@klik", self.activity_id)
    }

    /// At least a quarter of an hour, whatever was stored.
    pub fn ends_at(&self) -> DateTime<Utc> {
        self.starts_at + Duration::minutes(i64::from(self.duration_minutes.max(15)))
    }

    /// "Klik: wandelen met Sam", with a word in front when it was cancelled.
    pub fn summary(&self, t: &Texts) -> String {
        let with = self
            .participant_first_name
            .as_deref()
            .unwrap_or(t.duo_partner);
        let summary = (t.calendar_event_summary)(self.kind.trim(), with.trim());
        match self.status {
            ActivityStatus::Cancelled => format!("{} {summary}", t.calendar_event_cancelled),
            ActivityStatus::Planned | ActivityStatus::Done => summary,
        }
    }

    /// The place, if one was given.
    pub fn location(&self) -> Option<&str> {
        Some(self.place.trim()).filter(|p| !p.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use chrono::TimeZone;

    fn entry(status: ActivityStatus) -> CalendarEntry {
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 13, 30, 0).unwrap();
        CalendarEntry {
            activity_id: 12,
            kind: "Wandelen".into(),
            participant_first_name: Some("Sam".into()),
            starts_at: at,
            duration_minutes: 90,
            place: " Vrijbroekpark ".into(),
            status,
            version: 2,
            updated_at: at,
        }
    }

    #[test]
    fn an_event_entry_has_its_own_uid_and_a_place_or_link() {
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 18, 0, 0).unwrap();
        let mut e = EventEntry {
            event_id: 12,
            title: " Intervisie ".into(),
            starts_at: at,
            ends_at: at + Duration::hours(2),
            place: " ".into(),
            link: "https://meet.example/x".into(),
            cancelled: false,
            version: 1,
            created_at: at,
        };
        assert_eq!(e.uid(), "event-12@klik");
        assert_ne!(e.uid(), entry(ActivityStatus::Planned).uid());
        assert_eq!(e.location(), Some("https://meet.example/x"));
        assert_eq!(e.summary(Lang::Nl.texts()), "Intervisie");
        e.cancelled = true;
        e.place = "Zaal 2".into();
        assert_eq!(e.location(), Some("Zaal 2"));
        assert!(e.summary(Lang::Nl.texts()).ends_with(" Intervisie"));
        assert_eq!(event_ics_path(12), "/events/12.ics");
    }

    #[test]
    fn an_entry_has_a_stable_uid_an_end_and_a_short_summary() {
        let e = entry(ActivityStatus::Planned);
        assert_eq!(e.uid(), "activity-12@klik");
        assert_eq!(e.ends_at(), e.starts_at + Duration::minutes(90));
        assert_eq!(e.summary(Lang::Nl.texts()), "Klik: Wandelen met Sam");
        assert_eq!(e.summary(Lang::En.texts()), "Klik: Wandelen with Sam");
        assert_eq!(e.location(), Some("Vrijbroekpark"));
        let cancelled = entry(ActivityStatus::Cancelled).summary(Lang::Nl.texts());
        assert!(cancelled.starts_with("Afgelast"), "{cancelled}");
    }

    #[test]
    fn odd_durations_and_places_are_tidied() {
        let mut e = entry(ActivityStatus::Done);
        e.duration_minutes = 0;
        e.place = "  ".into();
        assert_eq!(e.ends_at(), e.starts_at + Duration::minutes(15));
        assert_eq!(e.location(), None);
    }

    #[test]
    fn feed_tokens_never_reach_the_log() {
        assert_eq!(
            loggable_path(&feed_path("abcDEF123_-")),
            "/calendar/[redacted]"
        );
        assert_eq!(loggable_path("/calendar"), "/calendar");
        assert_eq!(loggable_path("/calendar/"), "/calendar/");
        assert_eq!(loggable_path("/activities/4.ics"), "/activities/4.ics");
        assert_eq!(activity_ics_path(4), "/activities/4.ics");
    }
}
