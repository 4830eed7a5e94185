//! The topic screen: the list of pages, and the current page's text.

use ratatui_core::layout::{Alignment, Rect};
use ratatui_core::terminal::Frame;
use ratatui_core::text::{Line, Span};
use ratatui_widgets::paragraph::Paragraph;
use ratatui_widgets::scrollbar::ScrollbarState;
use unicode_width::UnicodeWidthStr;

use crate::app::{App, ListWindow, Page, PageNav, Role, TopicState, is_urgent, page_label};
use crate::wording::urgent_mark;
use kiosk_content::Topic;
use kiosk_content::i18n::Msg;
use kiosk_content::{SectionKind, Spot};

use super::chrome::{footer, header, shorten};
use super::theme::Theme;

/// Draws the open topic.
pub fn render(frame: &mut Frame, app: &App, topic: &Topic, state: &TopicState, theme: &Theme) {
    let layout = app.topic_layout();
    let catalog = app.catalog();
    header(frame, layout.chrome.header, app, Some(&topic.title), theme);
    footer(frame, layout.chrome.footer, app, theme);
    review_notice(frame, layout.notice, app, topic, theme);

    let pages = app.pages();
    match layout.nav {
        PageNav::Side(area) => side_list(frame, area, app, topic, &pages, state.page, theme),
        PageNav::Bar { area, previous, next } => {
            let label = page_label(topic, pages[state.page], catalog);
            let position = catalog.format(
                Msg::PageOfTotal,
                &[("current", &(state.page + 1).to_string()), ("total", &pages.len().to_string())],
            );
            // Between the buttons' words, never over them: the position gives way first,
            // then the page's name is shortened with "…".
            let back = catalog.text(Msg::PreviousPage).width() as u16;
            let forward = catalog.text(Msg::NextPage).width() as u16;
            let start = previous.x.saturating_add(back).saturating_add(1);
            let end = next.right().saturating_sub(forward).saturating_sub(1);
            let between = Rect { x: start, width: end.saturating_sub(start), ..area };
            let room = usize::from(between.width);
            let glyphs = &app.settings().glyphs;
            let between_words = format!(" {} ", glyphs.dot);
            let spans = if label.width() + between_words.width() + position.width() <= room {
                vec![
                    Span::styled(label, theme.strong),
                    Span::raw(between_words),
                    Span::styled(position, theme.quiet),
                ]
            } else {
                vec![Span::styled(shorten(label, room, glyphs.ellipsis), theme.strong)]
            };
            frame.render_widget(Paragraph::new(Line::from(spans)).alignment(Alignment::Center), between);
            frame
                .render_widget(Paragraph::new(catalog.text(Msg::PreviousPage)).style(theme.button), previous);
            frame.render_widget(
                Paragraph::new(catalog.text(Msg::NextPage)).style(theme.button).alignment(Alignment::Right),
                next,
            );
        }
    }
    page_text(frame, app, state, &layout, &pages, theme);
}

/// Draws a topic opened before its pages arrived: its title, who reviewed it (or that it is a
/// draft), and that its pages are on their way.
pub fn render_arriving(frame: &mut Frame, app: &App, topic: &Topic, theme: &Theme) {
    let layout = app.topic_layout();
    header(frame, layout.chrome.header, app, Some(&topic.title), theme);
    footer(frame, layout.chrome.footer, app, theme);
    review_notice(frame, layout.notice, app, topic, theme);
    let message = Paragraph::new(app.catalog().text(Msg::PagesArriving))
        .style(theme.strong)
        .wrap(ratatui_widgets::paragraph::Wrap { trim: true });
    frame.render_widget(message, layout.text);
}

/// Who reviewed the topic and when; or that it is a draft, or (for staff) overdue for review.
fn review_notice(frame: &mut Frame, area: Rect, app: &App, topic: &Topic, theme: &Theme) {
    let catalog = app.catalog();
    let review = &topic.review;
    let date = |d: Option<kiosk_content::ReviewDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let (notice, style) = if topic.is_draft() {
        (catalog.text(Msg::DraftNotice).to_owned(), theme.warning)
    } else if app.staff() && app.review_overdue(topic) {
        (catalog.format(Msg::OverdueNotice, &[("date", &date(review.next_review))]), theme.warning)
    } else {
        let values = [("name", review.reviewed_by.as_str()), ("date", &date(review.reviewed_on))];
        (catalog.format(Msg::ReviewedNotice, &values), theme.quiet)
    };
    frame.render_widget(Paragraph::new(notice).style(style).alignment(Alignment::Center), area);
}

fn side_list(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    topic: &Topic,
    pages: &[Page],
    current: usize,
    theme: &Theme,
) {
    let glyphs = &app.settings().glyphs;
    let window = ListWindow::new(current, pages.len(), usize::from(area.height));
    let row_area = |row: usize| Rect { y: area.y + row as u16, height: 1, ..area };
    let more = |arrow: &str, count: usize| {
        let words = app.catalog().format(Msg::MorePages, &[("count", &count.to_string())]);
        Paragraph::new(format!("  {arrow} {words}")).style(theme.quiet)
    };
    if window.above > 0 {
        frame.render_widget(more(glyphs.up, window.above), row_area(0));
    }
    if window.below > 0 {
        frame.render_widget(more(glyphs.down, window.below), row_area(window.first_row() + window.shown));
    }
    let rows = pages.iter().enumerate().skip(window.first).take(window.shown);
    for (row, (index, page)) in rows.enumerate() {
        let selected = index == current;
        let marker = if selected { glyphs.pointer } else { " " };
        let number = if index < 9 { format!("{}", index + 1) } else { " ".to_owned() };
        let room = usize::from(area.width).saturating_sub(5);
        let urgent = is_urgent(topic, *page);
        let label = page_label(topic, *page, app.catalog());
        let label =
            shorten(&if urgent { urgent_mark(label) } else { label.to_owned() }, room, glyphs.ellipsis);
        let line = format!("{marker} {number} {label}");
        let style = match (selected, urgent) {
            (true, _) => theme.selected,
            (false, true) => theme.emergency,
            (false, false) => theme.text,
        };
        frame.render_widget(Paragraph::new(line).style(style), row_area(window.first_row() + row));
    }
    // A rule between the list and the text.
    let rule = Rect { x: area.right(), width: 1, y: area.y.saturating_sub(1), height: area.height + 2 };
    let rule = rule.intersection(frame.area());
    let bars: Vec<Line> = (0..rule.height).map(|_| Line::from(glyphs.bar)).collect();
    frame.render_widget(Paragraph::new(bars).style(theme.border), rule);
}

fn page_text(
    frame: &mut Frame,
    app: &App,
    state: &TopicState,
    layout: &crate::app::TopicLayout,
    pages: &[Page],
    theme: &Theme,
) {
    let lines = app.page_lines();
    let on_faq = pages.get(state.page) == Some(&Page::Faq);
    let chosen_check = app.teach_back_target().or(app.related_target());
    let chosen_question = match pages.get(state.page) {
        Some(&Page::Section(index)) => app
            .topic()
            .filter(|(topic, _)| topic.sections.get(index).is_some_and(|s| s.kind == SectionKind::Questions))
            .map(|_| Spot::Item(index, state.question_selected)),
        _ => None,
    };
    let height = usize::from(layout.text.height);
    let shown: Vec<Line> = lines
        .iter()
        .skip(state.scroll)
        .take(height)
        .map(|line| {
            let chosen = (on_faq && line.faq() == Some(state.faq_selected))
                || (chosen_question.is_some() && line.spot == chosen_question)
                || (chosen_check.is_some() && line.spot == chosen_check);
            let spans: Vec<Span> = line
                .runs
                .iter()
                .map(|run| {
                    let style = theme.role(run.role);
                    match run.role {
                        Role::Question if chosen => Span::styled(run.text.as_str(), theme.selected),
                        Role::Marker
                            if chosen && run.text.starts_with(' ') && !run.text.trim().is_empty() =>
                        {
                            Span::styled(
                                format!("{}{}", app.settings().glyphs.pointer, &run.text[1..]),
                                theme.strong,
                            )
                        }
                        _ => Span::styled(run.text.as_str(), style),
                    }
                })
                .collect();
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), layout.text);

    if lines.len() > height {
        let mut scroll = ScrollbarState::new(lines.len().saturating_sub(height) + 1).position(state.scroll);
        let scrollbar = super::scrollbar(theme);
        frame.render_stateful_widget(scrollbar, layout.scrollbar, &mut scroll);
    }
}
