//! A topic's questions to ask the doctor: a checklist the reader ticks on screen (Space,
//! Enter or a tap), kept for the session and printed with the ticked ones first. Part of the
//! topic screen: it says which question to tick, the session keeps the ticks.

use kiosk_content::{Page, SectionKind, Spot};

use super::event::Key;
use super::places::TopicState;
use super::topic::{TopicContext, TopicOutcome, list_step};

impl TopicState {
    /// The questions section on screen now, and how many questions it holds.
    fn questions_on_screen(&self, context: &TopicContext<'_>) -> Option<(usize, usize)> {
        let Page::Section(index) = *context.pages.get(self.page)? else { return None };
        let section = context.topic.sections.get(index)?;
        (section.kind == SectionKind::Questions).then_some((index, section.items.len()))
    }

    /// A key on a questions page: ↑ ↓ Home End choose a question, Space and Enter tick it.
    /// `None` when the key is not one of these.
    pub(super) fn question_key(&mut self, key: Key, context: &TopicContext<'_>) -> Option<TopicOutcome> {
        let (section, count) = self.questions_on_screen(context)?;
        let last = count.saturating_sub(1);
        let outcome = if let Some(moved) = list_step(self.question_selected, key, last) {
            self.question_selected = moved;
            TopicOutcome::Stay
        } else if matches!(key, Key::Char(' ') | Key::Enter) {
            TopicOutcome::Tick(section, self.question_selected.min(last))
        } else {
            return None;
        };
        self.reveal_question(section, context);
        Some(outcome)
    }

    /// A tap on a question's line ticks it (or takes the tick off).
    pub(super) fn question_tapped(
        &mut self,
        line: usize,
        context: &TopicContext<'_>,
    ) -> Option<TopicOutcome> {
        let (section, _) = self.questions_on_screen(context)?;
        let Some(Spot::Item(at, item)) = (context.lines)(self).get(line).and_then(|line| line.spot) else {
            return None;
        };
        if at != section {
            return None;
        }
        self.question_selected = item;
        Some(TopicOutcome::Tick(section, item))
    }

    /// Scrolls so the chosen question is on screen.
    fn reveal_question(&mut self, section: usize, context: &TopicContext<'_>) {
        let lines = (context.lines)(self);
        let height = context.text_height();
        let chosen = Some(Spot::Item(section, self.question_selected));
        if let Some(first) = lines.iter().position(|line| line.spot == chosen) {
            let last = lines.iter().rposition(|line| line.spot == chosen).unwrap_or(first);
            if first < self.scroll {
                self.scroll = first.saturating_sub(1);
            } else if last >= self.scroll + height {
                self.scroll = (last + 1).saturating_sub(height).min(first);
            }
        }
        self.clamp_scroll(context);
    }
}
