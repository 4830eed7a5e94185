//! What shows when the window is too small for anything else.

use ratatui_core::layout::{Alignment, Constraint, Layout, Rect};
use ratatui_core::terminal::Frame;
use ratatui_widgets::paragraph::Paragraph;
use ratatui_widgets::paragraph::Wrap;

use crate::app::App;
use kiosk_content::i18n::Msg;

use super::theme::Theme;

/// "Please make this window larger", centred, wrapped to whatever width there is.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let text = app.catalog().text(Msg::TooSmall);
    let paragraph =
        Paragraph::new(text).style(theme.strong).alignment(Alignment::Center).wrap(Wrap { trim: true });
    let wrapped = textwrap::wrap(text, usize::from(area.width).max(1)).len();
    let rows = u16::try_from(wrapped).unwrap_or(u16::MAX).min(area.height);
    let [middle] =
        Layout::vertical([Constraint::Length(rows)]).flex(ratatui_core::layout::Flex::Center).areas(area);
    frame.render_widget(paragraph, middle);
}
