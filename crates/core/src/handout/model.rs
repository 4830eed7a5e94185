//! What a handout holds, in reading order, whatever its format.

use kiosk_content::Lang;
use kiosk_content::i18n::{Catalog, Msg};
use std::collections::BTreeSet;

use kiosk_content::{Items, ReviewStatus, SectionKind, Topic};

/// A topic as a printed handout: everything a patient may see, nothing staff-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handout {
    /// The language the handout is written in.
    pub language: Lang,
    /// "Patient education from Riverside Spine Clinic", or the kiosk's name.
    pub from: String,
    /// The topic's title.
    pub title: String,
    /// The topic's subtitle.
    pub subtitle: String,
    /// "Draft: not yet reviewed by a clinician." or "Reviewed by … on …."
    pub review: String,
    /// "Next review due …", if set.
    pub next_review: Option<String>,
    /// Whether the topic is a draft.
    pub draft: bool,
    /// The sections, the overview (with the summary) first.
    pub sections: Vec<HandoutSection>,
    /// The heading of the questions.
    pub faq_title: String,
    /// The questions and their answers.
    pub faq: Vec<(String, String)>,
    /// The heading of the sources, and the line under it.
    pub sources_title: String,
    /// What introduces the sources.
    pub sources_intro: String,
    /// The sources: title, and address if online.
    pub sources: Vec<(String, Option<String>)>,
    /// The topic's web address, with its headings.
    pub online: Option<Online>,
    /// Whether this is the one-page take-home rather than the full handout.
    pub summary: bool,
}

/// The topic's web address on a handout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Online {
    /// "Read this page online".
    pub title: String,
    /// How to use the code.
    pub hint: String,
    /// The address.
    pub url: String,
}

/// One section of a handout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoutSection {
    /// What the section is about.
    pub kind: SectionKind,
    /// The heading, as written: [`HandoutSection::heading`] marks an urgent one.
    pub title: String,
    /// Paragraphs before the items.
    pub paragraphs: Vec<String>,
    /// The items.
    pub items: Vec<String>,
    /// For a checklist (the questions to ask), whether each item is ticked; empty otherwise.
    pub ticks: Vec<bool>,
    /// Whether the items are numbered steps.
    pub steps: bool,
    /// Whether its signs cannot wait (call 911): its heading is marked, and HTML boxes it.
    pub urgent: bool,
}

impl HandoutSection {
    /// The heading as plain text shows it: "! Call 911 right away if" for an urgent section.
    pub fn heading(&self) -> String {
        if self.urgent { crate::wording::urgent_mark(&self.title) } else { self.title.clone() }
    }

    /// Item `n` as plain text shows it: with its box, "[x] " or "[ ] ", in a checklist.
    pub fn item_text(&self, n: usize) -> String {
        match self.ticks.get(n) {
            Some(true) => format!("[x] {}", self.items[n]),
            Some(false) => format!("[ ] {}", self.items[n]),
            None => self.items[n].clone(),
        }
    }
}

impl Handout {
    /// The handout of `topic`, with interface words from `catalog` and the clinic's name.
    pub fn new(topic: &Topic, catalog: &Catalog, clinic_name: &str) -> Handout {
        Handout::for_reader(topic, catalog, clinic_name, &BTreeSet::new())
    }

    /// The handout of `topic` for a reader who ticked the questions `ticked` ((section, item)):
    /// those print first, and every question has a box to tick by hand.
    pub fn for_reader(
        topic: &Topic,
        catalog: &Catalog,
        clinic_name: &str,
        ticked: &BTreeSet<(usize, usize)>,
    ) -> Handout {
        let from = match clinic_name {
            "" => catalog.text(Msg::AppTitle).to_owned(),
            clinic => catalog.format(Msg::HandoutFrom, &[("clinic", clinic)]),
        };
        let review = &topic.review;
        let review_line = if topic.is_draft() {
            catalog.text(Msg::ReviewDraft).to_owned()
        } else {
            let date = review.reviewed_on.map(|d| d.to_string()).unwrap_or_default();
            catalog.format(Msg::ReviewedBy, &[("name", &review.reviewed_by), ("date", &date)])
        };
        // A translation not yet checked by a medical translator says so next to the review.
        let review_line = match review.translation {
            Some(ReviewStatus::Draft) => format!("{review_line} {}.", catalog.text(Msg::TranslationDraft)),
            _ => review_line,
        };
        let next_review =
            review.next_review.map(|d| catalog.format(Msg::NextReview, &[("date", &d.to_string())]));

        let mut overview = HandoutSection {
            kind: SectionKind::Overview,
            title: catalog.text(Msg::section_title(SectionKind::Overview)).to_owned(),
            paragraphs: paragraphs(&topic.summary),
            items: Vec::new(),
            ticks: Vec::new(),
            steps: false,
            urgent: false,
        };
        let mut others: Vec<(SectionKind, HandoutSection)> = Vec::new();
        for (index, section) in topic.sections.iter().enumerate() {
            if !section.for_patients() {
                continue;
            }
            if section.kind == SectionKind::Overview {
                overview.paragraphs.extend(paragraphs(&section.intro));
                overview.items.extend(section.items.iter().map(str::to_owned));
                continue;
            }
            let title = section
                .title
                .as_deref()
                .unwrap_or_else(|| catalog.text(Msg::section_title(section.kind)))
                .to_owned();
            let (items, ticks) = if section.kind == SectionKind::Questions {
                checklist(&section.items, |item| ticked.contains(&(index, item)))
            } else {
                (section.items.iter().map(str::to_owned).collect(), Vec::new())
            };
            let body = HandoutSection {
                kind: section.kind,
                title,
                paragraphs: paragraphs(&section.intro),
                items,
                ticks,
                steps: section.steps,
                urgent: section.kind.is_urgent(),
            };
            others.push((section.kind, body));
        }
        others.sort_by_key(|(kind, _)| *kind);
        let mut sections = vec![overview];
        sections.extend(others.into_iter().map(|(_, section)| section));

        Handout {
            language: topic.language.clone(),
            from,
            title: topic.title.clone(),
            subtitle: topic.subtitle.clone(),
            review: review_line,
            next_review,
            draft: topic.is_draft(),
            sections,
            faq_title: catalog.text(Msg::PageFaq).to_owned(),
            faq: topic.faq.iter().map(|e| (e.question.clone(), e.answer.clone())).collect(),
            sources_title: catalog.text(Msg::PageSources).to_owned(),
            sources_intro: catalog.text(Msg::SourcesIntro).to_owned(),
            sources: topic
                .sources
                .iter()
                .filter(|s| s.shown_to(false))
                .map(|s| (crate::wording::source_title(s, catalog), s.url.clone()))
                .collect(),
            online: topic.url.as_ref().map(|url| Online {
                title: catalog.text(Msg::HandoutOnline).to_owned(),
                hint: catalog.text(Msg::HandoutScan).to_owned(),
                url: url.clone(),
            }),
            summary: false,
        }
    }

    /// The one-page take-home of `topic` for this reader: what it is (the summary), what to
    /// do — for a procedure getting ready, call 911, after the procedure; for a condition call
    /// 911, care at home, prevention — then call your care team with its phone number (or a
    /// line to write it on), the questions they ticked, the review line and the QR code. The
    /// full handout has the rest.
    pub fn summary_for_reader(
        topic: &Topic,
        catalog: &Catalog,
        clinic_name: &str,
        care_team_phone: Option<&str>,
        ticked: &BTreeSet<(usize, usize)>,
    ) -> Handout {
        let full = Handout::for_reader(topic, catalog, clinic_name, ticked);
        let about_a_procedure = topic.sections.iter().any(|section| section.kind == SectionKind::Procedure);
        let kept: &[SectionKind] = if about_a_procedure {
            &[
                SectionKind::Preparation,
                SectionKind::Emergency,
                SectionKind::Recovery,
                SectionKind::WarningSigns,
                SectionKind::Questions,
            ]
        } else {
            &[
                SectionKind::Emergency,
                SectionKind::HomeCare,
                SectionKind::Prevention,
                SectionKind::WarningSigns,
                SectionKind::Questions,
            ]
        };
        let mut sections: Vec<HandoutSection> = full
            .sections
            .into_iter()
            .filter(|section| section.kind == SectionKind::Overview || kept.contains(&section.kind))
            .map(|mut section| {
                if section.kind == SectionKind::Overview {
                    section.paragraphs = paragraphs(&topic.summary);
                    section.items.clear();
                }
                if section.kind == SectionKind::WarningSigns {
                    // Where to call after hours too: a reader takes this page home.
                    let phone = care_team_phone.unwrap_or(PHONE_BLANK);
                    section.paragraphs.insert(0, catalog.format(Msg::HandoutPhone, &[("phone", phone)]));
                }
                if section.kind == SectionKind::Questions {
                    // Only what this reader chose to ask; none ticked, none printed.
                    let ticked = section.ticks.iter().filter(|&&ticked| ticked).count();
                    section.items.truncate(ticked);
                    section.ticks.truncate(ticked);
                    section.paragraphs.clear();
                }
                section
            })
            .collect();
        sections.retain(|section| !section.items.is_empty() || !section.paragraphs.is_empty());
        Handout { sections, faq: Vec::new(), sources: Vec::new(), summary: true, ..full }
    }
}

/// Where a reader writes the care team's number when the clinic has not configured one.
const PHONE_BLANK: &str = "____________________";

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Questions with a box each, the ticked ones first; and whether each is ticked.
fn checklist(items: &Items, is_ticked: impl Fn(usize) -> bool) -> (Vec<String>, Vec<bool>) {
    let (ticked, open): (Vec<_>, Vec<_>) = items.iter().enumerate().partition(|(n, _)| is_ticked(*n));
    let ticks = ticked.iter().map(|_| true).chain(open.iter().map(|_| false)).collect();
    (ticked.into_iter().chain(open).map(|(_, item)| item.to_owned()).collect(), ticks)
}
