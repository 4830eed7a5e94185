//! Readability: syllables against words of known count, the grade formulas against worked
//! examples, and the bundled topic's grades.

use kiosk_content::i18n::Catalog;
use kiosk_content::load_bundled;
use kiosk_content::readability::{Counts, applies_to, sentences, syllables, topic_readability, words};

/// Words and their syllables as dictionaries divide them (Merriam-Webster), chosen to exercise
/// every rule: silent e, -le, -es, -ed, vowel pairs said as one or as two, qu, a leading y.
const KNOWN: &[(&str, usize)] = &[
    ("the", 1),
    ("cat", 1),
    ("bone", 1),
    ("bones", 1),
    ("spine", 1),
    ("leg", 1),
    ("queue", 1),
    ("yes", 1),
    ("quick", 1),
    ("through", 1),
    ("eyes", 1),
    ("cement", 2),
    ("doctor", 2),
    ("fracture", 2),
    ("hardens", 2),
    ("numbness", 2),
    ("table", 2),
    ("little", 2),
    ("people", 2),
    ("collapsed", 2),
    ("happened", 2),
    ("treated", 2),
    ("needed", 2),
    ("causes", 2),
    ("changes", 2),
    ("boxes", 2),
    ("create", 2),
    ("business", 2),
    ("quiet", 2),
    ("being", 2),
    ("science", 2),
    ("needle", 2),
    ("tingling", 2),
    ("swelling", 2),
    ("yellow", 2),
    ("creature", 2),
    ("hybrid", 2),
    ("mammal", 2),
    ("likely", 2),
    ("safely", 2),
    ("movement", 2),
    ("hopeful", 2),
    ("careless", 2),
    ("rely", 2),
    ("safety", 2),
    ("vertebra", 3),
    ("procedure", 3),
    ("hospital", 3),
    ("medicine", 3),
    ("infection", 3),
    ("allergic", 3),
    ("reaction", 3),
    ("serious", 3),
    ("sedation", 3),
    ("recipe", 3),
    ("every", 3),
    ("area", 3),
    ("idea", 3),
    ("Ohio", 3),
    ("radio", 3),
    ("media", 3),
    ("platypus", 3),
    ("seemingly", 3),
    ("Australian", 3),
    ("reptilian", 3),
    ("calcium", 3),
    ("actual", 3),
    ("anyone", 3),
    ("family", 3),
    ("imaging", 3),
    ("insurance", 3),
    ("estimate", 3),
    ("complications", 4),
    ("kyphoplasty", 4),
    ("recovery", 4),
    ("usually", 4),
    ("anesthesia", 4),
    ("variety", 4),
    ("osteoporosis", 6),
    ("vertebroplasty", 5),
    ("international", 5),
];

#[test]
fn syllables_match_the_dictionary_for_the_known_words() {
    let wrong: Vec<String> = KNOWN
        .iter()
        .filter(|(word, count)| syllables(word) != *count)
        .map(|(word, count)| format!("{word}: counted {}, the dictionary says {count}", syllables(word)))
        .collect();
    assert_eq!(wrong, Vec::<String>::new());
}

#[test]
fn syllables_of_odd_input_are_safe() {
    for word in ["", "-", "1,000", "ale", "a", "y", "Ÿ", "漢字", "👍", "aaaaaaaaaaaaaaaaaaaaaa", "qu", "ye"]
    {
        let _ = syllables(word);
    }
    assert_eq!(syllables(""), 0);
    assert_eq!(syllables("don't"), 1);
    assert_eq!(syllables("café"), 2);
}

#[test]
fn sentences_and_words_are_cut_as_editors_write_them() {
    assert_eq!(
        sentences("Rest. Walk slowly! Why? Call 911; then wait.\nA bullet"),
        ["Rest.", "Walk slowly!", "Why?", "Call 911;", "then wait.", "A bullet"]
    );
    assert_eq!(
        words("About 7 in 1,000 people — don't worry.").collect::<Vec<_>>(),
        ["About", "7", "in", "1,000", "people", "don't", "worry"]
    );
}

#[test]
fn flesch_kincaid_matches_the_platypus_example() {
    // The example sentence of the Flesch–Kincaid article in Wikipedia: 13 words, 24 syllables,
    // grade 11.3 (and reading ease 37.5).
    let counts =
        Counts::of(&["The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."]);
    assert_eq!((counts.sentences, counts.words, counts.syllables), (1, 13, 24));
    let grade = counts.flesch_kincaid().expect("a grade");
    assert!((grade - 11.3).abs() < 0.05, "{grade}");
}

#[test]
fn smog_matches_mclaughlins_example() {
    // McLaughlin (1969): 64 polysyllables in a 30-sentence sample. The simple form, √64 + 3,
    // gives grade 11; the precise formula, 1.0430 × √64 + 3.1291, gives 11.47.
    let counts = Counts { sentences: 30, words: 450, syllables: 650, polysyllables: 64 };
    let grade = counts.smog().expect("a grade");
    assert!((grade - 11.4731).abs() < 0.001, "{grade}");
    assert!((grade.round() - 11.0).abs() < f64::EPSILON, "{grade}");
    // Fewer sentences are scaled to 30, as the formula says.
    let short = Counts { sentences: 10, polysyllables: 3, ..Counts::default() };
    assert!((short.smog().expect("a grade") - (1.0430 * 9f64.sqrt() + 3.1291)).abs() < 1e-9);
    assert_eq!(Counts::default().smog(), None);
}

#[test]
fn english_and_spanish_are_graded_each_by_its_own_formula() {
    assert!(applies_to("en") && applies_to("en-US") && applies_to("EN-gb"));
    assert!(applies_to("es") && applies_to("es-MX"));
    assert!(!applies_to("zh-Hant") && !applies_to("fr"));
}

/// Every part a patient reads of every bundled Spanish topic: ease 60 or more (about grade 8).
#[test]
fn every_patient_part_of_every_bundled_spanish_topic_reads_at_ease_60_or_more() {
    let library = load_bundled().library;
    let catalog = Catalog::bundled("es").expect("Spanish");
    let spanish: Vec<_> = library.topics().iter().filter(|topic| topic.language == "es").collect();
    assert!(spanish.len() >= 4, "vertebroplasty and the spine library");
    let mut too_hard = Vec::new();
    for topic in spanish {
        let parts = topic_readability(topic, &catalog).expect("Spanish has a formula");
        assert!(
            parts.iter().all(|part| part.smog.is_none() && part.flesch_kincaid.is_none()),
            "no English grades"
        );
        too_hard.extend(parts.iter().filter(|part| part.ease.is_none_or(|ease| ease < 60.0)).map(|part| {
            format!("{} {}: ease {:?}, hardest: {:?}", topic.id, part.name, part.ease, part.hardest_sentence)
        }));
    }
    assert!(too_hard.is_empty(), "{too_hard:#?}");
}

/// Every part a patient reads of every bundled English topic: SMOG grade 8 or lower, however
/// short the part (`validate` lets a short part pass unless Flesch-Kincaid agrees; this does not).
#[test]
fn every_patient_part_of_every_bundled_topic_reads_at_smog_8_or_lower() {
    let library = load_bundled().library;
    let english: Vec<_> = library.topics().iter().filter(|topic| topic.language == "en").collect();
    assert!(english.len() >= 4, "vertebroplasty and the spine library");
    let mut too_hard = Vec::new();
    for topic in english {
        let parts = topic_readability(topic, &Catalog::english()).expect("English");
        assert!(parts.len() >= 10, "{}: the summary, the patient sections and the FAQ answers", topic.id);
        assert!(parts.iter().all(|part| !part.name.contains("Billing")), "staff sections are not graded");
        too_hard.extend(parts.iter().filter(|part| part.smog.is_none_or(|smog| smog > 8.0)).map(|part| {
            format!("{} {}: SMOG {:?}, hardest: {:?}", topic.id, part.name, part.smog, part.hardest_sentence)
        }));
    }
    assert_eq!(too_hard, Vec::<String>::new());
}
