//! Two-step sign-in: TOTP secrets (RFC 6238, as authenticator apps expect them) and one-time
//! recovery codes.

use qrcode::QrCode;
use qrcode::render::svg;
use rand::{Rng, RngCore};
use totp_rs::{Algorithm, Secret, Totp};

use super::token::hash_token;
use crate::domain::account::{RECOVERY_CODE_ALPHABET, RECOVERY_CODE_LEN};
use crate::error::AppError;

/// Number of recovery codes handed out at once.
pub const RECOVERY_CODES: usize = 10;

/// A new random secret of 160 bits, base32 as authenticator apps show it.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    Secret::new_stack(bytes).to_base32()
}

fn totp(secret: &str, issuer: &str, account: &str) -> Result<Totp, AppError> {
    let secret = Secret::try_from_base32(secret).map_err(AppError::internal)?;
    // ':' separates issuer and account in the otpauth label; apps refuse it inside either.
    let clean = |s: &str| s.replace(':', " ");
    totp_rs::Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_step_duration(30)
        .with_skew(1)
        .with_secret(secret)
        .with_issuer(Some(clean(issuer)))
        .with_account_name(clean(account))
        .build()
        .map_err(AppError::internal)
}

/// What an authenticator app needs: the `otpauth://` address and its QR code as SVG.
pub fn enrolment(secret: &str, issuer: &str, account: &str) -> Result<(String, String), AppError> {
    let url = totp(secret, issuer, account)?
        .to_url()
        .map_err(AppError::internal)?;
    let svg = QrCode::new(url.as_bytes())
        .map_err(AppError::internal)?
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    Ok((url, svg))
}

/// The time step of a valid code at `unix_time`, if it is newer than `last_step` (a code is
/// accepted once only).
pub fn check(
    secret: &str,
    code: &str,
    unix_time: u64,
    last_step: Option<i64>,
) -> Result<Option<i64>, AppError> {
    let step = totp(secret, "Klik", "klik")?
        .check(code, unix_time)
        .map(|s| s as i64);
    Ok(step.filter(|s| last_step.is_none_or(|last| *s > last)))
}

/// The code an app would show at `unix_time` (tests, and the enrolment check).
pub fn code_at(secret: &str, unix_time: u64) -> Result<String, AppError> {
    Ok(totp(secret, "Klik", "klik")?
        .generate(unix_time)
        .to_string())
}

/// New recovery codes: what to show the person once, and the hashes to keep.
pub fn new_recovery_codes() -> Vec<(String, String)> {
    let mut rng = rand::rngs::OsRng;
    (0..RECOVERY_CODES)
        .map(|_| {
            let code: String = (0..RECOVERY_CODE_LEN)
                .map(|_| {
                    RECOVERY_CODE_ALPHABET[rng.gen_range(0..RECOVERY_CODE_ALPHABET.len())] as char
                })
                .collect();
            let hash = hash_token(&code);
            (code, hash)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::{SecondFactor, second_factor};

    #[test]
    fn a_code_is_accepted_once_and_only_near_its_time() {
        let secret = new_secret();
        let now = 1_800_000_000;
        let code = code_at(&secret, now).unwrap();
        let step = check(&secret, &code, now, None)
            .unwrap()
            .expect("valid now");
        assert_eq!(check(&secret, &code, now + 30, None).unwrap(), Some(step));
        assert_eq!(check(&secret, &code, now, Some(step)).unwrap(), None);
        assert_eq!(check(&secret, &code, now + 300, None).unwrap(), None);
        assert_eq!(
            check(&secret, "000000", now, None).unwrap().is_some(),
            code == "000000"
        );
    }

    #[test]
    fn enrolment_gives_an_otpauth_address_and_a_qr_code() {
        let (url, svg) =
            enrolment(&new_secret(), "Buddywerking: Mechelen", "an@example.be").unwrap();
        assert!(url.starts_with("otpauth://totp/"), "{url}");
        assert!(url.contains("issuer=Buddywerking"), "{url}");
        assert!(svg.contains("<svg"));
    }

    #[test]
    fn recovery_codes_are_distinct_readable_and_hashed() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        for (code, hash) in &codes {
            assert_eq!(
                second_factor(code),
                Ok(SecondFactor::Recovery(code.clone()))
            );
            assert_eq!(hash, &hash_token(code));
        }
        let mut unique: Vec<_> = codes.iter().map(|(c, _)| c).collect();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), RECOVERY_CODES);
    }
}
