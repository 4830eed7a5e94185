//! The topic as plain text for screen readers, braille displays and pipes: reading order, no
//! box drawing, no colour, no QR code, wrapped to the terminal's width.

use super::model::Handout;

/// Which part of the topic to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// All of it.
    All,
    /// One kind of section.
    Section(kiosk_content::SectionKind),
    /// The questions and answers.
    Faq,
    /// The review status and the sources.
    Sources,
}

/// `handout` (or one part of it) as plain text wrapped to `width` columns.
pub fn to_plain(handout: &Handout, part: Part, width: usize) -> String {
    let mut out = Plain { text: String::new(), width: width.max(20) };
    if part == Part::All {
        out.para(&handout.title);
        if !handout.subtitle.is_empty() {
            out.para(&handout.subtitle);
        }
        out.para(&handout.review);
    }
    for section in &handout.sections {
        if part == Part::All || part == Part::Section(section.kind) {
            out.para(&section.heading());
            for paragraph in &section.paragraphs {
                out.para(paragraph);
            }
            for n in 0..section.items.len() {
                let marker = if section.steps { format!("{}. ", n + 1) } else { "- ".to_owned() };
                out.item(&marker, &section.item_text(n));
            }
            out.text.push('\n');
        }
    }
    if matches!(part, Part::All | Part::Faq) && !handout.faq.is_empty() {
        out.para(&handout.faq_title);
        for (question, answer) in &handout.faq {
            out.para(question);
            out.para(answer);
        }
    }
    if matches!(part, Part::All | Part::Sources) {
        out.para(&handout.sources_title);
        if part == Part::Sources {
            out.para(&handout.review);
        }
        out.para(&handout.sources_intro);
        for (title, url) in &handout.sources {
            out.item("- ", title);
            if let Some(url) = url {
                out.item("  ", url);
            }
        }
        out.text.push('\n');
        if let Some(online) = &handout.online {
            out.para(&format!("{}: {}", online.title, online.url));
        }
    }
    out.text.trim_end().to_owned() + "\n"
}

struct Plain {
    text: String,
    width: usize,
}

impl Plain {
    fn para(&mut self, text: &str) {
        for line in textwrap::wrap(text, self.width) {
            self.text.push_str(&line);
            self.text.push('\n');
        }
        self.text.push('\n');
    }

    fn item(&mut self, marker: &str, text: &str) {
        let indent = " ".repeat(marker.chars().count());
        let options = textwrap::Options::new(self.width).initial_indent(marker).subsequent_indent(&indent);
        for line in textwrap::wrap(text, options) {
            self.text.push_str(&line);
            self.text.push('\n');
        }
    }
}
