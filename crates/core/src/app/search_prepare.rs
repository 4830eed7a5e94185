//! Building the search index away from the input path: the shell takes a [`SearchJob`] to a
//! thread when a library arrives, and hands back the [`PreparedIndex`] as
//! [`Input::SearchIndexReady`](super::Input::SearchIndexReady). Until then, or if the reader
//! has moved on (another language, staff mode, a newer library), search builds its own.

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

/// Below this many topics the index is built when search first opens, in a few milliseconds;
/// a thread for it would cost more memory than it saves time.
const TOPICS_WORTH_A_THREAD: usize = 200;

impl SearchJob {
    /// Whether the library is large enough that its index should be built on a thread as soon
    /// as it arrives, rather than when search first opens.
    pub fn worth_a_thread(&self) -> bool {
        self.library.topics().len() >= TOPICS_WORTH_A_THREAD
    }

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
            .is_some_and(|cache| cache.language == self.session.language && cache.staff == self.session.staff)
    }
}

/// Takes a prepared index if it is for the library, language and mode on screen now.
pub(super) fn adopt(app: &mut App, prepared: Box<PreparedIndex>) {
    let current = prepared.library.is_same(&app.library)
        && prepared.language == app.session.language
        && prepared.staff == app.session.staff;
    if current && !app.search_ready() {
        let PreparedIndex { language, staff, index, .. } = *prepared;
        app.search_index = Some(IndexCache { language, staff, index });
    }
}
