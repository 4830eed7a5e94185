//! The search overlay: the query, then each result's place and the matching text, with the
//! matched letters marked.

use ratatui_core::layout::Alignment;
use ratatui_core::layout::Rect;
use ratatui_core::terminal::Frame;
use ratatui_core::text::{Line, Span};
use ratatui_widgets::block::Block;
use ratatui_widgets::paragraph::Paragraph;
use ratatui_widgets::paragraph::Wrap;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::app::{App, SEARCH_ENTRY_HEIGHT, SearchLayout, SearchState, page_label};
use crate::search::Hit;
use kiosk_content::i18n::Msg;

use super::theme::Theme;

/// Draws the search overlay.
pub fn render(frame: &mut Frame, app: &App, search: &SearchState, theme: &Theme) {
    let layout = SearchLayout::new(app.area());
    let catalog = app.catalog();
    let glyphs = &app.settings().glyphs;
    let block = Block::bordered()
        .title(Span::styled(format!(" {} ", catalog.text(Msg::SearchTitle)), theme.heading))
        .border_style(theme.border);
    super::clear(frame, layout.frame, theme);
    frame.render_widget(block, layout.frame);

    let query = Line::from(vec![
        Span::styled(format!("{} ", catalog.text(Msg::SearchPrompt)), theme.strong),
        Span::raw(search.query.as_str()),
        Span::styled(glyphs.cursor, theme.marker),
    ]);
    frame.render_widget(Paragraph::new(query), layout.query);
    if !search.hits.is_empty() && !app.search_ready() {
        // Names answer until the whole text is read: say more is coming.
        let note = catalog.text(Msg::SearchReadingMore);
        let used = search.query.width() + catalog.text(Msg::SearchPrompt).width() + 4;
        if usize::from(layout.query.width) >= used + note.width() {
            let paragraph = Paragraph::new(note).style(theme.quiet).alignment(Alignment::Right);
            frame.render_widget(paragraph, layout.query);
        }
    }

    if search.hits.is_empty() {
        let text = if search.query.trim().is_empty() {
            catalog.text(Msg::SearchEmpty).to_owned()
        } else if !app.search_ready() {
            catalog.text(Msg::SearchReading).to_owned()
        } else {
            catalog.format(Msg::SearchNothing, &[("query", search.query.trim())])
        };
        frame
            .render_widget(Paragraph::new(text).style(theme.quiet).wrap(Wrap { trim: true }), layout.results);
    }
    let shown = search.hits.iter().enumerate().skip(search.first_visible).take(layout.visible_results());
    for (row, (index, hit)) in shown.enumerate() {
        let y = layout.results.y + row as u16 * SEARCH_ENTRY_HEIGHT;
        let area = Rect { y, height: 2, ..layout.results };
        let selected = index == search.selected;
        let marker = if selected { format!("{} ", glyphs.pointer) } else { "  ".to_owned() };
        let place = place_name(app, hit);
        let title = Line::from(vec![
            Span::styled(marker, theme.marker),
            Span::styled(hit.topic_title.as_str(), theme.strong),
            Span::raw(format!(" {} ", glyphs.next)),
            Span::raw(place),
        ]);
        let mut snippet = vec![Span::raw("  ")];
        // The medical word typed, when the text says it in plain words: "embolism → … lungs".
        let via = hit.via.as_ref().map(|word| format!("{word} {} ", glyphs.arrow));
        if let Some(via) = &via {
            snippet.push(Span::styled(via.clone(), theme.strong));
        }
        let room = usize::from(area.width).saturating_sub(2 + via.as_deref().map_or(0, str::width));
        let highlight = if selected { Theme::in_chosen_row(theme.highlight) } else { theme.highlight };
        snippet.extend(snippet_spans(hit, room, glyphs.ellipsis, theme.text, highlight));
        let style = if selected { theme.selected } else { theme.text };
        frame.render_widget(Paragraph::new(vec![title, Line::from(snippet)]).style(style), area);
    }
}

/// The name of the page the hit is on, as the list of pages names it.
fn place_name(app: &App, hit: &Hit) -> String {
    app.library()
        .topics()
        .iter()
        .find(|topic| topic.id == hit.topic_id && topic.title == hit.topic_title)
        .map(|topic| page_label(topic, topic.page_of(hit.spot), app.catalog()).to_owned())
        .unwrap_or_default()
}

/// The matching text cut to `width` columns around its first matched letter, the matched
/// letters highlighted.
fn snippet_spans<'a>(
    hit: &'a Hit,
    width: usize,
    ellipsis: &'a str,
    text: ratatui_core::style::Style,
    highlight: ratatui_core::style::Style,
) -> Vec<Span<'a>> {
    let chars: Vec<char> = hit.text.chars().collect();
    let first = hit.matched.first().copied().unwrap_or(0);
    // Start a little before the first match, so it has some context, then fill the width.
    let mut start = first.saturating_sub(width / 4);
    let widths = |range: std::ops::Range<usize>| -> usize {
        chars[range].iter().map(|c| c.width().unwrap_or(0)).sum()
    };
    let cut = ellipsis.width();
    while start > 0 && widths(start..chars.len()) < width.saturating_sub(cut) {
        start -= 1;
    }
    // Begin at a word, not in the middle of one.
    while start > 0 && start < first && !chars[start - 1].is_whitespace() {
        start += 1;
    }
    let mut spans = Vec::new();
    let mut used = 0;
    if start > 0 {
        spans.push(Span::raw(ellipsis));
        used += cut;
    }
    for (i, c) in chars.iter().enumerate().skip(start) {
        let w = c.width().unwrap_or(0);
        if used + w > width.saturating_sub(cut) && i + 1 < chars.len() {
            spans.push(Span::raw(ellipsis));
            break;
        }
        used += w;
        let style = if hit.matched.binary_search(&i).is_ok() { highlight } else { text };
        spans.push(Span::styled(c.to_string(), style));
    }
    spans
}
