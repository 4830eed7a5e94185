//! The idle warning and the reset, with time moved by hand: no test sleeps.

use std::time::Duration;

use crate::common::*;
use kiosk_core::app::{App, Effect, Input, Key, Mouse, MouseAction, Screen, Session, StaffPanel};

const IDLE: Duration = Duration::from_secs(90);
const WARNING: Duration = Duration::from_secs(20);

fn secs(s: f64) -> Duration {
    Duration::from_secs_f64(s)
}

/// A locked kiosk with a reader three pages into the topic, the last key at 10 s.
fn reading_app() -> App {
    let mut app = locked_app();
    for key in [Key::Char(' '), Key::Enter, Key::Right, Key::Right] {
        send_at(&mut app, secs(10.0), Input::Key(key));
    }
    assert_eq!(topic_state(&app).page, 2);
    app
}

#[test]
fn a_kiosk_at_rest_has_no_deadline() {
    let app = locked_app();
    assert_eq!(app.screen(), &Screen::Attract);
    assert!(app.at_rest());
    assert_eq!(app.next_deadline(), None);
    let unlocked = bundled_app(80, 24);
    assert_eq!(unlocked.next_deadline(), None);
}

#[test]
fn the_warning_is_due_idle_seconds_after_the_last_input() {
    let app = reading_app();
    assert_eq!(app.next_deadline(), Some(t0() + secs(10.0) + IDLE));
}

#[test]
fn the_warning_shows_at_idle_seconds_and_not_before() {
    let mut app = reading_app();
    send_at(&mut app, (secs(10.0) + IDLE).checked_sub(secs(0.001)).unwrap(), Input::Wake);
    assert_eq!(app.reset_countdown(), None);
    send_at(&mut app, secs(10.0) + IDLE, Input::Wake);
    assert_eq!(app.reset_countdown(), Some(20));
    assert_eq!(topic_state(&app).page, 2, "the page stays under the warning");
}

#[test]
fn the_countdown_wakes_the_kiosk_each_second_and_counts_down() {
    let mut app = reading_app();
    let warned = secs(10.0) + IDLE;
    send_at(&mut app, warned, Input::Wake);
    assert_eq!(app.next_deadline(), Some(t0() + warned + secs(1.0)));
    send_at(&mut app, warned + secs(0.5), Input::Wake);
    assert_eq!(app.reset_countdown(), Some(20));
    send_at(&mut app, warned + secs(1.0), Input::Wake);
    assert_eq!(app.reset_countdown(), Some(19));
    send_at(&mut app, warned + secs(19.2), Input::Wake);
    assert_eq!(app.reset_countdown(), Some(1));
    assert_eq!(app.next_deadline(), Some(t0() + warned + WARNING));
}

#[test]
fn the_session_resets_at_idle_plus_warning_seconds() {
    let mut app = reading_app();
    send_at(&mut app, secs(10.0) + IDLE, Input::Wake);
    send_at(&mut app, (secs(10.0) + IDLE + WARNING).checked_sub(secs(0.001)).unwrap(), Input::Wake);
    assert!(matches!(app.screen(), Screen::Topic(_)));
    send_at(&mut app, secs(10.0) + IDLE + WARNING, Input::Wake);
    assert_eq!(app.screen(), &Screen::Attract);
    assert_eq!(app.reset_countdown(), None);
    assert!(app.at_rest());
    assert_eq!(app.next_deadline(), None);
}

#[test]
fn any_key_in_the_warning_keeps_the_session_and_does_nothing_else() {
    for key in [Key::Right, Key::Esc, Key::Enter, Key::Char('q'), Key::Char('?'), Key::Function(12)] {
        let mut app = reading_app();
        let warned = secs(10.0) + IDLE;
        send_at(&mut app, warned, Input::Wake);
        assert_eq!(send_at(&mut app, warned + secs(5.0), Input::Key(key)), vec![], "{key:?}");
        assert_eq!(app.reset_countdown(), None, "{key:?}");
        assert_eq!(topic_state(&app).page, 2, "{key:?}");
        assert!(!app.help_open(), "{key:?}");
        assert_eq!(app.session().staff_panel(), None, "{key:?}");
        // The idle time starts again from that key.
        assert_eq!(app.next_deadline(), Some(t0() + warned + secs(5.0) + IDLE), "{key:?}");
    }
}

#[test]
fn a_click_or_a_paste_in_the_warning_keeps_the_session() {
    let click = Input::Mouse(Mouse { action: MouseAction::Click, column: 3, row: 5 });
    for input in [click, Input::Paste("hello".into())] {
        let mut app = reading_app();
        send_at(&mut app, secs(10.0) + IDLE, Input::Wake);
        send_at(&mut app, secs(10.0) + IDLE + secs(1.0), input.clone());
        assert_eq!(app.reset_countdown(), None, "{input:?}");
        assert_eq!(topic_state(&app).page, 2, "{input:?}");
    }
}

#[test]
fn a_resize_is_not_the_reader_and_does_not_delay_the_reset() {
    let mut app = reading_app();
    send_at(&mut app, secs(50.0), Input::Resize { width: 100, height: 30 });
    assert_eq!(app.next_deadline(), Some(t0() + secs(10.0) + IDLE));
    send_at(&mut app, secs(10.0) + IDLE, Input::Wake);
    send_at(&mut app, secs(10.0) + IDLE + secs(1.0), Input::Resize { width: 80, height: 24 });
    assert_eq!(app.reset_countdown(), Some(19));
}

#[test]
fn a_late_event_after_both_deadlines_finds_a_fresh_session() {
    let mut app = reading_app();
    // The machine slept through both deadlines; the first key after it meets the attract screen.
    send_at(&mut app, secs(10.0) + IDLE + WARNING + secs(600.0), Input::Key(Key::Right));
    assert_eq!(app.screen(), &Screen::Home);
    assert_eq!(app.home().selected, 0);
}

#[test]
fn the_reset_wipes_every_trace_of_the_reader() {
    let mut app = reading_app();
    let at = secs(20.0);
    for key in [Key::Down, Key::Down, Key::End, Key::Char('?')] {
        send_at(&mut app, at, Input::Key(key));
    }
    send_at(&mut app, at, Input::Key(Key::Function(12)));
    for digit in ['1', '3'] {
        send_at(&mut app, at, Input::Key(Key::Char(digit)));
    }
    assert_eq!(app.session().staff_panel(), Some(&StaffPanel::Pin { digits: "13".into() }));
    send_at(&mut app, at + IDLE, Input::Wake);
    send_at(&mut app, at + IDLE + WARNING, Input::Wake);
    assert_eq!(app.session(), &Session::start(app.settings()));
    assert_eq!(app.screen(), &Screen::Attract);
}

#[test]
fn faq_answers_and_scroll_do_not_survive_the_reset() {
    let mut app = reading_app();
    let at = secs(20.0);
    for _ in 0..16 {
        send_at(&mut app, at, Input::Key(Key::Right));
    }
    send_at(&mut app, at, Input::Key(Key::Enter));
    assert!(topic_state(&app).faq_open.iter().any(|open| *open));
    send_at(&mut app, at + IDLE + WARNING, Input::Wake);
    for key in [Key::Char(' '), Key::Enter] {
        send_at(&mut app, at + IDLE + WARNING + secs(1.0), Input::Key(key));
    }
    let state = topic_state(&app);
    assert_eq!((state.page, state.scroll), (0, 0));
    assert!(state.faq_open.iter().all(|open| !open));
}

#[test]
fn an_unlocked_kiosk_resets_to_the_list_of_topics() {
    let mut app = bundled_app(80, 24);
    send_at(&mut app, secs(1.0), Input::Key(Key::Enter));
    assert_eq!(app.next_deadline(), Some(t0() + secs(1.0) + IDLE));
    send_at(&mut app, secs(1.0) + IDLE + WARNING, Input::Wake);
    assert_eq!(app.screen(), &Screen::Home);
    assert!(app.at_rest());
}

#[test]
fn a_key_in_the_warning_never_quits() {
    let mut app = bundled_app(80, 24);
    send_at(&mut app, secs(1.0), Input::Key(Key::Enter));
    send_at(&mut app, secs(1.0) + IDLE, Input::Wake);
    assert_eq!(send_at(&mut app, secs(1.0) + IDLE, Input::Key(Key::Char('q'))), Vec::<Effect>::new());
    assert_eq!(send_at(&mut app, secs(2.0) + IDLE, Input::Key(Key::Char('q'))), vec![Effect::Quit]);
}
