//! The handout as plain text wrapped to 72 columns: for printers and for reading anywhere.

use unicode_width::UnicodeWidthStr;

use crate::handout::qr::QrModules;

use super::model::Handout;

/// Columns of a text handout.
pub const TEXT_WIDTH: usize = 72;

/// The handout as plain text.
pub fn to_text(handout: &Handout) -> String {
    let mut out = Text::default();
    out.line(&handout.from);
    out.line(&"=".repeat(TEXT_WIDTH));
    out.blank();
    out.wrapped(&handout.title, "", "");
    if !handout.subtitle.is_empty() {
        out.wrapped(&handout.subtitle, "", "");
    }
    out.blank();
    let marker = if handout.draft { "! " } else { "" };
    out.wrapped(&handout.review, marker, &" ".repeat(marker.len()));
    if let Some(next) = &handout.next_review {
        out.wrapped(next, "", "");
    }
    for section in &handout.sections {
        out.heading(&section.heading());
        for paragraph in &section.paragraphs {
            out.wrapped(paragraph, "", "");
            out.blank();
        }
        for n in 0..section.items.len() {
            let marker = if section.steps { format!("{}. ", n + 1) } else { "* ".to_owned() };
            let indent = " ".repeat(marker.width());
            out.wrapped(&section.item_text(n), &marker, &indent);
        }
    }
    if !handout.faq.is_empty() {
        out.heading(&handout.faq_title);
        for (question, answer) in &handout.faq {
            out.wrapped(question, "", "");
            out.wrapped(answer, "    ", "    ");
            out.blank();
        }
    }
    if !handout.sources.is_empty() {
        out.heading(&handout.sources_title);
        out.wrapped(&handout.sources_intro, "", "");
        for (title, url) in &handout.sources {
            out.wrapped(title, "* ", "  ");
            if let Some(url) = url {
                for piece in url_lines(url, TEXT_WIDTH - 2) {
                    out.line(&format!("  {piece}"));
                }
            }
        }
    }
    if let Some(online) = &handout.online {
        out.heading(&online.title);
        out.wrapped(&online.hint, "", "");
        out.blank();
        for piece in url_lines(&online.url, TEXT_WIDTH) {
            out.line(&piece);
        }
        if let Some(code) = QrModules::new(&online.url) {
            out.blank();
            for row in code.to_half_blocks() {
                out.line(row.trim_end());
            }
        }
    }
    out.0
}

/// A web address cut into lines of at most `width` characters, after a `/` where it can be,
/// so the address is never hyphenated and each line plainly continues it.
fn url_lines(url: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for piece in url.split_inclusive('/') {
        if !line.is_empty() && line.chars().count() + piece.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        for c in piece.chars() {
            if line.chars().count() == width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[derive(Default)]
struct Text(String);

impl Text {
    fn line(&mut self, line: &str) {
        self.0.push_str(line);
        self.0.push('\n');
    }

    fn blank(&mut self) {
        if !self.0.ends_with("\n\n") {
            self.0.push('\n');
        }
    }

    fn heading(&mut self, title: &str) {
        self.blank();
        self.blank();
        self.line(title);
        self.line(&"-".repeat(title.width().min(TEXT_WIDTH)));
        self.blank();
    }

    /// `text` wrapped to the handout's width, the first line after `first`, the rest after
    /// `rest`; a web address is never broken.
    fn wrapped(&mut self, text: &str, first: &str, rest: &str) {
        let options = textwrap::Options::new(TEXT_WIDTH)
            .initial_indent(first)
            .subsequent_indent(rest)
            .break_words(false)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        for line in textwrap::wrap(text, options) {
            self.line(&line);
        }
    }
}
