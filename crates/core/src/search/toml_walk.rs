//! Where a topic file's TOML tokens stand: which table and key each string value is under,
//! and so what kind of text it is. Read from `toml_parser`'s lexer, with no parse into a topic;
//! a document the walk cannot follow is said to be unsure, and its texts read as titles.

use std::borrow::Cow;

use toml_parser::Source;
use toml_parser::lexer::TokenKind;

use super::pieces::Field;
use super::sketch::{Slot, slot};

/// What a value's key makes of its text, by where it stands in a topic file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// The topic's title: found, and its place in the list.
    TopicTitle,
    /// Text a reader may find, in this field.
    Text(Slot),
    /// A section's kind: its default heading and short name, from the catalog, are found too.
    SectionKind,
    /// A code's system, code or label (found by staff).
    Code,
    /// The topic's language.
    Language,
    /// Not searched: a date, a link, a review, a source.
    Skipped,
}

/// A string value's text: as written when it holds no escape, else decoded.
pub(super) fn string_value<'i>(raw: toml_parser::Raw<'i>, kind: TokenKind) -> Cow<'i, str> {
    let written = raw.as_str();
    let quotes = match kind {
        TokenKind::BasicString if !written.contains('\\') => Some(1),
        TokenKind::MlBasicString if !written.contains('\\') => Some(3),
        TokenKind::LiteralString => Some(1),
        TokenKind::MlLiteralString => Some(3),
        _ => None,
    };
    let inside = quotes.and_then(|quotes| {
        let closed = written.len() >= 2 * quotes && written.ends_with(&written[..quotes]);
        closed.then(|| written.get(quotes..written.len() - quotes)).flatten()
    });
    if let Some(inside) = inside {
        return Cow::Borrowed(inside);
    }
    let mut decoded: Cow<'i, str> = Cow::Borrowed("");
    let _ = raw.decode_scalar(&mut decoded, &mut ());
    decoded
}

/// What the key path of a value (its table's names, then its own) makes of its text.
fn classify(path: &[&str], staff: bool) -> Class {
    match path {
        ["title"] => Class::TopicTitle,
        ["keywords" | "also_called" | "id"] => Class::Text(slot(Field::Keyword)),
        ["subtitle"] => Class::Text(slot(Field::Subtitle)),
        ["summary"] | ["sections", "intro" | "items"] | ["faq", "question" | "answer"] => {
            Class::Text(slot(Field::Body))
        }
        ["sections", "title"] => Class::Text(slot(Field::Heading)),
        ["sections", "kind"] => Class::SectionKind,
        ["language"] => Class::Language,
        ["codes", ..] if staff => Class::Code,
        ["category" | "url" | "related"]
        | ["sections", "steps" | "audience"]
        | ["codes" | "review" | "sources" | "check", ..] => Class::Skipped,
        // A key no topic has: its file will not load, but it is read as a title to be sure.
        _ => Class::Text(slot(Field::Title)),
    }
}

/// Where the lexer's tokens stand in a TOML document: which table, which key, how deep in
/// arrays and inline tables. Enough to name the key of every value, not a parser: a document
/// that is not TOML is walked somehow, and said to be unsure.
pub(super) struct Walk<'i> {
    staff: bool,
    /// The names of the current `[table]` or `[[array of tables]]`.
    table_names: Vec<Cow<'i, str>>,
    /// The number of the table being read: each header and each inline table starts one.
    pub table: usize,
    /// The key being read, or whose value is being read.
    key: Vec<Cow<'i, str>>,
    /// Open arrays (none) and inline tables (the key path they stand under).
    open: Vec<Option<Vec<Cow<'i, str>>>>,
    state: WalkState,
    /// What the key being read makes of its values.
    class: Class,
    /// Whether a token came that the walk could not place.
    pub unsure: bool,
    /// Whether the file has questions and answers (a `faq` key or table).
    pub faq_seen: bool,
}

#[derive(Default, Clone, Copy, PartialEq, Eq)]
enum WalkState {
    /// At the start of a line, outside any value.
    #[default]
    LineStart,
    /// Reading a `[table]` header's names.
    Header,
    /// After a header's first `]`: its second, or the end of the line.
    HeaderEnd,
    /// Reading a key's names, up to `=`.
    Key,
    /// After `=`, `[` or `,` in an array: a value comes.
    Value,
    /// After a value: `,`, a closing bracket, or the end of the line.
    AfterValue,
}

/// The most names a key path is read with; a longer one is no topic's.
const PATH_NAMES: usize = 4;

impl<'i> Walk<'i> {
    pub fn new(staff: bool) -> Walk<'i> {
        Walk {
            staff,
            table_names: Vec::new(),
            table: 0,
            key: Vec::new(),
            open: Vec::new(),
            state: WalkState::LineStart,
            class: Class::Skipped,
            unsure: false,
            faq_seen: false,
        }
    }

    /// Takes `token`: what to make of it when it is a string value.
    pub fn step(&mut self, source: &Source<'i>, token: &toml_parser::lexer::Token) -> Option<Class> {
        use WalkState::{AfterValue, Header, HeaderEnd, Key, LineStart, Value};
        let kind = token.kind();
        if matches!(kind, TokenKind::Whitespace | TokenKind::Comment | TokenKind::Eof) {
            return None;
        }
        let name = |token: &toml_parser::lexer::Token| -> Cow<'i, str> {
            let Some(raw) = source.get(token) else { return Cow::Borrowed("") };
            if kind == TokenKind::Atom {
                return Cow::Borrowed(raw.as_str());
            }
            let mut decoded: Cow<'i, str> = Cow::Borrowed("");
            raw.decode_key(&mut decoded, &mut ());
            decoded
        };
        let is_name = matches!(kind, TokenKind::Atom | TokenKind::BasicString | TokenKind::LiteralString);
        let is_string = kind.encoding().is_some();
        match (self.state, kind) {
            (LineStart, TokenKind::Newline)
            | (Header, TokenKind::LeftSquareBracket | TokenKind::Dot)
            | (HeaderEnd, TokenKind::RightSquareBracket)
            | (Key, TokenKind::Dot) => {}
            (LineStart, TokenKind::LeftSquareBracket) => {
                self.table_names.clear();
                self.table += 1;
                self.state = Header;
            }
            (Header, _) if is_name => self.table_names.push(name(token)),
            (Header, TokenKind::RightSquareBracket) => self.state = HeaderEnd,
            (HeaderEnd, TokenKind::Newline) => self.state = LineStart,
            (LineStart | Key, _) if is_name => {
                self.key.push(name(token));
                self.state = Key;
            }
            (Key, TokenKind::Equals) => {
                self.class = self.classify();
                self.state = Value;
            }
            (Value, _) if is_string => {
                self.state = AfterValue;
                return Some(self.class);
            }
            (Value, TokenKind::LeftSquareBracket) => self.open.push(None),
            (Value, TokenKind::LeftCurlyBracket) => {
                self.table += 1;
                self.open.push(Some(std::mem::take(&mut self.key)));
                self.state = Key;
            }
            // A number, a date, a boolean: not text.
            (Value | AfterValue, TokenKind::Atom | TokenKind::Dot) => self.state = AfterValue,
            (Value | AfterValue, TokenKind::Newline) if matches!(self.open.last(), Some(None)) => {}
            // TOML 1.1 lets an inline table go over lines.
            (Key | AfterValue, TokenKind::Newline) if matches!(self.open.last(), Some(Some(_))) => {}
            (Value | AfterValue, TokenKind::RightSquareBracket) if matches!(self.open.last(), Some(None)) => {
                self.open.pop();
                self.state = AfterValue;
            }
            (AfterValue | Key, TokenKind::RightCurlyBracket) if matches!(self.open.last(), Some(Some(_))) => {
                if let Some(Some(outer)) = self.open.pop() {
                    self.key = outer;
                }
                self.state = AfterValue;
            }
            (AfterValue, TokenKind::Comma) => match self.open.last() {
                Some(None) => self.state = Value,
                Some(Some(_)) => {
                    self.key.clear();
                    self.state = Key;
                }
                None => self.unsure = true,
            },
            (AfterValue, TokenKind::Newline) if self.open.is_empty() => {
                self.key.clear();
                self.state = LineStart;
            }
            _ => {
                self.unsure = true;
                // Back to a known footing at the next line.
                if kind == TokenKind::Newline && self.open.is_empty() {
                    self.key.clear();
                    self.state = LineStart;
                }
                // A text met where the walk is lost is read as a title, to be sure.
                if is_string {
                    return Some(Class::Text(slot(Field::Title)));
                }
            }
        }
        None
    }

    /// The first name of the path a value stands under: its table's, or its key's.
    pub fn table_name(&self) -> Option<&str> {
        let inline = self.open.iter().flatten().find_map(|outer| outer.first());
        self.table_names.first().or(inline).or(self.key.first()).map(AsRef::as_ref)
    }

    /// What the key just read makes of its values, by the names it stands under: its table's,
    /// each open inline table's key's, its own.
    fn classify(&mut self) -> Class {
        let mut names = [""; PATH_NAMES];
        let mut count = 0;
        let all = self.table_names.iter().chain(self.open.iter().flatten().flatten()).chain(&self.key);
        for name in all {
            if count == PATH_NAMES {
                return Class::Text(slot(Field::Title));
            }
            names[count] = name;
            count += 1;
        }
        self.faq_seen |= names[0] == "faq";
        classify(&names[..count], self.staff)
    }
}
