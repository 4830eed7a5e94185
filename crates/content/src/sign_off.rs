//! A clinician's sign-off bound to the text: a minisign signature beside each topic file
//! (`vertebroplasty.en.toml.minisig`), whose trusted comment names the reviewer, the day and
//! the next review. With trusted keys configured, a topic counts as reviewed only when its
//! signature verifies; any later edit makes it a draft again. IT can check the same files with
//! the standard tool: `minisign -V -p key.pub -m vertebroplasty.en.toml`.

use std::path::Path;

use minisign_verify::{PublicKey, Signature};

use super::date::ReviewDate;
use super::read_file::{ReadFileError, read_regular_file_here};

/// What a signature file's name adds to its topic file's name (minisign's own default).
pub const SIGNATURE_SUFFIX: &str = ".minisig";

/// The code of a problem with a topic's sign-off: staff and the journal hear of every one, as
/// of errors, since a topic they think reviewed is shown as a draft (or hidden).
pub const SIGNATURE_PROBLEM: &str = "signature";

/// The largest signature file read: a real one is about 300 bytes.
pub const MAX_SIGNATURE_BYTES: u64 = 4096;

/// The public keys whose signatures make a topic reviewed. Not in use (the default): a topic's
/// `[review]` table says whether it was reviewed.
#[derive(Debug, Clone, Default)]
pub struct TrustedKeys {
    keys: Vec<PublicKey>,
    in_use: bool,
    /// The keys as written, fingerprinted: what a topic's review status was decided by.
    fingerprint: u64,
}

/// A trusted key that is not a minisign public key.
#[derive(Debug, thiserror::Error)]
#[error("`{0}` is not a minisign public key: copy the second line of the `.pub` file, which starts with RW")]
pub struct BadKey(pub String);

impl TrustedKeys {
    /// Sign-off not in use.
    pub const NONE: TrustedKeys = TrustedKeys { keys: Vec::new(), in_use: false, fingerprint: 0 };

    /// The keys written in base64, as the second line of a minisign `.pub` file. Sign-off is
    /// in use when any key is named, even one that is not a key: a mistyped key trusts nothing,
    /// it never turns sign-off off ([`TrustedKeys::first_bad`] names it for a message).
    pub fn from_base64<S: AsRef<str>>(keys: &[S]) -> TrustedKeys {
        TrustedKeys {
            keys: keys.iter().filter_map(|key| PublicKey::from_base64(key.as_ref().trim()).ok()).collect(),
            in_use: !keys.is_empty(),
            fingerprint: keys
                .iter()
                .fold(0, |hash, key| crate::file_fingerprint(key.as_ref().trim(), &hash.to_le_bytes())),
        }
    }

    /// The first of `keys` that is not a minisign public key.
    pub fn first_bad<S: AsRef<str>>(keys: &[S]) -> Option<BadKey> {
        keys.iter()
            .find(|key| PublicKey::from_base64(key.as_ref().trim()).is_err())
            .map(|key| BadKey(key.as_ref().to_owned()))
    }

    /// Whether sign-off is in use.
    pub fn in_use(&self) -> bool {
        self.in_use
    }

    /// A fingerprint of the keys as written: equal for the same keys, in the same order.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }
}

/// Who signed a topic file, and when, as its signature's trusted comment says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOff {
    /// Name and credential: "Dana Lee, MD".
    pub reviewer: String,
    /// The day of signing.
    pub signed_on: ReviewDate,
    /// The day by which the topic must be reviewed again.
    pub next_review: ReviewDate,
}

impl SignOff {
    /// The trusted comment that carries this sign-off for the file named `file_name`: fields
    /// separated by tabs, as minisign's own `timestamp:…<tab>file:…`.
    pub fn trusted_comment(&self, file_name: &str) -> String {
        format!(
            "file:{file_name}\treviewer:{}\tsigned:{}\tnext_review:{}",
            self.reviewer, self.signed_on, self.next_review
        )
    }

    /// The sign-off a trusted comment carries, if it is one of ours for `file_name`.
    pub fn from_trusted_comment(comment: &str, file_name: &str) -> Option<SignOff> {
        let field =
            |name: &str| comment.split('\t').find_map(|part| part.strip_prefix(name)?.strip_prefix(':'));
        let date = |name: &str| -> Option<ReviewDate> {
            field(name)?.parse::<jiff::civil::Date>().ok().map(ReviewDate::from)
        };
        (field("file")? == file_name).then_some(())?;
        let reviewer = field("reviewer")?.trim().to_owned();
        (!reviewer.is_empty()).then_some(SignOff {
            reviewer,
            signed_on: date("signed")?,
            next_review: date("next_review")?,
        })
    }
}

/// Why a topic file does not count as signed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unsigned {
    /// No signature file beside it.
    #[error("no signature file")]
    Missing,
    /// The signature file could not be read: a link, a pipe, too large, unreadable.
    #[error("the signature file cannot be read: {0}")]
    Unreadable(String),
    /// It is not a minisign signature, or not one of ours.
    #[error("the signature file is not a minisign signature with a reviewer, a date and a next review")]
    Garbled,
    /// No trusted key made it.
    #[error("the signature was not made with a trusted key")]
    Untrusted,
    /// A trusted key made it, but the file changed since.
    #[error("the file changed after {} signed it on {}", .0.reviewer, .0.signed_on)]
    Changed(SignOff),
}

/// The signature file of the topic file at `path`.
pub fn signature_path(path: &Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(SIGNATURE_SUFFIX);
    name.into()
}

/// Reads the signature file at `path`: a regular file, not followed if it is a link, at most
/// [`MAX_SIGNATURE_BYTES`].
pub fn read_signature(path: &Path) -> Result<Vec<u8>, Unsigned> {
    match read_regular_file_here(path, MAX_SIGNATURE_BYTES) {
        Ok(bytes) => Ok(bytes),
        Err(ReadFileError::Io(error)) if error.kind() == std::io::ErrorKind::NotFound => {
            Err(Unsigned::Missing)
        }
        Err(error) => Err(Unsigned::Unreadable(error.to_string())),
    }
}

/// Whether `signature` (the bytes of a `.minisig` file) signs `file` (named `file_name`) with
/// one of `keys`, and who signed it.
pub fn verify(
    keys: &TrustedKeys,
    file_name: &str,
    file: &[u8],
    signature: &[u8],
) -> Result<SignOff, Unsigned> {
    let text = std::str::from_utf8(signature).map_err(|_| Unsigned::Garbled)?;
    let signature = Signature::decode(text).map_err(|_| Unsigned::Garbled)?;
    let sign_off =
        SignOff::from_trusted_comment(signature.trusted_comment(), file_name).ok_or(Unsigned::Garbled)?;
    let mut changed = false;
    for key in &keys.keys {
        match key.verify(file, &signature, false) {
            Ok(()) => return Ok(sign_off),
            // The key made the signature, but over other bytes: the file was edited.
            Err(minisign_verify::Error::InvalidSignature) => changed = true,
            Err(_) => {}
        }
    }
    Err(if changed { Unsigned::Changed(sign_off) } else { Unsigned::Untrusted })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trusted_comment_carries_the_sign_off_of_its_own_file_only() {
        let sign_off = SignOff {
            reviewer: "Dana Lee, MD".to_owned(),
            signed_on: jiff::civil::date(2026, 12, 4).into(),
            next_review: jiff::civil::date(2027, 12, 4).into(),
        };
        let comment = sign_off.trusted_comment("knee.en.toml");
        assert_eq!(
            comment,
            "file:knee.en.toml\treviewer:Dana Lee, MD\tsigned:2026-12-04\tnext_review:2027-12-04"
        );
        assert_eq!(SignOff::from_trusted_comment(&comment, "knee.en.toml"), Some(sign_off));
        // A signature copied beside another file signs nothing there.
        assert_eq!(SignOff::from_trusted_comment(&comment, "hip.en.toml"), None);
        assert_eq!(
            SignOff::from_trusted_comment("timestamp:1555779966\tfile:knee.en.toml", "knee.en.toml"),
            None
        );
    }

    #[test]
    fn a_key_that_is_not_base64_is_refused_with_what_to_copy() {
        let error = TrustedKeys::first_bad(&["hello"]).expect("not a key");
        assert!(error.to_string().contains("second line of the `.pub` file"), "{error}");
        assert!(!TrustedKeys::from_base64::<&str>(&[]).in_use());
        // A mistyped key trusts nothing, and sign-off stays in use.
        assert!(TrustedKeys::from_base64(&["hello"]).in_use());
    }

    #[test]
    fn garbage_is_never_signed() {
        let keys = TrustedKeys::from_base64(&["RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3"]);
        assert_eq!(verify(&keys, "a.en.toml", b"text", b"\xff\xfe garbage"), Err(Unsigned::Garbled));
        assert_eq!(
            verify(&keys, "a.en.toml", b"text", b"untrusted comment: x\nRWQ\n"),
            Err(Unsigned::Garbled)
        );
    }
}
