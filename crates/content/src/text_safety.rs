//! Which characters must never reach a terminal from a content file: the one rule both the
//! validator (which refuses them) and the diagnostics (which quote files) apply.

/// A character that could reach the terminal as a control or reordering instruction.
pub fn unsafe_character(text: &str) -> Option<(usize, char)> {
    // Plain ASCII is passed a byte at a time (a byte is a character there); the characters are
    // read from the first byte that may be one of these on.
    let plain = text.bytes().take_while(|&b| matches!(b, b'\n' | b' '..=b'~')).count();
    let mut rest = text[plain..].chars().enumerate().map(|(n, c)| (plain + n, c));
    rest.find(|&(_, c)| (c.is_control() && c != '\n') || is_bidi_control(c))
}

/// Whether `text` holds an [`is_invisible_format`] character. Every one is beyond ASCII: a text
/// of ASCII alone, as most are, is passed without reading its characters.
pub fn holds_invisible_format(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(is_invisible_format)
}

/// Characters a terminal draws unlike ratatui counts them, or not at all: line and paragraph
/// separators, and invisible format characters (zero-width spaces and joiners, direction marks,
/// word joiners, soft hyphens). One of them could leave a cell of the last page on screen.
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// Bidirectional embeddings, overrides and isolates: they reorder the text around them, so a
/// file could make one thing look like another.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The byte-at-a-time start finds the same character, at the same place, as reading
        /// every character does.
        #[test]
        fn the_quick_start_finds_what_reading_every_character_finds(
            text in "[ -~\n\t\u{1b}\u{7f}\u{85}\u{202e}\u{2066}éñ]{0,40}",
        ) {
            let every = text.chars().enumerate().find(|&(_, c)| (c.is_control() && c != '\n') || is_bidi_control(c));
            prop_assert_eq!(unsafe_character(&text), every);
        }
    }
}
