//! A one-off search of a content folder (`patient-kiosk search`), answered as the kiosk's index
//! answers it, with only the topics that may be among the best parsed. Every file is sketched
//! first ([`Sketch`]: read by its tokens, no parse); topics are then loaded best reach first,
//! a few and then twice as many each time, and indexed, until no topic left could rank before
//! the last hit kept. A word in every file then costs a read of the folder and a few topics
//! parsed, where it cost a load of the whole folder.

use std::collections::{HashMap, HashSet};

use kiosk_content::i18n::Catalog;
use kiosk_content::{Library, Topic, Vocabulary};

use super::index::SearchIndex;
use super::query::Hit;
use super::sketch::{Looked, Reach, Sketch, Sketcher};

/// One query over one folder.
pub struct FolderSearch {
    looked: Looked,
    query: String,
    limit: usize,
    catalog: Catalog,
    vocabularies: Vec<Vocabulary>,
}

impl FolderSearch {
    /// `query` as a reader of `language` (staff or not) searches it, for at most `limit` hits,
    /// with the folder's `vocabularies` and the reader's `catalog` (its default headings).
    pub fn new(
        query: &str,
        language: &str,
        staff: bool,
        limit: usize,
        vocabularies: &[Vocabulary],
        catalog: &Catalog,
    ) -> FolderSearch {
        let vocabulary = vocabularies.iter().find(|vocabulary| vocabulary.language.same_language(language));
        FolderSearch {
            looked: Looked::new(query, language, staff, vocabulary),
            query: query.to_owned(),
            limit,
            catalog: catalog.clone(),
            vocabularies: vocabularies.to_vec(),
        }
    }

    /// A sketcher of files for this query, for one thread.
    pub fn sketcher(&self) -> Sketcher {
        Sketcher::new(&self.looked, &self.catalog)
    }

    /// The best hits, best first, with the library of the topics loaded to find them. The
    /// sketches are each file's, with its topic id; `load` loads every file of the topics
    /// it is given.
    pub fn run<'a>(
        &self,
        sketches: Vec<(&'a str, Sketch)>,
        load: &mut dyn FnMut(&HashSet<&'a str>) -> Vec<Topic>,
    ) -> (Library, Vec<Hit>) {
        let mut by_topic: HashMap<&str, Sketch> = HashMap::new();
        for (id, sketch) in sketches {
            match by_topic.get_mut(id) {
                Some(held) => held.merge(&sketch),
                None => {
                    by_topic.insert(id, sketch);
                }
            }
        }
        let mut reaches: Vec<(Reach, &str)> =
            by_topic.iter().filter_map(|(&id, sketch)| Some((self.looked.reach(sketch)?, id))).collect();
        reaches.sort_unstable();
        let mut topics: Vec<Topic> = Vec::new();
        let mut loaded = 0;
        let mut batch = self.limit.max(1);
        loop {
            let upto = (loaded + batch).min(reaches.len());
            let ids: HashSet<&str> = reaches[loaded..upto].iter().map(|&(_, id)| id).collect();
            if !ids.is_empty() {
                topics.extend(load(&ids));
            }
            loaded = upto;
            batch *= 2;
            let library = Library::new(topics).with_vocabularies(self.vocabularies.clone());
            let index =
                SearchIndex::build(&library, &self.catalog, &self.looked.reader, self.looked.staff, &|_| {
                    true
                });
            let hits = index.search(&self.query, self.limit);
            drop(index);
            let settled = match (reaches.get(loaded), hits.last()) {
                (None, _) => true,
                (Some((next, _)), Some(last)) if hits.len() == self.limit => beyond(next, last),
                _ => false,
            };
            if settled {
                return (library, hits);
            }
            topics = library.into_topics();
        }
    }
}

/// Whether a topic that reaches `next` at best ranks after the hit `last`: with the same rank
/// and the same title, its id may still put it first.
fn beyond(next: &Reach, last: &Hit) -> bool {
    let (not_exact_code, held, score, slot) = last.rank();
    let rank = (not_exact_code, (held, score, slot));
    let (next_held, next_score, next_slot) = next.text;
    let reach = (next.not_exact_code, (next_held, next_score, usize::from(next_slot)));
    reach > rank || (reach == rank && next.title > last.topic_title.to_lowercase())
}
