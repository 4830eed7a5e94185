//! Check what you learned (teach-back): each question's answers are chosen with ↑ ↓ and Enter
//! (or a tap); an answer shows what the page says, never a score, and a way back to that page.
//! Part of the topic screen.

use kiosk_content::{Page, SectionKind, Spot, Topic};

use super::event::Key;
use super::places::TopicState;
use super::topic::{TopicContext, TopicOutcome, list_step};

/// What can be chosen on the checks page, in order: every answer, and after a wrong answer
/// the way back to the page that says it.
pub fn teach_back_targets(topic: &Topic, chosen: &std::collections::BTreeMap<usize, usize>) -> Vec<Spot> {
    let mut targets = Vec::new();
    for (q, check) in topic.teach_back.iter().enumerate() {
        targets.extend((0..check.answers.len()).map(|a| Spot::TeachBackAnswer(q, a)));
        if chosen.get(&q).is_some_and(|&a| a + 1 != check.right) {
            targets.push(Spot::TeachBackLink(q));
        }
    }
    targets
}

impl TopicState {
    /// The chosen answer or link, when the checks page shows.
    pub(super) fn teach_back_target(&self, topic: &Topic, pages: &[Page]) -> Option<Spot> {
        (pages.get(self.page) == Some(&Page::TeachBack))
            .then(|| teach_back_targets(topic, &self.teach_back_answers).get(self.teach_back_cursor).copied())
            .flatten()
    }

    /// A key on the checks page; `None` when it is not one of its keys.
    pub(super) fn teach_back_key(&mut self, key: Key, context: &TopicContext<'_>) -> Option<TopicOutcome> {
        if context.pages.get(self.page) != Some(&Page::TeachBack) {
            return None;
        }
        let count = teach_back_targets(context.topic, &self.teach_back_answers).len();
        if let Some(moved) = list_step(self.teach_back_cursor, key, count.saturating_sub(1)) {
            self.teach_back_cursor = moved;
        } else if matches!(key, Key::Char(' ') | Key::Enter) {
            self.act_on_check(context);
        } else {
            return None;
        }
        self.reveal_check(context);
        Some(TopicOutcome::Stay)
    }

    /// A tap on an answer or a way back chooses it.
    pub(super) fn check_tapped(&mut self, line: usize, context: &TopicContext<'_>) -> Option<TopicOutcome> {
        let spot = (context.lines)(self).get(line).and_then(|line| line.spot)?;
        if !matches!(spot, Spot::TeachBackAnswer(..) | Spot::TeachBackLink(_)) {
            return None;
        }
        let index =
            teach_back_targets(context.topic, &self.teach_back_answers).iter().position(|&t| t == spot)?;
        self.teach_back_cursor = index;
        self.act_on_check(context);
        Some(TopicOutcome::Stay)
    }

    /// Enter on the chosen target: an answer is taken (and can be changed); the way back opens
    /// the page that says it.
    fn act_on_check(&mut self, context: &TopicContext<'_>) {
        let (topic, pages) = (context.topic, context.pages);
        let Some(target) = self.teach_back_target(topic, pages) else { return };
        let page_of_check = |q: usize| -> Option<usize> {
            let name = topic.teach_back.get(q)?.page.as_str();
            match name {
                "faq" => pages.iter().position(|page| *page == Page::Faq),
                name => {
                    let kind = SectionKind::from_name(name)?;
                    pages
                        .iter()
                        .position(|page| matches!(page, Page::Section(s) if topic.sections[*s].kind == kind))
                }
            }
        };
        match target {
            Spot::TeachBackAnswer(q, a) => {
                self.teach_back_answers.insert(q, a);
            }
            Spot::TeachBackLink(q) => {
                if let Some(page) = page_of_check(q) {
                    self.page = page;
                    self.scroll = 0;
                }
            }
            _ => {}
        }
    }

    /// Scrolls so the chosen target and what it shows are on screen.
    fn reveal_check(&mut self, context: &TopicContext<'_>) {
        let Some(target) = self.teach_back_target(context.topic, context.pages) else { return };
        let lines = (context.lines)(self);
        let height = context.text_height();
        let Some(first) = lines.iter().position(|line| line.spot == Some(target)) else { return };
        if first < self.scroll {
            self.scroll = first.saturating_sub(1);
        } else if first + 2 >= self.scroll + height {
            self.scroll = (first + 3).saturating_sub(height);
        }
        self.clamp_scroll(context);
    }
}
