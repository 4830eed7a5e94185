//! Everything that touches the terminal, the clock, signals and other programs.

pub mod cli;
mod commands;

use std::process::ExitCode;

use cli::{Cli, Command};

/// Runs what the command line asks for and returns the process's exit status.
pub fn run(cli: Cli) -> ExitCode {
    match &cli.command {
        Some(Command::Validate { dir }) => commands::validate(dir.as_deref().or(cli.content.as_deref())),
        Some(Command::List { dir }) => commands::list(dir.as_deref().or(cli.content.as_deref())),
        None => ExitCode::SUCCESS,
    }
}
