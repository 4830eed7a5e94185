//! The commands that print and exit: `validate` and `list`.

use std::path::Path;

use kiosk_content::i18n::{Catalog, bundled_languages};
use kiosk_content::readability::topic_readability;
use kiosk_content::readability::{DEFAULT_MIN_SPANISH_EASE, EditorialRules, editorial_findings};
use kiosk_content::{
    BUNDLED_PREFIX, Diagnostic, FileReader, FolderFiles, LoadReport, PageName, PhrasesSaid, Position,
    Severity, Topic, check_folder_with, folder_vocabularies, load_bundled, load_bundled_with, load_folder,
    load_folder_with, plural,
};
use kiosk_core::app::page_label;
use kiosk_core::config::{Config, Show};
use kiosk_core::handout::{Format, Handout, Part, to_plain};
use kiosk_core::search::{FolderSearch, Hit, SearchIndex, Sketch};

use super::cli::{Cli, ReportFormat};
use super::failure::{CommandResult, ExitCode, Failure};
use super::report;
use super::start_up;

/// The configuration for a command, its problems printed. A file named with `--config` that
/// cannot be read stops the command: it would quietly run on other settings than asked for.
fn configured(cli: &Cli) -> Result<Config, Failure> {
    let (config, problems) = start_up::configuration(cli);
    refuse_unreadable(cli, &problems)?;
    for problem in &problems {
        say!("patient-kiosk: {problem}");
    }
    Ok(config)
}

/// Stops a command whose `--config` file cannot be read, saying why.
fn refuse_unreadable(cli: &Cli, problems: &[Diagnostic]) -> Result<(), Failure> {
    if let (Some(named), Some(unreadable)) =
        (&cli.config, problems.iter().find(|problem| problem.code == "config-unreadable"))
    {
        let reason = unreadable.message.trim_end_matches("; every setting keeps its default");
        return Err(Failure::unreadable(format!("{}: {reason}", named.display())));
    }
    Ok(())
}

/// The content folder a command reads: the one it names, else `--content`, else the configured
/// one; `None` for the bundled content.
fn folder<'a>(dir: Option<&'a Path>, cli: &'a Cli, config: &'a Config) -> Option<&'a Path> {
    dir.or_else(|| start_up::content_folder(cli, config))
}

/// Loads `dir`, or the bundled content.
fn load(dir: Option<&Path>, config: &Config) -> Result<LoadReport, Failure> {
    match dir {
        None => Ok(load_bundled()),
        Some(dir) => load_folder(dir, &config.content_rules.keys()).map_err(Failure::unreadable),
    }
}

/// How `validate` runs.
pub struct ValidateOptions {
    /// How problems are printed.
    pub format: ReportFormat,
    /// Whether warnings fail too.
    pub deny_warnings: bool,
    /// Whether to print the reading grades.
    pub readability: bool,
    /// The day review dates are judged against.
    pub today: jiff::civil::Date,
}

/// `patient-kiosk validate [DIR]`.
pub fn validate(cli: &Cli, dir: Option<&Path>, options: &ValidateOptions) -> CommandResult {
    // The configuration's problems are the report's too: counted, and in the chosen format.
    let (config, config_problems) = start_up::configuration(cli);
    refuse_unreadable(cli, &config_problems)?;
    let dir = folder(dir, cli, &config);
    let rules = EditorialRules {
        max_grade: config.content_rules.max_grade,
        min_spanish_ease: DEFAULT_MIN_SPANISH_EASE,
        today: options.today,
        reviewed_only: config.content_rules.show == Show::Reviewed,
    };
    let (catalogs, _) = kiosk_bundle::bundled().catalogs(&bundled_languages());
    let vocabularies = match dir {
        None => kiosk_bundle::bundled().library().vocabularies().to_vec(),
        Some(dir) => folder_vocabularies(dir),
    };
    let phrases_said = PhrasesSaid::new(vocabularies);
    let extra = |topic: &Topic| {
        phrases_said.note(topic);
        editorial_findings(topic, &rules, catalogs.get(&topic.language))
    };
    // The reading grades need the topics; without them a large folder is checked without
    // holding every topic at once.
    let loaded = match dir {
        None => Ok(load_bundled_with(&extra)),
        Some(dir) if options.readability => load_folder_with(dir, &config.content_rules.keys(), &extra),
        Some(dir) => check_folder_with(dir, &config.content_rules.keys(), &extra),
    };
    let mut report = loaded.map_err(Failure::unreadable)?;
    report.diagnostics.extend(phrases_said.unsaid());
    report.diagnostics.extend(catalog_problems());
    report.diagnostics.splice(0..0, config_problems);
    let (format, deny_warnings) = (options.format, options.deny_warnings);
    report::print_all(&report.diagnostics, format);
    if options.readability {
        for topic in report.library.topics() {
            print!("{}", readability_table(topic, catalogs.get(&topic.language)));
        }
    }
    if format != ReportFormat::Json {
        println!("{}", summary(&report));
    }
    let failed = report.count(Severity::Error) > 0 || (deny_warnings && report.count(Severity::Warning) > 0);
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Messages missing from (or unknown to) the bundled interface catalogs: the kiosk shows English
/// for a missing one.
fn catalog_problems() -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for language in bundled_languages() {
        let file = format!("{BUNDLED_PREFIX}/ui/{language}.toml");
        match Catalog::bundled(&language) {
            Ok(catalog) => problems.extend(
                catalog
                    .problems()
                    .iter()
                    .map(|problem| Diagnostic::warning(&file, Position::START, "catalog", problem)),
            ),
            Err(error) => {
                problems.push(Diagnostic::error(&file, Position::START, "catalog", error.to_string()));
            }
        }
    }
    problems
}

/// A topic's reading grades as a table, or why it has none.
fn readability_table(topic: &Topic, catalog: &Catalog) -> String {
    let Some(parts) = topic_readability(topic, catalog) else {
        return format!(
            "{} ({}): readability not checked: there are formulas for English and Spanish only\n\n",
            topic.id, topic.language
        );
    };
    if parts.iter().any(|part| part.ease.is_some()) {
        let mut table = format!(
            "{} ({}): reading ease (Fernández-Huerta; {DEFAULT_MIN_SPANISH_EASE:.0} or more is about grade 8 or below)\n",
            topic.id, topic.language
        );
        table.push_str(&format!("  {:40} {:>6} {:>6}\n", "part", "words", "ease"));
        for part in parts {
            let name: String = part.name.chars().take(40).collect();
            let ease = part.ease.map_or("-".to_owned(), |ease| format!("{ease:.0}"));
            table.push_str(&format!("  {name:40} {:>6} {ease:>6}\n", part.counts.words));
        }
        table.push('\n');
        return table;
    }
    let mut table = format!("{} ({}): reading grades\n", topic.id, topic.language);
    table.push_str(&format!("  {:40} {:>6} {:>6} {:>6}\n", "part", "words", "SMOG", "FKGL"));
    let grade = |g: Option<f64>| g.map_or("-".to_owned(), |g| format!("{g:.1}"));
    for part in parts {
        let name: String = part.name.chars().take(40).collect();
        table.push_str(&format!(
            "  {name:40} {:>6} {:>6} {:>6}\n",
            part.counts.words,
            grade(part.smog),
            grade(part.flesch_kincaid)
        ));
    }
    table.push('\n');
    table
}

/// One line: files checked, topics loaded, errors and warnings.
fn summary(report: &LoadReport) -> String {
    format!(
        "checked {}: {} loaded, {}, {}",
        plural(report.files_read, "file", "files"),
        plural(report.topics_loaded, "topic", "topics"),
        plural(report.count(Severity::Error), "error", "errors"),
        plural(report.count(Severity::Warning), "warning", "warnings"),
    )
}

/// `patient-kiosk list [DIR]`.
pub fn list(cli: &Cli, dir: Option<&Path>) -> CommandResult {
    let config = configured(cli)?;
    let dir = folder(dir, cli, &config);
    let report = load(dir, &config)?;
    let topics = report.library.topics();
    let id_width = topics.iter().map(|t| t.id.len()).max().unwrap_or(0);
    let language_width = topics.iter().map(|t| t.language.len()).max().unwrap_or(0);
    let title_width = topics.iter().map(|t| t.title.chars().count()).max().unwrap_or(0);
    for topic in topics {
        let status = if topic.is_draft() { "draft" } else { "reviewed" };
        println!(
            "{:id_width$}  {:language_width$}  {:title_width$}  {status}",
            topic.id, topic.language, topic.title
        );
    }
    let skipped = report.count(Severity::Error);
    if skipped > 0 {
        let target = dir.map_or(String::new(), |d| format!(" {}", d.display()));
        say!(
            "{} found; run `patient-kiosk validate{target}` to see them",
            plural(skipped, "error", "errors")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `patient-kiosk search QUERY`: the ranked hits, one a line.
pub fn search(cli: &Cli, query: &str, language: &str, staff: bool, limit: usize) -> CommandResult {
    let config = configured(cli)?;
    let catalog = Catalog::bundled(language).unwrap_or_else(|_| Catalog::english());
    let (library, hits) = match folder(None, cli, &config) {
        None => {
            let library = load_bundled().library;
            let hits =
                SearchIndex::build(&library, &catalog, language, staff, &|_| true).search(query, limit);
            (library, hits)
        }
        Some(dir) => search_folder(dir, &config, query, language, staff, limit, &catalog)?,
    };
    // Like grep: finding nothing is an answer, said as one, with exit status 1.
    if hits.is_empty() {
        say!("nothing found for {query:?}");
        return Ok(ExitCode::FAILURE);
    }
    for hit in hits {
        let place = library
            .find_for_reader(&hit.topic_id, language)
            .map(|topic| page_label(topic, topic.page_of(hit.spot), &catalog).to_owned())
            .unwrap_or_default();
        println!("{}\t{place}\t{}", hit.topic_id, hit.text.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    Ok(ExitCode::SUCCESS)
}

/// The best hits of `query` in the folder `dir`: every file sketched once, and only the topics
/// that may be among the best loaded ([`FolderSearch`]).
fn search_folder(
    dir: &Path,
    config: &Config,
    query: &str,
    language: &str,
    staff: bool,
    limit: usize,
    catalog: &Catalog,
) -> Result<(kiosk_content::Library, Vec<Hit>), Failure> {
    let files = FolderFiles::list(dir).map_err(Failure::unreadable)?;
    let search = FolderSearch::new(query, language, staff, limit, files.vocabularies(), catalog);
    let sketches = files.read_each(&|| -> FileReader<'static, Sketch> {
        let mut sketcher = search.sketcher();
        Box::new(move |text| sketcher.look(text))
    });
    // The topics a glance bounded too loosely, sketched whole on every core.
    let mut sketch_topics = |ids: &[&str]| -> Vec<Sketch> {
        let whole = files.read_topics(ids, &|| -> FileReader<'static, Sketch> {
            let mut sketcher = search.sketcher();
            Box::new(move |text| sketcher.sketch(text))
        });
        let merged = whole.into_iter().map(|files| {
            files.into_iter().reduce(|mut topic, file| {
                topic.merge(&file);
                topic
            })
        });
        merged.map(Option::unwrap_or_default).collect()
    };
    let keys = config.content_rules.keys();
    Ok(search
        .run(sketches, &mut sketch_topics, &mut |ids| files.load_topics(ids, &keys).library.into_topics()))
}

/// The configuration, and topic `id` in `lang` (else English, else any), for `show` and
/// `export`. A topic not in the language asked for is said on stderr, as the kiosk says it.
fn configured_topic(cli: &Cli, id: &str, lang: Option<&str>) -> Result<(Config, Topic), Failure> {
    let config = configured(cli)?;
    let mut notices = Vec::new();
    let (library, _, _) = start_up::library(cli, &config, &mut notices)?;
    for notice in &notices {
        say!("patient-kiosk: {notice}");
    }
    let language = lang.unwrap_or(kiosk_content::i18n::BASE_LANGUAGE);
    let Some(topic) = library.find_for_reader(id, language) else {
        return Err(Failure::unreadable(format!(
            "there is no topic `{id}`; `patient-kiosk list` shows the topics"
        )));
    };
    if !topic.language.same_language(language) {
        say!(
            "patient-kiosk: the topic `{id}` is not available in `{language}`; here it is in `{}`",
            topic.language
        );
    }
    Ok((config, topic.clone()))
}

/// `patient-kiosk export ID`: the handout, to standard output or a file.
pub fn export(
    cli: &Cli,
    id: &str,
    lang: Option<&str>,
    format: Format,
    output: Option<&Path>,
    summary: bool,
) -> CommandResult {
    let (config, topic) = configured_topic(cli, id, lang)?;
    let catalog = Catalog::bundled(&topic.language).unwrap_or_else(|_| Catalog::english());
    let handout = if summary {
        Handout::summary_for_reader(
            &topic,
            &catalog,
            &config.clinic_name,
            config.take_home.phone.as_deref(),
            &std::collections::BTreeSet::new(),
        )
    } else {
        Handout::new(&topic, &catalog, &config.clinic_name)
    };
    let handout = handout.render(format);
    let written = match output {
        Some(path) => std::fs::write(path, handout),
        None => std::io::Write::write_all(&mut std::io::stdout(), handout.as_bytes()),
    };
    written.map_err(|error| Failure::failed(format!("cannot write the handout: {error}")))?;
    Ok(ExitCode::SUCCESS)
}

/// `patient-kiosk show ID`: the topic as plain text, for screen readers and pipes.
pub fn show(cli: &Cli, id: &str, section: Option<&str>, lang: Option<&str>) -> CommandResult {
    let (config, topic) = configured_topic(cli, id, lang)?;
    let topic = &topic;
    // The name was checked against `PageName::names` by the command line.
    let part = match section.map(|name| (name, PageName::from_name(name))) {
        None => Part::All,
        Some((_, Some(PageName::Faq))) => Part::Faq,
        Some((_, Some(PageName::Sources))) => Part::Sources,
        Some((_, Some(PageName::Section(kind))))
            if topic.sections.iter().any(|s| s.kind == kind && s.for_patients()) =>
        {
            Part::Section(kind)
        }
        Some((name, Some(PageName::Section(_)))) => {
            return Err(Failure::unreadable(format!(
                "the topic `{id}` has no `{name}` section for patients"
            )));
        }
        Some((name, _)) => {
            return Err(Failure::unreadable(format!(
                "`{name}` is a page of the kiosk, not of the topic's text; show prints its sections, faq \
                 and sources"
            )));
        }
    };
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|w| *w > 0)
        .unwrap_or(80);
    let catalog = Catalog::bundled(&topic.language).unwrap_or_else(|_| Catalog::english());
    let handout = Handout::new(topic, &catalog, &config.clinic_name);
    print!("{}", to_plain(&handout, part, width));
    Ok(ExitCode::SUCCESS)
}
