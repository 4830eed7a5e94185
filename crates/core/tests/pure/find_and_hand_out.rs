//! Through `update`: the search overlay, staff mode, printing and the take-home panel.

use std::time::Duration;

use crate::common::*;
use kiosk_content::Spot;
use kiosk_content::i18n::Catalog;
use kiosk_core::app::{
    App, Effect, Flash, Input, Key, Mouse, MouseAction, Page, Screen, SearchLayout, Settings, StaffPanel,
};

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, Key::Char(c));
    }
}

fn current_page(app: &App) -> Page {
    app.pages()[topic_state(app).page]
}

fn visible_text(app: &App) -> String {
    let (_, state) = app.topic().expect("a topic is open");
    let height = usize::from(app.topic_layout().text.height);
    app.page_lines().iter().skip(state.scroll).take(height).map(|l| l.text() + "\n").collect()
}

fn app_with(settings: Settings) -> App {
    App::new(vertebroplasty_library(), Catalog::english(), settings, (80, 24), t0())
}

#[test]
fn slash_opens_search_and_results_follow_every_keystroke() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Char('/'));
    assert!(app.session().search().is_some());
    type_text(&mut app, "thin");
    let after_four = app.session().search().expect("open").hits.len();
    type_text(&mut app, "ners");
    let search = app.session().search().expect("open");
    assert_eq!(search.query, "thinners");
    assert_eq!(search.hits[0].text, "Be sure to name any blood thinners.");
    assert!(after_four >= search.hits.len());
    press(&mut app, Key::Backspace);
    assert_eq!(app.session().search().expect("open").query, "thinner");
    press(&mut app, Key::Ctrl('u'));
    assert_eq!(app.session().search().expect("open").query, "");
    press(&mut app, Key::Esc);
    assert_eq!(app.session().search(), None);
    assert_eq!(app.screen(), &Screen::Home);
}

#[test]
fn letters_typed_into_search_are_not_commands() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Char('/'));
    for key in [Key::Char('q'), Key::Char('?'), Key::Char('t'), Key::Char('p'), Key::Char('/')] {
        assert_eq!(press(&mut app, key), vec![], "{key:?}");
    }
    assert_eq!(app.session().search().expect("open").query, "q?tp/");
    assert!(!app.help_open());
}

#[test]
fn enter_opens_the_hit_at_its_section_with_the_hit_on_screen() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Char('/'));
    type_text(&mut app, "cement travel lungs");
    press(&mut app, Key::Enter);
    assert_eq!(app.session().search(), None);
    let (topic, _) = app.topic().expect("open");
    assert_eq!(topic.id, "vertebroplasty");
    assert!(
        matches!(current_page(&app), Page::Section(i) if topic.sections[i].kind.name() == "complications")
    );
    assert!(
        visible_text(&app).contains("Small amounts of cement can travel to the lungs."),
        "{}",
        visible_text(&app)
    );
    assert!(topic_state(&app).scroll > 0, "scrolled to the hit");
}

#[test]
fn a_hit_in_an_answer_opens_that_answer() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Char('/'));
    type_text(&mut app, "sedation");
    let hits = &app.session().search().expect("open").hits;
    let answer = hits.iter().position(|h| matches!(h.spot, Spot::Answer(_))).expect("an answer matches");
    for _ in 0..answer {
        press(&mut app, Key::Down);
    }
    press(&mut app, Key::Enter);
    assert_eq!(current_page(&app), Page::Faq);
    let state = topic_state(&app);
    assert!(state.faq_open[state.faq_selected]);
    assert!(visible_text(&app).contains("sedation. Some people"), "{}", visible_text(&app));
}

#[test]
fn a_tap_on_a_result_opens_it() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Char('/'));
    type_text(&mut app, "insurance");
    let results = SearchLayout::new(app.area()).results;
    send(
        &mut app,
        Input::Mouse(Mouse { action: MouseAction::Click, column: results.x + 4, row: results.y + 1 }),
    );
    assert!(matches!(app.screen(), Screen::Topic(_)));
    assert!(visible_text(&app).contains("Whether your plan pays"), "{}", visible_text(&app));
}

#[test]
fn a_paste_goes_into_the_search_box_cleaned() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Char('/'));
    send(&mut app, Input::Paste("blood\u{1b}[2J thinners\nsecond line".into()));
    assert_eq!(app.session().search().expect("open").query, "blood[2J thinners");
    send(&mut app, Input::Paste("x".repeat(1 << 20)));
    assert_eq!(app.session().search().expect("open").query.chars().count(), 80);
}

#[test]
fn patients_search_without_codes_and_staff_with_them() {
    let mut patient = app_with(Settings::default());
    press(&mut patient, Key::Char('/'));
    type_text(&mut patient, "22511");
    assert!(patient.session().search().expect("open").hits.is_empty());

    let mut staff = app_with(Settings { staff: true, ..Settings::default() });
    press(&mut staff, Key::Char('/'));
    type_text(&mut staff, "22511");
    press(&mut staff, Key::Enter);
    assert_eq!(current_page(&staff), Page::Codes);
    assert!(visible_text(&staff).contains("CPT 22511"));
}

#[test]
fn the_reset_closes_search_and_forgets_the_query() {
    let mut app = locked_app();
    press_all(&mut app, &[Key::Enter, Key::Char('/')]);
    type_text(&mut app, "cement");
    send_at(&mut app, Duration::from_secs(90 + 20), Input::Wake);
    assert_eq!(app.session().search(), None);
    assert_eq!(app.screen(), &Screen::Attract);
}

fn staff_on_locked_kiosk(staff_idle: u64) -> App {
    let settings = Settings {
        locked: true,
        pin_hash: Some(test_pin_hash()),
        staff_idle: Duration::from_secs(staff_idle),
        ..Settings::default()
    };
    let mut app = app_with(settings);
    press_all(&mut app, &[Key::Enter, Key::Enter]);
    press(&mut app, Key::Function(12));
    type_text(&mut app, TEST_PIN);
    press(&mut app, Key::Enter);
    assert_eq!(app.session().staff_panel(), Some(&StaffPanel::Menu));
    press(&mut app, Key::Char('s'));
    app
}

#[test]
fn s_in_the_staff_menu_turns_on_staff_mode_with_billing_and_codes() {
    let mut app = staff_on_locked_kiosk(120);
    assert!(app.staff());
    assert_eq!(app.session().staff_panel(), None);
    assert!(app.pages().contains(&Page::Codes));
    press(&mut app, Key::Function(12));
    type_text(&mut app, TEST_PIN);
    press(&mut app, Key::Enter);
    press(&mut app, Key::Char('s'));
    assert!(!app.staff());
    assert!(!app.pages().contains(&Page::Codes));
}

#[test]
fn staff_mode_keeps_the_reader_on_the_same_page() {
    let settings = Settings { locked: true, pin_hash: Some(test_pin_hash()), ..Settings::default() };
    let mut app = app_with(settings);
    press_all(&mut app, &[Key::Enter, Key::Enter]);
    let faq = app.pages().iter().position(|p| *p == Page::Faq).expect("FAQ");
    for _ in 0..faq {
        press(&mut app, Key::Right);
    }
    press(&mut app, Key::Function(12));
    type_text(&mut app, TEST_PIN);
    press_all(&mut app, &[Key::Enter, Key::Char('s')]);
    assert_eq!(current_page(&app), Page::Faq);
}

#[test]
fn staff_mode_ends_by_itself_after_staff_idle_seconds() {
    let mut app = staff_on_locked_kiosk(60);
    assert_eq!(app.next_deadline(), Some(t0() + Duration::from_secs(60)));
    send_at(&mut app, Duration::from_secs(59), Input::Wake);
    assert!(app.staff());
    send_at(&mut app, Duration::from_secs(60), Input::Wake);
    assert!(!app.staff());
    assert_eq!(app.session().flash, Some(Flash::StaffModeEnded));
    assert!(matches!(app.screen(), Screen::Topic(_)), "only staff mode ends, not the session");
}

#[test]
fn staff_mode_ends_with_the_idle_reset_when_that_comes_first() {
    let mut app = staff_on_locked_kiosk(600);
    send_at(&mut app, Duration::from_secs(90 + 20), Input::Wake);
    assert!(!app.staff());
    assert_eq!(app.screen(), &Screen::Attract);
}

#[test]
fn leaving_staff_mode_on_the_codes_page_goes_to_the_first_page() {
    let mut app = staff_on_locked_kiosk(60);
    while current_page(&app) != Page::Codes {
        press(&mut app, Key::Right);
    }
    send_at(&mut app, Duration::from_secs(61), Input::Wake);
    assert_eq!(topic_state(&app).page, 0);
}

#[test]
fn print_needs_staff_mode_or_permission_and_a_command() {
    let mut patient = app_with(Settings { print_command: Some(vec!["lp".into()]), ..Settings::default() });
    press(&mut patient, Key::Enter);
    assert_eq!(press(&mut patient, Key::Char('p')), vec![]);
    assert_eq!(patient.session().flash, Some(Flash::PrintAskStaff), "p says why it does nothing");
    assert!(screen_text(&patient).contains("Ask the front desk for a printed copy."));

    let mut unset = app_with(Settings { staff: true, ..Settings::default() });
    press(&mut unset, Key::Enter);
    assert_eq!(press(&mut unset, Key::Char('p')), vec![]);
    assert_eq!(unset.session().flash, Some(Flash::PrintNotSetUp));

    let command = vec!["lp".to_owned(), "-d".to_owned(), "frontdesk".to_owned()];
    let settings = Settings {
        print_command: Some(command.clone()),
        print_allowed_for_patients: true,
        ..Settings::default()
    };
    let mut allowed = app_with(settings);
    press(&mut allowed, Key::Enter);
    let effects = press(&mut allowed, Key::Char('p'));
    let [Effect::Print { command: sent, text }] = effects.as_slice() else {
        panic!("one print: {effects:?}")
    };
    assert_eq!(sent, &command);
    assert!(text.contains("Vertebroplasty") && text.contains("! Call 911 right away if"));
    assert!(!text.contains("22511"), "the handout has no staff-only text");
    assert_eq!(allowed.session().flash, Some(Flash::Printing));
}

#[test]
fn the_print_result_is_shown_and_errors_are_made_safe() {
    let mut app =
        app_with(Settings { staff: true, print_command: Some(vec!["lp".into()]), ..Settings::default() });
    press_all(&mut app, &[Key::Enter, Key::Char('p')]);
    send(&mut app, Input::Printed(Ok(())));
    assert_eq!(app.session().flash, Some(Flash::Printed));
    press(&mut app, Key::Char('p'));
    send(&mut app, Input::Printed(Err("lp: The printer\nis \u{1b}[31mout of paper".into())));
    assert_eq!(
        app.session().flash,
        Some(Flash::PrintFailed("lp: The printer is \\u{1b}[31mout of paper".into()))
    );
}

#[test]
fn a_print_that_ends_after_the_reset_says_nothing_to_the_next_person() {
    let mut app = printing_patient(2);
    press(&mut app, Key::Char('p'));
    send_at(&mut app, Duration::from_secs(200), Input::Wake);
    send_at(&mut app, Duration::from_secs(201), Input::Printed(Err("lp: out of paper".into())));
    assert!(app.at_rest(), "{:?}", app.session().flash);
    assert_eq!(app.notices(), ["printing failed: lp: out of paper"], "staff hear of it");
    send_at(&mut app, Duration::from_secs(202), Input::Printed(Ok(())));
    assert!(app.at_rest());
}

#[test]
fn t_opens_the_take_home_panel_and_any_key_closes_it() {
    let mut app = bundled_app(80, 24);
    press_all(&mut app, &[Key::Enter, Key::Char('t')]);
    assert!(app.session().take_home());
    press(&mut app, Key::Char('q'));
    assert!(!app.session().take_home());
    assert!(matches!(app.screen(), Screen::Topic(_)), "the key only closed the panel");
}

#[test]
fn a_topic_without_a_web_address_has_no_take_home_panel() {
    let mut app = app_with_topics(2, 80, 24);
    press_all(&mut app, &[Key::Enter, Key::Char('t')]);
    assert!(!app.session().take_home());
}

fn printing_patient(limit: u32) -> App {
    let settings = Settings {
        print_command: Some(vec!["lp".into()]),
        print_allowed_for_patients: true,
        patient_print_limit: limit,
        ..Settings::default()
    };
    let mut app = app_with(settings);
    press(&mut app, Key::Enter);
    app
}

fn prints(effects: &[Effect]) -> usize {
    effects.iter().filter(|effect| matches!(effect, Effect::Print { .. })).count()
}

#[test]
fn one_print_job_at_a_time_however_often_p_is_pressed() {
    let mut app = printing_patient(2);
    let started: usize = (0..300).map(|_| prints(&press(&mut app, Key::Char('p')))).sum();
    assert_eq!(started, 1);
    assert!(app.printing());
    assert_eq!(app.session().flash, Some(Flash::PrintBusy));
    assert!(screen_text(&app).contains("A handout is already printing. Please wait."));
    send(&mut app, Input::Printed(Ok(())));
    assert!(!app.printing());
    assert_eq!(prints(&press(&mut app, Key::Char('p'))), 1, "the next job may start once it is done");
}

#[test]
fn a_patient_prints_a_few_copies_then_is_sent_to_the_front_desk_and_the_next_patient_starts_again() {
    let mut app = printing_patient(2);
    for _ in 0..2 {
        assert_eq!(prints(&press(&mut app, Key::Char('p'))), 1);
        send(&mut app, Input::Printed(Ok(())));
    }
    assert_eq!(prints(&press(&mut app, Key::Char('p'))), 0);
    assert_eq!(app.session().flash, Some(Flash::PrintLimit));
    assert!(screen_text(&app).contains("Please ask the front desk for more printed copies."));

    // The idle reset: the next reader may print again.
    send_at(&mut app, Duration::from_secs(200), Input::Wake);
    assert!(app.at_rest());
    send_at(&mut app, Duration::from_secs(201), Input::Key(Key::Enter));
    let effects = send_at(&mut app, Duration::from_secs(201), Input::Key(Key::Char('p')));
    assert_eq!(prints(&effects), 1);
}

#[test]
fn staff_have_no_print_limit_but_still_one_job_at_a_time() {
    let settings = Settings { staff: true, print_command: Some(vec!["lp".into()]), ..Settings::default() };
    let mut app = app_with(settings);
    press(&mut app, Key::Enter);
    for _ in 0..5 {
        assert_eq!(prints(&press(&mut app, Key::Char('p'))), 1);
        assert_eq!(prints(&press(&mut app, Key::Char('p'))), 0);
        send(&mut app, Input::Printed(Err("offline".into())));
    }
}
