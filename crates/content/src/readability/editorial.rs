//! The checks `validate` adds for content editors: readability, overdue reviews, and which
//! topics a kiosk that shows only reviewed topics would hide.

use jiff::civil::Date;

use super::topic_readability;
use crate::i18n::Catalog;
use crate::{FieldPath, Finding, Topic};

/// Below this many sentences, a high SMOG grade is reported only if Flesch-Kincaid agrees.
pub const MIN_SENTENCES_FOR_SMOG_ALONE: usize = 3;

/// Parts with fewer words are graded in the table but never reported.
pub const MIN_WORDS_GRADED: usize = 10;

/// What the editorial checks hold content to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EditorialRules {
    /// The highest SMOG grade patient text in English may read at.
    pub max_grade: f64,
    /// The lowest Fernández-Huerta ease patient text in Spanish may have.
    pub min_spanish_ease: f64,
    /// The day reviews are judged against.
    pub today: Date,
    /// Whether the kiosk shows patients only reviewed, current topics.
    pub reviewed_only: bool,
}

/// "; its hardest sentence: …", when the part has one worth rewriting.
fn hardest(part: &super::PartReadability) -> String {
    part.hardest_sentence
        .as_ref()
        .map_or_else(String::new, |sentence| format!("; its hardest sentence: \"{sentence}\""))
}

/// The editorial findings for `topic`.
pub fn editorial_findings(topic: &Topic, rules: &EditorialRules, catalog: &Catalog) -> Vec<Finding> {
    let mut findings = Vec::new();
    for part in topic_readability(topic, catalog).unwrap_or_default() {
        if let Some(ease) = part.ease.filter(|ease| *ease < rules.min_spanish_ease) {
            // As for SMOG, a few words or a line or two say too little to judge by.
            let short = part.counts.sentences < MIN_SENTENCES_FOR_SMOG_ALONE;
            if part.counts.words < MIN_WORDS_GRADED || (short && ease >= rules.min_spanish_ease - 10.0) {
                continue;
            }
            let message = format!(
                "`{}` has a Fernández-Huerta reading ease of {ease:.0}, below {}{}",
                part.name,
                rules.min_spanish_ease,
                hardest(&part)
            );
            let hint = "use shorter sentences and shorter, everyday words where you can";
            findings.push(Finding::warning(part.path.clone(), "readability", message).hint(hint));
            continue;
        }
        let Some(smog) = part.smog.filter(|smog| *smog > rules.max_grade) else { continue };
        // SMOG scales every text to 30 sentences, so one long word in a one-line answer reads
        // as hard; under three sentences, Flesch-Kincaid must agree before it is reported.
        // A few words ("Infection.") have no reading grade worth the name.
        let short = part.counts.sentences < MIN_SENTENCES_FOR_SMOG_ALONE;
        if part.counts.words < MIN_WORDS_GRADED
            || (short && part.flesch_kincaid.is_none_or(|grade| grade <= rules.max_grade))
        {
            continue;
        }
        let message = format!(
            "`{}` reads at SMOG grade {smog:.1}, above {}{}",
            part.name,
            rules.max_grade,
            hardest(&part)
        );
        let hint = "use shorter sentences and words of one or two syllables where you can";
        findings.push(Finding::warning(part.path.clone(), "readability", message).hint(hint));
    }
    let next_review = FieldPath::root().key("review").key("next_review");
    if let Some(due) = topic.review.next_review.filter(|_| topic.review_overdue(rules.today)) {
        let message = format!("the review was due on {due}; the topic needs a clinician's review");
        let hint = "review it, then set `reviewed_on` and a new `next_review`";
        findings.push(Finding::warning(next_review.clone(), "review-overdue", message).hint(hint));
    }
    if rules.reviewed_only && !topic.reviewed_and_current(rules.today) {
        let why = if topic.is_draft() { "it is a draft" } else { "its review is overdue" };
        let message =
            format!("patients will not see this topic: {why}, and the kiosk shows only reviewed topics");
        let path = if topic.is_draft() { FieldPath::root().key("review").key("status") } else { next_review };
        findings.push(
            Finding::warning(path, "hidden", message)
                .hint("`content.show = \"reviewed\"` in the configuration"),
        );
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spanish_topic(summary: &str) -> Topic {
        let text = format!(
            "id = \"t\"\nlanguage = \"es\"\ntitle = \"T\"\nsummary = \"{summary}\"\n[review]\nstatus = \"draft\"\n"
        );
        toml::from_str(&text).expect("a topic")
    }

    fn rules() -> EditorialRules {
        EditorialRules {
            max_grade: 8.0,
            min_spanish_ease: crate::readability::DEFAULT_MIN_SPANISH_EASE,
            today: jiff::civil::date(2026, 11, 28),
            reviewed_only: false,
        }
    }

    #[test]
    fn spanish_text_is_judged_by_its_own_formula_and_threshold() {
        let catalog = Catalog::english();
        let plain = spanish_topic("El hueso se rompe. El dolor es fuerte. Usted va a casa el mismo día.");
        assert!(editorial_findings(&plain, &rules(), &catalog).is_empty());
        let dense = spanish_topic(
            "La vertebroplastia percutánea constituye una intervención terapéutica mínimamente invasiva \
             indicada principalmente para fracturas vertebrales osteoporóticas dolorosas refractarias. \
             Su administración requiere evaluación radiológica exhaustiva, consentimiento informado \
             documentado y valoración anestesiológica individualizada. Las complicaciones postoperatorias \
             comprenden extravasación cementaria paravertebral y embolización pulmonar asintomática.",
        );
        let findings = editorial_findings(&dense, &rules(), &catalog);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(findings[0].message.contains("Fernández-Huerta"), "{}", findings[0].message);
    }
}
