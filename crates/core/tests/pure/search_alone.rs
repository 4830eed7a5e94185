//! The search overlay driven alone: its state and a context in, an outcome out; no App, no
//! other screen. The context's results come from a real index of thirty topics.

use crate::common::*;
use kiosk_content::i18n::Catalog;
use kiosk_core::app::{Key, Mouse, MouseAction, SearchContext, SearchLayout, SearchOutcome, SearchState};
use kiosk_core::search::{Hit, SearchIndex};
use ratatui_core::layout::Rect;

fn typed(search: &mut SearchState, text: &str, context: &SearchContext<'_>) -> SearchOutcome {
    let mut outcome = SearchOutcome::Stay;
    for c in text.chars() {
        outcome = search.on_key(Key::Char(c), context);
    }
    outcome
}

#[test]
fn search_alone_types_moves_opens_and_closes() {
    let index = SearchIndex::build(&library_of(30), &Catalog::english(), "en", false, &|_| true);
    let find = |query: &str| index.search(query, 50);
    let layout = SearchLayout::new(Rect::new(0, 0, 80, 24));
    let context = SearchContext { find: &find, layout, more_to_come: false };
    let visible = layout.visible_results();
    let mut search = SearchState::default();

    assert_eq!(typed(&mut search, "topic", &context), SearchOutcome::Stay);
    assert_eq!(search.query, "topic");
    assert_eq!(search.hits.len(), 30, "{:?}", search.hits.iter().map(|hit| &hit.text).collect::<Vec<_>>());
    assert_eq!((search.selected, search.first_visible), (0, 0));
    // The choice moves and the window follows it.
    for _ in 0..visible {
        search.on_key(Key::Down, &context);
    }
    assert_eq!(search.selected, visible);
    assert_eq!(search.first_visible, 1, "the choice stays in sight");
    search.on_key(Key::End, &context);
    assert_eq!((search.selected, search.first_visible), (29, 30 - visible));
    search.on_key(Key::PageUp, &context);
    assert_eq!(search.selected, 29 - visible);
    search.on_key(Key::Home, &context);
    assert_eq!((search.selected, search.first_visible), (0, 0));
    // Enter opens the chosen result; Esc closes.
    let chosen: Hit = search.hits[0].clone();
    assert_eq!(search.on_key(Key::Enter, &context), SearchOutcome::Open(chosen));
    assert_eq!(search.on_key(Key::Esc, &context), SearchOutcome::Close);
    // Ctrl-U empties the query; Backspace takes a character.
    search.on_key(Key::Ctrl('u'), &context);
    assert_eq!((search.query.as_str(), search.hits.len()), ("", 0));
    assert_eq!(search.on_key(Key::Enter, &context), SearchOutcome::Stay, "nothing to open");
}

#[test]
fn search_alone_takes_a_pasted_first_line_and_taps() {
    let index = SearchIndex::build(&library_of(30), &Catalog::english(), "en", false, &|_| true);
    let find = |query: &str| index.search(query, 50);
    let layout = SearchLayout::new(Rect::new(0, 0, 80, 24));
    let context = SearchContext { find: &find, layout, more_to_come: false };
    let mut search = SearchState::default();

    search.on_paste("Topic 1\u{1b}[2J\nsecond line", &context);
    assert_eq!(search.query, "Topic 1[2J", "the escape and the second line are dropped");
    search.on_key(Key::Ctrl('u'), &context);
    search.on_paste("topic", &context);
    // The wheel moves the choice; a tap on the second result shown opens it.
    assert_eq!(
        search.on_mouse(Mouse { action: MouseAction::ScrollDown, column: 10, row: 10 }, &context),
        SearchOutcome::Stay
    );
    assert_eq!(search.selected, 1);
    let results = layout.results;
    let second = results.y + kiosk_core::app::SEARCH_ENTRY_HEIGHT;
    let tapped =
        search.on_mouse(Mouse { action: MouseAction::Click, column: results.x + 1, row: second }, &context);
    assert_eq!(tapped, SearchOutcome::Open(search.hits[1].clone()));
    // A tap outside the results does nothing.
    let outside = search.on_mouse(Mouse { action: MouseAction::Click, column: 0, row: 0 }, &context);
    assert_eq!(outside, SearchOutcome::Stay);
}

#[test]
fn search_alone_keeps_its_choice_in_range_when_what_it_searches_shrinks() {
    let index = SearchIndex::build(&library_of(30), &Catalog::english(), "en", false, &|_| true);
    let find = |query: &str| index.search(query, 50);
    let layout = SearchLayout::new(Rect::new(0, 0, 80, 24));
    let mut search = SearchState::default();
    typed(&mut search, "topic", &SearchContext { find: &find, layout, more_to_come: false });
    search.on_key(Key::End, &SearchContext { find: &find, layout, more_to_come: false });
    let fewer = SearchIndex::build(&library_of(3), &Catalog::english(), "en", false, &|_| true);
    let find_fewer = |query: &str| fewer.search(query, 50);
    search.rerun(&SearchContext { find: &find_fewer, layout, more_to_come: false });
    assert_eq!((search.hits.len(), search.selected, search.first_visible), (3, 2, 0));
}
