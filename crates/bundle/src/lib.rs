//! The bundled content as the build read and checked it: the topics and interface catalogs,
//! ready without a TOML parse, so the kiosk's first screen does not wait for one.

#![warn(missing_docs)]
// Nothing here needs it: the terminal, signals and processes are the binary's.
#![forbid(unsafe_code)]

use std::sync::OnceLock;

use kiosk_content::{BUNDLED_FILES, PreparedContent, PreparedHead};

/// What the build script made of `content/`.
static PREPARED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/prepared-content.bin"));

/// The revision and catalogs alone, from the same build.
static PREPARED_HEAD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/prepared-head.bin"));

/// The bundled revision and interface catalogs, without decoding the bundled topics: a kiosk
/// showing a folder's topics needs no more of the bundle.
pub fn head() -> &'static PreparedHead {
    static HEAD: OnceLock<PreparedHead> = OnceLock::new();
    HEAD.get_or_init(head_decoded)
}

/// [`head`] decoded afresh, for a caller that keeps its catalogs.
pub fn head_decoded() -> PreparedHead {
    PreparedHead::from_bytes(PREPARED_HEAD).unwrap_or_else(|| bundled().head().clone())
}

/// The bundled topics and catalogs, kept for the life of the process.
pub fn bundled() -> &'static PreparedContent {
    static BUNDLED: OnceLock<PreparedContent> = OnceLock::new();
    BUNDLED.get_or_init(decoded)
}

/// The bundled topics and catalogs decoded afresh, for a caller that keeps them: the kiosk,
/// which would otherwise hold them twice, its library and [`bundled`]'s copy. Should the
/// embedded form not read back (it is this build's own, so it always does), the bundled files
/// are parsed instead.
pub fn decoded() -> PreparedContent {
    PreparedContent::from_bytes(PREPARED)
        .or_else(|| PreparedContent::prepare(BUNDLED_FILES).0)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use kiosk_content::load_bundled;

    #[test]
    fn the_embedded_content_is_the_bundled_content() {
        let prepared = kiosk_content::PreparedContent::from_bytes(super::PREPARED).expect("reads back");
        assert_eq!(prepared.library(), load_bundled().library);
        assert_eq!(&prepared, super::bundled());
        assert_eq!(super::head(), prepared.head(), "the head is the bundle's own");
        assert_eq!(&super::head_decoded(), prepared.head());
        assert_eq!(super::decoded(), prepared);
    }
}
