//! The manual pages and the shells' completion scripts, generated from the command line's own
//! definition, so they cannot drift from what the program accepts. clap_mangen writes what the
//! definition says; the synopsis (with each option's value, which clap_mangen leaves out) and
//! the sections clap cannot know (keys, files, environment, exit status) are written here.

use std::io::{self, Write as _};
use std::path::Path;

use clap::{ArgAction, Command, CommandFactory as _};
use kiosk_content::i18n::{Catalog, Msg};
use kiosk_core::app::{Key, Settings, every_help_row};
use roff::{Roff, bold, italic, roman};

use super::cli::{Cli, EXIT_UNREADABLE};
use super::failure::{CommandResult, ExitCode, Failure};

/// What roff puts before everything it renders; a page keeps the first.
const PREAMBLE: &str = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";

/// The most possible values a synopsis lists in place of the value's name.
const MAX_LISTED_VALUES: usize = 4;

/// `patient-kiosk man`: the main page on standard output, or with `--out-dir` every page (the
/// main one and one per command) written into that folder.
pub fn man(out_dir: Option<&Path>) -> CommandResult {
    let command = described_command();
    let written = match out_dir {
        None => page(&command, true).and_then(|page| io::stdout().write_all(&page)),
        Some(dir) => std::fs::create_dir_all(dir).and_then(|()| write_pages(&command, dir, true)),
    };
    finish(written, "the manual page")
}

/// `patient-kiosk completions SHELL`: the completion script on standard output.
pub fn completions(shell: clap_complete::Shell) -> CommandResult {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "patient-kiosk", &mut script);
    finish(io::stdout().write_all(&script), "the completion script")
}

/// The command line as the pages describe it: built, so each command knows its full name and
/// the global options, and without clap's `help` command, which has no page.
fn described_command() -> Command {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    command
}

/// The commands that have a page of their own.
fn commands(command: &Command) -> impl Iterator<Item = &Command> {
    command.get_subcommands().filter(|sub| !sub.is_hide_set())
}

/// A page's name: `patient-kiosk`, `patient-kiosk-validate`, `patient-kiosk-config-check`.
fn page_name(command: &Command) -> &str {
    command.get_display_name().unwrap_or_else(|| command.get_name())
}

fn write_pages(command: &Command, dir: &Path, main: bool) -> io::Result<()> {
    std::fs::write(dir.join(format!("{}.1", page_name(command))), page(command, main)?)?;
    commands(command).try_for_each(|sub| write_pages(sub, dir, false))
}

/// One page in roff: the main page has the keys, files and environment; every page its exit
/// status and the pages to see next.
fn page(command: &Command, main: bool) -> io::Result<Vec<u8>> {
    // Every page's footer names the program and its version, a command's page too.
    let man =
        clap_mangen::Man::new(command.clone()).source(concat!("patient-kiosk ", env!("CARGO_PKG_VERSION")));
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    // Left-aligned and never hyphenated: "patient-kiosk" must not break as "pa-tient-kiosk".
    let mut layout = Roff::new();
    layout.control("ad", ["l"]).control("nh", []);
    layout.to_writer(&mut page)?;
    man.render_name_section(&mut page)?;
    synopsis(command).to_writer(&mut page)?;
    man.render_description_section(&mut page)?;
    if command.get_arguments().any(|arg| !arg.is_hide_set()) {
        man.render_options_section(&mut page)?;
    }
    if commands(command).next().is_some() {
        man.render_subcommands_section(&mut page)?;
    }
    if main {
        keys().to_writer(&mut page)?;
        files().to_writer(&mut page)?;
        environment().to_writer(&mut page)?;
    }
    exit_status().to_writer(&mut page)?;
    see_also(command, main).to_writer(&mut page)?;
    // Only the main command has a version: clap_mangen would panic on a command's.
    if command.get_version().is_some() || command.get_long_version().is_some() {
        man.render_version_section(&mut page)?;
    }
    Ok(one_preamble(&page))
}

/// The page with roff's preamble once, at the top.
fn one_preamble(page: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(page);
    let rest = text.strip_prefix(PREAMBLE).unwrap_or(&text);
    format!("{PREAMBLE}{}", rest.replace(PREAMBLE, "")).into_bytes()
}

/// `patient-kiosk [--content DIR] … [--format table|csv|json] [COMMAND]`: each option with
/// its value, the few possible values written out.
fn synopsis(command: &Command) -> Roff {
    let mut line = vec![bold(command.get_bin_name().unwrap_or_else(|| command.get_name()))];
    for arg in command.get_arguments().filter(|arg| !arg.is_hide_set() && !arg.is_positional()) {
        line.push(roman(if arg.is_required_set() { " " } else { " [" }));
        if let Some(short) = arg.get_short() {
            line.push(bold(format!("-{short}")));
            if arg.get_long().is_some() {
                line.push(roman("|"));
            }
        }
        if let Some(long) = arg.get_long() {
            line.push(bold(format!("--{long}")));
        }
        if arg.get_action().takes_values() {
            // A no-break space: an option and its value stay on one line.
            line.push(roman("\u{a0}"));
            line.push(italic(value_name(arg)));
        }
        if !arg.is_required_set() {
            line.push(roman("]"));
        }
    }
    for arg in command.get_positionals().filter(|arg| !arg.is_hide_set()) {
        let many = arg.get_num_args().is_some_and(|range| range.max_values() > 1);
        let (open, close) = if arg.is_required_set() { (" ", "") } else { (" [", "]") };
        line.extend([
            roman(open),
            italic(value_name(arg)),
            roman(if many { "..." } else { "" }),
            roman(close),
        ]);
    }
    if commands(command).next().is_some() {
        let (open, close) = if command.is_subcommand_required_set() { (" ", "") } else { (" [", "]") };
        line.extend([roman(open), italic("COMMAND"), roman(close)]);
    }
    let mut roff = Roff::new();
    roff.control("SH", ["SYNOPSIS"]);
    roff.text(line);
    roff
}

/// An option's value as the synopsis names it: its few possible values, else its name.
fn value_name(arg: &clap::Arg) -> String {
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| value.get_name().to_owned())
        .collect();
    if !possible.is_empty()
        && possible.len() <= MAX_LISTED_VALUES
        && !matches!(arg.get_action(), ArgAction::SetTrue)
    {
        return possible.join("|");
    }
    match arg.get_value_names() {
        Some(names) => names.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "),
        None => arg.get_id().as_str().to_uppercase(),
    }
}

/// KEYS: the kiosk's own help, from the same table, in English.
fn keys() -> Roff {
    let english = Catalog::english();
    let mut roff = Roff::new();
    roff.control("SH", ["KEYS"]);
    roff.text([roman(
        "In the kiosk, as its help (?) shows them. Printing (p), reading aloud (a) and the language \
         key (L) are offered only where they are set up. A locked kiosk does not offer q, Ctrl-Z \
         or the staff key to patients.",
    )]);
    let staff_key = match Settings::default().staff_key {
        Key::Function(number) => format!("F{number}"),
        other => format!("{other:?}"),
    };
    let staff = (staff_key, format!("{}. Set by [kiosk] staff_key.", english.text(Msg::HelpStaff)));
    let rows = every_help_row()
        .map(|(keys, meaning)| (english.text(keys).to_owned(), english.text(meaning).to_owned()));
    add_terms(&mut roff, rows.chain([staff]).map(|(keys, meaning)| (bold(keys), meaning)));
    roff
}

/// FILES: what the kiosk reads and keeps.
fn files() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["FILES"]);
    let rows = [
        (
            "$XDG_CONFIG_HOME/patient-kiosk/config.toml".to_owned(),
            "The settings, read first when it exists (--config FILE names another).",
        ),
        (
            "/etc/patient-kiosk/config.toml".to_owned(),
            "The settings otherwise. Readable by the kiosk's group only: it holds the staff PIN's hash. \
             `patient-kiosk config check` reports every problem.",
        ),
        (
            "DIR/*.toml".to_owned(),
            "Topic files, in the folder named by --content or the configuration (else the topics \
             built into the program). `patient-kiosk validate` checks them.",
        ),
        (
            format!("DIR/*.toml{}", kiosk_content::SIGNATURE_SUFFIX),
            "A clinician's review signature beside a topic file (`patient-kiosk review sign`).",
        ),
        (
            format!("STATE/{}", super::stats::FILE_NAME),
            "Usage counts, when [stats] enabled is true (`patient-kiosk stats`).",
        ),
        (
            format!("STATE/{}", super::pin_file::FILE_NAME),
            "Wrong staff PINs and the lockout, kept across restarts.",
        ),
        (
            format!("CACHE/{}", super::kept_names::FILE_NAME),
            "The content folder's topic names as the last start read them, so the next lists a \
             large folder without reading every file again; only files changed since are read. \
             Safe to delete.",
        ),
    ];
    add_terms(&mut roff, rows.map(|(path, meaning)| (italic(path), meaning)));
    roff.control("PP", []);
    roff.text([roman(
        "STATE is the state directory: $STATE_DIRECTORY, else $XDG_STATE_HOME/patient-kiosk, else \
         /var/lib/patient-kiosk. CACHE is the cache directory: $CACHE_DIRECTORY, else \
         $XDG_CACHE_HOME/patient-kiosk, else $HOME/.cache/patient-kiosk.",
    )]);
    roff
}

/// ENVIRONMENT: every variable the program reads.
fn environment() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["ENVIRONMENT"]);
    let rows = [
        (
            "TERM",
            "The terminal. linux draws with the console font's characters; dumb (or none) cannot \
             show the kiosk, and `patient-kiosk show` prints a topic instead.",
        ),
        ("NO_COLOR", "When set and not empty: no colour, as the monochrome theme."),
        ("COLUMNS", "The width `patient-kiosk show` wraps to (80 when unset)."),
        ("XDG_CONFIG_HOME, HOME", "Where the user's configuration file is looked for."),
        ("STATE_DIRECTORY, XDG_STATE_HOME", "The state directory (see FILES); systemd sets STATE_DIRECTORY."),
        ("CACHE_DIRECTORY, XDG_CACHE_HOME", "The cache directory (see FILES); systemd sets CACHE_DIRECTORY."),
    ];
    add_terms(&mut roff, rows.map(|(name, meaning)| (bold(name), meaning)));
    roff
}

/// EXIT STATUS: the same for every command.
fn exit_status() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["EXIT STATUS"]);
    let rows = [
        ("0".to_owned(), "The kiosk ended (q, or a signal to stop), or the command did what it was asked."),
        (
            "1".to_owned(),
            "Problems were found (validate: errors in topic files, or warnings with --deny-warnings; \
             config check: errors in the configuration), search found nothing, or the command could \
             not finish (the terminal failed, a file could not be written).",
        ),
        (
            EXIT_UNREADABLE.to_string(),
            "What it must read cannot be read (the content folder, a configuration file named with \
             --config, a topic), the terminal cannot draw, or the command line is wrong.",
        ),
    ];
    add_terms(&mut roff, rows.map(|(status, meaning)| (bold(status), meaning)));
    roff
}

/// Each term on a line of its own, what it means indented beneath (`.TP`).
fn add_terms<Meaning: Into<String>>(
    roff: &mut Roff,
    terms: impl IntoIterator<Item = (roff::Inline, Meaning)>,
) {
    for (term, meaning) in terms {
        roff.control("TP", []);
        roff.text([term]);
        roff.text([roman(meaning)]);
    }
}

/// SEE ALSO: from the main page, every command's page; from a command's, the main page and its
/// own commands' pages.
fn see_also(command: &Command, main: bool) -> Roff {
    let mut names: Vec<String> = Vec::new();
    if !main {
        names.push("patient-kiosk(1)".to_owned());
    }
    names.extend(commands(command).map(|sub| format!("{}(1)", page_name(sub))));
    let mut line = Vec::new();
    for (n, name) in names.into_iter().enumerate() {
        if n > 0 {
            line.push(roman(", "));
        }
        line.push(bold(name));
    }
    let mut roff = Roff::new();
    if !line.is_empty() {
        roff.control("SH", ["SEE ALSO"]);
        roff.text(line);
    }
    roff
}

fn finish(written: io::Result<()>, what: &str) -> CommandResult {
    written.map_err(|error| Failure::failed(format!("cannot write {what}: {error}")))?;
    Ok(ExitCode::SUCCESS)
}
