//! Finding text across the library: every title, keyword, section and answer a reader may
//! see, matched word by word (exactly, by stem, through the medical vocabulary, by beginning,
//! with a typo forgiven). Knows nothing about terminals.

mod folder_search;
mod glance;
mod index;
mod pieces;
mod postings;
mod prefilter;
mod query;
mod recent_words;
mod scan;
mod sketch;
mod terms;
mod toml_walk;

pub use folder_search::FolderSearch;
pub use index::{Place, SearchIndex};
pub use pieces::Field;
pub use query::{Hit, MAX_QUERY_CHARS};
pub use scan::scan_heads;
pub use sketch::{Sketch, Sketcher};
