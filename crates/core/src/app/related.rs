//! Related topics: the last page before the sources lists the topics to read next; ↑ ↓ and
//! Enter (or a tap) open one.

use kiosk_content::{Page, Spot, Topic};

use super::bounds::list_step;
use super::event::Key;
use super::places::TopicState;
use super::session::Screen;
use super::state::App;

impl App {
    /// The related topics of `topic` this reader can open: in their language where there is a
    /// version, and only those the kiosk shows them.
    pub fn related_topics(&self, topic: &Topic) -> Vec<&Topic> {
        topic
            .related
            .iter()
            .filter_map(|id| self.library().find_for_reader(id, &self.session.language))
            .filter(|related| self.visible(related))
            .collect()
    }

    /// The chosen related topic, on the related page.
    pub fn related_target(&self) -> Option<Spot> {
        let (topic, state) = self.topic()?;
        (self.pages_of(topic).get(state.page) == Some(&Page::Related))
            .then_some(Spot::Related(state.related_selected))
    }
}

/// A key on the related page. Returns whether it was one of its keys.
pub(super) fn related_key(app: &mut App, key: Key) -> bool {
    let Some((topic, _)) = app.topic() else { return false };
    if app.related_target().is_none() {
        return false;
    }
    let last = app.related_topics(topic).len().saturating_sub(1);
    let Screen::Topic(state) = &mut app.session.screen else { return false };
    if let Some(moved) = list_step(state.related_selected, key, last) {
        state.related_selected = moved;
    } else if matches!(key, Key::Char(' ') | Key::Enter) {
        let chosen = state.related_selected;
        open_related(app, chosen);
    } else {
        return false;
    }
    true
}

/// A tap on a related topic opens it.
pub(super) fn related_tapped(app: &mut App, line: usize) -> bool {
    let Some(Spot::Related(n)) = app.page_lines().get(line).and_then(|line| line.spot) else { return false };
    open_related(app, n);
    true
}

/// Opens the `n`th related topic at its first page.
fn open_related(app: &mut App, n: usize) {
    let Some((topic, _)) = app.topic() else { return };
    let Some(related) = app.related_topics(topic).get(n).map(|t| (t.id.clone(), t.faq.len())) else { return };
    if let Some(index) = app.home_topics().iter().position(|t| t.id == related.0) {
        app.session.home.selected = index;
    }
    app.session.screen = Screen::Topic(TopicState::new(&related.0, related.1));
}
