//! The key hints in the footer. Each names a real key; a click or tap on one presses it.

use ratatui_core::layout::Rect;
use unicode_width::UnicodeWidthStr;

use kiosk_content::i18n::{Catalog, Msg};

use super::event::Key;
use super::keymap::{TABLE, acts, set_up};
use super::layout::MIN_TARGET_WIDTH;
use super::overlay::Overlay;
use super::session::Screen;
use super::state::App;

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

/// The hints for what the app shows now, in the order they are shown: every action of the
/// table that does something here and is offered on this kiosk.
pub fn hints(app: &App) -> Vec<Hint> {
    if let Some(hints) = overlay_hints(app) {
        return hints;
    }
    if *app.screen() == Screen::Attract {
        return Vec::new();
    }
    TABLE
        .iter()
        .filter_map(|row| {
            let (action, (msg, key, priority)) = (row.action?, row.hint?);
            (acts(app, action) && set_up(app, action)).then_some(Hint { msg, key, priority })
        })
        .collect()
}

/// "Esc Close": what closes every overlay.
const CLOSE: Hint = Hint { msg: Msg::HintClose, key: Some(Key::Esc), priority: 9 };

/// While an overlay is open, its own keys: the screen's beneath it do nothing until it closes.
fn overlay_hints(app: &App) -> Option<Vec<Hint>> {
    match app.session().overlays.top()? {
        Overlay::Staff(_) | Overlay::Help | Overlay::TakeHome => Some(vec![CLOSE]),
        Overlay::Search(_) => Some(vec![
            Hint { msg: Msg::HintChoose, key: None, priority: 3 },
            Hint { msg: Msg::HintOpen, key: Some(Key::Enter), priority: 8 },
            CLOSE,
        ]),
    }
}

/// Space between two hints.
pub const HINT_GAP: u16 = 1;

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
        shown.iter().map(width_of).fold(0u16, u16::saturating_add).saturating_add(
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
