//! Related topics: the last page before the sources lists the topics to read next; ↑ ↓ and
//! Enter (or a tap) open one. Part of the topic screen: it says which to open, the kiosk opens it.

use kiosk_content::{Page, Spot};

use super::event::Key;
use super::places::TopicState;
use super::topic::{TopicContext, TopicOutcome, list_step};

impl TopicState {
    /// A key on the related page; `None` when it is not one of its keys.
    pub(super) fn related_key(&mut self, key: Key, context: &TopicContext<'_>) -> Option<TopicOutcome> {
        if context.pages.get(self.page) != Some(&Page::Related) {
            return None;
        }
        let last = context.related.saturating_sub(1);
        if let Some(moved) = list_step(self.related_selected, key, last) {
            self.related_selected = moved;
            Some(TopicOutcome::Stay)
        } else if matches!(key, Key::Char(' ') | Key::Enter) {
            Some(TopicOutcome::OpenRelated(self.related_selected))
        } else {
            None
        }
    }

    /// A tap on a related topic opens it.
    pub(super) fn related_tapped(&mut self, line: usize, context: &TopicContext<'_>) -> Option<TopicOutcome> {
        let Some(Spot::Related(n)) = (context.lines)(self).get(line).and_then(|line| line.spot) else {
            return None;
        };
        Some(TopicOutcome::OpenRelated(n))
    }
}
