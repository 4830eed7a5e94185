//! The shape of a topic file. Content editors: every field below is a key you can write in
//! `<id>.<language>.toml`; `docs/content-format.md` has a complete example.

use serde::{Deserialize, Serialize};

use super::date::ReviewDate;
use super::items::Items;
use super::language::Lang;
use super::topic_id::TopicId;

/// One procedure, in one language: everything in one `<id>.<language>.toml` file.
///
/// Unknown keys are errors, so a misspelt key never silently hides text.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// The topic's name in file names and links; the same in every language.
    /// Lowercase letters, digits and `-`, e.g. `vertebroplasty`.
    pub id: TopicId,
    /// The language this file is written in, as a BCP 47 tag: `en`, `es`, `zh-Hant`.
    pub language: Lang,
    /// The procedure's name, as patients know it.
    pub title: String,
    /// A few words under the title that say what the procedure is.
    #[serde(default)]
    pub subtitle: String,
    /// One to three plain sentences, shown first on the topic's first page.
    pub summary: String,
    /// The group the topic is listed under, e.g. "Spine".
    #[serde(default)]
    pub category: String,
    /// Other words people search for: "bone cement", "compression fracture".
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Other names of the procedure, shown under its title ("Also called: …") and searched:
    /// "PVP", "bone cement injection".
    #[serde(default)]
    pub also_called: Vec<String>,
    /// Other topics to read next, by id: shown at the end of the topic and in its list of
    /// pages. An id no topic has is an error, and the link is left out.
    #[serde(default)]
    pub related: Vec<TopicId>,
    /// The online version of this topic, if there is one.
    #[serde(default)]
    pub url: Option<String>,
    /// Billing and diagnosis codes; shown to staff only.
    #[serde(default)]
    pub codes: Vec<Code>,
    /// Who checked this topic, and when it must be checked again.
    pub review: Review,
    /// Where the facts in this topic come from.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The topic's sections; shown in the fixed order of [`SectionKind`], whatever their order
    /// in the file.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Frequently asked questions, shown after the sections.
    #[serde(default)]
    pub faq: Vec<FaqEntry>,
    /// Check your understanding: questions a reader answers at the end of the topic, each
    /// pointing to the page that says it. Written `[[check]]`.
    #[serde(default, rename = "check")]
    pub teach_back: Vec<TeachBackQuestion>,
}

/// One check-your-understanding question (teach-back): never a score, only the page that
/// says it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TeachBackQuestion {
    /// The question.
    pub question: String,
    /// Two to four answers.
    pub answers: Vec<String>,
    /// Which answer is right, counted from 1.
    pub right: usize,
    /// One sentence that says why, as the page does.
    pub explain: String,
    /// The page that says it: a section kind of this topic, or `faq`.
    pub page: String,
}

/// A billing or diagnosis code, with a label in our own words.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    /// Which code set the code comes from.
    pub system: CodeSystem,
    /// The code itself, e.g. `22511`.
    pub code: String,
    /// A short plain-language label. Never copy the AMA's CPT descriptor text: it is copyrighted.
    pub label: String,
}

/// The code sets a [`Code`] can come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum CodeSystem {
    /// Current Procedural Terminology (procedures, United States).
    #[serde(rename = "CPT")]
    Cpt,
    /// Healthcare Common Procedure Coding System, level II.
    #[serde(rename = "HCPCS")]
    Hcpcs,
    /// International Classification of Diseases, 10th revision, Clinical Modification.
    #[serde(rename = "ICD-10-CM")]
    Icd10Cm,
    /// SNOMED Clinical Terms.
    #[serde(rename = "SNOMED-CT")]
    SnomedCt,
}

impl CodeSystem {
    /// The name content editors write in the file.
    pub fn name(self) -> &'static str {
        match self {
            CodeSystem::Cpt => "CPT",
            CodeSystem::Hcpcs => "HCPCS",
            CodeSystem::Icd10Cm => "ICD-10-CM",
            CodeSystem::SnomedCt => "SNOMED-CT",
        }
    }
}

/// The clinical review of a topic.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// `draft` until a clinician has reviewed the text; the kiosk shows drafts as drafts.
    pub status: ReviewStatus,
    /// Name and credential of the reviewing clinician, e.g. "Dana Lee, MD".
    #[serde(default)]
    pub reviewed_by: String,
    /// The day of the last review, as a TOML date: `2026-11-27`.
    #[serde(default)]
    pub reviewed_on: Option<ReviewDate>,
    /// The day by which the topic must be reviewed again.
    #[serde(default)]
    pub next_review: Option<ReviewDate>,
    /// For a translated topic: `draft` until a qualified medical translator has checked the
    /// translation; the kiosk says so on every page.
    #[serde(default)]
    pub translation: Option<ReviewStatus>,
}

/// Whether a clinician has reviewed a topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewStatus {
    /// Not yet reviewed: shown with "Draft: not yet reviewed by a clinician".
    Draft,
    /// Reviewed by the clinician named in `reviewed_by` on `reviewed_on`.
    Reviewed,
}

/// A source the topic's facts come from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The source's title, e.g. "Vertebroplasty — Mayo Clinic".
    pub title: String,
    /// Where to find it: a web address, or a DOI as `https://doi.org/…`.
    #[serde(default)]
    pub url: Option<String>,
    /// The language it is written in, when not the topic's own (`en` in a Spanish topic): its
    /// title stays as written, and readers are told the language.
    #[serde(default)]
    pub language: Option<Lang>,
    /// Who sees it listed: `staff` for sources only staff need, such as coding references.
    #[serde(default)]
    pub audience: Audience,
}

impl Source {
    /// Whether a reader sees this source: staff see every one (coding guides are for staff).
    pub fn shown_to(&self, staff: bool) -> bool {
        staff || self.audience == Audience::Everyone
    }
}

/// One section of a topic, e.g. its symptoms or its recovery.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// What the section is about; decides its place and its default title.
    pub kind: SectionKind,
    /// A title of your own; optional except for `custom` sections.
    #[serde(default)]
    pub title: Option<Box<str>>,
    /// A paragraph shown before the items. A blank line starts a new paragraph. (Boxed, as the
    /// title: a library holds hundreds of thousands of sections, 16 bytes less each.)
    #[serde(default)]
    pub intro: Box<str>,
    /// The section's points, one short sentence or two each.
    #[serde(default)]
    pub items: Items,
    /// `true` when the items are steps to follow in order: they are numbered.
    #[serde(default)]
    pub steps: bool,
    /// Who may see the section. Billing sections are always staff-only.
    #[serde(default)]
    pub audience: Option<Audience>,
}

impl Section {
    /// The audience the kiosk shows this section to: the one written, or the kind's default.
    pub fn effective_audience(&self) -> Audience {
        self.audience.unwrap_or(self.kind.default_audience())
    }

    /// Whether patients see this section: on screen, in search, in handouts, read aloud. The
    /// one place that rule is written; billing is never for patients, whatever a file says.
    pub fn for_patients(&self) -> bool {
        self.effective_audience() == Audience::Everyone && self.kind != SectionKind::Billing
    }

    /// Whether a reader sees this section: staff see every one.
    pub fn shown_to(&self, staff: bool) -> bool {
        staff || self.for_patients()
    }
}

/// Who may see a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    /// Patients and staff.
    #[default]
    Everyone,
    /// Staff only: hidden on a patient's screen.
    Staff,
}

/// The kinds of section, in the order the kiosk shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    /// What the procedure is and what it is for.
    Overview,
    /// When it is used: the conditions it treats.
    Indications,
    /// Reasons not to have it.
    Contraindications,
    /// Symptoms that lead people to it.
    Symptoms,
    /// Causes and risk factors of the condition.
    Causes,
    /// Tests: before a procedure, or that find a condition.
    Diagnosis,
    /// How the condition is treated: for topics about a condition rather than a procedure.
    Treatment,
    /// What happens during the procedure.
    Procedure,
    /// How to get ready.
    Preparation,
    /// When to call 911: shown first after the procedure, and on every handout.
    Emergency,
    /// Recovery and aftercare.
    Recovery,
    /// Care at home.
    HomeCare,
    /// When to call the care team.
    WarningSigns,
    /// Risks and possible complications.
    Complications,
    /// Follow-up visits.
    FollowUp,
    /// Other treatments.
    Alternatives,
    /// Preventing the condition or a new one.
    Prevention,
    /// Cost and insurance.
    Cost,
    /// Questions to ask your doctor: a checklist the reader ticks on screen, printed with the
    /// ticked ones first.
    Questions,
    /// Billing and coding; always staff-only.
    Billing,
    /// Anything else; needs a `title`.
    Custom,
}

impl SectionKind {
    /// Every kind, in display order.
    pub const ALL: [SectionKind; 21] = [
        SectionKind::Overview,
        SectionKind::Indications,
        SectionKind::Contraindications,
        SectionKind::Symptoms,
        SectionKind::Causes,
        SectionKind::Diagnosis,
        SectionKind::Treatment,
        SectionKind::Procedure,
        SectionKind::Preparation,
        SectionKind::Emergency,
        SectionKind::Recovery,
        SectionKind::HomeCare,
        SectionKind::WarningSigns,
        SectionKind::Complications,
        SectionKind::FollowUp,
        SectionKind::Alternatives,
        SectionKind::Prevention,
        SectionKind::Cost,
        SectionKind::Questions,
        SectionKind::Billing,
        SectionKind::Custom,
    ];

    /// Kinds every topic about a procedure (one with a `procedure` section) should have; a
    /// missing one is a validation warning.
    pub const EXPECTED_FOR_PROCEDURES: [SectionKind; 4] =
        [SectionKind::Symptoms, SectionKind::Preparation, SectionKind::Recovery, SectionKind::Complications];

    /// Kinds every topic about a condition (osteoporosis, a fracture) should have: there is
    /// nothing to get ready for or recover from.
    pub const EXPECTED_FOR_CONDITIONS: [SectionKind; 2] = [SectionKind::Symptoms, SectionKind::Complications];

    /// The name content editors write after `kind =`.
    pub fn name(self) -> &'static str {
        match self {
            SectionKind::Overview => "overview",
            SectionKind::Indications => "indications",
            SectionKind::Contraindications => "contraindications",
            SectionKind::Symptoms => "symptoms",
            SectionKind::Causes => "causes",
            SectionKind::Diagnosis => "diagnosis",
            SectionKind::Procedure => "procedure",
            SectionKind::Preparation => "preparation",
            SectionKind::Emergency => "emergency",
            SectionKind::Recovery => "recovery",
            SectionKind::HomeCare => "home-care",
            SectionKind::WarningSigns => "warning-signs",
            SectionKind::Complications => "complications",
            SectionKind::FollowUp => "follow-up",
            SectionKind::Alternatives => "alternatives",
            SectionKind::Treatment => "treatment",
            SectionKind::Prevention => "prevention",
            SectionKind::Cost => "cost",
            SectionKind::Questions => "questions",
            SectionKind::Billing => "billing",
            SectionKind::Custom => "custom",
        }
    }

    /// Looks a kind up by the name written in the file.
    pub fn from_name(name: &str) -> Option<SectionKind> {
        SectionKind::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// Whether its signs cannot wait: shown to everyone, marked wherever it is listed or
    /// printed.
    pub fn is_urgent(self) -> bool {
        self == SectionKind::Emergency
    }

    /// Who sees a section of this kind when the file does not say.
    pub fn default_audience(self) -> Audience {
        match self {
            SectionKind::Billing => Audience::Staff,
            _ => Audience::Everyone,
        }
    }
}

/// One frequently asked question and its answer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FaqEntry {
    /// The question, as a patient would ask it.
    pub question: String,
    /// The answer, in one short paragraph.
    pub answer: String,
}

impl Topic {
    /// The name its file must have in a content folder: `<id>.<language>.toml`.
    pub fn file_name(&self) -> String {
        format!("{}.{}.toml", self.id, self.language)
    }

    /// Whether a clinician has reviewed this topic.
    pub fn is_draft(&self) -> bool {
        self.review.status == ReviewStatus::Draft
    }

    /// Whether the topic's next review date has passed by `today`.
    pub fn review_overdue(&self, today: jiff::civil::Date) -> bool {
        self.review.next_review.is_some_and(|due| due.date() < today)
    }

    /// Whether a kiosk that shows patients only reviewed topics shows this one `today`.
    pub fn reviewed_and_current(&self, today: jiff::civil::Date) -> bool {
        !self.is_draft() && !self.review_overdue(today)
    }

    /// The topic without its pages (sections, answers, checks, sources): all a list of topics
    /// needs, as a names read gives it.
    pub fn head(&self) -> Topic {
        Topic {
            sections: Vec::new(),
            faq: Vec::new(),
            teach_back: Vec::new(),
            sources: Vec::new(),
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn billing_is_never_for_patients_whatever_a_file_says() {
        let section = |kind, audience| Section {
            kind,
            title: None,
            intro: Box::default(),
            items: Items::default(),
            steps: false,
            audience,
        };
        assert!(section(SectionKind::Symptoms, None).for_patients());
        assert!(!section(SectionKind::Symptoms, Some(Audience::Staff)).for_patients());
        assert!(!section(SectionKind::Billing, None).for_patients());
        assert!(!section(SectionKind::Billing, Some(Audience::Everyone)).for_patients());
        assert!(section(SectionKind::Billing, Some(Audience::Everyone)).shown_to(true));
    }
}
