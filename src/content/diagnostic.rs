//! Problems found in content files, each pinned to a file, line and column.

use std::borrow::Cow;
use std::fmt;

use super::validate::unsafe_character;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The file loads, but something an editor should fix is missing or odd.
    Warning,
    /// The file is skipped: the kiosk shows the rest of the library without it.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A line and column in a file, both counted from 1; the column counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The character on that line, from 1.
    pub column: usize,
}

impl Position {
    /// The start of a file.
    pub const START: Position = Position { line: 1, column: 1 };

    /// The position of byte `offset` in `text` (clamped to the text, and to a character start).
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position { line: before.matches('\n').count() + 1, column: before[line_start..].chars().count() + 1 }
    }
}

/// One problem in one content file, printed as `path:line:column: severity: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as the editor named it (a folder path), or `(bundled)/name` for bundled content.
    pub file: String,
    /// Where in the file.
    pub position: Position,
    /// Whether the file was skipped.
    pub severity: Severity,
    /// What is wrong, in one line.
    pub message: String,
}

impl Diagnostic {
    /// An error at a position.
    pub fn error(file: &str, position: Position, message: impl Into<String>) -> Diagnostic {
        Diagnostic { file: file.to_owned(), position, severity: Severity::Error, message: message.into() }
    }

    /// A warning at a position.
    pub fn warning(file: &str, position: Position, message: impl Into<String>) -> Diagnostic {
        Diagnostic { file: file.to_owned(), position, severity: Severity::Warning, message: message.into() }
    }
}

impl fmt::Display for Diagnostic {
    /// File names and messages can quote a file's own bytes, so anything that could steer a
    /// terminal is shown escaped.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Position { line, column } = self.position;
        let (file, message) = (printable(&self.file), printable(&self.message));
        write!(f, "{file}:{line}:{column}: {}: {message}", self.severity)
    }
}

/// `text` with control and bidirectional-control characters written as `\u{..}` escapes.
pub fn printable(text: &str) -> Cow<'_, str> {
    if unsafe_character(text).is_none() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if unsafe_character(c.encode_utf8(&mut [0; 4])).is_some() {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let text = "a = 1\nb = \"é\"\nc";
        assert_eq!(Position::of_offset(text, 0), Position { line: 1, column: 1 });
        assert_eq!(Position::of_offset(text, 6), Position { line: 2, column: 1 });
        // "é" is two bytes; the column after it counts it once.
        assert_eq!(Position::of_offset(text, 13), Position { line: 2, column: 7 });
        assert_eq!(Position::of_offset(text, 999), Position { line: 3, column: 2 });
    }

    #[test]
    fn printing_escapes_what_could_steer_a_terminal() {
        let diagnostic =
            Diagnostic::error("a\u{1b}.toml", Position::START, "unknown field `x\u{9b}\u{202e}`");
        assert_eq!(diagnostic.to_string(), "a\\u{1b}.toml:1:1: error: unknown field `x\\u{9b}\\u{202e}`");
        assert_eq!(printable("plain\ntext"), "plain\ntext");
    }
}
