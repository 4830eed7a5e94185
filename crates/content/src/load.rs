//! Reading topic files — from a folder, or the copy bundled in the binary — into a [`Library`],
//! with a [`Diagnostic`] for every problem. A bad file is skipped; the rest still load.

use std::collections::HashMap;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use serde::Deserialize as _;

use super::bundled::BUNDLED_FILES;
use super::diagnostic::{Diagnostic, Position, Severity};
use super::field_path::FieldPath;
use super::language::Lang;
use super::library::Library;
use super::model::Topic;
use super::model::{Review, ReviewStatus};
use super::read_file::{A_LINK, ReadFileError, read_regular_file, read_regular_file_here};
use super::revision::{file_fingerprint, revision};
use super::sign_off::{
    SIGNATURE_PROBLEM, SIGNATURE_SUFFIX, TrustedKeys, Unsigned, read_signature, signature_path, verify,
};
use super::text_safety::{holds_invisible_format, is_invisible_format};
use super::topic_id::TopicId;
use super::triage::{TRIAGE_FOLDER, Triage, read_triage};
use super::validate::{Finding, check_topic, is_valid_language_tag};
use super::vocabulary::{Vocabulary, read_vocabulary};
use super::{editor_hints, every_error};

/// The folder, inside a content folder, of the vocabulary files (`vocabulary/en.toml`).
pub const VOCABULARY_FOLDER: &str = "vocabulary";

/// The largest topic file read; larger ones are reported and skipped.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// How bundled files are named in messages.
pub const BUNDLED_PREFIX: &str = "(bundled)";

/// What loading produced: the topics that are good, and every problem found.
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    /// The topics that loaded.
    pub library: Library,
    /// Every error and warning, file by file, in file-name order.
    pub diagnostics: Vec<Diagnostic>,
    /// How many topic files were read.
    pub files_read: usize,
    /// How many topics loaded (the library holds them, unless only checked).
    pub topics_loaded: usize,
    /// The files' revision: a fingerprint of every topic file's name and bytes.
    pub revision: String,
}

impl LoadReport {
    /// How many problems of this severity were found.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }
}

/// The content folder itself could not be read.
#[derive(Debug, thiserror::Error)]
#[error("cannot read the content folder {}: {source}", path.display())]
pub struct FolderError {
    /// The folder.
    pub path: PathBuf,
    /// Why.
    #[source]
    pub source: std::io::Error,
}

/// One topic file's name and bytes, before parsing.
pub(crate) struct TopicFile {
    /// The name shown in messages: the path, or `(bundled)/name`.
    pub(crate) shown_as: String,
    /// The bare file name, which must be `<id>.<language>.toml`.
    pub(crate) file_name: String,
    /// The bytes, or why they could not be read (a code and a message).
    pub(crate) bytes: Result<Vec<u8>, (&'static str, String)>,
    /// The bytes of its signature file, read only when sign-off is in use.
    pub(crate) signature: Result<Vec<u8>, Unsigned>,
}

/// More checks for each topic that parses: `validate` adds the ones that need a date, a grade
/// limit or the kiosk's rules.
pub type ExtraChecks<'a> = &'a (dyn Fn(&Topic) -> Vec<Finding> + Sync);

/// Whether loading keeps the topics, or only checks them (`validate` of a large folder need
/// not hold every topic at once).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    Topics,
    Counts,
}

/// Loads the topics bundled in the binary (`content/*.toml` at build time).
pub fn load_bundled() -> LoadReport {
    load_bundled_with(&|_| Vec::new())
}

/// Loads the bundled topics, running `extra` on each as well.
pub fn load_bundled_with(extra: ExtraChecks<'_>) -> LoadReport {
    load_in_memory(BUNDLED_FILES, BUNDLED_PREFIX, extra)
}

/// Loads topic files held in memory as (file name, bytes), named `PREFIX/file name` in
/// messages; names that are not topic files (`ui/en.toml`) are passed over.
pub fn load_in_memory(files: &[(&str, &[u8])], prefix: &str, extra: ExtraChecks<'_>) -> LoadReport {
    let in_folder = |folder: &str| -> Vec<TopicFile> {
        files
            .iter()
            .filter_map(|(name, bytes)| {
                let file_name = name.strip_prefix(folder)?.strip_prefix('/')?;
                is_topic_file_name(file_name).then(|| TopicFile {
                    shown_as: format!("{prefix}/{name}"),
                    file_name: file_name.to_owned(),
                    bytes: check_size(bytes.len() as u64).map(|()| bytes.to_vec()),
                    signature: Err(Unsigned::Missing),
                })
            })
            .collect()
    };
    let languages =
        LanguageFiles { vocabulary: in_folder(VOCABULARY_FOLDER), triage: in_folder(TRIAGE_FOLDER) };
    let files: Vec<&(&str, &[u8])> = files.iter().filter(|(name, _)| is_topic_file_name(name)).collect();
    let file = |index: usize| {
        let (name, bytes) = files[index];
        TopicFile {
            shown_as: format!("{prefix}/{name}"),
            file_name: (*name).to_owned(),
            bytes: check_size(bytes.len() as u64).map(|()| bytes.to_vec()),
            signature: Err(Unsigned::Missing),
        }
    };
    load_files(files.len(), &file, languages, &Rules::new(&NO_KEYS, Some(extra)), Keep::Topics)
}

/// Loads every `*.toml` file directly inside `dir`; with `keys`, a topic is reviewed only when
/// its signature file verifies against one of them.
pub fn load_folder(dir: &Path, keys: &TrustedKeys) -> Result<LoadReport, FolderError> {
    Ok(load_paths(dir, &topic_paths(dir)?, &Rules::new(keys, None), Keep::Topics))
}

/// Loads every `*.toml` file directly inside `dir`, running `extra` on each topic as well.
pub fn load_folder_with(
    dir: &Path,
    keys: &TrustedKeys,
    extra: ExtraChecks<'_>,
) -> Result<LoadReport, FolderError> {
    Ok(load_paths(dir, &topic_paths(dir)?, &Rules::new(keys, Some(extra)), Keep::Topics))
}

/// Checks every `*.toml` file directly inside `dir` as [`load_folder_with`] does, without
/// keeping the topics: the report's library is empty and `topics_loaded` counts them.
pub fn check_folder_with(
    dir: &Path,
    keys: &TrustedKeys,
    extra: ExtraChecks<'_>,
) -> Result<LoadReport, FolderError> {
    Ok(load_paths(dir, &topic_paths(dir)?, &Rules::new(keys, Some(extra)), Keep::Counts))
}

/// The topic files directly inside `dir`, in name order.
pub(crate) fn topic_paths(dir: &Path) -> Result<Vec<PathBuf>, FolderError> {
    let folder_error = |source| FolderError { path: dir.to_owned(), source };
    let mut paths = Vec::new();
    for entry in fs::read_dir(dir).map_err(folder_error)? {
        let entry = entry.map_err(folder_error)?;
        let path = entry.path();
        // A name that is not UTF-8 is listed too, to be reported rather than passed over.
        let name = path.file_name().map(OsStrExt::as_bytes).unwrap_or_default();
        let is_topic = name.ends_with(b".toml") && !name.contains(&b'/');
        // The entry's own type needs no look at the file; a link is followed to see.
        let is_dir = match entry.file_type() {
            Ok(kind) if !kind.is_symlink() => kind.is_dir(),
            _ => path.is_dir(),
        };
        if is_topic && !is_dir {
            paths.push(path);
        }
    }
    // By their bytes: the names of one folder sort the same, without splitting each path
    // into its parts at every comparison.
    paths.sort_unstable_by(|a, b| a.as_os_str().as_bytes().cmp(b.as_os_str().as_bytes()));
    Ok(paths)
}

/// Loads the topic files `paths` of the content folder `dir` (some of its files), and its
/// vocabularies, as [`load_folder`] loads them all.
pub(crate) fn load_some_paths(dir: &Path, paths: &[PathBuf], keys: &TrustedKeys) -> LoadReport {
    load_paths(dir, paths, &Rules::new(keys, None), Keep::Topics)
}

/// Loads the topic files `paths` of the content folder `dir`, and its vocabularies.
fn load_paths(dir: &Path, paths: &[PathBuf], rules: &Rules<'_>, keep: Keep) -> LoadReport {
    let file = |index: usize| topic_file(&paths[index], dir, rules.keys);
    let languages = LanguageFiles {
        vocabulary: language_files(dir, VOCABULARY_FOLDER),
        triage: language_files(dir, TRIAGE_FOLDER),
    };
    load_files(paths.len(), &file, languages, rules, keep)
}

/// The topic file at `path` in the content folder `dir`, read, with its signature when sign-off
/// is in use (`keys`).
pub(crate) fn topic_file(path: &Path, dir: &Path, keys: &TrustedKeys) -> TopicFile {
    TopicFile {
        shown_as: path.display().to_string(),
        file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        bytes: match path.file_name().and_then(|name| name.to_str()) {
            Some(_) => read_limited(path, dir),
            None => Err((
                "file-name",
                "the file's name is not UTF-8 text, so it cannot match a topic's id; the file is skipped"
                    .to_owned(),
            )),
        },
        signature: if keys.in_use() { read_signature(&signature_path(path)) } else { Err(Unsigned::Missing) },
    }
}

/// The files of a content folder that hold one language each (`vocabulary/en.toml`).
struct LanguageFiles {
    vocabulary: Vec<TopicFile>,
    triage: Vec<TopicFile>,
}

/// The files of `folder` in the content folder `dir` (`vocabulary`), in name order; none when
/// it has no such folder.
pub(crate) fn language_files(dir: &Path, folder: &str) -> Vec<TopicFile> {
    let folder = dir.join(folder);
    let Ok(entries) = fs::read_dir(&folder) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.file_name().and_then(|n| n.to_str()).is_some_and(is_topic_file_name))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| TopicFile {
            shown_as: path.display().to_string(),
            file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            bytes: read_limited(&path, dir),
            signature: Err(Unsigned::Missing),
        })
        .collect()
}

/// The vocabularies of the content folder `dir` (their problems are a load's to report).
pub fn folder_vocabularies(dir: &Path) -> Vec<Vocabulary> {
    read_vocabularies(language_files(dir, VOCABULARY_FOLDER)).0
}

/// Reads each vocabulary file: the vocabularies, their problems, and their fingerprints.
pub(crate) fn read_vocabularies(files: Vec<TopicFile>) -> (Vec<Vocabulary>, Vec<Diagnostic>, Vec<u64>) {
    read_language_files(files, VOCABULARY_FOLDER, &read_vocabulary)
}

/// Reads each triage file, and the bundled one of each language the folder has none for: the
/// rule that emergency signs mean 911 holds for every folder.
fn read_triages(files: Vec<TopicFile>) -> (Vec<Triage>, Vec<Diagnostic>, Vec<u64>) {
    let (mut triages, diagnostics, fingerprints) = read_language_files(files, TRIAGE_FOLDER, &read_triage);
    let bundled = BUNDLED_FILES.iter().filter_map(|(name, bytes)| {
        let language = name.strip_prefix(TRIAGE_FOLDER)?.strip_prefix('/')?.strip_suffix(".toml")?;
        let text = std::str::from_utf8(bytes).ok()?;
        Some(read_triage(name, language, text).0)
    });
    let bundled: Vec<Triage> = bundled.collect();
    for triage in bundled {
        if !triages.iter().any(|own| own.language.same_language(&triage.language)) {
            triages.push(triage);
        }
    }
    (triages, diagnostics, fingerprints)
}

/// Reads one language's file: (shown as, language, text) to what it holds and its problems.
type ReadLanguageFile<T> = dyn Fn(&str, &str, &str) -> (T, Vec<Diagnostic>);

/// Reads each file of one language (`folder/<language>.toml`) with `read`: what each holds,
/// their problems, and their fingerprints.
fn read_language_files<T>(
    files: Vec<TopicFile>,
    folder: &str,
    read: &ReadLanguageFile<T>,
) -> (Vec<T>, Vec<Diagnostic>, Vec<u64>) {
    let (mut read_files, mut diagnostics, mut fingerprints) = (Vec::new(), Vec::new(), Vec::new());
    for file in files {
        let bytes = file.bytes.as_deref().unwrap_or_default();
        let name = format!("{folder}/{}", file.file_name);
        fingerprints.push(file_fingerprint(&name, bytes));
        let language = file.file_name.strip_suffix(".toml").unwrap_or_default();
        let text = match (&file.bytes, decode(bytes)) {
            (Err((code, reason)), _) => {
                diagnostics.push(Diagnostic::error(&file.shown_as, Position::START, code, reason.clone()));
                continue;
            }
            (Ok(_), Err(at)) => {
                diagnostics.push(not_utf8(&file.shown_as, bytes, at));
                continue;
            }
            (Ok(_), Ok(text)) => text,
        };
        if !is_valid_language_tag(language) {
            let message =
                format!("`{}` is not named for a language, like `en.toml` or `es.toml`", file.file_name);
            diagnostics.push(Diagnostic::error(&file.shown_as, Position::START, "file-name", message));
            continue;
        }
        let (read_file, problems) = read(&file.shown_as, language, &text);
        diagnostics.extend(problems);
        read_files.push(read_file);
    }
    (read_files, diagnostics, fingerprints)
}

// Topic files are named `*.toml`, exactly as the content guide says.
#[allow(clippy::case_sensitive_file_extension_comparisons)]
fn is_topic_file_name(name: &str) -> bool {
    !name.contains('/') && name.ends_with(".toml")
}

fn check_size(len: u64) -> Result<(), (&'static str, String)> {
    if len > MAX_FILE_BYTES { Err(too_large(len)) } else { Ok(()) }
}

fn too_large(len: u64) -> (&'static str, String) {
    (
        "too-large",
        format!("the file is {len} bytes; a topic file may be at most {MAX_FILE_BYTES} bytes (1 MiB)"),
    )
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`] in the content folder `folder`; anything
/// else is a problem with its path. A link that leads out of the folder is never read, so no
/// message can quote a line of `/etc/shadow` or of a process's environment.
pub(crate) fn read_limited(path: &Path, folder: &Path) -> Result<Vec<u8>, (&'static str, String)> {
    let read = match read_regular_file_here(path, MAX_FILE_BYTES) {
        Err(ReadFileError::NotRegular(A_LINK)) => {
            let inside = match (fs::canonicalize(path), fs::canonicalize(folder)) {
                (Ok(target), Ok(folder)) => target.starts_with(folder),
                _ => false,
            };
            if !inside {
                let message = "it is a link to a file outside the content folder; such a file is never read";
                return Err(("outside-folder", message.to_owned()));
            }
            read_regular_file(path, MAX_FILE_BYTES)
        }
        read => read,
    };
    read.map_err(|error| match error {
        ReadFileError::TooLarge { len, .. } => too_large(len),
        ReadFileError::NotRegular(_) => ("not-a-file", error.to_string()),
        ReadFileError::Io(_) => ("unreadable", format!("cannot read the file: {error}")),
    })
}

/// Below this many files, one thread reads them all: a thread costs more than it saves.
const FILES_WORTH_THREADS: usize = 64;

/// One file read and checked: its problems, and its topic when it has no errors.
struct Checked {
    fingerprint: u64,
    diagnostics: Vec<Diagnostic>,
    /// Held inline: the topics are collected from these in place (see [`load_files`]).
    topic: Option<CheckedTopic>,
}

/// A topic that loaded, with what is needed to refuse it as a duplicate of an earlier file.
struct CheckedTopic {
    /// Its id and language (a [`Lang`] is the same tag in any case: `es-MX` is `es-mx`).
    key: (TopicId, Lang),
    /// Its language as written, for messages.
    language: Lang,
    shown_as: String,
    /// The topic, unless only counts are kept.
    topic: Option<Topic>,
    /// The problem to report should it be a duplicate, placed at its `id`; the message is
    /// written once the first file is known.
    duplicate: Diagnostic,
    /// Each id of `related`, with the problem to report should no topic have it, placed at it.
    related: Vec<RelatedId>,
}

/// An id written in `related`, and the problem to report should no topic have it.
type RelatedId = (TopicId, Diagnostic);

fn check_one(file: &TopicFile, rules: &Rules<'_>, keep: Keep) -> Checked {
    let bytes = file.bytes.as_deref().unwrap_or_default();
    let mut fingerprint = file_fingerprint(&file.file_name, bytes);
    // A signature added, changed or taken away is a change of the folder too.
    if let Ok(signature) = &file.signature {
        fingerprint ^= file_fingerprint(&format!("{}{SIGNATURE_SUFFIX}", file.file_name), signature);
    }
    let mut diagnostics = Vec::new();
    let topic = parse_file(file, rules, &mut diagnostics).map(|(topic, text, places)| {
        let span = places.id.clone();
        let duplicate = Diagnostic::at_span(
            &file.shown_as,
            &text,
            span,
            Severity::Error,
            "duplicate-topic",
            String::new(),
        );
        let related = topic
            .related
            .iter()
            .enumerate()
            .map(|(n, id)| {
                let span = places.related.get(n).cloned().unwrap_or(0..0);
                let unknown = Diagnostic::at_span(
                    &file.shown_as,
                    &text,
                    span,
                    Severity::Error,
                    "related",
                    String::new(),
                );
                (id.clone(), unknown)
            })
            .collect();
        CheckedTopic {
            key: (topic.id.clone(), topic.language.clone()),
            language: topic.language.clone(),
            shown_as: file.shown_as.clone(),
            topic: (keep == Keep::Topics).then_some(topic),
            duplicate,
            related,
        }
    });
    Checked { fingerprint, diagnostics, topic }
}

/// `work` done for `0..count` on every core (for few items, on this thread alone), in order.
/// `worker` makes each thread's worker, so it may keep state of its own.
pub(crate) fn in_parallel<T, W>(count: usize, worker: &(dyn Fn() -> W + Sync)) -> Vec<T>
where
    T: Send,
    W: FnMut(usize) -> T,
{
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let threads = if count < FILES_WORTH_THREADS { 1 } else { cores.min(count) };
    if threads <= 1 {
        return (0..count).map(worker()).collect();
    }
    // Each result is written straight into its place in one vector: parsed topics are not
    // copied from each thread's vector into a joined one, which held them twice at the end of
    // a load.
    let mut slots: Vec<Option<T>> = std::iter::repeat_with(|| None).take(count).collect();
    let chunk = count.div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = slots
            .chunks_mut(chunk)
            .enumerate()
            .map(|(n, part)| {
                scope.spawn(move || {
                    let mut work = worker();
                    for (index, slot) in (n * chunk..).zip(part) {
                        *slot = Some(work(index));
                    }
                })
            })
            .collect();
        for worker in workers {
            worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        }
    });
    // Every slot is filled; flattening would collect into a new vector, this keeps the one.
    #[expect(clippy::filter_map_identity, reason = "flatten does not collect in place")]
    slots.into_iter().filter_map(|slot| slot).collect()
}

/// Reads and checks files `0..count` (`file` reads one) on every core, then joins them in
/// file order: the first file of a topic wins, later ones are reported as duplicates.
fn load_files<F>(
    count: usize,
    file: &F,
    languages: LanguageFiles,
    rules: &Rules<'_>,
    keep: Keep,
) -> LoadReport
where
    F: Fn(usize) -> TopicFile + Sync,
{
    let (triages, triage_problems, triage_fingerprints) = read_triages(languages.triage);
    let rules = Rules { triages: &triages, ..*rules };
    let checked: Vec<Checked> = in_parallel(count, &|| |index| check_one(&file(index), &rules, keep));
    let mut diagnostics = Vec::new();
    let mut loaded_from: HashMap<(TopicId, Lang), String> = HashMap::new();
    let mut topics_loaded = 0;
    let (vocabularies, vocabulary_problems, vocabulary_fingerprints) =
        read_vocabularies(languages.vocabulary);
    let fingerprints = checked.iter().map(|checked| checked.fingerprint);
    let revision = revision(fingerprints.chain(vocabulary_fingerprints).chain(triage_fingerprints));
    // Each loaded topic's related ids, checked once every topic is known.
    let mut related_of: Vec<(Option<usize>, Vec<RelatedId>)> = Vec::with_capacity(checked.len());
    let mut kept = 0;
    // Collected in place (one adapter over the vector): the topics stay where they were parsed
    // rather than being moved into a second vector beside the first.
    let mut topics: Vec<Topic> = checked
        .into_iter()
        .filter_map(|Checked { diagnostics: found, topic, .. }| {
            diagnostics.extend(found);
            let CheckedTopic { key, language, shown_as, topic, mut duplicate, related } = topic?;
            if let Some(first) = loaded_from.get(&key) {
                duplicate.message = format!(
                    "topic `{}` in language `{language}` is already loaded from {first}; this file is skipped",
                    key.0
                );
                diagnostics.push(duplicate);
                return None;
            }
            loaded_from.insert(key, shown_as);
            topics_loaded += 1;
            related_of.push((topic.as_ref().map(|_| kept), related));
            kept += usize::from(topic.is_some());
            topic
        })
        .collect();
    let ids: std::collections::HashSet<&str> = loaded_from.keys().map(|(id, _)| id.as_str()).collect();
    let mut unknown_related = Vec::new();
    for (at, related) in related_of {
        for (id, mut unknown) in related.into_iter().filter(|(id, _)| !ids.contains(id.as_str())) {
            unknown.message = format!("`related` names `{id}`, which no topic has; the link is left out");
            unknown_related
                .push(unknown.with_hint(Some("`patient-kiosk list` shows the topics' ids".to_owned())));
            if let Some(topic) = at.and_then(|at| topics.get_mut(at)) {
                topic.related.retain(|kept| kept != &id);
            }
        }
    }
    diagnostics.extend(unknown_related);
    diagnostics.extend(vocabulary_problems);
    diagnostics.extend(triage_problems);
    let library = Library::new(topics).with_vocabularies(vocabularies);
    LoadReport { library, diagnostics, files_read: count, topics_loaded, revision }
}

/// Parses and checks one file, adding its problems to `diagnostics`. Returns the topic and its
/// text when it has no errors.
fn parse_file(
    file: &TopicFile,
    rules: &Rules<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Topic, String, Places)> {
    let shown_as = file.shown_as.as_str();
    let bytes = match &file.bytes {
        Ok(bytes) => bytes,
        Err((code, reason)) => {
            diagnostics.push(Diagnostic::error(shown_as, Position::START, code, reason.clone()));
            return None;
        }
    };
    let text = match decode(bytes) {
        Ok(text) => text,
        Err(at) => {
            diagnostics.push(not_utf8(shown_as, bytes, at));
            return None;
        }
    };
    let text = visible(shown_as, text, diagnostics);
    let at = |span: Option<std::ops::Range<usize>>, code: &'static str, message: String| {
        Diagnostic::at_span(shown_as, &text, span.unwrap_or(0..0), Severity::Error, code, message)
    };
    let table = match toml::de::DeTable::parse(&text) {
        Ok(table) => table,
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            let diagnostic = match editor_hints::syntax_error(&text, span.clone()) {
                Some((span, message, hint)) => at(Some(span), "syntax", message).with_hint(hint),
                None => at(Some(span), "syntax", for_editors(error.message())),
            };
            diagnostics.push(diagnostic);
            return None;
        }
    };
    // Each problem the reader stops at is reported, its key taken out, and the file read
    // again: every problem of the file in one run, in file order.
    // A file without problems is read once, its parsed table not copied; only one with a
    // problem is parsed again to be read again and again.
    // Where the id and each related id stand, read from this parse: a duplicate topic or an
    // unknown related id is reported there without parsing the file again.
    let places = Places::of(&table);
    // With the caller's own checks (validate's) most files have something to place: the table
    // is kept for that, not parsed again (a seventh of validate's time). The kiosk's own checks
    // find something in few files, and a copy of every table would cost it more than it saves.
    let kept = rules.extra.is_some().then(|| table.clone());
    let first = Topic::deserialize(toml::de::Deserializer::from(table));
    let mut table = match first {
        Ok(topic) => {
            let (topic, places) = checked(topic, &text, kept.as_ref(), places, file, rules, diagnostics)?;
            drop(kept);
            return Some((topic, text, places));
        }
        Err(_) => match kept {
            Some(table) => table,
            None => toml::de::DeTable::parse(&text).ok()?,
        },
    };
    let mut problems: Vec<Diagnostic> = Vec::new();
    let topic = loop {
        match Topic::deserialize(toml::de::Deserializer::from(table.clone())) {
            Ok(topic) => break Some(topic),
            Err(error) => {
                let message = error.message();
                // A required key missing after one was taken out is that key's problem again:
                // what held it (a section, the review) is taken out too, and reading goes on.
                if !problems.is_empty() && message.starts_with("missing field") {
                    if error.span().is_some_and(|span| every_error::take_out(table.get_mut(), &span)) {
                        continue;
                    }
                    break None;
                }
                let (code, hint) = classify(message);
                let hint = editor_hints::value_hint(message).or(hint);
                problems.push(at(error.span(), code, for_editors(message)).with_hint(hint));
                let taken_out =
                    error.span().is_some_and(|span| every_error::take_out(table.get_mut(), &span));
                if !taken_out || problems.len() >= every_error::MAX_PROBLEMS {
                    break None;
                }
            }
        }
    };
    if !problems.is_empty() {
        problems.sort_by_key(|problem| problem.position);
        // A key read again after another was taken out is the same problem, said once.
        problems.dedup();
        diagnostics.extend(problems);
        return None;
    }
    let (topic, places) = checked(topic?, &text, None, places, file, rules, diagnostics)?;
    Some((topic, text, places))
}

/// Where a topic file's id and related ids are written.
struct Places {
    id: std::ops::Range<usize>,
    related: Vec<std::ops::Range<usize>>,
}

impl Places {
    fn of(table: &toml::Spanned<toml::de::DeTable<'_>>) -> Places {
        let related = table.get_ref().get("related").and_then(|value| value.get_ref().as_array());
        Places {
            id: FieldPath::root().key("id").span_in(table).unwrap_or(0..0),
            related: related.map(|ids| ids.iter().map(toml::Spanned::span).collect()).unwrap_or_default(),
        }
    }
}

/// What every topic is checked against besides its own file.
#[derive(Clone, Copy)]
struct Rules<'a> {
    /// The emergency signs of each language.
    triages: &'a [Triage],
    /// The keys whose signatures make a topic reviewed; none when sign-off is not in use.
    keys: &'a TrustedKeys,
    /// The caller's own checks, if any.
    extra: Option<ExtraChecks<'a>>,
}

/// No trusted keys: a topic's `[review]` table says whether it was reviewed.
static NO_KEYS: TrustedKeys = TrustedKeys::NONE;

impl<'a> Rules<'a> {
    /// These keys and the caller's checks; the triage files are read once the folder is known.
    fn new(keys: &'a TrustedKeys, extra: Option<ExtraChecks<'a>>) -> Rules<'a> {
        Rules { triages: &[], keys, extra }
    }
}

/// The checks of a topic that was read: the validator's, the triage rule's, `extra`'s, and
/// the file's name.
fn checked(
    mut topic: Topic,
    text: &str,
    parsed: Option<&toml::Spanned<toml::de::DeTable<'_>>>,
    places: Places,
    file: &TopicFile,
    rules: &Rules<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Topic, Places)> {
    let shown_as = file.shown_as.as_str();
    let at = |span: Option<std::ops::Range<usize>>, code: &'static str, message: String| {
        Diagnostic::at_span(shown_as, text, span.unwrap_or(0..0), Severity::Error, code, message)
    };

    let mut has_error = false;
    let mut found = Vec::new();
    if rules.keys.in_use() {
        found.extend(apply_sign_off(&mut topic, file, rules.keys, text));
    }
    let triage = rules.triages.iter().find(|triage| triage.language.same_language(&topic.language));
    let mut findings = check_topic(&topic);
    findings.extend(triage.map(|triage| triage.check(&topic)).unwrap_or_default());
    findings.extend(rules.extra.map(|extra| extra(&topic)).unwrap_or_default());
    // Parsed again only where the read took keys out to go on (every problem of a file).
    let parsed_again =
        if findings.is_empty() || parsed.is_some() { None } else { toml::de::DeTable::parse(text).ok() };
    let parsed = parsed.or(parsed_again.as_ref());
    for finding in findings {
        has_error |= finding.severity == Severity::Error;
        let span = parsed.and_then(|root| finding.path.span_in(root)).unwrap_or(0..0);
        let diagnostic =
            Diagnostic::at_span(shown_as, text, span, finding.severity, finding.code, finding.message);
        found.push(diagnostic.with_hint(finding.hint));
    }
    // In the order of the file, as an editor reads it.
    found.sort_by_key(|diagnostic| diagnostic.position);
    // A topic named twice in `related` is one related page (validate warns of the second);
    // each kept id keeps where it is written.
    let mut named = std::collections::HashSet::new();
    let mut written = places.related.iter().cloned();
    let mut kept = Vec::new();
    topic.related.retain(|id| {
        let place = written.next().unwrap_or(0..0);
        let first = named.insert(id.clone());
        if first {
            kept.push(place);
        }
        first
    });
    let places = Places { related: kept, ..places };
    diagnostics.extend(found);
    let expected = topic.file_name();
    if file.file_name != expected {
        has_error = true;
        let message = format!("the file name must be `{expected}`, to match its `id` and `language`");
        let diagnostic = at(Some(places.id.clone()), "file-name", message);
        diagnostics.push(diagnostic.with_hint(Some(format!("rename the file to `{expected}`"))));
    }
    (!has_error).then_some((topic, places))
}

/// With sign-off in use, what the signature beside `file` says of `topic`: signed with a
/// trusted key over these very bytes, it is reviewed by the signer; otherwise it is a draft,
/// with a warning wherever a review was claimed or a signature is there but does not hold.
fn apply_sign_off(topic: &mut Topic, file: &TopicFile, keys: &TrustedKeys, text: &str) -> Option<Diagnostic> {
    let claimed = topic.review.status == ReviewStatus::Reviewed;
    match sign_review(&mut topic.review, file, keys) {
        Ok(()) => None,
        Err(Unsigned::Missing) => {
            let span = FieldPath::root().key("review").key("status").span(text);
            let message =
                "the file says it was reviewed, but no signature is beside it: it counts as a draft";
            claimed.then(|| {
                Diagnostic::at_span(&file.shown_as, text, span.unwrap_or(0..0), Severity::Warning, SIGNATURE_PROBLEM, message.to_owned())
                    .with_hint(Some(format!(
                        "the reviewer signs it: patient-kiosk review sign {} --key KEY --reviewer \"Name, credential\"",
                        file.file_name
                    )))
            })
        }
        Err(why) => {
            let message = format!("{} counts as a draft: {why}", file.file_name);
            let hint = match why {
                Unsigned::Changed(_) => {
                    "a reviewer checks the change and signs it again: patient-kiosk review sign"
                }
                Unsigned::Untrusted => "sign it with a key named in `[content] trusted_keys`",
                _ => "sign it again: patient-kiosk review sign",
            };
            Some(
                Diagnostic::warning(
                    &format!("{}{SIGNATURE_SUFFIX}", file.shown_as),
                    Position::START,
                    SIGNATURE_PROBLEM,
                    message,
                )
                .with_hint(Some(hint.to_owned())),
            )
        }
    }
}

/// Sets `review` from the signature beside `file`: reviewed by the signer when it is signed with
/// one of `keys` over these very bytes, a draft otherwise (and why).
pub(crate) fn sign_review(review: &mut Review, file: &TopicFile, keys: &TrustedKeys) -> Result<(), Unsigned> {
    let bytes = file.bytes.as_deref().unwrap_or_default();
    let signed =
        file.signature.clone().and_then(|signature| verify(keys, &file.file_name, bytes, &signature));
    match signed {
        Ok(sign_off) => {
            review.status = ReviewStatus::Reviewed;
            review.reviewed_by = sign_off.reviewer;
            review.reviewed_on = Some(sign_off.signed_on);
            review.next_review = Some(sign_off.next_review);
            Ok(())
        }
        Err(why) => {
            review.status = ReviewStatus::Draft;
            Err(why)
        }
    }
}

/// `text` with each character a terminal draws unlike ratatui counts it (a line separator, a
/// zero-width space) made a plain space, each one warned of where it stands. One character for
/// one, so every later position in the file stays right.
fn visible(shown_as: &str, text: String, diagnostics: &mut Vec<Diagnostic>) -> String {
    if !holds_invisible_format(&text) {
        return text;
    }
    for (offset, c) in text.char_indices().filter(|(_, c)| is_invisible_format(*c)) {
        let message = format!(
            "U+{:04X} is drawn differently by each terminal, or not at all; the kiosk shows a space",
            c as u32
        );
        let span = offset..offset + c.len_utf8();
        diagnostics.push(
            Diagnostic::at_span(shown_as, &text, span, Severity::Warning, "invisible-character", message)
                .with_hint(Some("delete it, or type a space or a new line instead".to_owned())),
        );
    }
    text.chars().map(|c| if is_invisible_format(c) { ' ' } else { c }).collect()
}

/// The file as text: UTF-8, without a byte-order mark, with Windows line ends made plain; or
/// where the first byte that is not UTF-8 is.
fn decode(bytes: &[u8]) -> Result<String, usize> {
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            // Most files have no Windows line ends: copied, not searched piece by piece.
            Ok(if text.contains('\r') { text.replace("\r\n", "\n") } else { text.to_owned() })
        }
        Err(error) => Err(error.valid_up_to()),
    }
}

fn not_utf8(shown_as: &str, bytes: &[u8], at: usize) -> Diagnostic {
    // The line as far as it can be shown, the bad byte as a replacement mark.
    let shown = String::from_utf8_lossy(bytes);
    let message = format!("the file is not UTF-8 text (byte 0x{:02X} here)", bytes[at]);
    Diagnostic::at_span(shown_as, &shown, at..at + 1, Severity::Error, "not-utf8", message)
        .with_hint(Some("save the file as UTF-8 in your editor".to_owned()))
}

/// The kind of a reading error, and a hint for it: a misspelt key or value gets the nearest
/// allowed one.
fn classify(message: &str) -> (&'static str, Option<String>) {
    let quoted: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    let nearest = || {
        let (wrong, allowed) = quoted.split_first()?;
        let (score, best) = allowed
            .iter()
            .map(|candidate| (strsim::jaro_winkler(wrong, candidate), candidate))
            .max_by(|a, b| a.0.total_cmp(&b.0))?;
        (score > 0.8).then(|| format!("did you mean `{best}`?"))
    };
    if message.starts_with("unknown field") {
        ("unknown-key", nearest())
    } else if message.starts_with("unknown variant") {
        ("bad-value", nearest())
    } else if message.starts_with("missing field") {
        let hint = quoted.first().map(|key| match *key {
            // A table, not a value.
            "review" => {
                "add a `[review]` table: the line `[review]`, then `status = \"draft\"` under it".to_owned()
            }
            key => format!("add `{key} = ...`; docs/content-format.md says what it holds"),
        });
        ("missing-key", hint)
    } else if message.starts_with("invalid type") {
        ("wrong-type", None)
    } else {
        ("bad-value", None)
    }
}

/// A parser's message on one line, in the words of the format guide: serde's "sequence" and
/// "map" are a TOML list and table.
fn for_editors(message: &str) -> String {
    message
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("a sequence", "a list like [\"a\", \"b\"]")
        .replace("a map", "a table")
}
