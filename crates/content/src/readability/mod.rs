//! How hard a topic is to read: SMOG and Flesch–Kincaid grades for each part a patient reads.
//! English only: the formulas and the syllable rules are for English. Knows nothing about
//! terminals.

mod editorial;
mod grade;
mod syllables;

pub use editorial::{EditorialRules, MIN_SENTENCES_FOR_SMOG_ALONE, MIN_WORDS_GRADED, editorial_findings};
pub use grade::{Counts, sentences, words};
pub use syllables::syllables;

use crate::i18n::{Catalog, Msg};
use crate::{FieldPath, Topic};

/// The grade above which patient text is too hard, by default: health literacy guidance asks
/// for grade 6 to 8.
pub const DEFAULT_MAX_GRADE: f64 = 8.0;

/// The readability of one part of a topic.
#[derive(Debug, Clone, PartialEq)]
pub struct PartReadability {
    /// The part's name: "Summary", a section's title, or a FAQ question.
    pub name: String,
    /// Where the part is in the topic file.
    pub path: FieldPath,
    /// Its counts.
    pub counts: Counts,
    /// Its SMOG grade.
    pub smog: Option<f64>,
    /// Its Flesch–Kincaid grade.
    pub flesch_kincaid: Option<f64>,
    /// The sentence with the most long words, to rewrite first.
    pub hardest_sentence: Option<String>,
}

/// Whether the readability formulas apply to text in `language`.
pub fn applies_to(language: &str) -> bool {
    language.split('-').next().is_some_and(|primary| primary.eq_ignore_ascii_case("en"))
}

/// Every part of `topic` a patient reads: the summary, each patient section, each FAQ answer;
/// `None` when the topic is not in English.
pub fn topic_readability(topic: &Topic, catalog: &Catalog) -> Option<Vec<PartReadability>> {
    if !applies_to(&topic.language) {
        return None;
    }
    let root = FieldPath::root();
    let mut parts =
        vec![part(catalog.text(Msg::ReadabilitySummary).to_owned(), root.key("summary"), &[&topic.summary])];
    for (index, section) in topic.sections.iter().enumerate() {
        if !section.for_patients() {
            continue;
        }
        let name = section
            .title
            .clone()
            .unwrap_or_else(|| catalog.text(Msg::section_title(section.kind)).to_owned());
        let mut texts: Vec<&str> = vec![&section.intro];
        texts.extend(section.items.iter().map(String::as_str));
        parts.push(part(name, root.key("sections").index(index), &texts));
    }
    for (index, entry) in topic.faq.iter().enumerate() {
        parts.push(part(
            entry.question.clone(),
            root.key("faq").index(index).key("answer"),
            &[&entry.answer],
        ));
    }
    Some(parts)
}

fn part(name: String, path: FieldPath, texts: &[&str]) -> PartReadability {
    let counts = Counts::of(texts);
    let hardest_sentence = texts
        .iter()
        .flat_map(|text| sentences(text))
        .map(|sentence| (Counts::of(&[sentence]), sentence))
        .filter(|(counts, _)| counts.polysyllables > 0)
        .max_by_key(|(counts, sentence)| {
            (counts.polysyllables, counts.words, std::cmp::Reverse(sentence.len()))
        })
        .map(|(_, sentence)| sentence.to_owned());
    PartReadability {
        name,
        path,
        counts,
        smog: counts.smog(),
        flesch_kincaid: counts.flesch_kincaid(),
        hardest_sentence,
    }
}
