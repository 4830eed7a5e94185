//! A topic's pages on their own: the keys and taps that move through them, scroll a page and
//! open its answers. The screen reads the kiosk only through a [`TopicContext`] and says what
//! should happen beyond its own place as a [`TopicOutcome`]; its pages' lists (questions
//! to ask the doctor, teach-back, related topics) are in doctor_questions.rs, teach_back.rs and
//! related.rs, and `topic_host.rs`
//! gives it the context and carries the outcome out.

use std::sync::Arc;

use kiosk_content::{Page, Topic};

use super::document::PageLine;
use super::event::{Key, Mouse, MouseAction};
use super::layout::{ListWindow, PageNav, TopicLayout, contains};
use super::places::TopicState;

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: usize = 3;

/// What the topic screen needs of the kiosk, read-only.
pub struct TopicContext<'a> {
    /// The topic, as this reader sees it.
    pub topic: &'a Topic,
    /// Its pages for this reader.
    pub pages: &'a [Page],
    /// The lines of its page at a place (the page, the open answers, the answers taken).
    pub lines: &'a dyn Fn(&TopicState) -> Arc<Vec<PageLine>>,
    /// How many related topics this reader can open.
    pub related: usize,
    /// Where the screen's parts are drawn.
    pub layout: TopicLayout,
}

impl TopicContext<'_> {
    /// Rows of page text on screen.
    pub(super) fn text_height(&self) -> usize {
        usize::from(self.layout.text.height)
    }
}

/// What should happen beyond the screen's own place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopicOutcome {
    /// The screen stays.
    Stay,
    /// Back to where the reader came from: the list, or the search the topic was opened from.
    Back,
    /// Open the related topic at this place in the related list.
    OpenRelated(usize),
    /// Tick this question (section, item) of the checklist, or take the tick off.
    Tick(usize, usize),
}

impl TopicState {
    /// A key.
    pub fn on_key(&mut self, key: Key, context: &TopicContext<'_>) -> TopicOutcome {
        let acts = matches!(
            key,
            Key::Left
                | Key::Right
                | Key::Tab
                | Key::BackTab
                | Key::Char('1'..='9' | ' ')
                | Key::Esc
                | Key::Backspace
                | Key::Up
                | Key::Down
                | Key::Enter
                | Key::PageUp
                | Key::PageDown
                | Key::Home
                | Key::End
        );
        // Other keys cost nothing, so a flood of typed or pasted characters never lags.
        if !acts {
            return TopicOutcome::Stay;
        }
        if let Some(outcome) = self
            .question_key(key, context)
            .or_else(|| self.teach_back_key(key, context))
            .or_else(|| self.related_key(key, context))
        {
            return outcome;
        }
        if matches!(key, Key::Esc | Key::Backspace) {
            return TopicOutcome::Back;
        }
        let Some(&page) = context.pages.get(self.page) else { return TopicOutcome::Stay };
        let page_count = context.pages.len();
        let on_faq = page == Page::Faq;
        let screenful = context.text_height().saturating_sub(1).max(1);
        match key {
            Key::Left | Key::BackTab => self.go_to_page(self.page.saturating_sub(1)),
            Key::Right | Key::Tab => self.go_to_page((self.page + 1).min(page_count - 1)),
            Key::Char(digit @ '1'..='9') => {
                let index = digit as usize - '1' as usize;
                if index < page_count {
                    self.go_to_page(index);
                }
            }
            Key::Up if on_faq => {
                self.faq_selected = self.faq_selected.saturating_sub(1);
                self.reveal_faq(context);
            }
            Key::Down if on_faq => {
                self.faq_selected = (self.faq_selected + 1).min(self.faq_open.len().saturating_sub(1));
                self.reveal_faq(context);
            }
            Key::Enter if on_faq => self.toggle_faq(context),
            Key::Up => self.scroll = self.scroll.saturating_sub(1),
            Key::Down => self.scroll += 1,
            Key::PageUp => self.scroll = self.scroll.saturating_sub(screenful),
            Key::PageDown | Key::Char(' ') => self.scroll += screenful,
            Key::Home if on_faq => {
                self.faq_selected = 0;
                self.scroll = 0;
            }
            Key::End if on_faq => {
                self.faq_selected = self.faq_open.len().saturating_sub(1);
                self.scroll = usize::MAX;
            }
            Key::Home => self.scroll = 0,
            Key::End => self.scroll = usize::MAX,
            _ => {}
        }
        self.clamp_scroll(context);
        TopicOutcome::Stay
    }

    /// A click or the wheel.
    pub fn on_mouse(
        &mut self,
        Mouse { action, column, row }: Mouse,
        context: &TopicContext<'_>,
    ) -> TopicOutcome {
        let layout = context.layout;
        let page_count = context.pages.len();
        let over_side_list = matches!(layout.nav, PageNav::Side(side) if contains(side, column, row));
        match action {
            // The wheel over the list of pages moves through the pages, as the arrow keys do.
            MouseAction::ScrollUp | MouseAction::ScrollDown if over_side_list => {
                let page = if action == MouseAction::ScrollUp {
                    self.page.saturating_sub(1)
                } else {
                    (self.page + 1).min(page_count.saturating_sub(1))
                };
                self.go_to_page(page);
            }
            MouseAction::ScrollUp => self.scroll_by(-1, context),
            MouseAction::ScrollDown => self.scroll_by(1, context),
            MouseAction::Click if contains(layout.scrollbar, column, row) => {
                self.scrollbar_click(layout.scrollbar, row, context);
            }
            MouseAction::Click => match layout.nav {
                PageNav::Side(side) if contains(side, column, row) => {
                    let window = ListWindow::new(self.page, page_count, usize::from(side.height));
                    if let Some(index) = window.page_at(usize::from(row - side.y)) {
                        self.go_to_page(index);
                    }
                }
                PageNav::Bar { previous, .. } if contains(previous, column, row) => {
                    self.go_to_page(self.page.saturating_sub(1));
                }
                PageNav::Bar { next, .. } if contains(next, column, row) => {
                    self.go_to_page((self.page + 1).min(page_count.saturating_sub(1)));
                }
                _ if contains(layout.text, column, row) => {
                    let line = self.scroll + usize::from(row - layout.text.y);
                    if let Some(outcome) = self
                        .question_tapped(line, context)
                        .or_else(|| self.check_tapped(line, context))
                        .or_else(|| self.related_tapped(line, context))
                    {
                        return outcome;
                    }
                    if let Some(entry) = (context.lines)(self).get(line).and_then(PageLine::faq) {
                        self.faq_selected = entry;
                        self.toggle_faq(context);
                    }
                }
                _ => {}
            },
        }
        TopicOutcome::Stay
    }

    /// Keeps the page's scroll between the top and the last screenful.
    pub(super) fn clamp_scroll(&mut self, context: &TopicContext<'_>) {
        let lines = (context.lines)(self).len();
        // A screen too small to show text still keeps the last line in reach, never past it.
        let height = context.text_height().max(1);
        self.scroll = self.scroll.min(lines.saturating_sub(height));
    }

    pub(super) fn go_to_page(&mut self, page: usize) {
        if self.page != page {
            self.page = page;
            self.scroll = 0;
        }
    }

    fn toggle_faq(&mut self, context: &TopicContext<'_>) {
        if let Some(open) = self.faq_open.get_mut(self.faq_selected) {
            *open = !*open;
        }
        self.reveal_faq(context);
    }

    /// Scrolls so the chosen question, and its answer when open, are on screen.
    fn reveal_faq(&mut self, context: &TopicContext<'_>) {
        let lines = (context.lines)(self);
        let height = context.text_height();
        let selected = Some(self.faq_selected);
        if let Some(first) = lines.iter().position(|l| l.faq() == selected) {
            let last = lines.iter().rposition(|l| l.faq() == selected).unwrap_or(first);
            if first < self.scroll {
                self.scroll = first;
            } else if last >= self.scroll + height {
                self.scroll = (last + 1).saturating_sub(height).min(first);
            }
        }
        self.clamp_scroll(context);
    }

    /// A tap on the scrollbar: its ▲ and ▼ scroll as a notch of the wheel does; the track
    /// between them goes to that part of the page.
    fn scrollbar_click(&mut self, bar: ratatui_core::layout::Rect, row: u16, context: &TopicContext<'_>) {
        if row == bar.y {
            self.scroll_by(-1, context);
        } else if row + 1 == bar.bottom() {
            self.scroll_by(1, context);
        } else {
            let last_top = (context.lines)(self).len().saturating_sub(context.text_height());
            let track = usize::from(bar.height.saturating_sub(3)).max(1);
            let at = usize::from(row - bar.y - 1).min(track);
            self.scroll = last_top * at / track;
            self.clamp_scroll(context);
        }
    }

    fn scroll_by(&mut self, notches: isize, context: &TopicContext<'_>) {
        self.scroll = self.scroll.saturating_add_signed(notches * WHEEL_LINES as isize);
        self.clamp_scroll(context);
    }
}

/// Where ↑ ↓ Home End move the chosen item of a list on a page (questions to ask the doctor,
/// teach-back answers, related topics), its last item `last`: `None` for other keys.
pub(super) fn list_step(selected: usize, key: Key, last: usize) -> Option<usize> {
    match key {
        Key::Up => Some(selected.saturating_sub(1)),
        Key::Down => Some((selected + 1).min(last)),
        Key::Home => Some(0),
        Key::End => Some(last),
        _ => None,
    }
}
