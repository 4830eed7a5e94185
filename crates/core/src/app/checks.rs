//! Check what you learned (teach-back): each question's answers are chosen with ↑ ↓ and Enter
//! (or a tap); an answer shows what the page says, never a score, and a way back to that page.

use kiosk_content::{Page, SectionKind, Spot, Topic};

use super::bounds::{clamp_scroll, list_step};
use super::event::Key;
use super::session::Screen;
use super::state::App;

/// What can be chosen on the checks page, in order: every answer, and after a wrong answer
/// the way back to the page that says it.
pub fn check_targets(topic: &Topic, chosen: &std::collections::BTreeMap<usize, usize>) -> Vec<Spot> {
    let mut targets = Vec::new();
    for (q, check) in topic.checks.iter().enumerate() {
        targets.extend((0..check.answers.len()).map(|a| Spot::CheckAnswer(q, a)));
        if chosen.get(&q).is_some_and(|&a| a + 1 != check.right) {
            targets.push(Spot::CheckLink(q));
        }
    }
    targets
}

impl App {
    /// The chosen answer or link on the checks page, when it shows.
    pub fn check_target(&self) -> Option<Spot> {
        let (topic, state) = self.topic()?;
        (self.pages_of(topic).get(state.page) == Some(&Page::Checks))
            .then(|| check_targets(topic, &state.check_answers).get(state.check_cursor).copied())
            .flatten()
    }
}

/// A key on the checks page. Returns whether it was one of its keys.
pub(super) fn check_key(app: &mut App, key: Key) -> bool {
    let Some((topic, state)) = app.topic() else { return false };
    if app.pages_of(topic).get(state.page) != Some(&Page::Checks) {
        return false;
    }
    let count = check_targets(topic, &state.check_answers).len();
    let Screen::Topic(state) = &mut app.session.screen else { return false };
    if let Some(moved) = list_step(state.check_cursor, key, count.saturating_sub(1)) {
        state.check_cursor = moved;
    } else if matches!(key, Key::Char(' ') | Key::Enter) {
        act(app);
    } else {
        return false;
    }
    reveal(app);
    true
}

/// A tap on an answer or a way back chooses it.
pub(super) fn check_tapped(app: &mut App, line: usize) -> bool {
    let Some(spot) = app.page_lines().get(line).and_then(|line| line.spot) else { return false };
    if !matches!(spot, Spot::CheckAnswer(..) | Spot::CheckLink(_)) {
        return false;
    }
    let Some((topic, state)) = app.topic() else { return false };
    let Some(index) = check_targets(topic, &state.check_answers).iter().position(|&t| t == spot) else {
        return false;
    };
    if let Screen::Topic(state) = &mut app.session.screen {
        state.check_cursor = index;
    }
    act(app);
    true
}

/// Enter on the chosen target: an answer is taken (and can be changed); the way back opens
/// the page that says it.
fn act(app: &mut App) {
    let Some(target) = app.check_target() else { return };
    let Some((topic, _)) = app.topic() else { return };
    let page_of_check = |q: usize| -> Option<usize> {
        let name = topic.checks.get(q)?.page.as_str();
        let shown = app.pages_of(topic);
        match name {
            "faq" => shown.iter().position(|page| *page == Page::Faq),
            name => {
                let kind = SectionKind::from_name(name)?;
                shown
                    .iter()
                    .position(|page| matches!(page, Page::Section(s) if topic.sections[*s].kind == kind))
            }
        }
    };
    let go_to = match target {
        Spot::CheckLink(q) => page_of_check(q),
        _ => None,
    };
    let Screen::Topic(state) = &mut app.session.screen else { return };
    match (target, go_to) {
        (Spot::CheckAnswer(q, a), _) => {
            state.check_answers.insert(q, a);
        }
        (Spot::CheckLink(_), Some(page)) => {
            state.page = page;
            state.scroll = 0;
        }
        _ => {}
    }
}

/// Scrolls so the chosen target and what it shows are on screen.
fn reveal(app: &mut App) {
    let Some(target) = app.check_target() else { return };
    let lines = app.page_lines();
    let height = usize::from(app.topic_layout().text.height);
    let Screen::Topic(state) = &mut app.session.screen else { return };
    let Some(first) = lines.iter().position(|line| line.spot == Some(target)) else { return };
    if first < state.scroll {
        state.scroll = first.saturating_sub(1);
    } else if first + 2 >= state.scroll + height {
        state.scroll = (first + 3).saturating_sub(height);
    }
    clamp_scroll(app);
}
