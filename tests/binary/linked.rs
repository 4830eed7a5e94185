//! What the kiosk loads at every start besides itself: each shared library is mapped and
//! relocated whether or not it is used, and costs resident memory on every kiosk.

use std::process::Command;

use crate::common::tool_for;

#[test]
fn the_kiosk_needs_only_the_c_library_the_unwinder_and_the_loader() {
    let test = "linked::the_kiosk_needs_only_the_c_library_the_unwinder_and_the_loader";
    if !tool_for(test, "readelf") {
        return;
    }
    let out = Command::new("readelf")
        .args(["--dynamic", env!("CARGO_BIN_EXE_patient-kiosk")])
        .output()
        .expect("readelf runs");
    let dynamic = String::from_utf8_lossy(&out.stdout);
    let needed: Vec<&str> = dynamic
        .lines()
        .filter(|line| line.contains("(NEEDED)"))
        .filter_map(|line| line.split('[').nth(1)?.split(']').next())
        .collect();
    // libm came with SQLite's full-text search, which `.cargo/config.toml` leaves out. (A
    // debug build also names the loader, for thread-local storage.)
    let wanted = ["libgcc_s.so.1", "libc.so.6", "ld-linux-x86-64.so.2"];
    assert!(needed.iter().all(|library| wanted.contains(library)), "{needed:?}");
}

/// The binary's code is advised as read at random (`src/shell/code_pages.rs`), which the kernel
/// shows as "rr" among the mapping's flags.
#[test]
fn the_kiosks_code_is_advised_as_read_at_random() {
    let mut kiosk = crate::common::pty::PtyKiosk::start(&[], 80, 24);
    kiosk.wait_for("Choose a topic");
    let smaps = std::fs::read_to_string(format!("/proc/{}/smaps", kiosk.pid())).expect("smaps reads");
    kiosk.quit();
    let binary = std::fs::canonicalize(env!("CARGO_BIN_EXE_patient-kiosk")).expect("the binary");
    let binary = binary.to_string_lossy();
    // Each mapping's heading line, then its lines of figures, the last its flags.
    let mut code_flags = Vec::new();
    let mut in_code = false;
    for line in smaps.lines() {
        let range = line.split_whitespace().next().unwrap_or_default();
        let heading = range.contains('-') && range.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
        if heading {
            in_code = line.contains(" r-xp ") && line.ends_with(binary.as_ref());
        } else if in_code && let Some(flags) = line.strip_prefix("VmFlags:") {
            code_flags.push(flags.split_whitespace().map(str::to_owned).collect::<Vec<_>>());
        }
    }
    assert!(!code_flags.is_empty(), "no code mapping of {binary} in:\n{smaps}");
    assert!(code_flags.iter().all(|flags| flags.iter().any(|f| f == "rr")), "{code_flags:?}");
}
