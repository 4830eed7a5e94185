//! The handout as Markdown: for clinic web sites and patient portals.

use crate::handout::qr::QrModules;

use super::model::Handout;

/// The handout as Markdown.
pub fn to_markdown(handout: &Handout) -> String {
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    line(&format!("*{}*", escape(&handout.from)));
    line("");
    line(&format!("# {}", escape(&handout.title)));
    line("");
    if !handout.subtitle.is_empty() {
        line(&escape(&handout.subtitle));
        line("");
    }
    line(&format!("> **{}**", escape(&handout.review)));
    if let Some(next) = &handout.next_review {
        line(">");
        line(&format!("> {}", escape(next)));
    }
    for section in &handout.sections {
        line("");
        line(&format!("## {}", escape(&section.heading())));
        line("");
        for paragraph in &section.paragraphs {
            line(&escape(paragraph));
            line("");
        }
        for n in 0..section.items.len() {
            let marker = if section.steps { format!("{}.", n + 1) } else { "-".to_owned() };
            line(&format!("{marker} {}", escape(&section.item_text(n))));
        }
    }
    if !handout.faq.is_empty() {
        line("");
        line(&format!("## {}", escape(&handout.faq_title)));
        for (question, answer) in &handout.faq {
            line("");
            line(&format!("### {}", escape(question)));
            line("");
            line(&escape(answer));
        }
    }
    if !handout.sources.is_empty() {
        line("");
        line(&format!("## {}", escape(&handout.sources_title)));
        line("");
        line(&escape(&handout.sources_intro));
        line("");
        for (title, url) in &handout.sources {
            match url {
                Some(url) => line(&format!("- {} <{url}>", escape(title))),
                None => line(&format!("- {}", escape(title))),
            }
        }
    }
    if let Some(online) = &handout.online {
        line("");
        line(&format!("## {}", escape(&online.title)));
        line("");
        line(&escape(&online.hint));
        line("");
        line(&format!("<{}>", online.url));
        if let Some(code) = QrModules::new(&online.url) {
            line("");
            line("```text");
            for row in code.to_half_blocks() {
                line(row.trim_end());
            }
            line("```");
        }
    }
    out
}

/// Text on one line with everything Markdown would read as markup escaped, so content shows
/// as written in any CommonMark renderer, GitHub's extensions included: inline markup
/// everywhere, and what would start a list, a heading rule or a quote at the start.
fn escape(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut escaped = String::with_capacity(text.len() + 8);
    // A number followed by `.` or `)` at the start would begin a numbered list.
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    for (n, c) in text.chars().enumerate() {
        let inline =
            matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '$');
        let at_start = n == 0 && matches!(c, '-' | '+' | '=');
        let list_number = digits > 0 && n == digits && matches!(c, '.' | ')');
        if inline || at_start || list_number {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}
