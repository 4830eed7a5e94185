//! The bundled content read and checked once, by a build script, and kept in a compact form
//! the kiosk reads without parsing TOML: the first screen does not wait for a parser.

use serde::{Deserialize, Serialize};

use crate::i18n::{BASE_LANGUAGE, Catalog, Catalogs};
use crate::language::Lang;
use crate::{
    BUNDLED_PREFIX, Diagnostic, Library, Position, Severity, Topic, Vocabulary, file_fingerprint,
    load_in_memory, revision,
};

/// The topics and interface catalogs of a content folder, parsed and validated. Embedded in
/// three parts: the head, the topics' names, and the topics whole.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PreparedContent {
    /// The revision and the catalogs: all a kiosk showing a folder's topics needs of these.
    head: PreparedHead,
    topics: PreparedTopics,
}

/// The prepared topics and the vocabularies of patients' words, whole or as their names alone
/// ([`PreparedTopics::names`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreparedTopics {
    topics: Vec<Topic>,
    vocabularies: Vec<Vocabulary>,
}

/// The revision and the interface catalogs of the prepared content, kept apart so a kiosk
/// reading a content folder never decodes the bundled topics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreparedHead {
    /// The fingerprint of every bundled file, catalogs included.
    revision: String,
    /// English first.
    catalogs: Vec<Catalog>,
}

/// No revision, and the English catalog.
impl Default for PreparedHead {
    fn default() -> PreparedHead {
        PreparedHead { revision: String::new(), catalogs: vec![Catalog::english()] }
    }
}

impl PreparedContent {
    /// Reads and checks `files` (each a path under the content folder and its bytes): the
    /// prepared content, or `None` when any file has an error; and every problem found.
    pub fn prepare(files: &[(&str, &[u8])]) -> (Option<PreparedContent>, Vec<Diagnostic>) {
        let report = load_in_memory(files, BUNDLED_PREFIX, &|_| Vec::new());
        let mut problems = report.diagnostics;
        let mut catalogs = Vec::new();
        let languages = files.iter().filter_map(|(path, _)| path.strip_prefix("ui/")?.strip_suffix(".toml"));
        // English first: the others fall back to it.
        let mut languages: Vec<&str> = languages.collect();
        languages.sort_by_key(|language| (*language != BASE_LANGUAGE, *language));
        for language in languages {
            let shown = format!("{BUNDLED_PREFIX}/ui/{language}.toml");
            let text = files
                .iter()
                .find(|(path, _)| *path == format!("ui/{language}.toml"))
                .and_then(|(_, bytes)| std::str::from_utf8(bytes).ok())
                .unwrap_or_default();
            match Catalog::parse(language, text) {
                Ok(catalog) => {
                    let warning =
                        |problem: &String| Diagnostic::warning(&shown, Position::START, "catalog", problem);
                    problems.extend(catalog.problems().iter().map(warning));
                    catalogs.push(catalog);
                }
                Err(error) => {
                    problems.push(Diagnostic::error(&shown, Position::START, "catalog", error.to_string()));
                }
            }
        }
        let failed = problems.iter().any(|problem| problem.severity == Severity::Error)
            || catalogs.first().is_none_or(|english| english.language() != BASE_LANGUAGE);
        let topics = report.library.topics().to_vec();
        let vocabularies = report.library.vocabularies().to_vec();
        let revision = revision(files.iter().map(|(name, bytes)| file_fingerprint(name, bytes)));
        let head = PreparedHead { revision, catalogs };
        let topics = PreparedTopics { topics, vocabularies };
        ((!failed).then_some(PreparedContent { head, topics }), problems)
    }

    /// The content from its parts, each read back from its compact form.
    pub fn from_parts(head: PreparedHead, topics: PreparedTopics) -> PreparedContent {
        PreparedContent { head, topics }
    }

    /// The revision and the catalogs.
    pub fn head(&self) -> &PreparedHead {
        &self.head
    }

    /// The topics and vocabularies.
    pub fn topics(&self) -> &PreparedTopics {
        &self.topics
    }

    /// The content's revision: a fingerprint of every file it was made from.
    pub fn revision(&self) -> &str {
        self.head.revision()
    }

    /// The catalogs for `languages` (and English), with a line for each language that has none.
    pub fn catalogs(&self, languages: &[Lang]) -> (Catalogs, Vec<String>) {
        self.head.catalogs(languages)
    }

    /// The topics.
    pub fn library(&self) -> Library {
        self.topics.clone().into_library()
    }
}

impl PreparedTopics {
    /// The compact form, for a build script to embed.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// The topics from their compact form; `None` if the bytes are not what [`to_bytes`] made.
    ///
    /// [`to_bytes`]: PreparedTopics::to_bytes
    pub fn from_bytes(bytes: &[u8]) -> Option<PreparedTopics> {
        postcard::from_bytes(bytes).ok()
    }

    /// Each topic's head alone ([`Topic::head`]), with the vocabularies: what the list of
    /// topics and a search of their names need, decoded before the first screen (the bundled
    /// topics' are 7 KB of their 84; issue 23).
    pub fn names(&self) -> PreparedTopics {
        PreparedTopics {
            topics: self.topics.iter().map(Topic::head).collect(),
            vocabularies: self.vocabularies.clone(),
        }
    }

    /// The library of these topics, moved rather than copied.
    pub fn into_library(self) -> Library {
        Library::new(self.topics).with_vocabularies(self.vocabularies)
    }
}

impl PreparedHead {
    /// The compact form, for a build script to embed.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// The head from its compact form; `None` if the bytes are not what [`to_bytes`] made with
    /// this same build.
    ///
    /// [`to_bytes`]: PreparedHead::to_bytes
    pub fn from_bytes(bytes: &[u8]) -> Option<PreparedHead> {
        let head: PreparedHead = postcard::from_bytes(bytes).ok()?;
        head.is_whole().then_some(head)
    }

    /// Whether every catalog has this build's messages, English first.
    fn is_whole(&self) -> bool {
        let complete = self.catalogs.iter().all(Catalog::has_every_message);
        complete && self.catalogs.first().is_some_and(|c| c.language() == BASE_LANGUAGE)
    }

    /// The content's revision: a fingerprint of every file it was made from.
    pub fn revision(&self) -> &str {
        &self.revision
    }

    /// The catalogs for `languages` (and English), with a line for each language that has none.
    pub fn catalogs(&self, languages: &[Lang]) -> (Catalogs, Vec<String>) {
        (self.clone().into_catalogs(languages), self.missing_catalogs(languages))
    }

    /// The catalogs for `languages` (and English), moved rather than copied.
    pub fn into_catalogs(self, languages: &[Lang]) -> Catalogs {
        let mut others = self.catalogs.into_iter();
        let mut chosen = Catalogs::from(others.next().unwrap_or_else(Catalog::english));
        let mut others: Vec<Catalog> = others.collect();
        for language in languages {
            if !chosen.has(language)
                && let Some(at) = others.iter().position(|catalog| catalog.language() == language)
            {
                chosen.add(others.swap_remove(at));
            }
        }
        chosen
    }

    /// A line for each of `languages` that has no catalog: it is not offered.
    pub fn missing_catalogs(&self, languages: &[Lang]) -> Vec<String> {
        languages
            .iter()
            .filter(|language| !self.catalogs.iter().any(|catalog| catalog.language() == *language))
            .map(|language| {
                format!("there is no interface catalog for language `{language}`; it is not offered")
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BUNDLED_FILES, load_bundled};

    #[test]
    fn the_bundle_read_back_is_what_was_read_from_toml() {
        let (prepared, problems) = PreparedContent::prepare(BUNDLED_FILES);
        assert!(problems.iter().all(|p| p.severity != Severity::Error), "{problems:?}");
        let prepared = prepared.expect("the bundled content has no errors");
        let head = PreparedHead::from_bytes(&prepared.head().to_bytes()).expect("read back");
        let topics = PreparedTopics::from_bytes(&prepared.topics().to_bytes()).expect("read back");
        let back = PreparedContent::from_parts(head, topics);
        assert_eq!(back, prepared);
        assert_eq!(back.library(), load_bundled().library);
        let names = PreparedTopics::from_bytes(&prepared.topics().names().to_bytes()).expect("read back");
        let heads: Vec<Topic> = load_bundled().library.topics().iter().map(Topic::head).collect();
        assert_eq!(
            names.into_library(),
            Library::new(heads).with_vocabularies(back.library().vocabularies().to_vec())
        );
        let (catalogs, missing) = back.catalogs(&["en".into(), "es".into(), "fr".into()]);
        assert_eq!(catalogs, Catalogs::bundled(&["en".into(), "es".into(), "fr".into()]).0);
        assert_eq!(missing, ["there is no interface catalog for language `fr`; it is not offered"]);
    }

    #[test]
    fn a_broken_file_prepares_nothing_and_says_where() {
        let files: &[(&str, &[u8])] = &[("knee.en.toml", b"id = \"knee\"\ntitle = ")];
        let (prepared, problems) = PreparedContent::prepare(files);
        assert_eq!(prepared, None);
        assert!(problems[0].to_string().starts_with("(bundled)/knee.en.toml:2:"), "{}", problems[0]);
        assert_eq!(PreparedTopics::from_bytes(b"not a bundle"), None);
        assert_eq!(PreparedHead::from_bytes(b"not a bundle"), None);
    }
}
