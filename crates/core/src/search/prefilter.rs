//! A quick first pass over a file's raw text for a one-off search (`patient-kiosk search` on a
//! folder): whether the file holds every typed word somewhere, so only such files are parsed
//! and indexed. It may say yes to a file the index then finds nothing in (the words on
//! different pages, or in key names), never no to one it would find something in.

use std::collections::HashMap;

use kiosk_content::Vocabulary;
use kiosk_content::words::{Analyzer, key_into, tokens};

use super::terms::{Needle, Query, Term};

/// The query, and the stems of the words met so far.
pub struct Prefilter {
    query: Query,
    stems: Stems,
}

/// The stems of the words met so far: a folder has few distinct words.
struct Stems {
    analyzer: Analyzer,
    known: HashMap<String, String>,
}

impl Prefilter {
    /// The first pass for `query` typed in `language`, with that language's vocabulary.
    pub fn new(query: &str, language: &str, vocabulary: Option<&Vocabulary>) -> Prefilter {
        let query: String = query.chars().take(super::MAX_QUERY_CHARS).collect();
        let analyzer = Analyzer::for_language(language);
        let query = Query::parse(query.trim_start(), &analyzer, vocabulary);
        Prefilter { query, stems: Stems { analyzer, known: HashMap::new() } }
    }

    /// Whether `text` may hold every typed word (or the plain words the vocabulary gives).
    pub fn may_match(&mut self, text: &str) -> bool {
        // A typed word with other than letters and digits ("1.5", "don't") is not looked for
        // here: the index decides.
        let Prefilter { query, stems } = self;
        let mut open: Vec<&Needle> =
            query.needles.iter().filter(|needle| needle.key.chars().all(char::is_alphanumeric)).collect();
        // For each vocabulary phrase of each open word: which of its words were seen.
        let mut phrase_seen: Vec<Vec<Vec<bool>>> = open
            .iter()
            .map(|needle| {
                needle
                    .leads
                    .iter()
                    .flat_map(|lead| lead.phrases.iter().map(|phrase| vec![false; phrase.len()]))
                    .collect()
            })
            .collect();
        if open.is_empty() {
            return true;
        }
        let mut key = String::new();
        for token in tokens(text) {
            key_into(token.text, &mut key);
            let word = key.as_str();
            let mut n = 0;
            while n < open.len() {
                let needle = open[n];
                let mut term = None;
                let mut matched = matches(stems, needle, word, &mut term);
                let phrases = needle.leads.iter().flat_map(|lead| &lead.phrases);
                for (seen, phrase) in phrase_seen[n].iter_mut().zip(phrases) {
                    for (was_seen, plain) in seen.iter_mut().zip(phrase) {
                        *was_seen |= word == plain.key || stems.stem_is(word, &plain.stem, &mut term);
                    }
                    matched |= seen.iter().all(|&was_seen| was_seen);
                }
                if matched {
                    open.swap_remove(n);
                    phrase_seen.swap_remove(n);
                } else {
                    n += 1;
                }
            }
            if open.is_empty() {
                return true;
            }
        }
        false
    }
}

/// Whether the folded `word` matches `needle` in any way the index counts.
fn matches(stems: &mut Stems, needle: &Needle, word: &str, term: &mut Option<Term>) -> bool {
    word == needle.key
        || (needle.prefix && word.starts_with(&needle.key))
        || needle.is_typo_of(word)
        || needle.may_be_typo_of_stem(word)
        || needle.stems.iter().any(|stem| stems.stem_is(word, stem, term))
}

impl Stems {
    /// Whether `word`'s stem is `stem`: a stem keeps its word's first letter, so only such
    /// words are stemmed, each once.
    fn stem_is(&mut self, word: &str, stem: &str, term: &mut Option<Term>) -> bool {
        if word.chars().next() != stem.chars().next() {
            return false;
        }
        let term = term.get_or_insert_with(|| {
            let stem = self.known.entry(word.to_owned()).or_insert_with(|| self.analyzer.stem(word)).clone();
            Term { key: word.to_owned(), stem }
        });
        term.stem == stem
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use kiosk_content::i18n::Catalog;
    use kiosk_content::{Library, Topic, VocabularyEntry};

    use crate::search::SearchIndex;

    proptest! {
        /// The first pass never turns away a topic the index finds.
        #[test]
        fn a_file_the_index_finds_something_in_is_never_passed_over(
            words in prop::collection::vec(prop::sample::select(vec!["rest", "X-ray", "vértebras", "driving", "lungs", "blood", "thinners", "care", "don't", "1.5", "Recovery"]), 1..12),
            query in prop::sample::select(vec!["r", "rest ", "xray", "x-rays", "vertebra", "drive ", "embolism", "warfrin", "recovry", "don't", "1.5", "vertebras care"]),
        ) {
            let text = words.join(" ");
            let toml = format!(
                "id = \"t\"\nlanguage = \"en\"\ntitle = \"T\"\nsummary = \"{text}.\"\n[review]\nstatus = \"draft\"\n"
            );
            let topic: Topic = toml::from_str(&toml).expect("a topic");
            let vocabulary = Vocabulary {
                language: "en".into(),
                file: String::new(),
                entries: vec![
                    VocabularyEntry { word: "embolism".into(), means: vec!["lungs".into()], position: None },
                    VocabularyEntry { word: "warfarin".into(), means: vec!["blood thinners".into()], position: None },
                ],
            };
            let library = Library::new(vec![topic]).with_vocabularies(vec![vocabulary.clone()]);
            let index = SearchIndex::build(&library, &Catalog::english(), "en", false, &|_| true);
            let found = !index.search(query, 5).is_empty();
            let passed = Prefilter::new(query, "en", Some(&vocabulary)).may_match(&toml);
            prop_assert!(passed || !found, "{query:?} in {text:?}");
        }
    }
}
