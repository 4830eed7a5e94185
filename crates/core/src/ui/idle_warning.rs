//! "Are you still there?": a full-width band with the countdown to the reset.

use ratatui_core::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui_core::terminal::Frame;
use ratatui_core::text::Line;
use ratatui_widgets::paragraph::Paragraph;
use ratatui_widgets::paragraph::Wrap;

use crate::app::App;
use kiosk_content::i18n::Msg;

use super::theme::Theme;

/// Draws the warning over the middle of the screen.
pub fn render(frame: &mut Frame, area: Rect, app: &App, seconds: u64, theme: &Theme) {
    let catalog = app.catalog();
    let countdown = match seconds {
        1 => catalog.text(Msg::IdleCountdownOne).to_owned(),
        n => catalog.format(Msg::IdleCountdownMany, &[("seconds", &n.to_string())]),
    };
    let lines = vec![
        Line::default(),
        Line::from(catalog.text(Msg::IdleTitle)),
        Line::from(catalog.text(super::for_touch(app, Msg::IdleBody, Msg::IdleBodyTouch))),
        Line::default(),
        Line::from(countdown),
        Line::default(),
    ];
    let [band] = Layout::vertical([Constraint::Length(lines.len() as u16)]).flex(Flex::Center).areas(area);
    super::clear(frame, band, theme);
    let paragraph =
        Paragraph::new(lines).style(theme.warning).alignment(Alignment::Center).wrap(Wrap { trim: true });
    frame.render_widget(paragraph, band);
}
