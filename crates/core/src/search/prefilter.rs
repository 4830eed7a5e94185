//! A quick first pass over a text for the search before the index is ready (the names scan):
//! whether it holds every typed word somewhere, so only such names are marked and ranked. It
//! may say yes to a text the index then finds nothing in, never no to one it would find
//! something in.

use std::collections::{HashMap, HashSet};

use kiosk_content::Vocabulary;
use kiosk_content::words::{Analyzer, key_into, tokens};

use super::terms::{Needle, Query, Term};

/// The query, and what is known of the words met so far.
pub struct Prefilter {
    query: Query,
    /// Which of the query's words are looked for here: a typed word with other than letters
    /// and digits ("1.5", "don't") is left to the index.
    looked_for: Vec<usize>,
    stems: Stems,
    /// Words as written ([`packed`]) that match no typed word nor any word of its vocabulary
    /// phrases. A folder repeats its words: each is then matched once, not at every use.
    unmatched: HashSet<u128, foldhash::fast::RandomState>,
    /// The word being matched, folded.
    key: String,
}

/// The stems of the words met so far: a folder has few distinct words.
struct Stems {
    analyzer: Analyzer,
    known: HashMap<String, String>,
}

/// Words kept in [`Prefilter::unmatched`]: a folder of made-up words cannot make it grow without
/// end.
const UNMATCHED_WORDS: usize = 1 << 17;

/// The word of `text` at `range`, of at most 15 bytes, as one number, its length in the last
/// byte: looked up as a number, with no string to compare (a set of strings took 40% of
/// `search zzzq` over a folder, perf). A longer word is matched at every use.
pub(super) fn packed(text: &str, range: std::ops::Range<usize>) -> Option<u128> {
    let length = range.len();
    if length > 15 {
        return None;
    }
    let bytes = text.as_bytes();
    // The sixteen bytes from the word's start, read at once where the text goes on that far.
    let number = match bytes.get(range.start..range.start + 16) {
        Some(sixteen) => u128::from_le_bytes(sixteen.try_into().ok()?),
        None => bytes[range].iter().rev().fold(0, |number, &byte| number << 8 | u128::from(byte)),
    };
    let word = number & ((1 << (8 * length)) - 1);
    Some(word | (length as u128) << 120)
}

impl Prefilter {
    /// The first pass for `query` typed in `language`, with that language's vocabulary.
    pub fn new(query: &str, language: &str, vocabulary: Option<&Vocabulary>) -> Prefilter {
        let query: String = query.chars().take(super::MAX_QUERY_CHARS).collect();
        let analyzer = Analyzer::for_language(language);
        let query = Query::parse(query.trim_start(), &analyzer, vocabulary);
        let looked_for = (0..query.needles.len())
            .filter(|&n| query.needles[n].key.chars().all(char::is_alphanumeric))
            .collect();
        Prefilter {
            query,
            looked_for,
            stems: Stems { analyzer, known: HashMap::new() },
            unmatched: HashSet::default(),
            key: String::new(),
        }
    }

    /// Whether `text` may hold every typed word (or the plain words the vocabulary gives).
    pub fn may_match(&mut self, text: &str) -> bool {
        let Prefilter { query, looked_for, stems, unmatched, key } = self;
        if looked_for.is_empty() {
            return true;
        }
        let needles: Vec<&Needle> = looked_for.iter().map(|&n| &query.needles[n]).collect();
        // Whether each word looked for was found; and for each vocabulary phrase of each,
        // which of its words were seen.
        let mut found = vec![false; needles.len()];
        let mut phrase_seen: Vec<Vec<Vec<bool>>> = needles
            .iter()
            .map(|needle| phrases(needle).map(|phrase| vec![false; phrase.len()]).collect())
            .collect();
        let mut left = needles.len();
        for token in tokens(text) {
            let packed = packed(text, token.range.clone());
            if packed.is_some_and(|word| unmatched.contains(&word)) {
                continue;
            }
            key_into(token.text, key);
            let word = key.as_str();
            // Every word looked for, found or not: a word is known to match nothing only once
            // it matched none of them.
            let mut matched_any = false;
            for (n, needle) in needles.iter().enumerate() {
                let mut term = None;
                let mut matched = matches(stems, needle, word, &mut term);
                matched_any |= matched;
                for (seen, phrase) in phrase_seen[n].iter_mut().zip(phrases(needle)) {
                    for (was_seen, plain) in seen.iter_mut().zip(phrase) {
                        let is_plain = word == plain.key || stems.stem_is(word, &plain.stem, &mut term);
                        matched_any |= is_plain;
                        *was_seen |= is_plain;
                    }
                    matched |= seen.iter().all(|&was_seen| was_seen);
                }
                if matched && !found[n] {
                    found[n] = true;
                    left -= 1;
                }
            }
            if left == 0 {
                return true;
            }
            if let Some(word) = packed.filter(|_| !matched_any && unmatched.len() < UNMATCHED_WORDS) {
                unmatched.insert(word);
            }
        }
        false
    }
}

/// The plain phrases the vocabulary gives for `needle`, each its words.
fn phrases(needle: &Needle) -> impl Iterator<Item = &Vec<Term>> {
    needle.leads.iter().flat_map(|lead| &lead.phrases)
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

    /// Two medical words and the plain words they mean.
    fn vocabulary() -> Vocabulary {
        Vocabulary {
            language: "en".into(),
            file: String::new(),
            entries: vec![
                VocabularyEntry { word: "embolism".into(), means: vec!["lungs".into()], position: None },
                VocabularyEntry {
                    word: "warfarin".into(),
                    means: vec!["blood thinners".into()],
                    position: None,
                },
            ],
        }
    }

    proptest! {
        /// Two words are one number only when they are one word, whatever text follows them.
        #[test]
        fn a_packed_word_is_its_bytes_and_nothing_around_it(
            a in "[a-zé]{1,16}", b in "[a-zé]{1,16}", after_a in ".{0,20}", after_b in ".{0,20}",
        ) {
            let (text_a, text_b) = (format!("{a}{after_a}"), format!("{b}{after_b}"));
            let (packed_a, packed_b) = (packed(&text_a, 0..a.len()), packed(&text_b, 0..b.len()));
            prop_assert_eq!(packed_a.is_some(), a.len() <= 15);
            if packed_a.is_some() && packed_b.is_some() {
                prop_assert_eq!(packed_a == packed_b, a == b);
            }
        }

        /// What one file taught the pass of its words changes no answer for the next.
        #[test]
        fn a_pass_over_many_files_answers_each_as_a_pass_over_it_alone(
            texts in prop::collection::vec(prop::collection::vec(prop::sample::select(vec!["rest", "X-ray", "vértebras", "drive", "lungs", "blood", "thinners", "care", "zzzq", "Rest", "a-very-long-hyphenated-word"]), 0..8), 1..6),
            query in prop::sample::select(vec!["rest", "x-rays", "vertebra", "driving", "embolism", "warfrin", "blood thinners", "zzzq", "longhyphenated"]),
        ) {
            let vocabulary = vocabulary();
            let mut one_pass = Prefilter::new(query, "en", Some(&vocabulary));
            for words in &texts {
                let text = words.join(" ");
                let alone = Prefilter::new(query, "en", Some(&vocabulary)).may_match(&text);
                prop_assert_eq!(one_pass.may_match(&text), alone, "{:?} in {:?}", query, text);
            }
        }

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
            let vocabulary = vocabulary();
            let library = Library::new(vec![topic]).with_vocabularies(vec![vocabulary.clone()]);
            let index = SearchIndex::build(&library, &Catalog::english(), "en", false, &|_| true);
            let found = !index.search(query, 5).is_empty();
            let passed = Prefilter::new(query, "en", Some(&vocabulary)).may_match(&toml);
            prop_assert!(passed || !found, "{query:?} in {text:?}");
        }
    }
}
