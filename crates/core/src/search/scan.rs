//! Search before the index is ready: what the list already holds of each topic — its names
//! (titles, other names and keywords), its subtitle and the sentences of its summary — read
//! directly, word by word, with the index's own matching. A quick first pass (the prefilter)
//! skips text that holds none of the typed words, so the first key after a large library's
//! names arrive costs milliseconds, and a word of a summary is found before the pages are read.

use std::cmp::Reverse;

use kiosk_content::words::Analyzer;
use kiosk_content::{Page, Spot, Topic, Vocabulary};

use super::index::Place;
use super::pieces::{Field, for_each_name, sentences};
use super::prefilter::Prefilter;
use super::query::{Hit, MAX_QUERY_CHARS, Marks, TermsRead, mark};
use super::terms::Query;

/// The best hits for `query` among the names, subtitles and summaries of `topics` (the ones
/// a reader of `language` sees, in list order), best first, one per topic, at most `limit`;
/// words of `vocabulary` lead to their plain words.
pub fn scan_heads(
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
    let mut terms = TermsRead::new(&analyzer);
    // The best text of each topic that holds every typed word; hits are made for the few kept.
    let mut found: Vec<Found> = Vec::new();
    for (order, topic) in topics.iter().enumerate() {
        let mut best: Option<Found> = None;
        // Summaries are read until `limit` topics are found, names to the end: a word in every
        // summary costs `limit` summaries, not every one, and a name found anywhere still
        // shows. The whole index's answer follows within seconds.
        let read_summary = found.len() < limit && prefilter.may_match(&topic.summary);
        let mut look = |spot: Spot, field: Field, text: &str| {
            let marks = mark(text, &parsed, &mut terms);
            // Within a topic, as the index ranks: the better match, then names before text.
            let key = (Reverse(marks.score), rank_of(field));
            if marks.atoms < wanted || best.as_ref().is_some_and(|held| (held.0, held.1) <= key) {
                return;
            }
            best = Some((key.0, key.1, order, spot, field, text.to_owned(), marks));
        };
        for_each_name(topic, &[], &mut |spot, field, text| {
            if prefilter.may_match(text) {
                look(spot, field, text);
            }
        });
        // A summary is shown, and found, a sentence at a time, as the index finds body text;
        // a summary that may match is not looked over again sentence by sentence.
        if read_summary {
            for sentence in sentences(topic.summary.trim()) {
                look(Spot::Summary, Field::Body, sentence);
            }
        }
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

/// Titles before other names and keywords, names before the subtitle, and all before the
/// summary's text.
fn rank_of(field: Field) -> u8 {
    match field {
        Field::Title => 0,
        Field::Keyword => 1,
        Field::Subtitle | Field::Heading | Field::Code => 2,
        Field::Body => 3,
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
            let scanned = scan_heads(&topics, "en", library.vocabulary("en"), query, 5);
            let indexed = index.search(query, 5);
            assert_eq!(scanned.first().map(|hit| &hit.text), indexed.first().map(|hit| &hit.text), "{query}");
        }
        let topics = library.for_reader("en");
        assert!(
            scan_heads(&topics, "en", None, "lungs", 5).is_empty(),
            "the pages' text waits for the index"
        );
    }

    #[test]
    fn a_word_of_a_summary_is_found_in_its_sentence_after_every_name() {
        let library = kiosk_content::load_bundled().library;
        let topics = library.for_reader("en");
        let summary = &topics[0].summary;
        let sentence = sentences(summary).last().expect("a summary");
        let word = sentence.split_whitespace().max_by_key(|word| word.len()).expect("a word");
        let hits = scan_heads(&topics, "en", None, word.trim_matches(|c: char| !c.is_alphanumeric()), 50);
        let hit = hits.iter().find(|hit| hit.topic_id == topics[0].id).expect("found in its summary");
        assert_eq!((hit.spot, hit.field, hit.text.as_str()), (Spot::Summary, Field::Body, sentence));
        let names_after_text = hits.windows(2).any(|pair| {
            pair[0].field == Field::Body && pair[1].field != Field::Body && pair[0].score == pair[1].score
        });
        assert!(!names_after_text, "{hits:#?}");
    }
}
