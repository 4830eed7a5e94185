//! Usage counts for a clinic, opt-in: how often topics are opened (and which, for the shell to
//! keep only above its privacy floor), pages read, languages chosen, the take-home code shown,
//! handouts printed, and searches that found nothing. Never a word a reader typed.

use super::session::Screen;
use super::state::App;
use kiosk_content::Lang;
use kiosk_content::TopicId;

/// One thing counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Counted {
    /// A topic was opened: its id.
    TopicOpened(TopicId),
    /// A page of a topic was shown.
    PageViewed,
    /// A reader chose this language.
    Language(Lang),
    /// The take-home panel with the QR code was shown.
    TakeHomeShown,
    /// A handout was printed.
    HandoutPrinted,
    /// A search was left without a result.
    SearchWithoutResult,
}

impl Counted {
    /// Its name in the usage counts.
    pub fn name(&self) -> String {
        match self {
            Counted::TopicOpened(_) => "topic_opened".to_owned(),
            Counted::PageViewed => "page_viewed".to_owned(),
            Counted::Language(language) => format!("language:{language}"),
            Counted::TakeHomeShown => "take_home_shown".to_owned(),
            Counted::HandoutPrinted => "handout_printed".to_owned(),
            Counted::SearchWithoutResult => "search_without_result".to_owned(),
        }
    }

    /// The topic it names, if any: kept per topic only where enough readers read it.
    pub fn topic(&self) -> Option<&str> {
        match self {
            Counted::TopicOpened(id) => Some(id),
            _ => None,
        }
    }
}

/// What the counts are taken from, before and after an event.
pub(super) struct Seen {
    place: Option<(TopicId, usize)>,
    language: Lang,
    take_home: bool,
    fruitless_search: bool,
}

impl Seen {
    pub(super) fn of(app: &App) -> Seen {
        let place = match &app.session.screen {
            Screen::Topic(state) => Some((state.id.clone(), state.page)),
            Screen::Attract | Screen::Home => None,
        };
        let fruitless_search = app
            .session
            .search()
            .is_some_and(|search| !search.query.trim().is_empty() && search.hits.is_empty());
        Seen {
            place,
            language: app.session.language.clone(),
            take_home: app.session.take_home(),
            fruitless_search,
        }
    }

    /// What changed between `self` (before) and `after` that is counted.
    pub(super) fn counted_since(&self, after: &Seen, app: &App) -> Vec<Counted> {
        let mut counted = Vec::new();
        if let Some((topic, page)) = &after.place {
            if self.place.as_ref().is_none_or(|(before, _)| before != topic) {
                counted.push(Counted::TopicOpened(topic.clone()));
            }
            if self.place.as_ref() != Some(&(topic.clone(), *page)) {
                counted.push(Counted::PageViewed);
            }
        }
        // A reset back to the kiosk's language is nobody's choice.
        if after.language != self.language && !app.at_rest() {
            counted.push(Counted::Language(after.language.clone()));
        }
        if after.take_home && !self.take_home {
            counted.push(Counted::TakeHomeShown);
        }
        if self.fruitless_search && app.session.search().is_none() {
            counted.push(Counted::SearchWithoutResult);
        }
        counted
    }
}
