//! A content folder's heads kept between starts: each file's stamp (size, inode, and the
//! times it was written and changed) beside the head a names read found in it. The next names
//! read takes a file's head from here when its stamp is unchanged and reads only the others,
//! so 10,000 topics are listed after a `stat` of each file rather than a read of every byte,
//! as fontconfig's cache spares a font's parse. What is kept is never the last word: the whole
//! read that follows every names read reads every file again and settles what shows.

use std::os::unix::ffi::OsStrExt as _;
use std::os::unix::fs::MetadataExt as _;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::model::Topic;
use super::sign_off::{TrustedKeys, signature_path};

/// Bumped when what is kept changes shape; a program's own version is in `made_by` too.
const FORMAT: u32 = 1;

/// How long after a file was last changed its stamp is trusted: a write within the same tick
/// of the file system's clock would leave the stamp as it was (git's "racily clean" files).
const SETTLED_AFTER: Duration = Duration::from_secs(2);

/// What tells that a file changed: its size, its inode, and the times it was last written
/// and changed (the kernel sets the second on every write; no program can set it back).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Stamp {
    len: u64,
    inode: u64,
    modified: (i64, i64),
    changed: (i64, i64),
}

impl Stamp {
    /// The stamp of the regular file at `path`, not followed if it is a link; none for
    /// anything else, which is read every time.
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::symlink_metadata(path).ok()?;
        meta.file_type().is_file().then(|| Stamp {
            len: meta.len(),
            inode: meta.ino(),
            modified: (meta.mtime(), meta.mtime_nsec()),
            changed: (meta.ctime(), meta.ctime_nsec()),
        })
    }

    /// Whether the file was last changed long enough before `now` for its stamp to show the
    /// next change.
    fn settled(&self, now: SystemTime) -> bool {
        let changed = Duration::new(u64::try_from(self.changed.0).unwrap_or(0), 0);
        now.duration_since(UNIX_EPOCH).is_ok_and(|now| now > changed + SETTLED_AFTER)
    }
}

/// The stamps a topic file's head depends on: its own, and its signature's when sign-off is
/// in use (a missing signature makes the topic a draft).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct FileStamps {
    file: Stamp,
    signature: Option<Stamp>,
}

impl FileStamps {
    /// The stamps of the topic file at `path`; none when it is not a regular file.
    pub(crate) fn of(path: &Path, keys: &TrustedKeys) -> Option<FileStamps> {
        let file = Stamp::of(path)?;
        let signature = if keys.in_use() { Stamp::of(&signature_path(path)) } else { None };
        Some(FileStamps { file, signature })
    }

    fn settled(&self, now: SystemTime) -> bool {
        self.file.settled(now) && self.signature.is_none_or(|signature| signature.settled(now))
    }
}

/// Kept heads as written: owned when read back, borrowed when written.
#[derive(Serialize, Deserialize)]
struct Kept<Name, Head> {
    format: u32,
    made_by: Name,
    keys: u64,
    folder: Vec<u8>,
    /// In file-name order.
    files: Vec<KeptFile<Name, Head>>,
}

#[derive(Serialize, Deserialize)]
struct KeptFile<Name, Head> {
    name: Name,
    stamps: FileStamps,
    /// None when the file's head did not read cleanly.
    head: Option<Head>,
}

/// The heads kept for one folder, read back, and the build that keeps them next.
pub struct KeptNames {
    /// The build: only heads kept by this very build are trusted, and it keeps the next.
    made_by: String,
    files: Vec<KeptFile<String, Topic>>,
    /// How many were taken: when not all were, files were removed.
    taken: usize,
}

impl KeptNames {
    /// What `bytes` keep for the folder `dir`: nothing when there are none, when they were
    /// kept by another build than `made_by`, for another folder or other keys, or do not read
    /// at all.
    pub fn decode(bytes: Option<&[u8]>, made_by: &str, dir: &Path, keys: &TrustedKeys) -> KeptNames {
        let nothing = KeptNames { made_by: made_by.to_owned(), files: Vec::new(), taken: 0 };
        let Some(bytes) = bytes else { return nothing };
        match postcard::from_bytes::<Kept<String, Topic>>(bytes) {
            Ok(kept)
                if kept.format == FORMAT
                    && kept.made_by == made_by
                    && kept.keys == keys.fingerprint()
                    && kept.folder == dir.as_os_str().as_bytes()
                    && kept.files.is_sorted_by(|a, b| a.name < b.name) =>
            {
                KeptNames { files: kept.files, ..nothing }
            }
            _ => nothing,
        }
    }

    /// Where the file `name` is kept, when its stamps are still `stamps`.
    pub(crate) fn unchanged(&self, name: &str, stamps: &FileStamps) -> Option<usize> {
        let at = self.files.binary_search_by(|file| file.name.as_str().cmp(name)).ok()?;
        (self.files[at].stamps == *stamps).then_some(at)
    }

    /// The head kept at `at` (none when it did not read cleanly, and still would not).
    pub(crate) fn take(&mut self, at: usize) -> Option<Topic> {
        self.taken += 1;
        self.files[at].head.take()
    }

    /// Whether every file kept was taken: none was removed or changed.
    pub(crate) fn all_taken(&self) -> bool {
        self.taken == self.files.len()
    }

    /// The heads of `files` (each a file's name, stamps and head) to keep for the folder
    /// `dir`; files changed too shortly before `now` to trust their stamps are left to be read
    /// next time.
    pub(crate) fn encode<'a>(
        &self,
        dir: &Path,
        keys: &TrustedKeys,
        now: SystemTime,
        files: impl Iterator<Item = (&'a str, FileStamps, Option<&'a Topic>)>,
    ) -> Vec<u8> {
        let files: Vec<KeptFile<&str, &Topic>> = files
            .filter(|(_, stamps, _)| stamps.settled(now))
            .map(|(name, stamps, head)| KeptFile { name, stamps, head })
            .collect();
        let kept = Kept {
            format: FORMAT,
            made_by: self.made_by.as_str(),
            keys: keys.fingerprint(),
            folder: dir.as_os_str().as_bytes().to_vec(),
            files,
        };
        postcard::to_allocvec(&kept).unwrap_or_default()
    }
}

#[cfg(test)]
impl KeptNames {
    /// Whether nothing is kept.
    pub(crate) fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Gives the head kept for the file `name` another title, to tell it from a fresh read.
    pub(crate) fn retitle(&mut self, name: &str, title: &str) {
        let file = self.files.iter_mut().find(|file| file.name == name).expect("kept");
        file.head.as_mut().expect("a head").title = title.to_owned();
    }
}
