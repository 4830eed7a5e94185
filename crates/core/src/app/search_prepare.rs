//! Building the search index away from the input path. `update` is its one owner: when search
//! needs an index that is not there — search opened — it asks for one with [`Effect::BuildSearchIndex`](super::Effect::BuildSearchIndex), once per library,
//! language and mode; the shell builds it on a thread and hands back the [`PreparedIndex`] as
//! [`Input::SearchIndexReady`](super::Input::SearchIndexReady). Until then search says it is
//! still reading the library; no key ever waits for the index.

use super::audience::Audience;
use super::state::{App, Arrived, IndexCache};
use crate::search::SearchIndex;
use kiosk_content::i18n::Catalog;

/// Everything needed to build the index the reader would search now. Two jobs are the same when
/// they build for the same audience.
#[derive(Debug, Clone)]
pub struct SearchJob {
    audience: Audience,
    catalog: Catalog,
}

impl PartialEq for SearchJob {
    fn eq(&self, other: &SearchJob) -> bool {
        self.audience == other.audience
    }
}

impl Eq for SearchJob {}

impl SearchJob {
    /// Builds the index: seconds at 10,000 topics, so not on the thread that reads keys.
    pub fn build(self) -> Box<PreparedIndex> {
        let SearchJob { audience, catalog } = self;
        let index = SearchIndex::build(
            audience.library(),
            &catalog,
            audience.language(),
            audience.staff(),
            &|topic| audience.sees(topic),
        );
        Box::new(PreparedIndex { audience, index })
    }
}

/// A search index built elsewhere, and the audience it was built for.
#[derive(Debug, Clone)]
pub struct PreparedIndex {
    audience: Audience,
    index: SearchIndex,
}

impl PartialEq for PreparedIndex {
    fn eq(&self, other: &PreparedIndex) -> bool {
        self.audience == other.audience
    }
}

impl Eq for PreparedIndex {}

impl App {
    /// The index search would need now, when it is not built yet; none while the library is
    /// still being read, which has nothing to index.
    pub fn search_job(&self) -> Option<SearchJob> {
        (self.arrived == Arrived::Everything && !self.search_ready())
            .then(|| SearchJob { audience: self.audience(), catalog: self.catalog().clone() })
    }

    /// Whether search has its index for this audience: never while the library is still being
    /// read, so a search typed then says so rather than "Nothing found".
    pub fn search_ready(&self) -> bool {
        self.arrived == Arrived::Everything
            && self.search_index.as_ref().is_some_and(|cache| cache.audience == self.audience())
    }
}

/// Asks for the index search needs, unless it is there or already asked for: the one place an
/// index build starts. Only an open search needs one: a kiosk nobody searches on never holds
/// an index (tens of MiB at 10,000 topics), and while one is being built the topics' heads
/// answer at once.
pub(super) fn request_index(app: &mut App) -> Option<SearchJob> {
    let needed = app.session.search().is_some();
    let audience = app.audience();
    if !needed || app.index_requested.as_ref() == Some(&audience) {
        return None;
    }
    let job = app.search_job()?;
    app.index_requested = Some(audience);
    Some(job)
}

/// Takes a prepared index if it is for the audience on screen now, and runs an open search's
/// query with it.
pub(super) fn adopt(app: &mut App, prepared: Box<PreparedIndex>) {
    if prepared.audience == app.audience() && !app.search_ready() {
        let PreparedIndex { audience, index } = *prepared;
        app.search_index = Some(IndexCache { audience, index });
        super::search_host::refresh_search(app);
    }
}
