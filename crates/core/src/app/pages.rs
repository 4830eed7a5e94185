//! The pages of a topic, in reading order: the tabs a reader moves between.

use kiosk_content::i18n::{Catalog, Msg};
use kiosk_content::{Page, SectionKind, Topic};

/// The pages a reader can see, in order. Staff also see staff-only sections and the codes.
/// `related_shown`: whether any of the topic's related topics can be opened by this reader
/// (a related topic can be missing from the library, or hidden from patients).
pub fn pages(topic: &Topic, staff: bool, related_shown: bool) -> Vec<Page> {
    let mut sections: Vec<(SectionKind, usize)> = topic
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| !matches!(s.kind, SectionKind::Overview | SectionKind::Billing))
        .filter(|(_, s)| s.shown_to(staff))
        .map(|(index, s)| (s.kind, index))
        .collect();
    // A stable sort keeps sections of one kind (custom ones above all) in file order.
    sections.sort_by_key(|(kind, _)| *kind);

    let mut pages = vec![Page::Overview];
    pages.extend(sections.into_iter().map(|(_, index)| Page::Section(index)));
    let has_billing = topic.sections.iter().any(|s| s.kind == SectionKind::Billing);
    if staff && (has_billing || !topic.codes.is_empty()) {
        pages.push(Page::Codes);
    }
    if !topic.faq.is_empty() {
        pages.push(Page::Faq);
    }
    if !topic.teach_back.is_empty() {
        pages.push(Page::TeachBack);
    }
    if related_shown {
        pages.push(Page::Related);
    }
    pages.push(Page::Sources);
    pages
}

/// The page's short name, for the list of pages.
pub fn page_label<'a>(topic: &'a Topic, page: Page, catalog: &'a Catalog) -> &'a str {
    match page {
        Page::Overview => catalog.text(Msg::section_label(SectionKind::Overview)),
        Page::Section(index) => {
            let section = &topic.sections[index];
            match &section.title {
                Some(title) if section.kind == SectionKind::Custom => title,
                _ => catalog.text(Msg::section_label(section.kind)),
            }
        }
        Page::Codes => catalog.text(Msg::section_label(SectionKind::Billing)),
        Page::Faq => catalog.text(Msg::PageFaq),
        Page::TeachBack => catalog.text(Msg::PageTeachBackLabel),
        Page::Related => catalog.text(Msg::PageRelated),
        Page::Sources => catalog.text(Msg::PageSources),
    }
}

/// The page's full heading.
pub fn page_title<'a>(topic: &'a Topic, page: Page, catalog: &'a Catalog) -> &'a str {
    match page {
        Page::Overview => catalog.text(Msg::section_title(SectionKind::Overview)),
        Page::Section(index) => {
            let section = &topic.sections[index];
            section.title.as_deref().unwrap_or_else(|| catalog.text(Msg::section_title(section.kind)))
        }
        Page::Codes => catalog.text(Msg::PageCodes),
        Page::Faq => catalog.text(Msg::PageFaq),
        Page::TeachBack => catalog.text(Msg::PageTeachBack),
        Page::Related => catalog.text(Msg::PageRelated),
        Page::Sources => catalog.text(Msg::PageSources),
    }
}

/// Whether `page` holds signs that cannot wait (call 911): marked wherever it is listed or
/// printed, so it stands out without colour.
pub fn is_urgent(topic: &Topic, page: Page) -> bool {
    matches!(page, Page::Section(index) if topic.sections.get(index).is_some_and(|s| s.kind.is_urgent()))
}
