//! Every key a configuration file may hold, said once: its table, its name and how its value
//! is read into [`Config`]. The reader walks these tables, so the list of known keys (for "did
//! you mean" and "belongs under") is this list; each default is `Config::default()`'s.

use std::path::PathBuf;
use std::time::Duration;

use toml::de::{DeTable, DeValue};

use kiosk_content::Lang;

use super::model::{Config, Show, ThemeName};
use super::read::{Reader, Value};
use crate::pin::{HashCost, check_hash};

/// WCAG 2.2.1 asks for at least 20 seconds to answer a time-out warning.
const WCAG_MIN_WARNING_SECONDS: u64 = 20;
/// The longest phone line that still fits its place on the one-page take-home.
const MAX_PHONE_CHARS: usize = 40;
/// The most handouts a patient may be allowed per session.
const MAX_PATIENT_PRINTS: u64 = 20;
/// The school grades `content.max_grade` may name.
const GRADES: std::ops::RangeInclusive<f64> = 1.0..=20.0;

/// How one setting's value is read, and where it goes in the configuration. A value of the
/// wrong kind is reported by the reader, in the words every setting of that kind shares.
pub(super) enum Read {
    /// `true` or `false`.
    Flag(fn(&mut Config, bool)),
    /// A whole number of seconds from one to a day.
    Seconds(fn(&mut Config, u64)),
    /// Text in quotes, with no control character.
    Text(fn(&mut Config, String)),
    /// A program and its arguments, as a list.
    Command(fn(&mut Config, Vec<String>)),
    /// A language tag.
    Language(fn(&mut Config, Lang)),
    /// Anything else, read its own way: the reader, the setting's full name (`kiosk.locked`)
    /// for its messages, the value, and the configuration it sets.
    Own(fn(&mut Reader<'_>, &str, &Value<'_>, &mut Config)),
}

/// One key and how its value is read.
pub(super) struct Setting {
    pub key: &'static str,
    pub read: Read,
}

/// One `[table]` of settings.
pub(super) struct Table {
    pub name: &'static str,
    pub settings: &'static [Setting],
    /// Whether an error in this table starts the kiosk locked: whether it should be is then
    /// not known.
    pub error_locks: bool,
    /// What follows from the table as a whole, once each of its keys is read.
    pub finish: Option<fn(&DeTable<'_>, &mut Config)>,
}

/// The keys at the top of the file, before any `[table]`.
pub(super) const TOP: &[Setting] = &[
    Setting { key: "clinic_name", read: Read::Text(|config, name| config.clinic_name = name) },
    // TOML has one `content`: either the folder, or a `[content]` table holding the folder as
    // `folder` with the rules for what is in it.
    Setting { key: "content", read: Read::Text(content_folder) },
];

/// Every table and its keys.
pub(super) const TABLES: &[Table] = &[
    Table { name: "kiosk", settings: KIOSK, error_locks: true, finish: None },
    Table { name: "print", settings: PRINT, error_locks: false, finish: None },
    Table { name: "display", settings: DISPLAY, error_locks: false, finish: Some(offer_the_language) },
    Table { name: "speech", settings: SPEECH, error_locks: false, finish: None },
    Table { name: "stats", settings: STATS, error_locks: false, finish: None },
    Table { name: "content", settings: CONTENT, error_locks: false, finish: Some(reviewed_when_signed) },
    Table { name: "take_home", settings: TAKE_HOME, error_locks: false, finish: None },
];

/// Every setting's full name as written in docs/configuration.md: `clinic_name`,
/// `[kiosk] locked`.
pub fn setting_names() -> impl Iterator<Item = String> {
    let top = TOP.iter().map(|setting| setting.key.to_owned());
    let tables = TABLES.iter().flat_map(|table| {
        table.settings.iter().map(move |setting| format!("[{}] {}", table.name, setting.key))
    });
    top.chain(tables)
}

const KIOSK: &[Setting] = &[
    Setting { key: "locked", read: Read::Flag(|config, locked| config.kiosk.locked = locked) },
    Setting {
        key: "idle_seconds",
        read: Read::Seconds(|config, seconds| config.kiosk.idle = Duration::from_secs(seconds)),
    },
    Setting {
        key: "warning_seconds",
        read: Read::Own(|reader, name, value, config| {
            let Some(seconds) = reader.seconds(name, value) else { return };
            config.kiosk.warning = Duration::from_secs(seconds);
            if seconds < WCAG_MIN_WARNING_SECONDS {
                reader.warn(
                    value,
                    format!(
                        "`{name}` is {seconds}: WCAG 2.2.1 asks for at least \
                         {WCAG_MIN_WARNING_SECONDS} seconds to answer the warning"
                    ),
                );
            }
        }),
    },
    Setting { key: "exit_pin_hash", read: Read::Own(exit_pin_hash) },
    Setting {
        key: "staff_key",
        read: Read::Own(|reader, name, value, config| {
            let Some(key) = reader.text_value(name, value) else { return };
            match super::read::parse_function_key(&key) {
                Some(number) => config.kiosk.staff_key = number,
                None => reader.bad(
                    value,
                    format!("`{name}` must be a function key from \"F1\" to \"F24\" (found {key:?})"),
                ),
            }
        }),
    },
    Setting {
        key: "staff_idle_seconds",
        read: Read::Seconds(|config, seconds| config.kiosk.staff_idle = Duration::from_secs(seconds)),
    },
];

fn exit_pin_hash(reader: &mut Reader<'_>, name: &str, value: &Value<'_>, config: &mut Config) {
    let Some(hash) = reader.text_value(name, value) else { return };
    match check_hash(&hash) {
        Ok(cost) => {
            if let HashCost::Weak(why) = cost {
                reader.warn(value, format!("`{name}`: {why}; make a new one with `patient-kiosk hash-pin`"));
            }
            config.kiosk.exit_pin_hash = Some(hash);
        }
        Err(reason) => reader.bad(
            value,
            format!(
                "`{name}` is not a PIN hash ({reason}); make one with `patient-kiosk hash-pin`. \
                 Until then the kiosk cannot be left from the keyboard"
            ),
        ),
    }
}

const PRINT: &[Setting] = &[
    Setting { key: "command", read: Read::Command(|config, command| config.print.command = Some(command)) },
    Setting { key: "allow_patients", read: Read::Flag(|config, allow| config.print.allow_patients = allow) },
    Setting {
        key: "patient_limit",
        read: Read::Own(|reader, name, value, config| {
            let limit = Reader::whole_number(value).filter(|limit| (1..=MAX_PATIENT_PRINTS).contains(limit));
            match limit.and_then(|limit| u32::try_from(limit).ok()) {
                Some(limit) => config.print.patient_limit = limit,
                None => reader
                    .bad(value, format!("`{name}` must be a whole number from 1 to {MAX_PATIENT_PRINTS}")),
            }
        }),
    },
];

const DISPLAY: &[Setting] = &[
    Setting { key: "language", read: Read::Language(|config, language| config.display.language = language) },
    Setting {
        key: "languages",
        read: Read::Own(|reader, name, value, config| {
            let tags = value.get_ref().as_array().map(|array| {
                array.iter().map(|tag| reader.language_tag(name, tag)).collect::<Option<Vec<_>>>()
            });
            match tags {
                Some(Some(tags)) if !tags.is_empty() => config.display.languages = tags,
                Some(Some(_)) | None => reader
                    .bad(value, format!("`{name}` must be a list of language tags like [\"en\", \"es\"]")),
                // Each bad tag is reported where it is written.
                Some(None) => {}
            }
        }),
    },
    Setting {
        key: "theme",
        read: Read::Own(|reader, name, value, config| match value.get_ref().as_str() {
            Some("default") => config.display.theme = ThemeName::Default,
            Some("high-contrast") => config.display.theme = ThemeName::HighContrast,
            Some("monochrome") => config.display.theme = ThemeName::Monochrome,
            _ => reader
                .bad(value, format!("`{name}` must be \"default\", \"high-contrast\" or \"monochrome\"")),
        }),
    },
];

/// The language every session starts in is always one of those offered.
fn offer_the_language(_: &DeTable<'_>, config: &mut Config) {
    if !config.display.languages.contains(&config.display.language) {
        let language = config.display.language.clone();
        config.display.languages.insert(0, language);
    }
}

const SPEECH: &[Setting] = &[Setting {
    key: "command",
    read: Read::Command(|config, command| config.speech.command = Some(command)),
}];

const STATS: &[Setting] = &[
    Setting { key: "enabled", read: Read::Flag(|config, enabled| config.stats.enabled = enabled) },
    Setting {
        key: "flush_seconds",
        read: Read::Seconds(|config, seconds| config.stats.flush_seconds = seconds.min(60)),
    },
];

const CONTENT: &[Setting] = &[
    Setting { key: "folder", read: Read::Text(content_folder) },
    Setting {
        key: "show",
        read: Read::Own(|reader, name, value, config| match value.get_ref().as_str() {
            Some("all") => config.content_rules.show = Show::All,
            Some("reviewed") => config.content_rules.show = Show::Reviewed,
            _ => reader.bad(value, format!("`{name}` must be \"all\" or \"reviewed\"")),
        }),
    },
    Setting {
        key: "max_grade",
        read: Read::Own(|reader, name, value, config| {
            let grade = match value.get_ref() {
                DeValue::Integer(_) => Reader::whole_number(value).map(|grade| grade as f64),
                DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
                _ => None,
            };
            match grade.filter(|grade| GRADES.contains(grade)) {
                Some(grade) => config.content_rules.max_grade = grade,
                None => reader.bad(value, format!("`{name}` must be a school grade from 1 to 20, such as 8")),
            }
        }),
    },
    Setting { key: "trusted_keys", read: Read::Own(trusted_keys) },
];

fn content_folder(config: &mut Config, folder: String) {
    config.content = Some(PathBuf::from(folder));
}

fn trusted_keys(reader: &mut Reader<'_>, name: &str, value: &Value<'_>, config: &mut Config) {
    let keys = value.get_ref().as_array().map(|array| {
        array.iter().map(|key| key.get_ref().as_str().map(str::to_owned)).collect::<Option<Vec<_>>>()
    });
    let Some(Some(keys)) = keys else {
        return reader.bad(value, format!("`{name}` must be a list of minisign public keys like [\"RWQ…\"]"));
    };
    if let Some(bad) = kiosk_content::TrustedKeys::first_bad(&keys) {
        reader.error(value, format!("{bad}; no topic signed with it counts as reviewed"));
    }
    config.content_rules.trusted_keys = keys;
}

/// With trusted keys, patients see only signed topics unless `show` says otherwise.
fn reviewed_when_signed(table: &DeTable<'_>, config: &mut Config) {
    let show_written = table.iter().any(|(key, _)| key.get_ref() == "show");
    if !show_written && !config.content_rules.trusted_keys.is_empty() {
        config.content_rules.show = Show::Reviewed;
    }
}

const TAKE_HOME: &[Setting] = &[Setting {
    key: "phone",
    read: Read::Own(|reader, name, value, config| match reader.text_value(name, value) {
        Some(phone) if !phone.trim().is_empty() && phone.chars().count() <= MAX_PHONE_CHARS => {
            config.take_home.phone = Some(phone.trim().to_owned());
        }
        Some(_) => {
            reader
                .bad(value, format!("`{name}` must be a phone number of 1 to {MAX_PHONE_CHARS} characters"));
        }
        None => {}
    }),
}];
