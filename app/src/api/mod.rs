//! Server functions, one module per area. Each is thin: access check, database, domain.

pub mod account;
pub mod activities;
pub mod admin_lists;
pub mod audit;
pub mod buddies;
pub mod calendar;
#[cfg(feature = "ssr")]
pub mod ctx;
pub mod drafts;
pub mod duos;
pub mod events;
pub mod import;
pub mod invitations;
pub mod lists;
pub mod matching;
pub mod outbox;
pub mod participants;
pub mod privacy;
pub mod programme;
pub mod referrals;
pub mod registrations;
pub mod reports;
pub mod retention;
pub mod settings;
pub mod stepping_stones;
pub mod two_factor;
pub mod users;

/// A path on this site (`/board`), never another site (`//evil.example`, `https://…`):
/// the only kind of "next" page a form may ask for.
pub fn is_local_path(next: &str) -> bool {
    next.starts_with('/') && !next.starts_with("//") && !next.contains('\\')
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_local_paths_are_followed() {
        assert!(super::is_local_path("/board"));
        assert!(!super::is_local_path("//evil.example/board"));
        assert!(!super::is_local_path("https://evil.example"));
        assert!(!super::is_local_path("/\\evil.example"));
    }
}
