//! The kiosk's settings, as read from its configuration file.

use std::path::PathBuf;
use std::time::Duration;

/// Everything a configuration file can set; each field's default is what a missing or bad key
/// gives. `docs/configuration.md` lists every key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The clinic's name, shown in the header and large on the attract screen.
    pub clinic_name: String,
    /// The content folder; `None` for the bundled content.
    pub content: Option<PathBuf>,
    /// How the kiosk behaves unattended.
    pub kiosk: KioskConfig,
}

/// The `[kiosk]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KioskConfig {
    /// Whether the kiosk is locked: no key ends it without the staff PIN.
    pub locked: bool,
    /// Time without input before "Are you still there?" shows.
    pub idle: Duration,
    /// Time the warning shows before the session is wiped.
    pub warning: Duration,
    /// The argon2 hash of the staff PIN (a PHC string made by `patient-kiosk hash-pin`).
    pub exit_pin_hash: Option<String>,
    /// The function key that opens the staff PIN screen: 12 for F12.
    pub staff_key: u8,
}

impl Default for KioskConfig {
    fn default() -> KioskConfig {
        KioskConfig {
            locked: false,
            idle: Duration::from_secs(90),
            warning: Duration::from_secs(20),
            exit_pin_hash: None,
            staff_key: 12,
        }
    }
}
