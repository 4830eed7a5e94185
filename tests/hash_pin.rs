//! `patient-kiosk hash-pin`: from a pipe, and typed at a terminal with nothing shown.

mod common;

use std::io::Write as _;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::pty::PtyKiosk;
use patient_kiosk::pin::verify_pin;

fn hash_pin_from_pipe(input: &str) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .arg("hash-pin")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run hash-pin");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write PIN");
    let output = child.wait_with_output().expect("wait");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code().expect("exit code"),
    )
}

/// The hash inside `exit_pin_hash = "…"`.
fn hash_in(line: &str) -> &str {
    line.trim()
        .strip_prefix("exit_pin_hash = \"")
        .and_then(|rest| rest.strip_suffix('"'))
        .expect("the config line")
}

#[test]
fn a_piped_pin_gives_a_configuration_line_that_checks_it() {
    let (stdout, stderr, code) = hash_pin_from_pipe("2468\n");
    assert_eq!((code, stderr.as_str()), (0, ""));
    let hash = hash_in(&stdout);
    assert!(verify_pin(hash, "2468"));
    assert!(!verify_pin(hash, "2469"));
    // The line is valid configuration.
    let (config, problems) = patient_kiosk::config::read_config("c.toml", &format!("[kiosk]\n{stdout}"));
    assert_eq!(problems, vec![]);
    assert_eq!(config.kiosk.exit_pin_hash.as_deref(), Some(hash));
}

#[test]
fn a_pin_that_is_not_four_to_twelve_digits_is_refused() {
    for bad in ["123\n", "12ab\n", "\n", "1234567890123\n"] {
        let (stdout, stderr, code) = hash_pin_from_pipe(bad);
        assert_eq!(code, 1, "{bad:?}");
        assert_eq!(stdout, "", "{bad:?}");
        assert_eq!(stderr, "patient-kiosk hash-pin: a staff PIN is 4 to 12 digits\n", "{bad:?}");
    }
}

#[test]
fn a_pin_typed_at_a_terminal_is_never_shown() {
    let mut terminal = PtyKiosk::start(&["hash-pin"], 80, 24);
    terminal.wait_for("Staff PIN (4 to 12 digits):");
    terminal.send(b"97531\r");
    terminal.wait_for("The same PIN again:");
    terminal.send(b"97531\r");
    assert_eq!(terminal.wait_exit(Duration::from_secs(10)), Some(0));
    let shown = terminal.contents();
    assert!(!shown.contains("97531"), "{shown}");
    let line = shown.lines().find(|l| l.starts_with("exit_pin_hash")).expect("the config line");
    // The terminal may wrap the long line; the hash is whole up to the screen's edge.
    assert!(line.starts_with("exit_pin_hash = \"$argon2id$"), "{line}");
    terminal.assert_terminal_restored();
}

#[test]
fn two_different_pins_at_a_terminal_are_refused() {
    let mut terminal = PtyKiosk::start(&["hash-pin"], 80, 24);
    terminal.wait_for("Staff PIN");
    terminal.send(b"1111\r");
    terminal.wait_for("The same PIN again:");
    terminal.send(b"2222\r");
    assert_eq!(terminal.wait_exit(Duration::from_secs(10)), Some(1));
    terminal.wait_for("patient-kiosk hash-pin: the two PINs differ");
}
