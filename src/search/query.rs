//! Running a query against the index: typo-tolerant matching, ranking, and snippets with the
//! matched characters marked.

use std::collections::HashSet;

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};

use crate::content::Spot;

use super::index::{Entry, Field, Place, SearchIndex};

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
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut hits: Vec<Hit> = Vec::new();
        for entry in &self.entries {
            let exact_code = entry.field == Field::Code && is_exact_code(&entry.text, query);
            let Some((score, matched)) = match_words(&pattern, entry, &mut matcher) else { continue };
            let (topic_id, topic_title) = &self.topics[entry.topic];
            hits.push(Hit {
                topic_id: topic_id.clone(),
                topic_title: topic_title.clone(),
                spot: entry.spot,
                field: entry.field,
                text: entry.text.clone(),
                matched,
                exact_code,
                score,
                place: entry.place,
            });
        }
        hits.sort_by(|a, b| {
            b.exact_code
                .cmp(&a.exact_code)
                .then(tier(a.field).cmp(&tier(b.field)))
                .then(b.score.cmp(&a.score))
                .then(a.field.cmp(&b.field))
        });
        let mut seen = HashSet::new();
        hits.retain(|hit| seen.insert(hit.place));
        hits.truncate(limit);
        hits
    }
}

/// Each word of the query must match within one word of the text, with typos forgiven there;
/// a match spread across a whole sentence is noise. Returns the summed score and the matched
/// character positions.
fn match_words(pattern: &Pattern, entry: &Entry, matcher: &mut Matcher) -> Option<(u32, Vec<usize>)> {
    let mut total = 0;
    let mut matched = Vec::new();
    for atom in &pattern.atoms {
        let letters = atom.needle_text().len() as u32;
        // Most of what the letters would score in a row: a word with a letter missing or extra
        // still passes, a few letters scattered through a long word do not.
        let floor = letters * 13;
        let (score, start, word) = entry
            .words
            .iter()
            .filter_map(|word| {
                let score = atom.score(entry.haystack.slice(word.clone()), matcher)?;
                (u32::from(score) >= floor).then_some((u32::from(score), word.start, word.clone()))
            })
            .max_by_key(|(score, start, _)| (*score, std::cmp::Reverse(*start)))?;
        let mut indices = Vec::new();
        atom.indices(entry.haystack.slice(word), matcher, &mut indices);
        matched.extend(indices.into_iter().map(|i| start + i as usize));
        total += score;
    }
    matched.sort_unstable();
    matched.dedup();
    Some((total, matched))
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
