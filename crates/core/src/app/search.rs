//! The search overlay on its own: typing a query, choosing a result. It reads the kiosk only
//! through a [`SearchContext`] and says what should happen next as a [`SearchOutcome`];
//! `search_host.rs` gives it the context and carries the outcome out.

use ratatui_core::layout::Rect;

use super::event::{Key, Mouse, MouseAction};
use super::layout::{SEARCH_ENTRY_HEIGHT, SearchLayout, contains};
use super::overlay::SearchState;
use crate::search::{Hit, MAX_QUERY_CHARS};
use kiosk_content::unsafe_character;

/// What search needs of the kiosk, read-only.
pub struct SearchContext<'a> {
    /// The results for a query, best first.
    pub find: &'a dyn Fn(&str) -> Vec<Hit>,
    /// Where the overlay is drawn.
    pub layout: SearchLayout,
    /// More keys follow at once: typing may wait to search until the last of them.
    pub more_to_come: bool,
}

impl SearchContext<'_> {
    fn visible(&self) -> usize {
        self.layout.visible_results()
    }

    fn results(&self) -> Rect {
        self.layout.results
    }
}

/// What should happen after a key, a paste or a tap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchOutcome {
    /// Search stays open.
    Stay,
    /// Search closes.
    Close,
    /// The chosen result opens.
    Open(Hit),
}

impl SearchState {
    /// A key.
    pub fn on_key(&mut self, key: Key, context: &SearchContext<'_>) -> SearchOutcome {
        if !matches!(key, Key::Char(_) | Key::Backspace | Key::Ctrl('u')) {
            self.settle(context);
        }
        let last = self.hits.len().saturating_sub(1);
        let visible = context.visible();
        match key {
            Key::Esc => return SearchOutcome::Close,
            Key::Enter => {
                if let Some(hit) = self.hits.get(self.selected) {
                    return SearchOutcome::Open(hit.clone());
                }
            }
            Key::Up => self.selected = self.selected.saturating_sub(1),
            Key::Down => self.selected = (self.selected + 1).min(last),
            Key::PageUp => self.selected = self.selected.saturating_sub(visible),
            Key::PageDown => self.selected = (self.selected + visible).min(last),
            Key::Home => self.selected = 0,
            Key::End => self.selected = last,
            Key::Backspace => {
                self.query.pop();
                self.search(context);
            }
            Key::Ctrl('u') => {
                self.query.clear();
                self.search(context);
            }
            Key::Char(c) => self.type_text(&c.to_string(), context),
            _ => {}
        }
        self.keep_selection_visible(context);
        SearchOutcome::Stay
    }

    /// Pasted text goes into the query: its first line, without control characters, cut to
    /// length.
    pub fn on_paste(&mut self, text: &str, context: &SearchContext<'_>) {
        let first_line = text.lines().next().unwrap_or_default();
        let clean: String = first_line
            .chars()
            .filter(|c| unsafe_character(c.encode_utf8(&mut [0; 4])).is_none())
            .take(MAX_QUERY_CHARS)
            .collect();
        self.type_text(&clean, context);
        self.keep_selection_visible(context);
    }

    /// A click or the wheel: the wheel moves the choice, a tap on a result opens it.
    pub fn on_mouse(
        &mut self,
        Mouse { action, column, row }: Mouse,
        context: &SearchContext<'_>,
    ) -> SearchOutcome {
        self.settle(context);
        match action {
            MouseAction::ScrollUp => self.on_key(Key::Up, context),
            MouseAction::ScrollDown => self.on_key(Key::Down, context),
            MouseAction::Click => {
                let results = context.results();
                if contains(results, column, row) {
                    let index = self.first_visible + usize::from((row - results.y) / SEARCH_ENTRY_HEIGHT);
                    if index < self.hits.len() {
                        self.selected = index;
                        return self.on_key(Key::Enter, context);
                    }
                }
                SearchOutcome::Stay
            }
        }
    }

    /// Runs the query again, keeping the chosen result where it can: after what it searches
    /// changed under it (a new library, the index built).
    pub fn rerun(&mut self, context: &SearchContext<'_>) {
        let selected = self.selected;
        self.run(context);
        self.selected = selected.min(self.hits.len().saturating_sub(1));
        self.keep_selection_visible(context);
    }

    fn type_text(&mut self, text: &str, context: &SearchContext<'_>) {
        let room = MAX_QUERY_CHARS.saturating_sub(self.query.chars().count());
        self.query.extend(text.chars().filter(|c| !c.is_control()).take(room));
        self.search(context);
    }

    /// The query changed: its results now, or once the keys coming with this one are typed.
    fn search(&mut self, context: &SearchContext<'_>) {
        if context.more_to_come {
            self.pending = true;
        } else {
            self.run(context);
        }
    }

    /// Searches for a query typed while more keys were coming, if there is one.
    pub fn settle(&mut self, context: &SearchContext<'_>) {
        if self.pending {
            self.run(context);
        }
    }

    /// The query's results, the first chosen.
    fn run(&mut self, context: &SearchContext<'_>) {
        self.hits = (context.find)(&self.query);
        self.selected = 0;
        self.first_visible = 0;
        self.pending = false;
    }

    fn keep_selection_visible(&mut self, context: &SearchContext<'_>) {
        let visible = context.visible();
        if self.selected < self.first_visible {
            self.first_visible = self.selected;
        } else if self.selected >= self.first_visible + visible {
            self.first_visible = self.selected + 1 - visible;
        }
    }
}
