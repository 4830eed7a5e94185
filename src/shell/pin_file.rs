//! Keeping wrong staff PINs across restarts, so restarting the kiosk does not reset a lockout:
//! a small file in the state directory, replaced whole on each change.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use kiosk_core::app::PinRecord;
use serde::Deserialize;

/// The file's name in the state directory.
const FILE_NAME: &str = "pin-guard.toml";

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
    pub fn load(&self) -> (PinRecord, Option<String>) {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return (PinRecord::default(), None);
            }
            Err(error) => return (guarded(), Some(format!("cannot read {}: {error}", self.path.display()))),
        };
        match toml::from_str::<Stored>(&text) {
            Ok(stored) => {
                let until = UNIX_EPOCH + Duration::from_secs(stored.locked_until);
                let locked_for = until.duration_since(SystemTime::now()).unwrap_or(Duration::ZERO);
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
    pub fn save(&self, record: PinRecord) -> Result<(), String> {
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
            let partial = self.path.with_extension("toml.partial");
            let mut file = std::fs::File::create(&partial)?;
            std::io::Write::write_all(&mut file, text.as_bytes())?;
            file.sync_all()?;
            std::fs::rename(&partial, &self.path)
        };
        write().map_err(|error| {
            format!(
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
        let record = PinRecord { wrong_pins: 3, lockouts: 2, locked_for: Duration::from_secs(120) };
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
}
