//! Search: matching with typos forgiven, ranking, snippets, and what patients may not see.

use crate::common::*;
use kiosk_content::Lang;
use kiosk_content::i18n::Catalog;
use kiosk_content::{Library, Spot, Topic, load_bundled};
use kiosk_core::search::{Field, SearchIndex};

fn bundled(staff: bool) -> SearchIndex {
    SearchIndex::build(&vertebroplasty_library(), &Catalog::english(), "en", staff, &|_| true)
}

fn first_texts(index: &SearchIndex, query: &str, n: usize) -> Vec<String> {
    index.search(query, n).into_iter().map(|hit| hit.text).collect()
}

#[test]
fn a_code_finds_its_topic_first() {
    let hits = bundled(true).search("22511", 10);
    let first = &hits[0];
    assert_eq!(first.topic_id, "vertebroplasty");
    assert!(first.exact_code);
    assert_eq!(first.field, Field::Code);
    assert_eq!(first.text, "CPT 22511 Vertebroplasty, first bone, lower back or sacrum");
}

#[test]
fn patients_do_not_search_codes_or_billing() {
    let patient = bundled(false);
    assert_eq!(patient.search("22511", 10), vec![]);
    assert!(patient.search("modifier", 10).is_empty());
    assert!(!bundled(true).search("modifier", 10).is_empty());
}

#[test]
fn a_misspelt_name_still_finds_the_topic_by_its_title_first() {
    for typo in ["vertebroplsty", "vertebroplasy", "VERTEBROPLASTY", "vertebro"] {
        let hits = bundled(false).search(typo, 5);
        assert_eq!(hits.first().map(|h| (h.field, h.spot)), Some((Field::Title, Spot::Title)), "{typo}");
    }
}

#[test]
fn titles_keywords_and_headings_rank_before_body_text() {
    let hits = bundled(false).search("kyphoplasty", 10);
    assert_eq!(hits[0].field, Field::Keyword);
    assert!(hits[1..].iter().all(|hit| hit.field == Field::Body));
    let hits = bundled(false).search("recovery", 10);
    assert_eq!((hits[0].field, hits[0].text.as_str()), (Field::Heading, "Recovery"));
}

#[test]
fn body_text_is_found_sentence_by_sentence_with_the_matched_letters_marked() {
    let hits = bundled(false).search("blood thinners", 5);
    assert_eq!(hits.len(), 2, "Getting ready, and the answer about blood thinners");
    let hit = &hits[0];
    assert_eq!(hit.text, "Be sure to name any blood thinners.");
    let marked: String = hit.matched.iter().map(|&i| hit.text.chars().nth(i).expect("in range")).collect();
    assert_eq!(marked, "bloodthinners");
}

#[test]
fn one_result_per_place() {
    let hits = bundled(false).search("cement", 50);
    let mut places: Vec<_> = hits.iter().map(|h| h.place).collect();
    let before = places.len();
    places.sort_by_key(|p| format!("{p:?}"));
    places.dedup();
    assert_eq!(places.len(), before);
}

#[test]
fn noise_and_nonsense_find_nothing() {
    let index = bundled(true);
    for query in ["xyzzy", "qqqq", "", "   "] {
        assert_eq!(first_texts(&index, query, 5), Vec::<String>::new(), "{query:?}");
    }
}

#[test]
fn a_huge_query_is_cut_and_answered() {
    let query = "cement ".repeat(10_000);
    assert!(bundled(false).search(&query, 5).len() <= 5);
}

#[test]
fn on_a_generated_library_the_right_topic_comes_first() {
    let mut topics: Vec<Topic> = (0..1000)
        .map(|n| {
            toml::from_str(&topic_toml(&format!("topic-{n:04}"), &format!("Procedure {n:04}")))
                .expect("valid")
        })
        .collect();
    let mut knee: Topic = toml::from_str(&topic_toml("knee-replacement", "Knee replacement")).expect("valid");
    knee.keywords = vec!["arthroplasty".into()];
    topics.push(knee);
    let mut hip: Topic = toml::from_str(&topic_toml("hip-replacement", "Hip replacement")).expect("valid");
    hip.summary = "Unlike a knee replacement, this is for the hip.".into();
    topics.push(hip);
    let index = SearchIndex::build(&Library::new(topics), &Catalog::english(), "en", false, &|_| true);
    let hits = index.search("knee replacment", 10);
    assert_eq!((hits[0].topic_id.as_str(), hits[0].field), ("knee-replacement", Field::Title));
    assert_eq!(index.search("arthroplsty", 3)[0].topic_id, "knee-replacement");
    assert_eq!(index.search("procedure 0420", 3)[0].topic_id, "topic-0420");
}

fn search_for(app: &mut kiosk_core::app::App, query: &str) -> Vec<String> {
    use kiosk_core::app::{Input, Key};
    send(app, Input::Key(Key::Char('/')));
    send(app, Input::Paste(query.to_owned()));
    app.session().search().expect("search is open").hits.iter().map(|hit| hit.text.clone()).collect()
}

#[test]
fn an_index_built_on_another_thread_is_taken_and_finds_what_a_fresh_one_finds() {
    use kiosk_core::app::Input;
    let mut app = bundled_app(80, 24);
    assert!(!app.search_ready());
    let prepared = app.search_job().expect("no index yet").build();
    send(&mut app, Input::SearchIndexReady(prepared));
    assert!(app.search_ready());
    assert!(app.search_job().is_none(), "nothing left to build");

    let found = search_for(&mut app, "cement");
    assert!(!found.is_empty());
    assert_eq!(found, search_for(&mut bundled_app(80, 24), "cement"));
}

#[test]
fn an_index_of_a_library_since_replaced_is_not_taken() {
    use kiosk_content::Reloaded;
    use kiosk_core::app::Input;
    let mut app = bundled_app(80, 24);
    let stale = app.search_job().expect("no index yet").build();
    send(&mut app, Input::Reloaded(Reloaded { library: library_of(3), notices: Vec::new(), revision: None }));
    send(&mut app, Input::SearchIndexReady(stale));
    assert!(!app.search_ready());
    // Search still works: opening it asks for an index of the new library.
    assert_eq!(search_for(&mut app, "Topic 01").first().map(String::as_str), Some("Topic 01"));
}

#[test]
fn an_index_for_another_language_is_not_taken() {
    use kiosk_content::i18n::Catalogs;
    use kiosk_core::app::{Input, Key, Settings};
    let languages = vec![Lang::from("en"), Lang::from("es")];
    let (catalogs, _) = Catalogs::bundled(&languages);
    let settings = Settings { languages, ..Settings::default() };
    let mut app = kiosk_core::app::App::new(vertebroplasty_library(), catalogs, settings, (80, 24), t0());
    let english = app.search_job().expect("no index yet").build();
    send(&mut app, Input::Key(Key::Char('L')));
    assert_eq!(app.language(), "es");
    send(&mut app, Input::SearchIndexReady(english));
    assert!(!app.search_ready());
}

/// Whether `update` asked for a search index.
fn asks_for_index(effects: &[kiosk_core::app::Effect]) -> bool {
    effects.iter().any(|effect| matches!(effect, kiosk_core::app::Effect::BuildSearchIndex(_)))
}

#[test]
fn a_library_asks_for_its_index_when_search_first_opens_never_when_it_arrives() {
    use kiosk_content::Reloaded;
    use kiosk_core::app::{Event, Input, Key, update};
    let mut app = bundled_app(80, 24);
    let arrived = update(
        &mut app,
        Event::new(
            Input::Reloaded(Reloaded { library: library_of(250), notices: vec![], revision: None }),
            t0(),
        ),
    );
    assert!(!asks_for_index(&arrived), "{arrived:?}");
    let opened = update(&mut app, Event::new(Input::Key(Key::Char('/')), t0()));
    assert!(asks_for_index(&opened), "{opened:?}");
    // Asked once: typing meanwhile does not ask again; names answer, and the overlay says the
    // library is still being read.
    let typed = update(&mut app, Event::new(Input::Key(Key::Char('t')), t0()));
    assert!(!asks_for_index(&typed), "{typed:?}");
    let hits = &app.session().search().expect("open").hits;
    assert!(!hits.is_empty() && hits.iter().all(|hit| hit.field != kiosk_core::search::Field::Body));
    assert!(screen_text(&app).contains("Still reading the library: more results soon."));
    // The index arriving runs the query typed meanwhile.
    let [kiosk_core::app::Effect::BuildSearchIndex(job)] = opened.as_slice() else { unreachable!() };
    let _ = update(&mut app, Event::new(Input::SearchIndexReady(job.clone().build()), t0()));
    assert!(!app.session().search().expect("open").hits.is_empty());
}

/// One query of the shared set: words a patient types, and what a good search shows.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SharedQuery {
    text: String,
    lang: String,
    expect: String,
    #[serde(default = "three")]
    top: usize,
    not_first: Option<String>,
}

fn three() -> usize {
    3
}

#[derive(serde::Deserialize)]
struct SharedQueries {
    query: Vec<SharedQuery>,
}

/// The shared query set (`../shared/search/queries.toml`, where the project sits beside it, else
/// the copy in tests/fixtures/search/) against the bundled library, as a patient reads it.
#[test]
fn the_shared_query_set_passes_in_both_languages() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/search/queries.toml");
    let copy =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/search/queries.toml");
    let text =
        std::fs::read_to_string(&shared).or_else(|_| std::fs::read_to_string(&copy)).expect("the query set");
    let queries: SharedQueries = toml::from_str(&text).expect("the query set's format");
    let library = load_bundled().library;
    let mut failures = Vec::new();
    let mut languages = std::collections::BTreeSet::new();
    for query in &queries.query {
        languages.insert(query.lang.clone());
        let catalog = Catalog::bundled(&query.lang).expect("a bundled catalog");
        let index = SearchIndex::build(&library, &catalog, &query.lang, false, &|_| true);
        let hits = index.search(&query.text, query.top);
        let expect = regex_lite::Regex::new(&format!("(?i){}", query.expect)).expect("a regular expression");
        let shown = |hit: &kiosk_core::search::Hit| {
            let topic = library.find_for_reader(&hit.topic_id, &query.lang).expect("the hit's topic");
            let section = kiosk_core::app::page_label(topic, topic.page_of(hit.spot), &catalog).to_owned();
            format!("{section} | {}", hit.text)
        };
        let lines: Vec<String> = hits.iter().map(shown).collect();
        if !lines.iter().any(|line| expect.is_match(line)) {
            failures.push(format!(
                "{:?} ({}): no {:?} in the first {}: {lines:#?}",
                query.text, query.lang, query.expect, query.top
            ));
        }
        if let (Some(not_first), Some(first)) = (&query.not_first, lines.first()) {
            let not_first =
                regex_lite::Regex::new(&format!("(?i){not_first}")).expect("a regular expression");
            if not_first.is_match(first) {
                failures.push(format!("{:?} ({}): first is {first:?}", query.text, query.lang));
            }
        }
    }
    assert_eq!(languages.into_iter().collect::<Vec<_>>(), ["en", "es"]);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `update` alone: an index asked for is never built, as while the shell's thread is at work.
fn without_the_index(app: &mut kiosk_core::app::App, input: kiosk_core::app::Input) {
    let _ = kiosk_core::app::update(app, kiosk_core::app::Event::new(input, t0()));
}

#[test]
fn before_the_whole_index_is_ready_names_answer_and_the_overlay_says_more_is_coming() {
    use kiosk_core::app::{Input, Key};
    let mut app = bundled_app(80, 24);
    without_the_index(&mut app, Input::Key(Key::Char('/')));
    without_the_index(&mut app, Input::Paste("vertebroplasty".into()));
    assert!(!app.search_ready());
    let hits = &app.session().search().expect("open").hits;
    assert!(!hits.is_empty() && hits.iter().all(|hit| hit.field != Field::Body), "{hits:?}");
    assert!(
        screen_text(&app).contains("Still reading the library: more results soon."),
        "{}",
        screen_text(&app)
    );
    // Words found only in the text wait for the whole index, and the overlay says so.
    without_the_index(&mut app, Input::Key(Key::Ctrl('u')));
    without_the_index(&mut app, Input::Paste("lungs".into()));
    assert!(app.session().search().expect("open").hits.is_empty());
    assert!(screen_text(&app).contains("Still reading the library..."), "{}", screen_text(&app));
    // When the index comes, the same query finds the text.
    let job = app.search_job().expect("the index is still wanted");
    send(&mut app, Input::SearchIndexReady(job.build()));
    let hits = &app.session().search().expect("open").hits;
    assert!(hits.iter().any(|hit| hit.text.contains("lungs")), "{hits:?}");
    assert!(!screen_text(&app).contains("Still reading"));
}

#[test]
fn esc_after_opening_a_result_returns_to_the_results_then_to_the_topics() {
    use kiosk_core::app::{Input, Key, Screen};
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Char('/'));
    send(&mut app, Input::Paste("cement".into()));
    press_all(&mut app, &[Key::Down, Key::Down]);
    let before = app.session().search().cloned().expect("open");
    press(&mut app, Key::Enter);
    assert!(matches!(app.session().screen, Screen::Topic(_)));
    assert!(app.session().search().is_none());
    press(&mut app, Key::Esc);
    let back = app.session().search().expect("the results again");
    assert_eq!((back.query.as_str(), back.selected, &back.hits), (before.query.as_str(), 2, &before.hits));
    press(&mut app, Key::Esc);
    assert!(app.session().search().is_none());
    assert_eq!(app.session().screen, Screen::Home);
    // A topic opened from the list goes back to the list.
    press_all(&mut app, &[Key::Enter, Key::Esc]);
    assert!(app.session().search().is_none());
    assert_eq!(app.session().screen, Screen::Home);
}

#[test]
fn a_result_reached_through_the_vocabulary_says_which_word_led_there() {
    let hits = bundled(false).search("embolism", 3);
    let hit = &hits[0];
    assert_eq!(hit.via.as_deref(), Some("embolism"));
    assert_eq!(hit.text, "Small amounts of cement can travel to the lungs.");
    let marked: String = hit.matched.iter().map(|&i| hit.text.chars().nth(i).expect("in range")).collect();
    assert_eq!(marked, "lungs");
    // A word the text says itself is marked whole, without a vocabulary word.
    let hits = bundled(false).search("driving", 3);
    assert_eq!(hits[0].via, None);
    assert!(hits[0].matched.len() >= "drive".len());
}

#[test]
fn a_topic_s_other_names_are_shown_under_its_title_and_found() {
    use kiosk_core::app::Key;
    let hits = bundled(false).search("percutaneous", 3);
    assert_eq!((hits[0].field, hits[0].text.as_str()), (Field::Keyword, "percutaneous vertebroplasty"));
    let mut app = bundled_app(100, 30);
    press(&mut app, Key::Enter);
    let screen = screen_text(&app);
    assert!(screen.contains("Also called: percutaneous vertebroplasty, bone cement injection"), "{screen}");
}

#[test]
fn a_spanish_reader_finds_the_spanish_topic_by_its_english_name() {
    let library = vertebroplasty_library();
    let catalog = Catalog::bundled("es").expect("Spanish");
    let index = SearchIndex::build(&library, &catalog, "es", false, &|_| true);
    let hits = index.search("vertebroplasty", 3);
    assert_eq!(hits[0].topic_title, "Vertebroplastia");
    let hits = index.search("percutaneous", 3);
    assert_eq!(hits[0].topic_title, "Vertebroplastia", "an English other name finds it too");
}

/// A slip in a short word is forgiven when the other typed words match the same place, and a
/// slip that leaves a word's ending off finds the word with its ending: a reader who types
/// "blod thinner" or "blood thiner" finds "Be sure to name any blood thinners."
#[test]
fn typos_in_short_words_and_word_endings_are_forgiven_with_company() {
    let index = bundled(false);
    for typed in ["blod thinner", "blood thiner", "blod thiners"] {
        let texts = first_texts(&index, typed, 10);
        assert!(texts.iter().any(|text| text == "Be sure to name any blood thinners."), "{typed}: {texts:?}");
    }
    // Alone, four letters are too few to guess from: "blod" could be "bold" or "blot".
    assert_eq!(first_texts(&index, "blod ", 10), Vec::<String>::new());
}

/// Text holding the typed words side by side, in the order typed, ranks above text that holds
/// them apart.
#[test]
fn the_words_side_by_side_rank_above_the_words_apart() {
    let index = SearchIndex::build(&load_bundled().library, &Catalog::english(), "en", false, &|_| true);
    let texts = first_texts(&index, "back pain", 20);
    let apart =
        texts.iter().position(|text| text == "Your doctor asks about your pain and checks your back.");
    let apart = apart.expect("the words apart are found too");
    let together =
        texts.iter().rposition(|text| text.to_lowercase().contains("back pain")).expect("together");
    assert!(together < apart, "{texts:#?}");
}

#[test]
fn a_search_typed_while_the_library_loads_says_it_is_still_reading_then_names_answer() {
    use kiosk_content::Reloaded;
    use kiosk_core::app::{App, Event, Input, Key, Settings, update};
    let mut app = App::new(Library::default(), Catalog::english(), Settings::default(), (80, 24), t0())
        .loading_library();
    let mut effects = update(&mut app, Event::new(Input::Key(Key::Char('/')), t0()));
    effects.extend(update(&mut app, Event::new(Input::Paste("Topic 01".into()), t0())));
    assert!(!asks_for_index(&effects), "an index of nothing was asked for");
    assert!(!app.search_ready());
    let text = screen_text(&app);
    assert!(text.contains("Still reading the library"), "{text}");
    assert!(!text.contains("Nothing found"), "{text}");

    // The library arrives: the names answer at once, and the index is asked for.
    let reloaded = Reloaded { library: library_of(3), notices: Vec::new(), revision: None };
    let effects = update(&mut app, Event::new(Input::Reloaded(reloaded), t0()));
    assert!(asks_for_index(&effects));
    let hits = &app.session().search().expect("search is open").hits;
    assert_eq!(hits.first().map(|hit| hit.text.as_str()), Some("Topic 01"));
}

/// The events of `text` typed into search faster than a frame: every key but the last says
/// more follow, as the shell's dispatch says it of a batch; then `last`.
fn typed_at_once(app: &mut kiosk_core::app::App, text: &str, last: kiosk_core::app::Input) {
    use kiosk_core::app::{Event, Input, Key};
    for letter in text.chars() {
        let _ = deliver(app, Event::new(Input::Key(Key::Char(letter)), t0()).with_more_to_come());
    }
    let _ = deliver(app, Event::new(last, t0()));
}

#[test]
fn keys_that_come_together_are_searched_once_as_typed_one_by_one() {
    use kiosk_core::app::{Event, Input, Key};
    let mut slow = bundled_app(80, 24);
    let mut fast = bundled_app(80, 24);
    for app in [&mut slow, &mut fast] {
        send(app, Input::Key(Key::Char('/')));
    }
    for letter in "cement lea".chars() {
        send(&mut slow, Input::Key(Key::Char(letter)));
    }
    // The first keys only type: the search waits for the last.
    let _ = deliver(&mut fast, Event::new(Input::Key(Key::Char('c')), t0()).with_more_to_come());
    let search = fast.session().search().expect("search is open");
    assert!(search.pending && search.hits.is_empty(), "{search:?}");
    typed_at_once(&mut fast, "ement le", Input::Key(Key::Char('a')));
    assert!(!fast.session().search().expect("open").pending);
    assert!(!slow.session().search().expect("open").hits.is_empty());
    assert_eq!(fast.session(), slow.session());
    assert_eq!(screen_text(&fast), screen_text(&slow));
}

#[test]
fn a_batch_that_ends_in_another_input_or_a_choice_acts_on_the_whole_query() {
    use kiosk_core::app::{Input, Key};
    let mut typed = bundled_app(80, 24);
    send(&mut typed, Input::Key(Key::Char('/')));
    for letter in "cement".chars() {
        send(&mut typed, Input::Key(Key::Char(letter)));
    }
    // A batch whose last event is not a key: the query is searched all the same.
    let mut woken = bundled_app(80, 24);
    send(&mut woken, Input::Key(Key::Char('/')));
    typed_at_once(&mut woken, "cement", Input::Wake);
    assert_eq!(woken.session(), typed.session());

    // Enter in the same batch opens the first result of the whole query, not of "c".
    let mut chosen = bundled_app(80, 24);
    send(&mut chosen, Input::Key(Key::Char('/')));
    typed_at_once(&mut chosen, "cement", Input::Key(Key::Enter));
    send(&mut typed, Input::Key(Key::Enter));
    assert!(chosen.session().search().is_none(), "the search stayed open");
    assert_eq!(chosen.session(), typed.session());
}
