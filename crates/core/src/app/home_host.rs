//! The list of topics in the kiosk: what it gets from the App (how many topics this reader is
//! offered, its layout) and what opening a topic does.

use super::event::{Key, Mouse};
use super::home::{HomeContext, HomeOutcome};
use super::places::TopicState;
use super::session::Screen;
use super::state::App;

/// A key on the list of topics.
pub(super) fn home_key(app: &mut App, key: Key) {
    let context = context(app);
    let outcome = app.session.home.on_key(key, context);
    carry_out(app, outcome);
}

/// A click or the wheel on the list of topics.
pub(super) fn home_mouse(app: &mut App, mouse: Mouse) {
    let context = context(app);
    let outcome = app.session.home.on_mouse(mouse, context);
    carry_out(app, outcome);
}

fn context(app: &App) -> HomeContext {
    HomeContext { topics: app.home_topics().len(), layout: app.home_layout() }
}

fn carry_out(app: &mut App, outcome: HomeOutcome) {
    if let HomeOutcome::Open(index) = outcome {
        let Some(topic) = app.home_topics().get(index).copied() else { return };
        let state = TopicState::new(&topic.id, topic.faq.len());
        app.session.home.selected = index;
        app.session.screen = Screen::Topic(state);
    }
}
