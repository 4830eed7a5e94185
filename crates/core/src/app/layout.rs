//! Where each part of each screen goes, for a given screen size. Drawing uses it to place
//! things, and `update` uses the same numbers to know what a click hit and how far to scroll.

use ratatui_core::layout::{Constraint, Layout, Rect};

/// Below this many columns, the kiosk asks for a larger window.
pub const MIN_WIDTH: u16 = 40;
/// Below this many rows, the kiosk asks for a larger window.
pub const MIN_HEIGHT: u16 = 12;
/// The widest screen drawn: a 4K display in an 8-pixel font is 480 columns. A larger window is
/// drawn in its top-left corner, so a hostile size cannot make a frame take gigabytes.
pub const MAX_WIDTH: u16 = 512;
/// The tallest screen drawn.
pub const MAX_HEIGHT: u16 = 256;

/// The area drawn on a screen of `width` × `height` cells: at most [`MAX_WIDTH`] × [`MAX_HEIGHT`].
pub fn drawn_area(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width.min(MAX_WIDTH), height.min(MAX_HEIGHT))
}
/// From this many columns on, the pages are listed down the left side; below it, a bar with
/// Back and Next buttons shows the current page.
pub const SIDE_LIST_MIN_WIDTH: u16 = 64;
/// Width of the side list of pages.
const SIDE_LIST_WIDTH: u16 = 22;
/// Rows each topic takes on the home screen: title, subtitle, category. Three rows make an
/// easy target for a finger.
pub const HOME_ENTRY_HEIGHT: u16 = 3;

/// Whether the screen is too small to show anything but "Please make this window larger".
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The frame every screen shares: a header row, the body, a footer row of key hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chrome {
    /// The top row: where you are.
    pub header: Rect,
    /// Everything between.
    pub body: Rect,
    /// The bottom row: the keys that work here.
    pub footer: Rect,
}

impl Chrome {
    /// The frame for a screen of this size.
    pub fn new(area: Rect) -> Chrome {
        let [header, body, footer] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        Chrome { header, body, footer }
    }
}

/// The home screen's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HomeLayout {
    /// The shared frame.
    pub chrome: Chrome,
    /// The line of instructions.
    pub instructions: Rect,
    /// The list of topics.
    pub list: Rect,
}

impl HomeLayout {
    /// The home screen for a screen of this size.
    pub fn new(area: Rect) -> HomeLayout {
        let chrome = Chrome::new(area);
        let [_, instructions, _, list] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(chrome.body.inner(ratatui_core::layout::Margin::new(1, 0)));
        HomeLayout { chrome, instructions, list }
    }

    /// How many topics fit in the list at once.
    pub fn visible_entries(&self) -> usize {
        usize::from((self.list.height / HOME_ENTRY_HEIGHT).max(1))
    }
}

/// How the pages of a topic are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageNav {
    /// A list down the left side, one page a row.
    Side(Rect),
    /// One row: a Back button, the current page's name, a Next button.
    Bar {
        /// The whole row.
        area: Rect,
        /// The Back button.
        previous: Rect,
        /// The Next button.
        next: Rect,
    },
}

/// The topic screen's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopicLayout {
    /// The shared frame.
    pub chrome: Chrome,
    /// The row under the header that says who reviewed the topic, or that it is a draft.
    pub notice: Rect,
    /// The list of pages.
    pub nav: PageNav,
    /// The page's text.
    pub text: Rect,
    /// The column of the scrollbar, right of the text.
    pub scrollbar: Rect,
}

impl TopicLayout {
    /// The topic screen for a screen of this size.
    pub fn new(area: Rect) -> TopicLayout {
        let chrome = Chrome::new(area);
        let [notice, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(chrome.body);

        let (nav, reading) = if area.width >= SIDE_LIST_MIN_WIDTH {
            let [side, _gap, reading] = Layout::horizontal([
                Constraint::Length(SIDE_LIST_WIDTH),
                Constraint::Length(1),
                Constraint::Fill(1),
            ])
            .areas(rest);
            (PageNav::Side(side.inner(ratatui_core::layout::Margin::new(0, 1))), reading)
        } else {
            let [bar, reading] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(rest);
            let button = super::hints::MIN_TARGET_WIDTH.min(bar.width / 3);
            let previous = Rect { width: button, ..bar };
            let next = Rect { x: bar.right().saturating_sub(button), width: button, ..bar };
            (PageNav::Bar { area: bar, previous, next }, reading)
        };

        let reading = reading.inner(ratatui_core::layout::Margin::new(1, 1));
        let [text, _gap, scrollbar] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(1), Constraint::Length(1)])
                .areas(reading);
        TopicLayout { chrome, notice, nav, text, scrollbar }
    }
}

/// Whether a screen cell lies inside an area.
pub fn contains(area: Rect, column: u16, row: u16) -> bool {
    area.contains(ratatui_core::layout::Position { x: column, y: row })
}

/// Rows each search result takes: where it is, the matching text, a gap.
pub const SEARCH_ENTRY_HEIGHT: u16 = 3;

/// The search overlay's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchLayout {
    /// The box around it all.
    pub frame: Rect,
    /// The line with what is typed.
    pub query: Rect,
    /// The list of results.
    pub results: Rect,
    /// The keys that work here.
    pub hints: Rect,
}

impl SearchLayout {
    /// The search overlay for a screen of this size.
    pub fn new(area: Rect) -> SearchLayout {
        let frame = area.inner(ratatui_core::layout::Margin::new(2, 1));
        let inner = frame.inner(ratatui_core::layout::Margin::new(2, 1));
        let [query, _, results, hints] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        SearchLayout { frame, query, results, hints }
    }

    /// How many results fit at once.
    pub fn visible_results(&self) -> usize {
        usize::from((self.results.height / SEARCH_ENTRY_HEIGHT).max(1))
    }
}

/// Width of each language button: wide enough for a finger.
pub const LANGUAGE_BUTTON_WIDTH: u16 = 12;
/// Columns kept free at the right of the top row, for the STAFF badge.
const BADGE_ROOM: u16 = 8;

/// Where the buttons that choose among `count` languages go: at the right of the top row, on
/// every screen. None when one language is offered, or the row is too narrow for them.
pub fn language_buttons(area: Rect, count: usize) -> Vec<Rect> {
    let count = u16::try_from(count).unwrap_or(u16::MAX);
    let needed = count.saturating_mul(LANGUAGE_BUTTON_WIDTH + 1).saturating_add(BADGE_ROOM);
    // Leave the left half of the row for the title.
    if count < 2 || needed > area.width / 2 {
        return Vec::new();
    }
    let start = area.right() - needed;
    (0..count)
        .map(|n| Rect {
            x: start + n * (LANGUAGE_BUTTON_WIDTH + 1),
            y: area.y,
            width: LANGUAGE_BUTTON_WIDTH,
            height: 1,
        })
        .collect()
}

/// The first of `count` rows shown in a list `visible` rows high, so that `selected` shows,
/// and the row after it when there is room: a tap on the last row shown then always reveals
/// the next, so every row can be reached by taps alone.
pub fn first_visible(selected: usize, count: usize, visible: usize) -> usize {
    if visible == 0 || count <= visible {
        0
    } else {
        let look_ahead = usize::from(visible > 2 && selected + 1 < count);
        (selected + 1 + look_ahead).saturating_sub(visible).min(count - visible)
    }
}
