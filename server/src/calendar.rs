//! The buddy's activities in their own calendar app (Google, Apple, Outlook):
//!
//! - `GET /calendar/{token}.ics`: the personal feed a calendar app subscribes to. No session:
//!   the secret token is the key (only its hash is stored); an unknown or revoked token is a
//!   bare 404. The token never reaches the log (see [`app::domain::calendar::loggable_path`]).
//! - `GET /activities/{id}.ics`: one activity as a download ("add to my calendar"), for the
//!   signed-in buddy of its duo and for coordinators and admins; 404 for anyone else, so
//!   that nobody learns which activities exist.
//! - `GET /events/{id}.ics`: one event (session) of the programme, for a buddy invited to it,
//!   for coordinators and admins, and for the partner when it co-organises it; 404 else.
//!
//! Both are answered by a middleware in front of the router rather than by routes of their
//! own: `/activities/{id}.ics` then never collides with pages such as `/activities/:id`
//! (the router cannot tell a parameter with a suffix from a plain one).
//!
//! The events hold the kind, the participant's first name, the time and the place: never
//! notes, check-ins or reasons (a calendar is synchronised to other companies' servers).

use app::domain::account::Role;
use app::domain::activity::ActivityStatus;
use app::domain::calendar::{
    CalendarEntry, EventEntry, FEED_PREFIX, FEED_REFRESH_HOURS, FEED_SUFFIX, feed_from,
};
use app::i18n::{Lang, Texts};
use app::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use icalendar::{Calendar, Class, Component, Event, EventLike, EventStatus, Property};

const ACTIVITY_PREFIX: &str = "/activities/";
const EVENT_PREFIX: &str = "/events/";
const CONTENT_TYPE: &str = "text/calendar; charset=utf-8";

/// Answers the two calendar addresses; every other request goes on to the router.
pub async fn serve(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    let path = request.uri().path();
    let answer = if let Some(token) = file_stem(path, FEED_PREFIX) {
        feed(&state, token).await
    } else if let Some(id) = file_stem(path, ACTIVITY_PREFIX) {
        match id.parse::<i32>() {
            Ok(id) if id > 0 => activity(&state, request.headers(), id).await,
            _ => Ok(not_found()),
        }
    } else if let Some(id) = file_stem(path, EVENT_PREFIX) {
        match id.parse::<i32>() {
            Ok(id) if id > 0 => programme_event(&state, request.headers(), id).await,
            _ => Ok(not_found()),
        }
    } else {
        return next.run(request).await;
    };
    answer.unwrap_or_else(|error| {
        // The detail stays in the log (without the path: it may hold a token).
        tracing::error!(%error, "calendar answer failed");
        StatusCode::INTERNAL_SERVER_ERROR.into_response()
    })
}

/// `abc` for `{prefix}abc.ics`: one path segment, nothing else.
fn file_stem<'a>(path: &'a str, prefix: &str) -> Option<&'a str> {
    path.strip_prefix(prefix)?
        .strip_suffix(FEED_SUFFIX)
        .filter(|stem| !stem.is_empty() && !stem.contains('/'))
}

/// A token as [`app::auth::token::new_token`] makes them: 43 characters of base64url.
fn looks_like_token(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

async fn feed(state: &AppState, token: &str) -> Result<Response, app::error::AppError> {
    if !looks_like_token(token) {
        return Ok(not_found());
    }
    let hash = app::auth::token::hash_token(token);
    let Some((buddy, lang)) = app::db::calendar::buddy_of_token(&state.db, &hash).await? else {
        return Ok(not_found());
    };
    let now = state.clock.now();
    let entries = app::db::calendar::feed_entries(&state.db, buddy, feed_from(now)).await?;
    let events = app::db::calendar::event_entries(&state.db, buddy, feed_from(now)).await?;
    // In the buddy's own language: a calendar app fetches the feed without any cookie.
    Ok(ics_response(
        feed_calendar(&entries, &events, lang.texts()),
        None,
    ))
}

async fn activity(
    state: &AppState,
    headers: &HeaderMap,
    id: i32,
) -> Result<Response, app::error::AppError> {
    let Some(user) = app::auth::session::user_of_headers(state, headers).await? else {
        // Signed out (or the session ended): sign in first; nothing is said about `id`.
        return Ok((StatusCode::SEE_OTHER, [(header::LOCATION, "/login")]).into_response());
    };
    let Some((entry, duo)) = app::db::calendar::entry(&state.db, id).await? else {
        return Ok(not_found());
    };
    let allowed = match user.role {
        Role::Buddy => {
            let own = app::db::buddies::id_of_user(&state.db, user.id).await?;
            own == Some(duo.buddy_id) && duo.stage != app::domain::duo::DuoStage::Ended.code()
        }
        Role::Admin | Role::Coordinator => !app::auth::policy::must_enrol(state, &user).await?,
        Role::Screener => false,
    };
    if !allowed {
        return Ok(not_found());
    }
    let lang = download_lang(state, headers, user.id).await?;
    let calendar = activity_calendar(&entry, lang.texts());
    let file = format!("attachment; filename=\"klik-{id}.ics\"");
    Ok(ics_response(calendar, Some(file)))
}

async fn programme_event(
    state: &AppState,
    headers: &HeaderMap,
    id: i32,
) -> Result<Response, app::error::AppError> {
    use app::domain::event::Organiser;
    let Some(user) = app::auth::session::user_of_headers(state, headers).await? else {
        return Ok((StatusCode::SEE_OTHER, [(header::LOCATION, "/login")]).into_response());
    };
    let Some(e) = app::db::events::find(&state.db, id).await? else {
        return Ok(not_found());
    };
    let allowed = match user.role {
        Role::Buddy => match app::db::buddies::id_of_user(&state.db, user.id).await? {
            Some(buddy) => app::db::events::is_invited(&state.db, id, buddy).await?,
            None => false,
        },
        Role::Admin | Role::Coordinator => !app::auth::policy::must_enrol(state, &user).await?,
        Role::Screener => {
            let organiser: Organiser = app::db::decode("event", "organiser", &e.organiser)?;
            organiser.with_partner() && !app::auth::policy::must_enrol(state, &user).await?
        }
    };
    if !allowed {
        return Ok(not_found());
    }
    let lang = download_lang(state, headers, user.id).await?;
    let mut calendar = base_calendar(lang.texts());
    calendar.push(programme_event_entry(
        &app::db::calendar::event_entry(e),
        lang.texts(),
    ));
    let file = format!("attachment; filename=\"klik-event-{id}.ics\"");
    Ok(ics_response(calendar.done(), Some(file)))
}

/// A download's language: the account's, else the page's (the language cookie).
async fn download_lang(
    state: &AppState,
    headers: &HeaderMap,
    user_id: i32,
) -> Result<Lang, app::error::AppError> {
    if let Some(lang) = app::db::users::language(&state.db, user_id).await? {
        return Ok(lang);
    }
    Ok(headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_cookie_header)
        .unwrap_or_default())
}

fn ics_response(calendar: Calendar, disposition: Option<String>) -> Response {
    let mut response = Response::new(Body::from(calendar.to_string()));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
    // Personal: no shared cache keeps it, and calendar apps fetch it fresh anyway.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    headers.insert("x-robots-tag", HeaderValue::from_static("noindex"));
    if let Some(value) = disposition.and_then(|d| HeaderValue::from_str(&d).ok()) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// Unknown, revoked, someone else's: all the same, and nothing more.
fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CACHE_CONTROL, "no-store")],
        "Not Found",
    )
        .into_response()
}

/// One activity as an iCalendar event.
pub fn event(entry: &CalendarEntry, t: &Texts) -> Event {
    let mut event = Event::with_uid(&entry.uid());
    event
        .summary(&entry.summary(t))
        .starts(entry.starts_at)
        .ends(entry.ends_at())
        .timestamp(entry.updated_at)
        .last_modified(entry.updated_at)
        .sequence(u32::try_from(entry.version).unwrap_or(0))
        // Shared calendars show "busy", not what.
        .class(Class::Private)
        .status(match entry.status {
            ActivityStatus::Planned | ActivityStatus::Done => EventStatus::Confirmed,
            ActivityStatus::Cancelled => EventStatus::Cancelled,
        });
    if let Some(place) = entry.location() {
        event.location(place);
    }
    event.done()
}

/// One event of the programme as an iCalendar event.
pub fn programme_event_entry(entry: &EventEntry, t: &Texts) -> Event {
    let mut event = Event::with_uid(&entry.uid());
    event
        .summary(&entry.summary(t))
        .starts(entry.starts_at)
        .ends(entry.ends_at)
        .timestamp(entry.created_at)
        .sequence(u32::try_from(entry.version).unwrap_or(0))
        .status(if entry.cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    if let Some(place) = entry.location() {
        event.location(place);
    }
    event.done()
}

fn base_calendar(t: &Texts) -> Calendar {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", "-//Klik//Buddywerking//NL"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .name(t.calendar_feed_name);
    calendar
}

/// The personal feed: every entry, and how often to fetch it again.
pub fn feed_calendar(entries: &[CalendarEntry], events: &[EventEntry], t: &Texts) -> Calendar {
    let mut calendar = base_calendar(t);
    calendar.ttl(&chrono::Duration::hours(FEED_REFRESH_HOURS));
    calendar.extend(entries.iter().map(|e| event(e, t)));
    calendar.extend(events.iter().map(|e| programme_event_entry(e, t)));
    calendar.done()
}

/// A single activity, for the download.
pub fn activity_calendar(entry: &CalendarEntry, t: &Texts) -> Calendar {
    let mut calendar = base_calendar(t);
    calendar.push(event(entry, t));
    calendar.done()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn entry(id: i32, status: ActivityStatus) -> CalendarEntry {
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 13, 30, 0).unwrap();
        CalendarEntry {
            activity_id: id,
            kind: "Koffie drinken".into(),
            participant_first_name: Some("Sam".into()),
            starts_at: at,
            duration_minutes: 90,
            place: "Café De Markt, Grote Markt; Mechelen".into(),
            status,
            version: 3,
            updated_at: Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap(),
        }
    }

    /// The lines of the text, with folded lines joined again.
    fn unfolded(text: &str) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for line in text.split("\r\n") {
            match (line.strip_prefix(' '), lines.last_mut()) {
                (Some(rest), Some(last)) => last.push_str(rest),
                _ => lines.push(line.to_owned()),
            }
        }
        lines
    }

    #[test]
    fn an_activity_becomes_an_event_in_utc_with_a_stable_uid() {
        let text =
            activity_calendar(&entry(12, ActivityStatus::Planned), Lang::Nl.texts()).to_string();
        let lines = unfolded(&text);
        for expected in [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "BEGIN:VEVENT",
            "UID:activity-12@klik",
            "DTSTART:20261203T133000Z",
            "DTEND:20261203T150000Z",
            "DTSTAMP:20261127T090000Z",
            "SEQUENCE:3",
            "STATUS:CONFIRMED",
            "CLASS:PRIVATE",
            "SUMMARY:Klik: Koffie drinken met Sam",
            // Commas and semicolons are escaped.
            "LOCATION:Café De Markt\\, Grote Markt\\; Mechelen",
            "END:VEVENT",
            "END:VCALENDAR",
        ] {
            assert!(
                lines.iter().any(|l| l == expected),
                "{expected} missing in\n{text}"
            );
        }
        assert!(text.ends_with("\r\n"));
        assert!(!text.contains("DESCRIPTION"), "{text}");
    }

    #[test]
    fn cancelled_activities_say_so_and_places_are_optional() {
        let mut e = entry(4, ActivityStatus::Cancelled);
        e.place = String::new();
        let text = event(&e, Lang::Nl.texts()).to_string();
        assert!(text.contains("STATUS:CANCELLED"), "{text}");
        assert!(
            text.contains("SUMMARY:Afgelast: Klik: Koffie drinken met Sam"),
            "{text}"
        );
        assert!(!text.contains("LOCATION"), "{text}");
        let done = event(&entry(5, ActivityStatus::Done), Lang::En.texts()).to_string();
        assert!(done.contains("STATUS:CONFIRMED"), "{done}");
        assert!(
            done.contains("SUMMARY:Klik: Koffie drinken with Sam"),
            "{done}"
        );
    }

    #[test]
    fn the_feed_has_a_name_a_refresh_interval_and_every_entry() {
        let entries = [
            entry(1, ActivityStatus::Done),
            entry(2, ActivityStatus::Planned),
        ];
        let at = chrono::Utc.with_ymd_and_hms(2026, 12, 3, 18, 0, 0).unwrap();
        let session = EventEntry {
            event_id: 4,
            title: "Intervisie".into(),
            starts_at: at,
            ends_at: at + chrono::Duration::hours(2),
            place: "Zaal 2".into(),
            link: String::new(),
            cancelled: true,
            version: 2,
            created_at: at,
        };
        let text = feed_calendar(&entries, &[session], Lang::Nl.texts()).to_string();
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 3);
        assert!(text.contains("UID:event-4@klik"), "{text}");
        assert!(text.contains("LOCATION:Zaal 2"), "{text}");
        assert_eq!(text.matches("STATUS:CANCELLED").count(), 1, "{text}");
        assert!(text.contains("X-WR-CALNAME:"), "{text}");
        assert!(
            text.contains("REFRESH-INTERVAL;VALUE=DURATION:PT3600S")
                || text.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H"),
            "{text}"
        );
        let empty = feed_calendar(&[], &[], Lang::Nl.texts()).to_string();
        assert!(empty.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(!empty.contains("BEGIN:VEVENT"));
    }

    #[test]
    fn only_single_segment_ics_paths_are_taken() {
        assert_eq!(file_stem("/calendar/abc.ics", FEED_PREFIX), Some("abc"));
        assert_eq!(file_stem("/calendar/.ics", FEED_PREFIX), None);
        assert_eq!(file_stem("/calendar/a/b.ics", FEED_PREFIX), None);
        assert_eq!(file_stem("/calendar", FEED_PREFIX), None);
        assert_eq!(file_stem("/activities/7.ics", ACTIVITY_PREFIX), Some("7"));
        assert_eq!(file_stem("/activities/7", ACTIVITY_PREFIX), None);
        assert_eq!(file_stem("/events/7.ics", EVENT_PREFIX), Some("7"));
        assert_eq!(
            file_stem("/events/answer", EVENT_PREFIX),
            None,
            "pages pass"
        );
        assert!(looks_like_token(&app::auth::token::new_token()));
        assert!(!looks_like_token("short"));
        assert!(!looks_like_token(&"é".repeat(43)));
    }
}
