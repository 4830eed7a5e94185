//! The help overlay: every key, in the reader's language.

use ratatui_core::layout::{Constraint, Flex, Layout, Rect};
use ratatui_core::terminal::Frame;
use ratatui_core::text::{Line, Span};
use ratatui_widgets::block::Block;
use ratatui_widgets::paragraph::Paragraph;
use ratatui_widgets::paragraph::Wrap;
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Key, help_rows};
use kiosk_content::i18n::Msg;

use super::theme::Theme;

/// The widest the column of key names may be.
const MAX_KEY_COLUMN: usize = 22;

/// Draws the help box over whatever is on screen.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let catalog = app.catalog();
    let rows: Vec<(String, &str)> = help_rows(app)
        .map(|(keys, meaning)| (catalog.text(keys).to_owned(), catalog.text(meaning)))
        .collect();
    // The staff key is whichever the configuration names: F12 unless set otherwise. A locked
    // kiosk does not offer it to patients: it is for staff, who know it.
    let mut rows = rows;
    let for_staff = !app.settings().locked || app.staff();
    if let Key::Function(number) = app.settings().staff_key
        && for_staff
    {
        let at = rows.len().saturating_sub(1).min(rows.len());
        rows.insert(at, (format!("F{number}"), catalog.text(Msg::HelpStaff)));
    }
    // The keys in a column as wide as the widest (within reason), each meaning wrapped beside
    // them, so the columns line up in every language and at every width.
    // Inside the border and a column of padding either side.
    let inner = usize::from(70.min(area.width).saturating_sub(4));
    let key_column = rows.iter().map(|(keys, _)| keys.width() + 2).max().unwrap_or(0).min(MAX_KEY_COLUMN);
    let meaning_width = inner.saturating_sub(key_column).max(8);
    // How to close it first, so it shows even when a small screen cuts the list short.
    let mut lines: Vec<Line> = vec![
        Line::styled(catalog.text(super::for_touch(app, Msg::HelpClose, Msg::HelpCloseTouch)), theme.quiet),
        Line::default(),
    ];
    for (keys, meaning) in rows {
        for (n, part) in textwrap::wrap(meaning, meaning_width).into_iter().enumerate() {
            let left = if n == 0 { format!("{keys:key_column$}") } else { " ".repeat(key_column) };
            lines.push(Line::from(vec![Span::styled(left, theme.strong), Span::raw(part.into_owned())]));
        }
    }

    let height = (lines.len() as u16 + 2).min(area.height);
    let width = 70.min(area.width);
    let [row] = Layout::vertical([Constraint::Length(height)]).flex(Flex::Center).areas(area);
    let [boxed] = Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center).areas(row);
    let block = Block::bordered()
        .title(Span::styled(format!(" {} ", catalog.text(Msg::HelpTitle)), theme.heading))
        .border_style(theme.border)
        .padding(ratatui_widgets::block::Padding::horizontal(1));
    super::clear(frame, boxed, theme);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), boxed);
}
