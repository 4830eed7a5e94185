//! Where on the screen a topic page's text stands, and how far it is scrolled: when only the
//! scroll changed, the shell moves the rows already on the terminal and writes just the lines
//! that came into view, as `less` does.

use super::layout::{TopicLayout, too_small};
use super::session::Screen;
use super::state::App;
use kiosk_content::TopicId;
use ratatui_core::layout::Rect;

/// A topic page's text as it stands on the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextView {
    /// The topic's id.
    pub topic: TopicId,
    /// The page's place among the topic's pages.
    pub page: usize,
    /// Where the text stands on the screen: its rows, and its columns between the list of
    /// pages and the scrollbar.
    pub area: Rect,
    /// The first line of the page shown.
    pub scroll: usize,
}

impl TextView {
    /// How many lines the text moved up (negative: down) from `before` to `self`, when the same
    /// page is shown in the same rows and some of its lines are still on screen.
    pub fn moved_since(&self, before: &TextView) -> Option<i32> {
        let same_place = (&self.topic, self.page, self.area) == (&before.topic, before.page, before.area);
        let rows = i64::from(self.area.height);
        let moved = i64::try_from(self.scroll).ok()? - i64::try_from(before.scroll).ok()?;
        let moved = i32::try_from(moved).ok()?;
        (same_place && moved != 0 && i64::from(moved.abs()) < rows).then_some(moved)
    }
}

impl App {
    /// The page text on screen, when a topic page is shown with nothing over it.
    pub fn text_view(&self) -> Option<TextView> {
        let Screen::Topic(state) = self.screen() else { return None };
        let covered = !self.session().overlays.is_empty() || self.reset_countdown().is_some();
        if covered || too_small(self.area()) {
            return None;
        }
        let text = TopicLayout::new(self.area()).text;
        (text.height > 0).then(|| TextView {
            topic: state.id.clone(),
            page: state.page,
            area: text,
            scroll: state.scroll,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(page: usize, scroll: usize) -> TextView {
        TextView { topic: "t".into(), page, area: Rect::new(24, 3, 50, 10), scroll }
    }

    #[test]
    fn only_a_scroll_of_the_same_page_by_less_than_its_rows_is_a_move() {
        assert_eq!(view(0, 4).moved_since(&view(0, 3)), Some(1));
        assert_eq!(view(0, 1).moved_since(&view(0, 4)), Some(-3));
        assert_eq!(view(0, 3).moved_since(&view(0, 3)), None, "nothing moved");
        assert_eq!(view(1, 4).moved_since(&view(0, 3)), None, "another page");
        assert_eq!(view(0, 13).moved_since(&view(0, 3)), None, "no line stays on screen");
        assert_eq!(view(0, 12).moved_since(&view(0, 3)), Some(9));
    }
}
