//! The words of the index each typed word of the last query matched. Typing a query word by
//! word asks again, at every key, for the words the earlier words match: finding a word's
//! typos means reading every word of about its length, the dearest part of a keystroke at
//! 50,000 topics. Those of the last query are kept, and only those.

use std::sync::{Mutex, PoisonError};

use super::terms::{Kind, Needle};

/// The words of the index a typed word matches, and how: (kind, word number), sorted.
pub(super) type MatchingWords = Vec<(Kind, u32)>;

/// What the words a typed word matches depend on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Asked {
    key: String,
    stems: Vec<String>,
    prefix: bool,
    edits: usize,
}

impl Asked {
    fn of(needle: &Needle) -> Asked {
        Asked {
            key: needle.key.clone(),
            stems: needle.stems.clone(),
            prefix: needle.prefix,
            edits: needle.edits,
        }
    }
}

/// The last query's typed words and the words each matched. A lock, as the index is shared
/// between threads; a search holds it only to look up or to store.
#[derive(Debug, Default)]
pub(super) struct RecentWords(Mutex<Vec<(Asked, MatchingWords)>>);

impl RecentWords {
    /// Forgets the words of typed words `needles` no longer holds: a new query begins.
    pub fn keep_only(&self, needles: &[Needle]) {
        let mut held = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        held.retain(|(asked, _)| needles.iter().any(|needle| Asked::of(needle) == *asked));
    }

    /// How many typed words are kept.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).len()
    }

    /// The words `needle` matches: kept from before, or found by `find` and kept.
    pub fn get_or_find(&self, needle: &Needle, find: impl FnOnce() -> MatchingWords) -> MatchingWords {
        let asked = Asked::of(needle);
        if let Some((_, words)) =
            self.0.lock().unwrap_or_else(PoisonError::into_inner).iter().find(|(held, _)| *held == asked)
        {
            return words.clone();
        }
        let words = find();
        self.0.lock().unwrap_or_else(PoisonError::into_inner).push((asked, words.clone()));
        words
    }
}

/// A copy of an index starts with nothing kept.
impl Clone for RecentWords {
    fn clone(&self) -> RecentWords {
        RecentWords::default()
    }
}

#[cfg(test)]
mod tests {
    use kiosk_content::i18n::Catalog;

    use crate::search::SearchIndex;

    #[test]
    fn words_kept_from_the_key_before_find_what_a_fresh_index_finds() {
        let library = kiosk_content::load_bundled().library;
        let typing = SearchIndex::build(&library, &Catalog::english(), "en", true, &|_| true);
        for typed in ["back pain cement", "vertebroplatsy bone cem", "osteo fracture s", "22511 spine"] {
            // Letter by letter, then the first words again: words kept and words forgotten.
            let keys = (1..=typed.len()).map(|end| &typed[..end]).chain(typed.split(' ').take(2));
            for query in keys {
                let fresh = typing.clone();
                assert_eq!(typing.search(query, 50), fresh.search(query, 50), "{query:?}");
            }
        }
    }
}
