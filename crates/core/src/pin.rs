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

/// A PIN that could not be hashed: what argon2 said (no random numbers, for one).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct HashFailed(String);

/// The argon2id hash of `pin`, with a fresh random salt, as a PHC string (`$argon2id$…`).
pub fn hash_pin(pin: &str) -> Result<String, HashFailed> {
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|error| HashFailed(error.to_string()))
}

/// Whether `pin` matches `hash`; a malformed hash matches nothing.
pub fn verify_pin(hash: &str, pin: &str) -> bool {
    PasswordHash::new(hash)
        .is_ok_and(|parsed| Argon2::default().verify_password(pin.as_bytes(), &parsed).is_ok())
}

/// The least memory (KiB) OWASP's argon2id guidance pairs with its most passes (7 MiB, t = 5).
const LEAST_MEMORY_KIB: u32 = 7 * 1024;
/// The least memory × passes among OWASP's argon2id settings (7 MiB × 5); every one of them
/// (46 MiB × 1 … 7 MiB × 5) costs at least this much.
const LEAST_WORK: u64 = 7 * 1024 * 5;
/// The most memory a PIN check may take: each check runs while the kiosk waits for it.
const MOST_MEMORY_KIB: u32 = 64 * 1024;
/// The most memory × passes a PIN check may take: four times OWASP's first setting (46 MiB × 1),
/// a fraction of a second.
const MOST_WORK: u64 = 4 * 46 * 1024;
/// The most lanes a PIN check may use.
const MOST_LANES: u32 = 4;

/// Why a configured PIN hash cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnusableHash {
    /// Not a PHC string: what the parser said.
    #[error("{0}")]
    Malformed(String),
    /// A hash of another algorithm.
    #[error("it is a {0} hash, not argon2")]
    NotArgon2(String),
    /// The string stops before its hash.
    #[error("it has no hash part")]
    NoHashPart,
    /// So costly that a check would freeze the kiosk.
    #[error(
        "m={memory},t={passes},p={lanes} would take too long to check at the kiosk; at most \
         m={MOST_MEMORY_KIB}, m×t={MOST_WORK} and p={MOST_LANES}"
    )]
    TooCostly {
        /// Its memory, KiB.
        memory: u32,
        /// Its passes.
        passes: u32,
        /// Its lanes.
        lanes: u32,
    },
}

/// How a usable PIN hash stands beside OWASP's guidance for argon2id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HashCost {
    /// As costly to guess as the guidance asks.
    Enough,
    /// Cheaper to guess than the guidance allows: why.
    Weak(String),
}

/// Whether `hash` is an argon2 PHC string this program can check PINs against, and whether it
/// is costly enough to guess. One too costly to check — a check would freeze the kiosk for
/// seconds and take gigabytes — is refused like a malformed one.
pub fn check_hash(hash: &str) -> Result<HashCost, UnusableHash> {
    let parsed = PasswordHash::new(hash).map_err(|error| UnusableHash::Malformed(error.to_string()))?;
    if !parsed.algorithm.as_str().starts_with("argon2") {
        return Err(UnusableHash::NotArgon2(parsed.algorithm.to_string()));
    }
    if parsed.hash.is_none() {
        return Err(UnusableHash::NoHashPart);
    }
    let params =
        argon2::Params::try_from(&parsed).map_err(|error| UnusableHash::Malformed(error.to_string()))?;
    let (memory, passes, lanes) = (params.m_cost(), params.t_cost(), params.p_cost());
    let work = u64::from(memory) * u64::from(passes);
    if memory > MOST_MEMORY_KIB || work > MOST_WORK || lanes > MOST_LANES {
        return Err(UnusableHash::TooCostly { memory, passes, lanes });
    }
    if memory < LEAST_MEMORY_KIB || work < LEAST_WORK {
        return Ok(HashCost::Weak(format!(
            "m={memory},t={passes} is cheaper to guess than OWASP's argon2id guidance (at least \
             m={LEAST_MEMORY_KIB} and m×t={LEAST_WORK}, such as m=19456,t=2)"
        )));
    }
    Ok(HashCost::Enough)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hashed_pin_verifies_and_others_do_not() {
        let hash = hash_pin("2468").expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert_eq!(check_hash(&hash), Ok(HashCost::Enough));
        assert!(verify_pin(&hash, "2468"));
        assert!(!verify_pin(&hash, "2469"));
        assert!(!verify_pin(&hash, ""));
        assert_ne!(hash_pin("2468").expect("hash"), hash, "each hash has its own salt");
    }

    #[test]
    fn a_hash_too_costly_to_check_is_refused_and_a_cheap_one_is_weak() {
        let salt = "c29tZXNhbHRzb21lc2FsdA";
        let hash = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        let with = |params: &str| format!("$argon2id$v=19${params}${salt}${hash}");
        let heavy = check_hash(&with("m=2097152,t=4,p=1")).expect_err("2 GiB, 4 passes");
        assert!(
            matches!(heavy, UnusableHash::TooCostly { memory: 2_097_152, passes: 4, lanes: 1 }),
            "{heavy}"
        );
        assert!(heavy.to_string().contains("would take too long to check"), "{heavy}");
        assert!(check_hash(&with("m=65536,t=4,p=1")).is_err(), "64 MiB × 4 is too much work");
        assert!(check_hash(&with("m=19456,t=2,p=16")).is_err(), "too many lanes");
        assert!(matches!(check_hash(&with("m=8,t=1,p=1")), Ok(HashCost::Weak(_))));
        assert!(matches!(check_hash(&with("m=7168,t=4,p=1")), Ok(HashCost::Weak(_))));
        for enough in ["m=19456,t=2,p=1", "m=47104,t=1,p=1", "m=7168,t=5,p=1", "m=65536,t=2,p=1"] {
            assert_eq!(check_hash(&with(enough)), Ok(HashCost::Enough), "{enough}");
        }
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
