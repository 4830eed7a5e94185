//! A topic's pages: where the reader is, the keys and taps that move through them, and what a
//! topic offers besides reading (printing, reading aloud, taking its address home).

use super::bounds::{clamp_scroll, keep_home_selection_visible, text_height};
use super::document::Role;
use super::event::{Effect, Key, Mouse, MouseAction};
use super::layout::{ListWindow, PageNav, contains};
use super::overlay::Overlay;
use super::places::TopicState;
use super::session::{Flash, Screen};
use super::state::App;
use crate::handout::{Format, Handout};
use kiosk_content::{Page, printable};

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: usize = 3;

pub(super) fn topic_key(app: &mut App, key: Key) {
    let acts = matches!(
        key,
        Key::Left
            | Key::Right
            | Key::Tab
            | Key::BackTab
            | Key::Char('1'..='9' | ' ')
            | Key::Esc
            | Key::Backspace
            | Key::Up
            | Key::Down
            | Key::Enter
            | Key::PageUp
            | Key::PageDown
            | Key::Home
            | Key::End
    );
    // Other keys cost nothing, so a flood of typed or pasted characters never lags.
    if !acts
        || super::questions::question_key(app, key)
        || super::checks::check_key(app, key)
        || super::related::related_key(app, key)
    {
        return;
    }
    let pages = app.pages();
    let Some(page) = current_page(app, &pages) else { return };
    let page_count = pages.len();
    let on_faq = page == Page::Faq;
    let view_height = text_height(app);
    let Screen::Topic(state) = &mut app.session.screen else { return };
    match key {
        Key::Left | Key::BackTab => go_to_page(state, state.page.saturating_sub(1)),
        Key::Right | Key::Tab => go_to_page(state, (state.page + 1).min(page_count - 1)),
        Key::Char(digit @ '1'..='9') => {
            let index = digit as usize - '1' as usize;
            if index < page_count {
                go_to_page(state, index);
            }
        }
        Key::Esc | Key::Backspace => {
            go_home(app);
            return;
        }
        Key::Up if on_faq => {
            state.faq_selected = state.faq_selected.saturating_sub(1);
            reveal_faq(app);
            return;
        }
        Key::Down if on_faq => {
            state.faq_selected = (state.faq_selected + 1).min(state.faq_open.len().saturating_sub(1));
            reveal_faq(app);
            return;
        }
        Key::Enter if on_faq => {
            toggle_faq(app);
            return;
        }
        Key::Up => state.scroll = state.scroll.saturating_sub(1),
        Key::Down => state.scroll += 1,
        Key::PageUp => state.scroll = state.scroll.saturating_sub(view_height.saturating_sub(1).max(1)),
        Key::PageDown | Key::Char(' ') => state.scroll += view_height.saturating_sub(1).max(1),
        Key::Home if on_faq => {
            state.faq_selected = 0;
            state.scroll = 0;
        }
        Key::End if on_faq => {
            state.faq_selected = state.faq_open.len().saturating_sub(1);
            state.scroll = usize::MAX;
        }
        Key::Home => state.scroll = 0,
        Key::End => state.scroll = usize::MAX,
        _ => {}
    }
    clamp_scroll(app);
}

fn current_page(app: &App, pages: &[Page]) -> Option<Page> {
    match &app.session.screen {
        Screen::Topic(state) => pages.get(state.page).copied(),
        Screen::Attract | Screen::Home => None,
    }
}

fn go_to_page(state: &mut TopicState, page: usize) {
    if state.page != page {
        state.page = page;
        state.scroll = 0;
    }
}

/// Back to the list of topics; or, for a topic opened from search results, back to those
/// results as they were (Esc there goes on to the list).
fn go_home(app: &mut App) {
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

fn toggle_faq(app: &mut App) {
    if let Screen::Topic(state) = &mut app.session.screen
        && let Some(open) = state.faq_open.get_mut(state.faq_selected)
    {
        *open = !*open;
    }
    reveal_faq(app);
}

/// Scrolls so the chosen question, and its answer when open, are on screen.
fn reveal_faq(app: &mut App) {
    let lines = app.page_lines();
    let height = text_height(app);
    let Screen::Topic(state) = &mut app.session.screen else { return };
    let selected = Some(state.faq_selected);
    let Some(first) = lines.iter().position(|l| l.faq() == selected) else { return };
    let last = lines.iter().rposition(|l| l.faq() == selected).unwrap_or(first);
    if first < state.scroll {
        state.scroll = first;
    } else if last >= state.scroll + height {
        state.scroll = (last + 1).saturating_sub(height).min(first);
    }
    clamp_scroll(app);
}

pub(super) fn topic_mouse(app: &mut App, Mouse { action, column, row }: Mouse) {
    if app.topic().is_none() {
        return;
    }
    let layout = app.topic_layout();
    let page_count = app.pages().len();
    let over_side_list = matches!(layout.nav, PageNav::Side(side) if contains(side, column, row));
    match action {
        // The wheel over the list of pages moves through the pages, as the arrow keys do.
        MouseAction::ScrollUp | MouseAction::ScrollDown if over_side_list => {
            let Screen::Topic(state) = &mut app.session.screen else { return };
            let page = if action == MouseAction::ScrollUp {
                state.page.saturating_sub(1)
            } else {
                (state.page + 1).min(page_count.saturating_sub(1))
            };
            go_to_page(state, page);
        }
        MouseAction::ScrollUp => topic_scroll(app, -1),
        MouseAction::ScrollDown => topic_scroll(app, 1),
        MouseAction::Click if contains(layout.scrollbar, column, row) => {
            scrollbar_click(app, layout.scrollbar, row);
        }
        MouseAction::Click => {
            let Screen::Topic(state) = &mut app.session.screen else { return };
            match layout.nav {
                PageNav::Side(side) if contains(side, column, row) => {
                    let window = ListWindow::new(state.page, page_count, usize::from(side.height));
                    if let Some(index) = window.page_at(usize::from(row - side.y)) {
                        go_to_page(state, index);
                    }
                }
                PageNav::Bar { previous, .. } if contains(previous, column, row) => {
                    go_to_page(state, state.page.saturating_sub(1));
                }
                PageNav::Bar { next, .. } if contains(next, column, row) => {
                    go_to_page(state, (state.page + 1).min(page_count.saturating_sub(1)));
                }
                _ if contains(layout.text, column, row) => {
                    let line = state.scroll + usize::from(row - layout.text.y);
                    if super::questions::question_tapped(app, line)
                        || super::checks::check_tapped(app, line)
                        || super::related::related_tapped(app, line)
                    {
                        return;
                    }
                    if let Some(entry) = app.page_lines().get(line).and_then(super::document::PageLine::faq) {
                        if let Screen::Topic(state) = &mut app.session.screen {
                            state.faq_selected = entry;
                        }
                        toggle_faq(app);
                    }
                }
                _ => {}
            }
        }
    }
}

/// A tap on the scrollbar: its ▲ and ▼ scroll as a notch of the wheel does; the track between
/// them goes to that part of the page.
fn scrollbar_click(app: &mut App, bar: ratatui_core::layout::Rect, row: u16) {
    if row == bar.y {
        topic_scroll(app, -1);
    } else if row + 1 == bar.bottom() {
        topic_scroll(app, 1);
    } else {
        let last_top = app.page_lines().len().saturating_sub(text_height(app));
        let track = usize::from(bar.height.saturating_sub(3)).max(1);
        let at = usize::from(row - bar.y - 1).min(track);
        if let Screen::Topic(state) = &mut app.session.screen {
            state.scroll = last_top * at / track;
        }
        clamp_scroll(app);
    }
}

fn topic_scroll(app: &mut App, direction: isize) {
    if let Screen::Topic(state) = &mut app.session.screen {
        state.scroll = state.scroll.saturating_add_signed(direction * WHEEL_LINES as isize);
    }
    clamp_scroll(app);
}

/// The longest print error shown in the footer.
const MAX_PRINT_ERROR_CHARS: usize = 160;

/// Whether `p` prints for this reader: staff, or anyone where patients may print.
pub fn may_print(app: &App) -> bool {
    app.session.staff || app.settings.print_allowed_for_patients
}

/// `p` on a topic: the text handout to the print command, or why it cannot go. One job at a
/// time, and a few per patient, so a row of presses cannot run up a clinic's printing.
pub(super) fn print(app: &mut App) -> Vec<Effect> {
    let refused = if !may_print(app) {
        Some(Flash::PrintAskStaff)
    } else if app.settings.print_command.is_none() {
        Some(Flash::PrintNotSetUp)
    } else if app.printing {
        Some(Flash::PrintBusy)
    } else if !app.session.staff && app.session.prints >= app.settings.patient_print_limit {
        Some(Flash::PrintLimit)
    } else {
        None
    };
    if let Some(reason) = refused {
        app.session.flash = Some(reason);
        return Vec::new();
    }
    let (Some(command), Some((topic, _))) = (app.settings.print_command.clone(), app.topic()) else {
        return Vec::new();
    };
    let no_ticks = std::collections::BTreeSet::new();
    let ticked = app.session.ticked.get(&topic.id).unwrap_or(&no_ticks);
    // The one-page take-home; the full handout is `patient-kiosk export`.
    let text = Handout::summary_for_reader(
        topic,
        app.catalog_for(&topic.language),
        &app.settings.clinic_name,
        app.settings.care_team_phone.as_deref(),
        ticked,
    )
    .render(Format::Text);
    app.printing = true;
    app.session.prints += 1;
    app.session.flash = Some(Flash::Printing);
    vec![Effect::Print { command, text }]
}

/// The print command finished. A reader who has walked away meanwhile is not the one on
/// screen: the next person is told nothing of it, and staff hear of a failure.
pub(super) fn printed(app: &mut App, result: Result<(), String>) {
    app.printing = false;
    let asker_still_here = app.session.prints > 0;
    let flash = match result {
        Ok(()) => Flash::Printed,
        Err(reason) => {
            // What another program said: one line, nothing that could steer the terminal.
            let line: String = reason.split_whitespace().collect::<Vec<_>>().join(" ");
            let line: String = printable(&line).chars().take(MAX_PRINT_ERROR_CHARS).collect();
            if !asker_still_here {
                app.content_notices.push(format!("printing failed: {line}"));
            }
            Flash::PrintFailed(line)
        }
    };
    if asker_still_here {
        app.session.flash = Some(flash);
    }
}

/// `a` on a topic: the current page read aloud in the topic's language, or why it cannot be.
pub(super) fn read_aloud(app: &mut App) -> Vec<Effect> {
    let Some(command) = app.settings.speech_command.clone() else {
        app.session.flash = Some(Flash::SpeechNotSetUp);
        return Vec::new();
    };
    let Some((topic, _)) = app.topic() else { return Vec::new() };
    let language = topic.language.clone();
    let text = spoken_text(&app.page_lines());
    let command = command.into_iter().map(|part| part.replace("{lang}", &language)).collect();
    app.session.speaking = true;
    app.session.flash = Some(Flash::Speaking);
    vec![Effect::Speak { command, text }]
}

/// The page's words in reading order, without bullets and step numbers, a line per line of
/// text and a blank line between paragraphs, so a speech program pauses where a reader would.
fn spoken_text(lines: &[super::document::PageLine]) -> String {
    let mut text = String::new();
    for line in lines {
        let words: String =
            line.runs.iter().filter(|run| run.role != Role::Marker).map(|run| run.text.as_str()).collect();
        text.push_str(words.trim());
        text.push('\n');
    }
    text
}

/// `t` on a topic with a web address: the "Take this home" panel.
pub(super) fn open_take_home(app: &mut App) {
    if app.topic().is_some_and(|(topic, _)| topic.url.is_some()) {
        app.session.overlays.open(Overlay::TakeHome);
    }
}
