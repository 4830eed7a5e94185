//! The list of topics on its own: its keys and taps move the choice over a list of a given
//! length, and say when the chosen topic should open. It reads the kiosk only through a
//! [`HomeContext`]; `home_host.rs` gives it one and opens the topic.

use super::event::{Key, Mouse, MouseAction};
use super::layout::{HOME_ENTRY_HEIGHT, HomeLayout, contains};
use super::places::HomeState;

/// What the list needs of the kiosk, read-only.
#[derive(Debug, Clone, Copy)]
pub struct HomeContext {
    /// How many topics the reader is offered.
    pub topics: usize,
    /// Where the list is drawn.
    pub layout: HomeLayout,
}

/// What should happen after a key or a tap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeOutcome {
    /// The list stays.
    Stay,
    /// The topic at this place in the list opens.
    Open(usize),
}

impl HomeState {
    /// A key.
    pub fn on_key(&mut self, key: Key, context: HomeContext) -> HomeOutcome {
        let count = context.topics;
        if count == 0 {
            return HomeOutcome::Stay;
        }
        let page = context.layout.visible_entries();
        let selected = self.selected;
        self.selected = match key {
            Key::Up => selected.saturating_sub(1),
            Key::Down => selected + 1,
            Key::PageUp => selected.saturating_sub(page),
            Key::PageDown => selected + page,
            Key::Home => 0,
            Key::End => count - 1,
            Key::Enter | Key::Right | Key::Char(' ') => return HomeOutcome::Open(selected.min(count - 1)),
            // Other keys cost nothing, so a flood of typed or pasted characters never lags.
            _ => return HomeOutcome::Stay,
        }
        .min(count - 1);
        self.keep_selection_visible(page);
        HomeOutcome::Stay
    }

    /// A click or the wheel: the wheel moves the choice, a tap on a topic opens it.
    pub fn on_mouse(&mut self, Mouse { action, column, row }: Mouse, context: HomeContext) -> HomeOutcome {
        match action {
            MouseAction::ScrollUp => self.on_key(Key::Up, context),
            MouseAction::ScrollDown => self.on_key(Key::Down, context),
            MouseAction::Click => {
                let list = context.layout.list;
                let index = self.first_visible + usize::from(row.saturating_sub(list.y) / HOME_ENTRY_HEIGHT);
                if contains(list, column, row) && index < context.topics {
                    HomeOutcome::Open(index)
                } else {
                    HomeOutcome::Stay
                }
            }
        }
    }

    /// Scrolls the list so its choice is in sight, `visible` topics at a time.
    pub fn keep_selection_visible(&mut self, visible: usize) {
        if self.selected < self.first_visible {
            self.first_visible = self.selected;
        } else if self.selected >= self.first_visible + visible {
            self.first_visible = self.selected + 1 - visible;
        }
    }
}
