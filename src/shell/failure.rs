//! Why a command, or the kiosk, stops short of what was asked: one error type for the whole
//! binary. Every function returns it; `shell::run` alone says it, once, and turns it into the
//! exit status.

use std::fmt::Display;

use super::cli::EXIT_UNREADABLE;

/// The program's exit status, as `std::process::ExitCode` would be; that one keeps its number to
/// itself, and the program's start ([`super::entry`]) hands the number to the C library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExitCode(u8);

impl ExitCode {
    /// Done.
    pub const SUCCESS: ExitCode = ExitCode(0);
    /// A failure, or problems found.
    pub const FAILURE: ExitCode = ExitCode(1);

    /// The number the program exits with.
    pub fn number(self) -> u8 {
        self.0
    }
}

impl From<u8> for ExitCode {
    fn from(number: u8) -> ExitCode {
        ExitCode(number)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// What the command was asked to read is not there or cannot be read: the content folder,
    /// a named configuration file, a topic or section, the usage counts. Exit status 2, as for
    /// a mistake on the command line.
    #[error("{0}")]
    Unreadable(String),
    /// Anything else that stopped it: a write, the terminal, a key, a password. Exit status 1.
    #[error("{0:#}")]
    Failed(#[from] anyhow::Error),
}

impl Failure {
    /// What was asked for cannot be read, and why.
    pub fn unreadable(reason: impl Display) -> Failure {
        Failure::Unreadable(reason.to_string())
    }

    /// Something else stopped the command, and why.
    pub fn failed(reason: impl Display) -> Failure {
        Failure::Failed(anyhow::anyhow!("{reason}"))
    }

    /// The process's exit status for this failure.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Failure::Unreadable(_) => ExitCode::from(EXIT_UNREADABLE),
            Failure::Failed(_) => ExitCode::FAILURE,
        }
    }
}

/// What a command ends with: its own exit status (a check that found errors exits 1), or why
/// it stopped.
pub type CommandResult = Result<ExitCode, Failure>;
