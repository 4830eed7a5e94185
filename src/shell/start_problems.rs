//! What the kiosk will say at its start about a configuration beyond the file's own problems:
//! one list, read by the start and by `config check`, so the check predicts the start in the
//! same words.

use std::path::Path;

use kiosk_content::{FolderError, PreparedHead, Severity};
use kiosk_core::config::Config;

/// One thing the start will report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartProblem {
    /// An error: the kiosk will not show what the configuration asks for.
    pub severity: Severity,
    /// What the start says.
    pub message: String,
    /// The setting it is about, as `config check` looks it up: each way the file may write it
    /// (tables, then the key).
    pub setting: &'static [&'static [&'static str]],
}

/// Where the file locks the kiosk.
pub const LOCKED: &[&[&str]] = &[&["kiosk", "locked"]];

/// What the start will say of `config`, with the bundled catalogs of `head`, in order.
pub fn start_problems(config: &Config, head: &PreparedHead) -> Vec<StartProblem> {
    let mut problems = Vec::new();
    if let Some(dir) = &config.content
        && let Err(source) = std::fs::read_dir(dir)
    {
        let message = folder_fallback(&FolderError { path: dir.clone(), source });
        let setting: &[&[&str]] = &[&["content"], &["content", "folder"]];
        problems.push(StartProblem { severity: Severity::Error, message, setting });
    }
    let missing = head.missing_catalogs(&config.display.languages);
    problems.extend(missing.into_iter().map(|message| StartProblem {
        severity: Severity::Warning,
        message,
        setting: &[&["display", "languages"], &["display", "language"]],
    }));
    if config.kiosk.locked && config.kiosk.exit_pin_hash.is_none() {
        let message =
            "the kiosk is locked and has no `exit_pin_hash`: nobody can leave it from the keyboard, \
                       only its service manager can stop it; `patient-kiosk hash-pin` makes one"
                .to_owned();
        problems.push(StartProblem {
            severity: Severity::Warning,
            message,
            setting: &[&["kiosk", "locked"]],
        });
    }
    if let Some(program) = config.speech.command.as_ref().and_then(|command| command.first())
        && !installed(program)
    {
        let message = format!("the speech command `{program}` is not installed: reading aloud is off");
        problems.push(StartProblem {
            severity: Severity::Warning,
            message,
            setting: &[&["speech", "command"]],
        });
    }
    problems
}

/// What the start says when the configured content folder cannot be read.
pub fn folder_fallback(error: &FolderError) -> String {
    format!("{error}; showing the bundled topics instead")
}

/// Whether `program` can be run: a path to a file, or a name found on `PATH`.
pub fn installed(program: &str) -> bool {
    if program.contains('/') {
        return Path::new(program).is_file();
    }
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}
