//! The staff panel on its own: the PIN screen (digits typed, masked) and the staff menu. It
//! reads the kiosk only through a [`StaffContext`] and says what should happen as a
//! [`StaffOutcome`]; `staff.rs` checks PINs, ends the program, reloads and turns staff mode on
//! and off.

use super::event::Key;
use super::overlay::StaffPanel;
use crate::pin::MAX_PIN_DIGITS;

/// What the panel needs of the kiosk, read-only.
#[derive(Debug, Clone, Copy)]
pub struct StaffContext {
    /// Whether a PIN may be typed: one is set up and the guard is not locked out.
    pub accepts_digits: bool,
    /// Whether a PIN is being checked already (whoever typed it).
    pub checking: bool,
    /// Whether the menu offers reading the content folder again.
    pub reload_offered: bool,
}

/// What should happen after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffOutcome {
    /// The panel stays.
    Stay,
    /// The panel closes.
    Close,
    /// Check this PIN; the panel waits for the answer.
    CheckPin(String),
    /// End the program.
    Quit,
    /// Read the content folder again; the panel closes.
    Reload,
    /// Turn staff mode on or off; the panel closes.
    ToggleStaffMode,
}

impl StaffPanel {
    /// A key.
    pub fn on_key(&mut self, key: Key, context: StaffContext) -> StaffOutcome {
        match (&mut *self, key) {
            // One check at a time, and its answer always counts: no key cancels it.
            (StaffPanel::Checking, _) => StaffOutcome::Stay,
            (_, Key::Esc) => StaffOutcome::Close,
            (StaffPanel::Pin { digits }, Key::Char(c))
                if c.is_ascii_digit() && context.accepts_digits && digits.len() < MAX_PIN_DIGITS =>
            {
                digits.push(c);
                StaffOutcome::Stay
            }
            (StaffPanel::Pin { digits }, Key::Backspace) => {
                digits.pop();
                StaffOutcome::Stay
            }
            (StaffPanel::Pin { digits }, Key::Enter)
                if context.accepts_digits && !context.checking && !digits.is_empty() =>
            {
                let entered = std::mem::take(digits);
                *self = StaffPanel::Checking;
                StaffOutcome::CheckPin(entered)
            }
            (StaffPanel::Menu, Key::Char('x' | 'X')) => StaffOutcome::Quit,
            (StaffPanel::Menu, Key::Char('r' | 'R')) if context.reload_offered => StaffOutcome::Reload,
            (StaffPanel::Menu, Key::Char('s' | 'S')) => StaffOutcome::ToggleStaffMode,
            _ => StaffOutcome::Stay,
        }
    }
}
