//! Running a query against the index: typo-tolerant matching, ranking, and snippets with the
//! matched characters marked.

use std::cmp::Reverse;

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};

use kiosk_content::Spot;

use super::index::{Group, NUMBERING, Place, SearchIndex};
use super::pieces::Field;
use super::pieces::{code_of, for_each_piece, letter_mask, sentences, words};

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
    /// The matcher's score for `text`; higher is better.
    pub score: u32,
    /// The place the hit is shown in; one hit per place is kept.
    pub place: Place,
}

/// Words of the library that match a word of the query: (score, word number), best first.
type MatchingWords = Vec<(u32, u32)>;

/// One word of the query, and when a word of the text counts as matching it.
struct Needle<'a> {
    atom: &'a Atom,
    /// Which of a-z and 0-9 a word must hold to match.
    mask: u64,
    /// Most of what the letters would score in a row: a word with a letter missing or extra
    /// still passes, a few letters scattered through a long word do not.
    floor: u32,
    /// One letter says little: it finds names and headings that start with it, nothing more.
    first_letter: Option<char>,
}

impl<'a> Needle<'a> {
    fn new(atom: &'a Atom) -> Needle<'a> {
        let needle: Vec<char> = atom.needle_text().chars().collect();
        let letters: Vec<char> = needle.iter().copied().filter(char::is_ascii_alphanumeric).collect();
        let first_letter = match needle.as_slice() {
            [only] => only.to_lowercase().next(),
            _ => None,
        };
        Needle { atom, mask: letter_mask(&letters), floor: needle.len() as u32 * 13, first_letter }
    }

    /// The score of `word` (lowercased), if it counts as a match.
    fn score(&self, word: Utf32Str, matcher: &mut Matcher) -> Option<u32> {
        if self.first_letter.is_some_and(|first| word.is_empty() || word.get(0) != first) {
            return None;
        }
        let score = u32::from(self.atom.score(word, matcher)?);
        (score >= self.floor).then_some(score)
    }
}

/// A set of place numbers.
struct PlaceSet(Vec<u64>);

impl PlaceSet {
    fn new(places: usize) -> PlaceSet {
        PlaceSet(vec![0; places.div_ceil(64)])
    }

    fn contains(&self, place: u32) -> bool {
        self.0[place as usize / 64] & (1 << (place % 64)) != 0
    }

    /// Adds `place`; false if it was there already.
    fn insert(&mut self, place: u32) -> bool {
        let fresh = !self.contains(place);
        self.0[place as usize / 64] |= 1 << (place % 64);
        fresh
    }
}

/// The groups chosen so far, best first, and their places.
struct Chosen {
    groups: Vec<(u32, bool)>,
    places: PlaceSet,
    limit: usize,
}

impl Chosen {
    fn room(&self) -> usize {
        self.limit - self.groups.len()
    }

    fn take(&mut self, index: &SearchIndex, group: u32, exact_code: bool) {
        if self.room() > 0 && self.places.insert(index.groups[group as usize].place) {
            self.groups.push((group, exact_code));
        }
    }
}

/// The sentence of a group shown for a hit, and how well it matched.
struct Snippet {
    spot: Spot,
    text: String,
    atoms: usize,
    score: u32,
    matched: Vec<usize>,
}

impl SearchIndex {
    /// The best hits for `query`, best first, at most one per place (a topic's page or FAQ
    /// entry), at most `limit` of them. A place matches when each word of the query matches a
    /// word of one kind of its text. Ranking: an exact code first; then titles, keywords and
    /// headings before codes before body text; then the matcher's score; then the order the
    /// text is shown in; and among the hits kept, a sentence holding every word of the query
    /// before one that does not.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let query = query.trim();
        let pattern = Pattern::new(query, CaseMatching::Ignore, Normalization::Smart, AtomKind::Fuzzy);
        if pattern.atoms.is_empty() || limit == 0 {
            return Vec::new();
        }
        let needles: Vec<Needle> = pattern.atoms.iter().map(Needle::new).collect();
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut chosen = Chosen { groups: Vec::new(), places: PlaceSet::new(self.place_count()), limit };
        for (code, group) in &self.codes {
            if code.eq_ignore_ascii_case(query) {
                chosen.take(self, *group, true);
            }
        }
        match needles.as_slice() {
            [needle] => self.choose_for_one_word(needle, &mut matcher, &mut chosen),
            _ => self.choose_for_every_word(&needles, &mut matcher, &mut chosen),
        }
        let mut hits: Vec<(Hit, usize)> = chosen
            .groups
            .iter()
            .filter_map(|&(group, exact)| self.hit(group, exact, query, &needles, &mut matcher))
            .collect();
        hits.sort_by_key(|(hit, atoms)| (!hit.exact_code, hit.field.tier(), Reverse(*atoms)));
        hits.into_iter().map(|(hit, _)| hit).collect()
    }

    /// The words of the library that match `needle`, best first.
    fn matching_words(&self, needle: &Needle, matcher: &mut Matcher) -> MatchingWords {
        let mut found: Vec<(u32, u32)> = self
            .words
            .iter()
            .enumerate()
            .filter(|(_, word)| word.mask & needle.mask == needle.mask)
            .filter_map(|(n, word)| Some((needle.score(word.text.slice(..), matcher)?, n as u32)))
            .collect();
        found.sort_unstable_by_key(|&(score, word)| (Reverse(score), word));
        found
    }

    /// The best places for a one-word query. Words are taken best score first, and groups in
    /// rank order, so only as many places as there is room for are looked at: a keystroke costs
    /// the same on 100 topics as on 10,000.
    fn choose_for_one_word(&self, needle: &Needle, matcher: &mut Matcher, chosen: &mut Chosen) {
        let words = self.matching_words(needle, matcher);
        let tiers = if needle.first_letter.is_some() { 0..2 } else { 0..3 };
        for tier in tiers {
            let fields: Vec<Field> = NUMBERING.into_iter().filter(|field| field.tier() == tier).collect();
            for same_score in words.chunk_by(|a, b| a.0 == b.0) {
                let room = chosen.room();
                if room == 0 {
                    return;
                }
                // Each word's first `room` new places; the best of them all are the first
                // `room` in group order.
                let mut candidates = Vec::new();
                for &(_, word) in same_score {
                    let mut places: Vec<u32> = Vec::new();
                    for group in fields.iter().flat_map(|&field| self.postings(word, field)) {
                        let place = self.groups[group as usize].place;
                        if chosen.places.contains(place) || places.contains(&place) {
                            continue;
                        }
                        places.push(place);
                        candidates.push(group);
                        if places.len() == room {
                            break;
                        }
                    }
                }
                candidates.sort_unstable();
                for group in candidates {
                    chosen.take(self, group, false);
                }
            }
        }
    }

    /// The best places for a query of several words: every group that holds a match for each
    /// word, its score the sum of the best matches.
    fn choose_for_every_word(&self, needles: &[Needle], matcher: &mut Matcher, chosen: &mut Chosen) {
        // One letter finds names and headings only.
        let fields_for = |needle: &Needle| -> Vec<Field> {
            NUMBERING.into_iter().filter(|field| needle.first_letter.is_none() || field.tier() < 2).collect()
        };
        let mut per_needle: Vec<(MatchingWords, Vec<Field>)> =
            needles.iter().map(|needle| (self.matching_words(needle, matcher), fields_for(needle))).collect();
        // The rarest word first: the others then only add to the groups it found.
        per_needle.sort_by_cached_key(|(words, fields)| {
            let size = |word: u32| fields.iter().map(|&field| self.postings_size(word, field)).sum::<usize>();
            words.iter().map(|&(_, word)| size(word)).sum::<usize>()
        });
        let groups = self.groups.len();
        let (mut total, mut matched, mut best) = (vec![0u32; groups], vec![0u8; groups], vec![0u32; groups]);
        let mut touched: Vec<u32> = Vec::new();
        for (n, (words, fields)) in per_needle.iter().enumerate() {
            touched.clear();
            for &(score, word) in words {
                for group in fields.iter().flat_map(|&field| self.postings(word, field)) {
                    let g = group as usize;
                    if usize::from(matched[g]) != n {
                        continue;
                    }
                    if best[g] == 0 {
                        touched.push(group);
                    }
                    best[g] = best[g].max(score);
                }
            }
            for &group in &touched {
                let g = group as usize;
                total[g] += best[g];
                matched[g] += 1;
                best[g] = 0;
            }
        }
        // `touched` now holds the groups that matched every word; keep each place's best.
        let rank =
            |group: u32| (self.groups[group as usize].field.tier(), Reverse(total[group as usize]), group);
        let mut best_of_place = vec![u32::MAX; self.place_count()];
        for &group in &touched {
            let place = self.groups[group as usize].place as usize;
            let held = best_of_place[place];
            if held == u32::MAX || rank(group) < rank(held) {
                best_of_place[place] = group;
            }
        }
        let mut ranked: Vec<u32> = best_of_place.into_iter().filter(|&group| group != u32::MAX).collect();
        let room = chosen.room();
        if ranked.len() > room && room > 0 {
            ranked.select_nth_unstable_by_key(room - 1, |&group| rank(group));
            ranked.truncate(room);
        }
        ranked.sort_unstable_by_key(|&group| rank(group));
        for group in ranked {
            chosen.take(self, group, false);
        }
    }

    /// The hit for `group`: the sentence (or title, keyword, code) of the group that matches
    /// the most words of the query best, read again from the library.
    fn hit(
        &self,
        group: u32,
        exact_code: bool,
        query: &str,
        needles: &[Needle],
        matcher: &mut Matcher,
    ) -> Option<(Hit, usize)> {
        let Group { place: place_number, field } = self.groups[group as usize];
        let place = self.place(place_number);
        let topic = self.topic(place.topic);
        let mut best: Option<Snippet> = None;
        let mut consider = |spot: Spot, text: &str| {
            if exact_code && code_of(text).is_none_or(|code| !code.eq_ignore_ascii_case(query)) {
                return;
            }
            let (atoms, score, matched) = mark(text, needles, matcher);
            if best.as_ref().is_none_or(|held| (atoms, score) > (held.atoms, held.score)) {
                best = Some(Snippet { spot, text: text.to_owned(), atoms, score, matched });
            }
        };
        for_each_piece(topic, &self.catalog, self.staff, &mut |spot, piece_field, text| {
            if piece_field != field
                || topic.page_of(spot) != place.page
                || spot.faq_entry() != place.faq_entry
            {
                return;
            }
            if field == Field::Body {
                sentences(text).for_each(|sentence| consider(spot, sentence));
            } else {
                consider(spot, text);
            }
        });
        let Snippet { spot, text, atoms, score, matched } = best?;
        let hit = Hit {
            topic_id: topic.id.clone(),
            topic_title: topic.title.clone(),
            spot,
            field,
            text,
            matched,
            exact_code,
            score,
            place,
        };
        Some((hit, atoms))
    }
}

/// How many words of the query match a word of `text`, the sum of their best scores, and the
/// character positions of the matched letters.
fn mark(text: &str, needles: &[Needle], matcher: &mut Matcher) -> (usize, u32, Vec<usize>) {
    let chars: Vec<char> = text.chars().collect();
    // Each word lowercased as the index holds it; a word whose lowercase is longer (rare) is
    // matched as written, so the marked positions stay true.
    let words: Vec<(std::ops::Range<usize>, Utf32String)> = words(text)
        .map(|range| {
            let lowered: String = chars[range.clone()].iter().flat_map(|c| c.to_lowercase()).collect();
            let word = if lowered.chars().count() == range.len() {
                lowered
            } else {
                chars[range.clone()].iter().collect()
            };
            (range, Utf32String::from(word.as_str()))
        })
        .collect();
    let (mut atoms, mut score, mut matched) = (0, 0, Vec::new());
    let mut indices = Vec::new();
    for needle in needles {
        let best = words
            .iter()
            .filter_map(|(range, word)| Some((needle.score(word.slice(..), matcher)?, range, word)))
            .max_by_key(|(score, range, _)| (*score, Reverse(range.start)));
        let Some((word_score, range, word)) = best else { continue };
        atoms += 1;
        score += word_score;
        indices.clear();
        needle.atom.indices(word.slice(..), matcher, &mut indices);
        matched.extend(indices.iter().map(|&i| range.start + i as usize));
    }
    matched.sort_unstable();
    matched.dedup();
    (atoms, score, matched)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use kiosk_content::i18n::Catalog;
    use kiosk_content::{Library, Topic};

    const VOCABULARY: &[&str] =
        &["rest", "recovery", "brace", "care", "pain", "repair", "are", "rice", "ice"];

    fn topic(n: usize, words: &[usize]) -> Topic {
        let word = |i: usize| VOCABULARY[words[i % words.len()] % VOCABULARY.len()];
        let toml = format!(
            "id = \"t{n}\"\nlanguage = \"en\"\ntitle = \"{} {n}\"\nsubtitle = \"{} {}\"\nsummary = \"{} {}. {}.\"\n\
             category = \"Test\"\nkeywords = [\"{}\"]\n[review]\nstatus = \"draft\"\n\
             [[sections]]\nkind = \"recovery\"\nitems = [\"{} {}.\", \"{}.\"]\n\
             [[faq]]\nquestion = \"{}?\"\nanswer = \"{} {}.\"\n",
            word(0),
            word(1),
            word(2),
            word(3),
            word(4),
            word(5),
            word(6),
            word(7),
            word(8),
            word(9),
            word(10),
            word(11),
            word(12),
        );
        toml::from_str(&toml).expect("a valid topic")
    }

    proptest! {
        /// The quick path for one word (best words first, stopping when there is no more room)
        /// ranks exactly as scoring every group would.
        #[test]
        fn one_word_ranks_as_scoring_every_group(
            topics in prop::collection::vec(prop::collection::vec(0usize..9, 13), 1..40),
            query in prop::sample::select(vec!["r", "re", "rec", "recov", "rst", "ice", "c", "pain", "are", "bracee"]),
            limit in 1usize..12,
        ) {
            let topics: Vec<Topic> = topics.iter().enumerate().map(|(n, words)| topic(n, words)).collect();
            let index = SearchIndex::build(&Library::new(topics), &Catalog::english(), "en", false, &|_| true);
            let pattern = Pattern::new(query, CaseMatching::Ignore, Normalization::Smart, AtomKind::Fuzzy);
            let needles: Vec<Needle> = pattern.atoms.iter().map(Needle::new).collect();
            let mut matcher = Matcher::new(Config::DEFAULT);
            let chosen = |quick: bool, matcher: &mut Matcher| {
                let mut chosen = Chosen { groups: Vec::new(), places: PlaceSet::new(index.place_count()), limit };
                if quick {
                    index.choose_for_one_word(&needles[0], matcher, &mut chosen);
                } else {
                    index.choose_for_every_word(&needles, matcher, &mut chosen);
                }
                chosen.groups
            };
            prop_assert_eq!(chosen(true, &mut matcher), chosen(false, &mut matcher));
        }
    }

    #[test]
    fn a_page_matches_when_its_sentences_hold_the_words_between_them() {
        let library = Library::new(vec![topic(0, &[0, 0, 0, 4, 0, 2, 0, 0, 0, 0, 0, 0, 0])]);
        let index = SearchIndex::build(&library, &Catalog::english(), "en", false, &|_| true);
        // "pain" is in the summary's first sentence, "brace" in its second.
        let hits = index.search("pain brace", 5);
        assert!(hits.iter().any(|hit| hit.spot == Spot::Summary), "{hits:?}");
    }
}
