//! The topic screen driven alone: a place in a topic and a context in, an outcome out; no App.
//! The context lays out the bundled Vertebroplasty topic's pages at 80×24.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::common::*;
use kiosk_content::i18n::Catalog;
use kiosk_content::{Page, SectionKind, Topic};
use kiosk_core::app::{
    Key, PageLine, PageView, TopicContext, TopicLayout, TopicOutcome, TopicState, layout_page, pages,
};
use ratatui_core::layout::Rect;

fn topic() -> Topic {
    vertebroplasty_library().find("vertebroplasty", "en").expect("the bundled topic").clone()
}

/// Runs `test` with the topic's context as a patient sees it.
fn with_context(test: impl FnOnce(&Topic, &TopicContext<'_>)) {
    let topic = topic();
    let shown = pages(&topic, false, false);
    let layout = TopicLayout::new(Rect::new(0, 0, 80, 24));
    let catalog = Catalog::english();
    let no_ticks = BTreeSet::new();
    let lines = |place: &TopicState| -> Arc<Vec<PageLine>> {
        let Some(&page) = shown.get(place.page) else { return Arc::default() };
        let view = PageView {
            page,
            faq_open: &place.faq_open,
            staff: false,
            notices: &[],
            ticked: &no_ticks,
            teach_back_answers: &place.teach_back_answers,
            related: &[],
        };
        Arc::new(layout_page(&topic, view, &catalog, layout.text.width))
    };
    let context = TopicContext { topic: &topic, pages: &shown, lines: &lines, related: 0, layout };
    test(&topic, &context);
}

#[test]
fn the_topic_alone_moves_through_pages_scrolls_within_one_and_goes_back() {
    with_context(|topic, context| {
        let mut place = TopicState::new(&topic.id, topic.faq.len());
        assert_eq!(place.on_key(Key::Right, context), TopicOutcome::Stay);
        assert_eq!(place.page, 1);
        place.on_key(Key::Char('3'), context);
        assert_eq!(place.page, 2);
        place.on_key(Key::Left, context);
        assert_eq!(place.page, 1);
        // A long page scrolls, never past its last screenful, and a new page starts at its top.
        let longest = (0..context.pages.len())
            .max_by_key(|&page| (context.lines)(&TopicState { page, ..place.clone() }).len())
            .expect("pages");
        place.page = longest;
        place.on_key(Key::Down, context);
        assert_eq!(place.scroll, 1);
        place.on_key(Key::End, context);
        let end = place.scroll;
        let lines = (context.lines)(&place).len();
        assert_eq!(end, lines - context.layout.text.height as usize, "the last screenful");
        place.on_key(Key::Down, context);
        assert_eq!(place.scroll, end, "never past the end");
        let other = if longest == 0 { '2' } else { '1' };
        place.on_key(Key::Char(other), context);
        assert_eq!((place.page, place.scroll), (usize::from(other == '2'), 0));
        // A key it has no use for changes nothing; Esc and Backspace go back.
        let before = place.clone();
        assert_eq!(place.on_key(Key::Char('z'), context), TopicOutcome::Stay);
        assert_eq!(place, before);
        assert_eq!(place.on_key(Key::Esc, context), TopicOutcome::Back);
        assert_eq!(place.on_key(Key::Backspace, context), TopicOutcome::Back);
    });
}

#[test]
fn the_topic_alone_opens_an_answer_and_asks_for_a_question_to_be_ticked() {
    with_context(|topic, context| {
        let mut place = TopicState::new(&topic.id, topic.faq.len());
        place.page = context.pages.iter().position(|page| *page == Page::Faq).expect("a FAQ page");
        place.on_key(Key::Enter, context);
        assert_eq!(place.faq_open.first(), Some(&true), "Enter opens the chosen answer");
        place.on_key(Key::Down, context);
        assert_eq!(place.faq_selected, 1);
        place.on_key(Key::Enter, context);
        assert_eq!(place.faq_open.get(1), Some(&true));

        let questions =
            topic.sections.iter().position(|s| s.kind == SectionKind::Questions).expect("questions");
        place.page =
            context.pages.iter().position(|page| *page == Page::Section(questions)).expect("its page");
        place.scroll = 0;
        place.on_key(Key::Down, context);
        assert_eq!(place.question_selected, 1);
        // The screen says which question; the session keeps the ticks.
        assert_eq!(place.on_key(Key::Char(' '), context), TopicOutcome::Tick(questions, 1));
        assert_eq!(place.teach_back_answers, BTreeMap::new());
    });
}
