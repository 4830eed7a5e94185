//! A locked kiosk: no key ends or leaves it without the staff PIN.

use std::time::Duration;

use crate::common::*;
use kiosk_content::i18n::{Catalog, Msg};
use kiosk_core::app::{
    App, Effect, FIRST_LOCKOUT, Flash, Happening, Input, Key, LONGEST_LOCKOUT, Mouse, MouseAction, PIN_TRIES,
    PinRecord, Screen, Settings, StaffPanel, hints, lockout_after,
};

/// Every key a curious visitor might try to get out with.
fn escape_keys() -> Vec<Key> {
    let mut keys = vec![
        Key::Char('q'),
        Key::Char('Q'),
        Key::Esc,
        Key::Ctrl('c'),
        Key::Ctrl('z'),
        Key::Ctrl('\\'),
        Key::Ctrl('d'),
        Key::Backspace,
        Key::Other,
    ];
    keys.extend((1..=24).filter(|n| *n != 12).map(Key::Function));
    keys
}

fn type_pin(app: &mut App, pin: &str) -> Vec<Effect> {
    press(app, Key::Function(12));
    for digit in pin.chars() {
        press(app, Key::Char(digit));
    }
    press(app, Key::Enter)
}

#[test]
fn no_escape_key_ends_a_locked_kiosk_on_any_screen() {
    // From the attract screen, the list of topics, a topic, and the help over it.
    let openings: [&[Key]; 4] = [
        &[],
        &[Key::Char('x')],
        &[Key::Char('x'), Key::Enter],
        &[Key::Char('x'), Key::Enter, Key::Char('?')],
    ];
    for opening in openings {
        for key in escape_keys() {
            let mut app = locked_app();
            press_all(&mut app, opening);
            let screen = format!("{:?}", app.screen());
            assert_eq!(press(&mut app, key), vec![], "{key:?} on {screen}");
        }
    }
    // And all of them in a row.
    let mut app = locked_app();
    for _ in 0..3 {
        for key in escape_keys() {
            assert_eq!(press(&mut app, key), vec![], "{key:?}");
        }
    }
}

#[test]
fn a_locked_kiosk_starts_on_the_attract_screen_and_any_key_or_tap_opens_the_topics() {
    for input in [
        Input::Key(Key::Char('z')),
        Input::Key(Key::Enter),
        Input::Mouse(Mouse { action: MouseAction::Click, column: 40, row: 20 }),
    ] {
        let mut app = locked_app();
        assert_eq!(app.screen(), &Screen::Attract);
        send(&mut app, input.clone());
        assert_eq!(app.screen(), &Screen::Home, "{input:?}");
        assert_eq!(app.home().selected, 0, "{input:?}: the key is not acted on otherwise");
    }
}

#[test]
fn the_staff_key_asks_for_the_pin_and_hides_what_is_typed() {
    let mut app = locked_app();
    press(&mut app, Key::Function(12));
    assert_eq!(app.session().staff_panel(), Some(&StaffPanel::Pin { digits: String::new() }));
    for key in [Key::Char('1'), Key::Char('a'), Key::Char('2'), Key::Backspace, Key::Char('3')] {
        press(&mut app, key);
    }
    assert_eq!(app.session().staff_panel(), Some(&StaffPanel::Pin { digits: "13".into() }));
    press(&mut app, Key::Esc);
    assert_eq!(app.session().staff_panel(), None);
    assert_eq!(app.screen(), &Screen::Attract);
}

#[test]
fn the_right_pin_opens_the_staff_menu_where_x_exits() {
    let mut app = locked_app();
    assert_eq!(type_pin(&mut app, TEST_PIN), vec![Effect::Journal(Happening::PinAccepted)], "IT hears of it");
    assert_eq!(app.session().staff_panel(), Some(&StaffPanel::Menu));
    assert_eq!(press(&mut app, Key::Char('q')), vec![]);
    assert_eq!(press(&mut app, Key::Char('x')), vec![Effect::Quit]);
}

#[test]
fn esc_in_the_staff_menu_returns_to_the_patients_screen() {
    let mut app = locked_app();
    press_all(&mut app, &[Key::Enter, Key::Enter, Key::Right]);
    type_pin(&mut app, TEST_PIN);
    press(&mut app, Key::Esc);
    assert_eq!(app.session().staff_panel(), None);
    assert_eq!(topic_state(&app).page, 1);
}

#[test]
fn a_wrong_pin_says_so_and_returns_to_the_patients_screen() {
    let mut app = locked_app();
    press_all(&mut app, &[Key::Enter, Key::Enter]);
    let record = PinRecord { wrong_pins: 1, lockouts: 0, locked_for: Duration::ZERO };
    assert_eq!(type_pin(&mut app, "1357"), vec![Effect::SavePinRecord(record)], "kept for a restart");
    assert_eq!(app.session().staff_panel(), None);
    assert_eq!(app.session().flash, Some(Flash::WrongPin));
    assert!(matches!(app.screen(), Screen::Topic(_)));
    press(&mut app, Key::Right);
    assert_eq!(app.session().flash, None, "the message goes with the next key");
}

#[test]
fn five_wrong_pins_close_the_pin_screen_for_a_minute_even_across_a_reset() {
    let mut app = locked_app();
    for _ in 0..PIN_TRIES {
        type_pin(&mut app, "0000");
    }
    assert_eq!(app.session().flash, Some(Flash::PinLockedOut));
    assert!(app.pin_locked_out());
    // The right PIN does not help now: no digit is taken.
    assert_eq!(type_pin(&mut app, TEST_PIN), vec![]);
    assert_eq!(app.session().staff_panel(), Some(&StaffPanel::Pin { digits: String::new() }));
    press(&mut app, Key::Esc);
    // Waiting for a reset does not undo the lockout.
    let reset_at = Duration::from_secs(200);
    send_at(&mut app, reset_at, Input::Wake);
    assert_eq!(app.screen(), &Screen::Attract);
    send_at(&mut app, Duration::from_secs(59), Input::Key(Key::Function(12)));
    assert!(app.pin_locked_out() || app.now() >= t0() + FIRST_LOCKOUT);
    // A minute after the fifth try, the PIN works again.
    let later = FIRST_LOCKOUT + Duration::from_secs(1);
    send_at(&mut app, later, Input::Key(Key::Esc));
    send_at(&mut app, later, Input::Key(Key::Function(12)));
    for digit in TEST_PIN.chars() {
        send_at(&mut app, later, Input::Key(Key::Char(digit)));
    }
    send_at(&mut app, later, Input::Key(Key::Enter));
    assert_eq!(app.session().staff_panel(), Some(&StaffPanel::Menu));
}

#[test]
fn four_wrong_pins_then_the_right_one_clears_the_count() {
    let mut app = locked_app();
    for _ in 0..PIN_TRIES - 1 {
        type_pin(&mut app, "0000");
    }
    type_pin(&mut app, TEST_PIN);
    press(&mut app, Key::Esc);
    for _ in 0..PIN_TRIES - 1 {
        type_pin(&mut app, "0000");
    }
    assert!(!app.pin_locked_out());
}

#[test]
fn without_a_pin_hash_a_locked_kiosk_cannot_be_left_by_keys() {
    let settings = Settings { locked: true, ..Settings::default() };
    let mut app = App::new(vertebroplasty_library(), Catalog::english(), settings, (80, 24), t0());
    for pin in ["", "0000", TEST_PIN, "123456789012"] {
        assert_eq!(type_pin(&mut app, pin), vec![]);
        assert_eq!(app.session().staff_panel(), Some(&StaffPanel::Pin { digits: String::new() }));
        assert_eq!(press(&mut app, Key::Char('x')), vec![]);
        press(&mut app, Key::Esc);
    }
}

#[test]
fn an_unlocked_kiosk_opens_the_staff_menu_without_a_pin() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Function(12));
    assert_eq!(app.session().staff_panel(), Some(&StaffPanel::Menu));
    assert_eq!(press(&mut app, Key::Char('x')), vec![Effect::Quit]);
}

#[test]
fn the_staff_key_can_be_another_function_key() {
    let settings = Settings {
        locked: true,
        staff_key: Key::Function(2),
        pin_hash: Some(test_pin_hash()),
        ..Settings::default()
    };
    let mut app = App::new(vertebroplasty_library(), Catalog::english(), settings.clone(), (80, 24), t0());
    press(&mut app, Key::Function(12));
    assert_eq!(app.session().staff_panel(), None);
    press(&mut app, Key::Function(2));
    assert!(matches!(app.session().staff_panel(), Some(&StaffPanel::Pin { .. })));
    // The help of a staff terminal names the key that really opens it (a locked kiosk's help
    // does not offer it to patients).
    let unlocked = Settings { locked: false, ..settings };
    let mut app = App::new(vertebroplasty_library(), Catalog::english(), unlocked, (80, 24), t0());
    press_all(&mut app, &[Key::Esc, Key::Enter, Key::Char('?')]);
    let help = screen_text(&app);
    assert!(help.contains("F2 ") && help.contains("Staff menu (for clinic staff)"), "{help}");
    assert!(!help.contains("F12"), "{help}");
}

#[test]
fn pastes_are_swallowed_and_never_typed_into_the_pin() {
    let mut app = locked_app();
    press(&mut app, Key::Function(12));
    assert_eq!(send(&mut app, Input::Paste(TEST_PIN.repeat(1 << 18))), vec![]);
    assert_eq!(app.session().staff_panel(), Some(&StaffPanel::Pin { digits: String::new() }));
}

#[test]
fn a_flood_of_keys_is_taken_in_stride() {
    let mut app = locked_app();
    press_all(&mut app, &[Key::Enter, Key::Enter]);
    for _ in 0..100_000 {
        press(&mut app, Key::Char('a'));
    }
    assert!(matches!(app.screen(), Screen::Topic(_)));
}

#[test]
fn a_locked_kiosk_offers_no_quit_key() {
    let mut app = locked_app();
    press(&mut app, Key::Enter);
    assert!(hints(&app).iter().all(|hint| hint.msg != Msg::HintQuit));
    let mut unlocked = bundled_app(80, 24);
    press(&mut unlocked, Key::Enter);
    assert!(hints(&unlocked).iter().any(|hint| hint.msg == Msg::HintQuit));
}

/// Types a wrong PIN `PIN_TRIES` times at `at`; the last record the app asked to keep.
fn lock_out_at(app: &mut App, at: Duration) -> PinRecord {
    let mut kept = None;
    for _ in 0..PIN_TRIES {
        send_at(app, at, Input::Key(Key::Function(12)));
        for digit in "000000".chars() {
            send_at(app, at, Input::Key(Key::Char(digit)));
        }
        for effect in send_at(app, at, Input::Key(Key::Enter)) {
            if let Effect::SavePinRecord(record) = effect {
                kept = Some(record);
            }
        }
    }
    assert!(app.pin_locked_out(), "locked out after {PIN_TRIES} wrong PINs");
    kept.expect("each wrong PIN is kept for the next start")
}

#[test]
fn each_lockout_lasts_twice_as_long_as_the_last_up_to_an_hour() {
    let mut app = locked_app();
    let mut at = Duration::ZERO;
    let mut minutes = Vec::new();
    for _ in 0..8 {
        let record = lock_out_at(&mut app, at);
        minutes.push(record.locked_for.as_secs() / 60);
        assert_eq!(record.locked_for, lockout_after(record.lockouts));
        // Still closed a second before the end, open at it.
        send_at(&mut app, (at + record.locked_for).checked_sub(Duration::from_secs(1)).unwrap(), Input::Wake);
        assert!(app.pin_locked_out());
        at += record.locked_for;
        send_at(&mut app, at, Input::Key(Key::Esc));
        assert!(!app.pin_locked_out());
    }
    assert_eq!(minutes, [1, 2, 4, 8, 16, 32, 60, 60]);
    assert_eq!(lockout_after(100), LONGEST_LOCKOUT);
    // The PIN screen says how long is left.
    lock_out_at(&mut app, at);
    send_at(&mut app, at, Input::Key(Key::Function(12)));
    assert!(screen_text(&app).contains("Too many wrong PINs. Try again in 60 min."), "{}", screen_text(&app));
}

#[test]
fn the_right_pin_clears_the_count_and_says_so_for_the_next_start() {
    let mut app = locked_app();
    let record = lock_out_at(&mut app, Duration::ZERO);
    assert_eq!(record, PinRecord { wrong_pins: 0, lockouts: 1, locked_for: FIRST_LOCKOUT });
    let later = FIRST_LOCKOUT;
    send_at(&mut app, later, Input::Key(Key::Esc));
    send_at(&mut app, later, Input::Key(Key::Function(12)));
    for digit in TEST_PIN.chars() {
        send_at(&mut app, later, Input::Key(Key::Char(digit)));
    }
    let effects = send_at(&mut app, later, Input::Key(Key::Enter));
    assert_eq!(app.session().staff_panel(), Some(&StaffPanel::Menu));
    assert_eq!(
        effects,
        [Effect::Journal(Happening::PinAccepted), Effect::SavePinRecord(PinRecord::default())]
    );
}

#[test]
fn a_restart_keeps_the_lockout_and_the_count() {
    let record = PinRecord { wrong_pins: 0, lockouts: 2, locked_for: Duration::from_secs(90) };
    let mut app = locked_app().with_pin_record(record);
    assert!(app.pin_locked_out());
    send_at(&mut app, Duration::from_secs(89), Input::Key(Key::Function(12)));
    assert!(screen_text(&app).contains("Try again in 1 min."));
    send_at(&mut app, Duration::from_secs(90), Input::Key(Key::Esc));
    assert!(!app.pin_locked_out());
    // The third lockout in a row: four minutes.
    let record = lock_out_at(&mut app, Duration::from_secs(90));
    assert_eq!(record.locked_for, Duration::from_secs(4 * 60));
}
