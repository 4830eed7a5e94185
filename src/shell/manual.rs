//! The manual page and the shells' completion scripts, generated from the command line's own
//! definition, so they cannot drift from what the program accepts.

use std::io::Write as _;
use std::process::ExitCode;

use clap::CommandFactory as _;

use super::cli::Cli;

/// `patient-kiosk man`: the manual page, in roff, on standard output.
pub fn man() -> ExitCode {
    let mut page = Vec::new();
    let written = clap_mangen::Man::new(Cli::command()).render(&mut page);
    finish(written.and_then(|()| std::io::stdout().write_all(&page)), "the manual page")
}

/// `patient-kiosk completions SHELL`: the completion script on standard output.
pub fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "patient-kiosk", &mut script);
    finish(std::io::stdout().write_all(&script), "the completion script")
}

fn finish(written: std::io::Result<()>, what: &str) -> ExitCode {
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            say!("patient-kiosk: cannot write {what}: {error}");
            ExitCode::FAILURE
        }
    }
}
