//! Large letters made of quadrant blocks (2×2 pixels a cell), from the font8x8 crate's 8×8
//! glyphs: each letter is 4 columns wide and 4 rows high.

use font8x8::legacy::{BASIC_LEGACY, LATIN_LEGACY};

/// Columns one large letter takes.
pub const LETTER_WIDTH: usize = 4;
/// Rows one line of large letters takes.
pub const LETTER_HEIGHT: usize = 4;

/// `text` as rows of large letters, words wrapped to `width` columns; `None` when a word is
/// too wide or a letter is not in the font (the caller then shows ordinary text).
pub fn big_rows(text: &str, width: usize) -> Option<Vec<String>> {
    let per_line = width / LETTER_WIDTH;
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
    let mut rows = Vec::with_capacity(lines.len() * LETTER_HEIGHT);
    for line in &lines {
        let glyphs: Vec<[u8; 8]> = line.chars().map(glyph).collect::<Option<_>>()?;
        for pixel_row in (0..8).step_by(2) {
            let row: String = glyphs
                .iter()
                .flat_map(|glyph| {
                    (0..8).step_by(2).map(move |x| {
                        let on = |dx: usize, dy: usize| (glyph[pixel_row + dy] >> (x + dx)) & 1 == 1;
                        quadrant(on(0, 0), on(1, 0), on(0, 1), on(1, 1))
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
    fn letters_are_four_by_four_cells() {
        let rows = big_rows("Hi", 80).expect("fits");
        assert_eq!(rows.len(), LETTER_HEIGHT);
        assert!(rows.iter().all(|row| row.chars().count() == 2 * LETTER_WIDTH));
        assert_eq!(rows.concat().trim(), rows.concat().trim_matches(' '));
        assert!(rows.concat().contains('█'));
    }

    #[test]
    fn words_wrap_and_overlong_words_or_unknown_letters_give_up() {
        assert_eq!(big_rows("Riverside Spine Clinic", 40).expect("fits").len(), 3 * LETTER_HEIGHT);
        assert_eq!(big_rows("Riverside", 32), None);
        assert_eq!(big_rows("診療所", 80), None);
        assert!(big_rows("Clínica", 80).is_some());
    }
}
