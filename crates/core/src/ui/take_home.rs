//! "Take this home": the topic's web address as a QR code a phone can scan, drawn dark on
//! light whatever the theme, with a quiet zone, or a plain message when it does not fit.

use ratatui_core::buffer::Buffer;
use ratatui_core::layout::{Constraint, Flex, Layout, Rect};
use ratatui_core::style::{Color, Style};
use ratatui_core::terminal::Frame;
use ratatui_core::text::Line;
use ratatui_widgets::block::Block;
use ratatui_widgets::paragraph::Paragraph;
use ratatui_widgets::paragraph::Wrap;

use crate::app::App;
use crate::handout::qr::QrModules;
use kiosk_content::i18n::Msg;

use super::theme::Theme;

/// Draws the panel over the whole screen.
pub fn render(frame: &mut Frame, area: Rect, app: &App, url: &str, theme: &Theme) {
    let catalog = app.catalog();
    super::clear(frame, area, theme);
    let code = QrModules::new(url);
    let (code_width, code_rows) =
        code.as_ref().map_or((0, 0), |c| (c.size as u16, c.size.div_ceil(2) as u16));
    let fits = code.is_some() && code_width <= area.width && code_rows <= area.height;

    let mut text = vec![Line::styled(catalog.text(Msg::TakeHomeTitle), theme.heading), Line::default()];
    if fits {
        text.push(Line::from(catalog.text(Msg::TakeHomeScan)));
    } else {
        text.push(Line::styled(catalog.text(Msg::TakeHomeTooSmall), theme.warning));
    }
    text.push(Line::default());
    text.push(Line::styled(url, theme.strong));
    text.push(Line::default());
    text.push(Line::styled(catalog.text(Msg::TakeHomeClose), theme.quiet));

    let text_area = match (&code, fits) {
        (Some(code), true) => {
            // The code on the left, the words beside it when there is room, else below it.
            let beside = area.width >= code_width + 24;
            let (code_area, text_area) = if beside {
                let [code_area, _, text_area] = Layout::horizontal([
                    Constraint::Length(code_width),
                    Constraint::Length(2),
                    Constraint::Fill(1),
                ])
                .areas(area);
                (code_area, text_area)
            } else {
                let [code_area, text_area] =
                    Layout::vertical([Constraint::Length(code_rows), Constraint::Fill(1)]).areas(area);
                (code_area, text_area)
            };
            let [code_area] =
                Layout::vertical([Constraint::Length(code_rows)]).flex(Flex::Center).areas(code_area);
            let [code_area] =
                Layout::horizontal([Constraint::Length(code_width)]).flex(Flex::Center).areas(code_area);
            draw_code(frame.buffer_mut(), code_area, code);
            text_area
        }
        _ => area,
    };
    let block = Block::new().padding(ratatui_widgets::block::Padding::uniform(1));
    frame.render_widget(Paragraph::new(text).block(block).wrap(Wrap { trim: false }), text_area);
}

/// Two modules a cell: the upper half block in the top module's colour on the bottom
/// module's colour, black for dark, white for light.
fn draw_code(buffer: &mut Buffer, area: Rect, code: &QrModules) {
    // Light grey, not white: the Linux console shows only 8 background colours.
    let colour = |dark: bool| if dark { Color::Black } else { Color::Gray };
    for row in 0..area.height {
        for column in 0..area.width {
            let (x, y) = (usize::from(column), 2 * usize::from(row));
            let style = Style::new().fg(colour(code.is_dark(x, y))).bg(colour(code.is_dark(x, y + 1)));
            if let Some(cell) = buffer.cell_mut((area.x + column, area.y + row)) {
                cell.set_symbol("▀").set_style(style);
            }
        }
    }
}
