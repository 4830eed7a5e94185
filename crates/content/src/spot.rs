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
    /// Another name of the topic, by its place in `also_called`.
    AlsoCalled(usize),
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
    /// A check-your-understanding answer: the check's place in `checks`, then the answer's.
    TeachBackAnswer(usize, usize),
    /// The way from a check to the page that says it, by the check's place.
    TeachBackLink(usize),
    /// A related topic, by its place in `related`.
    Related(usize),
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

/// One page of a topic, as the kiosk shows it and search points to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    /// The first page: the summary, then every `overview` section.
    Overview,
    /// A section's own page, by the section's place in `sections`.
    Section(usize),
    /// Staff only: the codes and every billing section.
    Codes,
    /// The frequently asked questions.
    Faq,
    /// Check your understanding, before the sources.
    TeachBack,
    /// Related topics to read next, before the sources.
    Related,
    /// The review status and the sources.
    Sources,
}

/// A page as named on the command line (`--section`): a section kind, or a page a topic may
/// have besides its sections. The one table of names the kiosk's start, `show` and the help
/// read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageName {
    /// A kind of section (`complications`, `questions`: the checklist).
    Section(super::SectionKind),
    /// The frequently asked questions.
    Faq,
    /// Check your understanding.
    TeachBack,
    /// Related topics.
    Related,
    /// The review status and the sources.
    Sources,
    /// Staff only: the codes and billing.
    Codes,
}

impl PageName {
    /// The pages named besides the section kinds.
    const PAGES: [(&'static str, PageName); 5] = [
        ("faq", PageName::Faq),
        ("checks", PageName::TeachBack),
        ("related", PageName::Related),
        ("sources", PageName::Sources),
        ("codes", PageName::Codes),
    ];

    /// The page `name` names, if any.
    pub fn from_name(name: &str) -> Option<PageName> {
        super::SectionKind::from_name(name)
            .map(PageName::Section)
            .or_else(|| PageName::PAGES.iter().find(|(page, _)| *page == name).map(|(_, page)| *page))
    }

    /// Every name, the section kinds first.
    pub fn names() -> Vec<&'static str> {
        let kinds = super::SectionKind::ALL.iter().map(|kind| kind.name());
        kinds.chain(PageName::PAGES.iter().map(|(name, _)| *name)).collect()
    }
}

impl super::Topic {
    /// The page that shows the text at `spot`.
    pub fn page_of(&self, spot: Spot) -> Page {
        use super::SectionKind;
        match spot {
            Spot::Title | Spot::Subtitle | Spot::Keyword(_) | Spot::AlsoCalled(_) | Spot::Summary => {
                Page::Overview
            }
            Spot::Intro(section) | Spot::Item(section, _) => match self.sections.get(section).map(|s| s.kind)
            {
                Some(SectionKind::Billing) => Page::Codes,
                Some(SectionKind::Overview) | None => Page::Overview,
                Some(_) => Page::Section(section),
            },
            Spot::Question(_) | Spot::Answer(_) => Page::Faq,
            Spot::Code(_) => Page::Codes,
            Spot::TeachBackAnswer(..) | Spot::TeachBackLink(_) => Page::TeachBack,
            Spot::Related(_) => Page::Related,
        }
    }
}
