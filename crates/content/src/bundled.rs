//! The content folder as it was at build time, compiled into the binary.

include!(concat!(env!("OUT_DIR"), "/bundled_files.rs"));

/// A bundled file's bytes, by its path under `content/` (e.g. `ui/en.toml`).
pub fn bundled_file(path: &str) -> Option<&'static [u8]> {
    BUNDLED_FILES.iter().find(|(name, _)| *name == path).map(|(_, bytes)| *bytes)
}
