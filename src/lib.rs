//! patient-kiosk: a full-screen terminal program that teaches patients about a medical
//! procedure, from TOML topic files.
//!
//! Four parts, each using only the ones before it: [`content`] (the files), [`i18n`] (the
//! interface's words), [`app`] (state and a pure `update`), [`ui`] (pure drawing). Beside them,
//! [`config`] reads the configuration file and [`pin`] hashes and checks the staff PIN. The
//! binary's `main.rs` is the shell that touches the terminal and the world.

#![warn(missing_docs)]

pub mod app;
pub mod config;
pub mod content;
pub mod editorial;
pub mod handout;
pub mod i18n;
pub mod pin;
pub mod qr;
pub mod readability;
pub mod search;
pub mod ui;
