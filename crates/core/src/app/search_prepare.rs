//! Building the search index away from the input path. `update` is its one owner: when search
//! needs an index that is not there — search opened, or a large library arrived — it asks for
//! one with [`Effect::BuildSearchIndex`](super::Effect::BuildSearchIndex), once per library,
//! language and mode; the shell builds it on a thread and hands back the [`PreparedIndex`] as
//! [`Input::SearchIndexReady`](super::Input::SearchIndexReady). Until then search says it is
//! still reading the library; no key ever waits for the index.

use super::state::{App, IndexCache, visible_to};
use crate::search::SearchIndex;
use kiosk_content::Library;
use kiosk_content::i18n::Catalog;

/// Everything needed to build the index the reader would search now.
#[derive(Debug, Clone)]
pub struct SearchJob {
    library: Library,
    catalog: Catalog,
    language: String,
    staff: bool,
    reviewed_only: bool,
    today: Option<jiff::civil::Date>,
}

/// From this many topics the index is built as soon as a library arrives, so the first search
/// does not wait seconds for it; below, when search first opens (a few milliseconds), so a
/// kiosk nobody searches on keeps the memory.
const TOPICS_BUILT_AHEAD: usize = 200;

/// Two jobs are the same when they build for the same library, language and mode.
impl PartialEq for SearchJob {
    fn eq(&self, other: &SearchJob) -> bool {
        self.library.is_same(&other.library) && self.language == other.language && self.staff == other.staff
    }
}

impl Eq for SearchJob {}

impl SearchJob {
    /// Builds the index: seconds at 10,000 topics, so not on the thread that reads keys.
    pub fn build(self) -> Box<PreparedIndex> {
        let SearchJob { library, catalog, language, staff, reviewed_only, today } = self;
        let index = SearchIndex::build(&library, &catalog, &language, staff, &|topic| {
            visible_to(topic, staff, reviewed_only, today)
        });
        Box::new(PreparedIndex { library, language, staff, index })
    }
}

/// A search index built elsewhere, and what it was built for.
#[derive(Debug, Clone)]
pub struct PreparedIndex {
    library: Library,
    language: String,
    staff: bool,
    index: SearchIndex,
}

/// Two prepared indexes are the same when built for the same library, language and mode.
impl PartialEq for PreparedIndex {
    fn eq(&self, other: &PreparedIndex) -> bool {
        self.library.is_same(&other.library) && self.language == other.language && self.staff == other.staff
    }
}

impl Eq for PreparedIndex {}

impl App {
    /// The index search would need now, when it is not built yet.
    pub fn search_job(&self) -> Option<SearchJob> {
        (!self.search_ready()).then(|| SearchJob {
            library: self.library.clone(),
            catalog: self.catalog().clone(),
            language: self.session.language.clone(),
            staff: self.session.staff,
            reviewed_only: self.settings.reviewed_only,
            today: self.today,
        })
    }

    /// Whether search has its index for the reader's language and mode.
    pub fn search_ready(&self) -> bool {
        self.search_index
            .as_ref()
            .is_some_and(|cache| cache.is_for(&self.session.language, self.session.staff))
    }
}

/// What an index was asked for: the library, the language and the mode.
#[derive(Debug, Clone)]
pub(super) struct IndexRequest {
    library: Library,
    language: String,
    staff: bool,
}

impl IndexRequest {
    fn is_for(&self, library: &Library, language: &str, staff: bool) -> bool {
        self.library.is_same(library) && self.language == language && self.staff == staff
    }
}

/// Asks for the index search needs, unless it is there or already asked for: the one place an
/// index build starts.
pub(super) fn request_index(app: &mut App) -> Option<SearchJob> {
    let needed = app.session.search.is_some() || app.library.topics().len() >= TOPICS_BUILT_AHEAD;
    let (language, staff) = (app.session.language.as_str(), app.session.staff);
    let asked = app.index_requested.as_ref().is_some_and(|asked| asked.is_for(&app.library, language, staff));
    if !needed || asked {
        return None;
    }
    let job = app.search_job()?;
    app.index_requested =
        Some(IndexRequest { library: job.library.clone(), language: job.language.clone(), staff: job.staff });
    Some(job)
}

/// Takes a prepared index if it is for the library, language and mode on screen now, and runs
/// an open search's query with it.
pub(super) fn adopt(app: &mut App, prepared: Box<PreparedIndex>) {
    let current = prepared.library.is_same(&app.library)
        && prepared.language == app.session.language
        && prepared.staff == app.session.staff;
    if current && !app.search_ready() {
        let PreparedIndex { language, staff, index, .. } = *prepared;
        app.search_index = Some(IndexCache { language, staff, index });
        super::search::refresh_search(app);
    }
}
