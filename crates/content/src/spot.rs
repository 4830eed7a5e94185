//! Where a piece of text sits in a topic, so a search hit can be shown in place.

/// A place in a topic's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Spot {
    /// The title.
    Title,
    /// The subtitle.
    Subtitle,
    /// A keyword, by its place in `keywords`.
    Keyword(usize),
    /// The summary.
    Summary,
    /// A section's intro, by the section's place in `sections`.
    Intro(usize),
    /// A section's item: the section's place, then the item's.
    Item(usize, usize),
    /// A FAQ question, by the entry's place in `faq`.
    Question(usize),
    /// A FAQ answer, by the entry's place in `faq`.
    Answer(usize),
    /// A code, by its place in `codes`.
    Code(usize),
}

impl Spot {
    /// The FAQ entry this spot belongs to, if any.
    pub fn faq_entry(self) -> Option<usize> {
        match self {
            Spot::Question(entry) | Spot::Answer(entry) => Some(entry),
            _ => None,
        }
    }
}

/// The page of a topic that shows a spot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpotPage {
    /// The first page: the summary and the overview sections.
    Overview,
    /// A section's own page, by the section's place in `sections`.
    Section(usize),
    /// The frequently asked questions.
    Faq,
    /// The staff page of codes and billing sections.
    Codes,
}

impl super::Topic {
    /// The page that shows the text at `spot`.
    pub fn page_of(&self, spot: Spot) -> SpotPage {
        use super::SectionKind;
        match spot {
            Spot::Title | Spot::Subtitle | Spot::Keyword(_) | Spot::Summary => SpotPage::Overview,
            Spot::Intro(section) | Spot::Item(section, _) => match self.sections.get(section).map(|s| s.kind)
            {
                Some(SectionKind::Billing) => SpotPage::Codes,
                Some(SectionKind::Overview) | None => SpotPage::Overview,
                Some(_) => SpotPage::Section(section),
            },
            Spot::Question(_) | Spot::Answer(_) => SpotPage::Faq,
            Spot::Code(_) => SpotPage::Codes,
        }
    }
}
