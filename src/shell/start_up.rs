//! Putting the kiosk's set-up together from the command line, the configuration file and the
//! content, reporting every problem before the screen is taken over.

use std::path::{Path, PathBuf};

use kiosk_content::i18n::Catalogs;
use kiosk_content::{Diagnostic, Library, Severity, load_folder, plural};
use kiosk_core::app::{Settings, ThemeName};
use kiosk_core::config::{Config, find_config_file, load_config};

use super::cli::Cli;
use super::failure::Failure;
use super::journal;
use super::start_problems::{StartProblem, folder_fallback, installed, start_problems};
use kiosk_core::app::Level;

/// What the kiosk starts with.
pub struct Start {
    /// The topics.
    pub library: Library,
    /// Their revision (empty while the folder is still to be read).
    pub revision: String,
    /// The set-up.
    pub settings: Settings,
    /// The interface text in each language offered.
    pub catalogs: Catalogs,
    /// The content folder, if the topics come from one: it is watched and read again.
    pub folder: Option<std::path::PathBuf>,
    /// The keys whose signatures make a topic reviewed, for reading the folder again.
    pub trusted_keys: kiosk_content::TrustedKeys,
    /// Whether `library` is empty because the folder is read after the first frame.
    pub loading: bool,
    /// The rest of the library, when `library` holds the bundled topics' names alone: decoded
    /// after the first frame, which lists them sooner (issue 23).
    pub pages: Option<fn() -> Library>,
    /// Usage counts.
    pub stats: kiosk_core::config::StatsConfig,
}

/// Reads the configuration and the content. Problems are printed (they stay readable after the
/// kiosk ends) and kept as notices for staff; only a content folder named on the command line
/// that cannot be read stops the start.
pub fn prepare(cli: &Cli) -> Result<Start, Failure> {
    let (config, problems) = configuration(cli);
    let mut notices: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let loading = reads_after_first_frame(cli, &config);
    // The interface text was read and checked when the program was built.
    let head = kiosk_bundle::head_decoded();
    // A configured folder that cannot be read is said once, as the content shown instead.
    let unreadable = |problem: &StartProblem| problem.message.starts_with("cannot read the content folder");
    let told: Vec<String> = start_problems(&config, &head)
        .into_iter()
        .filter(|problem| !unreadable(problem))
        .map(|p| p.message)
        .collect();
    // The bundled topics' names are enough for the list, unless a topic is to be opened at once.
    let names_first = content_folder(cli, &config).is_none() && !opens_a_topic(cli);
    let bundled_revision = bundled_revision(&head);
    let catalogs = head.into_catalogs(&config.display.languages);
    let (library, revision, shown_folder) = if loading {
        (Library::default(), String::new(), content_folder(cli, &config).map(Path::to_path_buf))
    } else if names_first {
        (kiosk_bundle::names(), bundled_revision, None)
    } else {
        library(cli, &config, &mut notices)?
    };
    let pages = names_first.then_some(kiosk_bundle::library as fn() -> Library);
    notices.extend(told);
    for notice in &notices {
        journal::told(Level::Warning, notice);
    }
    let folder = shown_folder;
    let mut settings = Settings::from_config(&config);
    if cli.kiosk {
        settings.lock();
    }
    settings.touch = cli.touch;
    settings.content_folder = folder.is_some();
    settings.offer_only(|language| catalogs.has(language), kiosk_content::i18n::BASE_LANGUAGE);
    settings.theme = theme(settings.theme);
    settings.speech_command = settings.speech_command.filter(|command| installed(&command[0]));
    settings.notices = notices;
    settings.version = super::version::program();
    let trusted_keys = config.content_rules.keys();
    Ok(Start {
        library,
        revision,
        settings,
        catalogs,
        folder,
        trusted_keys,
        loading,
        pages,
        stats: config.stats,
    })
}

/// How many entries a content folder may hold and still be read before the first frame: a
/// clinic's few dozen topics take milliseconds, and the first screen is then the list itself.
const READ_BEFORE_FIRST_FRAME: usize = 32;

/// A large folder takes seconds to read, so the kiosk reads it on a thread behind a "Loading"
/// screen: whenever the folder is there to read, holds more than [`READ_BEFORE_FIRST_FRAME`]
/// entries, and no topic must be found before the start. A folder that cannot be read, or a
/// `--topic` or `--code`, is dealt with before the screen is taken over, so the reason can be
/// printed.
fn reads_after_first_frame(cli: &Cli, config: &Config) -> bool {
    // Counting stops past the bound: a folder of 10,000 files is not listed twice.
    let large = |dir: &Path| {
        std::fs::read_dir(dir)
            .is_ok_and(|entries| entries.take(READ_BEFORE_FIRST_FRAME + 1).count() > READ_BEFORE_FIRST_FRAME)
    };
    !opens_a_topic(cli) && content_folder(cli, config).is_some_and(large)
}

/// The folder the topics come from: `--content`, else the configured one; `None` for the
/// bundled topics.
pub fn content_folder<'a>(cli: &'a Cli, config: &'a Config) -> Option<&'a Path> {
    cli.content.as_deref().or(config.content.as_deref())
}

/// Whether the kiosk starts on a topic (`--topic`, `--code`), which must be found before the
/// first frame.
fn opens_a_topic(cli: &Cli) -> bool {
    cli.topic.is_some() || cli.code.is_some()
}

/// The configuration file's settings, and its problems.
pub fn configuration(cli: &Cli) -> (Config, Vec<Diagnostic>) {
    let file = find_config_file(
        cli.config.as_deref(),
        std::env::var_os("XDG_CONFIG_HOME"),
        std::env::var_os("HOME"),
    );
    match &file {
        Some(path) => load_config(path),
        None => (Config::default(), Vec::new()),
    }
}

/// The revision of the bundled content, as the kiosk shows it.
fn bundled_revision(head: &kiosk_content::PreparedHead) -> String {
    format!("bundled {}", head.revision())
}

/// The topics, their revision and the folder they come from: from `--content`, else the
/// configured folder, else the bundled ones (no folder). A configured folder that cannot be
/// read falls back to the bundled topics with a notice.
pub fn library(
    cli: &Cli,
    config: &Config,
    notices: &mut Vec<String>,
) -> Result<(Library, String, Option<PathBuf>), Failure> {
    let bundled = || (kiosk_bundle::library(), bundled_revision(kiosk_bundle::head()), None);
    match (&cli.content, &config.content) {
        (Some(dir), _) => {
            let report = load_folder(dir, &config.content_rules.keys()).map_err(Failure::unreadable)?;
            notices.extend(content_errors(dir, &report));
            Ok((report.library, report.revision, Some(dir.clone())))
        }
        (None, Some(dir)) => match load_folder(dir, &config.content_rules.keys()) {
            Ok(report) => {
                notices.extend(content_errors(dir, &report));
                Ok((report.library, report.revision, Some(dir.clone())))
            }
            // A configured folder that is missing must not leave the kiosk dark.
            Err(error) => {
                notices.push(folder_fallback(&error));
                Ok(bundled())
            }
        },
        (None, None) => Ok(bundled()),
    }
}

/// What staff and the journal hear of a folder's problems: how many files were skipped, and
/// each topic whose sign-off does not hold.
fn content_errors(dir: &Path, report: &kiosk_content::LoadReport) -> Vec<String> {
    let errors = report.count(Severity::Error);
    let skipped = (errors > 0).then(|| {
        format!(
            "{} in {}: those files are skipped; run `patient-kiosk validate {}`",
            plural(errors, "content error", "content errors"),
            dir.display(),
            dir.display()
        )
    });
    let unsigned = report.diagnostics.iter().filter(|d| d.code == kiosk_content::SIGNATURE_PROBLEM);
    skipped.into_iter().chain(unsigned.map(|d| format!("{}: {}", d.file, d.message))).collect()
}

/// The configured theme; `NO_COLOR` in the environment always means no colour.
fn theme(configured: ThemeName) -> ThemeName {
    if std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty()) {
        return ThemeName::Monochrome;
    }
    configured
}

/// Today's date where the kiosk is.
pub fn today() -> jiff::civil::Date {
    jiff::ZonedDateTime::now().date()
}
