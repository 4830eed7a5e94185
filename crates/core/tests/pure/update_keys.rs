//! Every key path through `update`, without a terminal.

use crate::common::*;
use kiosk_content::i18n::Catalog;
use kiosk_core::app::{App, Effect, Input, Key, Page, Screen, Settings};

fn current_page(app: &App) -> Page {
    app.pages()[topic_state(app).page]
}

fn open_faq(app: &mut App) {
    press(app, Key::Enter);
    let faq = app.pages().iter().position(|p| *p == Page::Faq).expect("a FAQ page");
    for _ in 0..faq {
        press(app, Key::Right);
    }
    assert_eq!(current_page(app), Page::Faq);
}

#[test]
fn starts_on_home_with_the_first_topic_chosen() {
    let app = bundled_app(80, 24);
    assert_eq!(app.screen(), &Screen::Home);
    assert_eq!(app.home().selected, 0);
    assert!(!app.help_open());
}

#[test]
fn arrows_move_through_the_topics_and_stop_at_the_ends() {
    let mut app = app_with_topics(12, 80, 24);
    press(&mut app, Key::Up);
    assert_eq!(app.home().selected, 0);
    press_all(&mut app, &[Key::Down, Key::Down]);
    assert_eq!(app.home().selected, 2);
    for _ in 0..20 {
        press(&mut app, Key::Down);
    }
    assert_eq!(app.home().selected, 11);
    press(&mut app, Key::Up);
    assert_eq!(app.home().selected, 10);
}

#[test]
fn page_keys_and_home_end_jump_through_the_topics() {
    let mut app = app_with_topics(12, 80, 24);
    let page = app.home_layout().visible_entries();
    press(&mut app, Key::PageDown);
    assert_eq!(app.home().selected, page);
    press(&mut app, Key::End);
    assert_eq!(app.home().selected, 11);
    press(&mut app, Key::PageUp);
    assert_eq!(app.home().selected, 11 - page);
    press(&mut app, Key::Home);
    assert_eq!(app.home().selected, 0);
}

#[test]
fn the_topic_list_scrolls_to_keep_the_chosen_topic_on_screen() {
    let mut app = app_with_topics(12, 80, 24);
    let visible = app.home_layout().visible_entries();
    assert!(visible < 12, "the test needs a list longer than the screen");
    press(&mut app, Key::End);
    assert_eq!(app.home().first_visible, 12 - visible);
    press(&mut app, Key::Home);
    assert_eq!(app.home().first_visible, 0);
    // Moving within the visible part does not scroll.
    press_all(&mut app, &[Key::Down, Key::Down]);
    assert_eq!(app.home().first_visible, 0);
}

#[test]
fn enter_right_and_space_open_the_chosen_topic_at_its_first_page() {
    for key in [Key::Enter, Key::Right, Key::Char(' ')] {
        let mut app = app_with_topics(3, 80, 24);
        press(&mut app, Key::Down);
        press(&mut app, key);
        let state = topic_state(&app);
        assert_eq!(state.id, "topic-01", "{key:?}");
        assert_eq!((state.page, state.scroll), (0, 0), "{key:?}");
    }
}

#[test]
fn esc_and_backspace_go_home_with_the_topic_still_chosen() {
    for key in [Key::Esc, Key::Backspace] {
        let mut app = app_with_topics(5, 80, 24);
        press_all(&mut app, &[Key::Down, Key::Down, Key::Enter, Key::Right]);
        press(&mut app, key);
        assert_eq!(app.screen(), &Screen::Home, "{key:?}");
        assert_eq!(app.home().selected, 2, "{key:?}");
    }
}

#[test]
fn esc_on_home_does_nothing() {
    let mut app = bundled_app(80, 24);
    assert_eq!(press(&mut app, Key::Esc), vec![]);
    assert_eq!(app.screen(), &Screen::Home);
}

#[test]
fn left_right_tab_and_shift_tab_move_between_pages_and_stop_at_the_ends() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    let last = app.pages().len() - 1;
    press(&mut app, Key::Left);
    assert_eq!(topic_state(&app).page, 0);
    press_all(&mut app, &[Key::Right, Key::Tab]);
    assert_eq!(topic_state(&app).page, 2);
    press_all(&mut app, &[Key::BackTab]);
    assert_eq!(topic_state(&app).page, 1);
    for _ in 0..40 {
        press(&mut app, Key::Tab);
    }
    assert_eq!(topic_state(&app).page, last);
    assert_eq!(current_page(&app), Page::Sources);
}

#[test]
fn number_keys_jump_to_the_first_nine_pages() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    press(&mut app, Key::Char('3'));
    assert_eq!(topic_state(&app).page, 2);
    press(&mut app, Key::Char('9'));
    assert_eq!(topic_state(&app).page, 8);
    press(&mut app, Key::Char('0'));
    assert_eq!(topic_state(&app).page, 8);
    press(&mut app, Key::Char('1'));
    assert_eq!(topic_state(&app).page, 0);
}

#[test]
fn a_number_past_the_last_page_does_nothing() {
    let mut app = app_with_topics(1, 80, 24);
    press(&mut app, Key::Enter);
    // Overview, Symptoms, Questions, Sources.
    assert_eq!(app.pages().len(), 4);
    press(&mut app, Key::Char('7'));
    assert_eq!(topic_state(&app).page, 0);
}

#[test]
fn the_bundled_topic_has_every_patient_section_of_the_seed_page_then_faq_and_sources() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    let (topic, _) = app.topic().expect("open");
    let labels: Vec<&str> =
        app.pages().iter().map(|p| kiosk_core::app::page_label(topic, *p, app.catalog())).collect();
    assert_eq!(
        labels,
        [
            "Overview",
            "When it is used",
            "Reasons not to",
            "Symptoms",
            "Causes",
            "Tests",
            "What happens",
            "Getting ready",
            "Call 911",
            "Recovery",
            "Care at home",
            "When to call",
            "Risks",
            "Follow-up",
            "Other treatments",
            "Prevention",
            "Cost",
            "Your questions",
            "Questions",
            "Check yourself",
            "Sources",
        ]
    );
}

#[test]
fn arrows_scroll_a_line_at_a_time_and_stop_at_the_end() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    press(&mut app, Key::Up);
    assert_eq!(topic_state(&app).scroll, 0);
    press_all(&mut app, &[Key::Down, Key::Down]);
    assert_eq!(topic_state(&app).scroll, 2);
    for _ in 0..500 {
        press(&mut app, Key::Down);
    }
    let lines = app.page_lines().len();
    assert!(app.topic().is_some());
    let height = usize::from(app.topic_layout().text.height);
    assert!(lines > height, "the overview must be longer than the screen for this test");
    assert_eq!(topic_state(&app).scroll, lines - height);
}

#[test]
fn page_keys_space_home_and_end_scroll_by_screens() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    assert!(app.topic().is_some());
    let height = usize::from(app.topic_layout().text.height);
    let max = app.page_lines().len() - height;
    press(&mut app, Key::PageDown);
    assert_eq!(topic_state(&app).scroll, (height - 1).min(max));
    press(&mut app, Key::PageUp);
    assert_eq!(topic_state(&app).scroll, 0);
    press(&mut app, Key::Char(' '));
    assert_eq!(topic_state(&app).scroll, (height - 1).min(max));
    press(&mut app, Key::End);
    assert_eq!(topic_state(&app).scroll, max);
    press(&mut app, Key::Home);
    assert_eq!(topic_state(&app).scroll, 0);
}

#[test]
fn changing_page_starts_the_new_page_at_its_top() {
    let mut app = bundled_app(80, 24);
    press_all(&mut app, &[Key::Enter, Key::Down, Key::Down, Key::Down, Key::Right]);
    assert_eq!(topic_state(&app).scroll, 0);
}

#[test]
fn complications_are_reachable_and_list_the_risks_the_seed_page_missed() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    while current_page(&app) != Page::Section(12) {
        press(&mut app, Key::Right);
    }
    let text: String = app.page_lines().iter().map(|l| l.text() + "\n").collect();
    assert!(text.starts_with("Risks and complications\n"));
    for risk in [
        "Cement can leak out of the bone",
        "cement can travel to the lungs",
        "Rarely, lying face down during the treatment cracks",
        "New breaks can happen",
        "Bleeding.",
    ] {
        assert!(text.contains(risk), "missing {risk:?} in\n{text}");
    }
}

#[test]
fn up_and_down_choose_faq_questions_and_enter_opens_and_closes_them() {
    let mut app = bundled_app(80, 24);
    open_faq(&mut app);
    let entries = topic_state(&app).faq_open.len();
    press(&mut app, Key::Up);
    assert_eq!(topic_state(&app).faq_selected, 0);
    press_all(&mut app, &[Key::Down, Key::Down]);
    assert_eq!(topic_state(&app).faq_selected, 2);
    press(&mut app, Key::Enter);
    assert!(topic_state(&app).faq_open[2]);
    let text: String = app.page_lines().iter().map(|l| l.text() + "\n").collect();
    assert!(text.contains("  - Will I be asleep?"), "{text}");
    assert!(text.contains("The doctor numbs your back"), "{text}");
    press(&mut app, Key::Enter);
    assert!(!topic_state(&app).faq_open[2]);
    press(&mut app, Key::End);
    assert_eq!(topic_state(&app).faq_selected, entries - 1);
    press(&mut app, Key::Down);
    assert_eq!(topic_state(&app).faq_selected, entries - 1);
    press(&mut app, Key::Home);
    assert_eq!(topic_state(&app).faq_selected, 0);
}

#[test]
fn opening_the_last_answer_scrolls_it_into_view() {
    let mut app = bundled_app(80, 24);
    open_faq(&mut app);
    press_all(&mut app, &[Key::End, Key::Enter]);
    let state = topic_state(&app);
    let lines = app.page_lines();
    assert!(app.topic().is_some());
    let height = usize::from(app.topic_layout().text.height);
    let last_answer_line =
        lines.iter().rposition(|l| l.faq() == Some(state.faq_selected)).expect("answer lines");
    assert!(last_answer_line >= state.scroll && last_answer_line < state.scroll + height);
}

#[test]
fn faq_answers_stay_open_across_page_changes_but_not_across_topics() {
    let mut app = bundled_app(80, 24);
    open_faq(&mut app);
    press_all(&mut app, &[Key::Enter, Key::Left, Key::Right]);
    assert!(topic_state(&app).faq_open[0]);
    press_all(&mut app, &[Key::Esc, Key::Enter]);
    assert!(topic_state(&app).faq_open.iter().all(|open| !open));
}

#[test]
fn question_mark_opens_help_and_any_key_closes_it_without_acting() {
    for key in [Key::Char('q'), Key::Esc, Key::Enter, Key::Down, Key::Char('?'), Key::Ctrl('c')] {
        let mut app = bundled_app(80, 24);
        press(&mut app, Key::Char('?'));
        assert!(app.help_open());
        assert_eq!(press(&mut app, key), vec![], "{key:?}");
        assert!(!app.help_open(), "{key:?}");
        assert_eq!(app.screen(), &Screen::Home, "{key:?}");
        assert_eq!(app.home().selected, 0, "{key:?}");
    }
}

#[test]
fn q_and_ctrl_c_quit_from_any_screen() {
    for key in [Key::Char('q'), Key::Char('Q'), Key::Ctrl('c')] {
        let mut app = bundled_app(80, 24);
        assert_eq!(press(&mut app, key), vec![Effect::Quit]);
        press(&mut app, Key::Enter);
        assert_eq!(press(&mut app, key), vec![Effect::Quit]);
    }
}

#[test]
fn other_keys_and_pastes_do_nothing() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    let before = format!("{:?}", app.screen());
    for key in [Key::Function(5), Key::Other, Key::Ctrl('y'), Key::Char('x'), Key::Char('é')] {
        assert_eq!(press(&mut app, key), vec![], "{key:?}");
    }
    assert_eq!(send(&mut app, Input::Paste("q".repeat(1 << 20))), vec![]);
    assert_eq!(send(&mut app, Input::Wake), vec![]);
    assert_eq!(format!("{:?}", app.screen()), before);
}

/// Ctrl-Z asks the shell to suspend a staff terminal, as `less` does; a locked kiosk takes no
/// notice, and its help does not offer it.
#[test]
fn ctrl_z_suspends_only_an_unlocked_kiosk() {
    let mut unlocked = bundled_app(80, 24);
    press(&mut unlocked, Key::Enter);
    assert_eq!(press(&mut unlocked, Key::Ctrl('z')), vec![Effect::Suspend]);
    assert!(unlocked.topic().is_some(), "the same page when it comes back");
    let mut locked = locked_app();
    press(&mut locked, Key::Char(' '));
    assert_eq!(press(&mut locked, Key::Ctrl('z')), vec![]);
    press(&mut locked, Key::Char('?'));
    assert!(!screen_text(&locked).contains("Ctrl-Z"));
    press(&mut unlocked, Key::Char('?'));
    assert!(screen_text(&unlocked).contains("Ctrl-Z"));
}

#[test]
fn a_resize_keeps_the_scroll_within_the_page() {
    let mut app = bundled_app(80, 24);
    press_all(&mut app, &[Key::Enter, Key::End]);
    send(&mut app, Input::Resize { width: 200, height: 80 });
    assert_eq!(
        topic_state(&app).scroll,
        app.page_lines().len().saturating_sub(usize::from(app.topic_layout().text.height))
    );
}

#[test]
fn every_key_at_every_small_size_is_safe() {
    let keys = [
        Key::Enter,
        Key::Down,
        Key::Up,
        Key::Right,
        Key::Left,
        Key::PageDown,
        Key::PageUp,
        Key::End,
        Key::Home,
        Key::Tab,
        Key::BackTab,
        Key::Char('5'),
        Key::Char(' '),
        Key::Char('?'),
        Key::Esc,
    ];
    for (width, height) in [(1, 1), (0, 0), (10, 3), (39, 11), (40, 12), (63, 12), (64, 30)] {
        let mut app = bundled_app(width, height);
        for _ in 0..3 {
            for key in keys {
                press(&mut app, key);
            }
            press(&mut app, Key::Enter);
        }
    }
}

#[test]
fn staff_see_the_billing_and_codes_page_and_patients_do_not() {
    let mut patient = bundled_app(80, 24);
    press(&mut patient, Key::Enter);
    assert!(!patient.pages().contains(&Page::Codes));
    let mut staff = staff_app(200, 50);
    press(&mut staff, Key::Enter);
    assert!(staff.pages().contains(&Page::Codes));
    while current_page(&staff) != Page::Codes {
        press(&mut staff, Key::Right);
    }
    let text: String = staff.page_lines().iter().map(|l| l.text() + "\n").collect();
    assert!(text.contains("CPT 22511 — Vertebroplasty, first bone, lower back or sacrum"), "{text}");
    assert!(text.contains("Do not add modifier 50, LT or RT"), "{text}");
}

#[test]
fn a_screen_too_small_for_text_never_scrolls_past_the_last_line() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    send(&mut app, Input::Resize { width: 12, height: 3 });
    press(&mut app, Key::End);
    let lines = app.page_lines().len();
    assert_eq!(topic_state(&app).scroll, lines - 1);
    send(&mut app, Input::Resize { width: 80, height: 24 });
    press(&mut app, Key::End);
    assert!(topic_state(&app).scroll < lines);
}

#[test]
fn a_page_is_laid_out_once_until_what_it_shows_changes() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    let first = app.page_lines();
    press_all(&mut app, &[Key::Down, Key::Down, Key::PageDown, Key::Up]);
    assert!(std::sync::Arc::ptr_eq(&first, &app.page_lines()), "scrolling lays nothing out again");
    send(&mut app, Input::Resize { width: 100, height: 30 });
    let wider = app.page_lines();
    assert!(!std::sync::Arc::ptr_eq(&first, &wider), "a new width is a new layout");
    press(&mut app, Key::Right);
    assert!(!std::sync::Arc::ptr_eq(&wider, &app.page_lines()), "so is another page");
}

/// A language switch keeps the reader on the same page, from its top: the old scroll would open
/// the other language's page mid-text with its heading out of sight.
#[test]
fn a_language_switch_keeps_the_page_and_goes_to_its_top() {
    let mut app = App::new(vertebroplasty_library(), Catalog::english(), Settings::default(), (80, 24), t0());
    press_all(&mut app, &[Key::Enter, Key::Char('8'), Key::End]);
    let before = topic_state(&app).clone();
    assert!(before.scroll > 0, "End scrolled the page: {before:?}");
    press(&mut app, Key::Char('L'));
    let after = topic_state(&app);
    assert_eq!((after.page, after.scroll), (before.page, 0));
}
