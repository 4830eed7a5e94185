//! Pointing content editors at their real mistake when the parser's words would not: dates
//! written as text, with slashes or dots, or the American way, a `"""` text never closed, and a section kind written
//! as the name the kiosk shows for it.

use std::ops::Range;

use crate::SectionKind;
use crate::i18n::{Catalog, Msg};

/// The keys whose values are dates.
const DATE_KEYS: &[&str] = &["reviewed_on", "next_review"];

/// A syntax error told again where it starts: its span, message and hint. `None` keeps the
/// parser's own words.
pub fn syntax_error(text: &str, span: Range<usize>) -> Option<(Range<usize>, String, Option<String>)> {
    unclosed_triple_quote(text)
        .or_else(|| table_and_list(text, span.clone()))
        .or_else(|| misformatted_date(text, span))
}

/// `[faq]` and `[[faq]]` in one file: a table and a list of tables of one name, which the
/// parser calls a duplicate key.
fn table_and_list(text: &str, span: Range<usize>) -> Option<(Range<usize>, String, Option<String>)> {
    let name = text.get(span.clone())?.trim();
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let (table, list) = (format!("[{name}]"), format!("[[{name}]]"));
    if name.is_empty() || !lines.contains(&table.as_str()) || !lines.contains(&list.as_str()) {
        return None;
    }
    let message = format!("`{name}` is written both as {table} (one table) and as {list} (one of a list)");
    Some((span, message, Some(format!("write {list} before every entry, {table} nowhere"))))
}

/// A `"""` (or `'''`) that opens a text and is never closed: the parser reports the end of the
/// file, but the mistake is where it opens.
fn unclosed_triple_quote(text: &str) -> Option<(Range<usize>, String, Option<String>)> {
    for quote in [r#"""""#, "'''"] {
        let opened: Vec<usize> = text.match_indices(quote).map(|(at, _)| at).collect();
        if opened.len() % 2 == 1 {
            let at = *opened.last()?;
            let message = format!("this {quote} text is never closed: end it with another {quote}");
            return Some((at..at + 3, message, None));
        }
    }
    None
}

/// `reviewed_on = 11/01/2027`, `2027/11/01`, `2027.11.01`: a date written with slashes or dots,
/// year first or last (month, day, year: the American way), told again as a TOML date.
fn misformatted_date(text: &str, span: Range<usize>) -> Option<(Range<usize>, String, Option<String>)> {
    let line_start = text[..span.start.min(text.len())].rfind('\n').map_or(0, |at| at + 1);
    let line = text[line_start..].lines().next()?;
    let (key, value) = line.split_once('=')?;
    if !DATE_KEYS.contains(&key.trim()) {
        return None;
    }
    let written = value.split('#').next()?.trim();
    let parts: Vec<&str> = written.split(['/', '.', '-']).collect();
    let [first, second, third] = parts.as_slice() else { return None };
    let number = |part: &str| part.parse::<i16>().ok().filter(|_| part.chars().all(|c| c.is_ascii_digit()));
    let (year, month, day) = if first.len() == 4 {
        (number(first)?, number(second)?, number(third)?)
    } else if third.len() == 4 {
        (number(third)?, number(first)?, number(second)?)
    } else {
        return None;
    };
    let date = jiff::civil::Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()?;
    let value_at = line_start + line.find(written)?;
    let message = format!("write dates as YYYY-MM-DD, without quotes: {date}");
    Some((value_at..value_at + written.len(), message, None))
}

/// The hint for a value the parser refused, if a better one can be given.
pub fn value_hint(message: &str) -> Option<String> {
    if message.contains("expected a TOML datetime") {
        // `invalid type: string "2027-11-01", expected …`: the date in quotes.
        let quoted = message.split('"').nth(1).filter(|date| date.parse::<jiff::civil::Date>().is_ok());
        return Some(format!("write dates as {}, without quotes", quoted.unwrap_or("2027-11-01")));
    }
    let wrong = message.strip_prefix("unknown variant `")?.split('`').next()?;
    section_kind_named(wrong)
        .map(|kind| format!("did you mean `{}`? That page is shown as \"{wrong}\"", kind.name()))
}

/// The section kind whose page the kiosk shows with this name (in English: its title or its
/// short label, or a word of them), for an editor who wrote what they see on screen.
fn section_kind_named(name: &str) -> Option<SectionKind> {
    let catalog = Catalog::english();
    let name = name.trim().to_lowercase();
    SectionKind::ALL.iter().copied().find(|kind| {
        [Msg::section_title(*kind), Msg::section_label(*kind)].iter().any(|msg| {
            let shown = catalog.text(*msg).to_lowercase();
            shown == name || shown.split(|c: char| !c.is_alphanumeric()).any(|word| word == name)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_written_as_shown_on_screen_is_named() {
        assert_eq!(section_kind_named("risks"), Some(SectionKind::Complications));
        assert_eq!(section_kind_named("Risks"), Some(SectionKind::Complications));
        assert_eq!(section_kind_named("qwerty"), None);
    }

    #[test]
    fn a_date_with_slashes_or_dots_is_written_again_the_kiosks_way() {
        for written in ["11/01/2027", "2027/11/01", "2027.11.01", "11.01.2027"] {
            let text = format!("id = \"knee\"\nreviewed_on = {written}\n");
            let (span, message, _) = misformatted_date(&text, 26..27).expect("a date");
            assert_eq!(&text[span], written);
            assert_eq!(message, "write dates as YYYY-MM-DD, without quotes: 2027-11-01", "{written}");
        }
        // Not a day: the parser's own words stand.
        assert_eq!(misformatted_date("reviewed_on = 2027/13/45\n", 14..15), None);
    }
}
