//! A glance at a topic file's head: the lines before its first table, read one key a line, so
//! a search over a folder can bound a topic from its words as written, without lexing it
//! whole. TOML puts a topic's own keys (title, subtitle, keywords, summary) there; what
//! follows is in tables (sections, questions, codes), whose text is at best a heading.

use super::pieces::Field;
use super::sketch::{Slot, slot};

/// Where the head of `text` ends: the start of the first line that opens a table. None when
/// the head holds a multi-line string, whose lines may read as anything, or no table follows.
pub(super) fn head_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut line_start = 0;
    loop {
        let first =
            bytes[line_start..].iter().position(|&b| b != b' ' && b != b'\t').map(|n| line_start + n)?;
        if bytes[first] == b'[' {
            let head = &text[..line_start];
            return (!head.contains("\"\"\"") && !head.contains("'''")).then_some(line_start);
        }
        line_start += memchr_newline(&bytes[line_start..])? + 1;
    }
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

/// The field each line of `head` gives its words, as (where the line ends, its field): none
/// for a key that is not searched. A line that does not start with a key is part of the
/// array its key line opened, or else read as a title, to be sure.
pub(super) fn line_fields(head: &str) -> Vec<(usize, Option<Slot>)> {
    let mut fields = Vec::new();
    // The field of the array a key line left open, while it is.
    let mut open: Option<Option<Slot>> = None;
    let mut at = 0;
    for line in head.split_inclusive('\n') {
        at += line.len();
        let trimmed = line.trim_start();
        let field = match key_of(trimmed) {
            Some((key, value)) => {
                let field = field_of(key);
                // An array whose line holds no `]` at all is open until a line that does.
                open = (value.trim_start().starts_with('[') && !value.contains(']')).then_some(field);
                field
            }
            None if trimmed.starts_with(['"', '\'', ']', ',', '#']) || trimmed.is_empty() => {
                let field = open.unwrap_or(Some(slot(Field::Title)));
                if trimmed.contains(']') {
                    open = None;
                }
                field
            }
            None => {
                open = None;
                Some(slot(Field::Title))
            }
        };
        fields.push((at, field));
    }
    fields
}

/// The bare key a line starts with, and the rest after its `=`.
fn key_of(line: &str) -> Option<(&str, &str)> {
    let length = line.bytes().take_while(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-').count();
    let (key, rest) = line.split_at(length);
    let value = rest.trim_start().strip_prefix('=')?;
    (!key.is_empty()).then_some((key, value))
}

/// The field a topic's own key gives its text: none for one not searched, a title's for one
/// no topic has.
fn field_of(key: &str) -> Option<Slot> {
    match key {
        "keywords" | "also_called" | "id" => Some(slot(Field::Keyword)),
        "subtitle" => Some(slot(Field::Subtitle)),
        "summary" => Some(slot(Field::Body)),
        "language" | "category" | "url" | "related" => None,
        // The title, and keys no topic has.
        _ => Some(slot(Field::Title)),
    }
}

/// The text of `key = "text"` in `head`, when written on one line as a plain string.
pub(super) fn head_value<'t>(head: &'t str, key: &str) -> Option<&'t str> {
    head.lines().find_map(|line| {
        let (found, value) = key_of(line.trim_start())?;
        let value = value.trim().strip_prefix('"')?.strip_suffix('"')?;
        (found == key && !value.contains('"')).then_some(value)
    })
}

/// Each value of one of `keys` (plain ASCII words) anywhere in `text`, on lines `key = "…"`: a
/// code's system, code and label. Each key is looked for itself, many bytes at a time, rather
/// than every line read: a folder search asks this of every file that holds the typed words,
/// and reading each line was an eighth of `search fever` (perf).
pub(super) fn values_of<'t>(text: &'t str, keys: &'t [&str]) -> impl Iterator<Item = &'t str> {
    keys.iter().flat_map(move |&key| {
        memchr::memmem::find_iter(text.as_bytes(), key.as_bytes())
            .filter_map(move |at| value_at(text, at, key))
    })
}

/// The value of the line `key = …` when the `key` found at byte `at` of `text` is that line's
/// key: only white space before it on its line.
fn value_at<'t>(text: &'t str, at: usize, key: &str) -> Option<&'t str> {
    let line_start = memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |newline| newline + 1);
    let line_end = memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |newline| at + newline);
    if !text.get(line_start..at)?.chars().all(char::is_whitespace) {
        return None;
    }
    let (found, value) = key_of(text.get(at..line_end)?)?;
    (found == key).then(|| value.trim().trim_matches(['"', '\'']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_ends_at_the_first_table_unless_a_multi_line_string_comes_first() {
        assert_eq!(head_end("id = \"a\"\n  [review]\n"), Some(9));
        assert_eq!(head_end("summary = \"\"\"\n[not a table]\n\"\"\"\n[review]\n"), None);
        assert_eq!(head_end("id = \"a\"\n"), None);
    }

    #[test]
    fn each_head_line_reads_as_its_key_or_its_open_array() {
        let head = "title = \"T\"\nkeywords = [\n  \"a]\",\n  \"b\",\n]\nsummary = \"S\"\nurl = \"u\"\n\"title\" = \"Q\"\n";
        let fields: Vec<Option<Slot>> = line_fields(head).into_iter().map(|(_, field)| field).collect();
        let (title, keyword, body) =
            (Some(slot(Field::Title)), Some(slot(Field::Keyword)), Some(slot(Field::Body)));
        assert_eq!(fields, [title, keyword, keyword, title, title, body, None, title]);
    }

    #[test]
    fn plain_values_are_read_from_their_lines() {
        let head = "id = \"a\"\ntitle = \"Back pain\"\nlanguage = \"es\"\n";
        assert_eq!(head_value(head, "title"), Some("Back pain"));
        assert_eq!(head_value(head, "language"), Some("es"));
        assert_eq!(values_of("[[codes]]\ncode = \"22511\"\n", &["code"]).collect::<Vec<_>>(), ["22511"]);
        let text = "code = \"a\"\n barcode = \"b\"\n\u{a0}label = 'c d'\r\nx = \"code = e\"\ncodes = \"f\"\n\tsystem=CPT";
        let mut found: Vec<&str> = values_of(text, &["system", "code", "label"]).collect();
        let mut by_line: Vec<&str> = text
            .lines()
            .filter_map(|line| {
                let (key, value) = key_of(line.trim_start())?;
                ["system", "code", "label"].contains(&key).then(|| value.trim().trim_matches(['"', '\'']))
            })
            .collect();
        found.sort_unstable();
        by_line.sort_unstable();
        assert_eq!(found, ["CPT", "a", "c d"]);
        assert_eq!(found, by_line, "each key found as reading every line finds it");
    }
}
