//! Reading a configuration file key by key, so one bad key costs only that key: it keeps its
//! default and is reported as `path:line:column`, and every other key still takes effect.

use std::path::PathBuf;
use std::time::Duration;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use kiosk_content::{Diagnostic, Severity, unsafe_character};

use super::model::{Config, Show, ThemeName};

/// WCAG 2.2.1 asks for at least 20 seconds to answer a time-out warning.
const WCAG_MIN_WARNING_SECONDS: u64 = 20;
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
            reader.lock_because = Some("the configuration file has a syntax error");
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
    if let Some(why) = reader.lock_because {
        lock_for_safety(file, &mut config, &mut reader.problems, why);
    }
    (config, reader.problems)
}

struct Reader<'a> {
    file: &'a str,
    text: &'a str,
    problems: Vec<Diagnostic>,
    /// Why whether the kiosk should be locked is not known: a problem in the `[kiosk]` table,
    /// or in the whole file.
    lock_because: Option<&'static str>,
}

/// Fails closed: a configuration whose lock setting cannot be trusted starts the kiosk locked,
/// so `q` cannot end it, and says so.
pub fn lock_for_safety(file: &str, config: &mut Config, problems: &mut Vec<Diagnostic>, why: &str) {
    config.kiosk.locked = true;
    let message = format!("{why}, so the kiosk starts locked; fix the configuration and restart it");
    problems.push(Diagnostic::warning(file, kiosk_content::Position::START, "config-locked", message));
}

type Value<'i> = Spanned<DeValue<'i>>;

const ROOT_KEYS: &[&str] =
    &["clinic_name", "content", "kiosk", "print", "display", "speech", "stats", "take_home"];
const TAKE_HOME_KEYS: &[&str] = &["phone"];
/// The longest phone line that still fits its place on the one-page take-home.
const MAX_PHONE_CHARS: usize = 40;
const STATS_KEYS: &[&str] = &["enabled", "flush_seconds"];
const DISPLAY_KEYS: &[&str] = &["language", "languages", "theme"];
const SPEECH_KEYS: &[&str] = &["command"];
const CONTENT_KEYS: &[&str] = &["folder", "show", "max_grade", "trusted_keys"];
const KIOSK_KEYS: &[&str] =
    &["locked", "idle_seconds", "warning_seconds", "exit_pin_hash", "staff_key", "staff_idle_seconds"];
const PRINT_KEYS: &[&str] = &["command", "allow_patients", "patient_limit"];
/// Each table and its keys, to say where a key written under the wrong table belongs.
const TABLES: &[(&str, &[&str])] = &[
    ("kiosk", KIOSK_KEYS),
    ("print", PRINT_KEYS),
    ("display", DISPLAY_KEYS),
    ("speech", SPEECH_KEYS),
    ("stats", STATS_KEYS),
    ("content", CONTENT_KEYS),
    ("take_home", TAKE_HOME_KEYS),
];
/// The most handouts a patient may be allowed per session.
const MAX_PATIENT_PRINTS: u64 = 20;

impl Reader<'_> {
    fn root(&mut self, root: &DeTable<'_>, config: &mut Config) {
        for (key, value) in root {
            match key.get_ref().as_ref() {
                "clinic_name" => {
                    if let Some(name) = self.text_value("clinic_name", value) {
                        config.clinic_name = name;
                    }
                }
                // TOML has one `content`: either the folder, or a `[content]` table holding the
                // folder as `folder` with the rules for what is in it.
                "content" if value.get_ref().is_table() => self.content_rules(value, config),
                "content" => {
                    if let Some(path) = self.text_value("content", value) {
                        config.content = Some(PathBuf::from(path));
                    }
                }
                "kiosk" => self.kiosk(value, config),
                "print" => self.print(value, config),
                "display" => self.display(value, config),
                "speech" => self.speech(value, config),
                "stats" => self.stats(value, config),
                "take_home" => self.take_home(value, config),
                other => self.unknown(key, other, "", ROOT_KEYS),
            }
        }
    }

    fn kiosk(&mut self, value: &Value<'_>, config: &mut Config) {
        let before = self.problems.len();
        self.kiosk_table(value, config);
        if self.problems[before..].iter().any(|problem| problem.severity == Severity::Error) {
            self.lock_because = Some("the `[kiosk]` settings have an error");
        }
    }

    fn kiosk_table(&mut self, value: &Value<'_>, config: &mut Config) {
        let Some(table) = value.get_ref().as_table() else {
            return self.bad(value, "`kiosk` must be a table: write `[kiosk]` on a line of its own");
        };
        let kiosk = &mut config.kiosk;
        for (key, value) in table {
            match key.get_ref().as_ref() {
                "locked" => match value.get_ref().as_bool() {
                    Some(locked) => kiosk.locked = locked,
                    None => self.bad(value, "`kiosk.locked` must be true or false"),
                },
                "idle_seconds" => {
                    if let Some(seconds) = self.seconds("kiosk.idle_seconds", value, 1) {
                        kiosk.idle = Duration::from_secs(seconds);
                    }
                }
                "warning_seconds" => {
                    if let Some(seconds) = self.seconds("kiosk.warning_seconds", value, 1) {
                        kiosk.warning = Duration::from_secs(seconds);
                        if seconds < WCAG_MIN_WARNING_SECONDS {
                            self.warn(
                                value,
                                format!(
                                    "`kiosk.warning_seconds` is {seconds}: WCAG 2.2.1 asks for at least \
                                     {WCAG_MIN_WARNING_SECONDS} seconds to answer the warning"
                                ),
                            );
                        }
                    }
                }
                "exit_pin_hash" => {
                    if let Some(hash) = self.text_value("kiosk.exit_pin_hash", value) {
                        match crate::pin::check_hash(&hash) {
                            Ok(cost) => {
                                if let crate::pin::HashCost::Weak(why) = cost {
                                    self.warn(
                                        value,
                                        format!(
                                            "`kiosk.exit_pin_hash`: {why}; make a new one with \
                                             `patient-kiosk hash-pin`"
                                        ),
                                    );
                                }
                                kiosk.exit_pin_hash = Some(hash);
                            }
                            Err(reason) => self.bad(
                                value,
                                format!(
                                    "`kiosk.exit_pin_hash` is not a PIN hash ({reason}); make one with \
                                     `patient-kiosk hash-pin`. Until then the kiosk cannot be left from the keyboard"
                                ),
                            ),
                        }
                    }
                }
                "staff_key" => {
                    if let Some(name) = self.text_value("kiosk.staff_key", value) {
                        match parse_function_key(&name) {
                            Some(number) => kiosk.staff_key = number,
                            None => self.bad(
                                value,
                                format!("`kiosk.staff_key` must be a function key from \"F1\" to \"F24\" (found {name:?})"),
                            ),
                        }
                    }
                }
                "staff_idle_seconds" => {
                    if let Some(seconds) = self.seconds("kiosk.staff_idle_seconds", value, 1) {
                        kiosk.staff_idle = Duration::from_secs(seconds);
                    }
                }
                other => self.unknown(key, other, "kiosk.", KIOSK_KEYS),
            }
        }
    }

    fn content_rules(&mut self, value: &Value<'_>, config: &mut Config) {
        let Some(table) = value.get_ref().as_table() else { return };
        // With trusted keys, patients see only signed topics unless `show` says otherwise.
        let show_written = table.iter().any(|(key, _)| key.get_ref() == "show");
        for (key, value) in table {
            match key.get_ref().as_ref() {
                "folder" => {
                    if let Some(path) = self.text_value("content.folder", value) {
                        config.content = Some(PathBuf::from(path));
                    }
                }
                "show" => match value.get_ref().as_str() {
                    Some("all") => config.content_rules.show = Show::All,
                    Some("reviewed") => config.content_rules.show = Show::Reviewed,
                    _ => self.bad(value, "`content.show` must be \"all\" or \"reviewed\""),
                },
                "max_grade" => {
                    let grade = match value.get_ref() {
                        DeValue::Integer(i) => {
                            i64::from_str_radix(i.as_str(), i.radix()).ok().map(|g| g as f64)
                        }
                        DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
                        _ => None,
                    };
                    match grade {
                        Some(grade) if (1.0..=20.0).contains(&grade) => {
                            config.content_rules.max_grade = grade;
                        }
                        _ => self
                            .bad(value, "`content.max_grade` must be a school grade from 1 to 20, such as 8"),
                    }
                }
                "trusted_keys" => {
                    let keys = value.get_ref().as_array().map(|array| {
                        array
                            .iter()
                            .map(|key| key.get_ref().as_str().map(str::to_owned))
                            .collect::<Option<Vec<_>>>()
                    });
                    match keys {
                        Some(Some(keys)) => {
                            if let Some(bad) = kiosk_content::TrustedKeys::first_bad(&keys) {
                                self.error(
                                    value,
                                    format!("{bad}; no topic signed with it counts as reviewed"),
                                );
                            }
                            config.content_rules.trusted_keys = keys;
                        }
                        _ => self.bad(
                            value,
                            "`content.trusted_keys` must be a list of minisign public keys like [\"RWQ…\"]",
                        ),
                    }
                }
                other => self.unknown(key, other, "content.", CONTENT_KEYS),
            }
        }
        if !show_written && !config.content_rules.trusted_keys.is_empty() {
            config.content_rules.show = Show::Reviewed;
        }
    }

    fn display(&mut self, value: &Value<'_>, config: &mut Config) {
        let Some(table) = value.get_ref().as_table() else {
            return self.bad(value, "`display` must be a table: write `[display]` on a line of its own");
        };
        for (key, value) in table {
            match key.get_ref().as_ref() {
                "language" => {
                    if let Some(language) = self.language_tag("display.language", value) {
                        config.display.language = language;
                    }
                }
                "languages" => {
                    let tags = value.get_ref().as_array().map(|array| {
                        array
                            .iter()
                            .map(|tag| self.language_tag("display.languages", tag))
                            .collect::<Option<Vec<_>>>()
                    });
                    match tags {
                        Some(Some(tags)) if !tags.is_empty() => config.display.languages = tags,
                        Some(Some(_)) | None => self.bad(
                            value,
                            "`display.languages` must be a list of language tags like [\"en\", \"es\"]",
                        ),
                        Some(None) => {}
                    }
                }
                "theme" => match value.get_ref().as_str() {
                    Some("default") => config.display.theme = ThemeName::Default,
                    Some("high-contrast") => config.display.theme = ThemeName::HighContrast,
                    Some("monochrome") => config.display.theme = ThemeName::Monochrome,
                    _ => self.bad(
                        value,
                        "`display.theme` must be \"default\", \"high-contrast\" or \"monochrome\"",
                    ),
                },
                other => self.unknown(key, other, "display.", DISPLAY_KEYS),
            }
        }
        if !config.display.languages.contains(&config.display.language) {
            let language = config.display.language.clone();
            config.display.languages.insert(0, language);
        }
    }

    fn language_tag(&mut self, name: &str, value: &Value<'_>) -> Option<String> {
        match value.get_ref().as_str() {
            Some(tag) if kiosk_content::is_valid_language_tag(tag) => Some(tag.to_owned()),
            _ => {
                self.bad(value, format!("`{name}` must be a language tag such as \"en\" or \"es\""));
                None
            }
        }
    }

    fn take_home(&mut self, value: &Value<'_>, config: &mut Config) {
        let Some(table) = value.get_ref().as_table() else {
            return self.bad(value, "`take_home` must be a table: write `[take_home]` on a line of its own");
        };
        for (key, value) in table {
            match key.get_ref().as_ref() {
                "phone" => match self.text_value("take_home.phone", value) {
                    Some(phone) if !phone.trim().is_empty() && phone.chars().count() <= MAX_PHONE_CHARS => {
                        config.take_home.phone = Some(phone.trim().to_owned());
                    }
                    Some(_) => self.bad(
                        value,
                        format!(
                            "`take_home.phone` must be a phone number of 1 to {MAX_PHONE_CHARS} characters"
                        ),
                    ),
                    None => {}
                },
                other => self.unknown(key, other, "take_home.", TAKE_HOME_KEYS),
            }
        }
    }

    fn speech(&mut self, value: &Value<'_>, config: &mut Config) {
        let Some(table) = value.get_ref().as_table() else {
            return self.bad(value, "`speech` must be a table: write `[speech]` on a line of its own");
        };
        for (key, value) in table {
            match key.get_ref().as_ref() {
                "command" => {
                    if let Some(command) = self.command("speech.command", value) {
                        config.speech.command = Some(command);
                    }
                }
                other => self.unknown(key, other, "speech.", SPEECH_KEYS),
            }
        }
    }

    fn stats(&mut self, value: &Value<'_>, config: &mut Config) {
        let Some(table) = value.get_ref().as_table() else {
            return self.bad(value, "`stats` must be a table: write `[stats]` on a line of its own");
        };
        for (key, value) in table {
            match key.get_ref().as_ref() {
                "enabled" => match value.get_ref().as_bool() {
                    Some(enabled) => config.stats.enabled = enabled,
                    None => self.bad(value, "`stats.enabled` must be true or false"),
                },
                "flush_seconds" => {
                    if let Some(seconds) = self.seconds("stats.flush_seconds", value, 1) {
                        config.stats.flush_seconds = seconds.min(60);
                    }
                }
                other => self.unknown(key, other, "stats.", STATS_KEYS),
            }
        }
    }

    fn print(&mut self, value: &Value<'_>, config: &mut Config) {
        let Some(table) = value.get_ref().as_table() else {
            return self.bad(value, "`print` must be a table: write `[print]` on a line of its own");
        };
        for (key, value) in table {
            match key.get_ref().as_ref() {
                "command" => {
                    if let Some(command) = self.command("print.command", value) {
                        config.print.command = Some(command);
                    }
                }
                "allow_patients" => match value.get_ref().as_bool() {
                    Some(allow) => config.print.allow_patients = allow,
                    None => self.bad(value, "`print.allow_patients` must be true or false"),
                },
                "patient_limit" => {
                    let limit = value
                        .get_ref()
                        .as_integer()
                        .and_then(|i| u64::from_str_radix(i.as_str(), i.radix()).ok())
                        .filter(|limit| (1..=MAX_PATIENT_PRINTS).contains(limit));
                    match limit {
                        Some(limit) => config.print.patient_limit = limit as u32,
                        None => self.bad(
                            value,
                            format!(
                                "`print.patient_limit` must be a whole number from 1 to {MAX_PATIENT_PRINTS}"
                            ),
                        ),
                    }
                }
                other => self.unknown(key, other, "print.", PRINT_KEYS),
            }
        }
    }

    /// A program and its arguments: a list of one or more pieces of text, the program first.
    fn command(&mut self, name: &str, value: &Value<'_>) -> Option<Vec<String>> {
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
    fn text_value(&mut self, name: &str, value: &Value<'_>) -> Option<String> {
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

    /// A whole number of seconds from `min` to a day.
    fn seconds(&mut self, name: &str, value: &Value<'_>, min: u64) -> Option<u64> {
        let parsed =
            value.get_ref().as_integer().and_then(|i| u64::from_str_radix(i.as_str(), i.radix()).ok());
        match parsed {
            Some(seconds) if (min..=MAX_SECONDS).contains(&seconds) => Some(seconds),
            _ => {
                self.bad(
                    value,
                    format!("`{name}` must be a whole number of seconds from {min} to {MAX_SECONDS}"),
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
        let home = TABLES.iter().find(|(table, keys)| format!("{table}.") != prefix && keys.contains(&name));
        let hint = match (home, closest) {
            (Some((table, _)), _) => format!(
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

    fn bad(&mut self, value: &Value<'_>, reason: impl Into<String>) {
        self.error(value, format!("{}; the default is used", reason.into()));
    }

    /// An error in the setting `value`, in `message`'s own words.
    fn error(&mut self, value: &Value<'_>, message: String) {
        self.problems.push(Diagnostic::at_span(
            self.file,
            self.text,
            value.span(),
            Severity::Error,
            "bad-setting",
            message,
        ));
    }

    fn warn(&mut self, value: &Value<'_>, reason: String) {
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
