//! The content folder's topic heads kept between starts ([`KeptNames`]), in the cache
//! directory: systemd's `$CACHE_DIRECTORY` (its first entry), else
//! `$XDG_CACHE_HOME/patient-kiosk`, else `$HOME/.cache/patient-kiosk`. One file, for the folder
//! read last: a kiosk shows one folder, and another folder's heads replace it rather than
//! pile up beside it. Losing the file costs one slower start, nothing more.

use std::io;
use std::os::unix::fs::DirBuilderExt as _;
use std::path::{Path, PathBuf};

use kiosk_content::{KeptNames, TrustedKeys, read_regular_file_here};

use super::replace_file::replace_file;

/// The file's name in the cache directory.
pub const FILE_NAME: &str = "topic-heads.postcard";

/// The most of it read: 10,000 topics keep about 1.3 MB.
const MAX_BYTES: u64 = 64 << 20;

/// The cache directory, when there is one to name.
pub fn cache_directory() -> Option<PathBuf> {
    let set = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
    if let Some(dirs) = set("CACHE_DIRECTORY")
        && let Some(first) = std::env::split_paths(&dirs).next()
    {
        return Some(first);
    }
    match (set("XDG_CACHE_HOME"), set("HOME")) {
        (Some(cache), _) => Some(PathBuf::from(cache).join("patient-kiosk")),
        (None, Some(home)) => Some(PathBuf::from(home).join(".cache/patient-kiosk")),
        (None, None) => None,
    }
}

/// The heads kept for `folder` by this build; none when the file is missing, unreadable,
/// too large or kept for anything else. It is read as topic files are: a regular file, never
/// through a link.
pub fn load(folder: &Path, keys: &TrustedKeys, made_by: &str) -> KeptNames {
    let bytes = cache_directory()
        .and_then(|directory| read_regular_file_here(&directory.join(FILE_NAME), MAX_BYTES).ok());
    KeptNames::decode(bytes.as_deref(), made_by, folder, keys)
}

/// Keeps `bytes` for the next start, making the cache directory (for this user only) when it
/// is not there.
pub fn keep(bytes: &[u8]) -> io::Result<()> {
    let directory =
        cache_directory().ok_or_else(|| io::Error::other("no cache directory (HOME is not set)"))?;
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(&directory)?;
    replace_file(&directory.join(FILE_NAME), bytes, 0o600)
}
