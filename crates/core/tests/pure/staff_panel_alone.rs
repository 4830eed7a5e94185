//! The staff panel driven alone: its state and a context in, an outcome out; no App.

use kiosk_core::app::{Key, StaffContext, StaffOutcome, StaffPanel};

const OPEN: StaffContext = StaffContext { accepts_digits: true, checking: false, reload_offered: true };

fn pin() -> StaffPanel {
    StaffPanel::Pin { digits: String::new() }
}

#[test]
fn the_pin_screen_alone_takes_digits_masks_nothing_else_and_asks_for_one_check() {
    let mut panel = pin();
    for key in
        [Key::Char('1'), Key::Char('a'), Key::Char('3'), Key::Char('x'), Key::Backspace, Key::Char('5')]
    {
        assert_eq!(panel.on_key(key, OPEN), StaffOutcome::Stay, "{key:?}");
    }
    assert_eq!(panel, StaffPanel::Pin { digits: "15".into() }, "letters are not digits");
    assert_eq!(panel.on_key(Key::Enter, OPEN), StaffOutcome::CheckPin("15".into()));
    assert_eq!(panel, StaffPanel::Checking);
    // While it is checked, no key does anything, Esc included.
    for key in [Key::Esc, Key::Enter, Key::Char('1'), Key::Char('x')] {
        assert_eq!(panel.on_key(key, OPEN), StaffOutcome::Stay, "{key:?}");
    }
    assert_eq!(panel, StaffPanel::Checking);
}

#[test]
fn the_pin_screen_alone_refuses_what_it_cannot_check() {
    // Nothing typed: Enter does nothing.
    let mut panel = pin();
    assert_eq!(panel.on_key(Key::Enter, OPEN), StaffOutcome::Stay);
    assert_eq!(panel, pin());
    // Locked out, or no PIN set up: digits are not taken.
    let locked_out = StaffContext { accepts_digits: false, ..OPEN };
    assert_eq!(panel.on_key(Key::Char('1'), locked_out), StaffOutcome::Stay);
    assert_eq!(panel, pin());
    // Another check in flight: Enter waits.
    let busy = StaffContext { checking: true, ..OPEN };
    panel.on_key(Key::Char('1'), busy);
    assert_eq!(panel.on_key(Key::Enter, busy), StaffOutcome::Stay);
    assert_eq!(panel, StaffPanel::Pin { digits: "1".into() });
    // At most twelve digits.
    for _ in 0..20 {
        panel.on_key(Key::Char('9'), OPEN);
    }
    assert_eq!(panel, StaffPanel::Pin { digits: format!("1{}", "9".repeat(11)) });
    assert_eq!(panel.on_key(Key::Esc, OPEN), StaffOutcome::Close);
}

#[test]
fn the_menu_alone_offers_exit_staff_mode_and_reload_where_there_is_a_folder() {
    let mut menu = StaffPanel::Menu;
    assert_eq!(menu.on_key(Key::Char('x'), OPEN), StaffOutcome::Quit);
    assert_eq!(menu.on_key(Key::Char('S'), OPEN), StaffOutcome::ToggleStaffMode);
    assert_eq!(menu.on_key(Key::Char('r'), OPEN), StaffOutcome::Reload);
    let bundled = StaffContext { reload_offered: false, ..OPEN };
    assert_eq!(menu.on_key(Key::Char('r'), bundled), StaffOutcome::Stay);
    assert_eq!(menu.on_key(Key::Char('1'), OPEN), StaffOutcome::Stay);
    assert_eq!(menu.on_key(Key::Esc, OPEN), StaffOutcome::Close);
}
