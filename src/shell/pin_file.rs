//! Keeping wrong staff PINs across restarts, so restarting the kiosk does not reset a lockout:
//! a small file in the state directory, replaced whole on each change.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use kiosk_content::{ReadFileError, read_regular_file_here};
use kiosk_core::app::{LONGEST_LOCKOUT, PinRecord};

use super::replace_file::replace_file;
use serde::Deserialize;

/// The file's name in the state directory.
pub const FILE_NAME: &str = "pin-guard.toml";

/// The most of it read: a real one is under a hundred bytes.
const MAX_BYTES: u64 = 4096;

/// The state directory: systemd's `$STATE_DIRECTORY` (its first entry), else
/// `$XDG_STATE_HOME/patient-kiosk`, else `/var/lib/patient-kiosk`.
pub fn state_directory() -> PathBuf {
    let set = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
    if let Some(dirs) = set("STATE_DIRECTORY")
        && let Some(first) = std::env::split_paths(&dirs).next()
    {
        return first;
    }
    match set("XDG_STATE_HOME") {
        Some(dir) => PathBuf::from(dir).join("patient-kiosk"),
        None => PathBuf::from("/var/lib/patient-kiosk"),
    }
}

/// The file as written: counts, and the lockout's end as wall-clock seconds.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    wrong_pins: u32,
    lockouts: u32,
    locked_until: u64,
}

/// Where the PIN guard is kept.
pub struct PinFile {
    path: PathBuf,
}

impl PinFile {
    /// The PIN guard's file in `directory`.
    pub fn in_directory(directory: &Path) -> PinFile {
        PinFile { path: directory.join(FILE_NAME) }
    }

    /// The guard as last kept; no file is a clean start. A file that cannot be read is a
    /// problem for staff, and the guard starts as after a first lockout, not clean: a broken
    /// file must not be a way to reset the count.
    /// It is read as topic files are: a regular file (a pipe never blocks the start), never
    /// through a link, at most a few kilobytes.
    pub fn load(&self) -> (PinRecord, Option<String>) {
        let text = match read_regular_file_here(&self.path, MAX_BYTES) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(ReadFileError::Io(error)) if error.kind() == std::io::ErrorKind::NotFound => {
                return (PinRecord::default(), None);
            }
            Err(error) => {
                let problem = format!(
                    "cannot read {}: {error}; the PIN screen opens after a lockout",
                    self.path.display()
                );
                return (guarded(), Some(problem));
            }
        };
        match toml::from_str::<Stored>(&text) {
            Ok(stored) => {
                // A time past what the clock can hold is as good as a lockout running now.
                let until = UNIX_EPOCH.checked_add(Duration::from_secs(stored.locked_until));
                let locked_for = until.map_or(LONGEST_LOCKOUT, |until| {
                    until.duration_since(SystemTime::now()).unwrap_or(Duration::ZERO).min(LONGEST_LOCKOUT)
                });
                (PinRecord { wrong_pins: stored.wrong_pins, lockouts: stored.lockouts, locked_for }, None)
            }
            Err(error) => {
                let reason = error.message().to_owned();
                (
                    guarded(),
                    Some(format!(
                        "{} is damaged ({reason}); the PIN screen opens after a lockout",
                        self.path.display()
                    )),
                )
            }
        }
    }

    /// Keeps `record`: written beside the file, then renamed over it, so a power cut leaves the
    /// old file or the new one, never half of one.
    pub fn save(&self, record: PinRecord) -> anyhow::Result<()> {
        let until = (SystemTime::now() + record.locked_for).duration_since(UNIX_EPOCH).unwrap_or_default();
        let stored = Stored {
            wrong_pins: record.wrong_pins,
            lockouts: record.lockouts,
            locked_until: until.as_secs(),
        };
        let text = format!(
            "# Wrong staff PINs, kept across restarts. Deleting this file resets the lockout.\n\
             wrong_pins = {}\nlockouts = {}\nlocked_until = {}\n",
            stored.wrong_pins, stored.lockouts, stored.locked_until
        );
        let write = || -> std::io::Result<()> {
            if let Some(directory) = self.path.parent() {
                std::fs::create_dir_all(directory)?;
            }
            replace_file(&self.path, text.as_bytes(), 0o600)
        };
        write().map_err(|error| {
            anyhow::anyhow!(
                "cannot keep the wrong-PIN count in {}: {error}; a restart forgets it",
                self.path.display()
            )
        })
    }
}

/// The guard after one lockout that has run out: the next wrong PINs lock for two minutes.
fn guarded() -> PinRecord {
    PinRecord { wrong_pins: 0, lockouts: 1, locked_for: Duration::ZERO }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_survives_a_save_and_a_load() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = PinFile::in_directory(&dir.path().join("state"));
        assert_eq!(file.load(), (PinRecord::default(), None));
        let record = PinRecord { wrong_pins: 3, lockouts: 2, locked_for: Duration::from_mins(2) };
        file.save(record).expect("save");
        let (loaded, problem) = file.load();
        assert_eq!(problem, None);
        assert_eq!((loaded.wrong_pins, loaded.lockouts), (3, 2));
        assert!((118..=120).contains(&loaded.locked_for.as_secs()), "{loaded:?}");
    }

    #[test]
    fn a_damaged_file_does_not_reset_the_count() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = PinFile::in_directory(dir.path());
        std::fs::write(dir.path().join(FILE_NAME), "wrong_pins = \"many\"\n").expect("write");
        let (record, problem) = file.load();
        assert_eq!(record, guarded());
        assert!(problem.is_some_and(|p| p.contains("is damaged")));
    }

    /// A planted or broken file never stops the start, never blocks it, and never clears a
    /// lockout: each is read at once as a lockout served (or running, for a far-off end).
    #[test]
    fn a_hostile_file_starts_at_once_with_the_lockout_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = PinFile::in_directory(dir.path());
        let path = dir.path().join(FILE_NAME);
        let plant = |make: &dyn Fn(&Path)| {
            let _ = std::fs::remove_file(&path);
            make(&path);
            let started = std::time::Instant::now();
            let loaded = file.load();
            assert!(started.elapsed() < Duration::from_secs(1), "read within a second");
            loaded
        };
        // The end of time: a lockout running now, never an overflow.
        let (record, problem) = plant(&|p| {
            std::fs::write(p, "wrong_pins = 0\nlockouts = 9\nlocked_until = 18446744073709551615\n")
                .expect("write");
        });
        assert_eq!((record.lockouts, record.locked_for, problem), (9, LONGEST_LOCKOUT, None));
        for (what, make) in [
            ("a pipe", Box::new(|p: &Path| make_fifo(p)) as Box<dyn Fn(&Path)>),
            (
                "a link to /dev/zero",
                Box::new(|p: &Path| std::os::unix::fs::symlink("/dev/zero", p).expect("link")),
            ),
            (
                "a 300 MB file",
                Box::new(|p: &Path| {
                    std::fs::File::create(p).and_then(|f| f.set_len(300 << 20)).expect("file");
                }),
            ),
        ] {
            let (record, problem) = plant(&*make);
            assert_eq!(record, guarded(), "{what}");
            assert!(problem.is_some_and(|p| p.contains("the PIN screen opens after a lockout")), "{what}");
        }
    }

    fn make_fifo(path: &Path) {
        let name = std::ffi::CString::new(path.to_str().expect("UTF-8")).expect("no NUL");
        // SAFETY: mkfifo reads a NUL-terminated path we own.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    }

    #[test]
    fn a_link_planted_at_the_partial_name_is_never_followed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep me").expect("write");
        std::os::unix::fs::symlink(&victim, dir.path().join("pin-guard.toml.partial")).expect("link");
        let file = PinFile::in_directory(dir.path());
        file.save(PinRecord { wrong_pins: 2, lockouts: 0, locked_for: Duration::ZERO }).expect("save");
        assert_eq!(std::fs::read_to_string(&victim).expect("read"), "keep me");
        assert_eq!(file.load().0.wrong_pins, 2);
    }
}
