//! The real binary: run as a command, or in a real pseudo-terminal, or checked by the tools
//! that read its deployment files. One test program, so it is linked once.

#[path = "../common/mod.rs"]
mod common;

mod deploy;
mod e2e;
mod e2e_access;
mod e2e_find;
mod e2e_kiosk;
mod e2e_wire;
mod editorial;
mod handout;
mod hash_pin;
mod hostile_fixtures;
mod hostile_render;
mod linked;
mod live_reload;
mod manual;
mod one_page;
mod review_sign;
mod stale_cells;
mod touch_session;
mod validate_fixtures;
mod x_display;
mod xterm;
