//! The git commit the binary is built from, for `--version` and the staff menu: clinic IT can
//! tell which build each kiosk of a fleet runs.

use std::path::Path;
use std::process::Command;

fn main() {
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
