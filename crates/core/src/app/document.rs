//! A page laid out as lines of a given width. Wrapping happens here, not in the drawing, so
//! `update` knows exactly how far a page scrolls and where each FAQ question sits.

use unicode_width::UnicodeWidthStr;

use kiosk_content::i18n::{Catalog, Msg};
use kiosk_content::{Section, SectionKind, Spot, Topic};

use super::pages::{is_urgent, page_title};
use crate::wording::{source_title, urgent_mark};
use kiosk_content::Page;

/// What a piece of text is, so the theme can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The page's heading.
    Heading,
    /// Ordinary text.
    Text,
    /// A bullet or step number in front of an item.
    Marker,
    /// A FAQ question.
    Question,
    /// Quieter text: instructions, web addresses.
    Quiet,
    /// The draft notice and other warnings.
    Warning,
    /// The heading of the page that says when to call 911.
    Emergency,
}

/// A run of text in one role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The text.
    pub text: String,
    /// What it is.
    pub role: Role,
}

/// One screen line of a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageLine {
    /// The runs, left to right.
    pub runs: Vec<Run>,
    /// The text this line shows, if it comes from the topic: search hits scroll to it, and a
    /// click on a FAQ question or answer opens or closes that entry.
    pub spot: Option<Spot>,
}

impl PageLine {
    fn blank() -> PageLine {
        PageLine::default()
    }

    /// The FAQ entry this line belongs to, if any.
    pub fn faq(&self) -> Option<usize> {
        self.spot.and_then(Spot::faq_entry)
    }

    /// The line's text, runs joined.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// What a page needs besides the topic to be laid out.
#[derive(Debug, Clone, Copy)]
pub struct PageView<'a> {
    /// The page.
    pub page: Page,
    /// Which FAQ answers are open, by entry.
    pub faq_open: &'a [bool],
    /// Whether staff-only sources are listed.
    pub staff: bool,
    /// Lines to show above the page, such as "This topic is not available in Spanish yet."
    pub notices: &'a [&'a str],
    /// The questions the reader ticked: (section, item).
    pub ticked: &'a std::collections::BTreeSet<(usize, usize)>,
    /// The answer taken for each check, by the check's place.
    pub teach_back_answers: &'a std::collections::BTreeMap<usize, usize>,
    /// The related topics this reader can open.
    pub related: &'a [&'a Topic],
}

/// A page's lines at `width` columns.
pub fn layout_page(topic: &Topic, view: PageView<'_>, catalog: &Catalog, width: u16) -> Vec<PageLine> {
    let mut doc = Doc { lines: Vec::new(), width: usize::from(width).max(1) };
    for notice in view.notices {
        doc.paragraph(notice, Role::Warning, None);
        doc.lines.push(PageLine::blank());
    }
    let heading_spot = match view.page {
        Page::Section(index) => Some(Spot::Intro(index)),
        _ => None,
    };
    if is_urgent(topic, view.page) {
        doc.paragraph(&urgent_mark(page_title(topic, view.page, catalog)), Role::Emergency, heading_spot);
    } else {
        doc.paragraph(page_title(topic, view.page, catalog), Role::Heading, heading_spot);
    }
    doc.lines.push(PageLine::blank());
    let sections_of =
        |kind: SectionKind| topic.sections.iter().enumerate().filter(move |(_, s)| s.kind == kind);
    match view.page {
        Page::Overview => {
            if !topic.also_called.is_empty() {
                let names = topic.also_called.join(", ");
                let line = catalog.format(Msg::AlsoCalled, &[("names", names.as_str())]);
                doc.paragraph(&line, Role::Quiet, Some(Spot::AlsoCalled(0)));
                doc.lines.push(PageLine::blank());
            }
            doc.paragraphs(&topic.summary, Spot::Summary);
            for (index, section) in sections_of(SectionKind::Overview) {
                doc.section_body(index, section);
            }
        }
        Page::Section(index) if topic.sections[index].kind == SectionKind::Questions => {
            doc.paragraph(catalog.text(Msg::QuestionsInstructions), Role::Quiet, None);
            doc.lines.push(PageLine::blank());
            doc.checklist(index, &topic.sections[index], view.ticked);
        }
        Page::Section(index) => doc.section_body(index, &topic.sections[index]),
        Page::Codes => {
            doc.paragraph(catalog.text(Msg::CodesIntro), Role::Quiet, None);
            doc.lines.push(PageLine::blank());
            for (index, code) in topic.codes.iter().enumerate() {
                let item = format!("{} {} — {}", code.system.name(), code.code, code.label);
                doc.item("•", &item, Role::Text, Some(Spot::Code(index)));
            }
            doc.lines.push(PageLine::blank());
            for (index, section) in sections_of(SectionKind::Billing) {
                doc.section_body(index, section);
            }
        }
        Page::Faq => {
            doc.paragraph(catalog.text(Msg::FaqInstructions), Role::Quiet, None);
            doc.lines.push(PageLine::blank());
            for (index, entry) in topic.faq.iter().enumerate() {
                let open = view.faq_open.get(index).copied().unwrap_or(false);
                // `+` opens, `-` closes; the space before it is where the screen marks the
                // chosen question with ▶, so ▶ means "chosen" here as in every list.
                let marker = if open { "  -" } else { "  +" };
                doc.item(marker, &entry.question, Role::Question, Some(Spot::Question(index)));
                if open {
                    doc.indented_as(&entry.answer, 2, Role::Text, Some(Spot::Answer(index)));
                }
                doc.lines.push(PageLine::blank());
            }
        }
        Page::TeachBack => {
            doc.paragraph(catalog.text(Msg::TeachBackInstructions), Role::Quiet, None);
            doc.lines.push(PageLine::blank());
            for (q, check) in topic.teach_back.iter().enumerate() {
                doc.item(&format!("{}.", q + 1), &check.question, Role::Text, None);
                let taken = view.teach_back_answers.get(&q).copied();
                for (a, answer) in check.answers.iter().enumerate() {
                    let marker = if taken == Some(a) { "   (x)" } else { "   ( )" };
                    doc.item(marker, answer, Role::Question, Some(Spot::TeachBackAnswer(q, a)));
                }
                if taken.is_some() {
                    let says = catalog.format(Msg::TeachBackSays, &[("explain", check.explain.as_str())]);
                    doc.indented_as(&says, 7, Role::Text, None);
                }
                if taken.is_some_and(|a| a + 1 != check.right) {
                    let page = check_page_label(topic, &check.page, catalog);
                    let go = catalog.format(Msg::TeachBackGoTo, &[("page", page)]);
                    doc.item("      >", &go, Role::Question, Some(Spot::TeachBackLink(q)));
                }
                doc.lines.push(PageLine::blank());
            }
        }
        Page::Related => {
            doc.paragraph(catalog.text(Msg::RelatedInstructions), Role::Quiet, None);
            doc.lines.push(PageLine::blank());
            for (n, related) in view.related.iter().enumerate() {
                doc.item("  >", &related.title, Role::Question, Some(Spot::Related(n)));
                if !related.subtitle.is_empty() {
                    doc.indented_as(&related.subtitle, 4, Role::Quiet, Some(Spot::Related(n)));
                }
                doc.lines.push(PageLine::blank());
            }
        }
        Page::Sources => {
            let review = &topic.review;
            if topic.is_draft() {
                doc.paragraph(catalog.text(Msg::ReviewDraft), Role::Warning, None);
            } else {
                let date = review.reviewed_on.map(|d| d.to_string()).unwrap_or_default();
                let text = catalog.format(Msg::ReviewedBy, &[("name", &review.reviewed_by), ("date", &date)]);
                doc.paragraph(&text, Role::Text, None);
            }
            if let Some(next) = review.next_review {
                doc.paragraph(
                    &catalog.format(Msg::NextReview, &[("date", &next.to_string())]),
                    Role::Quiet,
                    None,
                );
            }
            doc.lines.push(PageLine::blank());
            doc.paragraph(catalog.text(Msg::SourcesIntro), Role::Text, None);
            doc.lines.push(PageLine::blank());
            for source in topic.sources.iter().filter(|s| s.shown_to(view.staff)) {
                doc.item("•", &source_title(source, catalog), Role::Text, None);
                if let Some(url) = &source.url {
                    doc.address(url, 2);
                }
                doc.lines.push(PageLine::blank());
            }
        }
    }
    while doc.lines.last().is_some_and(|l| l.runs.is_empty()) {
        doc.lines.pop();
    }
    doc.lines
}

struct Doc {
    lines: Vec<PageLine>,
    width: usize,
}

impl Doc {
    /// Text split into paragraphs at blank lines, with a blank line after each.
    fn paragraphs(&mut self, text: &str, spot: Spot) {
        for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
            self.paragraph(paragraph, Role::Text, Some(spot));
            self.lines.push(PageLine::blank());
        }
    }

    fn paragraph(&mut self, text: &str, role: Role, spot: Option<Spot>) {
        for line in wrap(text, self.width) {
            self.lines.push(PageLine { runs: vec![Run { text: line, role }], spot });
        }
    }

    fn section_body(&mut self, index: usize, section: &Section) {
        self.paragraphs(&section.intro, Spot::Intro(index));
        for (n, item) in section.items.iter().enumerate() {
            let marker = if section.steps { format!("{}.", n + 1) } else { "•".to_owned() };
            self.item(&marker, item, Role::Text, Some(Spot::Item(index, n)));
            self.lines.push(PageLine::blank());
        }
    }

    /// A questions section: its intro, then each question with a box, ticked or not. The
    /// space before the box is where the screen marks the chosen one with ▶.
    fn checklist(
        &mut self,
        index: usize,
        section: &Section,
        ticked: &std::collections::BTreeSet<(usize, usize)>,
    ) {
        self.paragraphs(&section.intro, Spot::Intro(index));
        for (n, item) in section.items.iter().enumerate() {
            let marker = if ticked.contains(&(index, n)) { " [x]" } else { " [ ]" };
            self.item(marker, item, Role::Question, Some(Spot::Item(index, n)));
            self.lines.push(PageLine::blank());
        }
    }

    /// A marker, then the text wrapped with a hanging indent under its first word.
    fn item(&mut self, marker: &str, text: &str, role: Role, spot: Option<Spot>) {
        let indent = marker.width() + 1;
        for (n, line) in wrap(text, self.width.saturating_sub(indent).max(1)).into_iter().enumerate() {
            let lead = if n == 0 { format!("{marker} ") } else { " ".repeat(indent) };
            let lead = Run { text: lead, role: Role::Marker };
            self.lines.push(PageLine { runs: vec![lead, Run { text: line, role }], spot });
        }
    }

    /// A web address, broken after a slash or a hyphen where it must be.
    fn address(&mut self, url: &str, indent: usize) {
        for line in super::address::address_lines(url, self.width.saturating_sub(indent).max(1)) {
            let lead = Run { text: " ".repeat(indent), role: Role::Text };
            self.lines.push(PageLine { runs: vec![lead, Run { text: line, role: Role::Quiet }], spot: None });
        }
    }

    fn indented_as(&mut self, text: &str, indent: usize, role: Role, spot: Option<Spot>) {
        for line in wrap(text, self.width.saturating_sub(indent).max(1)) {
            let lead = Run { text: " ".repeat(indent), role: Role::Text };
            self.lines.push(PageLine { runs: vec![lead, Run { text: line, role }], spot });
        }
    }
}

/// `text` wrapped to `width` columns (by display width, so wide characters count twice);
/// a word longer than a line is broken.
fn wrap(text: &str, width: usize) -> Vec<String> {
    textwrap::wrap(text, width).into_iter().map(std::borrow::Cow::into_owned).collect()
}

/// The name of the page a check points to, as the list of pages names it.
fn check_page_label<'a>(topic: &'a Topic, page: &str, catalog: &'a Catalog) -> &'a str {
    match SectionKind::from_name(page) {
        _ if page == "faq" => catalog.text(Msg::PageFaq),
        Some(kind) => catalog.text(Msg::section_label(kind)),
        None => page_title(topic, Page::Overview, catalog),
    }
}
