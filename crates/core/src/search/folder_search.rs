//! A one-off search of a content folder (`patient-kiosk search`), answered as the kiosk's index
//! answers it, with only the topics that may be among the best parsed. Every file is sketched
//! first ([`Sketch`]: read by its tokens, no parse); topics are then loaded best reach first,
//! a few and then twice as many each time, and indexed, until no topic left could rank before
//! the last hit kept. A word in every file then costs a read of the folder and a few topics
//! parsed, where it cost a load of the whole folder.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

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
    /// sketches are each file's first look ([`Sketcher::look`]), with its topic id;
    /// `sketch_topics` sketches the files of topics whole (one sketch a topic), when a glance
    /// bounded them too loosely to pass them over; `load` loads every file of the topics it is
    /// given.
    pub fn run<'a>(
        &self,
        sketches: Vec<(&'a str, Sketch)>,
        sketch_topics: &mut dyn FnMut(&[&'a str]) -> Vec<Sketch>,
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
        // Every topic that may match, best reach first; glanced ones are sketched whole when
        // they come first, and go back in their place.
        let mut waiting: BinaryHeap<Reverse<(Reach, bool, &str)>> = by_topic
            .iter()
            .filter_map(|(&id, sketch)| Some(Reverse((self.looked.reach(sketch)?, sketch.glanced, id))))
            .collect();
        let mut hits: Vec<Hit> = Vec::new();
        let mut library = Library::default();
        // Topics loaded, and sketched whole, at a time: a few, then twice as many each time.
        let (mut load_batch, mut sketch_batch) = (self.limit.max(1), self.limit.max(1));
        loop {
            let (mut ids, mut glanced): (HashSet<&str>, Vec<&str>) = (HashSet::new(), Vec::new());
            while ids.len() < load_batch && glanced.len() < sketch_batch {
                let Some(Reverse((next, _, _))) = waiting.peek() else { break };
                if self.settled(&hits, next) {
                    break;
                }
                let Some(Reverse((_, was_glanced, id))) = waiting.pop() else { break };
                if was_glanced {
                    glanced.push(id);
                } else {
                    ids.insert(id);
                }
            }
            if ids.is_empty() && glanced.is_empty() {
                return (library, hits);
            }
            if !glanced.is_empty() {
                sketch_batch *= 2;
            }
            for (id, sketch) in glanced.iter().zip(sketch_topics(&glanced)) {
                if let Some(reach) = self.looked.reach(&sketch) {
                    waiting.push(Reverse((reach, false, id)));
                }
            }
            if ids.is_empty() {
                continue;
            }
            load_batch *= 2;
            let mut topics = std::mem::take(&mut library).into_topics();
            topics.extend(load(&ids));
            library = Library::new(topics).with_vocabularies(self.vocabularies.clone());
            let (reader, staff) = (&self.looked.reader, self.looked.staff);
            hits = SearchIndex::build(&library, &self.catalog, reader, staff, &|_| true)
                .search(&self.query, self.limit);
        }
    }

    /// Whether no topic that reaches `next` at best could have a place chosen before those of
    /// `hits`.
    fn settled(&self, hits: &[Hit], next: &Reach) -> bool {
        // The hits are shown best first; the index chose them in another order.
        let chosen_last = hits.iter().max_by(|a, b| choice_order(a).cmp(&choice_order(b)));
        hits.len() == self.limit && chosen_last.is_some_and(|last| beyond(next, last))
    }
}

/// The order the index chooses places in, as far as one hit tells it: an exact code, the
/// points, the field, the topic's title (then its id and the place within it, not told).
fn choice_order(hit: &Hit) -> (bool, Reverse<u32>, usize, String) {
    (!hit.exact_code, Reverse(hit.chosen_by), hit.field.slot(), hit.topic_title.to_lowercase())
}

/// Whether no place of a topic that reaches `next` at best could be chosen before the place of
/// `last`, the hit chosen last: with the same points, field and title, its id may still put it
/// first.
fn beyond(next: &Reach, last: &Hit) -> bool {
    let chosen = (!last.exact_code, (Reverse(last.chosen_by), last.field.slot()));
    let (points, slot) = next.choice;
    let reach = (next.not_exact_code, (points, usize::from(slot)));
    reach > chosen || (reach == chosen && next.title > last.topic_title.to_lowercase())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use kiosk_content::VocabularyEntry;

    const WORDS: &[&str] = &[
        "rest",
        "pain",
        "walk",
        "fever",
        "recovery",
        "blood",
        "thinners",
        "lungs",
        "ready",
        "X-ray",
        "vértebras",
        "care",
        "driving",
        "test",
        "dolor",
        "ice",
    ];

    /// A topic file's text, in one of the ways editors write one.
    #[derive(Debug, Clone)]
    struct TopicFile {
        id: usize,
        language: &'static str,
        title: Vec<usize>,
        subtitle: Vec<usize>,
        keywords: Vec<Vec<usize>>,
        summary: Vec<Vec<usize>>,
        sections: Vec<TestSection>,
        faq: Vec<(Vec<usize>, Vec<usize>)>,
        code_label: Option<Vec<usize>>,
        multi_line: bool,
    }

    /// A section: its kind, its own title if any, its intro's words, its items' words.
    type TestSection = (usize, Option<Vec<usize>>, Vec<usize>, Vec<Vec<usize>>);

    const KINDS: &[&str] = &["overview", "preparation", "recovery", "billing", "symptoms"];

    fn words(picked: &[usize]) -> String {
        picked.iter().map(|&w| WORDS[w % WORDS.len()]).collect::<Vec<_>>().join(" ")
    }

    fn sentences(picked: &[Vec<usize>]) -> String {
        picked.iter().map(|sentence| format!("{}.", words(sentence))).collect::<Vec<_>>().join(" ")
    }

    impl TopicFile {
        fn toml(&self) -> String {
            let quoted = |text: String| format!("{text:?}");
            let list = |texts: Vec<String>| {
                let inner: Vec<String> = texts.into_iter().map(quoted).collect();
                if self.multi_line && !inner.is_empty() {
                    format!("[\n  {},\n]", inner.join(",\n  "))
                } else {
                    format!("[{}]", inner.join(", "))
                }
            };
            let mut toml = format!(
                "id = \"t{}\"\nlanguage = \"{}\"\ntitle = {}\nsubtitle = {}\nsummary = {}\nkeywords = {}\n",
                self.id,
                self.language,
                quoted(format!("T{} {}", self.id, words(&self.title))),
                quoted(words(&self.subtitle)),
                if self.multi_line {
                    format!("\"\"\"\n{}\n\"\"\"", sentences(&self.summary))
                } else {
                    quoted(sentences(&self.summary))
                },
                list(self.keywords.iter().map(|keyword| words(keyword)).collect()),
            );
            if let Some(label) = &self.code_label {
                toml += &format!(
                    "[[codes]]\nsystem = \"CPT\"\ncode = \"1000{}\"\nlabel = {}\n",
                    self.id,
                    quoted(words(label))
                );
            }
            toml += "[review]\nstatus = \"draft\"\n";
            for (kind, title, intro, items) in &self.sections {
                toml += &format!(
                    "[[sections]]\nkind = \"{}\"\nintro = {}\n",
                    KINDS[kind % KINDS.len()],
                    quoted(sentences(std::slice::from_ref(intro)))
                );
                if let Some(title) = title {
                    toml += &format!("title = {}\n", quoted(format!("Part {}", words(title))));
                }
                toml += &format!(
                    "items = {}\n",
                    list(items.iter().map(|item| sentences(std::slice::from_ref(item))).collect())
                );
            }
            for (question, answer) in &self.faq {
                toml += &format!(
                    "[[faq]]\nquestion = {}\nanswer = {}\n",
                    quoted(format!("{}?", words(question))),
                    quoted(sentences(std::slice::from_ref(answer)))
                );
            }
            toml
        }
    }

    fn some_words(most: usize) -> impl Strategy<Value = Vec<usize>> {
        prop::collection::vec(0..WORDS.len(), 0..=most)
    }

    fn topic_file(id: usize, language: &'static str) -> impl Strategy<Value = TopicFile> {
        (
            (
                some_words(2),
                some_words(3),
                prop::collection::vec(some_words(2), 0..3),
                prop::collection::vec(some_words(6), 1..3),
            ),
            prop::collection::vec(
                (
                    0..KINDS.len(),
                    prop::option::of(some_words(2)),
                    some_words(6),
                    prop::collection::vec(some_words(5), 0..3),
                ),
                0..3,
            ),
            prop::collection::vec((some_words(3), some_words(5)), 0..2),
            prop::option::of(some_words(3)),
            any::<bool>(),
        )
            .prop_map(
                move |((title, subtitle, keywords, summary), sections, faq, code_label, multi_line)| {
                    TopicFile {
                        id,
                        language,
                        title,
                        subtitle,
                        keywords,
                        summary,
                        sections,
                        faq,
                        code_label,
                        multi_line,
                    }
                },
            )
    }

    /// Up to five topics, each in English, some in Spanish too.
    fn folder() -> impl Strategy<Value = Vec<TopicFile>> {
        (1..6usize).prop_flat_map(|count| {
            let topics: Vec<_> =
                (0..count).map(|id| (topic_file(id, "en"), prop::option::of(topic_file(id, "es")))).collect();
            topics.prop_map(|topics| {
                topics
                    .into_iter()
                    .flat_map(|(english, spanish)| std::iter::once(english).chain(spanish))
                    .collect()
            })
        })
    }

    fn vocabulary() -> Vocabulary {
        let entry = |word: &str, means: &str| VocabularyEntry {
            word: word.into(),
            means: vec![means.into()],
            position: None,
        };
        Vocabulary {
            language: "en".into(),
            file: String::new(),
            entries: vec![entry("embolism", "lungs"), entry("warfarin", "blood thinners")],
        }
    }

    /// Sketches the files of topics of `texts` whole, as the command does.
    fn sketch_topics<'t>(
        search: &FolderSearch,
        texts: &'t [(String, String)],
    ) -> impl FnMut(&[&str]) -> Vec<Sketch> + 't {
        let mut sketcher = search.sketcher();
        move |ids| {
            ids.iter()
                .map(|id| {
                    let mut sketch: Option<Sketch> = None;
                    for (_, text) in texts.iter().filter(|(file_id, _)| file_id == id) {
                        let file = sketcher.sketch(text);
                        match &mut sketch {
                            Some(topic) => topic.merge(&file),
                            None => sketch = Some(file),
                        }
                    }
                    sketch.unwrap_or_default()
                })
                .collect()
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Whatever the topics, the query and the limit, a search of the folder gives what the
        /// index of every topic gives.
        #[test]
        fn a_folder_search_gives_what_the_whole_index_gives(
            files in folder(),
            query in prop::sample::select(vec![
                "fever", "pain walk", "walk pain", "getting ready", "recovery", "embolism", "warfrin",
                "x-rays", "vertebra", "r", "rest ", "10001", "t1", "fevr care", "blod thinner", "part", "dolor",
                "faq", "questions", "driv", "ice care", "zzzq",
            ]),
            limit in 1..6usize,
            staff in any::<bool>(),
            reader in prop::sample::select(vec!["en", "es"]),
        ) {
            let texts: Vec<(String, String)> = files.iter().map(|file| (format!("t{}", file.id), file.toml())).collect();
            let topics: Vec<Topic> = texts.iter().map(|(_, text)| toml::from_str(text).expect("a topic")).collect();
            let vocabularies = vec![vocabulary()];
            let catalog = Catalog::bundled(reader).expect("a catalog");
            let whole = Library::new(topics.clone()).with_vocabularies(vocabularies.clone());
            let expected = SearchIndex::build(&whole, &catalog, reader, staff, &|_| true).search(query, limit);

            let search = FolderSearch::new(query, reader, staff, limit, &vocabularies, &catalog);
            let mut sketcher = search.sketcher();
            let sketches: Vec<(&str, Sketch)> = texts.iter().map(|(id, text)| (id.as_str(), sketcher.look(text))).collect();
            let mut loaded_ids = Vec::new();
            let (_, found) = search.run(sketches, &mut sketch_topics(&search, &texts), &mut |ids| {
                loaded_ids.extend(ids.iter().map(|id| (*id).to_owned()));
                texts.iter().zip(&topics).filter(|((id, _), _)| ids.contains(id.as_str())).map(|(_, topic)| topic.clone()).collect()
            });
            let shown = |hits: &[Hit]| -> Vec<(String, String)> {
                hits.iter().map(|hit| (hit.topic_id.to_string(), hit.text.clone())).collect()
            };
            prop_assert_eq!(shown(&found), shown(&expected), "{} topics loaded of {}", loaded_ids.len(), texts.len());
        }
    }

    #[test]
    fn a_word_in_every_topic_loads_only_the_best_few() {
        let texts: Vec<(String, String)> = (0..40)
            .map(|n| {
                let subtitle = if n % 5 == 2 { "Fever care" } else { "Rest" };
                let text = format!(
                    "id = \"t{n:02}\"\nlanguage = \"en\"\ntitle = \"T{n:02}\"\nsubtitle = \"{subtitle}\"\nsummary = \"A fever. Rest.\"\n[review]\nstatus = \"draft\"\n"
                );
                (format!("t{n:02}"), text)
            })
            .collect();
        let catalog = Catalog::english();
        let search = FolderSearch::new("fever", "en", false, 3, &[], &catalog);
        let mut sketcher = search.sketcher();
        let sketches = texts.iter().map(|(id, text)| (id.as_str(), sketcher.look(text))).collect();
        let mut loaded = 0;
        let (_, hits) = search.run(sketches, &mut sketch_topics(&search, &texts), &mut |ids| {
            loaded += ids.len();
            texts
                .iter()
                .filter(|(id, _)| ids.contains(id.as_str()))
                .map(|(_, text)| toml::from_str(text).expect("a topic"))
                .collect()
        });
        let found: Vec<&str> = hits.iter().map(|hit| hit.topic_id.as_str()).collect();
        assert_eq!(found, ["t02", "t07", "t12"], "subtitles first, in list order");
        assert_eq!(loaded, 3, "three topics parsed of forty");
    }
}
