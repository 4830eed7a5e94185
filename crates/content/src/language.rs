//! Language tags compared the two ways the kiosk means them, each said once: the very same tag
//! (a catalog of a language's own, a topic file's language), and the same language for a
//! reader (`es` and `es-MX`). [`Lang`] holds a tag and compares by the first: `==` on two
//! tags, or a tag and text, is always [`same_tag`].

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use serde::{Deserialize, Serialize};

/// Whether two tags are the same tag, whatever their letters' case (`es-MX` and `es-mx`).
fn same_tag(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// A tag's language without its region: `es` for `es-MX`.
pub fn base_language(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// Whether two language tags name the same language for a reader (`es` and `es-MX` do).
fn same_language(a: &str, b: &str) -> bool {
    same_tag(base_language(a), base_language(b))
}

/// A BCP 47 language tag as written (`en`, `es-MX`, `zh-Hant`). Equal to another tag, or to
/// text, when it is the same tag in any case; [`Lang::same_language`] for a reader's match.
/// Reads as the text it holds (`&lang` is a `&str`), so it is shown and passed as written.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Lang(String);

impl Lang {
    /// The tag as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether a reader of this language reads `other` (`es` and `es-MX` are one language).
    pub fn same_language(&self, other: &str) -> bool {
        same_language(&self.0, other)
    }

    /// The language without its region: `es` for `es-MX`.
    pub fn base(&self) -> &str {
        base_language(&self.0)
    }
}

impl PartialEq for Lang {
    fn eq(&self, other: &Lang) -> bool {
        same_tag(&self.0, &other.0)
    }
}

impl Eq for Lang {}

impl PartialEq<str> for Lang {
    fn eq(&self, other: &str) -> bool {
        same_tag(&self.0, other)
    }
}

impl PartialEq<&str> for Lang {
    fn eq(&self, other: &&str) -> bool {
        same_tag(&self.0, other)
    }
}

impl PartialEq<String> for Lang {
    fn eq(&self, other: &String) -> bool {
        same_tag(&self.0, other)
    }
}

impl PartialEq<Lang> for &str {
    fn eq(&self, other: &Lang) -> bool {
        same_tag(self, &other.0)
    }
}

/// Ordered as equality compares: by its letters in one case.
impl Ord for Lang {
    fn cmp(&self, other: &Lang) -> std::cmp::Ordering {
        let lower = u8::to_ascii_lowercase;
        self.0.bytes().map(|byte| lower(&byte)).cmp(other.0.bytes().map(|byte| lower(&byte)))
    }
}

impl PartialOrd for Lang {
    fn partial_cmp(&self, other: &Lang) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Hashed as equality compares: by its letters in one case.
impl Hash for Lang {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for byte in self.0.bytes() {
            state.write_u8(byte.to_ascii_lowercase());
        }
        state.write_u8(0xff);
    }
}

impl Deref for Lang {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Lang {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// Shown as the text it holds, padded as asked (`{:8}` lines up a column).
impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

/// Debugged as the text it holds, quoted: messages say `(found "Knee")`.
impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl From<&str> for Lang {
    fn from(tag: &str) -> Lang {
        Lang(tag.to_owned())
    }
}

impl From<String> for Lang {
    fn from(tag: String) -> Lang {
        Lang(tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_its_own_whatever_the_case_and_a_region_is_the_same_language() {
        assert!(same_tag("es-MX", "es-mx"));
        assert!(!same_tag("es", "es-MX"));
        assert!(same_language("es", "ES-mx"));
        assert!(!same_language("en", "es"));
        assert_eq!(base_language("pt-BR"), "pt");
    }

    #[test]
    fn a_lang_compares_as_the_same_tag_and_hashes_as_it_compares() {
        use std::collections::HashSet;
        let mexican = Lang::from("es-MX");
        assert_eq!(mexican, Lang::from("ES-mx"));
        assert_eq!(mexican, "es-mx");
        assert_ne!(mexican, Lang::from("es"));
        assert!(mexican.same_language("es"));
        assert_eq!(mexican.base(), "es");
        assert_eq!(format!("{mexican:6}|{mexican:?}"), "es-MX |\"es-MX\"");
        let tags: HashSet<Lang> = [Lang::from("es-MX"), Lang::from("es-mx"), Lang::from("es")].into();
        assert_eq!(tags.len(), 2);
    }
}
