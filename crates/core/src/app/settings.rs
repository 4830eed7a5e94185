//! How the kiosk is set up: fixed for the program's life, and what every reset returns to.

use kiosk_content::Lang;
use std::time::Duration;

use super::event::Key;
use crate::config::{Config, Show, ThemeName};

/// The kiosk's set-up, from the command line and the configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The language every session starts in.
    pub language: Lang,
    /// The languages offered to readers, in order; each has an interface catalog.
    pub languages: Vec<Lang>,
    /// Whether staff-only sections are shown.
    pub staff: bool,
    /// Whether the kiosk is locked: no key ends it without the staff PIN, and sessions start
    /// on the attract screen.
    pub locked: bool,
    /// Time without input before "Are you still there?" shows.
    pub idle: Duration,
    /// Time the warning shows before the session is wiped.
    pub warning: Duration,
    /// Time without input after which staff mode, turned on from the staff menu, ends itself.
    pub staff_idle: Duration,
    /// The print command and its arguments; the handout goes to its standard input.
    pub print_command: Option<Vec<String>>,
    /// Whether patients may print without staff mode.
    pub print_allowed_for_patients: bool,
    /// How many handouts one patient may print in a session; staff have no limit.
    pub patient_print_limit: u32,
    /// Whether patients see only topics a clinician has reviewed whose review is not overdue.
    pub reviewed_only: bool,
    /// Whether the topics come from a folder that can be read again (staff may reload it).
    pub content_folder: bool,
    /// The colours.
    pub theme: ThemeName,
    /// Whether the screen is a touchscreen (`--touch`, as the touch session starts it): the
    /// words say "touch", not "press any key", from the first screen on.
    pub touch: bool,
    /// The program and its arguments that read text aloud from its standard input; `{lang}`
    /// in an argument becomes the text's language. `None` when not set up or not installed.
    pub speech_command: Option<Vec<String>>,
    /// The key that opens the staff PIN screen.
    pub staff_key: Key,
    /// The argon2 hash of the staff PIN; without one a locked kiosk cannot be left by keys.
    pub pin_hash: Option<String>,
    /// The clinic's name, for the header and the attract screen.
    pub clinic_name: String,
    /// The care team's phone number printed on the one-page take-home; `None`: a line to
    /// write it on.
    pub care_team_phone: Option<String>,
    /// Problems with the configuration, shown to staff (never to patients).
    pub notices: Vec<String>,
    /// The program and its build, shown to staff: `patient-kiosk 0.1.0 (commit …)`.
    pub version: String,
    /// The marks the terminal's font can draw: all of them, or the Linux console's few.
    pub glyphs: crate::glyphs::Glyphs,
}

impl Settings {
    /// What `config` sets up, offered in every configured language. The command line and the
    /// machine have their say after: `--kiosk`, `--touch`, `NO_COLOR`, whether the speech
    /// program is installed, and which languages have an interface catalog
    /// ([`Settings::offer_only`]).
    pub fn from_config(config: &Config) -> Settings {
        let kiosk = &config.kiosk;
        Settings {
            language: config.display.language.clone(),
            languages: config.display.languages.clone(),
            // Staff mode is on from the start on an unlocked (staff) terminal.
            staff: !kiosk.locked,
            locked: kiosk.locked,
            idle: kiosk.idle,
            warning: kiosk.warning,
            staff_idle: kiosk.staff_idle,
            print_command: config.print.command.clone(),
            print_allowed_for_patients: config.print.allow_patients,
            patient_print_limit: config.print.patient_limit,
            reviewed_only: config.content_rules.show == Show::Reviewed,
            content_folder: config.content.is_some(),
            theme: config.display.theme,
            touch: false,
            speech_command: config.speech.command.clone(),
            staff_key: Key::Function(kiosk.staff_key),
            pin_hash: kiosk.exit_pin_hash.clone(),
            clinic_name: config.clinic_name.clone(),
            care_team_phone: config.take_home.phone.clone(),
            notices: Vec::new(),
            version: String::new(),
            glyphs: crate::glyphs::Glyphs::unicode(),
        }
    }

    /// Locks the kiosk (`--kiosk`): no key ends it without the PIN, and staff mode is off.
    pub fn lock(&mut self) {
        self.locked = true;
        self.staff = false;
    }

    /// Offers only the languages `can_show` (those with an interface catalog), in their
    /// configured order; a session that would start in another starts in `fallback`, offered
    /// first.
    pub fn offer_only(&mut self, can_show: impl Fn(&str) -> bool, fallback: &str) {
        self.languages.retain(|language| can_show(language));
        if !can_show(&self.language) {
            self.language = Lang::from(fallback);
        }
        if !self.languages.contains(&self.language) {
            self.languages.insert(0, self.language.clone());
        }
    }
}

/// A kiosk with no configuration file, unlocked, as a patient sees it (staff mode off), in one
/// language: everything else is the configuration's defaults, said once in `config/model.rs`.
impl Default for Settings {
    fn default() -> Settings {
        let settings = Settings::from_config(&Config::default());
        Settings { languages: vec![settings.language.clone()], staff: false, ..settings }
    }
}
