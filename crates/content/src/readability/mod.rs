//! How hard a topic is to read, for each part a patient reads: SMOG and Flesch–Kincaid grades
//! for English, the Fernández-Huerta ease for Spanish (each language's formulas and syllable
//! rules). Knows nothing about terminals.

mod editorial;
mod grade;
mod spanish;
mod syllables;

pub use editorial::{EditorialRules, MIN_SENTENCES_FOR_SMOG_ALONE, MIN_WORDS_GRADED, editorial_findings};
pub use grade::{Counts, sentences, words};
pub use spanish::{DEFAULT_MIN_SPANISH_EASE, spanish_syllables};
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
    /// Its Fernández-Huerta ease, for Spanish (the grades are for English).
    pub ease: Option<f64>,
    /// The sentence with the most long words, to rewrite first.
    pub hardest_sentence: Option<String>,
}

/// The reading formulas for a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formula {
    /// SMOG and Flesch–Kincaid grades, English syllables.
    EnglishGrades,
    /// The Fernández-Huerta ease, Spanish syllables.
    SpanishEase,
}

/// The formula for text in `language`, if there is one.
pub fn formula_for(language: &str) -> Option<Formula> {
    match crate::base_language(language).to_ascii_lowercase().as_str() {
        "en" => Some(Formula::EnglishGrades),
        "es" => Some(Formula::SpanishEase),
        _ => None,
    }
}

/// Whether a readability formula applies to text in `language`.
pub fn applies_to(language: &str) -> bool {
    formula_for(language).is_some()
}

/// Every part of `topic` a patient reads: the summary, each patient section, each FAQ answer;
/// `None` when no formula is known for the topic's language.
pub fn topic_readability(topic: &Topic, catalog: &Catalog) -> Option<Vec<PartReadability>> {
    let formula = formula_for(&topic.language)?;
    let part = |name: String, path: FieldPath, texts: &[&str]| part(formula, name, path, texts);
    let root = FieldPath::root();
    let mut parts =
        vec![part(catalog.text(Msg::ReadabilitySummary).to_owned(), root.key("summary"), &[&topic.summary])];
    for (index, section) in topic.sections.iter().enumerate() {
        if !section.for_patients() {
            continue;
        }
        let name = section
            .title
            .as_deref()
            .unwrap_or_else(|| catalog.text(Msg::section_title(section.kind)))
            .to_owned();
        let mut texts: Vec<&str> = vec![&section.intro];
        texts.extend(section.items.iter());
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

fn part(formula: Formula, name: String, path: FieldPath, texts: &[&str]) -> PartReadability {
    let count = |texts: &[&str]| match formula {
        Formula::EnglishGrades => Counts::of(texts),
        Formula::SpanishEase => Counts::of_spanish(texts),
    };
    // Each sentence counted once: the part's counts are their sum.
    let each: Vec<(Counts, &str)> = texts
        .iter()
        .flat_map(|text| sentences(text))
        .map(|sentence| (count(&[sentence]), sentence))
        .collect();
    let counts = each.iter().fold(Counts::default(), |sum, (counts, _)| sum.plus(counts));
    let hardest_sentence = each
        .into_iter()
        // A one-word sentence ("Infection.") is a list item, never the sentence to rewrite.
        .filter(|(counts, _)| counts.polysyllables > 0 && counts.words > 1)
        .max_by_key(|(counts, sentence)| {
            (counts.polysyllables, counts.words, std::cmp::Reverse(sentence.len()))
        })
        .map(|(_, sentence)| sentence.to_owned());
    let english = formula == Formula::EnglishGrades;
    PartReadability {
        name,
        path,
        counts,
        smog: counts.smog().filter(|_| english),
        flesch_kincaid: counts.flesch_kincaid().filter(|_| english),
        ease: counts.fernandez_huerta().filter(|_| !english),
        hardest_sentence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A part's counts, the sum of its sentences', are the counts of its texts whole.
        #[test]
        fn the_sentences_counts_sum_to_the_whole_texts(
            texts in proptest::collection::vec("[a-zé ]{0,12}([.?!;]?[ \n]?)[a-z ]{0,20}[.]?", 0..4),
        ) {
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            let english = part(Formula::EnglishGrades, String::new(), FieldPath::root(), &texts);
            proptest::prop_assert_eq!(english.counts, Counts::of(&texts));
            let spanish = part(Formula::SpanishEase, String::new(), FieldPath::root(), &texts);
            proptest::prop_assert_eq!(spanish.counts, Counts::of_spanish(&texts));
        }
    }

    #[test]
    fn a_one_word_sentence_is_never_the_hardest() {
        let hardest = |texts: &[&str]| {
            part(Formula::EnglishGrades, "Risks".to_owned(), FieldPath::root(), texts).hardest_sentence
        };
        assert_eq!(hardest(&["Infection.", "Bleeding."]), None);
        assert_eq!(
            hardest(&["Infection.", "An infection can start where the needle went in."]).as_deref(),
            Some("An infection can start where the needle went in.")
        );
    }
}
