//! A content revision: a short fingerprint of a content folder's files (names and bytes), so
//! clinic IT can tell which content a kiosk shows (`--version`, the staff menu). Not a
//! security measure: FNV-1a, 64 bits, shown as 12 hex digits.

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(PRIME))
}

/// The fingerprint of one file: its name and its bytes.
pub fn file_fingerprint(name: &str, bytes: &[u8]) -> u64 {
    fnv(fnv(OFFSET, name.as_bytes()), bytes)
}

/// The revision of files whose fingerprints come in file-name order.
pub fn revision(fingerprints: impl IntoIterator<Item = u64>) -> String {
    let hash = fingerprints.into_iter().fold(OFFSET, |hash, file| fnv(hash, &file.to_le_bytes()));
    format!("{:012x}", hash >> 16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_revision_changes_with_any_byte_or_name_and_not_otherwise() {
        let files = [("a.en.toml", &b"one"[..]), ("b.en.toml", &b"two"[..])];
        let of = |files: &[(&str, &[u8])]| revision(files.iter().map(|(n, b)| file_fingerprint(n, b)));
        let base = of(&files);
        assert_eq!(base.len(), 12);
        assert_eq!(of(&files), base);
        assert_ne!(of(&[("a.en.toml", b"one"), ("b.en.toml", b"twO")]), base);
        assert_ne!(of(&[("a.es.toml", b"one"), ("b.en.toml", b"two")]), base);
        assert_ne!(of(&files[..1]), base);
    }
}
