//! Review dates on the kiosk, with the date moved by hand: overdue topics marked for staff,
//! and drafts and overdue topics hidden from patients where the kiosk shows only reviewed ones.

use crate::common::*;
use kiosk_content::i18n::Catalog;
use kiosk_content::load_folder;
use kiosk_core::app::{App, Input, Key, Settings};
use kiosk_core::ui::render;
use ratatui_core::backend::TestBackend;
use ratatui_core::terminal::Terminal;

fn day(text: &str) -> jiff::civil::Date {
    text.parse().expect("a date")
}

fn editorial_app(settings: Settings, today: &str) -> App {
    let library = load_folder(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/editorial"),
        &kiosk_content::TrustedKeys::default(),
    )
    .expect("fixtures")
    .library;
    let mut app = App::new(library, Catalog::english(), settings, (80, 24), t0());
    send(&mut app, Input::Today(day(today)));
    app
}

fn titles(app: &App) -> Vec<String> {
    app.home_topics().iter().map(|t| t.title.clone()).collect()
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|frame| render(app, frame)).expect("draw");
    terminal.backend().to_string()
}

#[test]
fn a_review_becomes_overdue_the_day_after_it_is_due() {
    let mut app = editorial_app(Settings { staff: true, ..Settings::default() }, "2026-01-01");
    let overdue = app.library().find("overdue", "en").expect("topic").clone();
    assert!(!app.review_overdue(&overdue));
    send(&mut app, Input::Today(day("2026-01-02")));
    assert!(app.review_overdue(&overdue));
}

#[test]
fn staff_see_overdue_topics_marked_and_patients_see_no_mark() {
    let staff = editorial_app(Settings { staff: true, ..Settings::default() }, "2026-11-27");
    assert!(screen(&staff).contains("Knee replacement   Review overdue"), "{}", screen(&staff));
    let patient = editorial_app(Settings::default(), "2026-11-27");
    assert!(!screen(&patient).contains("Review overdue"));
}

#[test]
fn a_kiosk_showing_only_reviewed_topics_hides_drafts_and_overdue_ones_from_patients() {
    let settings = Settings { reviewed_only: true, ..Settings::default() };
    let patient = editorial_app(settings.clone(), "2026-11-27");
    // (The Spanish topic has no English version, so English readers are offered it as it is.)
    assert_eq!(titles(&patient), ["Hip replacement", "Reemplazo de cadera"]);
    let staff = editorial_app(Settings { staff: true, ..settings.clone() }, "2026-11-27");
    assert_eq!(
        titles(&staff),
        ["Hip replacement", "Knee replacement", "Reemplazo de cadera", "Wrist surgery"]
    );
    // The day before it fell due, the knee topic was still shown.
    let earlier = editorial_app(settings, "2025-12-31");
    assert_eq!(titles(&earlier), ["Hip replacement", "Knee replacement", "Reemplazo de cadera"]);
}

#[test]
fn hidden_topics_are_not_found_by_search_either() {
    let settings = Settings { reviewed_only: true, ..Settings::default() };
    let mut app = editorial_app(settings, "2026-11-27");
    press(&mut app, Key::Char('/'));
    for c in "wrist".chars() {
        press(&mut app, Key::Char(c));
    }
    assert!(app.session().search().expect("open").hits.is_empty());
}

#[test]
fn a_topic_that_falls_due_while_open_leaves_a_patients_screen() {
    let settings = Settings { reviewed_only: true, ..Settings::default() };
    let mut app = editorial_app(settings, "2025-12-31");
    press(&mut app, Key::Down);
    press(&mut app, Key::Enter);
    assert_eq!(app.topic().map(|(t, _)| t.id.clone()), Some("overdue".into()));
    send(&mut app, Input::Today(day("2026-01-02")));
    assert!(app.topic().is_none());
    assert_eq!(app.screen(), &kiosk_core::app::Screen::Home);
    assert!(!screen(&app).contains("Knee replacement"));
}

#[test]
fn patients_see_who_reviewed_a_topic_and_when() {
    let mut app = editorial_app(Settings::default(), "2026-11-27");
    press(&mut app, Key::Enter);
    assert!(screen(&app).contains("Reviewed by Dana Lee, MD on 2026-06-01"), "{}", screen(&app));
}

#[test]
fn a_topic_that_falls_due_at_midnight_is_no_longer_found_by_an_open_search() {
    let settings = Settings { reviewed_only: true, ..Settings::default() };
    let mut app = editorial_app(settings, "2025-12-31");
    press(&mut app, Key::Char('/'));
    for c in "knee".chars() {
        press(&mut app, Key::Char(c));
    }
    let found =
        |app: &App| app.session().search().expect("open").hits.iter().any(|hit| hit.topic_id == "overdue");
    assert!(found(&app), "the day before, the knee topic is found");
    // Midnight: the search index was built for yesterday's topics.
    send(&mut app, Input::Today(day("2026-01-01")));
    send(&mut app, Input::Today(day("2026-01-02")));
    press(&mut app, Key::Char(' '));
    press(&mut app, Key::Backspace);
    assert!(!found(&app), "a topic hidden since midnight is still found");
    press(&mut app, Key::Enter);
    assert_eq!(app.broken_invariants(), Vec::<String>::new());
    assert!(app.topic().is_none_or(|(topic, _)| topic.id != "overdue"));
}
