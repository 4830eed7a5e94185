//! The key hints in the footer. Each names a real key; a click or tap on one presses it.

use ratatui_core::layout::Rect;
use unicode_width::UnicodeWidthStr;

use kiosk_content::i18n::{Catalog, Msg};

use super::actions::may_print;
use super::event::Key;
use super::session::Screen;
use super::state::App;
use kiosk_content::Page;

/// One hint: its text, the key a tap on it presses (none for hints naming several keys), and
/// how much it matters when the footer is too narrow for all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    /// The hint's text.
    pub msg: Msg,
    /// The key it stands for.
    pub key: Option<Key>,
    /// Hints with the lowest priority are left out first.
    pub priority: u8,
}

const fn hint(msg: Msg, key: Option<Key>, priority: u8) -> Hint {
    Hint { msg, key, priority }
}

/// The hints for what the app shows now, in the order they are shown.
pub fn hints(app: &App) -> Vec<Hint> {
    let help = hint(Msg::HintHelp, Some(Key::Char('?')), 8);
    let quit = hint(Msg::HintQuit, Some(Key::Char('q')), 7);
    let search = hint(Msg::HintSearch, Some(Key::Char('/')), 5);
    let language = hint(Msg::HintLanguage, Some(Key::Char('L')), 4);
    let languages = app.settings().languages.len() > 1;
    let mut hints = match app.screen() {
        Screen::Attract => Vec::new(),
        Screen::Home => {
            vec![
                hint(Msg::HintChoose, None, 3),
                hint(Msg::HintOpen, Some(Key::Enter), 9),
                search,
                language,
                help,
                quit,
            ]
        }
        Screen::Topic(state) => {
            let on_faq = app.pages().get(state.page) == Some(&Page::Faq);
            let mut hints = vec![hint(Msg::HintSections, None, 3)];
            if on_faq {
                hints.push(hint(Msg::HintQuestion, None, 1));
                hints.push(hint(Msg::HintAnswer, Some(Key::Enter), 4));
            } else {
                hints.push(hint(Msg::HintScroll, None, 2));
            }
            hints.push(hint(Msg::HintBack, Some(Key::Esc), 9));
            hints.push(search);
            if app.topic().is_some_and(|(topic, _)| topic.url.is_some()) {
                hints.push(hint(Msg::HintTakeHome, Some(Key::Char('t')), 6));
            }
            if app.settings().speech_command.is_some() {
                hints.push(hint(Msg::HintReadAloud, Some(Key::Char('a')), 6));
            }
            if may_print(app) {
                hints.push(hint(Msg::HintPrint, Some(Key::Char('p')), 6));
            }
            hints.extend([language, help, quit]);
            hints
        }
    };
    if !languages {
        hints.retain(|hint| hint.msg != Msg::HintLanguage);
    }
    // A locked kiosk has no way out for patients, so it offers none.
    if app.settings().locked {
        hints.retain(|hint| hint.msg != Msg::HintQuit);
    }
    hints
}

/// Space between two hints.
pub const HINT_GAP: u16 = 1;

/// The narrowest a tap target may be: a finger needs about 12 columns.
pub const MIN_TARGET_WIDTH: u16 = 12;

/// Where each hint is drawn in the footer, left to right from column 1. When they do not all
/// fit, the least important go first.
pub fn hint_areas(footer: Rect, hints: &[Hint], catalog: &Catalog) -> Vec<(Rect, Hint)> {
    let width_of = |hint: &Hint| {
        let text = u16::try_from(catalog.text(hint.msg).width()).unwrap_or(u16::MAX);
        text.saturating_add(2).max(MIN_TARGET_WIDTH)
    };
    let mut shown: Vec<Hint> = hints.to_vec();
    let room = footer.width.saturating_sub(1);
    let needed = |shown: &[Hint]| -> u16 {
        shown.iter().map(width_of).fold(0u16, |sum, w| sum.saturating_add(w)).saturating_add(
            HINT_GAP.saturating_mul(u16::try_from(shown.len().saturating_sub(1)).unwrap_or(u16::MAX)),
        )
    };
    while !shown.is_empty() && needed(&shown) > room {
        let least =
            shown.iter().enumerate().min_by_key(|(i, h)| (h.priority, std::cmp::Reverse(*i))).map(|(i, _)| i);
        if let Some(least) = least {
            shown.remove(least);
        }
    }
    let mut x = footer.x.saturating_add(1);
    let mut areas = Vec::new();
    for hint in shown {
        let width = width_of(&hint);
        areas.push((Rect { x, width, ..footer }, hint));
        x = x.saturating_add(width + HINT_GAP);
    }
    areas
}
