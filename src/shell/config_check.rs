//! `patient-kiosk config check [FILE]`: every problem of a configuration file, located, with
//! an exit status a fleet's deployment can act on.

use super::failure::ExitCode;
use std::path::Path;

use kiosk_content::{Diagnostic, Position, Severity, plural};
use kiosk_core::config::{find_config_file, load_config, setting_span};

use super::cli::{EXIT_UNREADABLE, ReportFormat};
use super::report;
use super::start_problems::{LOCKED, start_problems};

/// Checks `file`, or the file the kiosk would read. Exits 0 without errors, 1 with errors, 2
/// when the file cannot be read at all.
pub fn check(file: Option<&Path>, format: ReportFormat) -> ExitCode {
    let found = find_config_file(file, std::env::var_os("XDG_CONFIG_HOME"), std::env::var_os("HOME"));
    let Some(path) = found else {
        if format != ReportFormat::Json {
            println!("no configuration file: the kiosk uses every default, unlocked");
        }
        return ExitCode::SUCCESS;
    };
    let (config, mut problems) = load_config(&path);
    // What the start will say of these settings, in its own words, at the setting it is about
    // (the file's start when the file does not write it: a default, or --kiosk).
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    // A kiosk locked for safety is locked whatever `locked` says: that problem is the file's.
    let locked_for_safety = problems.iter().any(|problem| problem.code == "config-locked");
    problems.extend(start_problems(&config, kiosk_bundle::head()).into_iter().map(|problem| {
        let written = !(locked_for_safety && problem.setting == LOCKED);
        match setting_span(&text, problem.setting).filter(|_| written) {
            Some(span) => {
                Diagnostic::at_span(&shown, &text, span, problem.severity, "config-start", problem.message)
            }
            None => match problem.severity {
                Severity::Error => {
                    Diagnostic::error(&shown, Position::START, "config-start", problem.message)
                }
                Severity::Warning => {
                    Diagnostic::warning(&shown, Position::START, "config-start", problem.message)
                }
            },
        }
    }));
    report::print_all(&problems, format);
    let count = |severity| problems.iter().filter(|problem| problem.severity == severity).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    if format != ReportFormat::Json {
        println!(
            "checked {}: {}, {}",
            path.display(),
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings")
        );
    }
    if problems.iter().any(|problem| problem.code == "config-unreadable") {
        ExitCode::from(EXIT_UNREADABLE)
    } else if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
