//! Keeping a reader's place in range after anything moved it (a key, a resize, a new library):
//! the page's scroll within its lines, a list's window around its choice.

use super::session::Screen;
use super::state::App;

/// Scrolls the list of topics so its choice is in sight.
pub(crate) fn keep_home_selection_visible(app: &mut App) {
    let visible = app.home_layout().visible_entries();
    app.session.home.keep_selection_visible(visible);
}

/// Rows of page text on screen.
pub(super) fn text_height(app: &App) -> usize {
    app.topic().map_or(0, |_| usize::from(app.topic_layout().text.height))
}

/// Keeps the page's scroll between the top and the last screenful.
pub(super) fn clamp_scroll(app: &mut App) {
    let lines = app.page_lines().len();
    // A screen too small to show text still keeps the last line in reach, never past it.
    let height = text_height(app).max(1);
    if let Screen::Topic(state) = &mut app.session.screen {
        state.scroll = state.scroll.min(lines.saturating_sub(height));
    }
}
