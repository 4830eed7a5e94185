//! A quick look at a topic file's raw TOML, for a one-off search over a folder: read by its
//! tokens (`toml_parser`'s lexer, no parse into a topic), each text's words matched against the
//! typed ones, noting the kind of text they stand in (a title, a section's body). What it
//! notes, [`Sketch`], says the best a hit in that topic could rank ([`Reach`]), so that only the
//! topics that may be among the best are parsed and indexed.
//!
//! A sketch may promise more than the topic gives (the files of a topic are taken together, a
//! word the vocabulary gives counts as its typed word, an unknown key is read as a title),
//! never less: that is what makes a search over the topics it picks give what the whole
//! index gives.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use kiosk_content::i18n::{Catalog, Msg};
use kiosk_content::words::{Analyzer, StartBytes, Token, key_into, tokens, tokens_starting};
use kiosk_content::{
    FALLBACK_LANGUAGE, SectionKind, Vocabulary, holds_invisible_format, is_invisible_format,
};
use toml_parser::Source;

use super::glance::{head_end, head_value, line_fields, values_of};
use super::pieces::Field;
use super::prefilter::packed;
use super::query::MAX_QUERY_CHARS;
use super::terms::{Kind, Needle, Query, STEM_SUFFIX_LETTERS, Term};
use super::toml_walk::{Class, Walk, string_value};

/// A field's place in the index's numbering: among equal matches, a lower one ranks first.
pub(super) type Slot = u8;

pub(super) fn slot(field: Field) -> Slot {
    field.slot() as Slot
}

/// How a place is chosen among others, as the index chooses them: lower is better. The
/// points of its best match of each typed word, then its field.
type Choice = (Reverse<u32>, Slot);

/// What one topic's files show of a query: enough to bound how well the topic can match.
#[derive(Debug, Clone, Default)]
pub struct Sketch {
    /// Its texts, gathered as the index gathers them into the groups a hit needs every typed
    /// word in (the text of one kind on one page), or into larger ones: the first, the names
    /// of every file of the topic; then each file's own.
    groups: Vec<Group>,
    /// Whether the query is exactly one of the topic's codes, which ranks first (staff).
    exact_code: bool,
    /// Whether a file was only glanced at ([`Sketcher::look`]): the bound is looser, and the
    /// topic is sketched whole when it matters.
    pub glanced: bool,
    /// Each file's language and title (lowercased, as the list sorts them), when the title is
    /// plain enough to be sure of: the topic's place among equal matches.
    titles: Vec<(String, Option<String>)>,
}

/// Texts of a topic that a hit may draw on together.
#[derive(Debug, Clone, Copy)]
struct Group {
    /// The typed words its texts hold, one bit each.
    typed: u64,
    /// Each of the first [`KINDS_KEPT`] typed words' best match in it: 0 for none, else the
    /// kind's place in [`KINDS`] and one.
    kinds: [u8; KINDS_KEPT],
    /// The first field of its texts that hold a typed word.
    slot: Slot,
}

/// The typed words whose match is kept for each group; a query of more (single letters) has
/// the rest bounded as exact matches.
const KINDS_KEPT: usize = 16;

/// The kinds of match, best first.
const KINDS: [Kind; 5] = [Kind::Exact, Kind::Stem, Kind::Vocabulary, Kind::Prefix, Kind::Typo];

impl Default for Group {
    fn default() -> Group {
        Group { typed: 0, kinds: [0; KINDS_KEPT], slot: Slot::MAX }
    }
}

impl Group {
    fn merge(&mut self, other: &Group) {
        self.typed |= other.typed;
        for (mine, theirs) in self.kinds.iter_mut().zip(other.kinds) {
            if theirs != 0 && (*mine == 0 || theirs < *mine) {
                *mine = theirs;
            }
        }
        self.slot = self.slot.min(other.slot);
    }

    /// Notes a word of a text of field `field` that matches as `word` says.
    fn note(&mut self, word: &WordMatch, field: Slot) {
        self.typed |= word.typed;
        self.slot = self.slot.min(field);
        for (mine, kind) in self.kinds.iter_mut().zip(&word.kinds) {
            if let Some(kind) = kind {
                let code = KINDS.iter().position(|known| known == kind).map_or(1, |at| at as u8 + 1);
                if *mine == 0 || code < *mine {
                    *mine = code;
                }
            }
        }
    }

    /// Whether each typed word of `all` matches here as well as in `other`.
    fn kinds_as_good(&self, other: &Group, all: u64) -> bool {
        let kept = all.count_ones().min(KINDS_KEPT as u32) as usize;
        self.kinds.iter().zip(&other.kinds).take(kept).all(|(&mine, &theirs)| mine != 0 && mine <= theirs)
    }

    /// How the group would be chosen, holding every one of `typed` typed words.
    fn choice(&self, typed: usize) -> Choice {
        let points = |code: u8| if code == 0 { 0 } else { KINDS[usize::from(code) - 1].points() };
        let kept: u32 = self.kinds.iter().map(|&code| points(code)).sum();
        let rest = typed.saturating_sub(KINDS_KEPT) as u32 * Kind::Exact.points();
        (Reverse(kept + rest), self.slot)
    }
}

/// The groups every file has, by their place in [`Sketch::groups`]: the names (title,
/// subtitle, keywords, other names), the Overview page's text, the codes, the FAQ page's
/// heading, the Codes page's text (billing sections). A section or FAQ entry has one of its own.
const NAMES: usize = 0;
const OVERVIEW: usize = 1;
const CODES: usize = 2;
const FAQ_HEADING: usize = 3;
const BILLING: usize = 4;
const GROUPS_OF_EVERY_FILE: usize = 5;

/// The best a place of a topic could be chosen by, in the order the index chooses places:
/// lower is better. An exact code, then how its best group would be chosen, then the topic's
/// place in the list (a title no later than its own).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Reach {
    pub(super) not_exact_code: bool,
    pub(super) choice: Choice,
    pub(super) title: String,
}

/// How one distinct word of the text matches the query: the best kind for each typed word
/// (the word itself, or a word of a phrase the vocabulary gives for it).
#[derive(Debug)]
struct WordMatch {
    kinds: Vec<Option<Kind>>,
    /// The typed words it matches, one bit each.
    typed: u64,
}

/// The typed words of a query, and what is worked out once from them.
#[derive(Debug, Clone)]
pub(super) struct Looked {
    pub query: Query,
    /// The query as the index compares it with codes: cut and trimmed.
    pub typed: String,
    pub reader: String,
    pub staff: bool,
}

/// The most typed words told apart; a query of more (single letters) is bounded loosely.
const TYPED_WORDS: usize = 63;

impl Looked {
    pub fn new(query: &str, language: &str, staff: bool, vocabulary: Option<&Vocabulary>) -> Looked {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let analyzer = Analyzer::for_language(language);
        let parsed = Query::parse(query.trim_start(), &analyzer, vocabulary);
        Looked { query: parsed, typed: query.trim().to_owned(), reader: language.to_owned(), staff }
    }

    /// Every typed word's bit.
    fn all_typed(&self) -> u64 {
        let count = self.query.needles.len().min(TYPED_WORDS);
        (1u64 << count) - 1
    }

    /// The best a place of a topic with `sketch` could be chosen by; none when it cannot match.
    pub fn reach(&self, sketch: &Sketch) -> Option<Reach> {
        let all = self.all_typed();
        let typed = self.query.needles.len();
        let best = sketch
            .groups
            .iter()
            .filter(|group| group.typed & all == all)
            .map(|group| group.choice(typed))
            .min();
        let choice = match best {
            Some(choice) => choice,
            // An exact code is chosen first whatever the typed words match: bounded by the best.
            None if sketch.exact_code => (Reverse(u32::MAX), 0),
            None => return None,
        };
        Some(Reach { not_exact_code: !sketch.exact_code, choice, title: self.title_bound(&sketch.titles) })
    }

    /// The title the reader's list places the topic by, as the library chooses the version a
    /// reader sees (their language, else English, else the first); one not sure of bounds it
    /// by the empty title, first of all.
    fn title_bound(&self, titles: &[(String, Option<String>)]) -> String {
        let rank = |language: &str| match language {
            l if l == self.reader => 0,
            FALLBACK_LANGUAGE => 1,
            _ => 2,
        };
        let chosen = titles.iter().map(|(language, _)| rank(language)).min();
        let candidates = titles.iter().filter(|(language, _)| Some(rank(language)) == chosen);
        let mut least: Option<&String> = None;
        for (_, title) in candidates {
            let Some(title) = title else { return String::new() };
            least = Some(least.map_or(title, |least| least.min(title)));
        }
        least.cloned().unwrap_or_default()
    }
}

impl Sketch {
    /// Adds what `other`, another file of the same topic (or a heading it has), shows.
    pub fn merge(&mut self, other: &Sketch) {
        match (self.groups.get_mut(NAMES), other.groups.get(NAMES)) {
            (Some(names), Some(theirs)) => names.merge(theirs),
            // An empty sketch (a topic none of whose files could be read again) takes theirs.
            (None, Some(_)) => self.groups.extend(other.groups.first().copied()),
            _ => {}
        }
        self.groups.extend(other.groups.iter().skip(NAMES + 1).copied());
        self.exact_code |= other.exact_code;
        self.glanced |= other.glanced;
        self.titles.extend(other.titles.iter().cloned());
    }
}

/// Sketches files for one query; each thread has its own, and it remembers how each distinct
/// word matched, so a folder's repeated words are matched once.
pub struct Sketcher {
    looked: Looked,
    analyzer: Analyzer,
    /// What each section kind's catalog heading and short name show, by the kind's name.
    headings: Vec<(&'static str, Group)>,
    /// What the FAQ page's heading shows.
    faq_heading: Group,
    /// Every default heading together: any file may show one.
    any_heading: Group,
    /// Words as written ([`packed`]) and, when longer, as folded, to their [`WordMatch`] (none
    /// when it matches nothing).
    packed_words: HashMap<u128, usize, foldhash::fast::RandomState>,
    /// Words as written that match nothing: most words, kept apart so that each takes no
    /// more than its sixteen bytes (a map of both was a third slower, perf).
    packed_unmatched: HashSet<u128, foldhash::fast::RandomState>,
    long_words: HashMap<String, Option<usize>, foldhash::fast::RandomState>,
    matches: Vec<WordMatch>,
    /// The word being matched, folded.
    key: String,
    /// Each phrase the vocabulary gives for a typed word: the typed word, the lead's kind, and
    /// the phrase's words.
    phrases: Vec<(usize, Kind, Vec<Term>)>,
    /// The bytes a word that matches may begin with, when that says anything: a typo may
    /// change a word's first letter.
    starts: Option<StartBytes>,
}

/// Words remembered: a folder of made-up words cannot make the memory grow without end.
const WORDS_KEPT: usize = 1 << 17;

impl Sketcher {
    /// A sketcher for `looked`, with the reader's `catalog` (the default headings).
    pub(super) fn new(looked: &Looked, catalog: &Catalog) -> Sketcher {
        let phrases: Vec<(usize, Kind, Vec<Term>)> = looked
            .query
            .needles
            .iter()
            .enumerate()
            .flat_map(|(n, needle)| {
                needle.leads.iter().flat_map(move |lead| {
                    lead.phrases.iter().map(move |phrase| (n, lead.kind, phrase.clone()))
                })
            })
            .collect();
        let mut sketcher = Sketcher {
            looked: looked.clone(),
            analyzer: Analyzer::for_language(&looked.reader),
            headings: Vec::new(),
            faq_heading: Group::default(),
            any_heading: Group::default(),
            packed_words: HashMap::default(),
            packed_unmatched: HashSet::default(),
            long_words: HashMap::default(),
            matches: Vec::new(),
            key: String::new(),
            starts: start_bytes(&looked.query.needles, &phrases),
            phrases,
        };
        let heading = Class::Text(slot(Field::Heading));
        for kind in SectionKind::ALL {
            let mut group = Group::default();
            for msg in [Msg::section_title(kind), Msg::section_label(kind)] {
                sketcher.note_text(&mut group, catalog.text(msg), heading);
            }
            sketcher.headings.push((kind.name(), group));
        }
        let mut faq = Group::default();
        sketcher.note_text(&mut faq, catalog.text(Msg::PageFaq), heading);
        sketcher.faq_heading = faq;
        sketcher.any_heading = sketcher.headings.iter().fold(faq, |mut all, (_, group)| {
            all.merge(group);
            all
        });
        sketcher
    }

    /// The sketch of one topic file's text.
    pub fn sketch(&mut self, text: &str) -> Sketch {
        let all = self.looked.all_typed();
        let found = self.words_in(text, is_plain(text));
        if found & all != all {
            return self.passed_over(found);
        }
        self.sketch_whole(text)
    }

    /// [`Sketcher::sketch`] of a file known to hold every typed word.
    fn sketch_whole(&mut self, text: &str) -> Sketch {
        let mut groups = vec![Group::default(); GROUPS_OF_EVERY_FILE];
        // Each section's or FAQ entry's group, by the table it is written in, with the
        // section's kind.
        let mut tables: Vec<(usize, usize, Option<Cow<'_, str>>)> = Vec::new();
        let mut exact_code = false;
        let mut language = String::new();
        let mut title = None;
        let source = Source::new(text);
        let mut walk = Walk::new(self.looked.staff);
        for token in source.lex() {
            let Some(class) = walk.step(&source, &token) else { continue };
            let Some(raw) = source.get(token) else { continue };
            let value = string_value(raw, token.kind());
            let group = match walk.table_name() {
                Some("sections" | "faq") => {
                    let table = walk.table;
                    if tables.last().is_none_or(|&(last, _, _)| last != table) {
                        tables.push((table, groups.len(), None));
                        groups.push(Group::default());
                    }
                    tables.last().map_or(NAMES, |&(_, group, _)| group)
                }
                _ if class == Class::Text(slot(Field::Body)) => OVERVIEW,
                _ => NAMES,
            };
            match class {
                Class::TopicTitle => {
                    title = plain_title(&value);
                    self.note_text(&mut groups[NAMES], &value, Class::Text(slot(Field::Title)));
                }
                Class::Language => language = value.into_owned(),
                Class::SectionKind => {
                    if let Some((_, heading)) = self.headings.iter().find(|(name, _)| *name == value) {
                        groups[group].merge(heading);
                    }
                    if let Some(table) = tables.last_mut() {
                        table.2 = Some(value);
                    }
                }
                Class::Code => {
                    let typed = &self.looked.typed;
                    exact_code |= value.split_whitespace().any(|word| word.eq_ignore_ascii_case(typed));
                    self.note_text(&mut groups[CODES], &value, Class::Text(slot(Field::Code)));
                }
                Class::Text(_) => self.note_text(&mut groups[group], &value, class),
                Class::Skipped => {}
            }
        }
        // An overview section is on the Overview page, a billing section on the Codes page.
        for (_, group, kind) in &tables {
            let page = match kind.as_deref() {
                Some("overview") | None => OVERVIEW,
                Some("billing") => BILLING,
                Some(_) => continue,
            };
            let held = std::mem::take(&mut groups[*group]);
            groups[page].merge(&held);
        }
        if walk.faq_seen {
            groups[FAQ_HEADING] = self.faq_heading;
        }
        if walk.unsure {
            // Tokens the walk could not place (not a topic file as written): every text it met
            // is taken for a title, and all of them for one group.
            let mut all = groups.iter().fold(Group::default(), |mut all, group| {
                all.merge(group);
                all
            });
            all.slot = 0;
            groups = vec![all];
        }
        // Only the names' group (merged across files) and groups holding a typed word are kept.
        let mut number = 0;
        groups.retain(|group| {
            number += 1;
            number == NAMES + 1 || group.typed != 0
        });
        Sketch { groups, exact_code, glanced: false, titles: vec![(language, title)] }
    }

    /// A file that holds only the typed words `found`, not all: only with another language's
    /// names could its topic match, and then as well as any.
    fn passed_over(&self, found: u64) -> Sketch {
        Sketch {
            groups: vec![Group { typed: found, kinds: [1; KINDS_KEPT], slot: 0 }],
            exact_code: false,
            glanced: false,
            // Perhaps the reader's version, its title unknown.
            titles: vec![(self.looked.reader.clone(), None)],
        }
    }

    /// A first look at one topic file's text: a glance at its words as written, each in the
    /// field its head line gives it or, after the head, as a heading at best; stopping once
    /// every typed word is matched exactly past the head. A file with an escape, an invisible
    /// character or a multi-line string in its head is sketched whole.
    pub fn look(&mut self, text: &str) -> Sketch {
        let all = self.looked.all_typed();
        let plain = is_plain(text);
        let found = self.words_in(text, plain);
        if found & all != all {
            return self.passed_over(found);
        }
        let head_end = match head_end(text) {
            Some(end) if plain => end,
            _ => return self.sketch_whole(text),
        };
        let head = &text[..head_end];
        let lines = line_fields(head);
        let exactly = Group { typed: all, kinds: [1; KINDS_KEPT], slot: 0 };
        let mut group = self.any_heading;
        let mut line = 0;
        for token in tokens(text) {
            let field = if token.range.start < head_end {
                while lines[line].0 <= token.range.start {
                    line += 1;
                }
                let Some(field) = lines[line].1 else { continue };
                field
            } else if group.typed & all == all && group.kinds_as_good(&exactly, all) {
                break;
            } else {
                slot(Field::Heading)
            };
            if let Some(found) = self.word_match(text, token.range.clone(), token.text) {
                group.note(&self.matches[found], field);
            }
        }
        if group.typed & all != all {
            return self.passed_over(group.typed);
        }
        // What stands after the head is at best a heading.
        group.slot = group.slot.min(slot(Field::Heading));
        let typed = self.looked.typed.as_str();
        let exact_code = self.looked.staff
            && values_of(text, &["system", "code", "label"])
                .any(|value| value.split_whitespace().any(|word| word.eq_ignore_ascii_case(typed)));
        let language = head_value(head, "language").unwrap_or_default().to_owned();
        let title = head_value(head, "title").and_then(plain_title);
        Sketch { groups: vec![group], exact_code, glanced: true, titles: vec![(language, title)] }
    }

    /// The typed words `text` may hold anywhere, one bit each, read from its words as written
    /// (a quick first look, that stops once every one is found). A text not [`is_plain`] is not
    /// looked at so: it may hold every typed word.
    fn words_in(&mut self, text: &str, plain: bool) -> u64 {
        let all = self.looked.all_typed();
        if !plain {
            return all;
        }
        let found = self.any_heading.typed;
        match self.starts {
            Some(starts) => self.words_among(text, tokens_starting(text, starts), found),
            None => self.words_among(text, tokens(text), found),
        }
    }

    /// `found` and the typed words `words` of `text` match, read until every typed word is.
    fn words_among<'t>(&mut self, text: &str, words: impl Iterator<Item = Token<'t>>, mut found: u64) -> u64 {
        let all = self.looked.all_typed();
        for token in words {
            if found & all == all {
                break;
            }
            if let Some(word) = self.word_match(text, token.range.clone(), token.text) {
                found |= self.matches[word].typed;
            }
        }
        found
    }

    /// Notes the words of one text of class `class` in `group`.
    fn note_text(&mut self, group: &mut Group, text: &str, class: Class) {
        let Class::Text(field) = class else { return };
        // The load shows an invisible format character as a space; so is it read here.
        let shown: Cow<'_, str> = if holds_invisible_format(text) {
            Cow::Owned(text.chars().map(|c| if is_invisible_format(c) { ' ' } else { c }).collect())
        } else {
            Cow::Borrowed(text)
        };
        for token in tokens(&shown) {
            if let Some(found) = self.word_match(&shown, token.range.clone(), token.text) {
                group.note(&self.matches[found], field);
            }
        }
    }

    /// How the word `written` (at `range` of `text`) matches the query, if at all.
    #[inline]
    fn word_match(&mut self, text: &str, range: std::ops::Range<usize>, written: &str) -> Option<usize> {
        let number = packed(text, range);
        if let Some(number) = number {
            if self.packed_unmatched.contains(&number) {
                return None;
            }
            if let Some(&known) = self.packed_words.get(&number) {
                return Some(known);
            }
        }
        self.new_word_match(number, written)
    }

    /// [`Sketcher::word_match`] of a word not met before, or too long to be packed.
    #[cold]
    fn new_word_match(&mut self, number: Option<u128>, written: &str) -> Option<usize> {
        key_into(written, &mut self.key);
        if number.is_none()
            && let Some(&known) = self.long_words.get(self.key.as_str())
        {
            return known;
        }
        let matched = self.match_word(written);
        let found = (matched.typed != 0).then(|| {
            self.matches.push(matched);
            self.matches.len() - 1
        });
        if self.packed_words.len() + self.packed_unmatched.len() + self.long_words.len() < WORDS_KEPT {
            match number {
                Some(number) => match found {
                    Some(found) => {
                        self.packed_words.insert(number, found);
                    }
                    None => {
                        self.packed_unmatched.insert(number);
                    }
                },
                None => {
                    self.long_words.insert(self.key.clone(), found);
                }
            }
        }
        found
    }

    /// How the word `written`, folded in `self.key`, matches: as [`Needle::kind`] says, or as a
    /// word of a phrase the vocabulary gives; stemmed only when a stem could decide it.
    fn match_word(&self, written: &str) -> WordMatch {
        let key = self.key.as_str();
        let first = key.chars().next();
        let stem_cell: std::cell::OnceCell<String> = std::cell::OnceCell::new();
        let stem = || stem_cell.get_or_init(|| self.analyzer.stem(written)).as_str();
        let mut kinds: Vec<Option<Kind>> =
            self.looked.query.needles.iter().map(|needle| kind_of(needle, key, first, &stem)).collect();
        for (n, kind, phrase) in &self.phrases {
            // A stem keeps its word's first letter: only such words are stemmed.
            let in_phrase = phrase.iter().any(|plain| {
                key == plain.key || (plain.stem.chars().next() == first && stem() == plain.stem)
            });
            if in_phrase {
                kinds[*n] = Some(kinds[*n].map_or(*kind, |held| held.min(*kind)));
            }
        }
        let typed = kinds
            .iter()
            .enumerate()
            .filter(|(_, kind)| kind.is_some())
            .fold(0u64, |typed, (n, _)| typed | 1 << n.min(TYPED_WORDS));
        WordMatch { kinds, typed }
    }
}

/// The bytes a word that matches one of `needles` or a word of their `phrases` may begin with:
/// it begins as the typed word, one of its stems or a phrase's word does ([`kind_of`] and
/// [`Sketcher::match_word`] compare first letters); none when a typo may be taken.
fn start_bytes(needles: &[Needle], phrases: &[(usize, Kind, Vec<Term>)]) -> Option<StartBytes> {
    if needles.iter().any(|needle| needle.edits > 0) {
        return None;
    }
    let typed = needles.iter().flat_map(|needle| std::iter::once(&needle.key).chain(&needle.stems));
    let phrased =
        phrases.iter().flat_map(|(_, _, words)| words.iter().flat_map(|word| [&word.key, &word.stem]));
    Some(StartBytes::new(typed.chain(phrased).filter_map(|word| word.chars().next())))
}

/// Whether a file's words as written are its words as read: no escape, no invisible character
/// (the load shows one as a space).
fn is_plain(text: &str) -> bool {
    !text.contains('\\') && !holds_invisible_format(text)
}

/// [`Needle::kind`] of the folded word `key`, stemming it (`stem`) only when a stem decides.
fn kind_of<'s>(needle: &Needle, key: &str, first: Option<char>, stem: &dyn Fn() -> &'s str) -> Option<Kind> {
    if key == needle.key {
        return Some(Kind::Exact);
    }
    // A stem keeps its word's first letter.
    if needle.stems.iter().any(|candidate| candidate.chars().next() == first && candidate == stem()) {
        return Some(Kind::Stem);
    }
    if needle.prefix && key.starts_with(&needle.key) {
        return Some(Kind::Prefix);
    }
    if needle.is_typo_of(key) {
        return Some(Kind::Typo);
    }
    let reach = needle.key.chars().count() + needle.edits + STEM_SUFFIX_LETTERS;
    let stem_may_be_typo = key.chars().count() <= reach && needle.may_be_typo_of_stem(key);
    (stem_may_be_typo && needle.is_typo_of(stem())).then_some(Kind::Typo)
}

/// A title the list sorts the same way whatever the load does to it: printable, with no
/// character the load would change.
fn plain_title(title: &str) -> Option<String> {
    let plain = title.chars().all(|c| !c.is_control() && !is_invisible_format(c));
    (plain && title.trim() == title).then(|| title.to_lowercase())
}
