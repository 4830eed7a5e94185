//! Which characters must never reach a terminal from a content file: the one rule both the
//! validator (which refuses them) and the diagnostics (which quote files) apply.

/// A character that could reach the terminal as a control or reordering instruction.
pub fn unsafe_character(text: &str) -> Option<(usize, char)> {
    text.chars().enumerate().find(|&(_, c)| (c.is_control() && c != '\n') || is_bidi_control(c))
}

/// Bidirectional embeddings, overrides and isolates: they reorder the text around them, so a
/// file could make one thing look like another.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}
