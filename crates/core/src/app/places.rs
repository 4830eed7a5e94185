//! Where a reader is on each screen: plain state the session keeps and the screens move.

use kiosk_content::TopicId;

/// Where the reader is on the home screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HomeState {
    /// The chosen topic's place in the list.
    pub selected: usize,
    /// The first topic shown, when the list is longer than the screen.
    pub first_visible: usize,
}

/// Where the reader is in a topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicState {
    /// The topic's id; the language comes from the session.
    pub id: TopicId,
    /// The current page's place in the topic's pages.
    pub page: usize,
    /// The first line of the page shown.
    pub scroll: usize,
    /// The chosen FAQ question.
    pub faq_selected: usize,
    /// The chosen question on a questions page (the section's item).
    pub question_selected: usize,
    /// The answer taken for each check, by the check's place.
    pub teach_back_answers: std::collections::BTreeMap<usize, usize>,
    /// The chosen answer or way back on the checks page.
    pub teach_back_cursor: usize,
    /// The chosen topic on the related page.
    pub related_selected: usize,
    /// Which FAQ answers are open, by entry.
    pub faq_open: Vec<bool>,
}

impl TopicState {
    /// The start of a topic with `faq_entries` questions.
    pub fn new(id: &str, faq_entries: usize) -> TopicState {
        TopicState {
            id: TopicId::from(id),
            page: 0,
            scroll: 0,
            faq_selected: 0,
            question_selected: 0,
            teach_back_answers: std::collections::BTreeMap::new(),
            teach_back_cursor: 0,
            related_selected: 0,
            faq_open: vec![false; faq_entries],
        }
    }
}
