//! The signs that always mean "call 911", one file per language (`triage/<language>.toml`),
//! and the rule that keeps them there: a topic may name such a sign only on its `emergency`
//! page, or in an item that itself says to call 911; a check's right answer about one says 911.
//! One rule for every topic, so two topics can never triage the same sign two ways.

use std::collections::HashSet;

use serde::Deserialize;
use toml::Spanned;

use super::diagnostic::{Diagnostic, Severity};
use super::field_path::FieldPath;
use super::model::{SectionKind, Topic};
use super::text_safety::unsafe_character;
use super::validate::Finding;
use super::words::{Analyzer, tokens};

/// The folder, inside a content folder, of the triage files (`triage/en.toml`).
pub const TRIAGE_FOLDER: &str = "triage";

/// One language's emergency signs, with their words stemmed for matching.
#[derive(Debug)]
pub struct Triage {
    /// The language its signs are written in, from the file's name.
    pub language: String,
    /// The language's stemmer, made once: the rule reads every item of every topic.
    analyzer: Analyzer,
    /// The words that send a reader to emergency care ("911"), stemmed, one list a phrase.
    emergency: Vec<Vec<String>>,
    /// Each sign, in file order.
    pub signs: Vec<Sign>,
}

/// A sign that always means call 911.
#[derive(Debug)]
pub struct Sign {
    /// What the sign is, as messages name it ("loss of bladder or bowel control").
    pub name: String,
    /// The ways text says it: a sentence says the sign when it holds every word of one of
    /// these, in any order and form. Stemmed.
    said_as: Vec<Vec<String>>,
}

/// The file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TriageFile {
    emergency: Vec<String>,
    sign: Vec<Spanned<SignEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignEntry {
    name: String,
    said_as: Vec<String>,
}

/// The stems of the words of `phrase`, compound words left out (their parts count).
fn stems(analyzer: &Analyzer, phrase: &str) -> Vec<String> {
    tokens(phrase).filter(|token| !token.compound).map(|token| analyzer.stem(token.text)).collect()
}

/// Reads the triage file of `language` from `text` (shown as `shown_as` in messages): the
/// signs that are good, and a problem for each that is not.
pub fn read_triage(shown_as: &str, language: &str, text: &str) -> (Triage, Vec<Diagnostic>) {
    let mut triage = Triage {
        language: language.to_owned(),
        analyzer: Analyzer::for_language(language),
        emergency: Vec::new(),
        signs: Vec::new(),
    };
    let mut problems = Vec::new();
    let error = |span: std::ops::Range<usize>, message: String, hint: &str| {
        Diagnostic::at_span(shown_as, text, span, Severity::Error, "triage", message)
            .with_hint(Some(hint.to_owned()))
    };
    let file: TriageFile = match toml::from_str(text) {
        Ok(file) => file,
        Err(problem) => {
            let message = problem.message().split_whitespace().collect::<Vec<_>>().join(" ");
            let hint = "write `emergency = [\"911\"]`, then a `[[sign]]` table a sign, each with \
                        `name` and `said_as = [\"chest pain\"]`";
            problems.push(error(problem.span().unwrap_or(0..0), message, hint));
            return (triage, problems);
        }
    };
    triage.emergency = file.emergency.iter().map(|phrase| stems(&triage.analyzer, phrase)).collect();
    triage.emergency.retain(|phrase| !phrase.is_empty());
    if triage.emergency.is_empty() {
        let message = "`emergency` names no word that sends a reader to emergency care".to_owned();
        problems.push(error(0..0, message, "write `emergency = [\"911\"]`"));
    }
    for entry in file.sign {
        let span = entry.span();
        let entry = entry.into_inner();
        let all = std::iter::once(&entry.name).chain(&entry.said_as);
        if let Some((_, c)) = all.clone().find_map(|text| unsafe_character(text)) {
            let message = format!("the sign holds the control or invisible character U+{:04X}", c as u32);
            problems.push(error(span, message, "retype the sign without it"));
            continue;
        }
        let said_as: Vec<Vec<String>> =
            entry.said_as.iter().map(|phrase| stems(&triage.analyzer, phrase)).collect();
        if entry.name.trim().is_empty() || said_as.is_empty() || said_as.iter().any(Vec::is_empty) {
            let message = "a sign needs a `name` and words in each of its `said_as`".to_owned();
            problems.push(error(span, message, "write `said_as = [\"chest pain\", \"pain in the chest\"]`"));
            continue;
        }
        triage.signs.push(Sign { name: entry.name, said_as });
    }
    (triage, problems)
}

impl Triage {
    /// The first sign that a sentence of `text` says, if any.
    pub fn sign_in(&self, text: &str) -> Option<&Sign> {
        sentences(text).find_map(|sentence| {
            let words: HashSet<String> = stems(&self.analyzer, sentence).into_iter().collect();
            self.signs.iter().find(|sign| sign.said_as.iter().any(|phrase| holds_all(&words, phrase)))
        })
    }

    /// Whether `text` sends the reader to emergency care (it says 911).
    pub fn says_emergency(&self, text: &str) -> bool {
        let words: HashSet<String> = stems(&self.analyzer, text).into_iter().collect();
        self.emergency.iter().any(|phrase| holds_all(&words, phrase))
    }

    /// Where `topic` names an emergency sign but sends the reader somewhere other than 911.
    pub fn check(&self, topic: &Topic) -> Vec<Finding> {
        let mut findings = Vec::new();
        let root = FieldPath::root();
        for (n, section) in topic.sections.iter().enumerate() {
            if section.kind == SectionKind::Emergency {
                continue;
            }
            let at = root.key("sections").index(n);
            let values = std::iter::once((at.key("intro"), section.intro.as_str())).chain(
                section.items.iter().enumerate().map(|(i, item)| (at.key("items").index(i), item.as_str())),
            );
            for (path, text) in values {
                if let Some(sign) = self.sign_in(text).filter(|_| !self.says_emergency(text)) {
                    findings.push(self.misplaced(
                        path,
                        sign,
                        &format!("the `{}` section", section.kind.name()),
                    ));
                }
            }
        }
        for (n, entry) in topic.faq.iter().enumerate() {
            let sign = self.sign_in(&entry.question).or_else(|| self.sign_in(&entry.answer));
            if let Some(sign) = sign.filter(|_| !self.says_emergency(&entry.answer)) {
                let path = root.key("faq").index(n).key("answer");
                findings.push(self.misplaced(path, sign, "an FAQ answer"));
            }
        }
        for (n, check) in topic.checks.iter().enumerate() {
            let Some(right) = check.right.checked_sub(1).and_then(|i| check.answers.get(i)) else {
                continue;
            };
            let sign = self.sign_in(&check.question).or_else(|| self.sign_in(right));
            if let Some(sign) = sign.filter(|_| !self.says_emergency(right)) {
                let path = root.key("check").index(n).key("answers").index(check.right - 1);
                findings.push(self.misplaced(path, sign, "the right answer of a check"));
            }
        }
        findings
    }

    fn misplaced(&self, path: FieldPath, sign: &Sign, place: &str) -> Finding {
        Finding::error(
            path,
            "triage",
            format!("“{}” always means call 911, but {place} names it without sending the reader to 911", sign.name),
        )
        .hint(format!(
            "move it to the `emergency` section, or say to call 911 in the same {}; triage/{}.toml lists these signs",
            if place.starts_with("the right") { "answer" } else { "item" },
            self.language
        ))
    }
}

/// Whether `words` holds every word of `phrase`.
fn holds_all(words: &HashSet<String>, phrase: &[String]) -> bool {
    phrase.iter().all(|word| words.contains(word))
}

/// The sentences of `text`: cut after `.`, `!`, `?`, `;`, `:` and at line ends.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['.', '!', '?', ';', ':', '\n']).filter(|sentence| !sentence.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = r#"
emergency = ["911"]

[[sign]]
name = "new weakness or numbness in the legs"
said_as = ["weakness legs", "numbness legs"]

[[sign]]
name = "loss of bladder or bowel control"
said_as = ["control bladder", "control bowels"]
"#;

    fn english() -> Triage {
        let (triage, problems) = read_triage("triage/en.toml", "en", EN);
        assert!(problems.is_empty(), "{problems:?}");
        triage
    }

    #[test]
    fn a_sign_is_found_in_any_form_and_order_within_one_sentence() {
        let triage = english();
        let found = |text: &str| triage.sign_in(text).map(|sign| sign.name.as_str());
        assert_eq!(
            found("Trouble controlling your bladder or bowels."),
            Some("loss of bladder or bowel control")
        );
        assert_eq!(
            found("You have new or worse numbness, tingling, weakness or pain in your arms, legs or belly."),
            Some("new weakness or numbness in the legs")
        );
        // The words of a sign in two sentences are two things said, not the sign.
        assert_eq!(found("Your legs may ache. Weakness passes."), None);
        assert_eq!(found("A back brace can help."), None);
    }

    #[test]
    fn an_item_that_says_911_sends_the_sign_there() {
        let triage = english();
        assert!(triage.says_emergency("It is an emergency. See \"Call 911 right away if\"."));
        assert!(!triage.says_emergency("Call your care team."));
    }

    #[test]
    fn a_file_without_emergency_words_or_with_an_empty_sign_is_reported_where_it_stands() {
        let text = "emergency = []\n\n[[sign]]\nname = \"chest pain\"\nsaid_as = []\n";
        let (triage, problems) = read_triage("triage/en.toml", "en", text);
        let found: Vec<(usize, &str)> = problems.iter().map(|p| (p.position.line, p.code)).collect();
        assert_eq!(found, [(1, "triage"), (3, "triage")], "{problems:?}");
        assert!(triage.signs.is_empty());
    }
}
