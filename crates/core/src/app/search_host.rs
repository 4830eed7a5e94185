//! Search in the kiosk: what the search overlay gets from the App (the index, else the
//! topics' names, subtitles and summaries read directly, and its layout), and what its
//! outcomes do — closing it, or opening what it found at the page and line that show it.

use super::bounds::{clamp_scroll, keep_home_selection_visible};
use super::event::{Key, Mouse};
use super::layout::SearchLayout;
use super::overlay::{Overlay, SearchState};
use super::places::TopicState;
use super::search::{SearchContext, SearchOutcome};
use super::session::Screen;
use super::state::App;
use crate::search::{Hit, scan_heads};
use kiosk_content::Spot;

/// The most results listed.
const MAX_RESULTS: usize = 50;

/// `/`: opens the search overlay with an empty query.
pub(super) fn open_search(app: &mut App) {
    app.session.overlays.open(Overlay::Search(SearchState::default()));
}

/// A key while search is on top.
pub(super) fn search_key(app: &mut App, key: Key) {
    with_search(app, |search, context| search.on_key(key, context));
}

/// A paste while search is on top.
pub(super) fn search_paste(app: &mut App, text: &str) {
    with_search(app, |search, context| {
        search.on_paste(text, context);
        SearchOutcome::Stay
    });
}

/// A click or the wheel while search is on top.
pub(super) fn search_mouse(app: &mut App, mouse: Mouse) {
    with_search(app, |search, context| search.on_mouse(mouse, context));
}

/// Searches for what was typed while more keys were coming: the batch's last event has come.
pub(super) fn settle_search(app: &mut App) {
    with_search(app, |search, context| {
        search.settle(context);
        SearchOutcome::Stay
    });
}

/// Runs an open search's query again, after the library or the index changed under it.
pub(super) fn refresh_search(app: &mut App) {
    with_search(app, |search, context| {
        search.rerun(context);
        SearchOutcome::Stay
    });
}

/// Lends the open search its context and carries out what it says.
fn with_search(app: &mut App, act: impl FnOnce(&mut SearchState, &SearchContext<'_>) -> SearchOutcome) {
    // Taken out while it acts, so it can read the App it lives in.
    let Some(mut search) = app.session.overlays.take_search() else { return };
    let find = |query: &str| find(app, query);
    let context =
        SearchContext { find: &find, layout: SearchLayout::new(app.area), more_to_come: app.more_to_come };
    match act(&mut search, &context) {
        SearchOutcome::Stay => app.session.overlays.open(Overlay::Search(search)),
        SearchOutcome::Close => {}
        SearchOutcome::Open(hit) => {
            app.session.opened_from_search = Some(search);
            open_hit(app, &hit);
        }
    }
}

/// The results for `query` with the index for this audience; while that is still being built,
/// over the topics' names, subtitles and summaries read directly (milliseconds at 10,000
/// topics), and the overlay says the library is still being read.
fn find(app: &App, query: &str) -> Vec<Hit> {
    match &app.search_index {
        Some(cache) if app.search_ready() => cache.index.search(query, MAX_RESULTS),
        _ => {
            let language = &app.session.language;
            scan_heads(&app.home_topics(), language, app.library.vocabulary(language), query, MAX_RESULTS)
        }
    }
}

/// Opens the hit's topic at the page that shows it, with the matching text at the top of the
/// screen (and a FAQ answer open).
fn open_hit(app: &mut App, hit: &Hit) {
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
    keep_home_selection_visible(app);
    scroll_to_spot(app, hit.spot);
}

/// Scrolls the open page so the text at `spot` is near the top.
fn scroll_to_spot(app: &mut App, spot: Spot) {
    let line = app.page_lines().iter().position(|line| line.spot == Some(spot));
    if let (Some(line), Screen::Topic(state)) = (line, &mut app.session.screen) {
        // One line of what comes before, so the reader sees where they are.
        state.scroll = line.saturating_sub(1);
    }
    clamp_scroll(app);
}
