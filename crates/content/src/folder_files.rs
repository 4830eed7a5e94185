//! A content folder read in two steps, for a one-off search over a large one: every topic
//! file read once and looked at quickly (no TOML parse), then only the topics that matter
//! loaded. A search of 10,000 topics then costs about a read of the folder, as `grep` does.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::load::{
    FolderError, LoadReport, VOCABULARY_FOLDER, in_parallel, language_files, load_some_paths, read_limited,
    read_vocabularies, topic_paths,
};
use super::sign_off::TrustedKeys;
use super::vocabulary::Vocabulary;

/// The topic files of a content folder, listed once, and its vocabularies.
pub struct FolderFiles {
    dir: PathBuf,
    paths: Vec<PathBuf>,
    vocabularies: Vec<Vocabulary>,
}

/// A worker that looks at one file's text; each thread makes its own, so it may keep what it
/// learns from file to file.
pub type FileReader<'a, T> = Box<dyn FnMut(&str) -> T + 'a>;

impl FolderFiles {
    /// The topic files of `dir`, in name order, and its vocabularies.
    pub fn list(dir: &Path) -> Result<FolderFiles, FolderError> {
        let paths = topic_paths(dir)?;
        let (vocabularies, _, _) = read_vocabularies(language_files(dir, VOCABULARY_FOLDER));
        Ok(FolderFiles { dir: dir.to_owned(), paths, vocabularies })
    }

    /// The folder's vocabularies (their problems are a load's to report).
    pub fn vocabularies(&self) -> &[Vocabulary] {
        &self.vocabularies
    }

    /// What `read` (made once per thread) says of each file's text, with the topic id its
    /// name gives, in file order, every file read once on every core. A file that cannot be
    /// read is left out; one that is not UTF-8 is read with its bad bytes replaced.
    pub fn read_each<T: Send>(&self, read: &(dyn Fn() -> FileReader<'static, T> + Sync)) -> Vec<(&str, T)> {
        let paths = &self.paths;
        let read: Vec<Option<T>> = in_parallel(paths.len(), &|| {
            let mut reader = read();
            move |index: usize| self.read_text(&paths[index], &mut *reader)
        });
        paths.iter().zip(read).filter_map(|(path, read)| Some((id_of(path), read?))).collect()
    }

    /// What `read` (made once per thread) says of each file of each topic of `ids`, read
    /// again, on every core: one list per topic, in the order of `ids`.
    pub fn read_topics<T: Send>(
        &self,
        ids: &[&str],
        read: &(dyn Fn() -> FileReader<'static, T> + Sync),
    ) -> Vec<Vec<T>> {
        in_parallel(ids.len(), &|| {
            let mut reader = read();
            move |index: usize| {
                let id = ids[index];
                // Files are in name order: those of one topic (`id.*`) stand together.
                let first = self.paths.partition_point(|path| id_of(path) < id);
                let files = self.paths[first..].iter().take_while(|path| id_of(path) == id);
                files.filter_map(|path| self.read_text(path, &mut *reader)).collect()
            }
        })
    }

    /// What `read` says of the text of the file at `path`; none when it cannot be read. A file
    /// that is not UTF-8 is read with its bad bytes replaced.
    fn read_text<T>(&self, path: &Path, read: &mut dyn FnMut(&str) -> T) -> Option<T> {
        let bytes = read_limited(path, &self.dir).ok()?;
        // The strict check first: it skips ASCII a word at a time, where the lossy one went a
        // byte at a time (an eighth of `search zzzq` over 10,000 topics, perf).
        Some(match std::str::from_utf8(&bytes) {
            Ok(text) => read(text),
            Err(_) => read(&String::from_utf8_lossy(&bytes)),
        })
    }

    /// Loads every file (each language) of the topics `ids`, checked as a whole load checks
    /// them; a duplicate is found as there, the files of one id being loaded together.
    pub fn load_topics(&self, ids: &HashSet<&str>, keys: &TrustedKeys) -> LoadReport {
        let paths: Vec<PathBuf> =
            self.paths.iter().filter(|path| ids.contains(id_of(path))).cloned().collect();
        load_some_paths(&self.dir, &paths, keys)
    }
}

/// The topic id a file's name gives: the part before its first dot (`kyphoplasty.en.toml`).
fn id_of(path: &Path) -> &str {
    let name = path.file_name().and_then(|name| name.to_str()).unwrap_or_default();
    name.split('.').next().unwrap_or_default()
}
