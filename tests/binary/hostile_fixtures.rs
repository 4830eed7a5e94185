//! The corpus in tests/fixtures/hostile/: each file is refused by `validate` with an exact
//! message, or loads and is shown harmlessly. Either way the real binary, in a pseudo-terminal,
//! writes no byte of the hostile text to the wire as a control or escape sequence.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use crate::common::pty::PtyKiosk;

const RIGHT: &[u8] = b"\x1b[C";
const END_KEY: &[u8] = b"\x1b[F";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile").join(name)
}

/// `validate --format short` on one fixture folder: its errors, and the summary line.
fn validate(name: &str) -> (Vec<String>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .args(["validate", "--format", "short"])
        .arg(fixture(name))
        .current_dir(fixture(name))
        .output()
        .expect("run validate");
    let text = String::from_utf8(output.stdout).expect("UTF-8 report");
    let errors = text.lines().filter(|line| line.contains(": error: ")).map(str::to_owned).collect();
    let summary = text.lines().last().unwrap_or_default().to_owned();
    (errors, summary)
}

/// Byte sequences that would steer a terminal if hostile text reached it.
fn assert_nothing_hostile(name: &str, wire: &[u8]) {
    let found = |needle: &[u8]| wire.windows(needle.len()).any(|window| window == needle);
    assert!(!found(b"\x1b]"), "{name}: an OSC sequence reached the wire");
    assert!(!wire.contains(&0x07), "{name}: a BEL reached the wire");
    for c1 in 0x80..=0x9f_u8 {
        assert!(!found(&[0xc2, c1]), "{name}: the C1 control U+00{c1:02X} reached the wire");
    }
    for bidi in ['\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2069}'] {
        let mut utf8 = [0; 4];
        assert!(!found(bidi.encode_utf8(&mut utf8).as_bytes()), "{name}: {bidi:?} reached the wire");
    }
    assert!(!found(b"2J\x1b[H now"), "{name}: the hostile clear-screen reached the wire");
}

/// Runs the kiosk on the fixture, opens its topic when there is one, walks every page to its
/// end, and quits; returns every byte written.
fn walk_through(name: &str, has_topic: bool) -> Vec<u8> {
    let folder = fixture(name);
    let mut kiosk = PtyKiosk::start(&["--content", folder.to_str().expect("UTF-8 path")], 80, 24);
    if has_topic {
        // The list, with the topic's subtitle; then the topic itself, named in the header.
        kiosk.wait_for("A test of bad text");
        kiosk.send(b"\r");
        kiosk.wait_for("› Hostile");
        for _ in 0..8 {
            kiosk.send(END_KEY);
            kiosk.send(b"\r");
            kiosk.send(RIGHT);
        }
    } else {
        kiosk.wait_for("Patient Education");
    }
    kiosk.send(b"q");
    assert_eq!(kiosk.wait_exit(Duration::from_secs(20)), Some(0), "{name}: the kiosk did not quit");
    kiosk.assert_terminal_restored();
    kiosk.bytes()
}

fn refused(name: &str, error: &str) {
    let (errors, summary) = validate(name);
    let file = format!("{}/{name}.en.toml", fixture(name).display());
    assert_eq!(errors, [format!("{file}:{error}")], "{name}");
    assert!(summary.starts_with("checked 1 file: 0 topics loaded, 1 error"), "{summary}");
    assert_nothing_hostile(name, &walk_through(name, false));
}

fn shown_harmlessly(name: &str) {
    let (errors, summary) = validate(name);
    assert!(errors.is_empty(), "{name}: {errors:?}");
    assert!(summary.starts_with("checked 1 file: 1 topic loaded, 0 errors"), "{summary}");
    assert_nothing_hostile(name, &walk_through(name, true));
}

#[test]
fn escape_sequences_are_refused() {
    refused(
        "esc-csi",
        "6:11: error: `summary` holds a control character (U+001B) at character 19; text may not \
         contain control characters other than a new line",
    );
}

#[test]
fn a_clipboard_write_is_refused() {
    refused(
        "osc52-clipboard",
        "6:11: error: `summary` holds a control character (U+001B) at character 11; text may not \
         contain control characters other than a new line",
    );
}

#[test]
fn a_window_title_change_is_refused() {
    refused(
        "osc0-title",
        "6:11: error: `summary` holds a control character (U+001B) at character 8; text may not \
         contain control characters other than a new line",
    );
}

#[test]
fn c1_controls_are_refused() {
    refused(
        "c1-controls",
        "17:10: error: `sections[0].items[0]` holds a control character (U+009B) at character 10; \
         text may not contain control characters other than a new line",
    );
}

#[test]
fn a_bidi_override_is_refused() {
    refused(
        "bidi-override",
        "17:10: error: `sections[0].items[0]` holds a bidirectional control character (U+202E) at \
         character 6; text may not contain control characters other than a new line",
    );
}

#[test]
fn floods_of_zero_width_and_combining_marks_are_shown_harmlessly() {
    shown_harmlessly("zero-width-flood");
}

#[test]
fn a_line_of_nearly_a_mebibyte_is_shown_harmlessly() {
    shown_harmlessly("huge-line");
}

#[test]
fn ten_thousand_questions_are_shown_harmlessly() {
    shown_harmlessly("many-faq");
}

/// A topic file that is a link out of the content folder — to the password file, or to a
/// process's environment — is refused by name and never read, so no message quotes it.
#[test]
fn a_link_out_of_the_content_folder_is_never_read_or_quoted() {
    let dir = tempfile::tempdir().expect("scratch");
    std::os::unix::fs::symlink("/etc/passwd", dir.path().join("shadow.en.toml")).expect("link");
    std::os::unix::fs::symlink("/proc/self/environ", dir.path().join("environ.en.toml")).expect("link");
    let output = Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .args(["validate", "--format", "human"])
        .arg(dir.path())
        .env("KIOSK_TEST_SECRET", "do-not-print-me")
        .output()
        .expect("run validate");
    let said =
        String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    for name in ["shadow.en.toml", "environ.en.toml"] {
        let line = format!("{name}:1:1");
        assert!(said.contains(&line), "{name} named: {said}");
    }
    assert_eq!(
        said.matches("it is a link to a file outside the content folder; such a file is never read").count(),
        2,
        "{said}"
    );
    assert!(
        !said.contains("root:") && !said.contains("do-not-print-me"),
        "nothing of them is quoted: {said}"
    );
    assert_eq!(output.status.code(), Some(1));
}

/// Every message that quotes what was typed shows an escape as `\u{1b}`: an id that is a
/// terminal command (a window title, a clipboard write) is never sent to the terminal.
#[test]
fn no_message_echoes_an_escape_sequence_it_was_given() {
    let osc = "\x1b]0;PWN\x07";
    let clipboard = "\x1b]52;c;SGVsbG8=\x07";
    let cases: [&[&str]; 6] = [
        &["show", osc],
        &["show", "vertebroplasty", "--section", clipboard],
        &["export", osc, "--format", "text"],
        &["--topic", clipboard],
        &["--code", osc],
        &["search", osc],
    ];
    for args in cases {
        let output =
            Command::new(env!("CARGO_BIN_EXE_patient-kiosk")).args(args).output().expect("run patient-kiosk");
        let said = [output.stdout, output.stderr].concat();
        assert!(!said.contains(&0x1b) && !said.contains(&0x07), "{args:?} wrote a control byte: {said:?}");
        assert!(
            String::from_utf8_lossy(&said).contains("\\u{1b}"),
            "{args:?}: {}",
            String::from_utf8_lossy(&said)
        );
        assert_ne!(output.status.code(), Some(0), "{args:?}");
    }
}

/// A file whose name is not UTF-8 is reported, not passed over in silence; a topic named twice
/// in `related` is warned of and listed once.
#[test]
fn a_name_that_is_not_utf8_and_a_related_id_named_twice_are_reported() {
    use std::os::unix::ffi::OsStrExt as _;
    let dir = tempfile::tempdir().expect("scratch");
    let odd = std::ffi::OsStr::from_bytes(b"caf\xe9.en.toml");
    std::fs::write(dir.path().join(odd), "id = \"cafe\"\n").expect("write");
    let topic = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/osteoporosis.en.toml"))
        .expect("topic")
        .replace(
            "related = [\"vertebral-compression-fracture\", \"kyphoplasty\", \"vertebroplasty\"]",
            "related = [\"osteoporosis-twin\", \"osteoporosis-twin\"]",
        );
    std::fs::write(dir.path().join("osteoporosis.en.toml"), &topic).expect("write");
    let twin = topic
        .replacen("id = \"osteoporosis\"", "id = \"osteoporosis-twin\"", 1)
        .replace("related = [\"osteoporosis-twin\", \"osteoporosis-twin\"]", "related = [\"osteoporosis\"]");
    std::fs::write(dir.path().join("osteoporosis-twin.en.toml"), twin).expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .args(["validate", "--format", "short"])
        .arg(dir.path())
        .output()
        .expect("run validate");
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        said.contains("caf\u{fffd}.en.toml:1:1: error: the file's name is not UTF-8 text, so it cannot match a topic's id; the file is skipped"),
        "{said}"
    );
    assert!(said.contains("warning: `related` names `osteoporosis-twin` twice; it is listed once"), "{said}");
}
