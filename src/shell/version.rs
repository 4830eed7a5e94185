//! What build this is: the version, the git commit, and the bundled content's revision.

use std::sync::LazyLock;

/// `0.1.0 (commit 1234abcd5678, bundled content 9f8e7d6c5b4a)`, for `--version`.
pub fn version() -> &'static str {
    static VERSION: LazyLock<String> = LazyLock::new(|| {
        format!(
            "{} (commit {}, bundled content {})",
            env!("CARGO_PKG_VERSION"),
            env!("KIOSK_GIT_COMMIT"),
            kiosk_bundle::head().revision()
        )
    });
    &VERSION
}

/// `patient-kiosk 0.1.0 (commit 1234abcd5678)`, for the staff menu and the journal.
pub fn program() -> String {
    format!("patient-kiosk {} (commit {})", env!("CARGO_PKG_VERSION"), env!("KIOSK_GIT_COMMIT"))
}
