//! A large folder's topics arrive in two steps: their names, codes and reviews first
//! (`Input::NamesRead`), so the list shows in a fraction of the time, then the whole library
//! (`Input::Reloaded`). A bare start shows the bundled topics the same way, from their names
//! (`App::pages_to_come`). A topic opened between the two says its pages are on their way, and
//! only going back acts on it; search answers from the names and builds no index until the
//! pages are there.

use crate::common::*;
use kiosk_content::i18n::Catalogs;
use kiosk_content::{Lang, Library, Page, Reloaded, load_bundled};
use kiosk_core::app::{App, Effect, Event, Input, Key, Screen, Settings, update};

fn whole(library: &Library) -> Input {
    Input::Reloaded(Reloaded { library: library.clone(), notices: Vec::new(), revision: None })
}

/// A kiosk that prints and speaks, started on a folder still being read.
fn arriving_app() -> App {
    let settings = Settings {
        languages: vec![Lang::from("en"), Lang::from("es")],
        print_command: Some(vec!["lp".to_owned()]),
        speech_command: Some(vec!["speak".to_owned()]),
        ..Settings::default()
    };
    let (catalogs, _) = Catalogs::bundled(&settings.languages);
    App::new(Library::default(), catalogs, settings, (80, 24), t0()).loading_library()
}

#[test]
fn the_list_shows_from_the_names_and_a_topic_opened_then_waits_for_its_pages() {
    let library = vertebroplasty_library();
    let mut app = arriving_app();
    assert!(screen_text(&app).contains("Loading the topics"));
    let _ = send(&mut app, Input::NamesRead(names_only(&library)));
    assert!(!app.loading() && app.pages_arriving());
    let list = screen_text(&app);
    assert!(list.contains("Vertebroplasty") && !list.contains("Loading"), "{list}");

    let _ = press(&mut app, Key::Enter);
    assert!(matches!(app.screen(), Screen::Topic(_)));
    let text = screen_text(&app);
    assert!(text.contains("Reading this topic's pages. One moment, please."), "{text}");
    // Its title shows, and that it is a draft; no page, and no key offers what needs one.
    assert!(text.contains("Vertebroplasty") && !text.contains("Overview"), "{text}");
    assert!(text.contains("Draft: not yet reviewed by a clinician"), "{text}");
    insta::assert_snapshot!("a_topic_whose_pages_are_on_their_way_80x24", text);
    assert!(!text.contains("Take home") && !text.contains("Listen"), "{text}");
    for key in
        [Key::Right, Key::Down, Key::PageDown, Key::Char('p'), Key::Char('r'), Key::Char('t'), Key::Char('3')]
    {
        let effects = press(&mut app, key);
        assert_eq!(effects, Vec::<Effect>::new(), "{key:?}");
        assert_eq!(topic_state(&app).page, 0, "{key:?}");
        assert_eq!(topic_state(&app).scroll, 0, "{key:?}");
    }

    // The pages arrive while it is open: they show where the reader is.
    let _ = send(&mut app, whole(&library));
    assert!(!app.pages_arriving());
    let text = screen_text(&app);
    assert!(text.contains("Overview") && !text.contains("Reading this topic's pages"), "{text}");
    assert!(text.contains("Take home") && text.contains("Listen"), "{text}");
    let _ = press(&mut app, Key::Right);
    assert_eq!(topic_state(&app).page, 1);
}

#[test]
fn a_topic_whose_pages_are_on_their_way_can_be_left_by_key() {
    let library = vertebroplasty_library();
    let mut app = arriving_app();
    let _ = send(&mut app, Input::NamesRead(names_only(&library)));
    for back in [Key::Esc, Key::Backspace] {
        let _ = press(&mut app, Key::Enter);
        assert!(matches!(app.screen(), Screen::Topic(_)));
        let _ = press(&mut app, back);
        assert_eq!(app.screen(), &Screen::Home, "{back:?}");
    }
}

#[test]
fn the_wait_is_said_in_the_readers_language() {
    let mut app = arriving_app();
    let _ = send(&mut app, Input::NamesRead(names_only(&vertebroplasty_library())));
    let _ = press(&mut app, Key::Char('L'));
    let _ = press(&mut app, Key::Enter);
    let text = screen_text(&app);
    assert!(text.contains("Leyendo las páginas de este tema."), "{text}");
}

#[test]
fn search_answers_from_the_names_and_asks_for_its_index_once_the_pages_are_there() {
    let library = load_bundled().library;
    let mut app = arriving_app();
    let _ = send(&mut app, Input::NamesRead(names_only(&library)));
    // `update` alone, so a request for the index is seen rather than carried out.
    let mut key = |key: Key| update(&mut app, Event::new(Input::Key(key), t0()));
    let asks = |effects: &[Effect]| effects.iter().any(|e| matches!(e, Effect::BuildSearchIndex(_)));
    assert!(!asks(&key(Key::Char('/'))));
    for letter in "kyphoplasty".chars() {
        assert!(!asks(&key(Key::Char(letter))));
    }
    assert!(!app.search_ready());
    let hits = &app.session().search().expect("search is open").hits;
    assert_eq!(hits.first().map(|hit| hit.topic_title.as_str()), Some("Kyphoplasty"));
    let text = screen_text(&app);
    assert!(text.contains("more results soon"), "{text}");

    let effects = update(&mut app, Event::new(whole(&library), t0()));
    assert!(asks(&effects), "{effects:?}");
}

#[test]
fn a_word_of_a_summary_is_found_before_the_pages_arrive_and_its_hit_opens_the_overview() {
    let library = vertebroplasty_library();
    let mut app = arriving_app();
    let _ = send(&mut app, Input::NamesRead(names_only(&library)));
    // The longest word of the summary that is not one of the topic's names.
    let topic = library.topics().iter().find(|topic| topic.language == "en").expect("in English");
    let names = format!("{} {} {}", topic.title, topic.subtitle, topic.keywords.join(" ")).to_lowercase();
    let word = topic
        .summary
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !names.contains(&word.to_lowercase()))
        .max_by_key(|word| word.len())
        .expect("a word of the summary alone");
    let _ = press(&mut app, Key::Char('/'));
    for letter in word.chars() {
        let _ = press(&mut app, Key::Char(letter));
    }
    let hits = &app.session().search().expect("search is open").hits;
    assert_eq!(hits.first().map(|hit| hit.spot), Some(kiosk_content::Spot::Summary), "{word}: {hits:#?}");
    assert!(screen_text(&app).contains("more results soon"));
    let _ = press(&mut app, Key::Enter);
    assert!(screen_text(&app).contains("Reading this topic's pages"));
    let _ = send(&mut app, whole(&library));
    assert_eq!(app.pages()[topic_state(&app).page], Page::Overview);
}

#[test]
fn names_that_come_after_the_whole_library_change_nothing() {
    let library = vertebroplasty_library();
    let mut app = arriving_app();
    let _ = send(&mut app, whole(&library));
    let _ = send(&mut app, Input::NamesRead(names_only(&library)));
    assert!(!app.pages_arriving());
    let _ = press(&mut app, Key::Enter);
    assert!(screen_text(&app).contains("Overview"));
}

#[test]
fn no_names_read_cleanly_still_says_loading_until_the_whole_read() {
    let mut app = arriving_app();
    let _ = send(&mut app, Input::NamesRead(Library::default()));
    let text = screen_text(&app);
    assert!(text.contains("Loading the topics") && !text.contains("No topics"), "{text}");
    let _ = send(&mut app, whole(&Library::default()));
    let text = screen_text(&app);
    assert!(!text.contains("Loading the topics") && text.contains("No topics are available"), "{text}");
}

/// A bare start: the bundled topics' names, their pages after the first frame. The list is the
/// one the whole library draws, in both languages, and a topic opens whole once they are there.
#[test]
fn the_bundled_names_draw_the_list_the_whole_library_draws() {
    let library = load_bundled().library;
    let settings = Settings { languages: vec![Lang::from("en"), Lang::from("es")], ..Settings::default() };
    let (catalogs, _) = Catalogs::bundled(&settings.languages);
    let mut app =
        App::new(names_only(&library), catalogs.clone(), settings.clone(), (80, 24), t0()).pages_to_come();
    let mut whole_app = App::new(library.clone(), catalogs, settings, (80, 24), t0());
    assert!(app.pages_arriving() && !app.loading());
    // In English, then in Spanish.
    for _ in 0..2 {
        assert_eq!(screen_text(&app), screen_text(&whole_app));
        let _ = press(&mut app, Key::Char('L'));
        let _ = press(&mut whole_app, Key::Char('L'));
    }
    let _ = send(&mut app, whole(&library));
    assert!(!app.pages_arriving());
    let _ = press(&mut app, Key::Enter);
    let _ = press(&mut whole_app, Key::Enter);
    assert_eq!(screen_text(&app), screen_text(&whole_app));
    assert!(screen_text(&app).contains("Overview"));
}
