//! A language's interface text, read from `content/ui/<language>.toml`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use toml::de::{DeTable, DeValue};

use crate::language::base_language;
use crate::{bundled_file, unsafe_character};

use super::messages::Msg;
use crate::Lang;

/// The interface text in each language the kiosk offers; English always among them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogs {
    /// English first.
    catalogs: Vec<Catalog>,
}

impl Catalogs {
    /// The bundled catalogs for `languages` (and English), with a line for each language that
    /// has none.
    pub fn bundled(languages: &[Lang]) -> (Catalogs, Vec<String>) {
        let mut catalogs = Catalogs::from(Catalog::english());
        let mut problems = Vec::new();
        for language in languages {
            if catalogs.catalogs.iter().any(|c| c.language == *language) {
                continue;
            }
            match Catalog::bundled(language) {
                Ok(catalog) => catalogs.catalogs.push(catalog),
                Err(error) => problems.push(format!("{error}; it is not offered")),
            }
        }
        (catalogs, problems)
    }

    /// The catalog for `language`: its own, else its base language's (`es` for `es-MX`), else
    /// English.
    pub fn get(&self, language: &str) -> &Catalog {
        let base = base_language(language);
        self.catalogs
            .iter()
            .find(|c| c.language == language)
            .or_else(|| self.catalogs.iter().find(|c| c.language == base))
            .unwrap_or(&self.catalogs[0])
    }

    /// Adds `catalog`, unless its language has one already.
    pub fn add(&mut self, catalog: Catalog) {
        if !self.has(&catalog.language) {
            self.catalogs.push(catalog);
        }
    }

    /// Whether there is a catalog of `language`'s own.
    pub fn has(&self, language: &str) -> bool {
        self.catalogs.iter().any(|c| c.language == language)
    }
}

impl From<Catalog> for Catalogs {
    fn from(catalog: Catalog) -> Catalogs {
        let mut catalogs = vec![catalog];
        if catalogs[0].language != BASE_LANGUAGE {
            catalogs.insert(0, Catalog::english());
        }
        Catalogs { catalogs }
    }
}

/// The languages with a bundled catalog (`content/ui/<language>.toml`).
pub fn bundled_languages() -> Vec<Lang> {
    crate::BUNDLED_FILES
        .iter()
        .filter_map(|(path, _)| path.strip_prefix("ui/")?.strip_suffix(".toml"))
        .map(Lang::from)
        .collect()
}

/// The language whose catalog is complete and fills the gaps of every other.
pub const BASE_LANGUAGE: &str = "en";

/// Every interface text in one language, with English standing in for any that is missing.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Catalog {
    language: Lang,
    /// Indexed by the message's place in [`Msg::ALL`].
    texts: Vec<String>,
    problems: Vec<String>,
}

/// A catalog file that could not be used at all.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// No bundled catalog for that language.
    #[error("there is no interface catalog for language `{0}`")]
    Missing(String),
    /// The file is not TOML, or not a table of texts.
    #[error("the interface catalog for `{language}` cannot be read: {reason}")]
    Unreadable {
        /// The catalog's language.
        language: String,
        /// What is wrong.
        reason: String,
    },
}

impl Catalog {
    /// The bundled English catalog, which names every message. Read once: every other catalog
    /// falls back to it, and reading it is a good part of the kiosk's start.
    pub fn english() -> Catalog {
        static ENGLISH: OnceLock<Catalog> = OnceLock::new();
        ENGLISH
            .get_or_init(|| {
                Catalog::bundled(BASE_LANGUAGE).expect("content/ui/en.toml is bundled, complete and tested")
            })
            .clone()
    }

    /// The bundled catalog for `language`, with English for anything it lacks.
    pub fn bundled(language: &str) -> Result<Catalog, CatalogError> {
        let bytes = bundled_file(&format!("ui/{language}.toml"))
            .ok_or_else(|| CatalogError::Missing(language.to_owned()))?;
        let text = std::str::from_utf8(bytes)
            .map_err(|e| CatalogError::Unreadable { language: language.to_owned(), reason: e.to_string() })?;
        Catalog::parse(language, text)
    }

    /// Reads a catalog file's text. Keys it lacks fall back to English; unknown keys and unsafe
    /// text are recorded as [`Catalog::problems`].
    pub fn parse(language: &str, text: &str) -> Result<Catalog, CatalogError> {
        let unreadable = |reason: String| CatalogError::Unreadable { language: language.to_owned(), reason };
        // Read in place, without building a table of owned values: catalogs are read before the
        // first frame.
        let table = DeTable::parse(text).map_err(|e| unreadable(e.message().to_owned()))?;
        let mut found = HashMap::new();
        flatten(language, "", table.get_ref(), &mut found)?;

        let english = (language != BASE_LANGUAGE).then(Catalog::english);
        let mut problems = Vec::new();
        let mut texts = Vec::with_capacity(Msg::ALL.len());
        for msg in Msg::ALL {
            let own =
                found.remove(msg.key()).map(Cow::into_owned).filter(|text| match unsafe_character(text) {
                    Some((_, c)) => {
                        problems.push(format!(
                            "`{}` holds the control character U+{:04X}",
                            msg.key(),
                            c as u32
                        ));
                        false
                    }
                    None => true,
                });
            let text = match (own, &english) {
                (Some(text), _) => text,
                (None, Some(english)) => {
                    problems.push(format!("`{}` is missing; English is shown instead", msg.key()));
                    english.text(*msg).to_owned()
                }
                (None, None) => {
                    problems.push(format!("`{}` is missing", msg.key()));
                    msg.key().to_owned()
                }
            };
            texts.push(text);
        }
        let mut unknown: Vec<String> = found.into_keys().collect();
        unknown.sort_unstable();
        problems.extend(unknown.iter().map(|key| format!("`{key}` is not a message the kiosk uses")));
        Ok(Catalog { language: Lang::from(language), texts, problems })
    }

    /// Whether it has a text for every message of this build (one read from elsewhere might not).
    pub fn has_every_message(&self) -> bool {
        self.texts.len() == Msg::ALL.len()
    }

    /// The catalog's language.
    pub fn language(&self) -> &Lang {
        &self.language
    }

    /// What was wrong with the catalog file: missing or unknown keys, unsafe text.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// The text of a message.
    pub fn text(&self, msg: Msg) -> &str {
        // `Msg::ALL` lists the variants in declaration order, so a variant's number is its index.
        &self.texts[msg as usize]
    }

    /// The text of a message with each `{name}` replaced by its value.
    pub fn format(&self, msg: Msg, values: &[(&str, &str)]) -> String {
        values.iter().fold(self.text(msg).to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
    }
}

/// Turns nested tables into dotted keys: `[home] title = "x"` becomes `home.title`; a value
/// that is not text makes the `language` catalog unreadable.
fn flatten<'i>(
    language: &str,
    prefix: &str,
    table: &DeTable<'i>,
    into: &mut HashMap<String, Cow<'i, str>>,
) -> Result<(), CatalogError> {
    for (key, value) in table {
        let key = key.get_ref();
        let key = if prefix.is_empty() { key.to_string() } else { format!("{prefix}.{key}") };
        match value.get_ref() {
            DeValue::String(text) => {
                into.insert(key, text.clone());
            }
            DeValue::Table(inner) => flatten(language, &key, inner, into)?,
            other => {
                let reason = format!("`{key}` must be text, not a {}", other.type_str());
                return Err(CatalogError::Unreadable { language: language.to_owned(), reason });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_catalog_names_every_message_and_nothing_else() {
        let english = Catalog::english();
        assert_eq!(english.problems(), &[] as &[String]);
        for msg in Msg::ALL {
            assert!(!english.text(*msg).trim().is_empty(), "{} is blank", msg.key());
        }
    }

    #[test]
    fn the_spanish_catalog_is_complete() {
        let spanish = Catalog::bundled("es").expect("bundled");
        assert_eq!(spanish.problems(), &[] as &[String]);
        assert_eq!(spanish.text(Msg::LanguageName), "Español");
        assert_ne!(spanish.text(Msg::AppTitle), Catalog::english().text(Msg::AppTitle));
    }

    /// The interface's own words need no stand-in on the Linux console.
    #[test]
    fn the_bundled_catalogs_use_only_characters_every_console_font_draws() {
        for language in bundled_languages() {
            let catalog = Catalog::bundled(&language).expect("bundled");
            for msg in Msg::ALL {
                let text = catalog.text(*msg);
                let odd: String = text
                    .chars()
                    .filter(|c| !c.is_whitespace() && !crate::console::in_stock_console_font(*c))
                    .collect();
                assert!(odd.is_empty(), "{language} `{}`: {odd}", msg.key());
            }
        }
    }

    #[test]
    fn missing_messages_fall_back_to_english_and_are_reported() {
        let catalog = Catalog::parse("xx", "[app]\ntitle = \"Educación\"\nextra = \"?\"\n").unwrap();
        assert_eq!(catalog.text(Msg::AppTitle), "Educación");
        assert_eq!(catalog.text(Msg::HintQuit), Catalog::english().text(Msg::HintQuit));
        assert!(catalog.problems().iter().any(|p| p.starts_with("`hint.quit` is missing")));
        assert!(catalog.problems().iter().any(|p| p == "`app.extra` is not a message the kiosk uses"));
    }

    #[test]
    fn control_characters_in_a_catalog_are_refused() {
        let catalog = Catalog::parse("xx", "[app]\ntitle = \"\\u001b[2J\"\n").unwrap();
        assert_eq!(catalog.text(Msg::AppTitle), Catalog::english().text(Msg::AppTitle));
    }

    #[test]
    fn placeholders_are_filled() {
        let english = Catalog::english();
        assert_eq!(english.format(Msg::PageOfTotal, &[("current", "3"), ("total", "17")]), "3 of 17");
    }
}
