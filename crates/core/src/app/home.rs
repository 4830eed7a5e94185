//! The list of topics: where the reader is on it, and its keys and taps.

use super::bounds::keep_home_selection_visible;
use super::event::{Key, Mouse, MouseAction};
use super::layout::{HOME_ENTRY_HEIGHT, contains};
use super::places::TopicState;
use super::session::Screen;
use super::state::App;

pub(super) fn home_key(app: &mut App, key: Key) {
    let moves = matches!(
        key,
        Key::Up
            | Key::Down
            | Key::PageUp
            | Key::PageDown
            | Key::Home
            | Key::End
            | Key::Enter
            | Key::Right
            | Key::Char(' ')
    );
    // Other keys cost nothing, so a flood of typed or pasted characters never lags.
    if !moves {
        return;
    }
    let count = app.home_topics().len();
    if count == 0 {
        return;
    }
    let page = app.home_layout().visible_entries();
    let selected = app.session.home.selected;
    app.session.home.selected = match key {
        Key::Up => selected.saturating_sub(1),
        Key::Down => selected + 1,
        Key::PageUp => selected.saturating_sub(page),
        Key::PageDown => selected + page,
        Key::Home => 0,
        Key::End => count - 1,
        Key::Enter | Key::Right | Key::Char(' ') => {
            open_topic(app, selected);
            return;
        }
        _ => selected,
    }
    .min(count - 1);
    keep_home_selection_visible(app);
}

fn open_topic(app: &mut App, index: usize) {
    let Some(topic) = app.home_topics().get(index).copied() else { return };
    let state = TopicState::new(&topic.id, topic.faq.len());
    app.session.home.selected = index;
    app.session.screen = Screen::Topic(state);
}

pub(super) fn home_mouse(app: &mut App, Mouse { action, column, row }: Mouse) {
    match action {
        MouseAction::ScrollUp => home_key(app, Key::Up),
        MouseAction::ScrollDown => home_key(app, Key::Down),
        MouseAction::Click => {
            let list = app.home_layout().list;
            if contains(list, column, row) {
                let index = app.session.home.first_visible + usize::from((row - list.y) / HOME_ENTRY_HEIGHT);
                open_topic(app, index);
            }
        }
    }
}
