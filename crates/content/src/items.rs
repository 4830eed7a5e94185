//! A section's items kept as one string: a library of 10,000 topics holds about 800,000 items
//! of 75 bytes or so, in 250,000 sections. A `String` apiece cost 40 bytes more than its text
//! (its own 24, the allocator's header and rounding), and a list of where each ends was one
//! more allocation a section: the kiosk's peak once such a library is read fell by 15 MiB
//! when the items became one string and a list of ends, and by 11 MiB more when the ends
//! moved into the string (issue 23).

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeSeq as _, Serializer};
use serde::{Deserialize, Serialize};

/// The items of a section, in order; read and written as a list of strings.
///
/// Held as one string: a header — how many items there are, then where each ends in the text
/// after the header, each number written as one character ([`as_character`]) — and the
/// items' text, one after another. Equal items are equal headers and text.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Items {
    packed: Box<str>,
}

impl Items {
    /// How many items there are.
    pub fn len(&self) -> usize {
        self.packed.chars().next().map_or(0, as_number)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.packed.is_empty()
    }

    /// Item `n`, counted from 0.
    pub fn get(&self, n: usize) -> Option<&str> {
        self.iter().nth(n)
    }

    /// The items in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        let mut header = self.packed.chars();
        let count = header.next().map_or(0, as_number);
        let ends = header.clone().take(count).map(as_number);
        for _ in 0..count {
            header.next();
        }
        let text = header.as_str();
        ends.scan(0, move |start, end| {
            let item = text.get(*start..end).unwrap_or_default();
            *start = end;
            Some(item)
        })
    }
}

/// A number of at most [`MOST`] as one character: itself, or past the surrogates (which are
/// no characters) 2,048 more.
fn as_character(number: usize) -> Option<char> {
    let number = u32::try_from(number).ok()?;
    char::from_u32(if number < 0xD800 { number } else { number.checked_add(0x800)? })
}

/// The number [`as_character`] wrote as `c`.
fn as_number(c: char) -> usize {
    let code = u32::from(c);
    (if code < 0xE000 { code } else { code - 0x800 }) as usize
}

/// The most any number of the header may be: items of a topic file, at most a mebibyte, are
/// far below it.
const MOST: usize = 0x10_FFFF - 0x800;

/// Items gathered one by one, then packed.
#[derive(Default)]
struct Gathering {
    text: String,
    ends: Vec<usize>,
}

impl Gathering {
    /// Ends the item written since the last one; `None` past [`MOST`] items or bytes of them.
    fn end_item(&mut self) -> Option<()> {
        (self.text.len() <= MOST && self.ends.len() < MOST).then(|| self.ends.push(self.text.len()))
    }

    fn done(self) -> Items {
        if self.ends.is_empty() {
            return Items::default();
        }
        // Every number is at most MOST, as `end_item` saw to.
        let header: String = std::iter::once(self.ends.len())
            .chain(self.ends.iter().copied())
            .filter_map(as_character)
            .collect();
        let mut packed = String::with_capacity(header.len() + self.text.len());
        packed.push_str(&header);
        packed.push_str(&self.text);
        Items { packed: packed.into_boxed_str() }
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
    fn numbers_past_the_surrogates_and_long_items_are_kept() {
        for number in (0..0x100).chain(0xD700..0xE900).chain([MOST - 1, MOST]) {
            assert_eq!(as_character(number).map(as_number), Some(number), "{number:#x}");
        }
        assert_eq!(as_character(MOST + 1), None);
        let items = ["é".repeat(30_000), String::new(), "x".repeat(70_000), "ñ".to_owned()];
        let compact: Items = items.iter().collect();
        assert_eq!(compact.iter().collect::<Vec<_>>(), items.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(compact.get(3), Some("ñ"));
        assert_eq!((Items::default().is_empty(), Items::default().len()), (true, 0));
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
