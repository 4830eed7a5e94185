//! A topic's id: its name in file names, links and the command line, the same in every
//! language. Compared exactly: `validate` holds every id to lowercase letters, digits and `-`,
//! so two ids that differ in any way name two topics.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Serialize};

/// A topic's id, such as `vertebroplasty`. Reads as the text it holds (`&id` is a `&str`).
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TopicId(String);

impl TopicId {
    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for TopicId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for TopicId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A map keyed by ids is looked up with any text.
impl Borrow<str> for TopicId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for TopicId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for TopicId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for TopicId {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

/// Shown as the text it holds, padded as asked (`{:8}` lines up a column).
impl fmt::Display for TopicId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

/// Debugged as the text it holds, quoted: messages say `(found "Knee")`.
impl fmt::Debug for TopicId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl From<&str> for TopicId {
    fn from(id: &str) -> TopicId {
        TopicId(id.to_owned())
    }
}

impl From<String> for TopicId {
    fn from(id: String) -> TopicId {
        TopicId(id)
    }
}

#[cfg(test)]
mod tests {
    use super::TopicId;

    #[test]
    fn an_id_shows_and_debugs_as_its_text() {
        let id = TopicId::from("knee");
        assert_eq!(format!("{id:6}|{id:?}"), "knee  |\"knee\"");
        assert_eq!(id, "knee");
    }
}
