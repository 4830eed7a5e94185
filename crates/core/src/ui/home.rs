//! The home screen: the list of topics.

use ratatui_core::layout::Rect;
use ratatui_core::terminal::Frame;
use ratatui_core::text::{Line, Span};
use ratatui_widgets::paragraph::Paragraph;
use ratatui_widgets::paragraph::Wrap;
use ratatui_widgets::scrollbar::ScrollbarState;

use unicode_width::UnicodeWidthStr;

use crate::app::{App, HOME_ENTRY_HEIGHT};
use kiosk_content::i18n::Msg;

use super::chrome::{footer, header};
use super::theme::Theme;

/// Draws the home screen.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    let layout = app.home_layout();
    let catalog = app.catalog();
    header(frame, layout.chrome.header, app, None, theme);
    footer(frame, layout.chrome.footer, app, theme);

    let topics = app.home_topics();
    if topics.is_empty() {
        // No names yet, or none read cleanly: the whole read may still bring topics.
        let reading = app.loading() || app.pages_arriving();
        let message = if reading { Msg::HomeLoading } else { Msg::HomeEmpty };
        let empty = Paragraph::new(catalog.text(message)).style(theme.strong).wrap(Wrap { trim: true });
        frame.render_widget(empty, layout.instructions.union(layout.list));
        return;
    }
    frame.render_widget(
        Paragraph::new(catalog.text(Msg::HomeInstructions)).style(theme.quiet),
        layout.instructions,
    );

    let home = app.home();
    let list = layout.list;
    let visible = layout.visible_entries();
    let shown = topics.iter().enumerate().skip(home.first_visible).take(visible);
    for (row, (index, topic)) in shown.enumerate() {
        let y = list.y + row as u16 * HOME_ENTRY_HEIGHT;
        // The title and the subtitle; the entry's third row is the gap before the next (a tap
        // there still opens it).
        let entry = Rect { y, height: HOME_ENTRY_HEIGHT - 1, width: list.width.saturating_sub(1), ..list };
        let selected = index == home.selected;
        let marker = if selected { format!("{} ", app.settings().glyphs.pointer) } else { "  ".to_owned() };
        let mut title =
            vec![Span::styled(marker, theme.marker), Span::styled(topic.title.as_str(), theme.strong)];
        let badges = [
            (topic.is_draft(), Msg::DraftBadge),
            (app.staff() && app.review_overdue(topic), Msg::OverdueBadge),
        ];
        for (_, badge) in badges.iter().filter(|(shown, _)| *shown) {
            title.push(Span::raw("  "));
            let style = if selected { Theme::in_chosen_row(theme.warning) } else { theme.warning };
            title.push(Span::styled(format!(" {} ", catalog.text(*badge)), style));
        }
        // The category at the right end of the title's row: a label, not another line to read.
        let used: usize = title.iter().map(|span| span.content.width()).sum();
        let category = topic.category.as_str();
        let gap = usize::from(entry.width).saturating_sub(used + category.width() + 1);
        if gap >= 2 {
            title.push(Span::raw(" ".repeat(gap)));
            title.push(Span::styled(category, theme.quiet));
        }
        let lines =
            vec![Line::from(title), Line::from(vec![Span::raw("  "), Span::raw(topic.subtitle.as_str())])];
        let style = if selected { theme.selected } else { theme.text };
        frame.render_widget(Paragraph::new(lines).style(style), entry);
    }
    if topics.len() > visible {
        let mut state =
            ScrollbarState::new(topics.len()).position(home.selected).viewport_content_length(visible);
        let scrollbar = super::scrollbar(theme);
        frame.render_stateful_widget(scrollbar, list, &mut state);
    }
}
