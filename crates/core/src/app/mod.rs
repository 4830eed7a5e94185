//! All state, and the pure `update` that changes it. Knows nothing about terminals: events come
//! in as values (with the time they happened), effects go out as values.

mod address;
mod audience;
mod bounds;
mod doctor_questions;
mod document;
mod event;
mod hints;
mod home;
mod home_host;
mod idle;
mod invariants;
mod journal;
mod keymap;
mod layout;
mod overlay;
mod page_cache;
mod pages;
mod pin_guard;
mod places;
mod related;
mod search;
mod search_host;
mod search_prepare;
mod session;
mod settings;
mod staff;
mod staff_panel;
mod state;
mod stats;
mod teach_back;
mod text_view;
mod topic;
mod topic_actions;
mod topic_host;
mod update;

pub use crate::config::ThemeName;
pub use address::address_lines;
pub use audience::Audience;
pub use document::{PageLine, PageView, Role, Run, layout_page};
pub use event::{Effect, Event, Input, Key, Mouse, MouseAction};
pub use hints::{HINT_GAP, Hint, hint_areas, hints};
pub use home::{HomeContext, HomeOutcome};
pub use journal::{Happening, Level};
pub use keymap::{Action, every_help_row, help_rows};
pub use kiosk_content::Page;
pub use layout::{
    Chrome, HOME_ENTRY_HEIGHT, HomeLayout, LANGUAGE_BUTTON_WIDTH, ListWindow, MAX_HEIGHT, MAX_LINE_WIDTH,
    MAX_WIDTH, MIN_HEIGHT, MIN_TARGET_WIDTH, MIN_WIDTH, PageNav, SEARCH_ENTRY_HEIGHT, SIDE_LIST_MIN_WIDTH,
    SearchLayout, TopicLayout, contains, drawn_area, language_buttons, too_small,
};
pub use overlay::{Overlay, Overlays, SearchState, StaffPanel};
pub use pages::{is_urgent, page_label, page_title, pages};
pub use pin_guard::{FIRST_LOCKOUT, LONGEST_LOCKOUT, PIN_TRIES, PinRecord, lockout_after};
pub use places::{HomeState, TopicState};
pub use search::{SearchContext, SearchOutcome};
pub use search_prepare::{PreparedIndex, SearchJob};
pub use session::{Flash, Screen, Session};
pub use settings::Settings;
pub use staff_panel::{StaffContext, StaffOutcome};
pub use state::App;
pub use stats::Counted;
pub use text_view::TextView;
pub use topic::{TopicContext, TopicOutcome};
pub use topic_actions::may_print;
pub use update::update;
