//! Everything that touches the terminal, the clock, signals and other programs.

/// Prints a line on standard error with every character that could steer a terminal shown as
/// an escape (`\u{1b}`): messages quote what was typed, a file name, a configuration. One rule
/// for every message, so no quoted id can write an escape sequence to the terminal.
macro_rules! say {
    ($($message:tt)*) => {
        eprintln!("{}", kiosk_content::printable(&format!($($message)*)))
    };
}

mod capped_backend;
pub mod cli;
mod commands;
mod config_check;
mod console_font;
mod dispatch;
pub mod entry;
mod event_loop;
mod failure;
mod frame_writer;
mod hash_pin;
mod input;
mod journal;
mod kept_names;
mod manual;
mod painter;
mod pin_file;
mod print;
mod replace_file;
mod report;
mod review;
mod signals;
mod speech;
mod start_at;
mod start_problems;
mod start_up;
mod stats;
mod terminal;
mod topic_reads;
mod version;
mod watch;

use std::time::Instant;

use cli::{Cli, Command, ConfigAction, ReviewAction};
use failure::{CommandResult, ExitCode, Failure};
use kiosk_core::app::{App, Level};

/// Runs what the command line asks for and returns the process's exit status. A failure is
/// said here and only here, after the name of the command that failed.
pub fn run(cli: &Cli) -> ExitCode {
    if cli.command.is_some() {
        // A command whose reader goes away (`list | head`) ends quietly, as other tools do,
        // instead of panicking on the failed write. The kiosk keeps SIGPIPE ignored: a print or
        // speech program that stops reading is an error it reports.
        // SAFETY: setting a signal's disposition before any thread starts.
        unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
    }
    match command(cli) {
        Ok(code) => code,
        Err(failure) => {
            let speaker = match &cli.command {
                Some(Command::Review { .. }) => "patient-kiosk review",
                Some(Command::HashPin) => "patient-kiosk hash-pin",
                _ => "patient-kiosk",
            };
            say!("{speaker}: {failure}");
            failure.exit_code()
        }
    }
}

fn command(cli: &Cli) -> CommandResult {
    match &cli.command {
        Some(Command::Validate { dir, format, deny_warnings, readability, today }) => {
            let options = commands::ValidateOptions {
                format: *format,
                deny_warnings: *deny_warnings,
                readability: *readability,
                today: today.unwrap_or_else(start_up::today),
            };
            commands::validate(cli, dir.as_deref(), &options)
        }
        Some(Command::List { dir }) => commands::list(cli, dir.as_deref()),
        Some(Command::HashPin) => hash_pin::run(),
        Some(Command::Review { action: ReviewAction::Keygen { key } }) => review::keygen(key),
        Some(Command::Review { action: ReviewAction::Sign { files, key, reviewer, next_review } }) => {
            review::sign(files, key, reviewer, *next_review)
        }
        Some(Command::Review { action: ReviewAction::Status { dir } }) => review::status(cli, dir.as_deref()),
        Some(Command::Man { out_dir }) => manual::man(out_dir.as_deref()),
        Some(Command::Stats { since, by, format }) => stats::print(*since, *by, *format),
        Some(Command::Completions { shell }) => manual::completions(*shell),
        Some(Command::Config { action: ConfigAction::Check { file, format } }) => {
            // Its problems are its report, each located; its exit status says how bad they are.
            Ok(config_check::check(file.as_deref().or(cli.config.as_deref()), *format))
        }
        Some(Command::Show { id, section, lang }) => {
            commands::show(cli, id, section.as_deref(), lang.as_deref())
        }
        Some(Command::Export { id, lang, format, output, summary }) => {
            commands::export(cli, id, lang.as_deref(), *format, output.as_deref(), *summary)
        }
        Some(Command::Search { query, lang, patient, limit }) => {
            commands::search(cli, &query.join(" "), lang, !patient, *limit)
        }
        None => kiosk(cli),
    }
}

/// Runs the full-screen kiosk.
fn kiosk(cli: &Cli) -> CommandResult {
    if let Some(reason) = terminal::cannot_draw(std::env::var_os("TERM").as_deref()) {
        return Err(Failure::unreadable(format!(
            "{reason}: the full-screen kiosk needs a terminal that can move the cursor and draw. \
             `patient-kiosk show ID` prints a topic as plain text instead (`patient-kiosk list` \
             names the topics)."
        )));
    }
    let start = start_up::prepare(cli)?;
    // A mistake on the command line: said plainly, as every command's usage errors are.
    let start_at = start_at::resolve(cli, &start.library, &start.settings.language, start.settings.staff)?;
    // Before the size is first read, so a resize at any moment after it is seen.
    let signals =
        signals::catch().map_err(|error| Failure::failed(format!("cannot listen for signals: {error}")))?;
    let pin_file = pin_file::PinFile::in_directory(&pin_file::state_directory());
    let (pin_record, pin_problem) = pin_file.load();
    let mut start = start;
    if let Some(problem) = pin_problem {
        journal::told(Level::Warning, &problem);
        start.settings.notices.push(problem);
    }
    let mut screen = terminal::FullScreen::enter()
        .map_err(|error| Failure::failed(format!("the kiosk needs a terminal: {error}")))?;
    let size = screen.terminal.size().unwrap_or_default();
    let (glyphs, font_problem) =
        console_font::glyphs_for(std::env::var_os("TERM").as_deref(), &std::io::stdout());
    start.settings.glyphs = glyphs;
    if let Some(problem) = font_problem {
        journal::line(Level::Info, format!("{problem}; drawing with what every stock console font has"));
    }
    let locked = start.settings.locked;
    let usage = start.stats;
    let folder = start.folder;
    let trusted_keys = start.trusted_keys;
    let catalogs = start.catalogs;
    let start_pages = start.pages;
    let mut app =
        App::new(start.library, catalogs, start.settings, (size.width, size.height), Instant::now())
            .with_pin_record(pin_record)
            .with_content_revision(start.revision);
    if start.loading {
        app = app.loading_library();
    }
    if start_pages.is_some() {
        app = app.pages_to_come();
    }
    if let Some((id, page)) = start_at {
        app.start_at(&id, page);
    }
    let topics = kiosk_content::plural(app.library().topics().len(), "topic", "topics");
    let content = match &folder {
        Some(folder) if start.loading => format!("{} (reading it now)", folder.display()),
        Some(folder) => format!("{}, {topics}, revision {}", folder.display(), app.content_revision()),
        None => format!("{topics}, {}", app.content_revision()),
    };
    journal::line(Level::Info, format!("start: {}, content {content}", version::program()));
    let start = move |sender: &_| event_loop::start_sources(signals, locked, sender);
    let stats = stats_if_enabled(usage);
    let suspend = (!locked).then(|| Box::new(terminal::suspend) as event_loop::Suspend);
    let sources = event_loop::Sources {
        start,
        scroll_regions: true,
        folder,
        trusted_keys,
        pages: start_pages,
        pin_file,
        stats,
        suspend,
    };
    let result = event_loop::run(app, &mut screen.terminal, sources);
    drop(screen);
    // The journal records how a kiosk that started ended; `run` says a failure to whoever
    // started it.
    let exit = result.inspect_err(|error| journal::line(Level::Error, format!("exit: {error:#}")))?;
    journal::line(Level::Info, format!("exit: {exit}"));
    Ok(ExitCode::SUCCESS)
}

/// The usage counts, when the configuration turns them on. The loop opens their database on a
/// thread; one that cannot be used is told to staff and the journal, and the kiosk goes on
/// without counting.
fn stats_if_enabled(usage: kiosk_core::config::StatsConfig) -> Option<stats::Stats> {
    let every = std::time::Duration::from_secs(usage.flush_seconds);
    usage.enabled.then(|| stats::Stats::new(pin_file::state_directory(), every))
}
