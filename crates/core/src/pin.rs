//! The staff PIN: hashed with argon2id, so the configuration file never holds the PIN itself.

use argon2::{Argon2, PasswordHash, PasswordHasher as _, PasswordVerifier as _};

/// Fewest digits a new staff PIN may have: a million PINs, against five tries and lockouts that
/// double.
pub const MIN_PIN_DIGITS: usize = 6;
/// Most digits a staff PIN may have; the PIN screen takes no more.
pub const MAX_PIN_DIGITS: usize = 12;

/// Whether `pin` is 6 to 12 digits.
pub fn is_valid_pin(pin: &str) -> bool {
    (MIN_PIN_DIGITS..=MAX_PIN_DIGITS).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

/// The argon2id hash of `pin`, with a fresh random salt, as a PHC string (`$argon2id$…`).
pub fn hash_pin(pin: &str) -> Result<String, String> {
    Argon2::default().hash_password(pin.as_bytes()).map(|hash| hash.to_string()).map_err(|e| e.to_string())
}

/// Whether `pin` matches `hash`; a malformed hash matches nothing.
pub fn verify_pin(hash: &str, pin: &str) -> bool {
    PasswordHash::new(hash)
        .is_ok_and(|parsed| Argon2::default().verify_password(pin.as_bytes(), &parsed).is_ok())
}

/// Whether `hash` is an argon2 PHC string this program can check PINs against.
pub fn check_hash(hash: &str) -> Result<(), String> {
    let parsed = PasswordHash::new(hash).map_err(|e| e.to_string())?;
    if !parsed.algorithm.as_str().starts_with("argon2") {
        return Err(format!("it is a {} hash, not argon2", parsed.algorithm));
    }
    if parsed.hash.is_none() {
        return Err("it has no hash part".to_owned());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hashed_pin_verifies_and_others_do_not() {
        let hash = hash_pin("2468").expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert_eq!(check_hash(&hash), Ok(()));
        assert!(verify_pin(&hash, "2468"));
        assert!(!verify_pin(&hash, "2469"));
        assert!(!verify_pin(&hash, ""));
        assert_ne!(hash_pin("2468").expect("hash"), hash, "each hash has its own salt");
    }

    #[test]
    fn malformed_hashes_are_refused_and_match_nothing() {
        for bad in ["", "2468", "$argon2id$", "$md5$abc"] {
            assert!(check_hash(bad).is_err(), "{bad}");
            assert!(!verify_pin(bad, "2468"), "{bad}");
        }
    }

    #[test]
    fn pins_are_six_to_twelve_digits() {
        for good in ["000000", "123456", "123456789012"] {
            assert!(is_valid_pin(good), "{good}");
        }
        for bad in ["", "123", "1234", "12345", "1234567890123", "12a456", "123 456"] {
            assert!(!is_valid_pin(bad), "{bad}");
        }
    }
}
