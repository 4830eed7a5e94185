//! Putting the kiosk's set-up together from the command line, the configuration file and the
//! content, reporting every problem before the screen is taken over.

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use patient_kiosk::app::{Key, Settings};
use patient_kiosk::config::{Config, find_config_file, load_config};
use patient_kiosk::content::{Library, Severity, load_bundled, load_folder};

use super::cli::Cli;
use super::commands::EXIT_UNREADABLE;

/// What the kiosk starts with.
pub struct Start {
    /// The topics.
    pub library: Library,
    /// The set-up.
    pub settings: Settings,
}

/// Reads the configuration and the content. Problems are printed (they stay readable after the
/// kiosk ends) and kept as notices for staff; only a content folder named on the command line
/// that cannot be read stops the start.
pub fn prepare(cli: &Cli) -> Result<Start, ExitCode> {
    let mut notices = Vec::new();
    let config_file = find_config_file(
        cli.config.as_deref(),
        std::env::var_os("XDG_CONFIG_HOME"),
        std::env::var_os("HOME"),
    );
    let config = match &config_file {
        Some(path) => {
            let (config, problems) = load_config(path);
            notices.extend(problems.iter().map(ToString::to_string));
            config
        }
        None => Config::default(),
    };

    let library = match (&cli.content, &config.content) {
        (Some(dir), _) => {
            let report = load_folder(dir).map_err(|error| {
                eprintln!("patient-kiosk: {error}");
                ExitCode::from(EXIT_UNREADABLE)
            })?;
            notices.extend(content_errors(dir, report.count(Severity::Error)));
            report.library
        }
        (None, Some(dir)) => match load_folder(dir) {
            Ok(report) => {
                notices.extend(content_errors(dir, report.count(Severity::Error)));
                report.library
            }
            // A configured folder that is missing must not leave the kiosk dark.
            Err(error) => {
                notices.push(format!("{error}; showing the bundled topics instead"));
                load_bundled().library
            }
        },
        (None, None) => load_bundled().library,
    };

    for notice in &notices {
        eprintln!("patient-kiosk: {notice}");
    }
    Ok(Start { library, settings: settings_from(&config, cli.kiosk, notices) })
}

fn content_errors(dir: &Path, errors: usize) -> Option<String> {
    (errors > 0).then(|| {
        format!(
            "{errors} content error(s) in {}: those files are skipped; run `patient-kiosk validate {}`",
            dir.display(),
            dir.display()
        )
    })
}

fn settings_from(config: &Config, kiosk_flag: bool, notices: Vec<String>) -> Settings {
    let kiosk = &config.kiosk;
    Settings {
        locked: kiosk_flag || kiosk.locked,
        idle: kiosk.idle.max(Duration::from_secs(1)),
        warning: kiosk.warning.max(Duration::from_secs(1)),
        staff_key: Key::Function(kiosk.staff_key),
        pin_hash: kiosk.exit_pin_hash.clone(),
        clinic_name: config.clinic_name.clone(),
        notices,
        ..Settings::default()
    }
}
