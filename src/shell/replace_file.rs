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
    remove_leftovers(path);
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

/// Removes the fresh files of writes to `path` whose process ended before renaming them: a
/// kiosk stopped while it keeps its topic names (5 MB for 10,000 topics) would otherwise leave
/// one behind each time. A running process's write is left alone.
fn remove_leftovers(path: &Path) {
    let (Some(directory), Some(name)) = (path.parent(), path.file_name().and_then(|name| name.to_str()))
    else {
        return;
    };
    let Ok(entries) = fs::read_dir(directory) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let writer = file_name
            .to_str()
            .and_then(|file_name| file_name.strip_prefix(name)?.strip_prefix('.')?.strip_suffix(PARTIAL))
            .and_then(|stamp| stamp.split_once('.')?.0.parse::<libc::pid_t>().ok());
        if writer.is_some_and(|pid| pid > 0 && !is_running(pid)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether process `pid` (above 0) is running: only "no such process" says it is not.
fn is_running(pid: libc::pid_t) -> bool {
    // SAFETY: signal 0 is never sent; kill only checks that the process exists.
    let answered = unsafe { libc::kill(pid, 0) };
    answered == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

/// How a fresh file's name ends, after the writer's process id and the time.
const PARTIAL: &str = ".partial";

/// `path` with `.<pid>.<nanoseconds>.partial` added: unique to this write.
fn fresh_name(path: &Path) -> PathBuf {
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos();
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".{}.{nanos}{PARTIAL}", std::process::id()));
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

    #[test]
    fn what_a_write_cut_short_left_is_removed_and_a_running_write_is_not() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("topic-heads.postcard");
        let mut ended = std::process::Command::new("true").spawn().expect("true runs");
        let ended_pid = ended.id();
        ended.wait().expect("true ends");
        let left = dir.path().join(format!("topic-heads.postcard.{ended_pid}.1.partial"));
        let running = dir.path().join(format!("topic-heads.postcard.{}.2.partial", std::process::id()));
        let other = dir.path().join(format!("pin-guard.toml.{ended_pid}.3.partial"));
        for file in [&left, &running, &other] {
            fs::write(file, "half").expect("write");
        }
        replace_file(&target, b"whole", 0o600).expect("replace");
        assert!(!left.exists(), "the ended process's file is still there");
        assert!(running.exists(), "a running process's write was removed");
        assert!(other.exists(), "another file's write was removed");
        assert_eq!(fs::read_to_string(&target).expect("read"), "whole");
    }
}
