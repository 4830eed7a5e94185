//! One reader's session: everything a reset wipes, so the next person sees nothing of theirs.

use super::settings::Settings;
use crate::search::Hit;

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

/// Where the reader is on the home screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HomeState {
    /// The chosen topic's place in the list.
    pub selected: usize,
    /// The first topic shown, when the list is longer than the screen.
    pub first_visible: usize,
}

/// Where the reader is in a topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicState {
    /// The topic's id; the language comes from the session.
    pub id: String,
    /// The current page's place in the topic's pages.
    pub page: usize,
    /// The first line of the page shown.
    pub scroll: usize,
    /// The chosen FAQ question.
    pub faq_selected: usize,
    /// Which FAQ answers are open, by entry.
    pub faq_open: Vec<bool>,
}

impl TopicState {
    /// The start of a topic with `faq_entries` questions.
    pub fn new(id: &str, faq_entries: usize) -> TopicState {
        TopicState {
            id: id.to_owned(),
            page: 0,
            scroll: 0,
            faq_selected: 0,
            faq_open: vec![false; faq_entries],
        }
    }
}

/// A staff panel over the patient's screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffPanel {
    /// Asking for the staff PIN; holds the digits typed so far (shown masked).
    Pin {
        /// The digits typed.
        digits: String,
    },
    /// The staff menu, after the right PIN.
    Menu,
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

/// The search overlay: what is typed, and what it found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchState {
    /// What the reader typed.
    pub query: String,
    /// The results, best first.
    pub hits: Vec<Hit>,
    /// The chosen result.
    pub selected: usize,
    /// The first result shown, when there are more than fit.
    pub first_visible: usize,
}

/// Everything one reader changed. A reset replaces it with [`Session::start`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The screen showing.
    pub screen: Screen,
    /// The home screen's state, kept while a topic is open.
    pub home: HomeState,
    /// Whether the help overlay is open.
    pub help_open: bool,
    /// The staff panel, if open.
    pub staff_panel: Option<StaffPanel>,
    /// A message in the footer until the next key.
    pub flash: Option<Flash>,
    /// The language the reader chose.
    pub language: String,
    /// Whether staff-only sections are shown.
    pub staff: bool,
    /// The search overlay, if open.
    pub search: Option<SearchState>,
    /// Whether the "Take this home" panel with the QR code is open.
    pub take_home: bool,
    /// Whether the current section is being read aloud.
    pub speaking: bool,
    /// How many handouts this reader has sent to the printer.
    pub prints: u32,
}

impl Session {
    /// A session as it starts: the attract screen when locked, else the list of topics.
    pub fn start(settings: &Settings) -> Session {
        Session {
            screen: if settings.locked { Screen::Attract } else { Screen::Home },
            home: HomeState::default(),
            help_open: false,
            staff_panel: None,
            flash: None,
            language: settings.language.clone(),
            staff: settings.staff,
            search: None,
            take_home: false,
            speaking: false,
            prints: 0,
        }
    }
}
