//! The command line.

use std::path::PathBuf;

use clap::builder::TypedValueParser as _;
use clap::{Parser, Subcommand, ValueEnum};
use kiosk_core::handout::Format;

/// Exit status when what a command reads (the content folder, a named configuration file, a
/// topic) cannot be read.
pub const EXIT_UNREADABLE: u8 = 2;

/// A full-screen kiosk that teaches patients about a medical procedure.
///
/// With no command, it shows the topics: the bundled ones, or those in --content DIR.
#[derive(Debug, Default, Parser)]
#[command(name = "patient-kiosk", version = super::version::version(), about)]
pub struct Cli {
    /// Load topics from this folder instead of the bundled ones (or the configured folder).
    #[arg(long, value_name = "DIR", global = true)]
    pub content: Option<PathBuf>,

    /// Read settings from this file instead of $XDG_CONFIG_HOME/patient-kiosk/config.toml or
    /// /etc/patient-kiosk/config.toml.
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,

    /// Lock the kiosk: no key ends it without the staff PIN (the same as `locked = true`).
    #[arg(long)]
    pub kiosk: bool,

    /// The screen is a touchscreen: the kiosk says "Touch the screen to start", not "Press any
    /// key" (it says so anyway once a tap comes). The touch session starts it this way.
    #[arg(long)]
    pub touch: bool,

    /// Start on the topic with this billing or diagnosis code, e.g. 22511.
    #[arg(long, value_name = "CODE", conflicts_with = "topic")]
    pub code: Option<String>,

    /// Start on this topic, by its id (`patient-kiosk list` shows them).
    #[arg(long, value_name = "ID")]
    pub topic: Option<String>,

    /// With --topic or --code: start on this page: a section kind (e.g. complications), faq,
    /// checks, related, sources or codes.
    #[arg(long, value_name = "KIND", value_parser = page_names())]
    pub section: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The command line the program was started with. With no arguments at all, as a kiosk is
    /// started, the defaults are taken as they are: clap would first build its description of
    /// every command and option, a twentieth of the time to the first screen (issue 23). A test
    /// holds the two the same.
    pub fn from_args() -> Cli {
        if std::env::args_os().len() > 1 { Cli::parse() } else { Cli::default() }
    }
}

/// What to do instead of running the kiosk.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every topic file and print each error and warning as path:line:column.
    ///
    /// Exits 0 when there are no errors, 1 when there are, 2 when the folder cannot be read.
    Validate {
        /// The content folder (default: --content, else the configured folder, else the bundled
        /// content).
        dir: Option<PathBuf>,
        /// How to print each problem.
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
        /// Exit with status 1 on warnings too, not only on errors.
        #[arg(long)]
        deny_warnings: bool,
        /// Print each topic's reading grades: part, words, SMOG and Flesch-Kincaid.
        #[arg(long)]
        readability: bool,
        /// Judge review dates as on this day (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE", value_parser = day)]
        today: Option<jiff::civil::Date>,
    },
    /// Print each topic that loads: id, language, title, review status.
    List {
        /// The content folder (default: --content, else the configured folder, else the bundled
        /// content).
        dir: Option<PathBuf>,
    },
    /// Print the best matches for QUERY, best first: topic, section, and the matching text.
    ///
    /// Searches what staff see (codes and billing too) unless --patient is given.
    Search {
        /// Words to look for; typos are forgiven.
        #[arg(required = true)]
        query: Vec<String>,
        /// The language to search in.
        #[arg(long, default_value = "en")]
        lang: String,
        /// Search only what patients see.
        #[arg(long)]
        patient: bool,
        /// The most results to print.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Write a topic as a handout to print or take home: every patient section, the FAQ, the
    /// review status, the sources and the web address with its QR code.
    Export {
        /// The topic's id, as `list` shows it.
        id: String,
        /// The language (default: the configured one, else English).
        #[arg(long)]
        lang: Option<String>,
        /// The format.
        #[arg(long, value_parser = handout_format())]
        format: Format,
        /// The file to write (default: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Only the one-page take-home: what it is, getting ready, call 911, after the
        /// procedure, call your care team, and the QR code (what `p` prints in the kiosk).
        #[arg(long)]
        summary: bool,
    },
    /// Print a topic as plain text, in reading order, with no box drawing and no colour: for
    /// screen readers, braille displays and `less`. Wrapped to $COLUMNS, or 80.
    Show {
        /// The topic's id, as `list` shows it.
        id: String,
        /// Only this part: a section kind (e.g. complications; `questions` is the checklist),
        /// faq or sources.
        #[arg(long, value_name = "KIND", value_parser = page_names())]
        section: Option<String>,
        /// The language (default: English, or the topic's own).
        #[arg(long)]
        lang: Option<String>,
    },
    /// Print the manual page (roff), generated from this command line: `patient-kiosk man >
    /// patient-kiosk.1`.
    Man {
        /// Write every page into DIR instead: patient-kiosk.1 and one per command
        /// (patient-kiosk-validate.1, patient-kiosk-config-check.1, …).
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
    },
    /// Print the completion script for a shell: `patient-kiosk completions bash >
    /// /usr/share/bash-completion/completions/patient-kiosk`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the usage counts kept in the state directory ($STATE_DIRECTORY, else
    /// $XDG_STATE_HOME/patient-kiosk, else /var/lib/patient-kiosk), by day or by topic.
    ///
    /// Counts only, never a word: topics opened, pages viewed, languages chosen, take-home codes
    /// shown, handouts printed, searches without a result; and each topic's openings on days it
    /// was opened at least 5 times (`topic:ID`), the rest of a day's as `topic:(other)`.
    Stats {
        /// Only days from this one (YYYY-MM-DD) on.
        #[arg(long, value_name = "DATE", value_parser = day)]
        since: Option<jiff::civil::Date>,
        /// `day`: each day's counts; `topic`: each topic's openings over those days, most first.
        #[arg(long, value_enum, default_value_t = StatsGrouping::Day)]
        by: StatsGrouping,
        /// How to print them.
        #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
        format: StatsFormat,
    },
    /// Check a configuration file.
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// Read a staff PIN (6 to 12 digits, not shown) and print the line for the configuration
    /// file: `exit_pin_hash = "$argon2id$..."`.
    HashPin,
    /// A clinician's sign-off bound to the text: make a key, sign topic files, see who signed.
    Review {
        #[command(subcommand)]
        action: ReviewAction,
    },
}

/// What a reviewer does.
#[derive(Debug, Subcommand)]
pub enum ReviewAction {
    /// Make a minisign key pair: the secret key in FILE (protected by a password, asked for
    /// twice, or read as one line from a pipe) and the public key beside it with `.pub`; print
    /// the `trusted_keys` line for the configuration.
    Keygen {
        /// Where to write the secret key; never over an existing file.
        #[arg(long, value_name = "FILE")]
        key: PathBuf,
    },
    /// Sign each topic FILE as reviewed: a signature beside it (FILE.minisig) naming the
    /// reviewer, today and the next review. Any later edit makes the topic a draft again.
    Sign {
        /// The topic files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The secret key made by `review keygen`.
        #[arg(long, value_name = "FILE")]
        key: PathBuf,
        /// The reviewer's name and credential: "Dana Lee, MD".
        #[arg(long, value_name = "NAME")]
        reviewer: String,
        /// The day by which the topics must be reviewed again (YYYY-MM-DD; default: a year from
        /// today).
        #[arg(long, value_name = "DATE", value_parser = day)]
        next_review: Option<jiff::civil::Date>,
    },
    /// Print every topic file of DIR (default: --content, else the configured folder): who
    /// signed it, when, the next review, and whether it changed since.
    Status {
        /// The content folder.
        dir: Option<PathBuf>,
    },
}

/// What to do with a configuration file.
#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Print every problem of FILE (default: --config, else the file the kiosk would read) as
    /// path:line:column.
    ///
    /// Exits 0 when there are no errors, 1 when there are, 2 when the file cannot be read.
    Check {
        /// The configuration file.
        file: Option<PathBuf>,
        /// How to print each problem.
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
    },
}

/// A day on the command line, written YYYY-MM-DD.
fn day(written: &str) -> Result<jiff::civil::Date, String> {
    written
        .trim()
        .parse::<jiff::civil::Date>()
        .map_err(|_| "write the day as YYYY-MM-DD, such as 2026-12-01".to_owned())
}

/// A page's name on the command line: one of [`PageName::names`], each listed in the help. A
/// wrong one is named with its control characters escaped: clap's own message would echo it raw.
fn page_names() -> PageNames {
    PageNames
}

/// The parser of [`page_names`].
#[derive(Clone)]
struct PageNames;

impl clap::builder::TypedValueParser for PageNames {
    type Value = String;

    fn parse_ref(
        &self,
        _: &clap::Command,
        argument: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        let written = value.to_string_lossy();
        if kiosk_content::PageName::from_name(&written).is_some() {
            return Ok(written.into_owned());
        }
        let option = argument.map_or_else(|| "--section".to_owned(), ToString::to_string);
        let message = format!(
            "`{}` is not a page for {option}; write one of {}\n",
            kiosk_content::printable(&written),
            kiosk_content::PageName::names().join(", ")
        );
        Err(clap::Error::raw(clap::error::ErrorKind::InvalidValue, message))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(kiosk_content::PageName::names().into_iter().map(clap::builder::PossibleValue::new)))
    }
}

/// A handout's format on the command line: one of [`Format::ALL`], by name.
fn handout_format() -> impl clap::builder::TypedValueParser<Value = Format> {
    let names = Format::ALL.map(|(_, name, help)| clap::builder::PossibleValue::new(name).help(help));
    clap::builder::PossibleValuesParser::new(names)
        .map(|name| Format::from_name(&name).unwrap_or(Format::Text))
}

/// How `stats` groups the counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsGrouping {
    /// Day, name, count: every count of every day.
    Day,
    /// Topic, days, count: which topics are read, for content editors.
    Topic,
}

/// How `stats` prints the counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// Columns, for a person.
    Table,
    /// Comma-separated with a header line, for a spreadsheet or a fleet's collection.
    Csv,
    /// One JSON object per line, named as the columns.
    Json,
}

/// How `validate` prints problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Each problem with the offending line and a caret under the spot, and a hint.
    Human,
    /// One line each: `path:line:column: severity: message`.
    Short,
    /// One JSON object per line: file, line, column, severity, code, message (and hint).
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_arguments_are_the_defaults_clap_would_read() {
        assert_eq!(format!("{:?}", Cli::parse_from(["patient-kiosk"])), format!("{:?}", Cli::default()));
    }
}
