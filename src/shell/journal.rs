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
    let _ = writeln!(stderr, "{}", journal_line(level, &message.to_string()));
}

/// One journal line, whatever the message holds: a newline would start a line of its own, and
/// an escape sequence quoted from a file or the command line is shown, never sent.
fn journal_line(level: Level, message: &str) -> String {
    let message = message.replace(['\n', '\r'], " ");
    format!("<{}>patient-kiosk: {}", level.priority(), kiosk_content::printable(&message))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journal_line_is_one_line_with_no_control_byte() {
        let line = journal_line(Level::Error, "exit: no topic `\u{1b}]52;c;SGVsbG8=\u{7}`\nsecond");
        assert_eq!(line, "<3>patient-kiosk: exit: no topic `\\u{1b}]52;c;SGVsbG8=\\u{7}` second");
    }
}
