//! Running a query against the index: typo-tolerant matching, ranking, and snippets with the
//! matched characters marked.

use std::collections::HashSet;

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};

use crate::content::Spot;

use super::index::{Entry, Field, Place, SearchIndex, letter_mask};

/// Queries longer than this are cut: nobody types more, and a paste must not slow the kiosk.
pub const MAX_QUERY_CHARS: usize = 80;

/// One search result: a place in a topic and the text that matched there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The topic's id.
    pub topic_id: String,
    /// The topic's title, as the reader sees it.
    pub topic_title: String,
    /// Where in the topic the text is.
    pub spot: Spot,
    /// What kind of text matched.
    pub field: Field,
    /// The text that matched (a sentence, a title, a keyword or a code).
    pub text: String,
    /// The matched characters of `text`, as character positions, sorted.
    pub matched: Vec<usize>,
    /// Whether the query is exactly a code of this topic.
    pub exact_code: bool,
    /// The matcher's score; higher is better.
    pub score: u32,
    /// The place the hit is shown in; one hit per place is kept.
    pub place: Place,
}

impl SearchIndex {
    /// The best hits for `query`, best first, at most one per place (a topic's page or FAQ
    /// entry), at most `limit` of them. Ranking: an exact code first; then titles, keywords and
    /// subtitles before body text; then the matcher's score.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let query = query.trim();
        let pattern = Pattern::new(query, CaseMatching::Ignore, Normalization::Smart, AtomKind::Fuzzy);
        if pattern.atoms.is_empty() {
            return Vec::new();
        }
        // Every letter of a word of the query must be in the word it matches: a cheap test
        // that passes over most text before the matcher looks at it.
        let masks: Vec<u64> = query.split_whitespace().map(|word| query_mask(word)).collect();
        let all = masks.iter().fold(0, |all, mask| all | mask);
        let mut matcher = Matcher::new(Config::DEFAULT);

        // First the scores alone; the text, and where it matched, only for the hits kept.
        let mut scored: Vec<(usize, u32, bool)> = Vec::new();
        for (n, entry) in self.entries.iter().enumerate() {
            if entry.mask & all != all {
                continue;
            }
            let exact_code = entry.field == Field::Code && is_exact_code(&entry.text, query);
            if let Some(score) = score_words(&pattern, &masks, entry, &mut matcher) {
                scored.push((n, score, exact_code));
            }
        }
        let field = |n: usize| self.entries[n].field;
        scored.sort_by(|&(a, a_score, a_exact), &(b, b_score, b_exact)| {
            b_exact
                .cmp(&a_exact)
                .then(tier(field(a)).cmp(&tier(field(b))))
                .then(b_score.cmp(&a_score))
                .then(field(a).cmp(&field(b)))
        });
        let mut seen = HashSet::new();
        scored.retain(|&(n, _, _)| seen.insert(self.entries[n].place));
        scored.truncate(limit);
        scored.into_iter().map(|(n, score, exact_code)| self.hit(n, score, exact_code, &pattern, &masks, &mut matcher)).collect()
    }

    fn hit(&self, n: usize, score: u32, exact_code: bool, pattern: &Pattern, masks: &[u64], matcher: &mut Matcher) -> Hit {
        let entry = &self.entries[n];
        let (topic_id, topic_title) = &self.topics[entry.topic];
        Hit {
            topic_id: topic_id.clone(),
            topic_title: topic_title.clone(),
            spot: entry.spot,
            field: entry.field,
            text: entry.text.clone(),
            matched: matched_letters(pattern, masks, entry, matcher),
            exact_code,
            score,
            place: entry.place,
        }
    }
}

/// The letter mask of a word of the query.
fn query_mask(word: &str) -> u64 {
    let chars: Vec<char> = word.chars().filter(char::is_ascii_alphanumeric).collect();
    letter_mask(&chars)
}

/// The best word for each word of the query: each must match within one word of the text, with
/// typos forgiven there, since a match spread across a whole sentence is noise.
fn best_words<'e>(
    pattern: &'e Pattern,
    masks: &'e [u64],
    entry: &'e Entry,
    matcher: &'e mut Matcher,
) -> impl Iterator<Item = Option<(u32, std::ops::Range<usize>)>> + 'e {
    pattern.atoms.iter().zip(masks.iter().copied().chain(std::iter::repeat(0))).map(move |(atom, mask)| {
        let letters = atom.needle_text().len() as u32;
        // Most of what the letters would score in a row: a word with a letter missing or extra
        // still passes, a few letters scattered through a long word do not.
        let floor = letters * 13;
        entry
            .words
            .iter()
            .filter(|(_, word_mask)| word_mask & mask == mask)
            .filter_map(|(word, _)| {
                let score = u32::from(atom.score(entry.haystack.slice(word.clone()), matcher)?);
                (score >= floor).then_some((score, word.clone()))
            })
            .max_by_key(|(score, word)| (*score, std::cmp::Reverse(word.start)))
    })
}

fn score_words(pattern: &Pattern, masks: &[u64], entry: &Entry, matcher: &mut Matcher) -> Option<u32> {
    best_words(pattern, masks, entry, matcher).map(|best| best.map(|(score, _)| score)).sum()
}

/// The character positions the query matched in the entry's text, sorted.
fn matched_letters(pattern: &Pattern, masks: &[u64], entry: &Entry, matcher: &mut Matcher) -> Vec<usize> {
    let words: Vec<_> = best_words(pattern, masks, entry, matcher).flatten().map(|(_, word)| word).collect();
    let mut matched = Vec::new();
    for (atom, word) in pattern.atoms.iter().zip(words) {
        let mut indices = Vec::new();
        atom.indices(entry.haystack.slice(word.clone()), matcher, &mut indices);
        matched.extend(indices.into_iter().map(|i| word.start + i as usize));
    }
    matched.sort_unstable();
    matched.dedup();
    matched
}

/// A topic's names first, then its codes, then body text.
fn tier(field: Field) -> u8 {
    match field {
        Field::Title | Field::Keyword | Field::Subtitle | Field::Heading => 0,
        Field::Code => 1,
        Field::Body => 2,
    }
}

/// Whether `query` is the code in a code entry ("CPT 22511 label").
fn is_exact_code(entry: &str, query: &str) -> bool {
    entry.split_whitespace().nth(1).is_some_and(|code| code.eq_ignore_ascii_case(query))
}
