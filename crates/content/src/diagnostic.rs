//! Problems found in content files, each pinned to a file, line and column.

use std::borrow::Cow;
use std::fmt;

use super::text_safety::{is_invisible_format, unsafe_character};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
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
        // Line ends found with vector instructions: `validate` places hundreds of thousands of
        // problems, each counting the lines before it.
        let line_start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |i| i + 1);
        let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
        Position { line, column: before[line_start..].chars().count() + 1 }
    }
}

/// Every code a problem in a content file can have ([`Diagnostic::code`]), the list
/// docs/content-format.md gives (a test holds the two together).
pub const CODES: &[&str] = &[
    "syntax",
    "unknown-key",
    "missing-key",
    "wrong-type",
    "bad-value",
    "not-utf8",
    "too-large",
    "unreadable",
    "not-a-file",
    "outside-folder",
    "file-name",
    "invisible-character",
    "duplicate-topic",
    "unsafe-text",
    "bad-id",
    "bad-language",
    "empty-text",
    "empty-code",
    "empty-label",
    "deleted-code",
    "custom-title",
    "billing-audience",
    "emergency-audience",
    "review-incomplete",
    "empty-section",
    "duplicate-section",
    "missing-section",
    "no-faq",
    "related",
    "check-answers",
    "check-right",
    "check-page",
    "source-without-link",
    "console-character",
    "url",
    "take-home-page",
    "triage",
    "signature",
    "readability",
    "review-overdue",
    "hidden",
    "vocabulary",
    "vocabulary-word",
    "vocabulary-means",
    "vocabulary-repeat",
    "vocabulary-unused",
    "catalog",
];

/// One problem in one content file, printed as `path:line:column: severity: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as the editor named it (a folder path), or `(bundled)/name` for bundled content.
    pub file: String,
    /// Where in the file.
    pub position: Position,
    /// Whether the file was skipped.
    pub severity: Severity,
    /// A short, stable name for the kind of problem, such as `unknown-key`, for CI pipelines.
    pub code: &'static str,
    /// What is wrong, in one line.
    pub message: String,
    /// How to fix it, when there is more to say: "did you mean `title`?"
    pub hint: Option<String>,
    /// The line of the file the problem is on, and where on it.
    pub excerpt: Option<Excerpt>,
}

/// The offending line of a file, for showing it with a caret under the spot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The line, without its line ending; characters that could steer a terminal are replaced
    /// one for one, so positions on the line stay right.
    pub line: String,
    /// The characters of `line` the problem is about (from 0).
    pub columns: std::ops::Range<usize>,
}

impl Excerpt {
    /// The line of `text` holding byte `span.start`, marking the span as far as that line goes.
    pub fn of_span(text: &str, span: std::ops::Range<usize>) -> Excerpt {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = &text[line_start..line_end];
        let first = text[line_start..start].chars().count();
        let last = text[line_start..end.min(line_end)].chars().count().max(first + 1);
        let shown: String = line.trim_end_matches('\r').chars().map(visible).collect();
        let width = shown.chars().count().max(first + 1);
        Excerpt { line: shown, columns: first..last.min(width) }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// A character safe to print: control characters become their Unicode control pictures
/// (U+2400 and on), bidirectional controls and invisible format characters a replacement mark;
/// one character for one.
fn visible(c: char) -> char {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        c if unsafe_character(c.encode_utf8(&mut [0; 4])).is_some() || is_invisible_format(c) => '\u{fffd}',
        c => c,
    }
}

impl Diagnostic {
    /// An error at a position.
    pub fn error(
        file: &str,
        position: Position,
        code: &'static str,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(file, position, Severity::Error, code, message)
    }

    /// A warning at a position.
    pub fn warning(
        file: &str,
        position: Position,
        code: &'static str,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(file, position, Severity::Warning, code, message)
    }

    fn new(
        file: &str,
        position: Position,
        severity: Severity,
        code: &'static str,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            file: file.to_owned(),
            position,
            severity,
            code,
            message: message.into(),
            hint: None,
            excerpt: None,
        }
    }

    /// A problem about bytes `span` of `text`: its position, and the line with the spot marked.
    pub fn at_span(
        file: &str,
        text: &str,
        span: std::ops::Range<usize>,
        severity: Severity,
        code: &'static str,
        message: impl Into<String>,
    ) -> Diagnostic {
        let position = Position::of_offset(text, span.start);
        Diagnostic {
            excerpt: Some(Excerpt::of_span(text, span)),
            ..Diagnostic::new(file, position, severity, code, message)
        }
    }

    /// The same problem, with a hint on how to fix it.
    pub fn with_hint(self, hint: Option<String>) -> Diagnostic {
        Diagnostic { hint, ..self }
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
            Diagnostic::error("a\u{1b}.toml", Position::START, "test", "unknown field `x\u{9b}\u{202e}`");
        assert_eq!(diagnostic.to_string(), "a\\u{1b}.toml:1:1: error: unknown field `x\\u{9b}\\u{202e}`");
        assert_eq!(printable("plain\ntext"), "plain\ntext");
    }
}
