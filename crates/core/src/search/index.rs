//! The search index: every distinct word a reader may see, and the places it stands in. The
//! text itself stays in the library; the index holds numbers, not a copy of it. Its maps hash
//! with foldhash, seeded anew in each process: every word of a library is looked up as the
//! index is built, and SipHash was a twentieth of building it (perf).

use foldhash::HashMap;
use kiosk_content::Lang;

use kiosk_content::i18n::Catalog;
use kiosk_content::words::{Analyzer, key_into, tokens};
use kiosk_content::{Library, Page, Spot, Topic, Vocabulary};

use super::pieces::{Field, code_of, for_each_piece};
use super::postings::{PostingsWriter, read};
use super::recent_words::RecentWords;
use super::terms::{Term, letters};

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
            Page::TeachBack => 4,
            Page::Related => 5,
            Page::Section(n) => 6 + n as u32,
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
            4 => Page::TeachBack,
            5 => Page::Related,
            n => Page::Section(n as usize - 6),
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
    /// The word as it is compared: folded, and its stem.
    pub term: Term,
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
    /// Each indexed topic's versions in other languages, by its place in the index: their
    /// names find it too.
    twins: Vec<Vec<u32>>,
    /// The headings of untitled sections come from here.
    pub(super) catalog: Catalog,
    pub(super) staff: bool,
    /// The reader's language: how words are stemmed.
    pub(super) language: Lang,
    /// The medical words of the reader's language.
    pub(super) vocabulary: Option<Vocabulary>,
    places: Vec<PackedPlace>,
    /// Numbered field by field in [`NUMBERING`] order, then in the order the text is shown in,
    /// so that among equal scores a lower number ranks first.
    pub(super) groups: Vec<Group>,
    /// The first group of each field in [`NUMBERING`] order, and the end of the last.
    field_starts: [u32; FIELDS + 1],
    /// Every distinct word once: a query is matched against these, not against every sentence,
    /// so its cost grows with the words it meets rather than with the library.
    pub(super) words: Vec<Word>,
    /// Each word's number by its folded form: exact matches.
    pub(super) by_key: HashMap<String, u32>,
    /// The words of each stem.
    pub(super) by_stem: HashMap<String, Vec<u32>>,
    /// Every word's number, in the order of the folded words: those beginning with what is
    /// typed are side by side.
    pub(super) by_prefix: Vec<u32>,
    /// The words of each length in characters, each with the characters of its key and stem
    /// ([`letters`]): a typo is looked for among words of about the typed word's length that
    /// hold nearly all its characters.
    pub(super) by_length: Vec<Vec<(u64, u32)>>,
    /// Each code ("22511", as written) and its group, for a query that is exactly a code.
    pub(super) codes: Vec<(String, u32)>,
    /// The words the last query's typed words matched, for the next key.
    pub(super) recent_words: RecentWords,
}

/// A word met while building, and its postings field by field.
struct WordBuilder {
    term: Term,
    fields: [PostingsWriter; FIELDS],
}

/// What is gathered while the topics are walked. Groups are numbered within their field as
/// they are met; the fields are put end to end at the finish.
struct Builder {
    analyzer: Analyzer,
    places: Vec<PackedPlace>,
    groups: [Vec<Group>; FIELDS],
    words: HashMap<String, u32>,
    word_list: Vec<WordBuilder>,
    codes: Vec<(String, u32)>,
    /// The topic being walked: its places and groups (a handful, so a list), the number of
    /// its first group in each field, and its postings as [`topic_posting`]s, sorted before they
    /// are written so each list stays in order.
    topic_first_place: usize,
    topic_groups: Vec<(u32, Field, u32)>,
    topic_first_groups: [u32; FIELDS],
    topic_postings: Vec<u64>,
}

/// A word's number, a field's slot and a group's number within the topic, as one number that
/// sorts in that order: sorting numbers rather than triples halved the tenth of building the
/// index that sorting took (perf). A topic file of at most a mebibyte has far fewer than 2²⁹
/// groups.
fn topic_posting(word: u32, slot: usize, group_in_topic: u32) -> u64 {
    u64::from(word) << 32 | (slot as u64) << GROUP_BITS | u64::from(group_in_topic)
}

/// The word, the slot and the group within the topic of a [`topic_posting`].
fn topic_posting_parts(posting: u64) -> (usize, usize, u32) {
    let group_in_topic = (posting & ((1 << GROUP_BITS) - 1)) as u32;
    let slot = (posting >> GROUP_BITS) & ((1 << (32 - GROUP_BITS)) - 1);
    ((posting >> 32) as usize, slot as usize, group_in_topic)
}

/// The low bits of a [`topic_posting`] that hold the group; the field's slot takes the rest
/// of the low half (three bits, for at most eight fields).
const GROUP_BITS: u32 = 29;
const _: () = assert!(FIELDS <= 1 << (32 - GROUP_BITS), "every field's slot fits beside the group");

impl Builder {
    fn start_topic(&mut self) {
        self.topic_first_place = self.places.len();
        self.topic_first_groups = self.groups.each_ref().map(|groups| groups.len() as u32);
        self.topic_groups.clear();
        self.topic_postings.clear();
    }

    fn add(&mut self, place: Place, field: Field, text: &str) {
        let packed = PackedPlace::from(place);
        let place = if let Some(n) = self.places[self.topic_first_place..].iter().position(|&p| p == packed) {
            (self.topic_first_place + n) as u32
        } else {
            self.places.push(packed);
            self.places.len() as u32 - 1
        };
        let slot = field.slot();
        let group = if let Some(&(_, _, group)) =
            self.topic_groups.iter().find(|&&(p, f, _)| p == place && f == field)
        {
            group
        } else {
            self.groups[slot].push(Group { place, field });
            let group = self.groups[slot].len() as u32 - 1;
            self.topic_groups.push((place, field, group));
            group
        };
        if field == Field::Code
            && let Some(code) = code_of(text)
        {
            self.codes.push((code.to_owned(), group));
        }
        let mut key = String::new();
        for token in tokens(text) {
            key_into(token.text, &mut key);
            let number = if let Some(&number) = self.words.get(key.as_str()) {
                number
            } else {
                // Stemmed once per distinct word, not once per word of the library.
                let term = Term { key: key.clone(), stem: self.analyzer.stem(token.text) };
                self.words.insert(key.clone(), self.word_list.len() as u32);
                self.word_list.push(WordBuilder { term, fields: Default::default() });
                self.word_list.len() as u32 - 1
            };
            let group_in_topic = group - self.topic_first_groups[slot];
            self.topic_postings.push(topic_posting(number, slot, group_in_topic));
        }
    }

    fn finish_topic(&mut self) {
        self.topic_postings.sort_unstable();
        for &posting in &self.topic_postings {
            let (word, slot, group_in_topic) = topic_posting_parts(posting);
            self.word_list[word].fields[slot].push(self.topic_first_groups[slot] + group_in_topic);
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
        let mut builder = Builder {
            analyzer: Analyzer::for_language(language),
            places: Vec::new(),
            groups: Default::default(),
            words: HashMap::default(),
            word_list: Vec::new(),
            codes: Vec::new(),
            topic_first_place: 0,
            topic_groups: Vec::new(),
            topic_first_groups: [0; FIELDS],
            topic_postings: Vec::new(),
        };
        let mut topics = Vec::new();
        let mut twins = Vec::new();
        let other_languages = other_languages(library);
        for position in library.positions_for_reader(language) {
            let topic = &library.topics()[position];
            if !visible(topic) {
                continue;
            }
            let number = topics.len();
            topics.push(position as u32);
            let topic_twins: Vec<u32> = other_languages
                .get(topic.id.as_str())
                .map(|all| all.iter().copied().filter(|&other| other as usize != position).collect())
                .unwrap_or_default();
            let twin_topics: Vec<&Topic> =
                topic_twins.iter().map(|&other| &library.topics()[other as usize]).collect();
            twins.push(topic_twins);
            builder.start_topic();
            let mut add = |spot: Spot, field: Field, text: &str| {
                let place = Place { topic: number, page: topic.page_of(spot), faq_entry: spot.faq_entry() };
                builder.add(place, field, text);
            };
            for_each_piece(topic, &twin_topics, catalog, staff, &mut add);
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
        let words: Vec<Word> = builder
            .word_list
            .into_iter()
            .map(|word| {
                let mut ends = [0u32; FIELDS];
                let mut postings = Vec::with_capacity(word.fields.iter().map(|f| f.bytes().len()).sum());
                for (slot, field) in word.fields.iter().enumerate() {
                    postings.extend_from_slice(field.bytes());
                    ends[slot] = postings.len() as u32;
                }
                Word { term: word.term, postings: postings.into_boxed_slice(), ends }
            })
            .collect();
        let mut by_stem: HashMap<String, Vec<u32>> = HashMap::default();
        let mut by_length: Vec<Vec<(u64, u32)>> = Vec::new();
        for (number, word) in words.iter().enumerate() {
            by_stem.entry(word.term.stem.clone()).or_default().push(number as u32);
            let length = word.term.key.chars().count();
            if by_length.len() <= length {
                by_length.resize(length + 1, Vec::new());
            }
            let held = letters(&word.term.key) | letters(&word.term.stem);
            by_length[length].push((held, number as u32));
        }
        let mut by_prefix: Vec<u32> = (0..words.len() as u32).collect();
        by_prefix.sort_unstable_by(|&a, &b| words[a as usize].term.key.cmp(&words[b as usize].term.key));
        SearchIndex {
            library: library.clone(),
            topics,
            twins,
            catalog: catalog.clone(),
            staff,
            language: Lang::from(language),
            vocabulary: library.vocabulary(language).cloned(),
            places: builder.places,
            groups,
            field_starts,
            words,
            by_key: builder.words,
            by_stem,
            by_prefix,
            by_length,
            codes,
            recent_words: RecentWords::default(),
        }
    }

    /// The versions in other languages of the topic at `place` in the index.
    pub(super) fn twins(&self, place: usize) -> Vec<&Topic> {
        self.twins[place].iter().map(|&position| &self.library.topics()[position as usize]).collect()
    }

    /// The topic at `place` in the index.
    pub(super) fn topic(&self, place: usize) -> &Topic {
        &self.library.topics()[self.topics[place] as usize]
    }

    /// How many topics are indexed.
    #[cfg(test)]
    pub(super) fn topics_indexed(&self) -> usize {
        self.topics.len()
    }

    /// The place numbered `number`.
    pub(super) fn place(&self, number: u32) -> Place {
        Place::from(self.places[number as usize])
    }

    /// The groups of `field` that `word` stands in, in order.
    pub(super) fn postings(&self, word: u32, field: Field) -> impl Iterator<Item = u32> + '_ {
        let bytes = &self.words[word as usize].postings[self.postings_range(word, field)];
        read(bytes, self.field_starts[field.slot()])
    }

    /// Where `word`'s postings for `field` lie in its bytes.
    fn postings_range(&self, word: u32, field: Field) -> std::ops::Range<usize> {
        let ends = &self.words[word as usize].ends;
        let slot = field.slot();
        let start = slot.checked_sub(1).map_or(0, |before| ends[before]);
        start as usize..ends[slot] as usize
    }
}

/// Each topic id written in more than one language, and where its versions stand.
fn other_languages(library: &Library) -> HashMap<&str, Vec<u32>> {
    let mut versions: HashMap<&str, Vec<u32>> = HashMap::default();
    let first_language = library.topics().first().map(|topic| topic.language.as_str());
    if library.topics().iter().all(|topic| Some(topic.language.as_str()) == first_language) {
        return versions;
    }
    for (position, topic) in library.topics().iter().enumerate() {
        versions.entry(topic.id.as_str()).or_default().push(position as u32);
    }
    versions.retain(|_, positions| positions.len() > 1);
    versions
}
