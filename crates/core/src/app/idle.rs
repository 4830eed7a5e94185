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
    // The index keeps the last query's words for the next key: not the next person's.
    if let Some(cache) = &app.search_index {
        cache.index.forget_last_query();
    }
    app.warning_since = None;
    app.resets += 1;
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use kiosk_content::i18n::Catalog;

    use super::*;
    use crate::app::Settings;

    #[test]
    fn a_reset_leaves_the_search_index_no_word_of_the_last_search() {
        let library = kiosk_content::load_bundled().library;
        let mut app = App::new(library, Catalog::english(), Settings::default(), (80, 24), Instant::now());
        let prepared = app.search_job().expect("no index yet").build();
        super::super::search_prepare::adopt(&mut app, prepared);
        let kept = |app: &App| app.search_index.as_ref().expect("an index").index.typed_words_kept();
        let _ = app.search_index.as_ref().expect("an index").index.search("back pain", 50);
        assert_eq!(kept(&app), 2, "back, pain");
        reset(&mut app);
        assert_eq!(kept(&app), 0);
    }
}
