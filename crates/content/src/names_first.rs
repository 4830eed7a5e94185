//! A large content folder's topics without their pages: each file's head (id, language, title,
//! names, codes, review) read before the folder is read whole, so the kiosk lists the topics in
//! a fraction of the time a whole read takes. Nothing here is checked beyond what the head
//! needs: a file whose head does not read cleanly is left out until the whole read, which
//! reports its problems and settles which topics load.

use std::path::Path;

use super::library::Library;
use super::load::{FolderError, folder_vocabularies, in_parallel, sign_review, topic_file, topic_paths};
use super::model::Topic;
use super::sign_off::TrustedKeys;
use super::text_safety::{holds_invisible_format, unsafe_character};

/// The tables that hold a topic's pages, left out of its head.
const PAGE_TABLES: [&str; 4] = ["sections", "faq", "check", "sources"];

/// The topics of `dir` with their heads only (no sections, answers, checks or sources), first
/// file of a topic first, with the folder's vocabularies; reviewed only when signed with one of
/// `keys` (when there are any), as a whole read decides.
pub fn read_topic_names(dir: &Path, keys: &TrustedKeys) -> Result<Library, FolderError> {
    let paths = topic_paths(dir)?;
    let heads: Vec<Option<Topic>> =
        in_parallel(paths.len(), &|| |index| head_topic(&paths[index], dir, keys));
    let mut seen = std::collections::HashSet::new();
    // Kept in the heads' own vector (one adapter, so collected in place), where flattening
    // grew a new one by doubling: 1.2 MB of 13,334 heads.
    let topics = heads
        .into_iter()
        .filter_map(|head| head.filter(|topic| seen.insert((topic.id.clone(), topic.language.clone()))))
        .collect();
    Ok(Library::new(topics).with_vocabularies(folder_vocabularies(dir)))
}

/// The topic of the file at `path` with its head only, when the head reads cleanly and the
/// file is named for it.
fn head_topic(path: &Path, dir: &Path, keys: &TrustedKeys) -> Option<Topic> {
    let file = topic_file(path, dir, keys);
    let text = std::str::from_utf8(file.bytes.as_deref().ok()?).ok()?;
    // The parser reads Windows line ends as they are; only a byte-order mark is taken off.
    let head = head_of(text.strip_prefix('\u{feff}').unwrap_or(text));
    // What the whole read would warn of or refuse is left to it.
    if unsafe_character(&head).is_some() || holds_invisible_format(&head) {
        return None;
    }
    let mut topic: Topic = toml::from_str(&head).ok()?;
    if keys.in_use() {
        // Unsigned or changed: a draft, as the whole read says with its reason.
        let _ = sign_review(&mut topic.review, &file, keys);
    }
    (file.file_name == topic.file_name()).then_some(topic)
}

/// The lines of `text` outside the tables of [`PAGE_TABLES`]: the keys before the first table,
/// and every other table (`[review]`, `[[codes]]`) wherever it stands.
fn head_of(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut head = String::with_capacity(2048);
    // Where the part being kept starts, while one is.
    let mut kept_from = Some(0);
    // Only a `[` that starts a line (after spaces) starts a table: the few of those are
    // found without looking at every line.
    for at in memchr::memchr_iter(b'[', bytes) {
        let indent = bytes[..at].iter().rev().take_while(|b| matches!(b, b' ' | b'\t')).count();
        let line_start = at - indent;
        if line_start > 0 && bytes[line_start - 1] != b'\n' {
            continue;
        }
        let pages = PAGE_TABLES.contains(&table_name(&text[at..]));
        match (kept_from, pages) {
            (Some(from), true) => {
                head.push_str(&text[from..line_start]);
                kept_from = None;
            }
            (None, false) => kept_from = Some(line_start),
            _ => {}
        }
    }
    if let Some(from) = kept_from {
        head.push_str(&text[from..]);
    }
    head
}

/// The first key of a table's header line: `sections` of `[[sections]]` and of
/// `[sections.steps]`.
fn table_name(header: &str) -> &str {
    let name = header.trim_start_matches('[').trim_start();
    let end = name.find(|c: char| c == '.' || c == ']' || c.is_whitespace()).unwrap_or(name.len());
    name[..end].trim_matches('"')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_folder;
    use crate::model::ReviewStatus;

    /// A topic as the names give it: without its pages.
    fn head(topic: &Topic) -> Topic {
        Topic {
            sections: Vec::new(),
            faq: Vec::new(),
            teach_back: Vec::new(),
            sources: Vec::new(),
            ..topic.clone()
        }
    }

    fn heads(library: &Library) -> Vec<Topic> {
        library.topics().iter().map(head).collect()
    }

    #[test]
    fn the_names_of_the_bundled_folder_are_the_whole_reads_without_pages() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let names = read_topic_names(&folder, &TrustedKeys::NONE).expect("the folder reads");
        let whole = load_folder(&folder, &TrustedKeys::NONE).expect("the folder reads").library;
        assert!(!names.is_empty());
        assert_eq!(heads(&names), heads(&whole));
        assert_eq!(names.vocabularies(), whole.vocabularies());
    }

    /// A topic file named for its id, with `tables` after its keys.
    fn write_topic(dir: &Path, id: &str, tables: &str) {
        let text =
            format!("id = \"{id}\"\nlanguage = \"en\"\ntitle = \"Title {id}\"\nsummary = \"S.\"\n{tables}");
        std::fs::write(dir.join(format!("{id}.en.toml")), text).expect("write");
    }

    const SECTION: &str = "[[sections]]\nkind = \"overview\"\nitems = [\"One.\", [\"x\"]]\n";
    const REVIEWED: &str = "[review]\nstatus = \"reviewed\"\nreviewed_by = \"Dana Lee, MD\"\nreviewed_on = 2026-11-01\nnext_review = 2027-11-01\n";

    #[test]
    fn a_head_is_read_wherever_its_tables_stand_and_a_bad_page_does_not_hide_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        // The review after a page that does not read: the names still list it.
        write_topic(dir.path(), "after", &format!("{SECTION}\n{REVIEWED}"));
        write_topic(dir.path(), "misnamed", REVIEWED);
        std::fs::rename(dir.path().join("misnamed.en.toml"), dir.path().join("other.en.toml")).expect("mv");
        write_topic(dir.path(), "broken", "[review\nstatus = 1\n");
        write_topic(dir.path(), "escape", &format!("subtitle = \"\u{1b}[2J\"\n{REVIEWED}"));
        let names = read_topic_names(dir.path(), &TrustedKeys::NONE).expect("reads");
        let listed: Vec<(&str, ReviewStatus)> =
            names.topics().iter().map(|t| (t.id.as_str(), t.review.status)).collect();
        assert_eq!(listed, [("after", ReviewStatus::Reviewed)]);
    }

    #[test]
    fn with_sign_off_in_use_an_unsigned_topic_is_named_a_draft_as_the_whole_read_says() {
        let dir = tempfile::tempdir().expect("temp dir");
        write_topic(
            dir.path(),
            "claimed",
            &format!("{REVIEWED}[[sections]]\nkind = \"overview\"\nitems = [\"One.\"]\n"),
        );
        // A throw-away key: nothing here is signed with it.
        let keys = TrustedKeys::from_base64(&["RWSUMaSVioE88NxNVHx8pyeuJZkRR1fJvi71zYJdQSOaUE3LzSBdCQIs"]);
        assert!(keys.in_use());
        let names = read_topic_names(dir.path(), &keys).expect("reads");
        let whole = load_folder(dir.path(), &keys).expect("reads").library;
        assert_eq!(names.topics()[0].review.status, ReviewStatus::Draft);
        assert_eq!(heads(&names), heads(&whole));
    }

    #[test]
    fn the_head_keeps_every_table_but_the_pages_wherever_they_stand() {
        let text = "id = \"a\"\ntitle = \"A\"\n\n[[sections]]\nkind = \"overview\"\n\n  [review]\nstatus = \"draft\"\n\n[[faq]]\nq = 1\n[[ \"codes\" ]]\ncode = \"1\"\n[sections.x]\ny = 2\n";
        assert_eq!(
            head_of(text),
            "id = \"a\"\ntitle = \"A\"\n\n  [review]\nstatus = \"draft\"\n\n[[ \"codes\" ]]\ncode = \"1\"\n"
        );
    }

    #[test]
    fn a_table_is_named_by_its_first_key() {
        assert_eq!(table_name("[[sections]]"), "sections");
        assert_eq!(table_name("[sections.steps]"), "sections");
        assert_eq!(table_name("[ review ]"), "review");
        assert_eq!(table_name("[[\"faq\"]]"), "faq");
    }
}
