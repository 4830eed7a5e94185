//! Running a query against the index: which places hold every typed word (or what the
//! vocabulary gives for it), how they rank, and the sentence shown for each with the matching
//! words marked.

use kiosk_content::TopicId;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap, HashSet};
use std::ops::Range;

use kiosk_content::Spot;
use kiosk_content::words::{Analyzer, tokens};

use super::index::{Group, NUMBERING, Place, SearchIndex};
use super::pieces::{Field, code_of, for_each_piece, sentences};
use super::recent_words::MatchingWords;
use super::terms::{Kind, Lead, Needle, Query, STEM_SUFFIX_LETTERS, Term};

/// Queries longer than this are cut: nobody types more, and a paste must not slow the kiosk.
pub const MAX_QUERY_CHARS: usize = 80;

/// One search result: a place in a topic and the text that matched there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The topic's id.
    pub topic_id: TopicId,
    /// The topic's title, as the reader sees it.
    pub topic_title: String,
    /// Where in the topic the text is.
    pub spot: Spot,
    /// What kind of text matched.
    pub field: Field,
    /// The text that matched (a sentence, a title, a keyword or a code).
    pub text: String,
    /// The matched characters of `text`, as character positions, sorted: whole words.
    pub matched: Vec<usize>,
    /// The vocabulary word that led here, when the text says it in plain words
    /// ("embolism" for "cement can travel to the lungs").
    pub via: Option<String>,
    /// Whether the query is exactly a code of this topic.
    pub exact_code: bool,
    /// How well the text matched; higher is better.
    pub score: u32,
    /// The points its place was chosen by, before the text shown was known: the best match
    /// of each typed word in the text of its kind on its page (none for an exact code).
    pub chosen_by: u32,
    /// The place the hit is shown in; one hit per place is kept.
    pub place: Place,
}

/// Whether a word matched as `kind` counts only in names: one letter finds the word itself
/// anywhere, and names beginning with it.
fn names_only(needle: &Needle, kind: Kind) -> bool {
    needle.is_one_letter() && kind != Kind::Exact
}

/// Group numbers, in order.
type Groups<'a> = Box<dyn Iterator<Item = u32> + 'a>;

/// A set of fields, a bit each in [`NUMBERING`] order.
const ALL_FIELDS: u8 = (1 << NUMBERING.len()) - 1;

/// The fields a word's postings are read in, in group order: only the names for `names_only`.
fn fields_searched(names_only: bool) -> impl Iterator<Item = Field> {
    NUMBERING.into_iter().filter(move |field| !names_only || field.tier() == 0)
}

/// `field`'s bit in a set of fields.
fn field_bit(field: Field) -> u8 {
    1 << field.slot()
}

/// Groups a typed word reaches, and how well it matches there.
struct Source {
    kind: Kind,
    groups: SourceGroups,
}

impl Source {
    /// The fields its groups can be in.
    fn fields(&self) -> u8 {
        match self.groups {
            SourceGroups::Word { names_only: true, .. } => NUMBERING
                .into_iter()
                .filter(|field| field.tier() == 0)
                .fold(0, |held, field| held | field_bit(field)),
            SourceGroups::Word { names_only: false, .. } | SourceGroups::Phrase(_) => ALL_FIELDS,
        }
    }
}

/// Words of text read as terms, each once: stemming is the dearest part of marking a hit.
pub(super) struct TermsRead<'a> {
    analyzer: &'a Analyzer,
    /// Each word read, by its text: where its term is in `terms`. Hashed with foldhash: a
    /// scan before the index looks up every word of every summary.
    places: foldhash::HashMap<String, u32>,
    /// Shared by every sentence that holds the word, never copied: a sentence's words are
    /// their places.
    terms: Vec<Term>,
}

impl<'a> TermsRead<'a> {
    pub(super) fn new(analyzer: &'a Analyzer) -> TermsRead<'a> {
        TermsRead { analyzer, places: foldhash::HashMap::default(), terms: Vec::new() }
    }

    /// Where `word`'s term is, stemmed the first time the word is read.
    fn place(&mut self, word: &str) -> u32 {
        if let Some(&place) = self.places.get(word) {
            return place;
        }
        let place = self.terms.len() as u32;
        self.terms.push(Term::of(word, self.analyzer));
        self.places.insert(word.to_owned(), place);
        place
    }

    fn term(&self, place: u32) -> &Term {
        &self.terms[place as usize]
    }
}

/// A word of the index (its postings, field by field), or a phrase the vocabulary gives (the
/// groups that hold all its words), each in group order.
enum SourceGroups {
    Word { word: u32, names_only: bool },
    Phrase(Vec<u32>),
}

impl SearchIndex {
    /// The best hits for `query`, best first, at most one per place (a topic's page or FAQ
    /// entry), at most `limit` of them. A place matches when each typed word matches a word of
    /// one kind of its text, or the place holds the plain words the vocabulary gives for it.
    /// Ranking: an exact code first; then how many typed words the shown text holds, and
    /// whether side by side as typed; then how well the words matched (exact, same stem,
    /// vocabulary, beginning, typo); then titles, keywords and headings before codes before
    /// body text; then the order the text is shown in.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let analyzer = Analyzer::for_language(&self.language);
        let parsed = Query::parse(query.trim_start(), &analyzer, self.vocabulary.as_ref());
        if parsed.needles.is_empty() || limit == 0 {
            return Vec::new();
        }
        let query = query.trim();
        self.recent_words.keep_only(&parsed.needles);
        // Each chosen group, the points it was chosen by (none for an exact code, chosen
        // first), and whether it is an exact code.
        let mut chosen: Vec<(u32, u32, bool)> = Vec::new();
        for (code, group) in &self.codes {
            if code.eq_ignore_ascii_case(query) && chosen.len() < limit {
                chosen.push((*group, 0, true));
            }
        }
        let taken: Vec<u32> = chosen.iter().map(|&(group, _, _)| self.groups[group as usize].place).collect();
        let room = limit - chosen.len();
        let best = match parsed.needles.as_slice() {
            [needle] => self.best_groups_for_one_word(needle, &taken, room),
            _ => self.best_groups(&parsed, &taken, room),
        };
        chosen.extend(best.into_iter().map(|(group, points)| (group, points, false)));
        // The hits' text repeats its words: each is read as a term once.
        let mut terms = TermsRead::new(&analyzer);
        let mut hits: Vec<(Hit, (usize, bool), u32)> = chosen
            .iter()
            .filter_map(|&(group, points, exact)| {
                let (hit, held, group) = self.hit(group, exact, query, &parsed, &mut terms)?;
                Some((Hit { chosen_by: points, ..hit }, held, group))
            })
            .collect();
        hits.sort_by_key(|(hit, held, group)| {
            (!hit.exact_code, Reverse(*held), Reverse(hit.score), hit.field.tier(), *group)
        });
        hits.into_iter().map(|(hit, _, _)| hit).collect()
    }

    /// Forgets what the last query's words matched: the next search starts as on a fresh
    /// index.
    pub fn forget_last_query(&self) {
        self.recent_words.keep_only(&[]);
    }

    /// How many typed words' matching words are kept from the last query.
    #[cfg(test)]
    pub(crate) fn typed_words_kept(&self) -> usize {
        self.recent_words.len()
    }

    /// The words of the index that match `needle`, as the last query found them if it had
    /// the same typed word.
    fn matching_words(&self, needle: &Needle) -> MatchingWords {
        self.recent_words.get_or_find(needle, || self.find_matching_words(needle))
    }

    /// The words of the index that match `needle`: exactly, by stem, by beginning, by typo.
    fn find_matching_words(&self, needle: &Needle) -> MatchingWords {
        let mut found: HashMap<u32, Kind> = HashMap::new();
        let mut note = |word: u32, kind: Kind| {
            let held = found.entry(word).or_insert(kind);
            *held = (*held).min(kind);
        };
        if let Some(&word) = self.by_key.get(&needle.key) {
            note(word, Kind::Exact);
        }
        for stem in &needle.stems {
            for &word in self.by_stem.get(stem).into_iter().flatten() {
                note(word, Kind::Stem);
            }
        }
        if needle.prefix {
            let key = |word: u32| self.words[word as usize].term.key.as_str();
            let start = self.by_prefix.partition_point(|&word| key(word) < needle.key.as_str());
            for &word in
                self.by_prefix[start..].iter().take_while(|&&word| key(word).starts_with(&needle.key))
            {
                note(word, Kind::Prefix);
            }
        }
        if needle.edits > 0 {
            // Words as long as a typo of the typed word, or as a word whose stem is one.
            let length = needle.key.chars().count();
            let lengths = length.saturating_sub(needle.edits)..=length + needle.edits + STEM_SUFFIX_LETTERS;
            for words in lengths.filter_map(|length| self.by_length.get(length)) {
                for &(held, word) in words {
                    // Each edit takes away at most one of the typed word's characters.
                    let missing = (needle.letters & !held).count_ones() as usize;
                    if missing <= needle.edits && needle.is_typo_of_term(&self.words[word as usize].term) {
                        note(word, Kind::Typo);
                    }
                }
            }
        }
        let mut found: MatchingWords = found.into_iter().map(|(word, kind)| (kind, word)).collect();
        found.sort_unstable();
        found
    }

    /// The groups holding every word of `phrase` (exactly or by stem), in order.
    fn phrase_groups(&self, phrase: &[Term]) -> Vec<u32> {
        let mut common: Option<Vec<u32>> = None;
        for term in phrase {
            let mut words: Vec<u32> = self.by_stem.get(&term.stem).cloned().unwrap_or_default();
            words.extend(self.by_key.get(&term.key));
            let mut groups: Vec<u32> = words
                .iter()
                .flat_map(|&word| NUMBERING.into_iter().flat_map(move |field| self.postings(word, field)))
                .collect();
            groups.sort_unstable();
            groups.dedup();
            common = Some(match common {
                None => groups,
                Some(held) => held.into_iter().filter(|group| groups.binary_search(group).is_ok()).collect(),
            });
        }
        common.unwrap_or_default()
    }

    /// What [`SearchIndex::best_groups`] gives for one typed word, found quickly: kind by
    /// kind, best first, and each word's groups in rank order, stopping as soon as there is no
    /// more room. A keystroke costs about the same on 100 topics as on 10,000.
    fn best_groups_for_one_word(&self, needle: &Needle, taken: &[u32], room: usize) -> Vec<(u32, u32)> {
        let words = self.matching_words(needle);
        let mut placed: std::collections::HashSet<u32> = taken.iter().copied().collect();
        let mut best = Vec::new();
        for kind in [Kind::Exact, Kind::Stem, Kind::Vocabulary, Kind::Prefix, Kind::Typo] {
            let left = room - best.len();
            if left == 0 {
                break;
            }
            // Each source's first `left` new places; the best of them all are the first
            // `left` in group order, which is rank order within a kind.
            let mut candidates: Vec<u32> = Vec::new();
            let mut take_from = |groups: &mut dyn Iterator<Item = u32>| {
                let mut places: Vec<u32> = Vec::new();
                for group in groups {
                    let place = self.groups[group as usize].place;
                    if placed.contains(&place) || places.contains(&place) {
                        continue;
                    }
                    places.push(place);
                    candidates.push(group);
                    if places.len() == left {
                        break;
                    }
                }
            };
            for &(_, word) in words.iter().filter(|(found, _)| *found == kind) {
                take_from(
                    &mut fields_searched(names_only(needle, kind))
                        .flat_map(|field| self.postings(word, field)),
                );
            }
            for lead in needle.leads.iter().filter(|lead| lead.kind == kind) {
                for phrase in &lead.phrases {
                    take_from(&mut self.phrase_groups(phrase).into_iter());
                }
            }
            candidates.sort_unstable();
            for group in candidates {
                if best.len() < room && placed.insert(self.groups[group as usize].place) {
                    best.push((group, kind.points()));
                }
            }
        }
        best
    }

    /// The best group of each place that matches every typed word, best first, at most
    /// `room`, leaving out `taken` places. Every source's groups are read together in group
    /// order, which is rank order among equal scores (fields are numbered names first, then
    /// codes, then body text): once `room` places score the most the typed words can, nothing
    /// later can beat them, and reading stops.
    fn best_groups(&self, query: &Query, taken: &[u32], room: usize) -> Vec<(u32, u32)> {
        let needles: Vec<Vec<Source>> = query.needles.iter().map(|needle| self.sources(needle)).collect();
        if room == 0 || needles.iter().any(Vec::is_empty) {
            return Vec::new();
        }
        let best_total: u32 = needles
            .iter()
            .map(|sources| sources.iter().map(|source| source.kind.points()).max().unwrap_or(0))
            .sum();
        // A place matches in one field: one every typed word reaches (one letter reaches only
        // names), so the others' groups in other fields are never read.
        let reachable = needles
            .iter()
            .map(|sources| sources.iter().fold(0u8, |held, source| held | source.fields()))
            .fold(ALL_FIELDS, |held, reached| held & reached);
        // Each source's groups, with the typed word it is for and its points; the heap holds
        // every source's next group, smallest first.
        let mut streams: Vec<(usize, u32, Groups<'_>)> = needles
            .iter()
            .enumerate()
            .flat_map(|(n, sources)| {
                sources.iter().map(move |source| (n, source.kind.points(), self.groups_of(source, reachable)))
            })
            .collect();
        let mut next: BinaryHeap<Reverse<(u32, usize)>> = BinaryHeap::new();
        for (at, (_, _, stream)) in streams.iter_mut().enumerate() {
            if let Some(group) = stream.next() {
                next.push(Reverse((group, at)));
            }
        }
        // The groups matching every word, by their total, in group order.
        let mut by_total: BTreeMap<Reverse<u32>, Vec<u32>> = BTreeMap::new();
        let mut best_places: HashSet<u32> = HashSet::new();
        let mut points = vec![0u32; needles.len()];
        while let Some(&Reverse((group, _))) = next.peek() {
            points.fill(0);
            while let Some(&Reverse((at_group, at))) = next.peek()
                && at_group == group
            {
                next.pop();
                let (n, source_points, stream) = &mut streams[at];
                points[*n] = points[*n].max(*source_points);
                if let Some(following) = stream.next() {
                    next.push(Reverse((following, at)));
                }
            }
            if points.contains(&0) {
                continue;
            }
            let place = self.groups[group as usize].place;
            if taken.contains(&place) {
                continue;
            }
            let total: u32 = points.iter().sum();
            by_total.entry(Reverse(total)).or_default().push(group);
            if total == best_total && best_places.insert(place) && best_places.len() == room {
                break;
            }
        }
        // Highest total first, then group order; a place's first group is its best.
        let mut placed: HashSet<u32> = HashSet::new();
        let mut best = Vec::new();
        for (Reverse(total), groups) in by_total {
            for group in groups {
                if best.len() < room && placed.insert(self.groups[group as usize].place) {
                    best.push((group, total));
                }
            }
        }
        best
    }

    /// Where `needle`'s groups come from: each word of the index it matches, and each phrase
    /// the vocabulary gives for it.
    fn sources(&self, needle: &Needle) -> Vec<Source> {
        let mut sources: Vec<Source> = self
            .matching_words(needle)
            .into_iter()
            .map(|(kind, word)| Source {
                kind,
                groups: SourceGroups::Word { word, names_only: names_only(needle, kind) },
            })
            .collect();
        for Lead { kind, phrases, .. } in &needle.leads {
            for phrase in phrases {
                sources
                    .push(Source { kind: *kind, groups: SourceGroups::Phrase(self.phrase_groups(phrase)) });
            }
        }
        sources
    }

    /// The groups of `source` in the fields of `reachable`, in group order.
    fn groups_of<'a>(&'a self, source: &'a Source, reachable: u8) -> Groups<'a> {
        let reached = move |field: Field| reachable & field_bit(field) != 0;
        match &source.groups {
            SourceGroups::Word { word, names_only } => {
                let word = *word;
                Box::new(
                    fields_searched(*names_only)
                        .filter(move |&field| reached(field))
                        .flat_map(move |field| self.postings(word, field)),
                )
            }
            SourceGroups::Phrase(groups) => Box::new(
                groups.iter().copied().filter(move |&group| reached(self.groups[group as usize].field)),
            ),
        }
    }

    /// The hit for `group`: the sentence (or title, keyword, code) of the group that matches
    /// the most typed words best, read again from the library; with how many words it holds.
    fn hit(
        &self,
        group: u32,
        exact_code: bool,
        typed: &str,
        query: &Query,
        terms: &mut TermsRead<'_>,
    ) -> Option<(Hit, (usize, bool), u32)> {
        let Group { place: place_number, field } = self.groups[group as usize];
        let place = self.place(place_number);
        let topic = self.topic(place.topic);
        let mut best: Option<(Spot, String, Marks)> = None;
        let mut consider = |spot: Spot, text: &str| {
            if exact_code && code_of(text).is_none_or(|code| !code.eq_ignore_ascii_case(typed)) {
                return;
            }
            let marks = mark(text, query, terms);
            let rank = |marks: &Marks| (marks.atoms, marks.phrase, marks.score);
            if best.as_ref().is_none_or(|(_, _, held)| rank(&marks) > rank(held)) {
                best = Some((spot, text.to_owned(), marks));
            }
        };
        for_each_piece(
            topic,
            &self.twins(place.topic),
            &self.catalog,
            self.staff,
            &mut |spot, piece_field, text| {
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
            },
        );
        let (spot, text, marks) = best?;
        let held = (marks.atoms, marks.phrase);
        Some((Hit::new(topic, spot, field, text, marks, exact_code, place), held, group))
    }
}

impl Hit {
    /// The hit for `text` at `spot` of `topic`, matched as `marks` say.
    pub(super) fn new(
        topic: &kiosk_content::Topic,
        spot: Spot,
        field: Field,
        text: String,
        marks: Marks,
        exact_code: bool,
        place: Place,
    ) -> Hit {
        Hit {
            topic_id: topic.id.clone(),
            topic_title: topic.title.clone(),
            spot,
            field,
            text,
            matched: marks.matched,
            via: marks.via,
            exact_code,
            score: marks.score,
            chosen_by: 0,
            place,
        }
    }
}

/// How a piece of text matches a query.
#[derive(Debug, Default)]
pub(super) struct Marks {
    /// How many typed words it holds.
    pub atoms: usize,
    /// Whether it holds the typed words side by side, in the order typed: "back pain" in
    /// "sudden back pain", not in "asks about your pain and checks your back".
    pub phrase: bool,
    /// The points of their matches.
    pub score: u32,
    /// The characters of the matching words, sorted.
    pub matched: Vec<usize>,
    /// The vocabulary word behind a match, if one was.
    pub via: Option<String>,
}

/// How `text` matches `query`: each typed word's best match in it, and where that stands.
/// `terms` gives each word as it is compared, stemmed once however many texts hold it.
pub(super) fn mark(text: &str, query: &Query, terms: &mut TermsRead<'_>) -> Marks {
    let places: Vec<(Range<usize>, u32)> =
        tokens(text).map(|token| (token.range, terms.place(token.text))).collect();
    let words: Vec<(&Range<usize>, &Term)> =
        places.iter().map(|(range, place)| (range, terms.term(*place))).collect();
    let mut marks = Marks::default();
    let mut bytes: Vec<Range<usize>> = Vec::new();
    for needle in &query.needles {
        let direct = words
            .iter()
            .filter_map(|&(range, term)| Some((needle.kind(term)?, range)))
            .min_by_key(|(kind, range)| (*kind, range.start));
        let led = needle.leads.iter().filter_map(|lead| {
            lead.phrases.iter().find_map(|phrase| {
                let ranges: Option<Vec<&Range<usize>>> = phrase
                    .iter()
                    .map(|plain| {
                        words
                            .iter()
                            .find(|(_, term)| term.key == plain.key || term.stem == plain.stem)
                            .map(|&(range, _)| range)
                    })
                    .collect();
                Some((lead.kind, ranges?, lead.word.as_str()))
            })
        });
        let led = led.min_by_key(|(kind, _, _)| *kind);
        let (kind, ranges, via) = match (direct, led) {
            (Some((kind, range)), Some(led)) if kind <= led.0 => (kind, vec![range], None),
            (_, Some((kind, ranges, word))) => (kind, ranges, Some(word)),
            (Some((kind, range)), None) => (kind, vec![range], None),
            (None, None) => continue,
        };
        marks.atoms += 1;
        marks.score += kind.points();
        if marks.via.is_none() {
            marks.via = via.map(str::to_owned);
        }
        bytes.extend(ranges.into_iter().cloned());
    }
    let typed = query.needles.len();
    marks.phrase = typed > 1
        && words
            .windows(typed)
            .any(|run| run.iter().zip(&query.needles).all(|((_, term), needle)| needle.kind(term).is_some()));
    for (n, (at, _)) in text.char_indices().enumerate() {
        if bytes.iter().any(|range| range.contains(&at)) {
            marks.matched.push(n);
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

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
        /// The index finds exactly the places whose text, read word by word, holds every
        /// typed word: its postings, stems, prefixes and typos lose and invent nothing.
        #[test]
        fn the_index_finds_the_places_reading_the_text_finds(
            topics in prop::collection::vec(prop::collection::vec(0usize..9, 13), 1..30),
            query in prop::sample::select(vec!["r", "re", "rec", "recov", "rest ", "ice", "c", "pain", "are", "bracee", "pains care", "reco ice"]),
        ) {
            let topics: Vec<Topic> = topics.iter().enumerate().map(|(n, words)| topic(n, words)).collect();
            let library = Library::new(topics);
            let index = SearchIndex::build(&library, &Catalog::english(), "en", false, &|_| true);
            let found: HashSet<Place> = index.search(query, usize::MAX / 2).into_iter().map(|hit| hit.place).collect();
            let analyzer = Analyzer::for_language("en");
            let parsed = Query::parse(query, &analyzer, None);
            let mut read: HashSet<Place> = HashSet::new();
            for number in 0..index.topics_indexed() {
                let topic = index.topic(number);
                let mut text_of: HashMap<(Place, Field), String> = HashMap::new();
                for_each_piece(topic, &[], &index.catalog, false, &mut |spot, field, text| {
                    let place = Place { topic: number, page: topic.page_of(spot), faq_entry: spot.faq_entry() };
                    let held = text_of.entry((place, field)).or_default();
                    held.push_str(text);
                    held.push_str(" . ");
                });
                for ((place, field), text) in text_of {
                    let terms: Vec<Term> = tokens(&text).map(|token| Term::of(token.text, &analyzer)).collect();
                    let every = parsed.needles.iter().all(|needle| terms.iter().any(|term| match needle.kind(term) {
                        Some(Kind::Exact) => true,
                        Some(_) => !needle.is_one_letter() || field.tier() == 0,
                        None => false,
                    }));
                    if every {
                        read.insert(place);
                    }
                }
            }
            prop_assert_eq!(found, read);
        }
    }

    proptest! {
        /// The quick path for one word ranks exactly as scoring every group does.
        #[test]
        fn one_word_ranks_as_scoring_every_group(
            topics in prop::collection::vec(prop::collection::vec(0usize..9, 13), 1..40),
            query in prop::sample::select(vec!["r", "re", "rec", "recov", "rest ", "ice", "c", "pain", "are", "bracee", "carre", "rice "]),
            limit in 1usize..12,
        ) {
            let topics: Vec<Topic> = topics.iter().enumerate().map(|(n, words)| topic(n, words)).collect();
            let index = SearchIndex::build(&Library::new(topics), &Catalog::english(), "en", false, &|_| true);
            let parsed = Query::parse(query, &Analyzer::for_language("en"), None);
            prop_assert_eq!(
                index.best_groups_for_one_word(&parsed.needles[0], &[], limit).into_iter().map(|(group, _)| group).collect::<Vec<_>>(),
                index.best_groups(&parsed, &[], limit).into_iter().map(|(group, _)| group).collect::<Vec<_>>()
            );
        }
    }

    /// Every group scored, every place's best kept, all ranked: what `best_groups` must give
    /// however early it stops reading.
    fn ranked_by_scoring_every_group(index: &SearchIndex, query: &Query, limit: usize) -> Vec<u32> {
        let mut totals: Vec<Vec<u32>> = vec![vec![0; query.needles.len()]; index.groups.len()];
        for (n, needle) in query.needles.iter().enumerate() {
            for source in index.sources(needle) {
                for group in index.groups_of(&source, ALL_FIELDS) {
                    let held = &mut totals[group as usize][n];
                    *held = (*held).max(source.kind.points());
                }
            }
        }
        let rank =
            |group: u32, total: u32| (Reverse(total), index.groups[group as usize].field.tier(), group);
        let mut best_of_place: HashMap<u32, (u32, u32)> = HashMap::new();
        for (group, points) in totals.iter().enumerate() {
            if points.contains(&0) {
                continue;
            }
            let (group, total) = (group as u32, points.iter().sum::<u32>());
            let place = index.groups[group as usize].place;
            let held = best_of_place.entry(place).or_insert((group, total));
            if rank(group, total) < rank(held.0, held.1) {
                *held = (group, total);
            }
        }
        let mut ranked: Vec<(u32, u32)> = best_of_place.into_values().collect();
        ranked.sort_by_key(|&(group, total)| rank(group, total));
        ranked.into_iter().take(limit).map(|(group, _)| group).collect()
    }

    proptest! {
        /// Reading every word's groups together in group order and stopping early ranks exactly
        /// as scoring every group does.
        #[test]
        fn several_words_rank_as_scoring_every_group(
            topics in prop::collection::vec(prop::collection::vec(0usize..9, 13), 1..40),
            query in prop::sample::select(vec!["pain r", "rest ice", "care reco", "ice c", "are rest pain", "bracee care", "rice re", "repair brace ice"]),
            limit in 1usize..12,
        ) {
            let topics: Vec<Topic> = topics.iter().enumerate().map(|(n, words)| topic(n, words)).collect();
            let index = SearchIndex::build(&Library::new(topics), &Catalog::english(), "en", false, &|_| true);
            let parsed = Query::parse(query, &Analyzer::for_language("en"), None);
            let chosen: Vec<u32> = index.best_groups(&parsed, &[], limit).into_iter().map(|(group, _)| group).collect();
            prop_assert_eq!(chosen, ranked_by_scoring_every_group(&index, &parsed, limit));
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
