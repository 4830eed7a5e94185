//! Replacing a small file whole: the new text goes to a new file beside it, made with
//! `O_EXCL | O_NOFOLLOW` under a name no one can have prepared (a link planted at a known
//! `.partial` name is never followed), then renamed over the old one — a reader or a power cut
//! sees the old file or the new one, never half of one.

use std::fs::{self, OpenOptions};
use std::io::{self, Write as _};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` through a fresh file beside it (mode `mode`), renamed over it.
pub fn replace_file(path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    let partial = fresh_name(path);
    let written = write_new(&partial, bytes, mode).and_then(|()| fs::rename(&partial, path));
    if written.is_err() {
        let _ = fs::remove_file(&partial);
    }
    written
}

/// Writes `bytes` to a new file at `path`; an existing file, or a link, is never written.
pub fn write_new(path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .custom_flags(libc::O_NOFOLLOW)
        .mode(mode)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// `path` with `.<pid>.<nanoseconds>.partial` added: unique to this write.
fn fresh_name(path: &Path) -> PathBuf {
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos();
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".{}.{nanos}.partial", std::process::id()));
    name.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_planted_where_the_new_file_goes_is_never_followed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let victim = dir.path().join("victim");
        fs::write(&victim, "keep me").expect("write");
        let target = dir.path().join("pin-guard.toml");
        // The old fixed name, and any name a planter could guess, lead elsewhere.
        std::os::unix::fs::symlink(&victim, dir.path().join("pin-guard.toml.partial")).expect("link");
        replace_file(&target, b"new", 0o600).expect("replace");
        assert_eq!(fs::read_to_string(&victim).expect("read"), "keep me");
        assert_eq!(fs::read_to_string(&target).expect("read"), "new");
        assert!(!fs::symlink_metadata(&target).expect("meta").file_type().is_symlink());
        // A link at the very path written new is refused, not followed.
        let planted = dir.path().join("planted");
        std::os::unix::fs::symlink(&victim, &planted).expect("link");
        assert!(write_new(&planted, b"x", 0o600).is_err());
        assert_eq!(fs::read_to_string(&victim).expect("read"), "keep me");
    }
}
