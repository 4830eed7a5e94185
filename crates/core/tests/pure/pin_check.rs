//! The staff PIN is checked away from the input path (argon2 is slow on purpose): the PIN
//! screen waits for the answer, keys cannot cancel it, and a wrong PIN counts even when the
//! reader walked away before the answer came.

use std::time::Duration;

use crate::common::*;
use kiosk_core::app::{App, Effect, Event, Input, Key, StaffPanel, update};

/// Types `pin` and Enter with `update` alone: the check is left for the test to answer.
fn type_pin_unchecked(app: &mut App, pin: &str) -> Vec<Effect> {
    press(app, Key::Function(12));
    for digit in pin.chars() {
        press(app, Key::Char(digit));
    }
    update(app, Event::new(Input::Key(Key::Enter), t0()))
}

#[test]
fn enter_asks_for_the_check_and_the_pin_screen_waits_for_it() {
    let mut app = locked_app();
    let effects = type_pin_unchecked(&mut app, TEST_PIN);
    assert_eq!(effects, [Effect::CheckPin { hash: test_pin_hash(), entered: TEST_PIN.to_owned() }]);
    assert_eq!(app.session().staff_panel(), Some(&StaffPanel::Checking));
    assert!(screen_text(&app).contains("Checking the PIN. One moment, please."), "{}", screen_text(&app));
    // No key cancels it or starts another: the answer always counts.
    for key in [Key::Esc, Key::Enter, Key::Char('1'), Key::Function(12), Key::Ctrl('c')] {
        assert_eq!(press(&mut app, key), vec![], "{key:?}");
        assert_eq!(app.session().staff_panel(), Some(&StaffPanel::Checking), "{key:?}");
    }
    send(&mut app, Input::PinChecked(true));
    assert_eq!(app.session().staff_panel(), Some(&StaffPanel::Menu));
}

#[test]
fn a_wrong_pin_counts_even_after_the_reset_and_the_next_reader_sees_nothing_of_it() {
    let mut app = locked_app();
    let _ = type_pin_unchecked(&mut app, "111111");
    // The reader walks away; the session is wiped before the answer comes.
    send_at(&mut app, Duration::from_secs(200), Input::Wake);
    assert_eq!(app.session().staff_panel(), None, "the reset closed the PIN screen");
    // Nobody can try another PIN before the answer to the last has counted.
    assert_eq!(type_pin_unchecked(&mut app, TEST_PIN), vec![], "no second check in flight");
    press(&mut app, Key::Esc);
    let effects = send_at(&mut app, Duration::from_secs(201), Input::PinChecked(false));
    assert!(
        effects.iter().any(|e| matches!(e, Effect::SavePinRecord(record) if record.wrong_pins == 1)),
        "{effects:?}"
    );
    assert_eq!(app.session().flash, None, "no \"Wrong PIN\" on the next reader's screen");
    // A right answer that comes after the reset opens nothing.
    let _ = type_pin_unchecked(&mut app, TEST_PIN);
    send_at(&mut app, Duration::from_secs(400), Input::Wake);
    send_at(&mut app, Duration::from_secs(401), Input::PinChecked(true));
    assert_eq!(app.session().staff_panel(), None);
    assert!(!app.staff());
}
