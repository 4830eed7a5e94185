//! What the kiosk tells clinic IT as it runs: one line an event, with a level, for the journal.
//! Never anything a patient typed or read: no search words, no topic a reader opened.

use std::fmt;

/// How much a journal line matters, as syslog ranks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something failed.
    Error,
    /// Something staff should look at.
    Warning,
    /// Worth knowing.
    Notice,
    /// Routine.
    Info,
}

impl Level {
    /// The syslog priority, as systemd reads it from a `<N>` prefix on standard error.
    pub fn priority(self) -> u8 {
        match self {
            Level::Error => 3,
            Level::Warning => 4,
            Level::Notice => 5,
            Level::Info => 6,
        }
    }
}

/// Something that happened that clinic IT cares about, from inside the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Happening {
    /// Too many wrong PINs closed the PIN screen for this many minutes.
    PinLockout {
        /// How long the PIN screen stays closed.
        minutes: u64,
    },
    /// The right PIN opened the staff menu.
    PinAccepted,
    /// Staff mode was turned on from the staff menu.
    StaffModeOn,
    /// Staff mode ended: from the menu, by itself, or with the reset.
    StaffModeOff,
    /// The screen became too small to show the kiosk.
    TooSmall {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
}

impl Happening {
    /// How much it matters.
    pub fn level(&self) -> Level {
        match self {
            Happening::PinLockout { .. } | Happening::TooSmall { .. } => Level::Warning,
            Happening::PinAccepted | Happening::StaffModeOn | Happening::StaffModeOff => Level::Notice,
        }
    }
}

impl fmt::Display for Happening {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Happening::PinLockout { minutes } => {
                write!(f, "PIN lockout: too many wrong PINs, the PIN screen is closed for {minutes} min")
            }
            Happening::PinAccepted => write!(f, "staff PIN accepted: the staff menu is open"),
            Happening::StaffModeOn => write!(f, "staff mode on"),
            Happening::StaffModeOff => write!(f, "staff mode off"),
            Happening::TooSmall { width, height } => {
                write!(f, "terminal too small: {width}x{height}; the kiosk asks for a larger window")
            }
        }
    }
}
