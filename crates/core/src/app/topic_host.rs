//! The topic screen in the kiosk: what it gets from the App (the topic as this reader sees it,
//! its pages, its lines laid out once, the related topics) and what its outcomes do — going
//! back, opening a related topic, ticking a question for the session.

use kiosk_content::{Page, Spot, Topic};

use super::bounds::keep_home_selection_visible;
use super::event::{Key, Mouse};
use super::overlay::Overlay;
use super::places::TopicState;
use super::session::Screen;
use super::state::App;
use super::topic::{TopicContext, TopicOutcome};

/// A key on a topic's page.
pub(super) fn topic_key(app: &mut App, key: Key) {
    with_topic(app, |state, context| state.on_key(key, context));
}

/// A click or the wheel on a topic's page.
pub(super) fn topic_mouse(app: &mut App, mouse: Mouse) {
    with_topic(app, |state, context| state.on_mouse(mouse, context));
}

/// Lends the open topic's place its context and carries out what it says.
fn with_topic(app: &mut App, act: impl FnOnce(&mut TopicState, &TopicContext<'_>) -> TopicOutcome) {
    let Screen::Topic(state) = &app.session.screen else { return };
    let mut state = state.clone();
    let Some(topic) =
        app.library.find_for_reader(&state.id, &app.session.language).filter(|t| app.visible(t))
    else {
        return;
    };
    let pages = app.pages_of(topic);
    let related = app.related_topics(topic).len();
    let lines = |place: &TopicState| app.page_lines_of(topic, place);
    let context = TopicContext { topic, pages: &pages, lines: &lines, related, layout: app.topic_layout() };
    let outcome = act(&mut state, &context);
    app.session.screen = Screen::Topic(state);
    match outcome {
        TopicOutcome::Stay => {}
        TopicOutcome::Back => go_back(app),
        TopicOutcome::OpenRelated(n) => open_related(app, n),
        TopicOutcome::Tick(section, item) => tick(app, section, item),
    }
}

/// Back to the list of topics; or, for a topic opened from search results, back to those
/// results as they were (Esc there goes on to the list).
fn go_back(app: &mut App) {
    let Screen::Topic(state) = &app.session.screen else { return };
    if let Some(search) = app.session.opened_from_search.take() {
        app.session.screen = Screen::Home;
        app.session.overlays.open(Overlay::Search(search));
        super::search_host::refresh_search(app);
        return;
    }
    let id = state.id.clone();
    if let Some(index) = app.home_topics().iter().position(|t| t.id == id) {
        app.session.home.selected = index;
    }
    app.session.screen = Screen::Home;
    keep_home_selection_visible(app);
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

/// Ticks `item` of `section` of the open topic for this session, or takes the tick off.
fn tick(app: &mut App, section: usize, item: usize) {
    let Some((topic, _)) = app.topic() else { return };
    let ticked = app.session.ticked.entry(topic.id.clone()).or_default();
    if !ticked.remove(&(section, item)) {
        ticked.insert((section, item));
    }
}

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

impl App {
    /// The chosen answer or link on the checks page, when it shows.
    pub fn teach_back_target(&self) -> Option<Spot> {
        let (topic, state) = self.topic()?;
        state.teach_back_target(topic, &self.pages_of(topic))
    }
}
