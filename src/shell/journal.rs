//! Journal lines for clinic IT: one line an event on standard error, with a syslog priority
//! prefix (`<4>`) that systemd reads when the unit sends standard error to the journal. When
//! standard error is the kiosk's own screen, nothing is written: it would draw over the kiosk.

use std::fmt::Display;
use std::io::{IsTerminal as _, Write as _};

use kiosk_core::app::Level;

/// Writes one journal line, unless standard error is the terminal the kiosk draws on.
pub fn line(level: Level, message: impl Display) {
    let mut stderr = std::io::stderr();
    if stderr.is_terminal() {
        return;
    }
    // One line, whatever the message holds: a newline would start a line of its own.
    let message = message.to_string().replace(['\n', '\r'], " ");
    let _ = writeln!(stderr, "<{}>patient-kiosk: {message}", level.priority());
}

/// A problem found as the kiosk starts: printed plainly on the terminal (readable after the
/// kiosk ends), or to the journal with its priority when standard error is not the terminal.
pub fn told(level: Level, message: impl Display) {
    if std::io::stderr().is_terminal() {
        say!("patient-kiosk: {message}");
    } else {
        line(level, message);
    }
}
