//! The staff panel: the PIN screen and the staff menu, in a box over the patient's screen.

use ratatui_core::layout::{Constraint, Flex, Layout, Rect};
use ratatui_core::terminal::Frame;
use ratatui_core::text::{Line, Span};
use ratatui_widgets::block::Block;
use ratatui_widgets::block::Padding;
use ratatui_widgets::paragraph::Paragraph;
use ratatui_widgets::paragraph::Wrap;

use crate::app::{App, StaffPanel};
use kiosk_content::i18n::Msg;

use super::theme::Theme;

/// Draws the open staff panel.
pub fn render(frame: &mut Frame, area: Rect, app: &App, panel: &StaffPanel, theme: &Theme) {
    let catalog = app.catalog();
    let settings = app.settings();
    let (title, lines) = match panel {
        StaffPanel::Pin { digits } => {
            let mut lines = Vec::new();
            if settings.pin_hash.is_none() {
                lines.push(Line::styled(catalog.text(Msg::PinNotSetUp), theme.warning));
            } else if app.pin_locked_out() {
                let minutes = app.pin_minutes_left().to_string();
                lines.push(Line::styled(
                    catalog.format(Msg::PinLockedOut, &[("minutes", &minutes)]),
                    theme.warning,
                ));
            } else {
                lines.push(Line::from(catalog.text(Msg::PinPrompt)));
                lines.push(Line::default());
                // Masked: one dot a digit, and a cursor block for the next.
                let glyphs = &settings.glyphs;
                let mask = format!("{}{}", format!("{} ", glyphs.mask).repeat(digits.len()), glyphs.cursor);
                lines.push(Line::styled(mask, theme.strong));
            }
            // Problems are for staff: they show in the menu, past the PIN.
            lines.push(Line::default());
            lines.push(Line::styled(catalog.text(Msg::PinCancel), theme.quiet));
            (catalog.text(Msg::PinTitle), lines)
        }
        StaffPanel::Checking => {
            (catalog.text(Msg::PinTitle), vec![Line::from(catalog.text(Msg::PinChecking))])
        }
        StaffPanel::Menu => {
            let staff = if app.staff() { Msg::MenuStaffOff } else { Msg::MenuStaffOn };
            let mut lines = vec![Line::styled(catalog.text(staff), theme.strong)];
            if settings.content_folder {
                lines.push(Line::styled(catalog.text(Msg::MenuReload), theme.strong));
            }
            lines.push(Line::styled(catalog.text(Msg::MenuExit), theme.strong));
            lines.push(Line::styled(catalog.text(Msg::MenuBack), theme.strong));
            lines.push(Line::default());
            // Which build and which content this kiosk of a fleet runs.
            let content = Some(app.content_revision()).filter(|revision| !revision.is_empty());
            let parts: Vec<String> = [
                Some(settings.version.clone()).filter(|version| !version.is_empty()),
                content.map(|revision| catalog.format(Msg::MenuContent, &[("revision", revision)])),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !parts.is_empty() {
                lines.push(Line::styled(parts.join(&format!(" {} ", settings.glyphs.dot)), theme.quiet));
            }
            let notices = app.notices();
            if notices.is_empty() {
                lines.push(Line::styled(catalog.text(Msg::MenuNoProblems), theme.quiet));
            } else {
                lines.push(Line::styled(catalog.text(Msg::MenuProblems), theme.warning));
                lines.extend(notices.into_iter().map(|notice| {
                    Line::from(vec![Span::raw(format!("{} ", settings.glyphs.bullet)), Span::raw(notice)])
                }));
            }
            (catalog.text(Msg::MenuTitle), lines)
        }
    };
    let width = 72.min(area.width);
    let inner_width = usize::from(width.saturating_sub(4)).max(1);
    let wrapped_rows: usize =
        lines.iter().map(|line| textwrap::wrap(&line.to_string(), inner_width).len().max(1)).sum();
    let height = (wrapped_rows as u16 + 2).min(area.height);
    let [row] = Layout::vertical([Constraint::Length(height)]).flex(Flex::Center).areas(area);
    let [boxed] = Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center).areas(row);
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), theme.heading))
        .border_style(theme.border)
        .padding(Padding::horizontal(1));
    super::clear(frame, boxed, theme);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), boxed);
}
