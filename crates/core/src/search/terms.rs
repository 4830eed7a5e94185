//! What a typed query means: its words, and when a word of the text counts as one of them. The
//! index and the scan both ask [`Needle::kind`], so they rank alike.

use kiosk_content::Vocabulary;
use kiosk_content::words::{Analyzer, key, tokens};

/// How a word of the text matches a typed word, best first: the ranking a reader can predict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Kind {
    /// The same word (case and accents aside).
    Exact,
    /// The same stem: "driving" and "drive".
    Stem,
    /// The plain words the vocabulary gives for a medical word: "embolism" and "lungs".
    Vocabulary,
    /// A word that begins with what is typed (the last word, while it is being typed).
    Prefix,
    /// One letter wrong, missing, extra or swapped (two from eight letters), in a word of five
    /// letters or more — or of four, typed with other words that match the same place — of the
    /// word or of its stem ("thiner" and "thinners").
    Typo,
}

impl Kind {
    /// What a match of this kind adds to a place's score.
    pub(super) fn points(self) -> u32 {
        match self {
            Kind::Exact => 16,
            Kind::Stem => 12,
            Kind::Vocabulary => 10,
            Kind::Prefix => 6,
            Kind::Typo => 3,
        }
    }
}

/// A word of the text, as it is compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Term {
    /// Folded, hyphens out.
    pub key: String,
    /// The folded stem.
    pub stem: String,
}

impl Term {
    pub fn of(word: &str, analyzer: &Analyzer) -> Term {
        Term { key: key(word), stem: analyzer.stem(word) }
    }
}

/// A vocabulary word a typed word led to, and the plain words that stand for it.
#[derive(Debug, Clone)]
pub(super) struct Lead {
    /// The vocabulary's word, as written there ("embolism").
    pub word: String,
    /// How the typed word met it, never better than [`Kind::Vocabulary`].
    pub kind: Kind,
    /// Each plain phrase, its words; a place matches when it holds every word of one.
    pub phrases: Vec<Vec<Term>>,
}

/// One typed word.
#[derive(Debug, Clone)]
pub(super) struct Needle {
    /// Folded, hyphens out.
    pub key: String,
    /// Every stem the typed word may mean.
    pub stems: Vec<String>,
    /// The last word, still being typed: words beginning with it match.
    pub prefix: bool,
    /// How many edits a typo may take.
    pub edits: usize,
    /// What the vocabulary gives for it.
    pub leads: Vec<Lead>,
    /// The characters `key` holds, as [`letters`] gives them.
    pub letters: u64,
}

/// The characters `word` holds, one bit each (letters and digits their own; others share the
/// rest). Each edit adds or takes away at most one character, so a word within `e` edits of
/// another differs from it in at most `2e` bits: a test far cheaper than counting the edits,
/// for the many words of a large library that are nothing like the typed one.
pub(super) fn letters(word: &str) -> u64 {
    word.chars().fold(0u64, |held, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + (c as u32 - '0' as u32),
            _ => 36 + c as u32 % 28,
        };
        held | 1 << bit
    })
}

/// The words typed, cut to length.
#[derive(Debug, Clone)]
pub(super) struct Query {
    pub needles: Vec<Needle>,
}

/// The edits a typo may take in a typed word of `letters` letters; `company` when other words
/// are typed with it, which must match the same place: "blod thinner" finds "blood thinners",
/// though "blod" alone would find "blot", "bold" and "plod" too.
fn typo_edits(letters: usize, company: bool) -> usize {
    match letters {
        0..=3 => 0,
        4 => usize::from(company),
        5..=7 => 1,
        _ => 2,
    }
}

/// The most letters a stem is shorter than its word ("thinners" → "thinner", "recovering" →
/// "recov"): how much longer than a typo a word whose stem is the typo's can be.
pub(super) const STEM_SUFFIX_LETTERS: usize = 5;

impl Query {
    /// The query `text` means, in a language `analyzer` stems, with its `vocabulary`.
    pub fn parse(text: &str, analyzer: &Analyzer, vocabulary: Option<&Vocabulary>) -> Query {
        let words: Vec<&str> = tokens(text).filter(|token| !token.compound).map(|token| token.text).collect();
        let still_typing = !text.ends_with(char::is_whitespace);
        let needles = words
            .iter()
            .enumerate()
            .map(|(n, word)| {
                let key = key(word);
                let mut needle = Needle {
                    stems: analyzer.query_stems(word),
                    prefix: still_typing && n + 1 == words.len(),
                    edits: typo_edits(key.chars().count(), words.len() > 1),
                    letters: letters(&key),
                    key,
                    leads: Vec::new(),
                };
                needle.leads = leads(&needle, analyzer, vocabulary);
                needle
            })
            .collect();
        Query { needles }
    }
}

/// The vocabulary words `needle` meets, each with its plain phrases.
fn leads(needle: &Needle, analyzer: &Analyzer, vocabulary: Option<&Vocabulary>) -> Vec<Lead> {
    let Some(vocabulary) = vocabulary else { return Vec::new() };
    vocabulary
        .entries
        .iter()
        .filter_map(|entry| {
            let kind = needle.kind(&Term::of(&entry.word, analyzer))?.max(Kind::Vocabulary);
            let phrases = entry
                .means
                .iter()
                .map(|plain| {
                    tokens(plain)
                        .filter(|token| !token.compound)
                        .map(|token| Term::of(token.text, analyzer))
                        .collect()
                })
                .collect();
            Some(Lead { word: entry.word.clone(), kind, phrases })
        })
        .collect()
}

impl Needle {
    /// How the text word `term` matches this typed word, if it does. Never in the middle of
    /// another word: a prefix is at a word's start, a typo is of a whole word.
    pub fn kind(&self, term: &Term) -> Option<Kind> {
        if term.key == self.key {
            Some(Kind::Exact)
        } else if self.stems.contains(&term.stem) {
            Some(Kind::Stem)
        } else if self.prefix && term.key.starts_with(&self.key) {
            Some(Kind::Prefix)
        } else if self.is_typo_of_term(term) {
            Some(Kind::Typo)
        } else {
            None
        }
    }

    /// Whether `word` (folded) is within the typo's edits of this word, a swap counting one.
    pub fn is_typo_of(&self, word: &str) -> bool {
        if self.edits == 0 {
            return false;
        }
        let (typed, found) = (self.key.chars().count(), word.chars().count());
        typed.abs_diff(found) <= self.edits
            && (self.letters ^ letters(word)).count_ones() as usize <= 2 * self.edits
            && strsim::osa_distance(&self.key, word) <= self.edits
    }

    /// Whether the text word `term` is a typo of this word, or its stem is (for words at most
    /// [`STEM_SUFFIX_LETTERS`] longer than the typo's reach).
    pub fn is_typo_of_term(&self, term: &Term) -> bool {
        let reach = self.key.chars().count() + self.edits + STEM_SUFFIX_LETTERS;
        self.is_typo_of(&term.key) || (term.key.chars().count() <= reach && self.is_typo_of(&term.stem))
    }

    /// Whether a beginning of `word` (folded) is within one edit more than a typo takes of this
    /// word: true of every word whose stem is a typo of it, as a stem is its word's beginning
    /// with at most its last letter changed ("happy" → "happi"). For passing over text quickly.
    pub fn may_be_typo_of_stem(&self, word: &str) -> bool {
        if self.edits == 0 {
            return false;
        }
        let typed = self.key.chars().count();
        let shortest = typed.saturating_sub(self.edits).max(1);
        word.char_indices()
            .map(|(at, c)| &word[..at + c.len_utf8()])
            .skip(shortest - 1)
            .take(2 * self.edits + 1)
            .any(|beginning| strsim::osa_distance(&self.key, beginning) <= self.edits + 1)
    }

    /// Whether a single letter is typed: it finds names that begin with it, and the word itself.
    pub fn is_one_letter(&self) -> bool {
        self.key.chars().count() == 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kiosk_content::{Vocabulary, VocabularyEntry};
    use proptest::prelude::*;

    proptest! {
        /// The quick test of characters never turns away a word within the edits.
        #[test]
        fn words_within_the_edits_differ_in_few_characters(a in "[a-e0-2ñé]{0,9}", b in "[a-e0-2ñé]{0,9}") {
            let edits = strsim::osa_distance(&a, &b);
            prop_assert!((letters(&a) ^ letters(&b)).count_ones() as usize <= 2 * edits);
            prop_assert!((letters(&a) & !letters(&b)).count_ones() as usize <= edits);
        }
    }

    fn kind(typed: &str, word: &str) -> Option<Kind> {
        let analyzer = Analyzer::for_language("en");
        Query::parse(typed, &analyzer, None).needles[0].kind(&Term::of(word, &analyzer))
    }

    #[test]
    fn words_match_exactly_by_stem_by_beginning_or_with_a_typo_in_that_order() {
        assert_eq!(kind("ice ", "Ice"), Some(Kind::Exact));
        assert_eq!(kind("driving ", "drive"), Some(Kind::Stem));
        assert_eq!(kind("recov", "recovery"), Some(Kind::Prefix));
        assert_eq!(kind("recov ", "recovery"), None, "a finished word is not a prefix");
        assert_eq!(kind("vertebroplatsy", "vertebroplasty"), Some(Kind::Typo));
        assert_eq!(kind("fevr", "fever"), None, "no typos below five letters");
        assert_eq!(kind("ice", "insurance"), None);
        assert_eq!(kind("bath", "breathing"), None);
        assert_eq!(kind("ct", "cost"), None);
    }

    #[test]
    fn a_typo_takes_one_edit_below_eight_letters_and_two_from_eight() {
        assert_eq!(kind("numbnes ", "numbness"), Some(Kind::Typo));
        assert_eq!(kind("fevver ", "fever"), Some(Kind::Typo));
        assert_eq!(kind("feevver ", "fever"), None);
        assert_eq!(kind("anestesia ", "anesthesia"), Some(Kind::Typo));
        assert_eq!(kind("cemento ", "procedimiento"), None);
    }

    #[test]
    fn the_vocabulary_leads_a_medical_word_to_plain_words() {
        let analyzer = Analyzer::for_language("en");
        let vocabulary = Vocabulary {
            language: "en".into(),
            file: String::new(),
            entries: vec![VocabularyEntry {
                word: "warfarin".into(),
                means: vec!["blood thinners".into()],
                position: None,
            }],
        };
        let query = Query::parse("warfrin", &analyzer, Some(&vocabulary));
        let lead = &query.needles[0].leads[0];
        assert_eq!((lead.word.as_str(), lead.kind), ("warfarin", Kind::Typo));
        assert_eq!(lead.phrases[0], [Term::of("blood", &analyzer), Term::of("thinners", &analyzer)]);
        let query = Query::parse("warfarin", &analyzer, Some(&vocabulary));
        assert_eq!(query.needles[0].leads[0].kind, Kind::Vocabulary);
    }
}
