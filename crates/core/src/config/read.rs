//! Reading a configuration file key by key, so one bad key costs only that key: it keeps its
//! default and is reported as `path:line:column`, and every other key still takes effect.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use kiosk_content::{Diagnostic, Lang, Severity, unsafe_character};

use super::model::Config;
use super::schema::{Read, TABLES, TOP, Table};

/// The longest idle or warning time accepted: a day.
const MAX_SECONDS: u64 = 24 * 60 * 60;

/// Reads the configuration in `text` (from the file shown as `file`): the settings, with the
/// default for every key that is missing or bad, and a diagnostic for every problem.
pub fn read_config(file: &str, text: &str) -> (Config, Vec<Diagnostic>) {
    let mut reader = Reader { file, text, problems: Vec::new(), lock_because: None };
    let mut config = Config::default();
    match DeTable::parse(text) {
        Ok(root) => reader.root(root.get_ref(), &mut config),
        Err(error) => {
            reader.lock_because = Some("the configuration file has a syntax error".to_owned());
            let message = format!("{}; every setting keeps its default", error.message().trim());
            let span = error.span().unwrap_or(0..0);
            reader.problems.push(Diagnostic::at_span(
                file,
                text,
                span,
                Severity::Error,
                "config-syntax",
                message,
            ));
        }
    }
    // Tables are read in key order; problems are reported in file order.
    reader.problems.sort_by_key(|problem| problem.position);
    if let Some(why) = &reader.lock_because {
        lock_for_safety(file, &mut config, &mut reader.problems, why);
    }
    (config, reader.problems)
}

pub(super) struct Reader<'a> {
    file: &'a str,
    text: &'a str,
    problems: Vec<Diagnostic>,
    /// Why whether the kiosk should be locked is not known: a problem in the `[kiosk]` table,
    /// or in the whole file.
    lock_because: Option<String>,
}

/// Fails closed: a configuration whose lock setting cannot be trusted starts the kiosk locked,
/// so `q` cannot end it, and says so.
pub fn lock_for_safety(file: &str, config: &mut Config, problems: &mut Vec<Diagnostic>, why: &str) {
    config.kiosk.locked = true;
    let message = format!("{why}, so the kiosk starts locked; fix the configuration and restart it");
    problems.push(Diagnostic::warning(file, kiosk_content::Position::START, "config-locked", message));
}

pub(super) type Value<'i> = Spanned<DeValue<'i>>;

impl Reader<'_> {
    /// The file's top level: its keys, and each `[table]` read with its own settings.
    fn root(&mut self, root: &DeTable<'_>, config: &mut Config) {
        for (key, value) in root {
            let name = key.get_ref().as_ref();
            let table = TABLES.iter().find(|table| table.name == name);
            let setting = TOP.iter().find(|setting| setting.key == name);
            match (table, setting) {
                (Some(table), None) => self.table(table, value, config),
                (Some(table), Some(_)) if value.get_ref().is_table() => self.table(table, value, config),
                (_, Some(setting)) => self.setting(&setting.read, name, value, config),
                (None, None) => {
                    let known = TOP.iter().map(|setting| setting.key).chain(TABLES.iter().map(|t| t.name));
                    self.unknown(key, name, "", &known.collect::<Vec<_>>());
                }
            }
        }
    }

    /// One `[table]`: each key by its setting, an unknown key reported with the closest known.
    fn table(&mut self, table: &Table, value: &Value<'_>, config: &mut Config) {
        let before = self.problems.len();
        match value.get_ref().as_table() {
            Some(entries) => self.table_entries(table, entries, config),
            None => self
                .bad(value, format!("`{0}` must be a table: write `[{0}]` on a line of its own", table.name)),
        }
        if table.error_locks
            && self.problems[before..].iter().any(|problem| problem.severity == Severity::Error)
        {
            self.lock_because = Some(format!("the `[{}]` settings have an error", table.name));
        }
    }

    fn table_entries(&mut self, table: &Table, entries: &DeTable<'_>, config: &mut Config) {
        let prefix = format!("{}.", table.name);
        for (key, value) in entries {
            let name = key.get_ref().as_ref();
            if let Some(setting) = table.settings.iter().find(|setting| setting.key == name) {
                self.setting(&setting.read, &format!("{prefix}{name}"), value, config);
            } else {
                let known: Vec<&str> = table.settings.iter().map(|setting| setting.key).collect();
                self.unknown(key, name, &prefix, &known);
            }
        }
        if let Some(finish) = table.finish {
            finish(entries, config);
        }
    }

    /// Reads one setting's value, named `name`, into `config`; a value of the wrong kind is
    /// reported and changes nothing.
    fn setting(&mut self, read: &Read, name: &str, value: &Value<'_>, config: &mut Config) {
        match read {
            Read::Flag(set) => {
                if let Some(flag) = self.bool_value(name, value) {
                    set(config, flag);
                }
            }
            Read::Seconds(set) => {
                if let Some(seconds) = self.seconds(name, value) {
                    set(config, seconds);
                }
            }
            Read::Text(set) => {
                if let Some(text) = self.text_value(name, value) {
                    set(config, text);
                }
            }
            Read::Command(set) => {
                if let Some(command) = self.command(name, value) {
                    set(config, command);
                }
            }
            Read::Language(set) => {
                if let Some(language) = self.language_tag(name, value) {
                    set(config, language);
                }
            }
            Read::Own(read) => read(self, name, value, config),
        }
    }

    /// `true` or `false`.
    fn bool_value(&mut self, name: &str, value: &Value<'_>) -> Option<bool> {
        let parsed = value.get_ref().as_bool();
        if parsed.is_none() {
            self.bad(value, format!("`{name}` must be true or false"));
        }
        parsed
    }

    /// A whole number that is not negative, in any of TOML's bases.
    pub(super) fn whole_number(value: &Value<'_>) -> Option<u64> {
        value.get_ref().as_integer().and_then(|i| u64::from_str_radix(i.as_str(), i.radix()).ok())
    }

    /// A language tag such as `en` or `zh-Hant`.
    pub(super) fn language_tag(&mut self, name: &str, value: &Value<'_>) -> Option<Lang> {
        match value.get_ref().as_str() {
            Some(tag) if kiosk_content::is_valid_language_tag(tag) => Some(Lang::from(tag)),
            _ => {
                self.bad(value, format!("`{name}` must be a language tag such as \"en\" or \"es\""));
                None
            }
        }
    }

    /// A program and its arguments: a list of one or more pieces of text, the program first.
    pub(super) fn command(&mut self, name: &str, value: &Value<'_>) -> Option<Vec<String>> {
        let explain = format!(
            "`{name}` must be a list like [\"lp\", \"-d\", \"frontdesk\"]: the program, then its arguments"
        );
        let Some(array) = value.get_ref().as_array() else {
            self.bad(value, explain);
            return None;
        };
        let mut parts = Vec::new();
        for part in array {
            match part.get_ref().as_str() {
                Some(text) if unsafe_character(text).is_none() => parts.push(text.to_owned()),
                _ => {
                    self.bad(part, explain);
                    return None;
                }
            }
        }
        if parts.first().is_none_or(|program| program.trim().is_empty()) {
            self.bad(value, explain);
            return None;
        }
        Some(parts)
    }

    /// A text value, refused if it is not text or holds a control character.
    pub(super) fn text_value(&mut self, name: &str, value: &Value<'_>) -> Option<String> {
        let Some(text) = value.get_ref().as_str() else {
            self.bad(value, format!("`{name}` must be text in quotes"));
            return None;
        };
        if let Some((_, c)) = unsafe_character(text) {
            self.bad(value, format!("`{name}` holds a control character (U+{:04X})", c as u32));
            return None;
        }
        Some(text.to_owned())
    }

    /// A whole number of seconds from one to a day.
    pub(super) fn seconds(&mut self, name: &str, value: &Value<'_>) -> Option<u64> {
        match Self::whole_number(value) {
            Some(seconds) if (1..=MAX_SECONDS).contains(&seconds) => Some(seconds),
            _ => {
                self.bad(
                    value,
                    format!("`{name}` must be a whole number of seconds from 1 to {MAX_SECONDS}"),
                );
                None
            }
        }
    }

    fn unknown(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        name: &str,
        prefix: &str,
        known: &[&str],
    ) {
        let closest = known
            .iter()
            .map(|candidate| (strsim::jaro_winkler(name, candidate), candidate))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        // A line written below the wrong table header: TOML puts it in the last table opened.
        let home = TABLES.iter().find(|table| {
            format!("{}.", table.name) != prefix && table.settings.iter().any(|setting| setting.key == name)
        });
        let hint = match (home, closest) {
            (Some(Table { name: table, .. }), _) => format!(
                "; `{name}` belongs under `[{table}]`: move the line below the `[{table}]` line (add one if there is none), before the next `[…]`"
            ),
            (None, Some((_, candidate))) => format!("; did you mean `{prefix}{candidate}`?"),
            (None, None) => String::new(),
        };
        let message = format!("unknown setting `{prefix}{name}`{hint}");
        self.problems.push(Diagnostic::at_span(
            self.file,
            self.text,
            key.span(),
            Severity::Error,
            "unknown-setting",
            message,
        ));
    }

    pub(super) fn bad(&mut self, value: &Value<'_>, reason: impl Into<String>) {
        self.error(value, format!("{}; the default is used", reason.into()));
    }

    /// An error in the setting `value`, in `message`'s own words.
    pub(super) fn error(&mut self, value: &Value<'_>, message: String) {
        self.problems.push(Diagnostic::at_span(
            self.file,
            self.text,
            value.span(),
            Severity::Error,
            "bad-setting",
            message,
        ));
    }

    pub(super) fn warn(&mut self, value: &Value<'_>, reason: String) {
        self.problems.push(Diagnostic::at_span(
            self.file,
            self.text,
            value.span(),
            Severity::Warning,
            "setting-warning",
            reason,
        ));
    }
}

/// "F12" (any case) as 12; `None` for anything but F1 to F24.
pub fn parse_function_key(name: &str) -> Option<u8> {
    let number = name.strip_prefix(['F', 'f'])?.parse::<u8>().ok()?;
    (1..=24).contains(&number).then_some(number)
}

/// Where a setting's value is written in `text`: the first of `paths` (table names, then the
/// key) that the file holds as a value, not a table. `None` when the file sets none of them or
/// cannot be parsed; a problem about such a setting is placed at the file's start.
pub fn setting_span(text: &str, paths: &[&[&str]]) -> Option<std::ops::Range<usize>> {
    let root = DeTable::parse(text).ok()?;
    paths.iter().find_map(|path| {
        let (last, tables) = path.split_last()?;
        let mut table = root.get_ref();
        for name in tables {
            table = table.get(*name)?.get_ref().as_table()?;
        }
        let value = table.get(*last)?;
        (!value.get_ref().is_table()).then(|| value.span())
    })
}
