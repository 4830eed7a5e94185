//! Noticing changes to the content folder (notify, with a debounce), including the folder
//! itself vanishing and coming back.

use std::path::{Path, PathBuf};
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

/// How long the folder must be quiet before it is read again: long enough for an editor's
/// save or a sync to finish, short enough that a change shows within two seconds.
const QUIET: Duration = Duration::from_millis(300);

/// A watch on the content folder; dropping it stops watching.
pub struct ContentWatch {
    debouncer: Debouncer<RecommendedWatcher>,
    folder: PathBuf,
}

impl ContentWatch {
    /// Calls `changed` each time the folder or a file in it changes, after a quiet moment.
    pub fn start(
        folder: &Path,
        changed: impl Fn() + Send + 'static,
    ) -> notify_debouncer_mini::notify::Result<Self> {
        let folder = std::path::absolute(folder)?;
        let watched = folder.clone();
        let mut debouncer = new_debouncer(QUIET, move |result: DebounceEventResult| {
            // The parent is watched too, to see the folder vanish and return; its other
            // entries are none of the kiosk's business.
            let ours =
                result.map_or(true, |events| events.iter().any(|event| event.path.starts_with(&watched)));
            if ours {
                changed();
            }
        })?;
        if let Some(parent) = folder.parent() {
            debouncer.watcher().watch(parent, RecursiveMode::NonRecursive)?;
        }
        let mut watch = ContentWatch { debouncer, folder };
        watch.rewatch();
        Ok(watch)
    }

    /// Watches the folder again: after it was deleted and made anew, the old watch is gone.
    pub fn rewatch(&mut self) {
        // A folder that is missing now is watched again when it comes back.
        let _ = self.debouncer.watcher().watch(&self.folder, RecursiveMode::NonRecursive);
    }
}
