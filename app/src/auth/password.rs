//! Password hashing (argon2id) and the guessability check (zxcvbn).

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::domain::account::password_length;
use crate::domain::validation::Problem;
use crate::error::AppError;

/// OWASP's minimum for argon2id: 19 MiB of memory, 2 passes, 1 lane. Raising these makes
/// every older hash be replaced at its owner's next sign-in.
pub const MEMORY_KIB: u32 = 19_456;
pub const ITERATIONS: u32 = 2;
pub const PARALLELISM: u32 = 1;

fn hasher() -> Argon2<'static> {
    // The parameters are constants within argon2's limits, so this cannot fail.
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes `password` on a blocking thread: argon2 takes tens of milliseconds of one core,
/// which on the async threads would hold up every other request they serve.
pub async fn hash(password: &str) -> Result<String, AppError> {
    let password = password.to_owned();
    off_thread(move || hash_now(&password)).await?
}

/// Checks `password` against `stored` on a blocking thread (see [`hash`]).
pub async fn verify(password: &str, stored: &str) -> Result<Verified, AppError> {
    let (password, stored) = (password.to_owned(), stored.to_owned());
    off_thread(move || verify_now(&password, &stored)).await
}

async fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(AppError::internal)
}

fn hash_now(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(AppError::internal)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verified {
    No,
    Yes,
    /// Right password, but the hash was made with older parameters: store a new one.
    YesRehash,
}

fn verify_now(password: &str, stored: &str) -> Verified {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return Verified::No;
    };
    if hasher()
        .verify_password(password.as_bytes(), &parsed)
        .is_err()
    {
        return Verified::No;
    }
    let current = parsed.algorithm.as_str() == "argon2id"
        && Params::try_from(&parsed).is_ok_and(|p| {
            p.m_cost() >= MEMORY_KIB && p.t_cost() >= ITERATIONS && p.p_cost() >= PARALLELISM
        });
    if current {
        Verified::Yes
    } else {
        Verified::YesRehash
    }
}

/// Work of the same cost as a real check, for unknown accounts: the answer then takes as
/// long whether the address exists or not.
pub async fn verify_dummy(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let password = password.to_owned();
    let _ = off_thread(move || {
        let stored = DUMMY.get_or_init(|| hash_now("klik-dummy-password").unwrap_or_default());
        verify_now(&password, stored)
    })
    .await;
}

/// A new password: 12 to 128 characters, not common nor guessable from the person's own
/// name or address.
pub fn check_new(password: &str, personal: &[&str]) -> Result<(), Problem> {
    password_length(password)?;
    // zxcvbn matches whole inputs: give it the parts people build passwords from too
    // ("an.peeters@x.be" and "An Peeters" -> "an", "peeters", "anpeeters", ...).
    let mut inputs: Vec<String> = Vec::new();
    for value in personal {
        let value = value.to_lowercase();
        let local = value.split('@').next().unwrap_or_default().to_owned();
        let words: Vec<&str> = local
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 1)
            .collect();
        inputs.push(words.concat());
        inputs.extend(words.iter().map(|w| (*w).to_owned()));
        inputs.push(local.clone());
        inputs.push(value);
    }
    let inputs: Vec<&str> = inputs
        .iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    let estimate = zxcvbn::zxcvbn(password, &inputs);
    if estimate.score() >= zxcvbn::Score::Three {
        Ok(())
    } else {
        Err(Problem::Guessable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_with_the_minimum_parameters() {
        let stored = hash_now("paarse-olifant-fietst-naar-Lier").unwrap();
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        assert_eq!(
            verify_now("paarse-olifant-fietst-naar-Lier", &stored),
            Verified::Yes
        );
        assert_eq!(
            verify_now("paarse-olifant-fietst-naar-lier", &stored),
            Verified::No
        );
        assert_eq!(verify_now("x", "not a hash"), Verified::No);
    }

    #[test]
    fn weaker_hashes_are_upgraded() {
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8192, 1, 1, None).unwrap(),
        );
        let salt = SaltString::generate(&mut OsRng);
        let old = weak
            .hash_password(b"paarse-olifant-fietst", &salt)
            .unwrap()
            .to_string();
        assert_eq!(
            verify_now("paarse-olifant-fietst", &old),
            Verified::YesRehash
        );
        let argon2i = Argon2::new(
            Algorithm::Argon2i,
            Version::V0x13,
            Params::new(19456, 2, 1, None).unwrap(),
        );
        let old = argon2i
            .hash_password(b"paarse-olifant-fietst", &salt)
            .unwrap()
            .to_string();
        assert_eq!(
            verify_now("paarse-olifant-fietst", &old),
            Verified::YesRehash
        );
    }

    #[test]
    fn common_and_personal_passwords_are_refused() {
        assert_eq!(check_new("password1234", &[]), Err(Problem::Guessable));
        assert_eq!(check_new("123456789012", &[]), Err(Problem::Guessable));
        assert_eq!(check_new("aaaaaaaaaaaa", &[]), Err(Problem::Guessable));
        assert_eq!(
            check_new("anpeeters2026", &["an.peeters@example.be", "An Peeters"]),
            Err(Problem::Guessable)
        );
        assert_eq!(check_new("kort", &[]), Err(Problem::TooShort { min: 12 }));
        // Long passphrases need no digits or capitals.
        assert_eq!(check_new("paarse olifant fietst naar lier", &[]), Ok(()));
    }
}
