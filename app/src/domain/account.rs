//! Accounts: roles, session lifetimes and the rules for e-mail addresses and passwords.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::validation::Problem;

crate::coded! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Role {
        Admin = "admin",
        Coordinator = "coordinator",
        Screener = "screener",
        Buddy = "buddy",
    }
}

impl Role {
    /// Staff sign in on shared or office computers; buddies on their own phone.
    pub fn is_staff(self) -> bool {
        !matches!(self, Role::Buddy)
    }

    /// The roles for which an admin can make two-step sign-in compulsory.
    pub fn two_factor_expected(self) -> bool {
        matches!(self, Role::Admin | Role::Coordinator)
    }

    /// How long a session may stay unused, and how long it may last at all.
    pub fn session_limits(self) -> SessionLimits {
        if self.is_staff() {
            SessionLimits {
                idle: Duration::minutes(30),
                absolute: Duration::hours(12),
            }
        } else {
            SessionLimits {
                idle: Duration::days(30),
                absolute: Duration::days(90),
            }
        }
    }
}

// The role sets that the access policy and the pages both name, so that a page shows what
// its server functions allow.

/// Admins only: settings, lists, users' access, the audit log.
pub const ADMIN: &[Role] = &[Role::Admin];
/// Those who run the programme: participants, matching, the board.
pub const STAFF_ADMIN: &[Role] = &[Role::Admin, Role::Coordinator];
/// Everyone of the programme and its partner, not buddies.
pub const STAFF: &[Role] = &[Role::Admin, Role::Coordinator, Role::Screener];
/// Buddies, for their own duos (checked inside each function).
pub const BUDDY: &[Role] = &[Role::Buddy];
/// The partner organisation's screener.
pub const SCREENER: &[Role] = &[Role::Screener];

/// The signed-in person, as the interface knows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i32,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// Two-step sign-in is on for this account.
    pub two_factor: bool,
}

/// An account as the server and the user list see it: never the password hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: i32,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub active: bool,
    /// False while an invitation is still open.
    pub has_password: bool,
    pub two_factor: bool,
    pub version: i32,
}

impl Account {
    pub fn current(&self) -> CurrentUser {
        CurrentUser {
            id: self.id,
            email: self.email.clone(),
            display_name: self.display_name.clone(),
            role: self.role,
            two_factor: self.two_factor,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionLimits {
    pub idle: Duration,
    pub absolute: Duration,
}

pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 128;
pub const EMAIL_MAX: usize = 254;
pub const NAME_MAX: usize = 100;

/// Length only: no composition rules. Guessability is judged on the server.
pub fn password_length(password: &str) -> Result<(), Problem> {
    let len = password.chars().count();
    if len == 0 {
        Err(Problem::Required)
    } else if len < PASSWORD_MIN {
        Err(Problem::TooShort { min: PASSWORD_MIN })
    } else if len > PASSWORD_MAX {
        Err(Problem::TooLong { max: PASSWORD_MAX })
    } else {
        Ok(())
    }
}

/// Trims and lower-cases an address and checks its shape (one `@`, a dot in the domain,
/// no spaces); whether it exists is learnt only by writing to it.
pub fn email(value: &str) -> Result<String, Problem> {
    let email = value.trim().to_lowercase();
    if email.is_empty() {
        return Err(Problem::Required);
    }
    if email.chars().count() > EMAIL_MAX {
        return Err(Problem::TooLong { max: EMAIL_MAX });
    }
    let valid = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email
                    .chars()
                    .any(|c| c.is_whitespace() || c.is_control() || "<>\"".contains(c))
        }
        None => false,
    };
    if valid {
        Ok(email)
    } else {
        Err(Problem::Invalid)
    }
}

/// Length of a recovery code, without the hyphen shown in the middle.
pub const RECOVERY_CODE_LEN: usize = 10;
/// Letters and digits that cannot be mistaken for each other when copied from paper.
pub const RECOVERY_CODE_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// What someone typed at the second step of signing in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecondFactor {
    /// Six digits from an authenticator app.
    Code(String),
    /// One of the printed recovery codes, normalised.
    Recovery(String),
}

/// Reads an authenticator code (spaces allowed) or a recovery code (any case, hyphens and
/// spaces allowed).
pub fn second_factor(value: &str) -> Result<SecondFactor, Problem> {
    let compact: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_lowercase();
    if compact.is_empty() {
        Err(Problem::Required)
    } else if compact.len() == 6 && compact.chars().all(|c| c.is_ascii_digit()) {
        Ok(SecondFactor::Code(compact))
    } else if compact.chars().count() == RECOVERY_CODE_LEN
        && compact.bytes().all(|b| RECOVERY_CODE_ALPHABET.contains(&b))
    {
        Ok(SecondFactor::Recovery(compact))
    } else {
        Err(Problem::Invalid)
    }
}

/// How a recovery code is shown: two groups of five.
pub fn format_recovery_code(code: &str) -> String {
    let (a, b) = code.split_at(code.len().min(RECOVERY_CODE_LEN / 2));
    format!("{a}-{b}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("root"), None);
    }

    #[test]
    fn staff_sessions_are_short_and_buddy_sessions_long() {
        for role in [Role::Admin, Role::Coordinator, Role::Screener] {
            let limits = role.session_limits();
            assert_eq!(limits.idle, Duration::minutes(30));
            assert_eq!(limits.absolute, Duration::hours(12));
        }
        let buddy = Role::Buddy.session_limits();
        assert_eq!(buddy.idle, Duration::days(30));
        assert_eq!(buddy.absolute, Duration::days(90));
    }

    #[test]
    fn passwords_need_12_to_128_characters_and_nothing_else() {
        assert_eq!(password_length(""), Err(Problem::Required));
        assert_eq!(password_length("kort"), Err(Problem::TooShort { min: 12 }));
        assert_eq!(password_length("alleenkleineletters"), Ok(()));
        assert_eq!(password_length(&"é".repeat(128)), Ok(()));
        assert_eq!(
            password_length(&"a".repeat(129)),
            Err(Problem::TooLong { max: 128 })
        );
    }

    #[test]
    fn second_factor_accepts_codes_and_recovery_codes_as_typed() {
        assert_eq!(
            second_factor(" 123 456 "),
            Ok(SecondFactor::Code("123456".into()))
        );
        assert_eq!(
            second_factor("ABCDE-FGH23"),
            Ok(SecondFactor::Recovery("abcdefgh23".into()))
        );
        assert_eq!(second_factor(""), Err(Problem::Required));
        for bad in ["12345", "1234567", "abcde-fgh2", "abcde-fgh10", "<script>"] {
            assert_eq!(second_factor(bad), Err(Problem::Invalid), "{bad}");
        }
        assert_eq!(format_recovery_code("abcdefgh23"), "abcde-fgh23");
        assert!(Role::Admin.two_factor_expected() && !Role::Buddy.two_factor_expected());
    }

    #[test]
    fn email_addresses_are_normalised_and_checked() {
        assert_eq!(
            email("  An.Peeters@Example.BE "),
            Ok("an.peeters@example.be".into())
        );
        assert_eq!(email(""), Err(Problem::Required));
        for bad in [
            "an",
            "an@",
            "@example.be",
            "an@example",
            "an@@example.be",
            "a n@example.be",
            "<script>@x.be",
            "an@example.be.",
            "an@.be",
        ] {
            assert_eq!(email(bad), Err(Problem::Invalid), "{bad}");
        }
        assert_eq!(
            email(&format!("{}@example.be", "a".repeat(300))),
            Err(Problem::TooLong { max: 254 })
        );
    }
}
