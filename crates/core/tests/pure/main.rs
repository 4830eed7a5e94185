//! The kiosk without a terminal: `update`, the drawing through ratatui's `TestBackend`, the
//! loaders and the configuration reader, property tests and the soak. One test program, so it is
//! linked once.

#[path = "../../../../tests/common/app.rs"]
mod common;

mod architecture;
mod config;
mod console_fonts;
mod contrast;
mod doctor_questions;
mod every_patient;
mod facts_review;
mod find_and_hand_out;
mod home_alone;
mod kiosk_lockdown;
mod kiosk_timers;
mod names_first;
mod overlays;
mod pin_check;
mod prop_events;
mod prop_loaders;
mod readability;
mod related;
mod review_lifecycle;
mod screens;
mod search;
mod search_alone;
mod snapshots;
mod soak;
mod spine_library;
mod staff_panel_alone;
mod take_home;
mod teach_back;
mod topic_alone;
mod update_keys;
mod update_mouse;
mod usage;
