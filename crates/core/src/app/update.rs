//! `update`: the one place state changes. Pure: no terminal, no clock, no I/O. Time comes in
//! with each event, so every timer is tested by moving time forward.

use super::bounds::clamp_scroll;
use super::bounds::keep_home_selection_visible;
use super::event::{Effect, Event, Input, Key, Mouse, MouseAction};
use super::hints::{hint_areas, hints};
use super::home_host::{home_key, home_mouse};
use super::idle::run_timers;
use super::journal::Happening;
use super::keymap::{Action, action_of, acts};
use super::layout::{contains, drawn_area, too_small};
use super::overlay::Overlay;
use super::places::HomeState;
use super::search_host::{
    open_search, refresh_search, search_key, search_mouse, search_paste, settle_search,
};
use super::search_prepare::request_index;
use super::session::{Flash, Screen};
use super::staff::{open_staff_panel, pin_checked, staff_panel_key};
use super::state::{App, Arrived};
use super::stats::{Counted, Seen};
use super::topic_actions::{open_take_home, print, printed, read_aloud};
use super::topic_host::{topic_key, topic_mouse};
use kiosk_content::Lang;

/// Applies one event to the app and returns what the shell must do about it: every effect must
/// be carried out, or a reading goes on, a print is lost, an index never comes.
#[must_use]
pub fn update(app: &mut App, event: Event) -> Vec<Effect> {
    if event.input == Input::SpeechEnded {
        app.session.speaking = false;
        if app.session.flash == Some(Flash::Speaking) {
            app.session.flash = None;
        }
        if !event.more_to_come {
            settle_search(app);
        }
        return Vec::new();
    }
    let was_speaking = app.session.speaking;
    let was_staff = app.session.staff;
    let seen = Seen::of(app);
    let printed = event.input == Input::Printed(Ok(()));
    let was_too_small = too_small(app.area);
    let more_to_come = event.more_to_come;
    let mut effects = apply(app, event);
    // The last of the keys that came together: what was typed is searched once.
    if !more_to_come {
        settle_search(app);
    }
    if was_staff != app.session.staff {
        effects.push(Effect::Journal(if app.session.staff {
            Happening::StaffModeOn
        } else {
            Happening::StaffModeOff
        }));
    }
    if !was_too_small && too_small(app.area) {
        let (width, height) = (app.area.width, app.area.height);
        effects.push(Effect::Journal(Happening::TooSmall { width, height }));
    }
    // Whatever ended the reading — a key, a click, the reset — the speech must stop too.
    if was_speaking && !app.session.speaking && !effects.contains(&Effect::StopSpeaking) {
        effects.push(Effect::StopSpeaking);
    }
    effects.extend(seen.counted_since(&Seen::of(app), app).into_iter().map(Effect::Count));
    if printed {
        effects.push(Effect::Count(Counted::HandoutPrinted));
    }
    effects.extend(request_index(app).map(Effect::BuildSearchIndex));
    app.refresh_home_list();
    effects
}

fn apply(app: &mut App, event: Event) -> Vec<Effect> {
    app.now = event.at;
    app.more_to_come = event.more_to_come;
    app.refresh_home_list();
    run_timers(app);
    match event.input {
        Input::Resize { width, height } => {
            app.area = drawn_area(width, height);
            keep_home_selection_visible(app);
            clamp_scroll(app);
            Vec::new()
        }
        Input::Printed(result) => {
            printed(app, result);
            Vec::new()
        }
        Input::Today(date) => {
            app.today = Some(date);
            leave_hidden_topic(app);
            Vec::new()
        }
        Input::Reloaded(reloaded) => {
            // Before the swap, which runs an open search again on what arrived.
            app.arrived = Arrived::Everything;
            replace_library(app, reloaded.library);
            app.content_notices = reloaded.notices;
            if let Some(revision) = reloaded.revision {
                app.content_revision = revision;
            }
            Vec::new()
        }
        Input::NamesRead(library) => {
            // The whole library may have come first; then these names are old news.
            if app.loading() {
                app.arrived = Arrived::Names;
                replace_library(app, library);
            }
            Vec::new()
        }
        Input::Notice(notice) => {
            app.content_notices.push(notice);
            Vec::new()
        }
        Input::Wake | Input::SpeechEnded => Vec::new(),
        Input::SearchIndexReady(prepared) => {
            super::search_prepare::adopt(app, prepared);
            Vec::new()
        }
        Input::PinChecked(right) => pin_checked(app, right),
        Input::Key(_) | Input::Mouse(_) | Input::Paste(_) => on_reader_input(app, event.input),
    }
}

/// Back to the list when the open topic is no longer shown to this reader (its review fell
/// due, or it left the library).
pub(super) fn leave_hidden_topic(app: &mut App) {
    if matches!(app.session.screen, Screen::Topic(_)) && app.topic().is_none() {
        app.session.screen = Screen::Home;
        app.session.home = HomeState::default();
    }
}

/// `L`: the next of the languages offered.
fn next_language(app: &mut App) {
    let offered = &app.settings.languages;
    let current = offered.iter().position(|l| *l == app.session.language).unwrap_or(0);
    if let Some(next) = offered.get((current + 1) % offered.len().max(1)).cloned() {
        set_language(app, &next);
    }
}

/// The reader's language: the interface, and each topic where it has a version in it.
fn set_language(app: &mut App, language: &str) {
    app.session.language = Lang::from(language);
    fit_place_to_library(app);
    // The same page from its top: the other language's text is not the same length, so the
    // old scroll would open it mid-text, its heading out of sight.
    if let Screen::Topic(state) = &mut app.session.screen {
        state.scroll = 0;
    }
}

/// Swaps in a new library in one step, keeping the reader's place where the topic is still
/// there: the same page (or the nearest), the same scroll, the same open answers.
fn replace_library(app: &mut App, library: kiosk_content::Library) {
    app.library = library;
    app.search_index = None;
    fit_place_to_library(app);
}

/// After the library or the language changed: the page, the answers and the scroll as near as
/// they can be to where they were.
fn fit_place_to_library(app: &mut App) {
    let faq_entries = app.topic().map(|(topic, _)| topic.faq.len());
    let page_count = app.pages().len();
    if let (Screen::Topic(state), Some(entries)) = (&mut app.session.screen, faq_entries) {
        state.page = state.page.min(page_count.saturating_sub(1));
        state.faq_open.resize(entries, false);
        state.faq_selected = state.faq_selected.min(entries.saturating_sub(1));
    }
    leave_hidden_topic(app);
    let topics = app.home_topics().len();
    app.session.home.selected = app.session.home.selected.min(topics.saturating_sub(1));
    keep_home_selection_visible(app);
    clamp_scroll(app);
    refresh_search(app);
}

/// A key, click or paste: the reader is here.
fn on_reader_input(app: &mut App, input: Input) -> Vec<Effect> {
    app.last_input = app.now;
    app.pointer_seen |= matches!(input, Input::Mouse(_));
    if app.warning_since.take().is_some() {
        // It only says "still here"; acting on it could surprise a reader who pressed any key.
        return Vec::new();
    }
    app.session.flash = None;
    if std::mem::take(&mut app.session.speaking) {
        // Any key or tap stops the reading, and does nothing else.
        return vec![Effect::StopSpeaking];
    }
    match input {
        Input::Key(key) => on_key(app, key),
        Input::Mouse(mouse) => on_mouse(app, mouse),
        // Only the search box takes text; anywhere else a paste, however large, is let go.
        Input::Paste(text) if matches!(app.session.overlays.top(), Some(Overlay::Search(_))) => {
            search_paste(app, &text);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn on_key(app: &mut App, key: Key) -> Vec<Effect> {
    if key == app.settings.staff_key {
        open_staff_panel(app);
        return Vec::new();
    }
    match app.session.overlays.top() {
        Some(Overlay::Staff(_)) => return staff_panel_key(app, key),
        // Any key closes what only shows.
        Some(Overlay::Help | Overlay::TakeHome) => {
            app.session.overlays.close_top();
            return Vec::new();
        }
        Some(Overlay::Search(_)) => {
            search_key(app, key);
            return Vec::new();
        }
        None => {}
    }
    if let Some(action) = action_of(key)
        && acts(app, action)
    {
        return perform(app, action);
    }
    match app.session.screen {
        // Any other key starts: the attract screen only invites.
        Screen::Attract => app.session.screen = Screen::Home,
        Screen::Home => home_key(app, key),
        Screen::Topic(_) => topic_key(app, key),
    }
    Vec::new()
}

/// Does an action of the key table that has keys of its own.
fn perform(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Help => app.session.overlays.open(Overlay::Help),
        Action::Search => open_search(app),
        Action::Quit => return vec![Effect::Quit],
        Action::Suspend => return vec![Effect::Suspend],
        Action::TakeHome => open_take_home(app),
        Action::Print => return print(app),
        Action::ReadAloud => return read_aloud(app),
        Action::Language => next_language(app),
        // Done by the screen's own keys (arrows, Enter, Esc).
        Action::Choose
        | Action::Open
        | Action::Sections
        | Action::Question
        | Action::Answer
        | Action::Scroll
        | Action::Back => {}
    }
    Vec::new()
}

fn on_mouse(app: &mut App, mouse: Mouse) -> Vec<Effect> {
    if too_small(app.area) {
        return Vec::new();
    }
    let Mouse { action, column, row } = mouse;
    // The footer's hints are buttons for their keys, an overlay's too.
    if action == MouseAction::Click {
        let footer = app.home_layout().chrome.footer;
        let tapped_hint = hint_areas(footer, &hints(app), app.catalog())
            .into_iter()
            .find(|(area, _)| contains(*area, column, row))
            .and_then(|(_, hint)| hint.key);
        if let Some(key) = tapped_hint {
            return on_key(app, key);
        }
    }
    match app.session.overlays.top() {
        Some(Overlay::Staff(_)) => return Vec::new(),
        Some(Overlay::Search(_)) => {
            search_mouse(app, mouse);
            return Vec::new();
        }
        // A tap anywhere closes what only shows.
        Some(Overlay::Help | Overlay::TakeHome) => {
            if mouse.action == MouseAction::Click {
                return on_key(app, Key::Esc);
            }
            return Vec::new();
        }
        None => {}
    }
    if action == MouseAction::Click {
        let offered = app.settings.languages.clone();
        let tapped = app.language_buttons().into_iter().position(|b| contains(b, column, row));
        if let Some(language) = tapped.and_then(|n| offered.get(n)) {
            set_language(app, language);
            return Vec::new();
        }
    }
    if app.session.screen == Screen::Attract {
        if action == MouseAction::Click {
            app.session.screen = Screen::Home;
        }
        return Vec::new();
    }
    match app.session.screen {
        Screen::Attract => {}
        Screen::Home => home_mouse(app, mouse),
        Screen::Topic(_) => topic_mouse(app, mouse),
    }
    Vec::new()
}
