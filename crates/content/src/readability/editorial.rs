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
    /// The highest SMOG grade patient text may read at.
    pub max_grade: f64,
    /// The day reviews are judged against.
    pub today: Date,
    /// Whether the kiosk shows patients only reviewed, current topics.
    pub reviewed_only: bool,
}

/// The editorial findings for `topic`.
pub fn editorial_findings(topic: &Topic, rules: &EditorialRules, catalog: &Catalog) -> Vec<Finding> {
    let mut findings = Vec::new();
    for part in topic_readability(topic, catalog).unwrap_or_default() {
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
        let hardest = part.hardest_sentence.as_deref().unwrap_or_default();
        let message = format!(
            "`{}` reads at SMOG grade {smog:.1}, above {}; its hardest sentence: \"{hardest}\"",
            part.name, rules.max_grade
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
