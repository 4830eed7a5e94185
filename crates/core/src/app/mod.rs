//! All state, and the pure `update` that changes it. Knows nothing about terminals: events come
//! in as values (with the time they happened), effects go out as values.

mod actions;
mod document;
mod event;
mod hints;
mod invariants;
mod keymap;
mod layout;
mod navigate;
mod page_cache;
mod pages;
mod pin_guard;
mod search_overlay;
mod search_prepare;
mod session;
mod settings;
mod staff;
mod state;
mod text_view;
mod update;

pub use actions::may_print;
pub use document::{PageLine, PageView, Role, Run, layout_page};
pub use event::{Effect, Event, Input, Key, Mouse, MouseAction};
pub use hints::{HINT_GAP, Hint, MIN_TARGET_WIDTH, hint_areas, hints};
pub use keymap::{Action, help_rows};
pub use kiosk_content::Page;
pub use layout::{
    Chrome, HOME_ENTRY_HEIGHT, HomeLayout, LANGUAGE_BUTTON_WIDTH, MAX_HEIGHT, MAX_WIDTH, MIN_HEIGHT,
    MIN_WIDTH, PageNav, SEARCH_ENTRY_HEIGHT, SIDE_LIST_MIN_WIDTH, SearchLayout, TopicLayout, contains,
    drawn_area, language_buttons, too_small,
};
pub use navigate::first_visible;
pub use pages::{page_label, page_title, pages};
pub use pin_guard::{FIRST_LOCKOUT, LONGEST_LOCKOUT, PIN_TRIES, PinRecord, lockout_after};
pub use search_prepare::{PreparedIndex, SearchJob};
pub use session::{Flash, HomeState, Screen, SearchState, Session, StaffPanel, TopicState};
pub use settings::{Settings, ThemeName};
pub use state::App;
pub use text_view::TextView;
pub use update::update;
