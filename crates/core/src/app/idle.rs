//! The kiosk when nobody is at it: "Are you still there?" after the idle time, the reset that
//! wipes the session when its countdown ends, and staff mode ending by itself.

use super::session::Session;
use super::staff::{end_staff_mode, staff_mode_expired};
use super::state::App;

/// Shows "Are you still there?" after the idle time, and wipes the session when its countdown
/// ends. Both can happen at once after a long gap (a suspended machine, a late event).
pub(super) fn run_timers(app: &mut App) {
    if app.warning_since.is_none() && !app.at_rest() {
        let due = app.last_input + app.settings.idle;
        if app.now >= due {
            app.warning_since = Some(due);
        }
    }
    if let Some(since) = app.warning_since
        && app.now >= since + app.settings.warning
    {
        reset(app);
    }
    if staff_mode_expired(app) {
        end_staff_mode(app);
    }
}

/// Wipes everything the reader did: the next person starts fresh.
pub(super) fn reset(app: &mut App) {
    app.session = Session::start(&app.settings);
    app.warning_since = None;
    app.resets += 1;
}
