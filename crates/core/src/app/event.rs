//! What happens to the kiosk, as plain values: the shell turns terminal events into these.

use std::time::Instant;

/// Something that happened, and when. Time comes in with the event, so `update` never reads a
/// clock and every timer can be tested by moving time forward.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// When it happened.
    pub at: Instant,
    /// What happened.
    pub input: Input,
    /// More events came with this one and follow it at once (keys typed faster than a frame):
    /// work whose result only the screen shows, such as a search per typed letter, waits for
    /// the last of them.
    pub more_to_come: bool,
}

impl Event {
    /// An event at a moment.
    pub fn new(input: Input, at: Instant) -> Event {
        Event { at, input, more_to_come: false }
    }

    /// The same event, with more following it at once.
    #[must_use]
    pub fn with_more_to_come(self) -> Event {
        Event { more_to_come: true, ..self }
    }
}

/// The kinds of thing that can happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A key was pressed.
    Key(Key),
    /// The mouse was clicked or its wheel turned (a tap on a touch screen arrives as a click).
    Mouse(Mouse),
    /// Text was pasted in one piece (bracketed paste).
    Paste(String),
    /// The screen is now this many columns wide and rows high.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// A deadline the app asked for has passed; nothing else happened.
    Wake,
    /// The print command finished: `Ok`, or what went wrong.
    Printed(Result<(), String>),
    /// The date where the kiosk is: at the start, and each midnight.
    Today(jiff::civil::Date),
    /// The content folder was read again: the library to show, and problems for staff.
    Reloaded(kiosk_content::Reloaded),
    /// The topics' names, codes and reviews, read before their pages while the kiosk starts
    /// on a large folder: the list can show; [`Input::Reloaded`] brings the rest.
    NamesRead(kiosk_content::Library),
    /// Something staff should know about, such as a content folder that cannot be watched.
    Notice(String),
    /// The speech command finished reading by itself.
    SpeechEnded,
    /// A search index built on another thread, as [`Effect::BuildSearchIndex`] asked.
    SearchIndexReady(Box<super::PreparedIndex>),
    /// A staff PIN checked on another thread, as [`Effect::CheckPin`] asked: whether it was right.
    PinChecked(bool),
}

/// A key, without the terminal's encoding of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character, shifted or not.
    Char(char),
    /// A letter with Ctrl held, as the lowercase letter (`Ctrl(c)` is Ctrl-C).
    Ctrl(char),
    /// Enter or Return.
    Enter,
    /// Escape.
    Esc,
    /// Backspace.
    Backspace,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page Up.
    PageUp,
    /// Page Down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// A function key, F1 to F24.
    Function(u8),
    /// Any other key or combination; it does nothing.
    Other,
}

/// A mouse action at a cell of the screen (0-based column and row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    /// What the mouse did.
    pub action: MouseAction,
    /// The cell's column, from 0.
    pub column: u16,
    /// The cell's row, from 0.
    pub row: u16,
}

/// What the mouse did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseAction {
    /// The main button went down (or a finger touched the screen).
    Click,
    /// The wheel turned up.
    ScrollUp,
    /// The wheel turned down.
    ScrollDown,
}

/// Something `update` asks the shell to do in the world.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// End the program, restoring the terminal.
    Quit,
    /// Give the terminal back and stop, as Ctrl-Z stops `less`: an unlocked kiosk only; the
    /// shell's `fg` brings it back, drawn anew.
    Suspend,
    /// Read the content folder again now, then report back with [`Input::Reloaded`].
    ReloadContent,
    /// Read this text aloud: run the speech command with it on standard input (stopping any
    /// reading already going), then report [`Input::SpeechEnded`] when it finishes.
    Speak {
        /// The program and its arguments, `{lang}` already filled in.
        command: Vec<String>,
        /// The text, in reading order.
        text: String,
    },
    /// Stop reading aloud now.
    StopSpeaking,
    /// Build this search index away from the input path (seconds at 10,000 topics), then report
    /// back with [`Input::SearchIndexReady`].
    BuildSearchIndex(super::SearchJob),
    /// Count this, where usage counts are kept (when the clinic turned them on).
    Count(super::Counted),
    /// Tell clinic IT, in the journal.
    Journal(super::Happening),
    /// Keep the PIN guard's state where a restart finds it.
    SavePinRecord(super::PinRecord),
    /// Check this PIN against this hash away from the input path (argon2 is slow on purpose),
    /// then report back with [`Input::PinChecked`].
    CheckPin {
        /// The configured hash.
        hash: String,
        /// The digits typed.
        entered: String,
    },
    /// Print this handout: run the print command with it on standard input, then report back
    /// with [`Input::Printed`].
    Print {
        /// The program and its arguments.
        command: Vec<String>,
        /// The handout, as plain text.
        text: String,
    },
}
