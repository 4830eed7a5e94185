//! The kiosk's settings, as read from its configuration file.

use kiosk_content::Lang;
use std::path::PathBuf;

use std::time::Duration;

/// The kiosk's colour themes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ThemeName {
    /// Colours from the 16 ANSI colours on the terminal's own background.
    #[default]
    Default,
    /// Black background, white and bright yellow text: WCAG contrast well above 4.5:1.
    HighContrast,
    /// No colour: bold, reverse video and underline only.
    Monochrome,
}

/// Everything a configuration file can set; each field's default is what a missing or bad key
/// gives. `schema.rs` says how each key is read; `docs/configuration.md` lists every key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The clinic's name, shown in the header and large on the attract screen.
    pub clinic_name: String,
    /// The content folder; `None` for the bundled content.
    pub content: Option<PathBuf>,
    /// How the kiosk behaves unattended.
    pub kiosk: KioskConfig,
    /// How handouts are printed.
    pub print: PrintConfig,
    /// Which topics patients see, and how hard they may be to read.
    pub content_rules: ContentConfig,
    /// Languages and colours.
    pub display: DisplayConfig,
    /// Reading aloud.
    pub speech: SpeechConfig,
    /// Usage counts.
    pub stats: StatsConfig,
    /// What the one-page take-home says besides the topic.
    pub take_home: TakeHomeConfig,
}

/// The `[take_home]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TakeHomeConfig {
    /// The care team's phone number, day or night, printed under "Call your care team";
    /// `None`: a line to write it on.
    pub phone: Option<String>,
}

/// The `[stats]` table: usage counts per day, with no patient data, kept in the state
/// directory for clinic IT to collect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatsConfig {
    /// Whether the kiosk counts at all; off unless the clinic turns it on.
    pub enabled: bool,
    /// How often counts are written, in seconds: a power cut loses at most this long of them.
    pub flush_seconds: u64,
}

impl Default for StatsConfig {
    fn default() -> StatsConfig {
        StatsConfig { enabled: false, flush_seconds: 60 }
    }
}

/// The `[display]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayConfig {
    /// The language every session starts in, and every reset returns to.
    pub language: Lang,
    /// The languages offered to readers, in the order offered.
    pub languages: Vec<Lang>,
    /// The colours.
    pub theme: ThemeName,
}

impl Default for DisplayConfig {
    fn default() -> DisplayConfig {
        DisplayConfig {
            language: Lang::from("en"),
            languages: vec![Lang::from("en"), Lang::from("es")],
            theme: ThemeName::Default,
        }
    }
}

/// The `[speech]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeechConfig {
    /// The program and its arguments that read text from standard input aloud; `{lang}` in an
    /// argument becomes the text's language.
    pub command: Option<Vec<String>>,
}

/// The `[content]` table.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentConfig {
    /// Which topics patients see: only reviewed ones by default when `trusted_keys` is set.
    pub show: Show,
    /// The SMOG grade above which `validate` warns that patient text is too hard.
    pub max_grade: f64,
    /// The minisign public keys (base64, the second line of a `.pub` file) whose signatures
    /// make a topic reviewed; none: the topics' `[review]` tables say.
    pub trusted_keys: Vec<String>,
}

impl Default for ContentConfig {
    fn default() -> ContentConfig {
        ContentConfig {
            show: Show::All,
            max_grade: kiosk_content::readability::DEFAULT_MAX_GRADE,
            trusted_keys: Vec::new(),
        }
    }
}

impl ContentConfig {
    /// The trusted keys: sign-off is in use when any is named, even one that is not a key.
    pub fn keys(&self) -> kiosk_content::TrustedKeys {
        kiosk_content::TrustedKeys::from_base64(&self.trusted_keys)
    }
}

/// Which topics patients see.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Show {
    /// Every topic, drafts marked as drafts.
    #[default]
    All,
    /// Only topics a clinician has reviewed and whose review is not overdue.
    Reviewed,
}

/// The `[print]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintConfig {
    /// The program and its arguments that print a handout from its standard input, such as
    /// `["lp", "-d", "frontdesk"]`. Run directly, never through a shell.
    pub command: Option<Vec<String>>,
    /// Whether patients may print (`p`) without staff mode.
    pub allow_patients: bool,
    /// How many handouts one patient may print before being sent to the front desk.
    pub patient_limit: u32,
}

impl Default for PrintConfig {
    fn default() -> PrintConfig {
        PrintConfig { command: None, allow_patients: false, patient_limit: 2 }
    }
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
    /// Time without input after which staff mode, turned on from the staff menu, ends itself.
    pub staff_idle: Duration,
}

impl Default for KioskConfig {
    fn default() -> KioskConfig {
        KioskConfig {
            locked: false,
            idle: Duration::from_secs(90),
            warning: Duration::from_secs(20),
            exit_pin_hash: None,
            staff_key: 12,
            staff_idle: Duration::from_secs(120),
        }
    }
}
