//! Running a query against the index: typo-tolerant matching, ranking, and snippets with the
//! matched characters marked.

use std::cmp::Ordering;

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};

use crate::content::Spot;

use super::index::{Field, Place, SearchIndex, letter_mask, words};

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
        if pattern.atoms.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut matcher = Matcher::new(Config::DEFAULT);

        // An entry is a hit when every word of the query matched one of its words; its score
        // is the sum of the best matches. Counting in arrays indexed by entry keeps a keystroke
        // quick on a large library.
        let entries = self.entries.len();
        let mut total = vec![0u32; entries];
        let mut matched_words = vec![0u8; entries];
        let mut best = vec![0u32; entries];
        let mut touched: Vec<u32> = Vec::new();
        for (n, atom) in pattern.atoms.iter().enumerate() {
            self.score_atom(atom, &mut matcher, &mut best, &mut touched);
            for &entry in &touched {
                let e = entry as usize;
                if usize::from(matched_words[e]) == n {
                    total[e] += best[e];
                    matched_words[e] += 1;
                }
                best[e] = 0;
            }
            if n + 1 < pattern.atoms.len() {
                touched.clear();
            }
        }
        let atoms = pattern.atoms.len();

        // The best entry of each place.
        let mut by_place: Vec<Option<(u32, u32, bool)>> = vec![None; self.place_count];
        for &entry in &touched {
            let e = entry as usize;
            if usize::from(matched_words[e]) != atoms {
                continue;
            }
            let this = &self.entries[e];
            let candidate = (entry, total[e], this.field == Field::Code && is_exact_code(&this.text, query));
            let slot = &mut by_place[this.place_number as usize];
            if slot.is_none_or(|held| self.rank(candidate, held).is_lt()) {
                *slot = Some(candidate);
            }
        }
        let mut ranked: Vec<(u32, u32, bool)> = by_place.into_iter().flatten().collect();
        if ranked.len() > limit {
            ranked.select_nth_unstable_by(limit - 1, |&a, &b| self.rank(a, b));
            ranked.truncate(limit);
        }
        ranked.sort_unstable_by(|&a, &b| self.rank(a, b));
        ranked
            .into_iter()
            .map(|(n, score, exact_code)| self.hit(n as usize, score, exact_code, &pattern, &mut matcher))
            .collect()
    }

    /// The order of two scored entries: an exact code first; then names before codes before
    /// body text; then the higher score.
    fn rank(
        &self,
        (a, a_score, a_exact): (u32, u32, bool),
        (b, b_score, b_exact): (u32, u32, bool),
    ) -> Ordering {
        let field = |n: u32| self.entries[n as usize].field;
        b_exact
            .cmp(&a_exact)
            .then(tier(field(a)).cmp(&tier(field(b))))
            .then(b_score.cmp(&a_score))
            .then(field(a).cmp(&field(b)))
            .then(a.cmp(&b))
    }

    /// For one word of the query, the best score in each entry (in `best`, the entries in
    /// `touched`): scored once per distinct word of the library, then spread to every place
    /// that word stands.
    fn score_atom(&self, atom: &Atom, matcher: &mut Matcher, best: &mut [u32], touched: &mut Vec<u32>) {
        let needle: Vec<char> = atom.needle_text().chars().collect();
        let mask =
            letter_mask(&needle.iter().copied().filter(char::is_ascii_alphanumeric).collect::<Vec<_>>());
        // Most of what the letters would score in a row: a word with a letter missing or extra
        // still passes, a few letters scattered through a long word do not.
        let floor = needle.len() as u32 * 13;
        // One letter says little: it finds names and headings that start with it, nothing more.
        let single = needle.len() == 1;
        let first = needle.first().and_then(|c| c.to_lowercase().next());
        for word in &self.words {
            if word.mask & mask != mask || (single && Some(word.text.slice(..).get(0)) != first) {
                continue;
            }
            let Some(score) = atom.score(word.text.slice(..), matcher).map(u32::from) else { continue };
            if score < floor {
                continue;
            }
            for &entry in &word.postings {
                let e = entry as usize;
                if single && self.entries[e].field == Field::Body {
                    continue;
                }
                if best[e] == 0 {
                    touched.push(entry);
                }
                best[e] = best[e].max(score);
            }
        }
    }

    fn hit(&self, n: usize, score: u32, exact_code: bool, pattern: &Pattern, matcher: &mut Matcher) -> Hit {
        let entry = &self.entries[n];
        let (topic_id, topic_title) = &self.topics[entry.topic];
        // The letters to mark: in each query word's best-scoring word of this entry.
        let haystack = Utf32String::from(entry.text.as_str());
        let words = words(&entry.text);
        let mut matched = Vec::new();
        for atom in &pattern.atoms {
            let best = words
                .iter()
                .filter_map(|range| atom.score(haystack.slice(range.clone()), matcher).map(|s| (s, range)))
                .max_by_key(|(score, range)| (*score, std::cmp::Reverse(range.start)));
            let Some((_, range)) = best else { continue };
            let mut indices = Vec::new();
            atom.indices(haystack.slice(range.clone()), matcher, &mut indices);
            matched.extend(indices.into_iter().map(|i| range.start + i as usize));
        }
        matched.sort_unstable();
        matched.dedup();
        Hit {
            topic_id: topic_id.clone(),
            topic_title: topic_title.clone(),
            spot: entry.spot,
            field: entry.field,
            text: entry.text.clone(),
            matched,
            exact_code,
            score,
            place: entry.place,
        }
    }
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
