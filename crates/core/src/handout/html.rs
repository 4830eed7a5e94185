//! The handout as one self-contained HTML file, made to be printed: A4 or Letter, black on
//! white, nothing loaded from anywhere else.

use crate::handout::qr::qr_svg;

use super::model::{Handout, HandoutSection};

/// Print styles: black on white, nothing that needs colour to be understood; a heading kept
/// with its first lines, sections free to break so no page is left half empty, the 911 box and
/// each list item whole. The full handout prints in two columns of 12 pt (11.5 pt for the
/// longest: five pages at most for the bundled topics on Letter or A4); on a screen, one column.
const STYLE: &str = "
@page { size: auto; margin: 12mm 14mm; }
html { color: #000; background: #fff; }
body { font-family: 'DejaVu Sans', Verdana, Arial, sans-serif; font-size: 12pt; line-height: 1.3;
       max-width: 46em; margin: 0 auto; padding: 1em; }
a { color: #000; }
.from { font-size: 10pt; text-transform: uppercase; letter-spacing: 0.05em; margin: 0; }
h1 { font-size: 22pt; margin: 0.1em 0; }
.subtitle { font-size: 14pt; margin-top: 0; }
.review { border: 2pt solid #000; padding: 0.3em 0.6em; font-weight: bold; }
h2 { font-size: 15pt; border-bottom: 1pt solid #000; margin: 0.8em 0 0.3em;
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 12pt; margin: 0.5em 0 0.1em; break-after: avoid; page-break-after: avoid; }
p { margin: 0.4em 0; orphans: 2; widows: 2; }
ul, ol { margin: 0.3em 0; padding-left: 1.4em; }
li { margin-bottom: 0.15em; break-inside: avoid; page-break-inside: avoid; }
.urgent { border: 3pt solid #000; padding: 0.1em 0.7em 0.3em; font-weight: bold;
          break-inside: avoid; page-break-inside: avoid; }
.urgent h2 { border: none; margin-top: 0.3em; }
.checklist { list-style: none; padding-left: 0; }
.checklist input { width: 0.9em; height: 0.9em; margin: 0 0.4em 0 0; vertical-align: -0.1em;
                   accent-color: #000; }
.faq p { margin-top: 0; }
.sources { font-size: 9pt; line-height: 1.2; }
.sources h2 { font-size: 12pt; }
.sources li { margin: 0 0 0.2em; }
.online { break-inside: avoid; page-break-inside: avoid; }
.online .qr svg { width: 40mm; height: 40mm; }
.address { overflow-wrap: anywhere; }
@media print {
  body { max-width: none; padding: 0; }
  a { text-decoration: none; }
  body.full .content { column-count: 2; column-gap: 7mm; }
}
body.full.smaller { font-size: 11.5pt; }
body.summary { font-size: 12pt; line-height: 1.2; padding: 0; max-width: none; }
body.summary.smaller { font-size: 11pt; }
body.summary { display: grid; grid-template-columns: 1fr 92mm; column-gap: 5mm;
               grid-template-areas: 'titles online' 'content content'; }
body.summary .titles { grid-area: titles; }
body.summary .content { grid-area: content; column-count: 2; column-gap: 7mm; }
body.summary .urgent { column-span: all; margin: 0.3em 0 0.4em; }
body.summary .online { grid-area: online; display: flex; gap: 3mm; align-items: flex-start;
                       font-size: 9pt; line-height: 1.2; }
body.summary h1 { font-size: 18pt; margin: 0; }
body.summary .subtitle { font-size: 12pt; margin: 0 0 0.3em; }
body.summary .review { margin: 0.2em 0; font-size: 9pt; padding: 0.2em 0.5em; }
body.summary h2 { font-size: 12.5pt; margin: 0.3em 0 0.15em; }
body.summary .urgent h2 { margin-top: 0.2em; }
body.summary li { margin-bottom: 0; break-inside: auto; page-break-inside: auto; }
body.summary p { margin: 0.15em 0; }
body.summary .online h2 { font-size: 10pt; margin: 0; border: none; }
body.summary .online p { margin: 0.2em 0; }
body.summary .online .qr { order: -1; flex: none; }
body.summary .online .qr svg { width: 26mm; height: 26mm; display: block; }
";

/// How many characters of text the one-page take-home holds at 12 pt on Letter or A4 (measured
/// in Chromium, tests/binary/one_page.rs); a longer one prints at 11 pt.
const ONE_PAGE_CHARACTERS_AT_12PT: usize = 2_300;
/// How many characters of text (sections and questions) the full handout prints in five pages
/// at 12 pt (tests/binary/one_page.rs); a longer one prints at 11.5 pt.
const FIVE_PAGES_CHARACTERS_AT_12PT: usize = 10_500;

/// The handout as a complete HTML document.
pub fn to_html(handout: &Handout) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!(
        "<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        escape(&handout.language)
    ));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let class = match handout.summary {
        true if characters(handout) > ONE_PAGE_CHARACTERS_AT_12PT => "summary smaller",
        true => "summary",
        false if characters(handout) > FIVE_PAGES_CHARACTERS_AT_12PT => "full smaller",
        false => "full",
    };
    out.push_str(&format!(
        "<title>{}</title>\n<style>{STYLE}{}</style>\n</head>\n<body class=\"{class}\">\n",
        escape(&handout.title),
        // Narrower margins give the one-page take-home room on Letter as on A4.
        if handout.summary { "@page { margin: 8mm 10mm; }\n" } else { "" },
    ));
    // In reading order: the titles, the content, then where to read it online.
    out.push_str("<header class=\"titles\">\n");
    out.push_str(&format!("<p class=\"from\">{}</p>\n", escape(&handout.from)));
    out.push_str(&format!("<h1>{}</h1>\n", escape(&handout.title)));
    if !handout.subtitle.is_empty() {
        out.push_str(&format!("<p class=\"subtitle\">{}</p>\n", escape(&handout.subtitle)));
    }
    out.push_str(&format!("<p class=\"review\">{}", escape(&handout.review)));
    if let Some(next) = &handout.next_review {
        out.push_str(&format!("<br>{}", escape(next)));
    }
    out.push_str("</p>\n</header>\n<main class=\"content\">\n");
    handout.sections.iter().for_each(|section| section_html(&mut out, section));
    if !handout.faq.is_empty() {
        out.push_str(&format!("<section class=\"faq\">\n<h2>{}</h2>\n", escape(&handout.faq_title)));
        for (question, answer) in &handout.faq {
            out.push_str(&format!("<h3>{}</h3>\n<p>{}</p>\n", escape(question), escape(answer)));
        }
        out.push_str("</section>\n");
    }
    if !handout.sources.is_empty() {
        out.push_str(&format!("<section class=\"sources\">\n<h2>{}</h2>\n", escape(&handout.sources_title)));
        out.push_str(&format!("<p>{}</p>\n<ul>\n", escape(&handout.sources_intro)));
        for (title, url) in &handout.sources {
            match url {
                Some(url) => out.push_str(&format!("<li>{}<br>{}</li>\n", escape(title), link(url))),
                None => out.push_str(&format!("<li>{}</li>\n", escape(title))),
            }
        }
        out.push_str("</ul>\n</section>\n");
    }
    if !handout.summary {
        online_section(&mut out, handout);
    }
    out.push_str("</main>\n");
    // On the one-page take-home the code stands beside the titles (a grid puts it there),
    // still after the content in reading order.
    if handout.summary {
        online_section(&mut out, handout);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// One section: its heading, paragraphs and items.
fn section_html(out: &mut String, section: &HandoutSection) {
    let class = if section.urgent { " class=\"urgent\"" } else { "" };
    out.push_str(&format!("<section{class}>\n<h2>{}</h2>\n", escape(&section.title)));
    for paragraph in &section.paragraphs {
        out.push_str(&format!("<p>{}</p>\n", escape(paragraph)));
    }
    items(out, section);
    out.push_str("</section>\n");
}

/// A section's items: numbered steps, a checklist with a box to tick each, or bullets.
fn items(out: &mut String, section: &HandoutSection) {
    if section.items.is_empty() {
        return;
    }
    let (open, close) = match (section.steps, section.ticks.is_empty()) {
        (true, _) => ("<ol>", "</ol>"),
        (false, false) => ("<ul class=\"checklist\">", "</ul>"),
        (false, true) => ("<ul>", "</ul>"),
    };
    out.push_str(open);
    out.push('\n');
    for (n, item) in section.items.iter().enumerate() {
        match section.ticks.get(n) {
            Some(&ticked) => out.push_str(&format!(
                "<li><label><input type=\"checkbox\"{}> {}</label></li>\n",
                if ticked { " checked" } else { "" },
                escape(item)
            )),
            None => out.push_str(&format!("<li>{}</li>\n", escape(item))),
        }
    }
    out.push_str(close);
    out.push('\n');
}

/// The characters of text a handout prints in its sections and questions, to choose its type
/// size.
fn characters(handout: &Handout) -> usize {
    let count = |text: &String| text.chars().count();
    let sections = handout.sections.iter().map(|section| {
        count(&section.title) + section.paragraphs.iter().chain(&section.items).map(count).sum::<usize>()
    });
    let questions = handout.faq.iter().map(|(question, answer)| count(question) + count(answer));
    sections.chain(questions).sum()
}

/// A web address as a link, with a place to break after each `/` and `-` for a narrow column.
fn link(url: &str) -> String {
    let shown: String = escape(url).split_inclusive(['/', '-']).collect::<Vec<_>>().join("<wbr>");
    format!("<a class=\"address\" href=\"{}\">{shown}</a>", escape(url))
}

/// Text safe to put in HTML, as an element's text or an attribute's value.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// The topic's web address, its QR code and how to use it: after the content in reading order.
fn online_section(out: &mut String, handout: &Handout) {
    if let Some(online) = &handout.online {
        out.push_str(&format!("<section class=\"online\">\n<div>\n<h2>{}</h2>\n", escape(&online.title)));
        out.push_str(&format!("<p>{}</p>\n<p>{}</p>\n</div>\n", escape(&online.hint), link(&online.url)));
        if let Some(svg) = qr_svg(&online.url) {
            let svg = svg.trim_start_matches("<?xml version=\"1.0\" standalone=\"yes\"?>");
            // A picture with a name: a screen reader says what the code leads to.
            let label = format!("<svg role=\"img\" aria-label=\"QR code: {}\"", escape(&online.url));
            out.push_str(&format!("<div class=\"qr\">{}</div>\n", svg.replacen("<svg", &label, 1)));
        }
        out.push_str("</section>\n");
    }
}
