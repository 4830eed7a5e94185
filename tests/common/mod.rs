//! Helpers of the binary's tests: those of every test program (`app.rs`), the real binary in a
//! pseudo-terminal (`pty.rs`) and screenshots read as pixels (`picture.rs`).
#![allow(dead_code)] // Each test file uses its own share of these.

mod app;
pub mod picture;
pub mod pty;

pub use app::*;

/// Runs the built binary with `args` and no input, failing the test if it has not ended within
/// `within` (it is killed then): a command that waits for ever is a defect, not a slow test.
pub fn run_within(args: &[&str], within: std::time::Duration) -> std::process::Output {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run patient-kiosk");
    let deadline = std::time::Instant::now() + within;
    while child.try_wait().expect("wait").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("`patient-kiosk {}` did not end within {within:?}", args.join(" "));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}
