//! The topic loader and validator on any bytes: no panic, and every problem it reports points at
//! a line of the file, with a quoted line that is safe to print.
//!
//! `cargo +nightly fuzz run topic_file fuzz/seeds/topic_file`

#![no_main]

use kiosk_content::load_in_memory;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // Named as the bundled topic is, so a damaged copy of it gets past the file-name check to
    // the validator.
    let report = load_in_memory(&[("vertebroplasty.en.toml", bytes)], "fuzz", &|_| Vec::new());
    let lines = bytes.split(|&b| b == b'\n').count();
    for problem in &report.diagnostics {
        let line = problem.position.line;
        assert!((1..=lines).contains(&line), "line {line} of {lines}: {}", problem.message);
        if let Some(excerpt) = &problem.excerpt {
            assert!(!excerpt.line.chars().any(char::is_control), "{:?}", excerpt.line);
        }
    }
    assert!(report.library.topics().len() <= 1);
});
