//! The search overlay: typing a query, choosing a result, opening it in place.

use super::bounds::clamp_scroll;
use super::bounds::keep_home_selection_visible;
use super::event::{Key, Mouse, MouseAction};
use super::layout::{SEARCH_ENTRY_HEIGHT, SearchLayout, contains};
use super::overlay::{Overlay, SearchState};
use super::places::TopicState;
use super::session::Screen;
use super::state::App;
use crate::search::{Hit, MAX_QUERY_CHARS, scan_names};
use kiosk_content::{Spot, unsafe_character};

/// The most results listed.
const MAX_RESULTS: usize = 50;

/// `/`: opens the search overlay with an empty query.
pub(super) fn open_search(app: &mut App) {
    app.session.overlays.open(Overlay::Search(SearchState::default()));
}

/// A key while the search overlay is open.
pub(super) fn search_key(app: &mut App, key: Key) {
    let Some(search) = app.session.overlays.search_mut() else { return };
    let visible = SearchLayout::new(app.area).visible_results();
    let last = search.hits.len().saturating_sub(1);
    match key {
        Key::Esc => app.session.overlays.close_top(),
        Key::Enter => {
            if let Some(hit) = search.hits.get(search.selected).cloned() {
                open_hit(app, &hit);
            }
        }
        Key::Up => search.selected = search.selected.saturating_sub(1),
        Key::Down => search.selected = (search.selected + 1).min(last),
        Key::PageUp => search.selected = search.selected.saturating_sub(visible),
        Key::PageDown => search.selected = (search.selected + visible).min(last),
        Key::Home => search.selected = 0,
        Key::End => search.selected = last,
        Key::Backspace => {
            search.query.pop();
            refresh(app);
        }
        Key::Ctrl('u') => {
            search.query.clear();
            refresh(app);
        }
        Key::Char(c) => type_text(app, &c.to_string()),
        _ => {}
    }
    keep_result_visible(app);
}

/// Pasted text goes into the query: its first line, without control characters, cut to length.
pub(super) fn search_paste(app: &mut App, text: &str) {
    let first_line = text.lines().next().unwrap_or_default();
    let clean: String = first_line
        .chars()
        .filter(|c| unsafe_character(c.encode_utf8(&mut [0; 4])).is_none())
        .take(MAX_QUERY_CHARS)
        .collect();
    type_text(app, &clean);
}

/// A click or the wheel while the search overlay is open.
pub(super) fn search_mouse(app: &mut App, Mouse { action, column, row }: Mouse) {
    match action {
        MouseAction::ScrollUp => search_key(app, Key::Up),
        MouseAction::ScrollDown => search_key(app, Key::Down),
        MouseAction::Click => {
            let results = SearchLayout::new(app.area).results;
            let Some(search) = app.session.overlays.search_mut() else { return };
            if contains(results, column, row) {
                let index = search.first_visible + usize::from((row - results.y) / SEARCH_ENTRY_HEIGHT);
                if index < search.hits.len() {
                    search.selected = index;
                    search_key(app, Key::Enter);
                }
            }
        }
    }
}

fn type_text(app: &mut App, text: &str) {
    let Some(search) = app.session.overlays.search_mut() else { return };
    let room = MAX_QUERY_CHARS.saturating_sub(search.query.chars().count());
    search.query.extend(text.chars().filter(|c| !c.is_control()).take(room));
    refresh(app);
}

/// Runs an open search's query again, keeping the chosen result where it can: after the
/// library changed under it.
pub(super) fn refresh_search(app: &mut App) {
    let Some(selected) = app.session.overlays.search().map(|search| search.selected) else { return };
    refresh(app);
    if let Some(search) = app.session.overlays.search_mut() {
        search.selected = selected.min(search.hits.len().saturating_sub(1));
    }
    keep_result_visible(app);
}

/// Runs the query again with the index for the reader's language and mode; while that is
/// still being built, over the topics' names read directly (milliseconds at 10,000 topics),
/// and the overlay says the library is still being read.
fn refresh(app: &mut App) {
    let Some(query) = app.session.overlays.search().map(|search| search.query.clone()) else { return };
    let hits = match &app.search_index {
        Some(cache) if app.search_ready() => cache.index.search(&query, MAX_RESULTS),
        _ => {
            let language = &app.session.language;
            scan_names(&app.home_topics(), language, app.library.vocabulary(language), &query, MAX_RESULTS)
        }
    };
    let Some(search) = app.session.overlays.search_mut() else { return };
    search.hits = hits;
    search.selected = 0;
    search.first_visible = 0;
}

fn keep_result_visible(app: &mut App) {
    let visible = SearchLayout::new(app.area).visible_results();
    let Some(search) = app.session.overlays.search_mut() else { return };
    if search.selected < search.first_visible {
        search.first_visible = search.selected;
    } else if search.selected >= search.first_visible + visible {
        search.first_visible = search.selected + 1 - visible;
    }
}

/// Opens the hit's topic at the page that shows it, with the matching text at the top of the
/// screen (and a FAQ answer open).
pub(super) fn open_hit(app: &mut App, hit: &Hit) {
    let language = app.session.language.clone();
    let Some(topic) = app.library.find_for_reader(&hit.topic_id, &language) else { return };
    let mut state = TopicState::new(&topic.id, topic.faq.len());
    let page = topic.page_of(hit.spot);
    state.page = app.pages_of(topic).iter().position(|p| *p == page).unwrap_or(0);
    if let Some(entry) = hit.spot.faq_entry() {
        state.faq_selected = entry;
        if let Some(open) = state.faq_open.get_mut(entry) {
            *open = true;
        }
    }
    if let Some(index) = app.home_topics().iter().position(|t| t.id == hit.topic_id) {
        app.session.home.selected = index;
    }
    app.session.screen = Screen::Topic(state);
    app.session.opened_from_search = app.session.overlays.take_search();
    keep_home_selection_visible(app);
    scroll_to_spot(app, hit.spot);
}

/// Scrolls the open page so the text at `spot` is near the top.
pub(super) fn scroll_to_spot(app: &mut App, spot: Spot) {
    let line = app.page_lines().iter().position(|line| line.spot == Some(spot));
    if let (Some(line), Screen::Topic(state)) = (line, &mut app.session.screen) {
        // One line of what comes before, so the reader sees where they are.
        state.scroll = line.saturating_sub(1);
    }
    clamp_scroll(app);
}
