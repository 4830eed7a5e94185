//! The header and footer every screen shares.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{App, hint_areas, hints};
use crate::i18n::Msg;

use super::theme::Theme;

/// The header: the kiosk's name, then where the reader is.
pub fn header(frame: &mut Frame, area: Rect, app: &App, place: Option<&str>, theme: &Theme) {
    let mut spans = vec![Span::raw(" "), Span::raw(app.catalog().text(Msg::AppTitle))];
    if let Some(place) = place {
        spans.push(Span::raw(" › "));
        spans.push(Span::raw(place));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.header), area);
}

/// The footer: the keys that work on this screen, each where a tap presses it.
pub fn footer(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    frame.render_widget(Paragraph::new("").style(theme.footer), area);
    for (hint_area, hint) in hint_areas(area, &hints(app), app.catalog()) {
        frame.render_widget(Paragraph::new(app.catalog().text(hint.msg)).style(theme.footer), hint_area);
    }
}
