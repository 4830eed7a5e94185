//! The interface's own words, in every language the kiosk offers: one catalog file per
//! language under `content/ui/`. Knows nothing about terminals.

mod catalog;
mod messages;

pub use catalog::{BASE_LANGUAGE, Catalog, CatalogError, Catalogs, bundled_languages};
pub use messages::Msg;
