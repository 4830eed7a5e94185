//! The bundled content as the build read and checked it: the topics and interface catalogs,
//! ready without a TOML parse, so the kiosk's first screen does not wait for one.

#![warn(missing_docs)]
// Nothing here needs it: the terminal, signals and processes are the binary's.
#![forbid(unsafe_code)]

use std::sync::OnceLock;

use kiosk_content::{BUNDLED_FILES, Library, PreparedContent, PreparedHead, PreparedTopics};

/// The revision and catalogs, as the build script made them of `content/`.
static PREPARED_HEAD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/prepared-head.bin"));

/// The topics' names alone, from the same build.
static PREPARED_NAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/prepared-names.bin"));

/// The topics whole, from the same build.
static PREPARED_TOPICS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/prepared-topics.bin"));

/// The bundled revision and interface catalogs, without decoding the bundled topics: a kiosk
/// showing a folder's topics needs no more of the bundle.
pub fn head() -> &'static PreparedHead {
    static HEAD: OnceLock<PreparedHead> = OnceLock::new();
    HEAD.get_or_init(head_decoded)
}

/// [`head`] decoded afresh, for a caller that keeps its catalogs.
pub fn head_decoded() -> PreparedHead {
    PreparedHead::from_bytes(PREPARED_HEAD).unwrap_or_else(|| prepared_afresh().head().clone())
}

/// The bundled topics with their heads alone, and the vocabularies: what the first screen
/// lists, decoded in a fraction of the time the whole topics take.
pub fn names() -> Library {
    PreparedTopics::from_bytes(PREPARED_NAMES)
        .unwrap_or_else(|| prepared_afresh().topics().names())
        .into_library()
}

/// The bundled topics whole, decoded afresh for a caller that keeps them.
pub fn library() -> Library {
    topics_decoded().into_library()
}

/// The bundled topics and catalogs, kept for the life of the process.
pub fn bundled() -> &'static PreparedContent {
    static BUNDLED: OnceLock<PreparedContent> = OnceLock::new();
    BUNDLED.get_or_init(|| PreparedContent::from_parts(head_decoded(), topics_decoded()))
}

fn topics_decoded() -> PreparedTopics {
    PreparedTopics::from_bytes(PREPARED_TOPICS).unwrap_or_else(|| prepared_afresh().topics().clone())
}

/// Should an embedded part not read back (it is this build's own, so it always does), the
/// bundled files are parsed instead.
fn prepared_afresh() -> PreparedContent {
    PreparedContent::prepare(BUNDLED_FILES).0.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use kiosk_content::{Topic, load_bundled};

    #[test]
    fn the_embedded_content_is_the_bundled_content() {
        let whole = load_bundled().library;
        assert_eq!(super::library(), whole);
        assert_eq!(super::bundled().library(), whole);
        let heads: Vec<Topic> = whole.topics().iter().map(Topic::head).collect();
        assert_eq!(super::names().topics(), heads);
        assert_eq!(super::names().vocabularies(), whole.vocabularies());
        let afresh = super::prepared_afresh();
        assert_eq!(super::head(), afresh.head(), "the head is the bundle's own");
        assert_eq!(&super::head_decoded(), afresh.head());
        assert_eq!(super::bundled(), &afresh);
    }
}
