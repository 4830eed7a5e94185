//! The topics the kiosk offers, swapped as a whole when content is reloaded.

use super::model::Topic;
use super::vocabulary::Vocabulary;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// The language used when a topic is missing in the one asked for.
pub const FALLBACK_LANGUAGE: &str = "en";

/// Every topic that loaded without errors, in every language.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Sorted by title (case-insensitive), then id and language, so lists are stable. Shared,
    /// so a copy for work on another thread (building the search index) costs nothing.
    topics: Arc<Vec<Topic>>,
    /// The medical words search knows, one vocabulary per language.
    vocabularies: Arc<Vec<Vocabulary>>,
    /// The places in `topics` ordered by id, so finding a topic by id is a binary search, not
    /// a scan of thousands (an open topic's pages look up its related topics on every key).
    /// Made at the first search, not with the library: a library is made, and swapped, often
    /// while the kiosk starts, and most are never searched by id.
    by_id: Arc<OnceLock<Vec<u32>>>,
}

/// Equal when the topics and vocabularies are: the id index is only a way to find them.
impl PartialEq for Library {
    fn eq(&self, other: &Library) -> bool {
        self.topics == other.topics && self.vocabularies == other.vocabularies
    }
}

impl Eq for Library {}

impl Library {
    /// A library of these topics.
    pub fn new(mut topics: Vec<Topic>) -> Library {
        topics.sort_by_cached_key(|t| (t.title.to_lowercase(), t.id.clone(), t.language.clone()));
        Library { topics: Arc::new(topics), vocabularies: Arc::default(), by_id: Arc::default() }
    }

    /// The same topics, searched with these vocabularies.
    pub fn with_vocabularies(self, vocabularies: Vec<Vocabulary>) -> Library {
        Library { vocabularies: Arc::new(vocabularies), ..self }
    }

    /// Every vocabulary, one per language.
    pub fn vocabularies(&self) -> &[Vocabulary] {
        &self.vocabularies
    }

    /// The vocabulary of words typed in `language`, if there is one.
    pub fn vocabulary(&self, language: &str) -> Option<&Vocabulary> {
        self.vocabularies.iter().find(|vocabulary| vocabulary.language.same_language(language))
    }

    /// Whether `other` is this very library, not merely an equal one.
    pub fn is_same(&self, other: &Library) -> bool {
        Arc::ptr_eq(&self.topics, &other.topics)
    }

    /// Every topic in every language.
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// Every topic, handed over without copying.
    pub fn into_topics(self) -> Vec<Topic> {
        Arc::try_unwrap(self.topics).unwrap_or_else(|shared| (*shared).clone())
    }

    /// Whether no topic loaded.
    pub fn is_empty(&self) -> bool {
        self.topics.is_empty()
    }

    /// The topic `id` written in `language`.
    pub fn find(&self, id: &str, language: &str) -> Option<&Topic> {
        self.with_id(id).find(|t| t.language == language)
    }

    /// Every version of the topic `id`, in title order.
    fn with_id(&self, id: &str) -> impl Iterator<Item = &Topic> {
        let by_id = self.by_id.get_or_init(|| {
            let mut by_id: Vec<u32> = (0..self.topics.len() as u32).collect();
            // Stable: one id's versions stay in title order.
            by_id.sort_by(|&a, &b| self.topics[a as usize].id.cmp(&self.topics[b as usize].id));
            by_id
        });
        let id_at = |place: &u32| self.topics[*place as usize].id.as_str();
        let start = by_id.partition_point(|place| id_at(place) < id);
        by_id[start..]
            .iter()
            .take_while(move |place| id_at(place) == id)
            .map(|place| &self.topics[*place as usize])
    }

    /// The topic `id` as a reader of `language` should see it: in that language, else in the
    /// fallback language, else in any language it has.
    pub fn find_for_reader(&self, id: &str, language: &str) -> Option<&Topic> {
        self.find(id, language)
            .or_else(|| self.find(id, FALLBACK_LANGUAGE))
            .or_else(|| self.with_id(id).next())
    }

    /// One topic per id, each as [`Library::find_for_reader`] picks it, sorted by title.
    pub fn for_reader(&self, language: &str) -> Vec<&Topic> {
        self.positions_for_reader(language).into_iter().map(|index| &self.topics[index]).collect()
    }

    /// Where in [`Library::topics`] the topics of [`Library::for_reader`] stand, in its order.
    pub fn positions_for_reader(&self, language: &str) -> Vec<usize> {
        // One pass, not a search per id: a library of 10,000 topics is listed in milliseconds.
        let rank = |topic: &Topic| match topic.language.as_str() {
            l if l == language => 0,
            FALLBACK_LANGUAGE => 1,
            _ => 2,
        };
        let mut best: HashMap<&str, usize> = HashMap::with_capacity(self.topics.len());
        for (index, topic) in self.topics.iter().enumerate() {
            best.entry(topic.id.as_str())
                .and_modify(|chosen| {
                    if rank(topic) < rank(&self.topics[*chosen]) {
                        *chosen = index;
                    }
                })
                .or_insert(index);
        }
        // The topics are kept in title order, so their places are the list's order.
        let mut chosen: Vec<usize> = best.into_values().collect();
        chosen.sort_unstable();
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_are_found_by_id_in_the_language_asked_else_the_fallback_else_any() {
        let library = crate::load_bundled().library;
        assert_eq!(library.find("kyphoplasty", "es").map(|t| t.title.as_str()), Some("Cifoplastia"));
        assert_eq!(library.find("kyphoplasty", "fr"), None);
        assert_eq!(library.find_for_reader("kyphoplasty", "fr").map(|t| t.language.as_str()), Some("en"));
        assert_eq!(library.find("knee", "en"), None);
        // A clone shares the index made by the first search.
        let copy = library.clone();
        assert_eq!(copy.find("osteoporosis", "en").map(|t| t.id.as_str()), Some("osteoporosis"));
        assert_eq!(copy, library);
        let only_spanish =
            Library::new(library.topics().iter().filter(|t| t.language == "es").cloned().collect());
        assert_eq!(
            only_spanish.find_for_reader("osteoporosis", "en").map(|t| t.language.as_str()),
            Some("es")
        );
    }
}
