//! A large content folder's topics without their pages: each file's head (id, language, title,
//! names, codes, review) read before the folder is read whole, so the kiosk lists the topics in
//! a fraction of the time a whole read takes. Nothing here is checked beyond what the head
//! needs: a file whose head does not read cleanly is left out until the whole read, which
//! reports its problems and settles which topics load.

use std::path::Path;
use std::time::SystemTime;

use super::library::Library;
use super::load::{FolderError, folder_vocabularies, in_parallel, sign_review, topic_file, topic_paths};
use super::model::Topic;
use super::names_cache::{FileStamps, KeptNames};
use super::sign_off::TrustedKeys;
use super::text_safety::{holds_invisible_format, unsafe_character};

/// The tables that hold a topic's pages, left out of its head.
const PAGE_TABLES: [&str; 4] = ["sections", "faq", "check", "sources"];

/// The topics of `dir` with their heads only (no sections, answers, checks or sources), first
/// file of a topic first, with the folder's vocabularies; reviewed only when signed with one of
/// `keys` (when there are any), as a whole read decides.
pub fn read_topic_names(dir: &Path, keys: &TrustedKeys) -> Result<Library, FolderError> {
    let paths = topic_paths(dir)?;
    let heads = in_parallel(paths.len(), &|| |index| head_topic(&paths[index], dir, keys));
    Ok(names_library(heads, dir))
}

/// A names read that starts from the heads `kept` by the last one ([`KeptNames`]): only the
/// files changed since are read.
pub struct NamesRead {
    /// The topics with their heads only, as [`read_topic_names`] gives them.
    pub library: Library,
    /// The heads to keep for the next start, when they differ from those kept.
    pub to_keep: Option<Vec<u8>>,
    /// How many topic files were read; the others' heads were kept.
    pub files_read: usize,
    /// How many topic files there are.
    pub files: usize,
}

/// [`read_topic_names`], taking each unchanged file's head from those `kept` gives (read and
/// decoded on a second thread while the folder is listed); `now` is the time the heads to
/// keep are read at.
pub fn read_topic_names_keeping(
    dir: &Path,
    keys: &TrustedKeys,
    kept: impl FnOnce() -> KeptNames + Send,
    now: SystemTime,
) -> Result<NamesRead, FolderError> {
    let (paths, kept) = std::thread::scope(|scope| {
        let kept = scope.spawn(kept);
        (topic_paths(dir), kept.join())
    });
    let paths = paths?;
    let mut kept = kept.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    let names: Vec<&str> = paths
        .iter()
        .map(|path| path.file_name().and_then(|name| name.to_str()).unwrap_or_default())
        .collect();
    // One pass on every core: each file's stamps, then its head as kept or as read.
    let found: Vec<(Option<FileStamps>, Found)> = in_parallel(paths.len(), &|| {
        |index| {
            let stamps = FileStamps::of(&paths[index], keys);
            match stamps.as_ref().and_then(|stamps| kept.unchanged(names[index], stamps)) {
                Some(at) => (stamps, Found::Kept(at)),
                None => (stamps, Found::Read(head_topic(&paths[index], dir, keys))),
            }
        }
    });
    let files_read = found.iter().filter(|(_, found)| matches!(found, Found::Read(_))).count();
    let (stamps, heads): (Vec<Option<FileStamps>>, Vec<Option<Topic>>) = found
        .into_iter()
        .map(|(stamps, found)| match found {
            Found::Kept(at) => (stamps, kept.take(at)),
            Found::Read(head) => (stamps, head),
        })
        .unzip();
    let to_keep = (files_read > 0 || !kept.all_taken()).then(|| {
        let files = names.iter().zip(&stamps).zip(&heads);
        let stamped = files.filter_map(|((name, stamps), head)| Some((*name, (*stamps)?, head.as_ref())));
        kept.encode(dir, keys, now, stamped)
    });
    Ok(NamesRead { library: names_library(heads, dir), to_keep, files_read, files: paths.len() })
}

/// A file's head: kept, at its place among the kept heads, or read (none when it did not
/// read cleanly).
#[expect(
    clippy::large_enum_variant,
    reason = "one slot a file in one vector, as the heads it becomes; a box would be an allocation a file"
)]
enum Found {
    Kept(usize),
    Read(Option<Topic>),
}

/// The library of each file's head (`None` for a file whose head did not read cleanly), the
/// first file of a topic first, with the folder's vocabularies.
fn names_library(heads: Vec<Option<Topic>>, dir: &Path) -> Library {
    // Which heads come first for their id and language, found without copying either.
    let mut seen = foldhash::HashSet::default();
    let first: Vec<bool> = heads
        .iter()
        .map(|head| head.as_ref().is_some_and(|topic| seen.insert((&topic.id, &topic.language))))
        .collect();
    drop(seen);
    // Kept in the heads' own vector (one adapter, so collected in place), where flattening
    // grew a new one by doubling: 1.2 MB of 13,334 heads.
    let mut first = first.into_iter();
    let topics = heads
        .into_iter()
        .filter_map(|head| {
            let keep = first.next() == Some(true);
            head.filter(|_| keep)
        })
        .collect();
    Library::new(topics).with_vocabularies(folder_vocabularies(dir))
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

    fn heads(library: &Library) -> Vec<Topic> {
        library.topics().iter().map(Topic::head).collect()
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
    fn a_head_that_does_not_read_hides_no_other() {
        let dir = tempfile::tempdir().expect("temp dir");
        write_topic(dir.path(), "a-broken", "[review\n");
        write_topic(dir.path(), "b-fine", REVIEWED);
        let names = read_topic_names(dir.path(), &TrustedKeys::NONE).expect("reads");
        assert_eq!(titles(&names), ["Title b-fine"]);
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

    /// Long enough after any file of a test was written for its stamp to be trusted.
    fn later() -> SystemTime {
        SystemTime::now() + std::time::Duration::from_secs(60)
    }

    /// A names read of `dir` from what `bytes` keep, by build "test".
    fn read_keeping(dir: &Path, bytes: Option<&[u8]>, now: SystemTime) -> NamesRead {
        let kept = || KeptNames::decode(bytes, "test", dir, &TrustedKeys::NONE);
        read_topic_names_keeping(dir, &TrustedKeys::NONE, kept, now).expect("reads")
    }

    fn titles(library: &Library) -> Vec<&str> {
        library.topics().iter().map(|topic| topic.title.as_str()).collect()
    }

    #[test]
    fn kept_heads_list_what_a_fresh_read_lists() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let first = read_keeping(&folder, None, later());
        let bytes = first.to_keep.expect("heads to keep");
        let second = read_keeping(&folder, Some(&bytes), later());
        let fresh = read_topic_names(&folder, &TrustedKeys::NONE).expect("reads");
        assert_eq!(heads(&first.library), heads(&fresh));
        assert_eq!(heads(&second.library), heads(&fresh));
        assert_eq!(second.library.vocabularies(), fresh.vocabularies());
        assert!(second.to_keep.is_none(), "nothing changed, so nothing is written again");
    }

    #[test]
    fn an_unchanged_file_is_not_read_again_and_a_changed_one_is() {
        let dir = tempfile::tempdir().expect("temp dir");
        write_topic(dir.path(), "kept", REVIEWED);
        write_topic(dir.path(), "changed", REVIEWED);
        write_topic(dir.path(), "removed", REVIEWED);
        let bytes = read_keeping(dir.path(), None, later()).to_keep.expect("heads to keep");
        // What was kept for "kept" is shown, not what its file says: the file was not read.
        let mut kept = KeptNames::decode(Some(&bytes), "test", dir.path(), &TrustedKeys::NONE);
        kept.retitle("kept.en.toml", "As kept");
        let changed = std::fs::read_to_string(dir.path().join("changed.en.toml")).expect("read");
        std::fs::write(dir.path().join("changed.en.toml"), changed.replace("Title changed", "New title"))
            .expect("write");
        std::fs::remove_file(dir.path().join("removed.en.toml")).expect("remove");
        write_topic(dir.path(), "added", REVIEWED);
        let read = read_topic_names_keeping(dir.path(), &TrustedKeys::NONE, || kept, later()).expect("reads");
        assert_eq!(titles(&read.library), ["As kept", "New title", "Title added"]);
        assert!(read.to_keep.is_some(), "the changes are kept for the next start");
    }

    #[test]
    fn heads_kept_by_another_build_or_for_another_folder_or_broken_are_not_used() {
        let dir = tempfile::tempdir().expect("temp dir");
        write_topic(dir.path(), "one", REVIEWED);
        let bytes = read_keeping(dir.path(), None, later()).to_keep.expect("heads to keep");
        let other = tempfile::tempdir().expect("temp dir");
        let keys = TrustedKeys::from_base64(&["RWSUMaSVioE88NxNVHx8pyeuJZkRR1fJvi71zYJdQSOaUE3LzSBdCQIs"]);
        for kept in [
            KeptNames::decode(Some(&bytes), "another build", dir.path(), &TrustedKeys::NONE),
            KeptNames::decode(Some(&bytes), "test", other.path(), &TrustedKeys::NONE),
            KeptNames::decode(Some(&bytes), "test", dir.path(), &keys),
            KeptNames::decode(Some(&bytes[..bytes.len() / 2]), "test", dir.path(), &TrustedKeys::NONE),
            KeptNames::decode(Some(b"\xff\xff\xff\xff garbage"), "test", dir.path(), &TrustedKeys::NONE),
        ] {
            assert!(kept.is_empty());
        }
        assert!(!KeptNames::decode(Some(&bytes), "test", dir.path(), &TrustedKeys::NONE).is_empty());
    }

    #[test]
    fn a_file_changed_just_now_is_read_again_next_time() {
        let dir = tempfile::tempdir().expect("temp dir");
        write_topic(dir.path(), "fresh", REVIEWED);
        // Written within the file system's clock tick, a change could leave its stamp as it was.
        let bytes = read_keeping(dir.path(), None, SystemTime::now()).to_keep.expect("heads to keep");
        let kept = KeptNames::decode(Some(&bytes), "test", dir.path(), &TrustedKeys::NONE);
        assert!(kept.is_empty());
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
