//! Reading a content folder again while the kiosk runs. A reader never sees half a file: a
//! topic whose file now fails to load (being written, or a broken edit) keeps its last good
//! version, and a folder that cannot be read keeps the whole last good library.

use std::collections::HashSet;
use std::path::Path;

use super::diagnostic::Severity;
use super::library::Library;
use super::load::load_folder;
use super::sign_off::{SIGNATURE_PROBLEM, TrustedKeys};

/// What a reload gives the kiosk: the library to show, and what staff should know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reloaded {
    /// The library to show now.
    pub library: Library,
    /// Problems with the folder or its files, one line each, for staff.
    pub notices: Vec<String>,
    /// The folder's revision as read now; `None` when it could not be read.
    pub revision: Option<String>,
}

/// Loads `dir` again, topics reviewed only when signed with one of `keys` (when there are
/// any); `previous` is the library on screen.
pub fn reload(dir: &Path, keys: &TrustedKeys, previous: &Library) -> Reloaded {
    let report = match load_folder(dir, keys) {
        Ok(report) => report,
        Err(error) => {
            return Reloaded {
                library: previous.clone(),
                notices: vec![format!("{error}; still showing the topics loaded before")],
                revision: None,
            };
        }
    };
    // Files that failed: their topics stay as they were, if there were any.
    let failed: HashSet<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter_map(|d| Path::new(&d.file).file_name().map(|name| name.to_string_lossy().into_owned()))
        .collect();
    let revision = report.revision;
    let vocabularies = report.library.vocabularies().to_vec();
    let mut topics = report.library.into_topics();
    let mut kept = 0;
    for old in previous.topics() {
        let file_name = old.file_name();
        let replaced = topics.iter().any(|t| t.id == old.id && t.language == old.language);
        if failed.contains(&file_name) && !replaced {
            topics.push(old.clone());
            kept += 1;
        }
    }
    let mut notices: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error || d.code == SIGNATURE_PROBLEM)
        .map(ToString::to_string)
        .collect();
    if kept > 0 {
        notices.push(if kept == 1 {
            "1 topic is shown as it was before: its file no longer loads".to_owned()
        } else {
            format!("{kept} topics are shown as they were before: their files no longer load")
        });
    }
    Reloaded {
        library: Library::new(topics).with_vocabularies(vocabularies),
        notices,
        revision: Some(revision),
    }
}
