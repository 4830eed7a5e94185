//! The topic loader and the configuration reader take any bytes at all — random, or a valid
//! file with bytes changed — without panicking, and every problem they report points inside the
//! file. For a long run: `PROPTEST_CASES=20000 cargo test --release --test pure prop_loaders`.

use kiosk_content::{Diagnostic, Severity, bundled_file, load_folder};
use kiosk_core::config::read_config;
use proptest::prelude::*;

const CONFIG: &str = include_str!("../../../../deploy/config.toml");

fn bundled_topic() -> &'static [u8] {
    bundled_file("vertebroplasty.en.toml").expect("the bundled topic")
}

/// A valid file with a few bytes changed, cut or put in: most of it still parses, so the
/// validator, not just the TOML parser, sees the damage.
fn mutated(original: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
    let edit = (any::<prop::sample::Index>(), 0usize..3, prop::collection::vec(any::<u8>(), 0..8));
    prop::collection::vec(edit, 1..6).prop_map(move |edits| {
        let mut bytes = original.to_vec();
        for (at, kind, new) in edits {
            let at = at.index(bytes.len() + 1);
            let end = (at + new.len()).min(bytes.len());
            match kind {
                0 => drop(bytes.splice(at..at, new)),
                1 => drop(bytes.splice(at..end, new)),
                _ => drop(bytes.drain(at..end)),
            }
        }
        bytes
    })
}

fn any_bytes(original: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        1 => prop::collection::vec(any::<u8>(), 0..2_000),
        1 => ".{0,2000}".prop_map(String::into_bytes),
        4 => mutated(original),
    ]
}

/// The problem's line is in the file, its caret on the quoted line, and the quoted line safe
/// to print.
fn check_points_inside(problem: &Diagnostic, lines: usize) -> Result<(), TestCaseError> {
    let line = problem.position.line;
    prop_assert!((1..=lines).contains(&line), "line {line} of {lines}: {}", problem.message);
    if let Some(excerpt) = &problem.excerpt {
        let width = excerpt.line.chars().count();
        prop_assert!(excerpt.columns.start <= width + 1, "{:?} on {width}", excerpt.columns);
        prop_assert!(!excerpt.line.chars().any(char::is_control), "{:?}", excerpt.line);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn the_topic_loader_reports_rather_than_panics(bytes in any_bytes(bundled_topic())) {
        let folder = tempfile::tempdir().expect("temporary folder");
        std::fs::write(folder.path().join("fuzzed.en.toml"), &bytes).expect("write");
        let report = load_folder(folder.path(), &kiosk_content::TrustedKeys::default()).expect("the folder exists");
        prop_assert_eq!(report.files_read, 1);
        let errors = report.count(Severity::Error);
        // A file either loads, or says why it did not.
        prop_assert!(report.library.topics().len() == 1 || errors > 0);
        let lines = bytes.split(|&b| b == b'\n').count();
        for diagnostic in &report.diagnostics {
            prop_assert!(diagnostic.file.ends_with("fuzzed.en.toml"), "{}", diagnostic.file);
            check_points_inside(diagnostic, lines)?;
        }
    }

    #[test]
    fn the_config_reader_reports_rather_than_panics(bytes in any_bytes(CONFIG.as_bytes())) {
        let text = String::from_utf8_lossy(&bytes);
        let (_, problems) = read_config("fuzzed.toml", &text);
        let lines = text.split('\n').count();
        for problem in &problems {
            prop_assert_eq!(&problem.file, "fuzzed.toml");
            check_points_inside(problem, lines)?;
        }
    }
}
