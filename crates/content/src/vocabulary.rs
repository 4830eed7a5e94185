//! The medical words patients type, and the plain words the topics use for them: one file per
//! language, `vocabulary/<language>.toml`, so search finds "lungs" for "embolism". Content
//! editors extend it without a rebuild; docs/content-format.md describes it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::diagnostic::{Diagnostic, Position, Severity};
use std::collections::HashSet;
use std::sync::{Mutex, PoisonError};

use super::model::Topic;
use super::text_safety::unsafe_character;
use super::words::{Analyzer, fold, key, tokens};
use crate::Lang;

/// One language's vocabulary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vocabulary {
    /// The language its words are typed in, from the file's name.
    pub language: Lang,
    /// The file it was read from, as messages name it.
    pub file: String,
    /// Each word, in file order.
    pub entries: Vec<VocabularyEntry>,
}

/// A word a reader may type, and what the topics say instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VocabularyEntry {
    /// The word typed ("embolism"), as written in the file.
    pub word: String,
    /// The plain words the topics use for it ("lungs", "blood thinners"); a place matches
    /// when it holds every word of one of them.
    pub means: Vec<String>,
    /// Where the word is written in its file, for messages.
    pub position: Option<Position>,
}

/// The file as written: `[words]` then `word = ["plain words", …]` (or one string).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VocabularyFile {
    words: BTreeMap<Spanned<String>, Spanned<OneOrMore>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMore {
    One(String),
    More(Vec<String>),
}

/// Reads the vocabulary of `language` from `text` (shown as `shown_as` in messages): the
/// entries that are good, and a problem for each that is not.
pub fn read_vocabulary(shown_as: &str, language: &str, text: &str) -> (Vocabulary, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut vocabulary =
        Vocabulary { language: Lang::from(language), file: shown_as.to_owned(), entries: Vec::new() };
    let error = |span: std::ops::Range<usize>, code: &'static str, message: String, hint: &str| {
        Diagnostic::at_span(shown_as, text, span, Severity::Error, code, message)
            .with_hint((!hint.is_empty()).then(|| hint.to_owned()))
    };
    let file: VocabularyFile = match toml::from_str(text) {
        Ok(file) => file,
        Err(problem) => {
            let message = problem.message().split_whitespace().collect::<Vec<_>>().join(" ");
            let hint = if message.contains("unquoted key") {
                "put a word with accents or spaces in quotes: \"apixabán\" = [\"anticoagulantes\"]"
            } else {
                "write `[words]`, then one line a word: embolism = [\"lungs\"]"
            };
            problems.push(error(problem.span().unwrap_or(0..0), "vocabulary", message, hint));
            return (vocabulary, problems);
        }
    };
    let mut entries: Vec<_> = file.words.into_iter().collect();
    entries.sort_by_key(|(word, _)| word.span().start);
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (word, means) in entries {
        let span = word.span();
        let means_span = means.span();
        let word = word.into_inner();
        let means = match means.into_inner() {
            OneOrMore::One(one) => vec![one],
            OneOrMore::More(more) => more,
        };
        let unsafe_text = std::iter::once(&word).chain(&means).find_map(|text| unsafe_character(text));
        if let Some((_, c)) = unsafe_text {
            let message = format!("`{word}` holds the control or invisible character U+{:04X}", c as u32);
            problems.push(error(span, "unsafe-text", message, "retype the entry without it"));
            continue;
        }
        let parts = tokens(&word).filter(|token| !token.compound).count();
        let whole = tokens(&word).last().is_some_and(|token| token.text == word.trim());
        if parts == 0 || !whole {
            let message = format!("`{word}` is not one word: a vocabulary word is looked up on its own");
            let hint = "write one word on the left (hyphens are fine); put the plain words on the right";
            problems.push(error(span, "vocabulary-word", message, hint));
            continue;
        }
        if means.is_empty() || means.iter().any(|plain| tokens(plain).next().is_none()) {
            let message = format!("`{word}` leads nowhere: each of its plain words must hold a word");
            problems.push(error(
                means_span,
                "vocabulary-means",
                message,
                "write what the topics say, e.g. [\"lungs\"]",
            ));
            continue;
        }
        if let Some(first) = seen.insert(fold(&word), word.clone()) {
            let message = format!("`{word}` is already in the vocabulary as `{first}`");
            problems.push(error(span, "vocabulary-repeat", message, "keep one of them"));
            continue;
        }
        let position = Some(Position::of_offset(text, span.start));
        vocabulary.entries.push(VocabularyEntry { word, means, position });
    }
    (vocabulary, problems)
}

/// The plain phrases of the vocabularies that the topics say, gathered topic by topic (on
/// every core, as `validate` reads them), so a phrase no topic says can be reported: search
/// would lead a reader nowhere with it.
#[derive(Debug)]
pub struct PhrasesSaid {
    vocabularies: Vec<Vocabulary>,
    /// (vocabulary, entry, phrase) of each phrase some topic says.
    said: Mutex<HashSet<(usize, usize, usize)>>,
}

impl PhrasesSaid {
    /// Nothing said yet of `vocabularies`' phrases.
    pub fn new(vocabularies: Vec<Vocabulary>) -> PhrasesSaid {
        PhrasesSaid { vocabularies, said: Mutex::default() }
    }

    /// Notes the phrases `topic` says: each of a phrase's words, or a word of its stem, is
    /// somewhere in the topic.
    pub fn note(&self, topic: &Topic) {
        for (v, vocabulary) in self.vocabularies.iter().enumerate() {
            if !vocabulary.language.same_language(&topic.language) {
                continue;
            }
            let analyzer = Analyzer::for_language(&topic.language);
            let mut keys: HashSet<String> = HashSet::new();
            for (_, text) in topic.text_fields() {
                keys.extend(tokens(text).map(|token| key(token.text)));
            }
            let mut stems: HashSet<String> = HashSet::new();
            let mut said = Vec::new();
            for (e, entry) in vocabulary.entries.iter().enumerate() {
                for (p, plain) in entry.means.iter().enumerate() {
                    let every = tokens(plain).filter(|token| !token.compound).all(|token| {
                        let word = key(token.text);
                        keys.contains(&word) || {
                            if stems.is_empty() {
                                stems.extend(keys.iter().map(|key| analyzer.stem(key)));
                            }
                            stems.contains(&analyzer.stem(token.text))
                        }
                    });
                    if every {
                        said.push((v, e, p));
                    }
                }
            }
            self.said.lock().unwrap_or_else(PoisonError::into_inner).extend(said);
        }
    }

    /// A warning for each phrase no topic noted says, at its word in its file.
    pub fn unsaid(&self) -> Vec<Diagnostic> {
        let said = self.said.lock().unwrap_or_else(PoisonError::into_inner);
        let mut warnings = Vec::new();
        for (v, vocabulary) in self.vocabularies.iter().enumerate() {
            for (e, entry) in vocabulary.entries.iter().enumerate() {
                for (p, plain) in entry.means.iter().enumerate() {
                    if said.contains(&(v, e, p)) {
                        continue;
                    }
                    let message = format!(
                        "`{}` leads to “{plain}”, which no `{}` topic says: search would find nothing there",
                        entry.word, vocabulary.language
                    );
                    let at = entry.position.unwrap_or(Position::START);
                    warnings.push(
                        Diagnostic::warning(&vocabulary.file, at, "vocabulary-unused", message).with_hint(
                            Some("write the words the topics use, or take the line out".to_owned()),
                        ),
                    );
                }
            }
        }
        warnings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vocabulary_reads_words_and_what_they_mean_in_file_order() {
        let text = "[words]\nwarfarin = [\"blood thinners\"]\nembolism = \"lungs\"\n";
        let (vocabulary, problems) = read_vocabulary("vocabulary/en.toml", "en", text);
        assert!(problems.is_empty(), "{problems:?}");
        let words: Vec<&str> = vocabulary.entries.iter().map(|entry| entry.word.as_str()).collect();
        assert_eq!(words, ["warfarin", "embolism"]);
        assert_eq!(vocabulary.entries[1].means, ["lungs"]);
    }

    #[test]
    fn each_bad_entry_is_placed_and_the_good_ones_kept() {
        let text = "[words]\n\"blood clot\" = [\"lungs\"]\nct = []\nCT = [\"scan\"]\nmri = [\"MRI\"]\nMri = [\"x\"]\n";
        let (vocabulary, problems) = read_vocabulary("v/en.toml", "en", text);
        let found: Vec<(usize, &str)> = problems.iter().map(|p| (p.position.line, p.code)).collect();
        assert_eq!(found, [(2, "vocabulary-word"), (3, "vocabulary-means"), (6, "vocabulary-repeat")]);
        let words: Vec<&str> = vocabulary.entries.iter().map(|entry| entry.word.as_str()).collect();
        assert_eq!(words, ["CT", "mri"]);
    }

    #[test]
    fn an_unknown_table_is_reported_where_it_stands() {
        let (_, problems) = read_vocabulary("v/en.toml", "en", "[word]\nct = \"scan\"\n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, "vocabulary");
        assert_eq!(problems[0].position.line, 1, "{problems:?}");
    }
}
