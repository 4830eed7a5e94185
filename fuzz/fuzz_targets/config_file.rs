//! The configuration reader on any text: no panic, and every problem points at a line of it.
//!
//! `cargo +nightly fuzz run config_file fuzz/seeds/config_file`

#![no_main]

use kiosk_core::config::read_config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (_, problems) = read_config("config.toml", text);
    let lines = text.split('\n').count();
    for problem in &problems {
        let line = problem.position.line;
        assert!((1..=lines).contains(&line), "line {line} of {lines}: {}", problem.message);
    }
});
