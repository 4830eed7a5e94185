//! The handout as one self-contained HTML file, made to be printed: A4 or Letter, black on
//! white, nothing loaded from anywhere else.

use crate::handout::qr::qr_svg;

use super::model::Handout;

/// Print styles: margins that suit both A4 and Letter, sections never split across pages,
/// headings kept with their text, and nothing that needs colour to be understood.
const STYLE: &str = "
@page { size: auto; margin: 18mm 16mm; }
html { color: #000; background: #fff; }
body { font-family: 'DejaVu Sans', Verdana, Arial, sans-serif; font-size: 13pt; line-height: 1.45;
       max-width: 46em; margin: 0 auto; padding: 1em; }
.from { font-size: 10pt; text-transform: uppercase; letter-spacing: 0.05em; }
h1 { font-size: 24pt; margin: 0.2em 0; }
.subtitle { font-size: 14pt; margin-top: 0; }
.review { border: 2pt solid #000; padding: 0.4em 0.6em; font-weight: bold; }
h2 { font-size: 17pt; border-bottom: 1pt solid #000; margin-top: 1.2em;
     break-after: avoid-page; page-break-after: avoid; }
h3 { font-size: 13pt; margin-bottom: 0.2em; break-after: avoid-page; page-break-after: avoid; }
section { break-inside: avoid-page; page-break-inside: avoid; }
li { margin-bottom: 0.35em; }
.urgent { border: 3pt solid #000; padding: 0.2em 0.8em 0.4em; font-weight: bold; }
body.summary { font-size: 9.5pt; line-height: 1.2; padding: 0; }
body.summary h1 { font-size: 16pt; margin: 0; }
body.summary .subtitle { font-size: 11pt; margin: 0 0 0.3em; }
body.summary .review { margin: 0.3em 0; }
body.summary h2 { font-size: 11.5pt; margin: 0.5em 0 0.3em; }
body.summary .one-page { column-count: 2; column-gap: 8mm; }
body.summary section { break-inside: auto; page-break-inside: auto; }
body.summary .urgent, body.summary .online { break-inside: avoid; page-break-inside: avoid; }
body.summary li { margin-bottom: 0; }
body.summary p { margin: 0.3em 0; }
body.summary ul, body.summary ol { margin: 0.3em 0; padding-left: 1.3em; }
body.summary .head { display: flex; gap: 6mm; align-items: flex-start; }
body.summary .titles { flex: 1; }
body.summary .online { width: 36mm; font-size: 8pt; line-height: 1.2; }
body.summary .online h2 { font-size: 9pt; margin: 0; border: none; }
body.summary .online p { margin: 0.2em 0; }
body.summary .qr svg { width: 32mm; height: 32mm; }
.url { word-break: break-all; }
.qr svg { width: 40mm; height: 40mm; }
@media print { body { max-width: none; padding: 0; } a { color: #000; text-decoration: none; } }
";

/// The handout as a complete HTML document.
pub fn to_html(handout: &Handout) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!(
        "<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        escape(&handout.language)
    ));
    out.push_str(&format!(
        "<title>{}</title>\n<style>{STYLE}{}</style>\n</head>\n<body{}>\n",
        escape(&handout.title),
        // Narrower margins give the one-page take-home room on Letter as on A4.
        if handout.summary { "@page { margin: 10mm 12mm; }\n" } else { "" },
        if handout.summary { " class=\"summary\"" } else { "" }
    ));
    if handout.summary {
        // On the one-page take-home the title and the code share the top, so the columns
        // below hold the rest.
        out.push_str("<div class=\"head\">\n<div class=\"titles\">\n");
    }
    out.push_str(&format!("<p class=\"from\">{}</p>\n", escape(&handout.from)));
    out.push_str(&format!("<h1>{}</h1>\n", escape(&handout.title)));
    if !handout.subtitle.is_empty() {
        out.push_str(&format!("<p class=\"subtitle\">{}</p>\n", escape(&handout.subtitle)));
    }
    out.push_str(&format!("<p class=\"review\">{}", escape(&handout.review)));
    if let Some(next) = &handout.next_review {
        out.push_str(&format!("<br>{}", escape(next)));
    }
    out.push_str("</p>\n");
    if handout.summary {
        out.push_str("</div>\n");
        online_section(&mut out, handout);
        out.push_str("</div>\n");
        // Two columns, smaller type, so it fits one Letter or A4 page.
        out.push_str("<div class=\"one-page\">\n");
    }
    for section in &handout.sections {
        let class = if section.urgent { " class=\"urgent\"" } else { "" };
        out.push_str(&format!("<section{class}>\n<h2>{}</h2>\n", escape(&section.title)));
        for paragraph in &section.paragraphs {
            out.push_str(&format!("<p>{}</p>\n", escape(paragraph)));
        }
        if !section.items.is_empty() {
            let list = if section.steps { "ol" } else { "ul" };
            out.push_str(&format!("<{list}>\n"));
            for item in &section.items {
                out.push_str(&format!("<li>{}</li>\n", escape(item)));
            }
            out.push_str(&format!("</{list}>\n"));
        }
        out.push_str("</section>\n");
    }
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
                Some(url) => out.push_str(&format!(
                    "<li>{}<br><span class=\"url\">{}</span></li>\n",
                    escape(title),
                    escape(url)
                )),
                None => out.push_str(&format!("<li>{}</li>\n", escape(title))),
            }
        }
        out.push_str("</ul>\n</section>\n");
    }
    if !handout.summary {
        online_section(&mut out, handout);
    }
    if handout.summary {
        out.push_str("</div>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
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

/// The topic's web address, its QR code and how to use it.
fn online_section(out: &mut String, handout: &Handout) {
    if let Some(online) = &handout.online {
        out.push_str(&format!("<section class=\"online\">\n<h2>{}</h2>\n", escape(&online.title)));
        out.push_str(&format!("<p>{}</p>\n", escape(&online.hint)));
        if let Some(svg) = qr_svg(&online.url) {
            let svg = svg.trim_start_matches("<?xml version=\"1.0\" standalone=\"yes\"?>");
            out.push_str(&format!("<div class=\"qr\">{svg}</div>\n"));
        }
        out.push_str(&format!("<p class=\"url\">{}</p>\n</section>\n", escape(&online.url)));
    }
}
