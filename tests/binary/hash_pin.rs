//! `patient-kiosk hash-pin`: from a pipe, and typed at a terminal with nothing shown.

use std::io::Write as _;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::common::pty::PtyKiosk;
use kiosk_core::pin::verify_pin;

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
    let (stdout, stderr, code) = hash_pin_from_pipe("246813\n");
    assert_eq!((code, stderr.as_str()), (0, ""));
    let hash = hash_in(&stdout);
    assert!(verify_pin(hash, "246813"));
    assert!(!verify_pin(hash, "246814"));
    // The line is valid configuration.
    let (config, problems) = kiosk_core::config::read_config("c.toml", &format!("[kiosk]\n{stdout}"));
    assert_eq!(problems, vec![]);
    assert_eq!(config.kiosk.exit_pin_hash.as_deref(), Some(hash));
}

#[test]
fn a_pin_that_is_not_six_to_twelve_digits_is_refused() {
    for bad in ["123\n", "1234\n", "12345\n", "12ab56\n", "\n", "1234567890123\n"] {
        let (stdout, stderr, code) = hash_pin_from_pipe(bad);
        assert_eq!(code, 1, "{bad:?}");
        assert_eq!(stdout, "", "{bad:?}");
        assert_eq!(stderr, "patient-kiosk hash-pin: a staff PIN is 6 to 12 digits\n", "{bad:?}");
    }
}

#[test]
fn a_pin_typed_at_a_terminal_is_never_shown() {
    let mut terminal = PtyKiosk::start(&["hash-pin"], 80, 24);
    terminal.wait_for("Staff PIN (6 to 12 digits):");
    terminal.send(b"975310\r");
    terminal.wait_for("The same PIN again:");
    terminal.send(b"975310\r");
    assert_eq!(terminal.wait_exit(Duration::from_secs(10)), Some(0));
    let shown = terminal.contents();
    assert!(!shown.contains("975310"), "{shown}");
    let line = shown.lines().find(|l| l.starts_with("exit_pin_hash")).expect("the config line");
    // The terminal may wrap the long line; the hash is whole up to the screen's edge.
    assert!(line.starts_with("exit_pin_hash = \"$argon2id$"), "{line}");
    terminal.assert_terminal_restored();
}

#[test]
fn two_different_pins_at_a_terminal_are_refused() {
    let mut terminal = PtyKiosk::start(&["hash-pin"], 80, 24);
    terminal.wait_for("Staff PIN");
    terminal.send(b"111111\r");
    terminal.wait_for("The same PIN again:");
    terminal.send(b"222222\r");
    assert_eq!(terminal.wait_exit(Duration::from_secs(10)), Some(1));
    terminal.wait_for("patient-kiosk hash-pin: the two PINs differ");
}

/// A pipe whose buffer is full, so the first write to it waits until the test reads it.
fn full_pipe() -> (std::io::PipeReader, std::io::PipeWriter) {
    use std::os::fd::AsRawFd as _;
    let (reader, mut writer) = std::io::pipe().expect("pipe");
    let fd = writer.as_raw_fd();
    // SAFETY: fcntl on a descriptor we own; only its status flags change.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    assert_eq!(unsafe { libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK) }, 0);
    while writer.write(&[b'.'; 4096]).is_ok() {}
    // The child shares this open file: it must wait, not fail, on the full pipe.
    assert_eq!(unsafe { libc::fcntl(fd, libc::F_SETFL, flags) }, 0);
    (reader, writer)
}

#[test]
fn echo_is_off_before_the_question_shows() {
    use std::io::Read as _;
    use std::os::fd::{AsRawFd as _, FromRawFd as _, OwnedFd};
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty fills two descriptors, which are owned from here on.
    let opened = unsafe {
        libc::openpty(
            &raw mut master,
            &raw mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(opened, 0, "openpty");
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let (mut question, full) = full_pipe();
    let mut child = Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .arg("hash-pin")
        .stdin(Stdio::from(slave.try_clone().expect("slave")))
        .stdout(Stdio::piped())
        .stderr(full)
        .spawn()
        .expect("run hash-pin");
    // The question cannot be written yet: echo must already be off while it waits to be.
    let echo_on = || {
        // SAFETY: termios is plain data that tcgetattr fills.
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::tcgetattr(slave.as_raw_fd(), &raw mut termios) }, 0);
        termios.c_lflag & libc::ECHO != 0
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while echo_on() {
        assert!(std::time::Instant::now() < deadline, "echo was still on while the question waited to show");
        std::thread::sleep(Duration::from_millis(10));
    }
    // Let the questions out, and answer each once it is asked.
    let (asked_again, second_question) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let (mut said, mut chunk) = (Vec::new(), [0u8; 4096]);
        while let Ok(read) = question.read(&mut chunk) {
            if read == 0 {
                break;
            }
            said.extend_from_slice(&chunk[..read]);
            if String::from_utf8_lossy(&said).contains("The same PIN again") {
                let _ = asked_again.send(());
                said.clear();
            }
        }
    });
    let mut keyboard = std::fs::File::from(master);
    keyboard.write_all(b"864209\r").expect("type");
    second_question.recv_timeout(Duration::from_secs(10)).expect("the PIN asked for again");
    keyboard.write_all(b"864209\r").expect("type");
    let mut stdout = String::new();
    child.stdout.take().expect("stdout").read_to_string(&mut stdout).expect("read");
    assert!(child.wait().expect("wait").success());
    assert!(verify_pin(hash_in(&stdout), "864209"));
}

/// Started with standard error closed, the program has /dev/null there, as Rust's own start-up
/// would give it (`shell::entry`): no file or socket it opens takes that number, to receive
/// what it says to standard error.
#[test]
fn a_closed_standard_error_is_dev_null_so_nothing_opened_takes_its_place() {
    let binary = env!("CARGO_BIN_EXE_patient-kiosk");
    let mut child = Command::new("sh")
        .args(["-c", "exec \"$0\" hash-pin 2>&-", binary])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run hash-pin");
    // While it waits for the PIN. (Early on, the loader's files may pass through that number.)
    let error_output = std::path::PathBuf::from(format!("/proc/{}/fd/2", child.id()));
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let target = std::fs::read_link(&error_output);
        if target.as_ref().is_ok_and(|target| target == std::path::Path::new("/dev/null")) {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "standard error is {target:?}");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.stdin.take().expect("stdin").write_all(b"246813\n").expect("write PIN");
    assert!(child.wait().expect("wait").success());
}
