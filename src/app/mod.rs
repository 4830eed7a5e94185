//! All state, and the pure `update` that changes it. Knows nothing about terminals: events come
//! in as values (with the time they happened), effects go out as values.

mod document;
mod event;
mod hints;
mod layout;
mod pages;
mod state;
mod update;

pub use document::{Line, PageView, Role, Run, layout_page};
pub use event::{Effect, Event, Input, Key, Mouse, MouseAction};
pub use hints::{HINT_GAP, Hint, hint_areas, hints};
pub use layout::{
    Chrome, HOME_ENTRY_HEIGHT, HomeLayout, MIN_HEIGHT, MIN_WIDTH, PageNav, SIDE_LIST_MIN_WIDTH, TopicLayout,
    hits, too_small,
};
pub use pages::{Page, page_label, page_title, pages};
pub use state::{App, HomeState, Screen, Settings, TopicState};
pub use update::{first_visible, update};
