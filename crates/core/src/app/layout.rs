//! Where each part of each screen goes, for a given screen size. Drawing uses it to place
//! things, and `update` uses the same numbers to know what a click hit and how far to scroll.

use ratatui_core::layout::{Constraint, Layout, Rect};

/// The narrowest a tap target may be: a finger needs about 12 columns.
pub const MIN_TARGET_WIDTH: u16 = 12;

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
/// The longest line of page text, in columns: about what a printed page holds.
pub const MAX_LINE_WIDTH: u16 = 70;
/// Width of the side list of pages.
const SIDE_LIST_WIDTH: u16 = 22;
/// Rows each topic takes on the home screen: its title (and category), its subtitle, and a gap
/// before the next. Three rows make an easy target for a finger.
pub const HOME_ENTRY_HEIGHT: u16 = 3;

/// Whether the screen is too small to show anything but "Please make this window larger".
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The top `rows` rows of `area` (fewer if it has fewer), and the rest below them. The first
/// screen's parts are cut this way, not by ratatui's `Layout`: its constraint solver, built anew
/// in each run, took a tenth of the time to the first screen (issue 23). Where there is room,
/// the cut is the one `Layout` makes (a test holds them to it).
fn top_rows(area: Rect, rows: u16) -> (Rect, Rect) {
    let rows = rows.min(area.height);
    (Rect { height: rows, ..area }, Rect { y: area.y + rows, height: area.height - rows, ..area })
}

/// The rest of `area` above its bottom `rows` rows, and those rows (fewer if it has fewer).
fn bottom_rows(area: Rect, rows: u16) -> (Rect, Rect) {
    let rest = area.height - rows.min(area.height);
    (Rect { height: rest, ..area }, Rect { y: area.y + rest, height: area.height - rest, ..area })
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
        let (header, rest) = top_rows(area, 1);
        let (body, footer) = bottom_rows(rest, 1);
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
        let (_, rest) = top_rows(chrome.body.inner(ratatui_core::layout::Margin::new(1, 0)), 1);
        let (instructions, rest) = top_rows(rest, 1);
        let (_, list) = top_rows(rest, 1);
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
            let button = MIN_TARGET_WIDTH.min(bar.width / 3);
            let previous = Rect { width: button, ..bar };
            let next = Rect { x: bar.right().saturating_sub(button), width: button, ..bar };
            (PageNav::Bar { area: bar, previous, next }, reading)
        };

        let reading = reading.inner(ratatui_core::layout::Margin::new(1, 1));
        // On a wide screen the lines stop at a reading length, and the column stands in the
        // middle of the room: long lines are hard to follow back to their next line.
        let column = MAX_LINE_WIDTH + 2;
        let reading = if reading.width > column {
            Rect { x: reading.x + (reading.width - column) / 2, width: column, ..reading }
        } else {
            reading
        };
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
}

impl SearchLayout {
    /// The search overlay for a screen of this size.
    pub fn new(area: Rect) -> SearchLayout {
        let frame = area.inner(ratatui_core::layout::Margin::new(2, 1));
        let inner = frame.inner(ratatui_core::layout::Margin::new(2, 1));
        let [query, _, results] =
            Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Fill(1)])
                .areas(inner);
        SearchLayout { frame, query, results }
    }

    /// How many results fit at once.
    pub fn visible_results(&self) -> usize {
        usize::from((self.results.height / SEARCH_ENTRY_HEIGHT).max(1))
    }
}

/// Width of each language button: wide enough for a finger.
pub const LANGUAGE_BUTTON_WIDTH: u16 = 12;
/// Where the buttons that choose among `count` languages go: at the right of the top row, on
/// every screen, `badge_room` columns kept free right of them for the staff badge. None when
/// one language is offered, or the row is too narrow for them.
pub fn language_buttons(area: Rect, count: usize, badge_room: u16) -> Vec<Rect> {
    let count = u16::try_from(count).unwrap_or(u16::MAX);
    let needed = count.saturating_mul(LANGUAGE_BUTTON_WIDTH + 1).saturating_add(badge_room);
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

/// Which pages a side list `rows` high shows around the `selected` one, and the marks that say
/// how many more lie above and below. A mark takes a row of its own and is a tap target: it
/// opens the nearest hidden page, so every page is in reach of a finger and none is hidden
/// without a sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListWindow {
    /// The first page shown.
    pub first: usize,
    /// How many pages are shown.
    pub shown: usize,
    /// Pages hidden above: when any, the top row says so.
    pub above: usize,
    /// Pages hidden below: when any, the bottom row says so.
    pub below: usize,
}

impl ListWindow {
    /// The window that shows `selected` among `count` pages in `rows` rows.
    pub fn new(selected: usize, count: usize, rows: usize) -> ListWindow {
        let at = |first: usize| {
            let above = usize::from(first > 0);
            let room = rows.saturating_sub(above).min(count - first);
            // Room for the mark below, when pages are left over.
            let shown = if first + room < count { room.saturating_sub(1) } else { room };
            ListWindow { first, shown, above: first, below: count - first - shown }
        };
        if rows < 3 || count <= rows {
            let shown = count.min(rows);
            return ListWindow { first: 0, shown, above: 0, below: count - shown };
        }
        // The first window that shows the selected page and, when it can, the next one too; the
        // mark below otherwise leads to it.
        let shows = |page: usize| {
            move |window: &ListWindow| window.first <= page && page < window.first + window.shown
        };
        let next = (selected + 1).min(count - 1);
        let has_both = |window: &ListWindow| shows(selected)(window) && shows(next)(window);
        (0..=selected)
            .map(at)
            .find(has_both)
            .or_else(|| (0..=selected).map(at).find(shows(selected)))
            .unwrap_or_else(|| at(selected))
    }

    /// The row the first page shown stands on: below the mark above, if there is one.
    pub fn first_row(&self) -> usize {
        usize::from(self.above > 0)
    }

    /// The page a tap on `row` opens: a listed page, or the nearest hidden one for a mark.
    pub fn page_at(&self, row: usize) -> Option<usize> {
        let first_row = self.first_row();
        if self.above > 0 && row == 0 {
            Some(self.first - 1)
        } else if (first_row..first_row + self.shown).contains(&row) {
            Some(self.first + row - first_row)
        } else if self.below > 0 && row == first_row + self.shown {
            Some(self.first + self.shown)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui_core::layout::{Constraint, Layout, Rect};

    use super::{Chrome, HomeLayout, ListWindow, MAX_HEIGHT, MIN_HEIGHT};

    /// The first screen's parts, cut without ratatui's solver, are where its `Layout` puts them on
    /// every screen tall enough to be drawn, at any place and width.
    #[test]
    fn the_first_screens_parts_are_where_layout_puts_them() {
        for height in MIN_HEIGHT..=MAX_HEIGHT {
            for area in [Rect::new(0, 0, 80, height), Rect::new(3, 2, 41, height)] {
                let [header, body, footer] =
                    Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)])
                        .areas(area);
                assert_eq!(Chrome::new(area), Chrome { header, body, footer }, "{area:?}");
                let [_, instructions, _, list] = Layout::vertical([
                    Constraint::Length(1),
                    Constraint::Length(1),
                    Constraint::Length(1),
                    Constraint::Fill(1),
                ])
                .areas(body.inner(ratatui_core::layout::Margin::new(1, 0)));
                let home = HomeLayout::new(area);
                assert_eq!((home.instructions, home.list), (instructions, list), "{area:?}");
            }
        }
    }

    /// Every window: the chosen page shows, marks and pages fit the rows, the counts add up,
    /// and each row a tap can hit opens a different page.
    #[test]
    fn every_list_window_shows_its_page_and_counts_what_it_hides() {
        for rows in 3..12 {
            for count in 1..30 {
                for selected in 0..count {
                    let window = ListWindow::new(selected, count, rows);
                    let at = format!("{selected} of {count} in {rows} rows: {window:?}");
                    assert!((window.first..window.first + window.shown).contains(&selected), "{at}");
                    assert_eq!(window.above + window.shown + window.below, count, "{at}");
                    assert_eq!(window.above, window.first, "{at}");
                    let used = window.shown + usize::from(window.above > 0) + usize::from(window.below > 0);
                    assert!(used <= rows, "{at}");
                    let opened: Vec<usize> = (0..rows).filter_map(|row| window.page_at(row)).collect();
                    assert_eq!(opened.len(), used, "{at}");
                    assert!(
                        opened.windows(2).all(|pair| pair[0] < pair[1]) && opened.iter().all(|&p| p < count),
                        "{at}"
                    );
                    if selected + 1 < count {
                        assert!(opened.contains(&(selected + 1)), "the next page is a tap away: {at}");
                    }
                }
            }
        }
    }
}
