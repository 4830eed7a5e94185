//! The handout as Markdown: for clinic web sites and patient portals.

use crate::qr::QrModules;

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
        line(&format!("## {}", escape(&section.title)));
        line("");
        for paragraph in &section.paragraphs {
            line(&escape(paragraph));
            line("");
        }
        for (n, item) in section.items.iter().enumerate() {
            let marker = if section.steps { format!("{}.", n + 1) } else { "-".to_owned() };
            line(&format!("{marker} {}", escape(item)));
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

/// Text with Markdown's markup characters escaped, so content shows as written.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}
