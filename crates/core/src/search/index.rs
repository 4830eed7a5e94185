//! The search index: every distinct word a reader may see, and the places it stands in. The
//! text itself stays in the library; the index holds numbers, not a copy of it.

use std::collections::HashMap;

use nucleo_matcher::Utf32String;

use kiosk_content::i18n::Catalog;
use kiosk_content::{Library, Page, Topic};

use super::pieces::{Field, code_of, for_each_piece, letter_mask, words};
use super::postings::{PostingsWriter, read};

/// How many fields there are.
pub(super) const FIELDS: usize = 6;

/// The order groups are numbered in: names, then codes, then body text, which is the ranking
/// order for equal scores.
pub(super) const NUMBERING: [Field; FIELDS] =
    [Field::Title, Field::Keyword, Field::Subtitle, Field::Heading, Field::Code, Field::Body];

impl Field {
    /// Names rank before codes, codes before body text.
    pub(super) fn tier(self) -> usize {
        match self {
            Field::Title | Field::Keyword | Field::Subtitle | Field::Heading => 0,
            Field::Code => 1,
            Field::Body => 2,
        }
    }

    /// The field's place in [`NUMBERING`].
    pub(super) fn slot(self) -> usize {
        match self {
            Field::Title => 0,
            Field::Keyword => 1,
            Field::Subtitle => 2,
            Field::Heading => 3,
            Field::Code => 4,
            Field::Body => 5,
        }
    }
}

/// Where a hit is shown: one result per place is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Place {
    /// The topic's place in the index.
    pub topic: usize,
    /// The page.
    pub page: Page,
    /// The FAQ entry, for hits in the FAQ.
    pub faq_entry: Option<usize>,
}

/// A [`Place`] in twelve bytes rather than forty: there are hundreds of thousands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PackedPlace {
    topic: u32,
    page: u32,
    faq_entry: u32,
}

impl From<Place> for PackedPlace {
    fn from(place: Place) -> PackedPlace {
        let page = match place.page {
            Page::Overview => 0,
            Page::Faq => 1,
            Page::Codes => 2,
            Page::Sources => 3,
            Page::Section(n) => 4 + n as u32,
        };
        let faq_entry = place.faq_entry.map_or(u32::MAX, |n| n as u32);
        PackedPlace { topic: place.topic as u32, page, faq_entry }
    }
}

impl From<PackedPlace> for Place {
    fn from(packed: PackedPlace) -> Place {
        let page = match packed.page {
            0 => Page::Overview,
            1 => Page::Faq,
            2 => Page::Codes,
            3 => Page::Sources,
            n => Page::Section(n as usize - 4),
        };
        let faq_entry = (packed.faq_entry != u32::MAX).then_some(packed.faq_entry as usize);
        Place { topic: packed.topic as usize, page, faq_entry }
    }
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
    /// The groups it stands in, field by field in [`NUMBERING`] order, as written by
    /// [`PostingsWriter`].
    postings: Box<[u8]>,
    /// Where each field's postings end in `postings`.
    ends: [u32; FIELDS],
}

/// The searchable text of every topic as one reader sees it: in one language, with or without
/// the staff-only parts.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// The library the text is read from when a hit is shown; shared, not copied.
    library: Library,
    /// Each indexed topic's position in the library, by its place in the index.
    topics: Vec<u32>,
    /// The headings of untitled sections come from here.
    pub(super) catalog: Catalog,
    pub(super) staff: bool,
    places: Vec<PackedPlace>,
    /// Numbered field by field in [`NUMBERING`] order, then in the order the text is shown in,
    /// so that among equal scores a lower number ranks first.
    pub(super) groups: Vec<Group>,
    /// The first group of each field in [`NUMBERING`] order, and the end of the last.
    field_starts: [u32; FIELDS + 1],
    /// Every distinct word once: a query is matched against these, not against every sentence,
    /// so its cost grows with the vocabulary rather than with the library.
    pub(super) words: Vec<Word>,
    /// Each code ("22511", as written) and its group, for a query that is exactly a code.
    pub(super) codes: Vec<(String, u32)>,
}

/// A word met while building, and its postings field by field.
struct WordBuilder {
    text: Utf32String,
    mask: u64,
    fields: [PostingsWriter; FIELDS],
}

/// What is gathered while the topics are walked. Groups are numbered within their field as
/// they are met; the fields are put end to end at the finish.
#[derive(Default)]
struct Builder {
    places: Vec<PackedPlace>,
    groups: [Vec<Group>; FIELDS],
    words: HashMap<String, u32>,
    word_list: Vec<WordBuilder>,
    codes: Vec<(String, u32)>,
    /// The topic being walked: its places and groups (a handful, so a list), and its
    /// (word, field, group) postings, sorted before they are written so each list stays in order.
    topic_first_place: usize,
    topic_groups: Vec<(u32, Field, u32)>,
    topic_postings: Vec<(u32, u8, u32)>,
}

impl Builder {
    fn start_topic(&mut self) {
        self.topic_first_place = self.places.len();
        self.topic_groups.clear();
        self.topic_postings.clear();
    }

    fn add(&mut self, place: Place, field: Field, text: &str) {
        let packed = PackedPlace::from(place);
        let place = match self.places[self.topic_first_place..].iter().position(|&p| p == packed) {
            Some(n) => (self.topic_first_place + n) as u32,
            None => {
                self.places.push(packed);
                self.places.len() as u32 - 1
            }
        };
        let slot = field.slot();
        let group = match self.topic_groups.iter().find(|&&(p, f, _)| p == place && f == field) {
            Some(&(_, _, group)) => group,
            None => {
                self.groups[slot].push(Group { place, field });
                let group = self.groups[slot].len() as u32 - 1;
                self.topic_groups.push((place, field, group));
                group
            }
        };
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
                    self.word_list.push(WordBuilder {
                        text: Utf32String::from(word.as_str()),
                        mask: letter_mask(&lowered),
                        fields: Default::default(),
                    });
                    let number = self.word_list.len() as u32 - 1;
                    self.words.insert(word.clone(), number);
                    number
                }
            };
            self.topic_postings.push((number, slot as u8, group));
        }
    }

    fn finish_topic(&mut self) {
        self.topic_postings.sort_unstable();
        for &(word, slot, group) in &self.topic_postings {
            self.word_list[word as usize].fields[usize::from(slot)].push(group);
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
            builder.start_topic();
            for_each_piece(topic, catalog, staff, &mut |spot, field, text| {
                let place = Place { topic: number, page: topic.page_of(spot), faq_entry: spot.faq_entry() };
                builder.add(place, field, text);
            });
            builder.finish_topic();
        }

        let mut field_starts = [0u32; FIELDS + 1];
        for (slot, field) in NUMBERING.iter().enumerate() {
            field_starts[slot + 1] = field_starts[slot] + builder.groups[field.slot()].len() as u32;
        }
        let groups: Vec<Group> =
            NUMBERING.iter().flat_map(|field| builder.groups[field.slot()].iter().copied()).collect();
        let code_start = field_starts[Field::Code.slot()];
        let codes = builder.codes.into_iter().map(|(code, group)| (code, code_start + group)).collect();
        let words = builder
            .word_list
            .into_iter()
            .map(|word| {
                let mut ends = [0u32; FIELDS];
                let mut postings = Vec::with_capacity(word.fields.iter().map(|f| f.bytes().len()).sum());
                for (slot, field) in word.fields.iter().enumerate() {
                    postings.extend_from_slice(field.bytes());
                    ends[slot] = postings.len() as u32;
                }
                Word { text: word.text, mask: word.mask, postings: postings.into_boxed_slice(), ends }
            })
            .collect();
        SearchIndex {
            library: library.clone(),
            topics,
            catalog: catalog.clone(),
            staff,
            places: builder.places,
            groups,
            field_starts,
            words,
            codes,
        }
    }

    /// The topic at `place` in the index.
    pub(super) fn topic(&self, place: usize) -> &Topic {
        &self.library.topics()[self.topics[place] as usize]
    }

    /// The place numbered `number`.
    pub(super) fn place(&self, number: u32) -> Place {
        Place::from(self.places[number as usize])
    }

    /// How many places there are.
    pub(super) fn place_count(&self) -> usize {
        self.places.len()
    }

    /// The groups of `field` that `word` stands in, in order.
    pub(super) fn postings(&self, word: u32, field: Field) -> impl Iterator<Item = u32> + '_ {
        let bytes = &self.words[word as usize].postings[self.postings_range(word, field)];
        read(bytes, self.field_starts[field.slot()])
    }

    /// About how many groups of `field` `word` stands in: the size of its postings there.
    pub(super) fn postings_size(&self, word: u32, field: Field) -> usize {
        self.postings_range(word, field).len()
    }

    /// Where `word`'s postings for `field` lie in its bytes.
    fn postings_range(&self, word: u32, field: Field) -> std::ops::Range<usize> {
        let ends = &self.words[word as usize].ends;
        let slot = field.slot();
        let start = slot.checked_sub(1).map_or(0, |before| ends[before]);
        start as usize..ends[slot] as usize
    }
}
