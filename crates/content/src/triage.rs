//! The signs that always mean "call 911", one file per language (`triage/<language>.toml`),
//! and the rule that keeps them there: a topic may name such a sign only on its `emergency`
//! page, or in an item that itself says to call 911; a check's right answer about one says 911.
//! One rule for every topic, so two topics can never triage the same sign two ways.

use std::borrow::Cow;
use std::collections::HashSet;

use aho_corasick::AhoCorasick;
use serde::Deserialize;
use toml::Spanned;

use super::diagnostic::{Diagnostic, Severity};
use super::field_path::FieldPath;
use super::model::{SectionKind, Topic};
use super::text_safety::unsafe_character;
use super::validate::Finding;
use super::words::{Analyzer, fold, key, tokens};
use crate::Lang;

/// The folder, inside a content folder, of the triage files (`triage/en.toml`).
pub const TRIAGE_FOLDER: &str = "triage";

/// One language's emergency signs, with their words stemmed for matching.
#[derive(Debug)]
pub struct Triage {
    /// The language its signs are written in, from the file's name.
    pub language: Lang,
    /// The language's stemmer, made once: the rule reads every item of every topic.
    analyzer: Analyzer,
    /// The words that send a reader to emergency care ("911"), stemmed, one list a phrase.
    emergency: Vec<Vec<String>>,
    /// Each sign, in file order.
    pub signs: Vec<Sign>,
    /// The beginnings of the signs' words, to pass over text that cannot say a sign.
    beginnings: Beginnings,
}

/// A sign that always means call 911.
#[derive(Debug)]
pub struct Sign {
    /// What the sign is, as messages name it ("loss of bladder or bowel control").
    pub name: String,
    /// The ways text says it: a sentence says the sign when it holds every word of one of
    /// these, in any order and form.
    said_as: Vec<Phrase>,
}

/// One way of saying a sign.
#[derive(Debug)]
struct Phrase {
    /// Each word's stem.
    stems: Vec<String>,
    /// What every form of each word begins with: the folded word and its stem in common
    /// ("control" for controlling, "leg" for legs).
    beginnings: Vec<String>,
    /// The bits of the beginnings a text must hold to say it ([`Beginnings`]).
    needs: u128,
}

impl Phrase {
    fn new(analyzer: &Analyzer, phrase: &str) -> Phrase {
        let words = tokens(phrase).filter(|token| !token.compound);
        let (stems, beginnings) = words
            .map(|token| {
                let (word, stem) = (key(token.text), analyzer.stem(token.text));
                let common = word.chars().zip(stem.chars()).take_while(|(a, b)| a == b).count();
                (stem, word.chars().take(common).collect())
            })
            .unzip();
        Phrase { stems, beginnings, needs: 0 }
    }
}

/// The beginnings of the signs' words, found in one pass over a text: a text without every
/// beginning some phrase needs cannot say a sign, and is never stemmed. The rule reads every
/// item of every topic, and almost none says a sign.
#[derive(Debug, Default)]
struct Beginnings {
    /// Finds every beginning looked for, in lower case, with a capital first letter or in
    /// capitals. None holds another, and all are letters and digits, so no match can hide one
    /// at a word's start: a match lies within one word, and one starting where another does
    /// would hold it.
    finder: Option<AhoCorasick>,
}

/// `word` with its first letter a capital.
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Beginnings shorter than this are in almost every text ("to", "of"): they narrow nothing,
/// so a phrase does not need them to be looked at (its stems still must all match).
const SHORTEST_BEGINNING: usize = 3;

impl Beginnings {
    /// The bit of beginning `index`; none past 128, where a phrase needs nothing more.
    fn bit(index: usize) -> u128 {
        if index < 128 { 1 << index } else { 0 }
    }

    /// The beginnings of every phrase of `signs`, each phrase told the bits it needs. A
    /// beginning that holds a shorter one is looked for as the shorter one: that only ever
    /// lets more text through.
    fn of(signs: &mut [Sign]) -> Beginnings {
        let mut all: Vec<&String> =
            signs.iter().flat_map(|sign| &sign.said_as).flat_map(|p| &p.beginnings).collect();
        all.retain(|b| b.chars().count() >= SHORTEST_BEGINNING);
        all.sort_by_key(|b| (b.len(), b.as_str()));
        all.dedup();
        let mut kept: Vec<String> = Vec::new();
        let mut looked_for = std::collections::HashMap::<String, usize>::new();
        for beginning in all {
            let index = kept.iter().position(|k| beginning.contains(k.as_str())).unwrap_or_else(|| {
                kept.push(beginning.clone());
                kept.len() - 1
            });
            looked_for.insert(beginning.clone(), index);
        }
        for phrase in signs.iter_mut().flat_map(|sign| &mut sign.said_as) {
            let bits = phrase.beginnings.iter().filter_map(|b| looked_for.get(b).copied());
            phrase.needs = bits.fold(0, |needs, index| needs | Beginnings::bit(index));
        }
        // Each as written in lower case, with a capital first letter, and in capitals; pattern
        // `3 * n + form` is beginning `n`.
        let forms = kept.iter().flat_map(|k| [k.clone(), capitalized(k), k.to_uppercase()]);
        Beginnings { finder: AhoCorasick::new(forms).ok() }
    }

    /// The bits of the beginnings `text` holds, accents aside, in lower case, with a capital
    /// first letter or in capitals.
    fn present(&self, text: &str) -> u128 {
        let Some(finder) = &self.finder else { return u128::MAX };
        // Accents off only where there are any: most text is ASCII.
        let text: Cow<'_, str> = if text.is_ascii() { Cow::Borrowed(text) } else { Cow::Owned(fold(text)) };
        let found = finder.find_iter(text.as_ref());
        found.fold(0, |bits, found| bits | Beginnings::bit(found.pattern().as_usize() / 3))
    }
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
        language: Lang::from(language),
        analyzer: Analyzer::for_language(language),
        emergency: Vec::new(),
        signs: Vec::new(),
        beginnings: Beginnings::default(),
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
        let said_as: Vec<Phrase> =
            entry.said_as.iter().map(|phrase| Phrase::new(&triage.analyzer, phrase)).collect();
        if entry.name.trim().is_empty() || said_as.is_empty() || said_as.iter().any(|p| p.stems.is_empty()) {
            let message = "a sign needs a `name` and words in each of its `said_as`".to_owned();
            problems.push(error(span, message, "write `said_as = [\"chest pain\", \"pain in the chest\"]`"));
            continue;
        }
        triage.signs.push(Sign { name: entry.name, said_as });
    }
    triage.beginnings = Beginnings::of(&mut triage.signs);
    (triage, problems)
}

impl Triage {
    /// The first sign that a sentence of `text` says, if any.
    pub fn sign_in(&self, text: &str) -> Option<&Sign> {
        let present = self.beginnings.present(text);
        let may_say = |sign: &&Sign| sign.said_as.iter().any(|phrase| phrase.needs & present == phrase.needs);
        let candidates: Vec<&Sign> = self.signs.iter().filter(may_say).collect();
        if candidates.is_empty() {
            return None;
        }
        sentences(text).find_map(|sentence| {
            let words: HashSet<String> = stems(&self.analyzer, sentence).into_iter().collect();
            let says = |sign: &&&Sign| sign.said_as.iter().any(|phrase| holds_all(&words, &phrase.stems));
            candidates.iter().find(says).copied()
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
            // Paths are made only for a finding: the rule reads every item of every topic.
            let values = std::iter::once((None, &*section.intro))
                .chain(section.items.iter().enumerate().map(|(i, item)| (Some(i), item)));
            for (item, text) in values {
                if let Some(sign) = self.sign_in(text).filter(|_| !self.says_emergency(text)) {
                    let at = root.key("sections").index(n);
                    let path = item.map_or_else(|| at.key("intro"), |i| at.key("items").index(i));
                    let place = format!("the `{}` section", section.kind.name());
                    findings.push(self.misplaced(path, sign, &place));
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
        for (n, check) in topic.teach_back.iter().enumerate() {
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
        // Whatever the case: the quick pass over the text lets every form through.
        assert_eq!(found("NEW WEAKNESS IN THE LEGS"), Some("new weakness or numbness in the legs"));
        assert_eq!(found("Legs: weakness."), None, "two sentences");
        assert_eq!(found("Bladder? It is hard to control at night."), None, "two sentences");
    }

    /// The sign a sentence says, every sentence stemmed: what `sign_in` finds, without its quick
    /// pass over the text.
    fn sign_by_stems<'t>(triage: &'t Triage, text: &str) -> Option<&'t Sign> {
        sentences(text).find_map(|sentence| {
            let words: HashSet<String> = stems(&triage.analyzer, sentence).into_iter().collect();
            triage
                .signs
                .iter()
                .find(|sign| sign.said_as.iter().any(|phrase| holds_all(&words, &phrase.stems)))
        })
    }

    proptest::proptest! {
        /// The quick pass never lets a sign through unread: any words, any case, any accents.
        #[test]
        fn the_quick_pass_hides_no_sign(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "weak", "Weakness", "LEGS", "leg", "numb", "numbness", "control", "Controlling",
                "bladder", "bowels", "BOWEL", "hold", "urine", "trouble", "breathing", "Breathe",
                "hard", "to", "short", "of", "breath", "chest", "CHEST", "pain", "in", "your",
                "cannot", "move", "movements", "é", "très", ".", ",", "911",
            ]), 0..12),
        ) {
            let triage = english_full();
            let text = words.join(" ");
            let quick = triage.sign_in(&text).map(|sign| sign.name.clone());
            let slow = sign_by_stems(&triage, &text).map(|sign| sign.name.clone());
            proptest::prop_assert_eq!(quick, slow, "{}", text);
        }
    }

    fn english_full() -> Triage {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/triage/en.toml"))
                .expect("the bundled triage file");
        read_triage("triage/en.toml", "en", &text).0
    }

    #[test]
    fn spanish_signs_are_found_with_or_without_accents() {
        let text = "emergency = [\"911\"]\n\n[[sign]]\nname = \"debilidad\"\nsaid_as = [\"piernas débiles\", \"aguantar la orina\"]\n";
        let (triage, problems) = read_triage("triage/es.toml", "es", text);
        assert!(problems.is_empty(), "{problems:?}");
        for said in [
            "Siente las piernas débiles.",
            "PIERNAS DEBILES",
            "No puede aguantar la orina.",
            "Aguanta la orina",
        ] {
            assert!(triage.sign_in(said).is_some(), "{said}");
        }
        assert!(triage.sign_in("Le duelen las piernas.").is_none());
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
