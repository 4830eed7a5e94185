//! A section's items kept as one string and where each item ends: a library of 10,000 topics
//! holds about 800,000 items of 75 bytes or so, and a `String` apiece cost 40 bytes more than
//! its text (its own 24, the allocator's header and rounding): `list` of such a library
//! peaked at 189 MB, and peaks at 174 MB this way (issue 23).

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeSeq as _, Serializer};
use serde::{Deserialize, Serialize};

/// The items of a section, in order; read and written as a list of strings.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Items {
    /// Every item, one after another.
    text: Box<str>,
    /// Where each item ends in `text`: a file holds at most a mebibyte.
    ends: Box<[u32]>,
}

impl Items {
    /// How many items there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Item `n`, counted from 0.
    pub fn get(&self, n: usize) -> Option<&str> {
        let end = *self.ends.get(n)? as usize;
        let start = n.checked_sub(1).map_or(0, |before| self.ends[before] as usize);
        Some(&self.text[start..end])
    }

    /// The items in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + DoubleEndedIterator + Clone + '_ {
        (0..self.len()).map(|n| &self[n])
    }
}

impl std::ops::Index<usize> for Items {
    type Output = str;

    fn index(&self, n: usize) -> &str {
        self.get(n).unwrap_or_else(|| panic!("item {n} of {}", self.len()))
    }
}

/// Items gathered one by one, then made compact.
#[derive(Default)]
struct Gathering {
    text: String,
    ends: Vec<u32>,
}

impl Gathering {
    /// Ends the item written since the last one; `None` past 4 GiB of items, which no topic
    /// file holds.
    fn end_item(&mut self) -> Option<()> {
        self.ends.push(u32::try_from(self.text.len()).ok()?);
        Some(())
    }

    fn done(self) -> Items {
        Items { text: self.text.into_boxed_str(), ends: self.ends.into_boxed_slice() }
    }
}

impl<S: AsRef<str>> FromIterator<S> for Items {
    fn from_iter<I: IntoIterator<Item = S>>(items: I) -> Items {
        let mut gathering = Gathering::default();
        for item in items {
            gathering.text.push_str(item.as_ref());
            gathering.end_item().expect("items of less than 4 GiB");
        }
        gathering.done()
    }
}

impl fmt::Debug for Items {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Items {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for item in self.iter() {
            seq.serialize_element(item)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Items {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Items, D::Error> {
        deserializer.deserialize_seq(ItemsVisitor)
    }
}

/// Reads a list of strings as `Vec<String>` does, with its messages, into one string.
struct ItemsVisitor;

impl<'de> Visitor<'de> for ItemsVisitor {
    type Value = Items;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Items, A::Error> {
        let mut gathering = Gathering::default();
        while seq.next_element_seed(AppendItem(&mut gathering.text))?.is_some() {
            gathering.end_item().ok_or_else(|| de::Error::custom("the items are too long"))?;
        }
        Ok(gathering.done())
    }
}

/// One item, written onto the end of the others.
struct AppendItem<'a>(&'a mut String);

impl<'de> DeserializeSeed<'de> for AppendItem<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for AppendItem<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, item: &str) -> Result<(), E> {
        self.0.push_str(item);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[derive(Debug, Deserialize, Serialize, PartialEq)]
    struct Section {
        items: Items,
    }

    #[derive(Debug, Deserialize)]
    struct AsStrings {
        #[expect(dead_code, reason = "read for its error messages")]
        items: Vec<String>,
    }

    proptest! {
        #[test]
        fn items_read_write_and_index_as_a_list_of_strings_does(items in prop::collection::vec(".{0,12}", 0..8)) {
            let compact: Items = items.iter().collect();
            prop_assert_eq!(compact.len(), items.len());
            prop_assert_eq!(compact.iter().collect::<Vec<_>>(), items.iter().map(String::as_str).collect::<Vec<_>>());
            prop_assert_eq!(compact.get(items.len()), None);
            // Every character escaped, as TOML lets one write any.
            let quoted: Vec<String> = items
                .iter()
                .map(|item| {
                    let escaped: Vec<String> = item.chars().map(|c| format!("\\U{:08X}", u32::from(c))).collect();
                    format!("\"{}\"", escaped.concat())
                })
                .collect();
            let toml = format!("items = [{}]", quoted.join(", "));
            prop_assert_eq!(toml::from_str::<Section>(&toml).expect("read"), Section { items: compact.clone() });
            let bytes = postcard::to_allocvec(&Section { items: compact.clone() }).expect("encoded");
            prop_assert_eq!(postcard::from_bytes::<Section>(&bytes).expect("decoded"), Section { items: compact });
        }
    }

    #[test]
    fn a_wrong_item_is_reported_as_a_list_of_strings_reports_it() {
        for toml in ["items = [\"One.\", [\"x\"]]", "items = \"One.\"", "items = [\"One.\", 2]"] {
            let ours = toml::from_str::<Section>(toml).expect_err(toml).to_string();
            let strings = toml::from_str::<AsStrings>(toml).expect_err(toml).to_string();
            assert_eq!(ours, strings);
        }
    }
}
