//! The key hints in the footer. Each names a real key; a click or tap on one presses it.

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Catalog, Msg};

use super::event::Key;
use super::pages::Page;
use super::session::Screen;
use super::state::App;

/// One hint: its text, and the key a tap on it presses (none for hints naming several keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    /// The hint's text.
    pub msg: Msg,
    /// The key it stands for.
    pub key: Option<Key>,
}

const fn hint(msg: Msg, key: Option<Key>) -> Hint {
    Hint { msg, key }
}

/// The hints for what the app shows now.
pub fn hints(app: &App) -> Vec<Hint> {
    let help = hint(Msg::HintHelp, Some(Key::Char('?')));
    let quit = hint(Msg::HintQuit, Some(Key::Char('q')));
    let mut hints = match app.screen() {
        Screen::Attract => Vec::new(),
        Screen::Home => vec![hint(Msg::HintChoose, None), hint(Msg::HintOpen, Some(Key::Enter)), help, quit],
        Screen::Topic(state) => {
            let on_faq = app.pages().get(state.page) == Some(&Page::Faq);
            let mut hints = vec![hint(Msg::HintSections, None)];
            if on_faq {
                hints.push(hint(Msg::HintQuestion, None));
                hints.push(hint(Msg::HintAnswer, Some(Key::Enter)));
            } else {
                hints.push(hint(Msg::HintScroll, None));
            }
            hints.extend([hint(Msg::HintBack, Some(Key::Esc)), help, quit]);
            hints
        }
    };
    // A locked kiosk has no way out for patients, so it offers none.
    if app.settings().locked {
        hints.retain(|hint| hint.msg != Msg::HintQuit);
    }
    hints
}

/// Space between two hints.
pub const HINT_GAP: u16 = 3;

/// Where each hint is drawn in the footer, left to right from column 1; hints that do not fit
/// are left out.
pub fn hint_areas(footer: Rect, hints: &[Hint], catalog: &Catalog) -> Vec<(Rect, Hint)> {
    let mut x = footer.x.saturating_add(1);
    let mut areas = Vec::new();
    for hint in hints {
        let width = u16::try_from(catalog.text(hint.msg).width()).unwrap_or(u16::MAX);
        if x.saturating_add(width) > footer.right() {
            break;
        }
        areas.push((Rect { x, width, ..footer }, *hint));
        x = x.saturating_add(width + HINT_GAP);
    }
    areas
}
