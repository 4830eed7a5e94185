//! The kiosk's core: all state and the pure `update` ([`app`]), the pure drawing of that state
//! ([`ui`]), and what they use: [`search`], [`handout`]s, the [`config`]uration file, the staff
//! [`pin`], the [`glyphs`] a terminal can draw and the [`wording`] of marks and sources that
//! screen and paper share. It reads content through `kiosk_content` and draws with ratatui's
//! core and widgets; it never touches a terminal, a clock or a process — the binary does.

#![warn(missing_docs)]
// Nothing here needs it: the terminal, signals and processes are the binary's.
#![forbid(unsafe_code)]

pub mod app;
pub mod config;
pub mod glyphs;
pub mod handout;
pub mod pin;
pub mod search;
pub mod ui;
pub mod wording;
