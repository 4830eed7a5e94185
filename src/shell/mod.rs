//! Everything that touches the terminal, the clock, signals and other programs.

pub mod cli;
mod commands;
mod event_loop;
mod input;
mod terminal;

use std::process::ExitCode;

use cli::{Cli, Command};
use patient_kiosk::app::{App, Settings};
use patient_kiosk::content::Severity;
use patient_kiosk::i18n::Catalog;

/// Runs what the command line asks for and returns the process's exit status.
pub fn run(cli: Cli) -> ExitCode {
    match &cli.command {
        Some(Command::Validate { dir }) => commands::validate(dir.as_deref().or(cli.content.as_deref())),
        Some(Command::List { dir }) => commands::list(dir.as_deref().or(cli.content.as_deref())),
        None => kiosk(&cli),
    }
}

/// Runs the full-screen kiosk.
fn kiosk(cli: &Cli) -> ExitCode {
    let report = match commands::load(cli.content.as_deref()) {
        Ok(report) => report,
        Err(code) => return code,
    };
    let errors = report.count(Severity::Error);
    if errors > 0 {
        // Printed before the screen is taken over, so it is there to read after the kiosk ends.
        eprintln!(
            "patient-kiosk: {errors} content error(s): those files are skipped; run `patient-kiosk validate` for details"
        );
    }
    let mut screen = match terminal::FullScreen::enter() {
        Ok(screen) => screen,
        Err(error) => {
            eprintln!("patient-kiosk: the kiosk needs a terminal: {error}");
            return ExitCode::FAILURE;
        }
    };
    let size = screen.terminal.size().unwrap_or_default();
    let app = App::new(report.library, Catalog::english(), Settings::default(), size.width, size.height);
    let result = event_loop::run(app, &mut screen);
    drop(screen);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("patient-kiosk: {error:#}");
            ExitCode::FAILURE
        }
    }
}
