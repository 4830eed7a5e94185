//! The search index: every distinct word a reader may see, and the places it stands in. The
//! text itself stays in the library; the index holds word numbers, not a copy of it.

use std::collections::HashMap;

use nucleo_matcher::Utf32String;

use crate::content::{Library, SpotPage, Topic};
use crate::i18n::Catalog;

use super::pieces::{code_of, for_each_piece, letter_mask, words};

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

impl Field {
    /// Names rank before codes, codes before body text.
    pub(super) fn tier(self) -> usize {
        match self {
            Field::Title | Field::Keyword | Field::Subtitle | Field::Heading => 0,
            Field::Code => 1,
            Field::Body => 2,
        }
    }

    /// The order groups are numbered in: by tier, then by field within the tier.
    fn numbering(self) -> (usize, Field) {
        (self.tier(), self)
    }
}

/// How many tiers [`Field::tier`] has.
pub(super) const TIERS: usize = 3;

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

/// The text of one kind in one place, such as the body text of a topic's Recovery page: what a
/// word's postings point at.
#[derive(Debug, Clone, Copy)]
pub(super) struct Group {
    /// The place's number in [`SearchIndex::places`].
    pub place: u32,
    pub field: Field,
}

/// One distinct word of the library, and every group it stands in.
#[derive(Debug, Clone)]
pub(super) struct Word {
    /// The word, lowercased, ready for the matcher.
    pub text: Utf32String,
    /// Which of a-z and 0-9 it holds, to pass over it quickly.
    pub mask: u64,
    /// The groups it stands in, each once, in group order.
    pub postings: Vec<u32>,
}

/// The searchable text of every topic as one reader sees it: in one language, with or without
/// the staff-only parts.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// The library the text is read from when a hit is shown; shared, not copied.
    pub(super) library: Library,
    /// Each indexed topic's position in the library, by its place in the index.
    pub(super) topics: Vec<u32>,
    /// The headings of untitled sections come from here.
    pub(super) catalog: Catalog,
    pub(super) staff: bool,
    pub(super) places: Vec<Place>,
    /// Numbered by tier, then field, then the order the text is shown in, so that among equal
    /// scores a lower number ranks first.
    pub(super) groups: Vec<Group>,
    /// The first group of each tier, and the end of the last.
    pub(super) tier_starts: [u32; TIERS + 1],
    /// Every distinct word once: a query is matched against these, not against every sentence,
    /// so its cost grows with the vocabulary rather than with the library.
    pub(super) words: Vec<Word>,
    /// Each code ("22511", as written) and its group, for a query that is exactly a code.
    pub(super) codes: Vec<(String, u32)>,
}

/// What is gathered while the topics are walked, before the groups are numbered.
#[derive(Default)]
struct Builder {
    places: HashMap<Place, u32>,
    groups: HashMap<(u32, Field), u32>,
    group_list: Vec<Group>,
    words: HashMap<String, u32>,
    word_list: Vec<Word>,
    codes: Vec<(String, u32)>,
}

impl Builder {
    fn add(&mut self, place: Place, field: Field, text: &str) {
        let next = self.places.len() as u32;
        let place = *self.places.entry(place).or_insert(next);
        let next = self.group_list.len() as u32;
        let group = *self.groups.entry((place, field)).or_insert(next);
        if group == next {
            self.group_list.push(Group { place, field });
        }
        if field == Field::Code
            && let Some(code) = code_of(text)
        {
            self.codes.push((code.to_owned(), group));
        }
        let chars: Vec<char> = text.chars().collect();
        let mut word = String::new();
        for range in words(text) {
            word.clear();
            word.extend(chars[range].iter().flat_map(|c| c.to_lowercase()));
            let number = match self.words.get(word.as_str()) {
                Some(&number) => number,
                None => {
                    let lowered: Vec<char> = word.chars().collect();
                    self.word_list.push(Word {
                        text: Utf32String::from(word.as_str()),
                        mask: letter_mask(&lowered),
                        postings: Vec::new(),
                    });
                    let number = self.word_list.len() as u32 - 1;
                    self.words.insert(word.clone(), number);
                    number
                }
            };
            let postings = &mut self.word_list[number as usize].postings;
            if postings.last() != Some(&group) {
                postings.push(group);
            }
        }
    }
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
        let mut builder = Builder::default();
        let mut topics = Vec::new();
        for position in library.positions_for_reader(language) {
            let topic = &library.topics()[position];
            if !visible(topic) {
                continue;
            }
            let number = topics.len();
            topics.push(position as u32);
            for_each_piece(topic, catalog, staff, &mut |spot, field, text| {
                let place = Place { topic: number, page: topic.page_of(spot), faq_entry: spot.faq_entry() };
                builder.add(place, field, text);
            });
        }

        // Number the groups by tier and field, keeping the order they were met in within each.
        let mut order: Vec<u32> = (0..builder.group_list.len() as u32).collect();
        order.sort_by_key(|&g| (builder.group_list[g as usize].field.numbering(), g));
        let mut renumbered = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            renumbered[old as usize] = new as u32;
        }
        let groups: Vec<Group> = order.iter().map(|&old| builder.group_list[old as usize]).collect();
        let mut tier_starts = [groups.len() as u32; TIERS + 1];
        for tier in (0..TIERS).rev() {
            let first = groups.partition_point(|group| group.field.tier() < tier);
            tier_starts[tier] = first as u32;
        }
        for word in &mut builder.word_list {
            for group in &mut word.postings {
                *group = renumbered[*group as usize];
            }
            word.postings.sort_unstable();
            word.postings.dedup();
            word.postings.shrink_to_fit();
        }
        let codes = builder.codes.into_iter().map(|(code, g)| (code, renumbered[g as usize])).collect();

        let mut places = vec![Place { topic: 0, page: SpotPage::Overview, faq_entry: None }; builder.places.len()];
        for (place, number) in builder.places {
            places[number as usize] = place;
        }
        SearchIndex {
            library: library.clone(),
            topics,
            catalog: catalog.clone(),
            staff,
            places,
            groups,
            tier_starts,
            words: builder.word_list,
            codes,
        }
    }

    /// The topic at `place` in the index.
    pub(super) fn topic(&self, place: usize) -> &Topic {
        &self.library.topics()[self.topics[place] as usize]
    }
}
