//! The attract screen: what a locked kiosk shows between readers.

use ratatui_core::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui_core::terminal::Frame;
use ratatui_core::text::Line;
use ratatui_widgets::paragraph::Paragraph;
use ratatui_widgets::paragraph::Wrap;

use crate::app::App;
use kiosk_content::i18n::Msg;

use super::big_text::big_rows;
use super::chrome::flash;
use super::theme::Theme;

/// The clinic's name large, "Press any key to start", and the topics on offer.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let catalog = app.catalog();
    let name = match app.settings().clinic_name.as_str() {
        "" => catalog.text(Msg::AppTitle),
        name => name,
    };
    let topics: Vec<&str> = app.home_topics().iter().map(|t| t.title.as_str()).collect();
    let glyphs = &app.settings().glyphs;
    let topics =
        format!("{} {}", catalog.text(Msg::AttractTopics), topics.join(&format!(" {} ", glyphs.dot)));
    let start =
        format!("  {}  ", catalog.text(super::for_touch(app, Msg::AttractStart, Msg::AttractStartTouch)));

    // Large letters when they fit with the rest; the name in ordinary bold text when not.
    let room = usize::from(area.height).saturating_sub(6);
    let big = big_rows(name, usize::from(area.width).saturating_sub(4), glyphs.blocks)
        .filter(|rows| rows.len() <= room);
    let name_lines: Vec<Line> = match big {
        Some(rows) => rows.into_iter().map(|row| Line::styled(row, theme.heading)).collect(),
        None => vec![Line::styled(name, theme.heading)],
    };
    let name_height = name_lines.len() as u16;
    let [name_area, _, start_area, _, topics_area] = Layout::vertical([
        Constraint::Length(name_height),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(2),
    ])
    .flex(Flex::Center)
    .areas(area);
    frame.render_widget(Paragraph::new(name_lines).alignment(Alignment::Center), name_area);
    let [button] = Layout::horizontal([Constraint::Length(start.chars().count() as u16)])
        .flex(Flex::Center)
        .areas(start_area);
    frame.render_widget(Paragraph::new(start).style(theme.selected), button);
    let topics =
        Paragraph::new(topics).style(theme.quiet).alignment(Alignment::Center).wrap(Wrap { trim: true });
    frame.render_widget(topics, topics_area);
    let bottom = Rect { y: area.bottom().saturating_sub(1), height: 1, ..area };
    flash(frame, bottom, app, theme);
}
