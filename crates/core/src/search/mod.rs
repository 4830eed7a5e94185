//! Finding text across the library: every title, keyword, section and answer a reader may
//! see, matched with typos forgiven (nucleo-matcher). Knows nothing about terminals.

mod index;
mod pieces;
mod postings;
mod query;

pub use index::{Place, SearchIndex};
pub use pieces::Field;
pub use query::{Hit, MAX_QUERY_CHARS};
