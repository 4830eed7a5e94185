//! The bundled content as the build read and checked it: the topics and interface catalogs,
//! ready without a TOML parse, so the kiosk's first screen does not wait for one.

#![warn(missing_docs)]

use std::sync::OnceLock;

use kiosk_content::{BUNDLED_FILES, PreparedContent};

/// What the build script made of `content/`.
static PREPARED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/prepared-content.bin"));

/// The bundled topics and catalogs. Should the embedded form not read back (it is this
/// build's own, so it always does), the bundled files are parsed instead.
pub fn bundled() -> &'static PreparedContent {
    static BUNDLED: OnceLock<PreparedContent> = OnceLock::new();
    BUNDLED.get_or_init(|| {
        PreparedContent::from_bytes(PREPARED)
            .or_else(|| PreparedContent::prepare(BUNDLED_FILES).0)
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use kiosk_content::load_bundled;

    #[test]
    fn the_embedded_content_is_the_bundled_content() {
        let prepared = kiosk_content::PreparedContent::from_bytes(super::PREPARED).expect("reads back");
        assert_eq!(prepared.library(), load_bundled().library);
        assert_eq!(&prepared, super::bundled());
    }
}
