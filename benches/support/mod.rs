//! Synthetic topics of realistic size (about 6 KB each), for benchmarks at scale.

use kiosk_content::{Library, SectionKind, Topic};

/// Words to build sentences from: plain patient-education vocabulary.
const WORDS: &[&str] = &[
    "your",
    "doctor",
    "may",
    "suggest",
    "this",
    "treatment",
    "when",
    "pain",
    "bone",
    "joint",
    "rest",
    "walk",
    "needle",
    "medicine",
    "heal",
    "swelling",
    "nurse",
    "team",
    "home",
    "day",
    "week",
    "call",
    "care",
    "sleep",
    "eat",
    "drink",
    "test",
    "scan",
    "blood",
    "heart",
    "skin",
    "wound",
    "ice",
    "move",
    "slowly",
    "safe",
    "risk",
    "infection",
    "fever",
    "breathing",
    "numbness",
    "weakness",
    "recovery",
    "exercise",
    "brace",
    "surgery",
];

fn sentence(seed: usize, words: usize) -> String {
    let mut text: String =
        (0..words).map(|i| WORDS[(seed * 31 + i * 17) % WORDS.len()]).collect::<Vec<_>>().join(" ");
    if let Some(first) = text.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    text.push('.');
    text
}

/// The TOML text of synthetic topic `n` in `language`.
pub fn synthetic_topic_toml(n: usize, language: &str) -> String {
    let mut toml = format!(
        "id = \"procedure-{n:05}\"\nlanguage = \"{language}\"\ntitle = \"Procedure {n:05}\"\n\
         subtitle = \"{}\"\nsummary = \"{} {}\"\ncategory = \"Category {}\"\n\
         keywords = [\"keyword {n}\", \"term {}\"]\nurl = \"https://example.org/procedure-{n:05}\"\n\n\
         [[codes]]\nsystem = \"CPT\"\ncode = \"{}\"\nlabel = \"Procedure {n:05}, our own words\"\n\n\
         [review]\nstatus = \"reviewed\"\nreviewed_by = \"Dana Lee, MD\"\nreviewed_on = 2026-11-01\nnext_review = 2027-11-01\n\n\
         [[sources]]\ntitle = \"Source for procedure {n}\"\nurl = \"https://example.org/source/{n}\"\n",
        sentence(n, 6),
        sentence(n + 1, 12),
        sentence(n + 2, 10),
        n % 12,
        n % 97,
        10000 + n,
    );
    for (k, kind) in SectionKind::ALL
        .iter()
        .filter(|k| !matches!(k, SectionKind::Billing | SectionKind::Custom))
        .enumerate()
    {
        toml.push_str(&format!(
            "\n[[sections]]\nkind = \"{}\"\nintro = \"{}\"\nitems = [",
            kind.name(),
            sentence(n + k, 14)
        ));
        for i in 0..3 {
            toml.push_str(&format!("\"{}\", ", sentence(n * 7 + k * 3 + i, 12)));
        }
        toml.push_str("]\n");
    }
    for q in 0..5 {
        toml.push_str(&format!(
            "\n[[faq]]\nquestion = \"{}\"\nanswer = \"{} {}\"\n",
            sentence(n + q, 6).replace('.', "?"),
            sentence(n + q + 1, 12),
            sentence(n + q + 2, 10)
        ));
    }
    toml
}

/// A library of `count` synthetic topics in English.
pub fn synthetic_library(count: usize) -> Library {
    let topics: Vec<Topic> = (0..count)
        .map(|n| toml::from_str(&synthetic_topic_toml(n, "en")).expect("synthetic topics are valid"))
        .collect();
    Library::new(topics)
}
