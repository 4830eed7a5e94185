//! The searchable pieces of a topic, and how text is cut into sentences and words. The index
//! walks the pieces once to learn their words; a hit walks its topic's pieces again to find the
//! sentence to show, so the index never holds a second copy of the text.

use kiosk_content::i18n::{Catalog, Msg};
use kiosk_content::{Spot, Topic};

/// What kind of text a piece is; the order is the ranking order for equal matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// A billing or diagnosis code (staff only).
    Code,
    /// A topic's title.
    Title,
    /// One of a topic's keywords.
    Keyword,
    /// A topic's subtitle.
    Subtitle,
    /// A section's heading or short name, such as "Recovery".
    Heading,
    /// Everything else: summaries, sections, questions and answers.
    Body,
}

/// Calls `piece` with every piece of `topic` a reader sees (staff readers also see codes and
/// staff-only sections), in the order they are shown; then the names the topic has in other
/// languages (`twins`: its id, titles and other names there), so a reader typing the English
/// name finds the Spanish topic.
pub(super) fn for_each_piece(
    topic: &Topic,
    twins: &[&Topic],
    catalog: &Catalog,
    staff: bool,
    piece: &mut dyn FnMut(Spot, Field, &str),
) {
    for_each_name(topic, twins, piece);
    let mut add = |spot: Spot, field: Field, text: &str| {
        if !text.trim().is_empty() {
            piece(spot, field, text.trim());
        }
    };
    add(Spot::Summary, Field::Body, &topic.summary);
    for (s, section) in topic.sections.iter().enumerate() {
        if !section.shown_to(staff) {
            continue;
        }
        if let Some(title) = &section.title {
            add(Spot::Intro(s), Field::Heading, title);
        } else {
            add(Spot::Intro(s), Field::Heading, catalog.text(Msg::section_title(section.kind)));
            add(Spot::Intro(s), Field::Heading, catalog.text(Msg::section_label(section.kind)));
        }
        add(Spot::Intro(s), Field::Body, &section.intro);
        for (i, item) in section.items.iter().enumerate() {
            add(Spot::Item(s, i), Field::Body, item);
        }
    }
    if !topic.faq.is_empty() {
        add(Spot::Question(0), Field::Heading, catalog.text(Msg::PageFaq));
    }
    for (n, entry) in topic.faq.iter().enumerate() {
        add(Spot::Question(n), Field::Body, &entry.question);
        add(Spot::Answer(n), Field::Body, &entry.answer);
    }
    if staff {
        for (n, code) in topic.codes.iter().enumerate() {
            add(Spot::Code(n), Field::Code, &code_text(code.system.name(), &code.code, &code.label));
        }
    }
}

/// Calls `piece` with the names of `topic`: its title, subtitle, keywords and other names,
/// then its names in other languages (see [`for_each_piece`]).
pub(super) fn for_each_name(topic: &Topic, twins: &[&Topic], piece: &mut dyn FnMut(Spot, Field, &str)) {
    let mut add = |spot: Spot, field: Field, text: &str| {
        if !text.trim().is_empty() {
            piece(spot, field, text.trim());
        }
    };
    add(Spot::Title, Field::Title, &topic.title);
    add(Spot::Subtitle, Field::Subtitle, &topic.subtitle);
    for (n, keyword) in topic.keywords.iter().enumerate() {
        add(Spot::Keyword(n), Field::Keyword, keyword);
    }
    for (n, name) in topic.also_called.iter().enumerate() {
        add(Spot::AlsoCalled(n), Field::Keyword, name);
    }
    if !twins.is_empty() {
        add(Spot::Title, Field::Keyword, &topic.id.replace('-', " "));
    }
    for twin in twins {
        add(Spot::Title, Field::Keyword, &twin.title);
        for name in &twin.also_called {
            add(Spot::Title, Field::Keyword, name);
        }
    }
}

/// How a code reads in search: "CPT 22511 label".
fn code_text(system: &str, code: &str, label: &str) -> String {
    format!("{system} {code} {label}")
}

/// The code in a code piece's text ("CPT 22511 label" holds "22511").
pub(super) fn code_of(piece: &str) -> Option<&str> {
    piece.split_whitespace().nth(1)
}

/// `text` cut after each `.`, `?` or `!` that ends a sentence, and at blank lines.
pub(super) fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let rest_trimmed = rest.trim_start();
        if rest_trimmed.is_empty() {
            return None;
        }
        let start = rest.len() - rest_trimmed.len();
        let body = &rest[start..];
        let end = body
            .char_indices()
            .find(|&(i, c)| {
                let next = body[i + c.len_utf8()..].chars().next();
                (matches!(c, '.' | '?' | '!') && next.is_none_or(char::is_whitespace))
                    || (c == '\n' && next == Some('\n'))
            })
            .map_or(body.len(), |(i, c)| i + c.len_utf8());
        let sentence = &body[..end];
        rest = &body[end..];
        Some(sentence)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_into_sentences() {
        let cut: Vec<&str> = sentences("One. Two? Three! 1.5 mg is fine.\n\nNew paragraph").collect();
        assert_eq!(cut, ["One.", "Two?", "Three!", "1.5 mg is fine.", "New paragraph"]);
    }

    #[test]
    fn a_code_piece_holds_its_code_second() {
        assert_eq!(code_of(&code_text("CPT", "22511", "Our words")), Some("22511"));
    }
}
