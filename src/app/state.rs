//! All of the kiosk's state, and what each screen shows, derived from it.

use ratatui::layout::Rect;

use crate::content::{Library, Topic};
use crate::i18n::Catalog;

use super::document::{Line, PageView, layout_page};
use super::layout::{HomeLayout, TopicLayout};
use super::pages::{Page, pages};

/// How a session starts; a reset returns to this.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The language a session starts in.
    pub language: String,
    /// Whether staff-only sections are shown.
    pub staff: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { language: crate::i18n::BASE_LANGUAGE.to_owned(), staff: false }
    }
}

/// Which screen is showing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// The list of topics.
    Home,
    /// One topic's pages.
    Topic(TopicState),
}

/// Where the reader is on the home screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HomeState {
    /// The chosen topic's place in the list.
    pub selected: usize,
    /// The first topic shown, when the list is longer than the screen.
    pub first_visible: usize,
}

/// Where the reader is in a topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicState {
    /// The topic's id; the language comes from the session.
    pub id: String,
    /// The current page's place in the topic's pages.
    pub page: usize,
    /// The first line of the page shown.
    pub scroll: usize,
    /// The chosen FAQ question.
    pub faq_selected: usize,
    /// Which FAQ answers are open, by entry.
    pub faq_open: Vec<bool>,
}

impl TopicState {
    /// The start of a topic with `faq_entries` questions.
    pub fn new(id: &str, faq_entries: usize) -> TopicState {
        TopicState {
            id: id.to_owned(),
            page: 0,
            scroll: 0,
            faq_selected: 0,
            faq_open: vec![false; faq_entries],
        }
    }
}

/// The whole state of the kiosk. Only `update` changes it; drawing only reads it.
#[derive(Debug, Clone)]
pub struct App {
    pub(super) library: Library,
    pub(super) catalog: Catalog,
    pub(super) staff: bool,
    pub(super) language: String,
    pub(super) screen: Screen,
    pub(super) home: HomeState,
    pub(super) help_open: bool,
    pub(super) area: Rect,
}

impl App {
    /// A kiosk showing `library`, on a screen of `width` × `height` cells.
    pub fn new(library: Library, catalog: Catalog, settings: Settings, width: u16, height: u16) -> App {
        App {
            library,
            catalog,
            staff: settings.staff,
            language: settings.language,
            screen: Screen::Home,
            home: HomeState::default(),
            help_open: false,
            area: Rect::new(0, 0, width, height),
        }
    }

    /// The topics on offer.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The interface text.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The screen showing.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The home screen's state.
    pub fn home(&self) -> &HomeState {
        &self.home
    }

    /// Whether the help overlay is open.
    pub fn help_open(&self) -> bool {
        self.help_open
    }

    /// Whether staff-only sections are shown.
    pub fn staff(&self) -> bool {
        self.staff
    }

    /// The screen's size, as an area from (0, 0).
    pub fn area(&self) -> Rect {
        self.area
    }

    /// The topics listed on the home screen, in order.
    pub fn home_topics(&self) -> Vec<&Topic> {
        self.library.for_reader(&self.language)
    }

    /// The home screen's layout at the current size.
    pub fn home_layout(&self) -> HomeLayout {
        HomeLayout::new(self.area)
    }

    /// The open topic, as this reader sees it.
    pub fn topic(&self) -> Option<(&Topic, &TopicState)> {
        match &self.screen {
            Screen::Topic(state) => {
                self.library.find_for_reader(&state.id, &self.language).map(|topic| (topic, state))
            }
            Screen::Home => None,
        }
    }

    /// The open topic's pages.
    pub fn pages(&self) -> Vec<Page> {
        self.topic().map(|(topic, _)| pages(topic, self.staff)).unwrap_or_default()
    }

    /// The topic screen's layout for `topic` at the current size.
    pub fn topic_layout(&self, topic: &Topic) -> TopicLayout {
        TopicLayout::new(self.area, topic.is_draft())
    }

    /// The current page's lines, wrapped to the text area.
    pub fn page_lines(&self) -> Vec<Line> {
        let Some((topic, state)) = self.topic() else { return Vec::new() };
        let pages = pages(topic, self.staff);
        let Some(&page) = pages.get(state.page) else { return Vec::new() };
        let width = self.topic_layout(topic).text.width;
        layout_page(topic, PageView { page, faq_open: &state.faq_open }, &self.catalog, width)
    }
}
