//! One reader's session: everything a reset wipes, so the next person sees nothing of theirs.

use super::overlay::{Overlays, SearchState, StaffPanel};
use super::places::HomeState;
use super::places::TopicState;
use super::settings::Settings;
use kiosk_content::Lang;
use kiosk_content::TopicId;

/// Which screen is showing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// The clinic's name, large, and "Press any key to start": a locked kiosk at rest.
    Attract,
    /// The list of topics.
    Home,
    /// One topic's pages.
    Topic(TopicState),
}

/// A one-line message in the footer until the next key, such as "Wrong PIN".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flash {
    /// The PIN was wrong.
    WrongPin,
    /// Too many wrong PINs: the PIN screen is closed for a while.
    PinLockedOut,
    /// The handout is on its way to the printer.
    Printing,
    /// The printer took the handout.
    Printed,
    /// The print command failed; what it said.
    PrintFailed(String),
    /// No print command is configured.
    PrintNotSetUp,
    /// A handout is printing already; one at a time.
    PrintBusy,
    /// This reader has printed as many handouts as patients may.
    PrintLimit,
    /// Patients may not print on this kiosk: staff can print a copy.
    PrintAskStaff,
    /// Staff mode ended by itself after staff idle time.
    StaffModeEnded,
    /// The section is being read aloud; any key stops it.
    Speaking,
    /// No speech command is set up.
    SpeechNotSetUp,
}

/// Everything one reader changed. A reset replaces it with [`Session::start`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The screen showing.
    pub screen: Screen,
    /// The home screen's state, kept while a topic is open.
    pub home: HomeState,
    /// What covers the screen.
    pub overlays: Overlays,
    /// A message in the footer until the next key.
    pub flash: Option<Flash>,
    /// The language the reader chose.
    pub language: Lang,
    /// Whether staff-only sections are shown.
    pub staff: bool,
    /// The search a result was opened from: Esc on that topic goes back to it.
    pub opened_from_search: Option<SearchState>,
    /// The questions this reader ticked, by topic id: (section, item). Part of the session,
    /// so the walk-away reset wipes them.
    pub ticked: std::collections::BTreeMap<TopicId, std::collections::BTreeSet<(usize, usize)>>,
    /// Whether the current section is being read aloud.
    pub speaking: bool,
    /// How many handouts this reader has sent to the printer.
    pub prints: u32,
}

impl Session {
    /// The search overlay, if open.
    pub fn search(&self) -> Option<&SearchState> {
        self.overlays.search()
    }

    /// The staff panel, if open.
    pub fn staff_panel(&self) -> Option<&StaffPanel> {
        self.overlays.staff_panel()
    }

    /// Whether the "Take this home" panel with the QR code is open.
    pub fn take_home(&self) -> bool {
        self.overlays.take_home()
    }

    /// A session as it starts: the attract screen when locked, else the list of topics.
    pub fn start(settings: &Settings) -> Session {
        Session {
            screen: if settings.locked { Screen::Attract } else { Screen::Home },
            home: HomeState::default(),
            overlays: Overlays::default(),
            flash: None,
            language: settings.language.clone(),
            staff: settings.staff,
            opened_from_search: None,
            ticked: std::collections::BTreeMap::new(),
            speaking: false,
            prints: 0,
        }
    }
}
