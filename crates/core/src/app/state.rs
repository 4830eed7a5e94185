//! All of the kiosk's state, and what each screen shows, derived from it.

use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui_core::layout::Rect;

use kiosk_content::i18n::{Catalog, Catalogs, Msg};
use kiosk_content::{Library, Topic};

use super::audience::Audience;
use super::document::{PageLine, PageView, layout_page};
use super::layout::{HomeLayout, TopicLayout, drawn_area};
use super::page_cache::{PageCache, PageKey};
use super::pages::pages;
use super::pin_guard::{PinGuard, PinRecord};
use super::places::HomeState;
use super::places::TopicState;
use super::session::{Screen, Session};
use super::settings::Settings;
use crate::search::SearchIndex;
use kiosk_content::Page;

/// The whole state of the kiosk. Only `update` changes it; drawing only reads it.
#[derive(Debug, Clone)]
pub struct App {
    pub(super) library: Library,
    pub(super) catalogs: Catalogs,
    pub(super) settings: Settings,
    pub(super) session: Session,
    pub(super) area: Rect,
    /// The time of the latest event.
    /// Whether the event being applied has more following it at once.
    pub(super) more_to_come: bool,
    pub(super) now: Instant,
    /// The time of the latest key, click or paste.
    pub(super) last_input: Instant,
    /// When "Are you still there?" appeared, while it shows.
    pub(super) warning_since: Option<Instant>,
    /// Wrong PINs and lockouts; survives resets, so waiting for one does not undo a lockout.
    pub(super) pin_guard: PinGuard,
    /// Whether a PIN is being checked: one at a time, whoever typed it, so no PIN can be tried
    /// before the answer to the last has counted; survives resets like the guard.
    pub(super) pin_checking: bool,
    /// How many times the session was wiped for the next reader: the shell clears the whole
    /// screen when this changes, so no cell of the last reader's pages can survive.
    pub(super) resets: u64,
    /// Whether a handout is printing now: one job at a time, whoever asked.
    pub(super) printing: bool,
    /// The search index for the session's language and staff mode, built when first needed.
    pub(super) search_index: Option<IndexCache>,
    /// The audience whose index was last asked of the shell, so it is asked for once.
    pub(super) index_requested: Option<Audience>,
    /// The home list, worked out once for the library, language and mode on screen.
    pub(super) home_list: HomeList,
    /// The open page's lines, laid out once.
    pub(super) page_cache: PageCache,
    /// Today's date where the kiosk is, from the shell; review dates are judged by it.
    pub(super) today: Option<jiff::civil::Date>,
    /// Problems found the last time the content folder was read, for staff.
    pub(super) content_notices: Vec<String>,
    /// The revision of the content shown, for staff: which files a kiosk of a fleet shows.
    pub(super) content_revision: String,
    /// How much of the library has arrived: an empty list while nothing has means "wait", not
    /// "nothing here", and a topic's pages wait for the whole library.
    pub(super) arrived: Arrived,
    /// Whether a tap or click has come: the terminal has a pointer, so the words say "touch"
    /// from then on. The device's, not the reader's: a reset keeps it.
    pub(super) pointer_seen: bool,
}

/// How much of the library the shell has sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Arrived {
    /// Nothing yet: the folder is being read.
    Nothing,
    /// Each topic's names, codes and review, not its pages
    /// ([`Input::NamesRead`](super::Input::NamesRead)).
    Names,
    /// The whole library.
    Everything,
}

/// The home list as last worked out, and for whom.
#[derive(Debug, Clone, Default)]
pub(super) struct HomeList {
    audience: Audience,
    positions: Vec<u32>,
}

/// A search index and the audience it was built for.
#[derive(Debug, Clone)]
pub(super) struct IndexCache {
    pub(super) audience: Audience,
    pub(super) index: SearchIndex,
}

impl App {
    /// A kiosk showing `library`, on a screen of `width` × `height` cells, starting at `now`.
    pub fn new(
        library: Library,
        catalogs: impl Into<Catalogs>,
        settings: Settings,
        (width, height): (u16, u16),
        now: Instant,
    ) -> App {
        let mut app = App {
            library,
            catalogs: catalogs.into(),
            session: Session::start(&settings),
            settings,
            area: drawn_area(width, height),
            now,
            more_to_come: false,
            last_input: now,
            warning_since: None,
            pin_guard: PinGuard::default(),
            pin_checking: false,
            resets: 0,
            printing: false,
            search_index: None,
            index_requested: None,
            home_list: HomeList::default(),
            page_cache: PageCache::default(),
            today: None,
            content_notices: Vec::new(),
            content_revision: String::new(),
            arrived: Arrived::Everything,
            pointer_seen: false,
        };
        app.refresh_home_list();
        app
    }

    /// The same kiosk, told that its library is still being read and will arrive as
    /// [`Input::Reloaded`](super::Input::Reloaded), perhaps after the topics' names
    /// ([`Input::NamesRead`](super::Input::NamesRead)): until then the list says "Loading".
    pub fn loading_library(mut self) -> App {
        self.arrived = Arrived::Nothing;
        self
    }

    /// The same kiosk, told that its library holds the topics' names alone and the rest will
    /// arrive as [`Input::Reloaded`](super::Input::Reloaded): the list shows, and an open topic
    /// says its pages are on their way.
    pub fn pages_to_come(mut self) -> App {
        self.arrived = Arrived::Names;
        self
    }

    /// The same kiosk, with the PIN guard as it was when the kiosk last ran.
    pub fn with_pin_record(mut self, record: PinRecord) -> App {
        self.pin_guard = PinGuard::from_record(record, self.now);
        self
    }

    /// The same kiosk, told the revision of the content it shows.
    pub fn with_content_revision(mut self, revision: String) -> App {
        self.content_revision = revision;
        self
    }

    /// Adds a problem with the set-up that staff should know about, before the first event.
    pub fn add_notice(&mut self, notice: String) {
        self.settings.notices.push(notice);
    }

    /// The revision of the content shown (empty until known).
    pub fn content_revision(&self) -> &str {
        &self.content_revision
    }

    /// Whether the library is still being read for the first time.
    pub fn loading(&self) -> bool {
        self.arrived == Arrived::Nothing
    }

    /// Whether the topics' names have arrived but not yet their pages: the list shows, and an
    /// open topic says its pages are on their way.
    pub fn pages_arriving(&self) -> bool {
        self.arrived == Arrived::Names
    }

    /// The topics on offer.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The interface text, in the reader's language.
    pub fn catalog(&self) -> &Catalog {
        self.catalogs.get(&self.session.language)
    }

    /// The interface text in `language`.
    pub fn catalog_for(&self, language: &str) -> &Catalog {
        self.catalogs.get(language)
    }

    /// The reader's language.
    pub fn language(&self) -> &str {
        &self.session.language
    }

    /// The kiosk's set-up.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The current reader's session.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The screen showing.
    pub fn screen(&self) -> &Screen {
        &self.session.screen
    }

    /// Where the language buttons are on this screen: in staff mode, room is kept right of them
    /// for the staff badge in the reader's language (a space, then the word with a space each
    /// side); for patients the title has that room.
    pub fn language_buttons(&self) -> Vec<Rect> {
        let badge = self.catalog().text(kiosk_content::i18n::Msg::StaffBadge);
        let badge = u16::try_from(unicode_width::UnicodeWidthStr::width(badge)).unwrap_or(u16::MAX);
        let room = if self.staff() { badge.saturating_add(3) } else { 0 };
        super::layout::language_buttons(self.area, self.settings.languages.len(), room)
    }

    /// Whether readers use a touchscreen or a mouse here: the kiosk was started for one, or
    /// a tap has come.
    pub fn touch(&self) -> bool {
        self.settings.touch || self.pointer_seen
    }

    /// The home screen's state.
    pub fn home(&self) -> &HomeState {
        &self.session.home
    }

    /// Whether the help overlay is open.
    pub fn help_open(&self) -> bool {
        self.session.overlays.help()
    }

    /// Whether staff-only sections are shown.
    pub fn staff(&self) -> bool {
        self.session.staff
    }

    /// The screen's size, as an area from (0, 0).
    pub fn area(&self) -> Rect {
        self.area
    }

    /// The time of the latest event.
    pub fn now(&self) -> Instant {
        self.now
    }

    /// How many times the session has been wiped for the next reader.
    pub fn resets(&self) -> u64 {
        self.resets
    }

    /// The seconds left before the session is wiped, while "Are you still there?" shows.
    pub fn reset_countdown(&self) -> Option<u64> {
        let since = self.warning_since?;
        let left = (since + self.settings.warning).saturating_duration_since(self.now);
        // Round up, so the count reaches 1 and not 0 before the reset.
        Some(left.as_millis().div_ceil(1000) as u64)
    }

    /// Whether the session is as it started, so there is nothing to wipe.
    pub fn at_rest(&self) -> bool {
        self.session == Session::start(&self.settings)
    }

    /// Whether the PIN screen is closed after too many wrong PINs.
    pub fn pin_locked_out(&self) -> bool {
        self.pin_guard.locked_out(self.now)
    }

    /// The whole minutes until the PIN screen opens again, rounded up.
    pub fn pin_minutes_left(&self) -> u64 {
        self.pin_guard.minutes_left(self.now)
    }

    /// Whether a handout is printing now.
    pub fn printing(&self) -> bool {
        self.printing
    }

    /// The next moment `update` must see, even if nobody touches the kiosk: the idle warning,
    /// each second of its countdown, and the reset. `None` when nothing is due.
    pub fn next_deadline(&self) -> Option<Instant> {
        let idle = match self.warning_since {
            Some(since) => {
                let reset = since + self.settings.warning;
                let elapsed = self.now.saturating_duration_since(since);
                let next_second = since + Duration::from_secs(elapsed.as_secs() + 1);
                Some(reset.min(next_second))
            }
            None if self.at_rest() => None,
            None => Some(self.last_input + self.settings.idle),
        };
        let staff_mode_ends =
            (self.session.staff && !self.settings.staff).then(|| self.last_input + self.settings.staff_idle);
        idle.into_iter().chain(staff_mode_ends).min()
    }

    /// What staff should know: problems with the configuration, then with the content.
    pub fn notices(&self) -> Vec<&str> {
        self.settings.notices.iter().chain(&self.content_notices).map(String::as_str).collect()
    }

    /// Today's date, once the shell has said it.
    pub fn today(&self) -> Option<jiff::civil::Date> {
        self.today
    }

    /// Whether the reader may see `topic`: staff see every topic; where the kiosk shows
    /// patients only reviewed topics, drafts and overdue ones are hidden from them.
    pub fn visible(&self, topic: &Topic) -> bool {
        self.audience().sees(topic)
    }

    /// Who is reading now: the key of every cache worked out for a reader.
    pub fn audience(&self) -> Audience {
        Audience::new(
            &self.library,
            &self.session.language,
            self.session.staff,
            self.settings.reviewed_only,
            self.today,
        )
    }

    /// Whether `topic`'s review is overdue today.
    pub fn review_overdue(&self, topic: &Topic) -> bool {
        self.today.is_some_and(|today| topic.review_overdue(today))
    }

    /// The topics listed on the home screen, in order.
    pub fn home_topics(&self) -> Vec<&Topic> {
        let topics = self.library.topics();
        if self.home_list.audience == self.audience() {
            return self.home_list.positions.iter().map(|&position| &topics[position as usize]).collect();
        }
        self.home_positions().into_iter().map(|position| &topics[position as usize]).collect()
    }

    /// Where the home list's topics stand in the library: one pass over it.
    fn home_positions(&self) -> Vec<u32> {
        let topics = self.library.topics();
        let audience = self.audience();
        let positions = self.library.positions_for_reader(&self.session.language).into_iter();
        positions
            .filter(|&position| audience.sees(&topics[position]))
            .map(|position| position as u32)
            .collect()
    }

    /// Works the home list out again if what it depends on changed, so a key on a list of
    /// 10,000 topics costs what the screen shows, not a pass over the library.
    pub(super) fn refresh_home_list(&mut self) {
        let audience = self.audience();
        if self.home_list.audience != audience {
            self.home_list = HomeList { positions: self.home_positions(), audience };
        }
    }

    /// The home screen's layout at the current size.
    pub fn home_layout(&self) -> HomeLayout {
        HomeLayout::new(self.area)
    }

    /// The open topic, as this reader sees it.
    pub fn topic(&self) -> Option<(&Topic, &TopicState)> {
        match &self.session.screen {
            Screen::Topic(state) => self
                .library
                .find_for_reader(&state.id, &self.session.language)
                .filter(|topic| self.visible(topic))
                .map(|topic| (topic, state)),
            Screen::Attract | Screen::Home => None,
        }
    }

    /// The open topic's pages.
    pub fn pages(&self) -> Vec<Page> {
        self.topic().map(|(topic, _)| self.pages_of(topic)).unwrap_or_default()
    }

    /// The pages of `topic` for this reader.
    pub fn pages_of(&self, topic: &Topic) -> Vec<Page> {
        if self.pages_arriving() {
            return Vec::new();
        }
        pages(topic, self.session.staff, !self.related_topics(topic).is_empty())
    }

    /// The topic screen's layout for `topic` at the current size.
    pub fn topic_layout(&self) -> TopicLayout {
        TopicLayout::new(self.area)
    }

    /// The current page's lines, wrapped to the text area: laid out once per topic, page,
    /// open answers, mode and width, however often they are asked for.
    pub fn page_lines(&self) -> Arc<Vec<PageLine>> {
        let Some((topic, state)) = self.topic() else { return Arc::default() };
        self.page_lines_of(topic, state)
    }

    /// The lines of `topic`'s page at `state`, laid out (and kept) as [`App::page_lines`] does.
    pub(super) fn page_lines_of(&self, topic: &Topic, state: &TopicState) -> Arc<Vec<PageLine>> {
        let width = self.topic_layout().text.width;
        let key = PageKey {
            library: self.library.clone(),
            topic: topic.id.clone(),
            language: self.session.language.clone(),
            page: state.page,
            faq_open: state.faq_open.clone(),
            ticked: self.session.ticked.get(&topic.id).cloned().unwrap_or_default(),
            teach_back_answers: state.teach_back_answers.clone(),
            staff: self.session.staff,
            width,
        };
        self.page_cache.get(key, || self.lay_out_page(topic, state, width))
    }

    fn lay_out_page(&self, topic: &Topic, state: &TopicState, width: u16) -> Vec<PageLine> {
        let pages = self.pages_of(topic);
        let Some(&page) = pages.get(state.page) else { return Vec::new() };
        let catalog = self.catalog();
        let mut notices = Vec::new();
        if !topic.language.same_language(&self.session.language) {
            notices.push(catalog.text(Msg::NotInLanguage));
        }
        if topic.review.translation == Some(kiosk_content::ReviewStatus::Draft) {
            notices.push(catalog.text(Msg::TranslationDraft));
        }
        let no_ticks = std::collections::BTreeSet::new();
        let ticked = self.session.ticked.get(&topic.id).unwrap_or(&no_ticks);
        let view = PageView {
            page,
            faq_open: &state.faq_open,
            staff: self.session.staff,
            notices: &notices,
            ticked,
            teach_back_answers: &state.teach_back_answers,
            related: &self.related_topics(topic),
        };
        layout_page(topic, view, catalog, width)
    }
}

impl App {
    /// Opens topic `id` at `page` before the first event, for a kiosk started from another
    /// system (`--code`, `--topic`). Unknown topics and pages leave the start as it was.
    pub fn start_at(&mut self, id: &str, page: Page) {
        let Some(topic) = self.library.find_for_reader(id, &self.session.language) else { return };
        let Some(index) = self.pages_of(topic).iter().position(|p| *p == page) else { return };
        let mut state = TopicState::new(&topic.id, topic.faq.len());
        state.page = index;
        if let Some(position) = self.home_topics().iter().position(|t| t.id == id) {
            self.session.home.selected = position;
        }
        self.session.screen = Screen::Topic(state);
    }
}
