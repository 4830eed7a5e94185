//! The git commit the binary is built from, for `--version` and the staff menu: clinic IT can
//! tell which build each kiosk of a fleet runs. And, for a release build, the order of the code
//! that starts the kiosk (`link/startup-order.txt`), and the unwinder linked in.

use std::env;
use std::path::Path;
use std::process::Command;

fn main() {
    startup_order();
    static_unwinder();
    let commit = Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()
        .filter(|output| output.status.success())
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_owned())
        .filter(|commit| !commit.is_empty())
        .unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=KIOSK_GIT_COMMIT={commit}");
    // Built again when HEAD moves: to another branch, or to a new commit on this one. Only
    // files that exist are named: a missing one would rebuild the binary every time.
    let head = Path::new(".git/HEAD");
    if head.is_file() {
        println!("cargo:rerun-if-changed=.git/HEAD");
        let reference = std::fs::read_to_string(head).unwrap_or_default();
        if let Some(branch) = reference.trim().strip_prefix("ref: ") {
            let branch = Path::new(".git").join(branch);
            if branch.is_file() {
                println!("cargo:rerun-if-changed={}", branch.display());
            }
        }
    } else {
        println!("cargo:rerun-if-changed=build.rs");
    }
}

/// Links the unwinder that panics use into the program (`libgcc_eh.a`, as `gcc -static-libgcc`
/// does) where Rust would load GCC's shared one at every start: loading `libgcc_s.so.1`, and its
/// probe of the processor, took a tenth of the time to the first screen (issue 23). Named before
/// Rust's own libraries, it answers the program's calls when the program is one object (the
/// release build's link-time optimisation); a debug build, linked in parts, keeps the shared one.
/// A statically linked build has the unwinder already.
fn static_unwinder() {
    let release = env::var("PROFILE").is_ok_and(|profile| profile == "release");
    let gnu = env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux")
        && env::var("CARGO_CFG_TARGET_ENV").is_ok_and(|target_env| target_env == "gnu");
    let static_build =
        env::var("CARGO_CFG_TARGET_FEATURE").is_ok_and(|features| features.contains("crt-static"));
    if release && gnu && !static_build {
        println!("cargo:rustc-link-lib=static:+verbatim=libgcc_eh.a");
    }
}

/// Puts the functions a kiosk runs as it starts and pages through a topic next to each other, in
/// the order they first run (`link/startup-order.txt`, written by `scripts/startup-order.py`).
/// Spread through 4.7 MB of code, they made the kernel map nearly all of it as they ran; together
/// they fill about 1 MB, SQLite's for the usage counts last (docs/PERFORMANCE.md, issue 23).
/// Only where Rust links with its own `rust-lld` by default (x86-64 Linux) and nobody chose
/// another linker: others may not know the option. A name the file lists that the build does not
/// have is passed over; the link map the same build writes beside it lets
/// `scripts/startup-order.py --check` count those.
fn startup_order() {
    println!("cargo:rerun-if-env-changed=RUSTC_LINKER");
    let release = env::var("PROFILE").is_ok_and(|profile| profile == "release");
    let default_linker = env::var("TARGET").is_ok_and(|target| target == "x86_64-unknown-linux-gnu")
        && env::var_os("RUSTC_LINKER").is_none()
        && !env::var("CARGO_ENCODED_RUSTFLAGS").is_ok_and(|flags| {
            ["linker", "fuse-ld", "link-self-contained"].iter().any(|word| flags.contains(word))
        });
    let order = Path::new(env!("CARGO_MANIFEST_DIR")).join("link/startup-order.txt");
    // Only a file that exists is named (as for .git's, a missing one would rebuild every time).
    if order.is_file() {
        println!("cargo:rerun-if-changed=link/startup-order.txt");
    }
    if !release || !default_linker {
        return;
    }
    if let Ok(out) = env::var("OUT_DIR") {
        println!("cargo:rustc-link-arg-bins=-Wl,-Map={out}/link.map");
    }
    if order.is_file() {
        println!("cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={}", order.display());
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
}
