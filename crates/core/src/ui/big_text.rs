//! Large letters from the font8x8 crate's 8×8 glyphs, made of whatever blocks the terminal
//! draws: quadrants (2×2 pixels a cell: a letter is 4×4 cells), half blocks (1×2: 8×4) or
//! full blocks (1×1: 8×8, as on the Linux console's stock fonts).

use font8x8::legacy::{BASIC_LEGACY, LATIN_LEGACY};

use crate::glyphs::Blocks;

/// A letter's size in cells, and the pixels one cell shows, across and down.
fn cell_pixels(blocks: Blocks) -> (usize, usize) {
    match blocks {
        Blocks::Quadrants => (2, 2),
        Blocks::HalfBlocks => (1, 2),
        Blocks::FullBlocks => (1, 1),
    }
}

/// Columns and rows one large letter takes.
pub fn letter_size(blocks: Blocks) -> (usize, usize) {
    let (across, down) = cell_pixels(blocks);
    (8 / across, 8 / down)
}

/// `text` as rows of large letters, words wrapped to `width` columns; `None` when a word is
/// too wide or a letter is not in the font (the caller then shows ordinary text).
pub fn big_rows(text: &str, width: usize, blocks: Blocks) -> Option<Vec<String>> {
    let (letter_width, letter_height) = letter_size(blocks);
    let (across, down) = cell_pixels(blocks);
    let per_line = width / letter_width;
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        if word.chars().count() > per_line {
            return None;
        }
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= per_line => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    let mut rows = Vec::with_capacity(lines.len() * letter_height);
    for line in &lines {
        let glyphs: Vec<[u8; 8]> = line.chars().map(glyph).collect::<Option<_>>()?;
        for pixel_row in (0..8).step_by(down) {
            let row: String = glyphs
                .iter()
                .flat_map(|glyph| {
                    (0..8).step_by(across).map(move |x| {
                        let on = |dx: usize, dy: usize| (glyph[pixel_row + dy] >> (x + dx)) & 1 == 1;
                        match blocks {
                            Blocks::Quadrants => quadrant(on(0, 0), on(1, 0), on(0, 1), on(1, 1)),
                            Blocks::HalfBlocks => quadrant(on(0, 0), on(0, 0), on(0, 1), on(0, 1)),
                            Blocks::FullBlocks => quadrant(on(0, 0), on(0, 0), on(0, 0), on(0, 0)),
                        }
                    })
                })
                .collect();
            rows.push(row);
        }
    }
    Some(rows)
}

fn glyph(c: char) -> Option<[u8; 8]> {
    match c as u32 {
        code @ 0x20..=0x7E => Some(BASIC_LEGACY[code as usize]),
        code @ 0xA0..=0xFF => Some(LATIN_LEGACY[(code - 0xA0) as usize]),
        _ => None,
    }
}

/// The block character with these quarters lit.
fn quadrant(top_left: bool, top_right: bool, bottom_left: bool, bottom_right: bool) -> char {
    const BLOCKS: [char; 16] =
        [' ', '▗', '▖', '▄', '▝', '▐', '▞', '▟', '▘', '▚', '▌', '▙', '▀', '▜', '▛', '█'];
    let index = usize::from(top_left) << 3
        | usize::from(top_right) << 2
        | usize::from(bottom_left) << 1
        | usize::from(bottom_right);
    BLOCKS[index]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_take_the_cells_their_blocks_need() {
        for (blocks, size, drawn) in [
            (Blocks::Quadrants, (4, 4), "▘▝▖▗▚▞▙▛▜▟▌▐▀▄█ "),
            (Blocks::HalfBlocks, (8, 4), "▀▄█ "),
            (Blocks::FullBlocks, (8, 8), "█ "),
        ] {
            assert_eq!(letter_size(blocks), size);
            let rows = big_rows("Hi", 80, blocks).expect("fits");
            assert_eq!(rows.len(), size.1);
            assert!(rows.iter().all(|row| row.chars().count() == 2 * size.0));
            assert!(rows.concat().contains('█'));
            assert!(rows.concat().chars().all(|c| drawn.contains(c)), "{blocks:?}: {rows:?}");
        }
    }

    #[test]
    fn the_same_pixels_whatever_the_blocks() {
        // "H" in full blocks is its 8×8 bitmap; in half blocks, the same bitmap two rows a cell.
        let full = big_rows("H", 8, Blocks::FullBlocks).expect("fits");
        let half = big_rows("H", 8, Blocks::HalfBlocks).expect("fits");
        for (n, row) in half.iter().enumerate() {
            for (x, c) in row.chars().enumerate() {
                let (top, bottom) =
                    (full[2 * n].chars().nth(x) == Some('█'), full[2 * n + 1].chars().nth(x) == Some('█'));
                assert_eq!(c, quadrant(top, top, bottom, bottom));
            }
        }
    }

    #[test]
    fn words_wrap_and_overlong_words_or_unknown_letters_give_up() {
        assert_eq!(big_rows("Riverside Spine Clinic", 40, Blocks::Quadrants).expect("fits").len(), 3 * 4);
        assert_eq!(big_rows("Riverside", 32, Blocks::Quadrants), None);
        assert_eq!(big_rows("Riverside", 64, Blocks::FullBlocks), None);
        assert_eq!(big_rows("診療所", 80, Blocks::Quadrants), None);
        assert!(big_rows("Clínica", 80, Blocks::Quadrants).is_some());
    }
}
