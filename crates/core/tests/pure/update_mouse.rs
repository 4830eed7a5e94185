//! Clicks, taps and the mouse wheel through `update`: each target does what its key does.

use crate::common::*;
use kiosk_content::i18n::Msg;
use kiosk_core::app::{App, Effect, HOME_ENTRY_HEIGHT, Key, Page, PageNav, Screen, hint_areas, hints};

/// The middle of the footer hint with this text.
fn hint_cell(app: &App, msg: Msg) -> (u16, u16) {
    let footer = app.home_layout().chrome.footer;
    let (area, _) = hint_areas(footer, &hints(app), app.catalog())
        .into_iter()
        .find(|(_, hint)| hint.msg == msg)
        .expect("hint shown");
    (area.x + area.width / 2, area.y)
}

#[test]
fn a_tap_on_any_row_of_a_topic_opens_it() {
    for row_in_entry in 0..HOME_ENTRY_HEIGHT {
        let mut app = app_with_topics(4, 80, 24);
        let list = app.home_layout().list;
        click(&mut app, list.x + 5, list.y + HOME_ENTRY_HEIGHT + row_in_entry);
        assert_eq!(topic_state(&app).id, "topic-01");
    }
}

#[test]
fn a_tap_below_the_last_topic_does_nothing() {
    let mut app = app_with_topics(2, 80, 24);
    let list = app.home_layout().list;
    click(&mut app, list.x + 5, list.y + 3 * HOME_ENTRY_HEIGHT);
    assert_eq!(app.screen(), &Screen::Home);
}

#[test]
fn a_tap_on_a_scrolled_list_opens_the_topic_shown_there() {
    let mut app = app_with_topics(12, 80, 24);
    press(&mut app, Key::End);
    let first = app.home().first_visible;
    let list = app.home_layout().list;
    click(&mut app, list.x + 5, list.y);
    assert_eq!(topic_state(&app).id, format!("topic-{first:02}"));
}

#[test]
fn the_wheel_moves_through_the_topics() {
    let mut app = app_with_topics(5, 80, 24);
    wheel_down(&mut app, 10, 10);
    wheel_down(&mut app, 10, 10);
    assert_eq!(app.home().selected, 2);
    wheel_up(&mut app, 10, 10);
    assert_eq!(app.home().selected, 1);
}

#[test]
fn a_tap_on_a_page_in_the_side_list_opens_that_page() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    assert!(app.topic().is_some());
    let PageNav::Side(side) = app.topic_layout().nav else { panic!("80 columns has a side list") };
    click(&mut app, side.x + 4, side.y + 10);
    assert_eq!(topic_state(&app).page, 10);
    assert_eq!(app.pages()[10], Page::Section(10));
    click(&mut app, side.x + 4, side.y);
    assert_eq!(topic_state(&app).page, 0);
}

/// Where on the screen `wanted` is written first, reading only the drawn cells.
fn find_on_screen(app: &App, wanted: impl Fn(&str) -> bool) -> Option<(u16, u16)> {
    let buffer = draw(app);
    (0..buffer.area.height).find_map(|y| {
        let row: Vec<&str> = (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect();
        (0..row.len()).find(|&x| wanted(&row[x..].concat())).map(|x| (x as u16, y))
    })
}

/// Opens the topic with the most pages: vertebroplasty, staff or not.
fn longest_topic(staff: bool, width: u16, height: u16) -> App {
    let mut app = if staff { staff_app(width, height) } else { bundled_app(width, height) };
    send(&mut app, kiosk_core::app::Input::Resize { width, height });
    let count = app.home_topics().len();
    let mut longest = (0, 0);
    for n in 0..count {
        press(&mut app, Key::Home);
        (0..n).for_each(|_| drop(press(&mut app, Key::Down)));
        press(&mut app, Key::Enter);
        longest = longest.max((app.pages().len(), n));
        press(&mut app, Key::Esc);
    }
    press(&mut app, Key::Home);
    (0..longest.1).for_each(|_| drop(press(&mut app, Key::Down)));
    press(&mut app, Key::Enter);
    app
}

/// A finger reaches every page from what the screen shows: the "▼ N more" mark under the list,
/// or the Next button where there is no list; and back with "▲ N more" or Back.
#[test]
fn taps_on_what_the_screen_shows_reach_the_last_page_and_back_at_three_sizes() {
    let mark = |arrow: &'static str| move |rest: &str| rest.starts_with(arrow) && rest.contains(" more");
    for (width, height) in [(80, 24), (64, 20), (40, 12)] {
        for staff in [false, true] {
            let mut app = longest_topic(staff, width, height);
            let last = app.pages().len() - 1;
            for _ in 0..=last {
                if topic_state(&app).page == last {
                    break;
                }
                let (topic, _) = app.topic().expect("a topic");
                let last_label =
                    format!("    {}", kiosk_core::app::page_label(topic, app.pages()[last], app.catalog()));
                let (x, y) = find_on_screen(&app, mark("▼ "))
                    .or_else(|| find_on_screen(&app, |rest| rest.starts_with("Next ▶")))
                    .or_else(|| find_on_screen(&app, |rest| rest.starts_with(&last_label)))
                    .unwrap_or_else(|| {
                        panic!(
                            "{width}×{height}: no way on from page {}\n{}",
                            topic_state(&app).page,
                            screen_text(&app)
                        )
                    });
                click(&mut app, x + 1, y);
            }
            assert_eq!(topic_state(&app).page, last, "{width}×{height}, staff {staff}");
            assert!(
                find_on_screen(&app, mark("▼ ")).is_none(),
                "{width}×{height}: nothing is below the last page"
            );
            for _ in 0..=last {
                if topic_state(&app).page == 0 {
                    break;
                }
                let (x, y) = find_on_screen(&app, mark("▲ "))
                    .or_else(|| find_on_screen(&app, |rest| rest.starts_with("◀ Back")))
                    .or_else(|| find_on_screen(&app, |rest| rest.starts_with("  1 ")))
                    .unwrap_or_else(|| {
                        panic!("{width}×{height}: no way back from page {}", topic_state(&app).page)
                    });
                click(&mut app, x + 1, y);
            }
            assert_eq!(topic_state(&app).page, 0, "{width}×{height}, staff {staff}");
        }
    }
}

/// The list marks how many pages are out of sight, and every page shown is a tap target.
#[test]
fn the_side_list_says_how_many_pages_are_out_of_sight() {
    let mut app = longest_topic(false, 80, 24);
    let PageNav::Side(side) = app.topic_layout().nav else { panic!("80 columns has a side list") };
    let pages = app.pages().len();
    let rows = usize::from(side.height);
    assert!(pages > rows, "the test needs a topic longer than the list");
    let text = screen_text(&app);
    let bottom = text.lines().nth(usize::from(side.y) + rows - 1).expect("row");
    assert!(bottom.starts_with(&format!("  ▼ {} more", pages - (rows - 1))), "{bottom}");
    for row in 0..rows - 1 {
        click(&mut app, side.x + 2, side.y + row as u16);
        assert_eq!(topic_state(&app).page, row);
        click(&mut app, side.x + 2, side.y);
    }
    // The wheel over the list moves through the pages; over the text it scrolls the text.
    let mut app = longest_topic(false, 80, 24);
    wheel_down(&mut app, side.x + 2, side.y + 2);
    wheel_down(&mut app, side.x + 2, side.y + 2);
    assert_eq!((topic_state(&app).page, topic_state(&app).scroll), (2, 0));
    wheel_up(&mut app, side.x + 2, side.y + 2);
    assert_eq!(topic_state(&app).page, 1);
}

#[test]
fn back_and_next_buttons_move_between_pages_on_a_narrow_screen() {
    let mut app = bundled_app(50, 20);
    press(&mut app, Key::Enter);
    assert!(app.topic().is_some());
    let PageNav::Bar { previous, next, .. } = app.topic_layout().nav else { panic!("50 columns has a bar") };
    click(&mut app, next.x + 1, next.y);
    click(&mut app, next.x + 1, next.y);
    assert_eq!(topic_state(&app).page, 2);
    click(&mut app, previous.x + 1, previous.y);
    assert_eq!(topic_state(&app).page, 1);
}

#[test]
fn the_wheel_scrolls_the_page_text_three_lines_a_notch() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    assert!(app.topic().is_some());
    let text = app.topic_layout().text;
    wheel_down(&mut app, text.x + 2, text.y + 2);
    assert_eq!(topic_state(&app).scroll, 3);
    wheel_up(&mut app, text.x + 2, text.y + 2);
    wheel_up(&mut app, text.x + 2, text.y + 2);
    assert_eq!(topic_state(&app).scroll, 0);
}

#[test]
fn a_tap_on_a_question_opens_and_closes_its_answer() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    let faq = app.pages().iter().position(|p| *p == Page::Faq).expect("FAQ");
    for _ in 0..faq {
        press(&mut app, Key::Right);
    }
    assert!(app.topic().is_some());
    let text = app.topic_layout().text;
    let row = app.page_lines().iter().position(|l| l.faq() == Some(1)).expect("question 2") as u16;
    click(&mut app, text.x + 3, text.y + row);
    assert_eq!(topic_state(&app).faq_selected, 1);
    assert!(topic_state(&app).faq_open[1]);
    click(&mut app, text.x + 3, text.y + row);
    assert!(!topic_state(&app).faq_open[1]);
}

#[test]
fn footer_hints_are_buttons_for_their_keys() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    let (column, row) = hint_cell(&app, Msg::HintBack);
    click(&mut app, column, row);
    assert_eq!(app.screen(), &Screen::Home);

    let (column, row) = hint_cell(&app, Msg::HintOpen);
    click(&mut app, column, row);
    assert!(matches!(app.screen(), Screen::Topic(_)));

    let (column, row) = hint_cell(&app, Msg::HintHelp);
    click(&mut app, column, row);
    assert!(app.help_open());
    click(&mut app, 0, 0);
    assert!(!app.help_open());

    let (column, row) = hint_cell(&app, Msg::HintQuit);
    assert_eq!(click(&mut app, column, row), vec![Effect::Quit]);
}

#[test]
fn a_tap_while_help_is_open_only_closes_help() {
    let mut app = app_with_topics(3, 80, 24);
    press(&mut app, Key::Char('?'));
    let list = app.home_layout().list;
    click(&mut app, list.x + 2, list.y);
    assert!(!app.help_open());
    assert_eq!(app.screen(), &Screen::Home);
}

#[test]
fn taps_on_a_too_small_screen_do_nothing() {
    let mut app = app_with_topics(3, 30, 8);
    for row in 0..8 {
        for column in 0..30 {
            assert_eq!(click(&mut app, column, row), vec![]);
        }
    }
    assert_eq!(app.screen(), &Screen::Home);
}
