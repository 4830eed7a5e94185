//! Moving through the topics and their pages, by key and by mouse.

use super::event::{Key, Mouse, MouseAction};
use super::layout::{HOME_ENTRY_HEIGHT, PageNav, contains};
use super::session::{Screen, TopicState};
use super::state::App;
use kiosk_content::Page;

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: usize = 3;

pub(super) fn home_key(app: &mut App, key: Key) {
    let moves = matches!(
        key,
        Key::Up
            | Key::Down
            | Key::PageUp
            | Key::PageDown
            | Key::Home
            | Key::End
            | Key::Enter
            | Key::Right
            | Key::Char(' ')
    );
    // Other keys cost nothing, so a flood of typed or pasted characters never lags.
    if !moves {
        return;
    }
    let count = app.home_topics().len();
    if count == 0 {
        return;
    }
    let page = app.home_layout().visible_entries();
    let selected = app.session.home.selected;
    app.session.home.selected = match key {
        Key::Up => selected.saturating_sub(1),
        Key::Down => selected + 1,
        Key::PageUp => selected.saturating_sub(page),
        Key::PageDown => selected + page,
        Key::Home => 0,
        Key::End => count - 1,
        Key::Enter | Key::Right | Key::Char(' ') => {
            open_topic(app, selected);
            return;
        }
        _ => selected,
    }
    .min(count - 1);
    keep_home_selection_visible(app);
}

fn open_topic(app: &mut App, index: usize) {
    let Some(topic) = app.home_topics().get(index).copied() else { return };
    let state = TopicState::new(&topic.id, topic.faq.len());
    app.session.home.selected = index;
    app.session.screen = Screen::Topic(state);
}

pub(super) fn keep_home_selection_visible(app: &mut App) {
    let visible = app.home_layout().visible_entries();
    let home = &mut app.session.home;
    if home.selected < home.first_visible {
        home.first_visible = home.selected;
    } else if home.selected >= home.first_visible + visible {
        home.first_visible = home.selected + 1 - visible;
    }
}

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
    if !acts {
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

fn go_home(app: &mut App) {
    let Screen::Topic(state) = &app.session.screen else { return };
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

/// Rows of page text on screen.
fn text_height(app: &App) -> usize {
    app.topic().map_or(0, |_| usize::from(app.topic_layout().text.height))
}

/// Keeps the page's scroll between the top and the last screenful.
pub(super) fn clamp_scroll(app: &mut App) {
    let lines = app.page_lines().len();
    // A screen too small to show text still keeps the last line in reach, never past it.
    let height = text_height(app).max(1);
    if let Screen::Topic(state) = &mut app.session.screen {
        state.scroll = state.scroll.min(lines.saturating_sub(height));
    }
}

pub(super) fn home_mouse(app: &mut App, Mouse { action, column, row }: Mouse) {
    match action {
        MouseAction::ScrollUp => home_key(app, Key::Up),
        MouseAction::ScrollDown => home_key(app, Key::Down),
        MouseAction::Click => {
            let list = app.home_layout().list;
            if contains(list, column, row) {
                let index = app.session.home.first_visible + usize::from((row - list.y) / HOME_ENTRY_HEIGHT);
                open_topic(app, index);
            }
        }
    }
}

pub(super) fn topic_mouse(app: &mut App, Mouse { action, column, row }: Mouse) {
    if app.topic().is_none() {
        return;
    }
    let layout = app.topic_layout();
    let page_count = app.pages().len();
    match action {
        MouseAction::ScrollUp => topic_scroll(app, -1),
        MouseAction::ScrollDown => topic_scroll(app, 1),
        MouseAction::Click => {
            let Screen::Topic(state) = &mut app.session.screen else { return };
            match layout.nav {
                PageNav::Side(side) if contains(side, column, row) => {
                    let first = first_visible(state.page, page_count, usize::from(side.height));
                    let index = first + usize::from(row - side.y);
                    if index < page_count {
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
                    if let Some(entry) = app.page_lines().get(line).and_then(|l| l.faq()) {
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

fn topic_scroll(app: &mut App, direction: isize) {
    if let Screen::Topic(state) = &mut app.session.screen {
        state.scroll = state.scroll.saturating_add_signed(direction * WHEEL_LINES as isize);
    }
    clamp_scroll(app);
}

/// The first of `count` rows shown in a list `visible` rows high, so that `selected` shows.
pub fn first_visible(selected: usize, count: usize, visible: usize) -> usize {
    if visible == 0 || count <= visible {
        0
    } else {
        (selected + 1).saturating_sub(visible).min(count - visible)
    }
}
