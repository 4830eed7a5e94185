//! Search before the index is ready: the topics' names (titles, other names and keywords)
//! read directly, word by word, with the index's own matching and ranking. A
//! quick first pass (the prefilter) skips names that hold none of the typed words, so the
//! first key after a large library arrives costs milliseconds.

use std::cmp::Reverse;
use std::collections::HashMap;

use kiosk_content::words::Analyzer;
use kiosk_content::{Page, Spot, Topic, Vocabulary};

use super::index::Place;
use super::pieces::{Field, for_each_name};
use super::prefilter::Prefilter;
use super::query::{Hit, MAX_QUERY_CHARS, Marks, mark};
use super::terms::{Query, Term};

/// The best hits for `query` among the names of `topics` (the ones a reader of `language`
/// sees, in list order), best first, one per topic, at most `limit`; words of `vocabulary`
/// lead to their plain words.
pub fn scan_names(
    topics: &[&Topic],
    language: &str,
    vocabulary: Option<&Vocabulary>,
    query: &str,
    limit: usize,
) -> Vec<Hit> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let analyzer = Analyzer::for_language(language);
    let parsed = Query::parse(query.trim_start(), &analyzer, vocabulary);
    let wanted = parsed.needles.len();
    if wanted == 0 || limit == 0 {
        return Vec::new();
    }
    let mut prefilter = Prefilter::new(&query, language, vocabulary);
    // Names repeat their words from topic to topic: each is stemmed once.
    let mut terms: HashMap<String, Term> = HashMap::new();
    let mut term_of =
        |word: &str| terms.entry(word.to_owned()).or_insert_with(|| Term::of(word, &analyzer)).clone();
    // The best name of each topic that holds every typed word; hits are made for the few kept.
    let mut found: Vec<Found> = Vec::new();
    for (order, topic) in topics.iter().enumerate() {
        let mut best: Option<Found> = None;
        for_each_name(topic, &[], &mut |spot, field, text| {
            // The names a topic is known by; its subtitle is a sentence, read with the text.
            if field == Field::Subtitle || !prefilter.may_match(text) {
                return;
            }
            let marks = mark(text, &parsed, &mut term_of);
            // Within a topic, as the index ranks: the better match, then titles before other
            // names and keywords.
            let key = (Reverse(marks.score), rank_of(field));
            if marks.atoms < wanted || best.as_ref().is_some_and(|held| (held.0, held.1) <= key) {
                return;
            }
            best = Some((key.0, key.1, order, spot, field, text.to_owned(), marks));
        });
        found.extend(best);
    }
    found.sort_unstable_by_key(|&(score, rank, order, ..)| (score, rank, order));
    found
        .into_iter()
        .take(limit)
        .map(|(_, _, order, spot, field, text, marks)| {
            let place = Place { topic: order, page: Page::Overview, faq_entry: None };
            Hit::new(topics[order], spot, field, text, marks, false, place)
        })
        .collect()
}

/// A topic's best name: its rank (the match, then the kind of name), its place in the list,
/// where it is, and how it matched.
type Found = (Reverse<u32>, u8, usize, Spot, Field, String, Marks);

/// Titles before other names and keywords.
fn rank_of(field: Field) -> u8 {
    match field {
        Field::Title => 0,
        Field::Keyword => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kiosk_content::i18n::Catalog;

    use crate::search::SearchIndex;

    #[test]
    fn names_are_found_as_the_index_finds_them() {
        let library = kiosk_content::load_bundled().library;
        let index = SearchIndex::build(&library, &Catalog::english(), "en", false, &|_| true);
        for query in ["vertebroplasty", "vertebroplatsy", "bone cem", "percutaneous", "osteoporosis"] {
            let topics = library.for_reader("en");
            let scanned = scan_names(&topics, "en", library.vocabulary("en"), query, 5);
            let indexed = index.search(query, 5);
            assert_eq!(scanned.first().map(|hit| &hit.text), indexed.first().map(|hit| &hit.text), "{query}");
        }
        let topics = library.for_reader("en");
        assert!(scan_names(&topics, "en", None, "lungs", 5).is_empty(), "body text waits for the index");
    }
}
