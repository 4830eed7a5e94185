//! Related topics: listed at the end of a topic and in its list of pages; Enter or a tap opens
//! one; an id no topic has is reported by the loader and left out.

use crate::common::*;
use kiosk_content::i18n::Catalog;
use kiosk_content::{Page, load_in_memory};
use kiosk_core::app::{App, Key, Settings, page_label};

fn library_with_related(related: &str) -> (kiosk_content::Library, Vec<String>) {
    let knee = topic_toml("knee", "Knee replacement").replacen(
        "category = \"Test\"",
        &format!("category = \"Test\"\nrelated = [{related}]"),
        1,
    );
    let hip = topic_toml("hip", "Hip replacement");
    let files: [(&str, &[u8]); 2] = [("knee.en.toml", knee.as_bytes()), ("hip.en.toml", hip.as_bytes())];
    let report = load_in_memory(&files, "test", &|_| Vec::new());
    let errors = report.diagnostics.iter().filter(|d| d.severity == kiosk_content::Severity::Error);
    let problems = errors.map(ToString::to_string).collect();
    (report.library, problems)
}

#[test]
fn a_related_topic_is_listed_last_before_the_sources_and_opens_with_enter() {
    let (library, problems) = library_with_related("\"hip\"");
    assert!(problems.is_empty(), "{problems:?}");
    let mut app = App::new(library, Catalog::english(), Settings::default(), (80, 24), t0());
    // The list is in title order: Hip, then Knee.
    press_all(&mut app, &[Key::Down, Key::Enter]);
    assert_eq!(app.topic().expect("open").0.id, "knee");
    let (topic, _) = app.topic().expect("open");
    let labels: Vec<&str> = app.pages().iter().map(|page| page_label(topic, *page, app.catalog())).collect();
    assert_eq!(labels[labels.len() - 2..], ["Related topics", "Sources"]);
    while app.topic().is_some_and(|(_, state)| app.pages()[state.page] != Page::Related) {
        press(&mut app, Key::Right);
    }
    assert!(screen_text(&app).contains("▶ > Hip replacement"), "{}", screen_text(&app));
    press(&mut app, Key::Enter);
    assert_eq!(app.topic().expect("open").0.id, "hip");
}

#[test]
fn an_unknown_related_id_is_an_error_at_its_place_and_the_link_is_left_out() {
    let (library, problems) = library_with_related("\"hip\", \"elbow\"");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("test/knee.en.toml:7:19: error: `related` names `elbow`, which no topic has"),
        "{problems:?}"
    );
    assert_eq!(library.find("knee", "en").expect("still loaded").related, ["hip"]);
}

/// Related topics a reader cannot open leave no related page (never a page that lists
/// nothing): one missing from the library, or a draft when patients see only reviewed topics.
#[test]
fn a_topic_whose_related_topics_cannot_be_opened_has_no_related_page() {
    let knee = topic_toml("knee", "Knee replacement").replacen(
        "category = \"Test\"",
        "category = \"Test\"\nrelated = [\"hip\"]",
        1,
    );
    let hip = topic_toml("hip", "Hip replacement").replacen("status = \"reviewed\"", "status = \"draft\"", 1);
    let files: [(&str, &[u8]); 2] = [("knee.en.toml", knee.as_bytes()), ("hip.en.toml", hip.as_bytes())];
    let library = load_in_memory(&files, "test", &|_| Vec::new()).library;
    let open_knee = |library: kiosk_content::Library, settings: Settings| {
        let mut app = App::new(library, Catalog::english(), settings, (80, 24), t0());
        while app.topic().is_none_or(|(topic, _)| topic.id != "knee") {
            press_all(&mut app, &[Key::Esc, Key::Down, Key::Enter]);
        }
        app.pages()
    };
    assert!(open_knee(library.clone(), Settings::default()).contains(&Page::Related));
    let reviewed_only = Settings { reviewed_only: true, ..Settings::default() };
    assert!(!open_knee(library.clone(), reviewed_only).contains(&Page::Related));
    let without_hip =
        kiosk_content::Library::new(library.into_topics().into_iter().filter(|t| t.id == "knee").collect());
    assert!(!open_knee(without_hip, Settings::default()).contains(&Page::Related));
}
