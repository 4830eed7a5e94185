//! What the kiosk loads at every start besides itself: each shared library is mapped and
//! relocated whether or not it is used, and costs resident memory on every kiosk.

use std::process::Command;

use crate::common::tool_for;

#[test]
fn the_kiosk_needs_only_the_c_library_and_in_a_debug_build_the_unwinder_and_the_loader() {
    let test = "linked::the_kiosk_needs_only_the_c_library_and_in_a_debug_build_the_unwinder_and_the_loader";
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
    // libm came with SQLite's full-text search, which `.cargo/config.toml` leaves out. The
    // release build has the unwinder linked in (build.rs); a debug build, linked in parts,
    // loads GCC's, and names the loader for thread-local storage.
    let wanted: &[&str] = if cfg!(debug_assertions) {
        &["libgcc_s.so.1", "libc.so.6", "ld-linux-x86-64.so.2"]
    } else {
        &["libc.so.6"]
    };
    assert!(needed.iter().all(|library| wanted.contains(library)), "{needed:?}");
}
