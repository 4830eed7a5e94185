//! `patient-kiosk config check [FILE]`: every problem of a configuration file, located, with
//! an exit status a fleet's deployment can act on.

use std::path::Path;
use std::process::ExitCode;

use kiosk_content::{Severity, plural};
use kiosk_core::config::{find_config_file, load_config};

use super::cli::{EXIT_UNREADABLE, ReportFormat};
use super::report;

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
    let (_, problems) = load_config(&path);
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
