//! A topic's questions to ask the doctor: a checklist the reader ticks on screen (Space,
//! Enter or a tap), kept for the session and printed with the ticked ones first.

use kiosk_content::{Page, SectionKind, Spot};

use super::bounds::{clamp_scroll, list_step};
use super::event::Key;
use super::session::Screen;
use super::state::App;

/// The questions section on screen now, and how many questions it holds.
pub(super) fn questions_on_screen(app: &App) -> Option<(usize, usize)> {
    let (topic, state) = app.topic()?;
    let page = *app.pages().get(state.page)?;
    let Page::Section(index) = page else { return None };
    let section = topic.sections.get(index)?;
    (section.kind == SectionKind::Questions).then_some((index, section.items.len()))
}

/// A key on a questions page: ↑ ↓ Home End choose a question, Space and Enter tick it.
/// Returns whether the key was one of these.
pub(super) fn question_key(app: &mut App, key: Key) -> bool {
    let Some((section, count)) = questions_on_screen(app) else { return false };
    let Screen::Topic(state) = &mut app.session.screen else { return false };
    let last = count.saturating_sub(1);
    if let Some(moved) = list_step(state.question_selected, key, last) {
        state.question_selected = moved;
    } else if matches!(key, Key::Char(' ') | Key::Enter) {
        let item = state.question_selected.min(last);
        toggle(app, section, item);
    } else {
        return false;
    }
    reveal(app, section);
    true
}

/// A tap on a question's line ticks it (or takes the tick off).
pub(super) fn question_tapped(app: &mut App, line: usize) -> bool {
    let Some((section, _)) = questions_on_screen(app) else { return false };
    let Some(Spot::Item(at, item)) = app.page_lines().get(line).and_then(|line| line.spot) else {
        return false;
    };
    if at != section {
        return false;
    }
    if let Screen::Topic(state) = &mut app.session.screen {
        state.question_selected = item;
    }
    toggle(app, section, item);
    true
}

/// Ticks `item` of `section` of the open topic, or takes the tick off.
fn toggle(app: &mut App, section: usize, item: usize) {
    let Some((topic, _)) = app.topic() else { return };
    let ticked = app.session.ticked.entry(topic.id.clone()).or_default();
    if !ticked.remove(&(section, item)) {
        ticked.insert((section, item));
    }
}

/// Scrolls so the chosen question is on screen.
fn reveal(app: &mut App, section: usize) {
    let lines = app.page_lines();
    let height = app.topic().map_or(0, |_| usize::from(app.topic_layout().text.height));
    let Screen::Topic(state) = &mut app.session.screen else { return };
    let chosen = Some(Spot::Item(section, state.question_selected));
    let Some(first) = lines.iter().position(|line| line.spot == chosen) else { return };
    let last = lines.iter().rposition(|line| line.spot == chosen).unwrap_or(first);
    if first < state.scroll {
        state.scroll = first.saturating_sub(1);
    } else if last >= state.scroll + height {
        state.scroll = (last + 1).saturating_sub(height).min(first);
    }
    clamp_scroll(app);
}
