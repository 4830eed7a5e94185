//! The staff panel: the PIN screen and the staff menu. Patients cannot get past the PIN.

use super::actions::set_staff;
use super::event::{Effect, Key};
use super::session::{Flash, StaffPanel};
use super::state::App;
use crate::pin::{MAX_PIN_DIGITS, verify_pin};

/// The staff key: the menu at once on an unlocked kiosk, else the PIN screen.
pub(super) fn open_staff_panel(app: &mut App) {
    app.session.help_open = false;
    app.session.staff_panel =
        Some(if app.settings.locked { StaffPanel::Pin { digits: String::new() } } else { StaffPanel::Menu });
}

/// A key while the staff panel is open.
pub(super) fn staff_panel_key(app: &mut App, key: Key) -> Vec<Effect> {
    let accepts_digits = app.settings.pin_hash.is_some() && !app.pin_locked_out();
    match (&mut app.session.staff_panel, key) {
        (_, Key::Esc) => app.session.staff_panel = None,
        (Some(StaffPanel::Pin { digits }), Key::Char(c))
            if c.is_ascii_digit() && accepts_digits && digits.len() < MAX_PIN_DIGITS =>
        {
            digits.push(c);
        }
        (Some(StaffPanel::Pin { digits }), Key::Backspace) => {
            digits.pop();
        }
        (Some(StaffPanel::Pin { digits }), Key::Enter) if accepts_digits && !digits.is_empty() => {
            let entered = std::mem::take(digits);
            return check_pin(app, &entered);
        }
        (Some(StaffPanel::Menu), Key::Char('x' | 'X')) => return vec![Effect::Quit],
        (Some(StaffPanel::Menu), Key::Char('r' | 'R')) if app.settings.content_folder => {
            app.session.staff_panel = None;
            return vec![Effect::ReloadContent];
        }
        (Some(StaffPanel::Menu), Key::Char('s' | 'S')) => {
            app.session.staff_panel = None;
            let on = !app.session.staff;
            set_staff(app, on);
        }
        _ => {}
    }
    Vec::new()
}

/// Checks a PIN; the guard's new state goes to the shell to keep across restarts.
fn check_pin(app: &mut App, entered: &str) -> Vec<Effect> {
    let Some(hash) = &app.settings.pin_hash else { return Vec::new() };
    let before = app.pin_guard.clone();
    if verify_pin(hash, entered) {
        app.pin_guard.right();
        app.session.staff_panel = Some(StaffPanel::Menu);
    } else {
        let locked_out = app.pin_guard.wrong(app.now);
        app.session.staff_panel = None;
        app.session.flash = Some(if locked_out { Flash::PinLockedOut } else { Flash::WrongPin });
    }
    if app.pin_guard == before {
        return Vec::new();
    }
    vec![Effect::SavePinRecord(app.pin_guard.record(app.now))]
}
