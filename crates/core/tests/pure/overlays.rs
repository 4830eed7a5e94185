//! Help, search, take-home and the staff menu over a screen: each hides what is beneath it,
//! the footer offers its own keys, and its words fit how readers reach it (keys or touch).

use crate::common::*;
use kiosk_content::i18n::Msg;
use kiosk_core::app::{App, Chrome, Input, Key, Settings, hint_areas, hints};

/// The footer's hints, as words.
fn footer_words(app: &App) -> Vec<&'static str> {
    let footer = app.home_layout().chrome.footer;
    hint_areas(footer, &hints(app), app.catalog()).into_iter().map(|(_, hint)| msg_text(hint.msg)).collect()
}

fn msg_text(msg: Msg) -> &'static str {
    kiosk_content::i18n::Catalog::english().text(msg).to_owned().leak()
}

/// The body's rows outside the overlay's box (found by its corners) are blank.
fn blank_around_the_box(app: &App) -> Result<(), String> {
    let buffer = draw(app);
    let body = Chrome::new(app.area()).body;
    let corner = |symbol: &str| {
        buffer.content().iter().position(|cell| cell.symbol() == symbol).map(|i| {
            let width = usize::from(buffer.area.width);
            ((i % width) as u16, (i / width) as u16)
        })
    };
    let (Some((left, top)), Some((right, bottom))) = (corner("┌"), corner("┘")) else {
        return Err("no box".to_owned());
    };
    for y in body.y..body.bottom() {
        for x in body.x..body.right() {
            let inside = (left..=right).contains(&x) && (top..=bottom).contains(&y);
            if !inside && !buffer[(x, y)].symbol().trim().is_empty() {
                return Err(format!("({x},{y}) shows {:?} beside the box", buffer[(x, y)].symbol()));
            }
        }
    }
    Ok(())
}

#[test]
fn help_and_search_hide_the_page_beneath_them() {
    let mut app = bundled_app(80, 24);
    press_all(&mut app, &[Key::Enter, Key::Char('?')]);
    assert!(app.help_open());
    blank_around_the_box(&app).unwrap();
    press(&mut app, Key::Esc);
    press(&mut app, Key::Char('/'));
    "blood".chars().for_each(|c| drop(press(&mut app, Key::Char(c))));
    blank_around_the_box(&app).unwrap();
}

#[test]
fn the_footer_offers_the_open_overlays_keys_and_a_tap_on_them_acts() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    assert!(footer_words(&app).contains(&"Esc Back"));
    press(&mut app, Key::Char('/'));
    assert_eq!(footer_words(&app), ["↑↓ Choose", "Enter Open", "Esc Close"]);
    let close = |app: &App| {
        let footer = app.home_layout().chrome.footer;
        let (area, _) = hint_areas(footer, &hints(app), app.catalog())
            .into_iter()
            .find(|(_, hint)| hint.msg == Msg::HintClose)
            .expect("Esc Close");
        (area.x + 2, area.y)
    };
    let (x, y) = close(&app);
    click(&mut app, x, y);
    assert!(app.session().search().is_none(), "the tap closed search");
    assert!(app.topic().is_some(), "and did not go back from the topic");
    for open in [Key::Char('?'), Key::Char('t'), Key::Function(12)] {
        press(&mut app, open);
        assert_eq!(footer_words(&app), ["Esc Close"], "{open:?}");
        let (x, y) = close(&app);
        click(&mut app, x, y);
        assert_eq!(footer_words(&app).first(), Some(&"←→ Sections"), "{open:?} closed by the tap");
    }
}

#[test]
fn a_locked_kiosks_help_does_not_offer_the_staff_key_to_patients() {
    let mut locked = locked_app();
    press_all(&mut locked, &[Key::Char(' '), Key::Char('?')]);
    assert!(locked.help_open());
    assert!(!screen_text(&locked).contains("F12"), "{}", screen_text(&locked));
    let mut unlocked = bundled_app(80, 24);
    press(&mut unlocked, Key::Char('?'));
    assert!(screen_text(&unlocked).contains("F12  "));
}

#[test]
fn the_help_text_keeps_a_column_off_its_border() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Char('?'));
    let text = screen_text(&app);
    let line = text.lines().find(|line| line.contains("Press any key to close")).expect("help");
    assert!(line.contains("│ Press any key"), "{line}");
}

/// "Press any key" where readers have keys; "Touch the screen" on a touchscreen, or once a tap
/// has come — and a reset keeps it, as the device has not changed.
#[test]
fn the_words_say_touch_on_a_touchscreen_or_once_a_tap_has_come() {
    let mut keys = locked_app();
    assert!(screen_text(&keys).contains("Press any key to start"));
    let touch_settings = Settings { touch: true, ..keys.settings().clone() };
    let touch = App::new(
        vertebroplasty_library(),
        kiosk_content::i18n::Catalog::english(),
        touch_settings,
        (80, 24),
        t0(),
    );
    assert!(screen_text(&touch).contains("Touch the screen to start"));
    click(&mut keys, 40, 12);
    press(&mut keys, Key::Enter);
    press(&mut keys, Key::Char('?'));
    assert!(screen_text(&keys).contains("Touch the screen to close this help."));
    press(&mut keys, Key::Esc);
    press(&mut keys, Key::Char('t'));
    assert!(screen_text(&keys).contains("Touch the screen to close."));
    press(&mut keys, Key::Esc);
    // Nobody there: the warning, then the reset; the words stay the touchscreen's.
    let (idle, warning) = (keys.settings().idle, keys.settings().warning);
    send_at(&mut keys, idle, Input::Wake);
    assert!(screen_text(&keys).contains("Touch the screen to keep reading."), "{}", screen_text(&keys));
    send_at(&mut keys, idle + warning, Input::Wake);
    assert!(screen_text(&keys).contains("Touch the screen to start"), "{}", screen_text(&keys));
}

#[test]
fn the_scrollbars_arrows_and_track_scroll_on_a_tap() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    let bar = app.topic_layout().scrollbar;
    click(&mut app, bar.x, bar.bottom() - 1);
    assert_eq!(topic_state(&app).scroll, 3, "▼ scrolls down");
    click(&mut app, bar.x, bar.y);
    assert_eq!(topic_state(&app).scroll, 0, "▲ scrolls up");
    click(&mut app, bar.x, bar.bottom() - 2);
    let last = topic_state(&app).scroll;
    assert!(last > 3, "the bottom of the track goes to the end: {last}");
    press(&mut app, Key::End);
    assert_eq!(topic_state(&app).scroll, last);
}

#[test]
fn the_staff_panel_opens_over_what_a_reader_had_open_and_closing_it_gives_that_back() {
    use kiosk_core::app::{Overlay, StaffPanel};
    let mut app = bundled_app(80, 24);
    // Over search: keys go to the panel, Esc gives back the search as it was.
    press(&mut app, Key::Char('/'));
    send(&mut app, Input::Paste("cement".to_owned()));
    let search = app.session().search().cloned().expect("open");
    press(&mut app, Key::Function(12));
    assert_eq!(app.session().staff_panel(), Some(&StaffPanel::Menu));
    assert!(footer_words(&app).contains(&msg_text(Msg::HintClose)));
    press(&mut app, Key::Char('x'));
    assert_eq!(app.session().search(), Some(&search), "a key for the panel typed into the search");
    press(&mut app, Key::Esc);
    assert_eq!(app.session().overlays.top(), Some(&Overlay::Search(search)));
    press(&mut app, Key::Esc);
    assert!(app.session().overlays.is_empty());
    // Over help: help closes, since the panel says what its own keys do.
    press(&mut app, Key::Char('?'));
    press(&mut app, Key::Function(12));
    press(&mut app, Key::Esc);
    assert!(app.session().overlays.is_empty(), "{:?}", app.session().overlays);
    // Over take-home: Esc closes the panel, the code stays for the reader.
    press_all(&mut app, &[Key::Enter, Key::Char('t')]);
    press(&mut app, Key::Function(12));
    press(&mut app, Key::Esc);
    assert!(app.session().take_home());
    assert_eq!(app.broken_invariants(), Vec::<String>::new());
}
