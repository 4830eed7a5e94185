//! Staff in the kiosk: opening the staff panel (the PIN screen on a locked kiosk, else the
//! menu), carrying out what it says, the PIN check's answer, and staff mode.

use super::bounds::clamp_scroll;
use super::event::{Effect, Key};
use super::journal::Happening;
use super::overlay::{Overlay, StaffPanel};
use super::session::{Flash, Screen};
use super::staff_panel::{StaffContext, StaffOutcome};
use super::state::App;

/// The staff key: the menu at once on an unlocked kiosk, else the PIN screen.
pub(super) fn open_staff_panel(app: &mut App) {
    if app.session.staff_panel() == Some(&StaffPanel::Checking) {
        return;
    }
    let panel =
        if app.settings.locked { StaffPanel::Pin { digits: String::new() } } else { StaffPanel::Menu };
    app.session.overlays.open(Overlay::Staff(panel));
}

/// A key while the staff panel is open: the panel decides, this carries it out.
pub(super) fn staff_panel_key(app: &mut App, key: Key) -> Vec<Effect> {
    let context = StaffContext {
        accepts_digits: app.settings.pin_hash.is_some() && !app.pin_locked_out(),
        checking: app.pin_checking,
        reload_offered: app.settings.content_folder,
    };
    let Some(panel) = app.session.overlays.staff_panel_mut() else { return Vec::new() };
    match panel.on_key(key, context) {
        StaffOutcome::Stay => {}
        StaffOutcome::Close => app.session.overlays.close_staff(),
        StaffOutcome::CheckPin(entered) => {
            // Never left checking with nothing to check against: the panel closes.
            let Some(hash) = app.settings.pin_hash.clone() else {
                app.session.overlays.close_staff();
                return Vec::new();
            };
            app.pin_checking = true;
            return vec![Effect::CheckPin { hash, entered }];
        }
        StaffOutcome::Quit => return vec![Effect::Quit],
        StaffOutcome::Reload => {
            app.session.overlays.close_staff();
            return vec![Effect::ReloadContent];
        }
        StaffOutcome::ToggleStaffMode => {
            app.session.overlays.close_staff();
            let on = !app.session.staff;
            set_staff(app, on);
        }
    }
    Vec::new()
}

/// A PIN's check came back; the guard's new state goes to the shell to keep across restarts. A
/// wrong PIN counts even if the reader walked away meanwhile (the session was reset): leaving
/// is no way around the count. A right one opens the menu only where it is still awaited.
pub(super) fn pin_checked(app: &mut App, right: bool) -> Vec<Effect> {
    if !std::mem::take(&mut app.pin_checking) {
        // No check was asked for: nothing to answer.
        return Vec::new();
    }
    let awaited = app.session.staff_panel() == Some(&StaffPanel::Checking);
    let before = app.pin_guard.clone();
    let mut effects = Vec::new();
    if right {
        app.pin_guard.right();
        if awaited {
            app.session.overlays.open(Overlay::Staff(StaffPanel::Menu));
            effects.push(Effect::Journal(Happening::PinAccepted));
        }
    } else {
        let locked_out = app.pin_guard.wrong(app.now);
        // Said only to whoever is still at the PIN screen, never to the next reader.
        if awaited {
            app.session.overlays.close_staff();
            app.session.flash = Some(if locked_out { Flash::PinLockedOut } else { Flash::WrongPin });
        }
        if locked_out {
            effects.push(Effect::Journal(Happening::PinLockout { minutes: app.pin_minutes_left() }));
        }
    }
    if app.pin_guard != before {
        effects.push(Effect::SavePinRecord(app.pin_guard.record(app.now)));
    }
    effects
}

/// Turns staff mode on or off, keeping the reader on the same page where it is still shown.
pub(super) fn set_staff(app: &mut App, on: bool) {
    let before = app.pages();
    app.session.staff = on;
    let after = app.pages();
    if let Screen::Topic(state) = &mut app.session.screen {
        let current = before.get(state.page).copied();
        if let Some(index) = current.and_then(|page| after.iter().position(|p| *p == page)) {
            state.page = index;
        } else {
            state.page = 0;
            state.scroll = 0;
        }
    }
    clamp_scroll(app);
}

/// Whether the staff mode turned on from the staff menu has gone unused long enough to end.
pub(super) fn staff_mode_expired(app: &App) -> bool {
    app.session.staff && !app.settings.staff && app.now >= app.last_input + app.settings.staff_idle
}

/// Ends staff mode after staff idle time, saying so.
pub(super) fn end_staff_mode(app: &mut App) {
    set_staff(app, false);
    app.session.flash = Some(Flash::StaffModeEnded);
}
