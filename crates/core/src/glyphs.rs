//! The one glyph table: every mark the kiosk draws of its own (the pointer at the chosen row,
//! the breadcrumb's arrow, the big letters' blocks …), chosen for what the terminal's font can
//! draw. A terminal emulator draws everything; the Linux console draws only its font's few
//! hundred characters, which the binary asks the console for (or takes the stock set).

use std::sync::Arc;

use kiosk_content::console::{console_stand_in, in_stock_console_font};
use ratatui_core::buffer::Buffer;

/// Which characters the terminal can draw.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Drawable {
    /// A terminal emulator with fonts for all of Unicode (and fallbacks).
    Everything,
    /// The Linux console with a font we could not ask about: what every stock font has.
    StockConsole,
    /// The Linux console with this font's characters, in code point order.
    Font(Arc<[char]>),
}

/// How pictures made of blocks (the big letters, the QR code) are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blocks {
    /// ▘▝▖▗ and the rest: four pixels a cell.
    Quadrants,
    /// ▀ ▄ █: two pixels a cell, one above the other.
    HalfBlocks,
    /// █ alone (or a coloured space): one pixel a cell.
    FullBlocks,
}

/// The marks the kiosk draws, as this terminal can draw them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glyphs {
    drawable: Drawable,
    /// Before the chosen row or button.
    pub pointer: &'static str,
    /// Between the parts of the header's place: "Vertebroplasty › Recovery".
    pub next: &'static str,
    /// Between items on one line.
    pub dot: &'static str,
    /// Where text was cut short.
    pub ellipsis: &'static str,
    /// Before a list item.
    pub bullet: &'static str,
    /// The typing cursor.
    pub cursor: &'static str,
    /// One typed digit of the staff PIN.
    pub mask: &'static str,
    /// "▲ 3 more": pages hidden above a list.
    pub up: &'static str,
    /// "▼ 4 more": pages hidden below a list.
    pub down: &'static str,
    /// "embolism → lungs": a word and what it led to.
    pub arrow: &'static str,
    /// A vertical rule.
    pub bar: &'static str,
    /// The solid block, or `None` when the font has none (pictures then use coloured spaces).
    pub full_block: Option<&'static str>,
    /// How block pictures are drawn.
    pub blocks: Blocks,
}

impl Default for Glyphs {
    fn default() -> Glyphs {
        Glyphs::unicode()
    }
}

impl Glyphs {
    /// For a terminal emulator: every mark as designed.
    pub fn unicode() -> Glyphs {
        Glyphs::choose(Drawable::Everything)
    }

    /// For the Linux console when its font cannot be asked: the stock fonts' shared characters.
    pub fn stock_console() -> Glyphs {
        Glyphs::choose(Drawable::StockConsole)
    }

    /// For the Linux console whose font draws exactly `characters`.
    pub fn console_font(characters: impl IntoIterator<Item = char>) -> Glyphs {
        let mut characters: Vec<char> = characters.into_iter().collect();
        characters.sort_unstable();
        characters.dedup();
        Glyphs::choose(Drawable::Font(characters.into()))
    }

    fn choose(drawable: Drawable) -> Glyphs {
        let can = |text: &str| text.chars().all(|c| drawable.can_draw(c));
        let first = |candidates: &[&'static str]| -> &'static str {
            candidates.iter().copied().find(|text| can(text)).unwrap_or(candidates[candidates.len() - 1])
        };
        let blocks = if can("▘▝▖▗▚▞▙▛▜▟▌▐▀▄█") {
            Blocks::Quadrants
        } else if can("▀▄█") {
            Blocks::HalfBlocks
        } else {
            Blocks::FullBlocks
        };
        Glyphs {
            pointer: first(&["▶", "►", ">"]),
            next: first(&["›", "»", ">"]),
            dot: first(&["·", "•", "-"]),
            ellipsis: first(&["…", "..."]),
            bullet: first(&["•", "*"]),
            cursor: first(&["█", "_"]),
            mask: first(&["●", "•", "*"]),
            arrow: first(&["→", "->"]),
            up: first(&["▲", "^"]),
            down: first(&["▼", "v"]),
            bar: first(&["│", "|"]),
            full_block: can("█").then_some("█"),
            blocks,
            drawable,
        }
    }

    /// Whether the terminal's font draws `c`.
    pub fn can_draw(&self, c: char) -> bool {
        self.drawable.can_draw(c)
    }

    /// Whether this is a console font, where text from content may need stand-ins.
    pub fn is_console(&self) -> bool {
        self.drawable != Drawable::Everything
    }

    /// Replaces, in a drawn frame, every character the font cannot draw with one that keeps
    /// its meaning (a plain hyphen for a dash, the letter without its accent), or `?`: the
    /// console would otherwise show a box, or a wrong letter.
    pub fn fit(&self, buffer: &mut Buffer) {
        if !self.is_console() {
            return;
        }
        for cell in &mut buffer.content {
            let symbol = cell.symbol();
            if symbol.chars().all(|c| self.can_draw(c)) {
                continue;
            }
            let mut chars = symbol.chars();
            let stand_in = match (chars.next(), chars.next()) {
                (Some(c), None) => console_stand_in(c, |c| self.can_draw(c)),
                // A letter and its combining accent: the letter alone.
                (Some(c), Some(_)) if self.can_draw(c) => Some(c),
                _ => None,
            };
            let mut text = [0; 4];
            cell.set_symbol(stand_in.unwrap_or('?').encode_utf8(&mut text));
        }
    }
}

impl Drawable {
    fn can_draw(&self, c: char) -> bool {
        match self {
            Drawable::Everything => true,
            Drawable::StockConsole => in_stock_console_font(c),
            Drawable::Font(characters) => c == ' ' || characters.binary_search(&c).is_ok(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui_core::layout::Rect;

    #[test]
    fn a_terminal_emulator_gets_the_marks_as_designed() {
        let glyphs = Glyphs::unicode();
        assert_eq!((glyphs.pointer, glyphs.next, glyphs.ellipsis), ("▶", "›", "…"));
        assert_eq!(glyphs.blocks, Blocks::Quadrants);
    }

    #[test]
    fn the_stock_console_gets_marks_every_stock_font_has() {
        let glyphs = Glyphs::stock_console();
        assert_eq!((glyphs.pointer, glyphs.next, glyphs.ellipsis, glyphs.mask), ("▶", "»", "...", "•"));
        assert_eq!(glyphs.blocks, Blocks::FullBlocks);
        assert_eq!(glyphs.full_block, Some("█"));
    }

    #[test]
    fn a_font_with_half_blocks_draws_pictures_with_them() {
        let font = (' '..='~').chain("▀▄█►".chars());
        let glyphs = Glyphs::console_font(font);
        assert_eq!(glyphs.blocks, Blocks::HalfBlocks);
        assert_eq!((glyphs.pointer, glyphs.dot, glyphs.bar), ("►", "-", "|"));
    }

    #[test]
    fn fit_replaces_what_the_font_cannot_draw() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 8, 1));
        buffer.set_string(0, 0, "a—“é”›診", ratatui_core::style::Style::new());
        Glyphs::console_font((' '..='~').chain(['é'])).fit(&mut buffer);
        let row: String = buffer.content.iter().map(ratatui_core::buffer::Cell::symbol).collect();
        assert_eq!(row, "a-\"é\">? ");
    }
}
