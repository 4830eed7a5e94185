//! The search index: every piece of text a reader may see, cut into sentences, ready for the
//! fuzzy matcher.

use std::collections::HashMap;

use nucleo_matcher::Utf32String;

use crate::content::{Audience, Library, SectionKind, Spot, SpotPage, Topic};
use crate::i18n::{Catalog, Msg};

/// What kind of text a piece is; the order is the ranking order for equal matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// A billing or diagnosis code (staff only).
    Code,
    /// A topic's title.
    Title,
    /// One of a topic's keywords.
    Keyword,
    /// A topic's subtitle.
    Subtitle,
    /// A section's heading or short name, such as "Recovery".
    Heading,
    /// Everything else: summaries, sections, questions and answers.
    Body,
}

/// Where a hit is shown: one result per place is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Place {
    /// The topic's place in the index.
    pub topic: usize,
    /// The page.
    pub page: SpotPage,
    /// The FAQ entry, for hits in the FAQ.
    pub faq_entry: Option<usize>,
}

/// One searchable piece of text.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    /// The topic's place in the index's topic list.
    pub topic: usize,
    pub spot: Spot,
    pub place: Place,
    /// The place as a number from 0, for counting per place without hashing.
    pub place_number: u32,
    pub field: Field,
    /// The text as written; its words are found again only for the hits shown, so the index
    /// holds each piece of text once.
    pub text: String,
}

/// One distinct word of the library, and every place it stands.
#[derive(Debug, Clone)]
pub(super) struct Word {
    /// The word, lowercased, ready for the matcher.
    pub text: Utf32String,
    /// Which of a-z and 0-9 it holds, to pass over it quickly.
    pub mask: u64,
    /// The entries it stands in, once for each time.
    pub postings: Vec<u32>,
}

/// The searchable text of every topic as one reader sees it: in one language, with or without
/// the staff-only parts.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// (id, title) of each topic, by place.
    pub(super) topics: Vec<(String, String)>,
    pub(super) entries: Vec<Entry>,
    /// Every distinct word once: a query is matched against these, not against every sentence,
    /// so its cost grows with the vocabulary rather than with the library.
    pub(super) words: Vec<Word>,
    /// How many distinct places the entries are shown in.
    pub(super) place_count: usize,
}

impl SearchIndex {
    /// The index of `library` as a reader of `language` sees it: `staff` adds codes and
    /// staff-only sections, and only topics `visible` lets through are indexed.
    pub fn build(
        library: &Library,
        catalog: &Catalog,
        language: &str,
        staff: bool,
        visible: &dyn Fn(&Topic) -> bool,
    ) -> SearchIndex {
        let mut index = SearchIndex::default();
        for topic in library.for_reader(language).into_iter().filter(|topic| visible(topic)) {
            let place = index.topics.len();
            index.topics.push((topic.id.clone(), topic.title.clone()));
            index.add_topic(place, topic, catalog, staff);
        }
        index.number_places();
        index.collect_words();
        index
    }

    fn number_places(&mut self) {
        let mut numbers: HashMap<Place, u32> = HashMap::new();
        for entry in &mut self.entries {
            let next = numbers.len() as u32;
            entry.place_number = *numbers.entry(entry.place).or_insert(next);
        }
        self.place_count = numbers.len();
    }

    fn collect_words(&mut self) {
        let mut places: HashMap<String, usize> = HashMap::new();
        // Buffers kept across entries: a word is allocated once, when first seen.
        let (mut chars, mut word) = (Vec::new(), String::new());
        for (entry_number, entry) in self.entries.iter().enumerate() {
            chars.clear();
            chars.extend(entry.text.chars());
            let Ok(entry_number) = u32::try_from(entry_number) else { break };
            for range in words(&entry.text) {
                word.clear();
                word.extend(chars[range].iter().flat_map(|c| c.to_lowercase()));
                let place = match places.get(word.as_str()) {
                    Some(&place) => place,
                    None => {
                        let lowered: Vec<char> = word.chars().collect();
                        self.words.push(Word {
                            text: Utf32String::from(word.as_str()),
                            mask: letter_mask(&lowered),
                            postings: Vec::new(),
                        });
                        places.insert(word.clone(), self.words.len() - 1);
                        self.words.len() - 1
                    }
                };
                self.words[place].postings.push(entry_number);
            }
        }
    }

    /// How many pieces of text the index holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the index holds no text.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn add(&mut self, topic: (usize, &Topic), spot: Spot, field: Field, text: &str) {
        let (topic, shown) = topic;
        let place = Place { topic, page: shown.page_of(spot), faq_entry: spot.faq_entry() };
        if !text.trim().is_empty() {
            let text = text.trim().to_owned();
            self.entries.push(Entry { topic, spot, place, place_number: 0, field, text });
        }
    }

    fn add_sentences(&mut self, topic: (usize, &Topic), spot: Spot, text: &str) {
        for sentence in sentences(text) {
            self.add(topic, spot, Field::Body, sentence);
        }
    }

    fn add_topic(&mut self, place: usize, topic: &Topic, catalog: &Catalog, staff: bool) {
        let place = (place, topic);
        self.add(place, Spot::Title, Field::Title, &topic.title);
        self.add(place, Spot::Subtitle, Field::Subtitle, &topic.subtitle);
        for (n, keyword) in topic.keywords.iter().enumerate() {
            self.add(place, Spot::Keyword(n), Field::Keyword, keyword);
        }
        self.add_sentences(place, Spot::Summary, &topic.summary);
        for (s, section) in topic.sections.iter().enumerate() {
            let staff_only =
                section.effective_audience() == Audience::Staff || section.kind == SectionKind::Billing;
            if staff_only && !staff {
                continue;
            }
            match &section.title {
                Some(title) => self.add(place, Spot::Intro(s), Field::Heading, title),
                None => {
                    self.add(
                        place,
                        Spot::Intro(s),
                        Field::Heading,
                        catalog.text(Msg::section_title(section.kind)),
                    );
                    self.add(
                        place,
                        Spot::Intro(s),
                        Field::Heading,
                        catalog.text(Msg::section_label(section.kind)),
                    );
                }
            }
            self.add_sentences(place, Spot::Intro(s), &section.intro);
            for (i, item) in section.items.iter().enumerate() {
                self.add_sentences(place, Spot::Item(s, i), item);
            }
        }
        if let Some(first) = (!topic.faq.is_empty()).then_some(Spot::Question(0)) {
            self.add(place, first, Field::Heading, catalog.text(Msg::PageFaq));
        }
        for (n, entry) in topic.faq.iter().enumerate() {
            self.add_sentences(place, Spot::Question(n), &entry.question);
            self.add_sentences(place, Spot::Answer(n), &entry.answer);
        }
        if staff {
            for (n, code) in topic.codes.iter().enumerate() {
                self.add(
                    place,
                    Spot::Code(n),
                    Field::Code,
                    &format!("{} {} {}", code.system.name(), code.code, code.label),
                );
            }
        }
    }
}

/// Which of a-z and 0-9 occur in `chars` (case ignored), one bit each. A word with any other
/// letter gets every bit: the matcher folds accents, so such a word is never passed over.
pub(super) fn letter_mask(chars: &[char]) -> u64 {
    let mut mask = 0;
    for c in chars {
        match c.to_ascii_lowercase() {
            c @ 'a'..='z' => mask |= 1 << (c as u32 - 'a' as u32),
            c @ '0'..='9' => mask |= 1 << (26 + c as u32 - '0' as u32),
            c if c.is_alphanumeric() => return u64::MAX,
            _ => {}
        }
    }
    mask
}

/// The character ranges of the words in `text`: runs of letters and digits.
pub(super) fn words(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.chars().chain([' ']).enumerate() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                words.push(from..i);
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// `text` cut after each `.`, `?` or `!` that ends a sentence, and at blank lines.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let rest_trimmed = rest.trim_start();
        if rest_trimmed.is_empty() {
            return None;
        }
        let start = rest.len() - rest_trimmed.len();
        let body = &rest[start..];
        let end = body
            .char_indices()
            .find(|&(i, c)| {
                let next = body[i + c.len_utf8()..].chars().next();
                (matches!(c, '.' | '?' | '!') && next.is_none_or(char::is_whitespace))
                    || (c == '\n' && next == Some('\n'))
            })
            .map_or(body.len(), |(i, c)| i + c.len_utf8());
        let sentence = &body[..end];
        rest = &body[end..];
        Some(sentence)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_into_sentences() {
        let cut: Vec<&str> = sentences("One. Two? Three! 1.5 mg is fine.\n\nNew paragraph").collect();
        assert_eq!(cut, ["One.", "Two?", "Three!", "1.5 mg is fine.", "New paragraph"]);
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        assert_eq!(words("CPT 22511 — lower-back, café"), [0..3, 4..9, 12..17, 18..22, 24..28]);
    }
}
