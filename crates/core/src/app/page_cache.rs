//! The open page laid out once: wrapping a page is the costliest part of a key, and `update`
//! and the drawing ask for the lines several times each. The lines are kept with what they
//! were laid out for, and laid out again only when one of those changes.

use kiosk_content::{Lang, TopicId};
use std::cell::RefCell;
use std::sync::Arc;

use kiosk_content::Library;

use super::document::PageLine;

/// Everything a page's lines depend on.
#[derive(Debug, Clone)]
pub(super) struct PageKey {
    pub(super) library: Library,
    pub(super) topic: TopicId,
    pub(super) language: Lang,
    pub(super) page: usize,
    pub(super) faq_open: Vec<bool>,
    pub(super) ticked: std::collections::BTreeSet<(usize, usize)>,
    pub(super) teach_back_answers: std::collections::BTreeMap<usize, usize>,
    pub(super) staff: bool,
    pub(super) width: u16,
}

impl PartialEq for PageKey {
    fn eq(&self, other: &PageKey) -> bool {
        fn what(key: &PageKey) -> impl PartialEq + '_ {
            (
                &key.topic,
                &key.language,
                key.page,
                &key.faq_open,
                &key.ticked,
                &key.teach_back_answers,
                key.staff,
                key.width,
            )
        }
        self.library.is_same(&other.library) && what(self) == what(other)
    }
}

/// The last page laid out, and what for.
#[derive(Debug, Clone, Default)]
pub(super) struct PageCache(RefCell<Option<(PageKey, Arc<Vec<PageLine>>)>>);

impl PageCache {
    /// The lines for `key`: the kept ones, or `lay_out`'s, kept from now on.
    pub(super) fn get(&self, key: PageKey, lay_out: impl FnOnce() -> Vec<PageLine>) -> Arc<Vec<PageLine>> {
        if let Some((kept, lines)) = &*self.0.borrow()
            && *kept == key
        {
            return Arc::clone(lines);
        }
        let lines = Arc::new(lay_out());
        *self.0.borrow_mut() = Some((key, Arc::clone(&lines)));
        lines
    }
}
