//! "Take this home": the topic's web address as a QR code a phone can scan, drawn dark on
//! light whatever the theme, with a quiet zone, in the blocks the terminal's font has; when it
//! does not fit, the address as large as it fits and what the code would need.

use ratatui_core::buffer::Buffer;
use ratatui_core::layout::{Constraint, Flex, Layout, Rect};
use ratatui_core::style::{Color, Style};
use ratatui_core::terminal::Frame;
use ratatui_core::text::Line;
use ratatui_widgets::block::Block;
use ratatui_widgets::paragraph::Paragraph;
use ratatui_widgets::paragraph::Wrap;

use crate::app::{App, address_lines};
use crate::handout::qr::QrModules;
use kiosk_content::i18n::Msg;

use super::big_text::{big_rows, letter_size};
use super::theme::Theme;
use crate::glyphs::Blocks;

/// Draws the panel over the whole screen.
pub fn render(frame: &mut Frame, area: Rect, app: &App, url: &str, theme: &Theme) {
    let catalog = app.catalog();
    let glyphs = &app.settings().glyphs;
    super::clear(frame, area, theme);
    let code = QrModules::new(url);
    let drawing =
        code.as_ref().map_or(CodeDrawing::FullBlocks, |code| CodeDrawing::choose(glyphs.blocks, code, area));
    let (code_width, code_rows) = code.as_ref().map_or((0, 0), |c| drawing.size(c));
    let fits = code.is_some() && code_width <= area.width && code_rows <= area.height;

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
            drawing.draw(frame.buffer_mut(), code_area, code, glyphs.full_block);
            text_area
        }
        _ => area,
    };
    // Inside the text's padding of a column either side.
    let room = usize::from(text_area.width).saturating_sub(2).max(1);
    let mut text = vec![Line::styled(catalog.text(Msg::TakeHomeTitle), theme.heading), Line::default()];
    if fits {
        text.push(Line::from(catalog.text(Msg::TakeHomeScan)));
        text.push(Line::default());
        text.extend(address_lines(url, room).into_iter().map(|line| Line::styled(line, theme.strong)));
    } else {
        text.push(Line::styled(catalog.text(Msg::TakeHomeTooSmall), theme.warning));
        text.push(Line::default());
        // The address as large as the screen allows, since there is no code to scan.
        match big_address(url, room, glyphs.blocks).filter(|rows| rows.len() + 10 <= usize::from(area.height))
        {
            Some(rows) => text.extend(rows.into_iter().map(|row| Line::styled(row, theme.strong))),
            None => {
                text.extend(
                    address_lines(url, room).into_iter().map(|line| Line::styled(line, theme.strong)),
                );
            }
        }
        if code.is_some() {
            text.push(Line::default());
            let needs = catalog.format(
                Msg::TakeHomeNeeds,
                &[
                    ("columns", &code_width.to_string()),
                    ("rows", &code_rows.to_string()),
                    ("width", &area.width.to_string()),
                    ("height", &area.height.to_string()),
                ],
            );
            text.push(Line::from(needs));
        }
    }
    text.push(Line::default());
    text.push(Line::styled(
        catalog.text(super::for_touch(app, Msg::TakeHomeClose, Msg::TakeHomeCloseTouch)),
        theme.quiet,
    ));

    let block = Block::new().padding(ratatui_widgets::block::Padding::uniform(1));
    frame.render_widget(Paragraph::new(text).block(block).wrap(Wrap { trim: false }), text_area);
}

/// The address without its scheme in large letters, a line for each part between slashes;
/// `None` when a part does not fit across.
fn big_address(url: &str, width: usize, blocks: Blocks) -> Option<Vec<String>> {
    let address = url.split_once("://").map_or(url, |(_, rest)| rest);
    let mut rows = Vec::new();
    for part in address.split_inclusive('/') {
        let part_rows = big_rows(part, width, blocks)?;
        (part_rows.len() == letter_size(blocks).1).then_some(())?;
        rows.extend(part_rows);
    }
    Some(rows)
}

/// How the code's modules become cells.
#[derive(Debug, Clone, Copy)]
enum CodeDrawing {
    /// A cell is two modules, one above the other: square modules on any font twice as tall as
    /// wide. A cell whose modules match is its background alone; one whose modules differ is a
    /// lower half block in the bottom module's colour on the top module's. Fonts draw that block
    /// down to the cell's bottom, but the upper one not always from its top: xterm with DejaVu
    /// Sans Mono left a line of the wrong colour there, and phones could not read past it.
    HalfBlocks,
    /// A module is two cells side by side, each all dark or all light: square on such fonts,
    /// for consoles whose fonts have no half blocks.
    FullBlocks,
}

impl CodeDrawing {
    /// Whole cells whenever the code fits that way: a cell's background fills it exactly on
    /// every terminal, where a font's half block can leave a seam a phone cannot read past.
    /// Half blocks where whole cells do not fit and the font has them.
    fn choose(blocks: Blocks, code: &QrModules, area: Rect) -> CodeDrawing {
        let (width, rows) = CodeDrawing::FullBlocks.size(code);
        let whole_cells_fit = width <= area.width && rows <= area.height;
        match blocks {
            Blocks::Quadrants | Blocks::HalfBlocks if !whole_cells_fit => CodeDrawing::HalfBlocks,
            _ => CodeDrawing::FullBlocks,
        }
    }

    /// Columns and rows the code takes.
    fn size(self, code: &QrModules) -> (u16, u16) {
        let size = code.size as u16;
        match self {
            CodeDrawing::HalfBlocks => (size, size.div_ceil(2)),
            CodeDrawing::FullBlocks => (2 * size, size),
        }
    }

    /// Dark modules black, light ones light grey, whatever the theme: the Linux console shows
    /// only 8 background colours, so not white.
    fn draw(self, buffer: &mut Buffer, area: Rect, code: &QrModules, full_block: Option<&str>) {
        let colour = |dark: bool| if dark { Color::Black } else { Color::Gray };
        for row in 0..area.height {
            for column in 0..area.width {
                let Some(cell) = buffer.cell_mut((area.x + column, area.y + row)) else { continue };
                let (x, y) = (usize::from(column), usize::from(row));
                match self {
                    CodeDrawing::HalfBlocks => {
                        let (top, bottom) = (code.is_dark(x, 2 * y), code.is_dark(x, 2 * y + 1));
                        let symbol = if top == bottom { " " } else { "▄" };
                        cell.set_symbol(symbol).set_style(Style::new().fg(colour(bottom)).bg(colour(top)));
                    }
                    CodeDrawing::FullBlocks => {
                        // The block where the font has one, and the background colour either way.
                        let dark = code.is_dark(x / 2, y);
                        let symbol = if dark { full_block.unwrap_or(" ") } else { " " };
                        cell.set_symbol(symbol).set_style(Style::new().fg(colour(dark)).bg(colour(dark)));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_address_goes_large_a_line_for_each_part_between_slashes() {
        let rows = big_address("https://ex.org/spine", 80, Blocks::FullBlocks).expect("fits");
        assert_eq!(rows.len(), 2 * 8);
        assert_eq!(big_address("https://www.mayoclinic.org/tests-procedures", 80, Blocks::FullBlocks), None);
    }
}
