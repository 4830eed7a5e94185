//! Names a value inside a topic file (`sections[2].items[0]`) and finds where it is written.

use std::fmt;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostic::Position;

/// One step into a TOML document: a key of a table or an index into an array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment {
    /// A key of a table.
    Key(&'static str),
    /// An element of an array (from 0).
    Index(usize),
}

/// The path to a value in a topic file, such as `sections[2].items[0]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldPath(Vec<Segment>);

impl FieldPath {
    /// The whole file.
    pub fn root() -> FieldPath {
        FieldPath::default()
    }

    /// This path, then the table key `key`.
    pub fn key(&self, key: &'static str) -> FieldPath {
        self.with(Segment::Key(key))
    }

    /// This path, then the array element `index`.
    pub fn index(&self, index: usize) -> FieldPath {
        self.with(Segment::Index(index))
    }

    /// Whether the path ends with the table key `key` (`sources[2].url` ends with `url`).
    pub fn ends_with_key(&self, key: &str) -> bool {
        matches!(self.0.last(), Some(Segment::Key(last)) if *last == key)
    }

    fn with(&self, segment: Segment) -> FieldPath {
        let mut segments = self.0.clone();
        segments.push(segment);
        FieldPath(segments)
    }

    /// Where the value is written in `text`: the start of the deepest part of the path that
    /// exists there (a missing key points at its table), or the file's start.
    pub fn locate(&self, text: &str) -> Position {
        self.span(text).map_or(Position::START, |span| Position::of_offset(text, span.start))
    }

    /// The bytes of `text` that hold the value: the deepest part of the path that exists
    /// there; `None` when not even the first part does.
    pub fn span(&self, text: &str) -> Option<std::ops::Range<usize>> {
        self.span_in(&DeTable::parse(text).ok()?)
    }

    /// As [`FieldPath::span`], in a file parsed once for the spans of many paths: parsing it
    /// again for each of thousands of problems would take seconds.
    pub fn span_in(&self, root: &Spanned<DeTable<'_>>) -> Option<std::ops::Range<usize>> {
        let mut span = None;
        let mut table: Option<&DeTable<'_>> = Some(root.get_ref());
        let mut current: Option<&DeValue<'_>> = None;
        for segment in &self.0 {
            let found = match (segment, table, current) {
                (Segment::Key(key), Some(table), _) => table.get(*key),
                (Segment::Index(index), _, Some(value)) => value.get(*index),
                _ => None,
            };
            let Some(found) = found else { break };
            span = Some(found.span());
            current = Some(found.get_ref());
            table = found.get_ref().as_table();
        }
        span
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if n == 0 => write!(f, "{key}")?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "id = \"x\"\n\n[[sections]]\nkind = \"symptoms\"\n\n[[sections]]\nkind = \"recovery\"\nitems = [\"a\", \"b\"]\n";

    #[test]
    fn displays_like_toml_paths() {
        let path = FieldPath::root().key("sections").index(1).key("items").index(0);
        assert_eq!(path.to_string(), "sections[1].items[0]");
    }

    #[test]
    fn locates_nested_values() {
        let path = FieldPath::root().key("sections").index(1).key("items").index(1);
        assert_eq!(path.locate(FILE), Position { line: 8, column: 15 });
        assert_eq!(FieldPath::root().key("id").locate(FILE), Position { line: 1, column: 6 });
    }

    #[test]
    fn a_missing_key_points_at_its_table() {
        let path = FieldPath::root().key("sections").index(1).key("title");
        assert_eq!(path.locate(FILE), Position { line: 6, column: 1 });
        assert_eq!(FieldPath::root().key("faq").locate(FILE), Position::START);
    }
}
