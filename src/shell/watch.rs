//! Noticing changes to the content folder, including the folder itself vanishing and coming
//! back, and waiting for a quiet moment before saying so.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use kiosk_content::{TRIAGE_FOLDER, VOCABULARY_FOLDER};
use notify::{Config, Event, EventKindMask, RecommendedWatcher, RecursiveMode, Watcher as _};

/// How long the folder must be quiet before it is read again: long enough for an editor's
/// save or a sync to finish, short enough that a change shows within two seconds.
const QUIET: Duration = Duration::from_millis(300);

/// A watch on the content folder; dropping it stops watching.
pub struct ContentWatch {
    watcher: RecommendedWatcher,
    folder: PathBuf,
    /// Whether the folder's parent is watched: only while the folder is missing, to see it come
    /// back. Watched always, every change beside the folder (a log appended to) woke the kiosk.
    parent_watched: bool,
}

impl ContentWatch {
    /// Calls `changed` each time the folder or a file in it changes, after a quiet moment.
    pub fn start(folder: &Path, changed: impl Fn() + Send + 'static) -> notify::Result<Self> {
        let folder = std::path::absolute(folder)?;
        let watched = folder.clone();
        let (sender, changes) = mpsc::channel::<()>();
        // Changes only: reading a file is an event too (an open, a close), and the kiosk's own
        // reading of every file must neither make it read again nor wake the watch thousands of
        // times (on Linux the kernel leaves those events out).
        let config = Config::default().with_event_kinds(EventKindMask::CORE);
        let handler = move |result: notify::Result<Event>| {
            if result.map_or(true, |event| concerns(&event, &watched)) {
                let _ = sender.send(());
            }
        };
        let watcher = RecommendedWatcher::new(handler, config)?;
        // Blocks while nothing happens, so an idle kiosk never wakes for the watch.
        thread::Builder::new().name("content-watch".into()).spawn(move || {
            while changes.recv().is_ok() {
                loop {
                    match changes.recv_timeout(QUIET) {
                        Ok(()) => {}
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
                changed();
            }
        })?;
        let mut watch = ContentWatch { watcher, folder, parent_watched: false };
        watch.rewatch();
        Ok(watch)
    }

    /// Watches the folder (and its vocabulary and triage folders) again: after one was deleted
    /// and made anew, the old watch is gone. While the folder is missing, its parent is watched
    /// instead, to see it come back.
    pub fn rewatch(&mut self) {
        let there = self.watcher.watch(&self.folder, RecursiveMode::NonRecursive).is_ok();
        for inner in [VOCABULARY_FOLDER, TRIAGE_FOLDER] {
            let _ = self.watcher.watch(&self.folder.join(inner), RecursiveMode::NonRecursive);
        }
        let Some(parent) = self.folder.parent() else { return };
        if there && self.parent_watched {
            self.parent_watched = self.watcher.unwatch(parent).is_err();
        } else if !there && !self.parent_watched {
            self.parent_watched = self.watcher.watch(parent, RecursiveMode::NonRecursive).is_ok();
        }
    }
}

/// Whether a change is to the content folder. While the folder is missing its parent is
/// watched to see it return; the parent's other entries are none of the kiosk's business.
fn concerns(event: &Event, folder: &Path) -> bool {
    event.paths.iter().any(|path| path.starts_with(folder))
}
