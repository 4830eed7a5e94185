//! Questions to ask the doctor: ticked on screen with Space, Enter or a tap, wiped by the
//! walk-away reset, printed ticked first with a box for every question.

use crate::common::*;
use kiosk_core::app::{App, Effect, Input, Key, Mouse, MouseAction, Settings, page_label};
use kiosk_core::handout::{Format, Handout};

/// The kiosk on the questions page of the bundled topic.
fn on_questions(settings: Settings) -> App {
    let mut app =
        App::new(vertebroplasty_library(), kiosk_content::i18n::Catalog::english(), settings, (80, 24), t0());
    if app.settings().locked {
        press(&mut app, Key::Char(' '));
    }
    press(&mut app, Key::Enter);
    while app.topic().is_some_and(|(topic, state)| {
        page_label(topic, app.pages()[state.page], app.catalog()) != "Your questions"
    }) {
        press(&mut app, Key::Right);
    }
    app
}

fn ticked(app: &App) -> Vec<usize> {
    app.session()
        .ticked
        .get("vertebroplasty")
        .map(|set| set.iter().map(|&(_, item)| item).collect())
        .unwrap_or_default()
}

#[test]
fn space_and_enter_tick_the_chosen_question_and_a_second_press_takes_the_tick_off() {
    let mut app = on_questions(Settings::default());
    assert!(
        screen_text(&app).contains("▶[ ] Is my break new enough for this to help?"),
        "{}",
        screen_text(&app)
    );
    press(&mut app, Key::Char(' '));
    assert_eq!(ticked(&app), [0]);
    assert!(screen_text(&app).contains("▶[x] Is my break new enough"));
    press_all(&mut app, &[Key::Down, Key::Down, Key::Enter]);
    assert_eq!(ticked(&app), [0, 2]);
    press(&mut app, Key::Enter);
    assert_eq!(ticked(&app), [0]);
    press(&mut app, Key::End);
    press(&mut app, Key::Char(' '));
    assert_eq!(ticked(&app), [0, 10]);
    assert!(screen_text(&app).contains("[x] How much will I have to pay?"), "{}", screen_text(&app));
}

#[test]
fn a_tap_on_a_question_ticks_it() {
    let mut app = on_questions(Settings::default());
    let text = app.topic_layout().text;
    let row = (0..text.height)
        .find(|&y| {
            screen_text(&app)
                .lines()
                .nth(usize::from(text.y + y))
                .is_some_and(|l| l.contains("What happens if I wait"))
        })
        .expect("on screen");
    send(&mut app, Input::Mouse(Mouse { action: MouseAction::Click, column: text.x + 6, row: text.y + row }));
    assert_eq!(ticked(&app), [2]);
}

#[test]
fn the_walk_away_reset_wipes_the_ticks() {
    let mut app = on_questions(Settings { locked: true, ..Settings::default() });
    press(&mut app, Key::Char(' '));
    assert_eq!(ticked(&app), [0]);
    let later = t0() + std::time::Duration::from_secs(3600);
    let _ = deliver(&mut app, kiosk_core::app::Event::new(Input::Wake, later));
    let _ = deliver(
        &mut app,
        kiosk_core::app::Event::new(Input::Wake, later + std::time::Duration::from_secs(60)),
    );
    assert!(app.session().ticked.is_empty(), "{:?}", app.session().ticked);
}

#[test]
fn the_take_home_prints_the_ticked_questions_and_the_full_handout_puts_them_first_with_every_box() {
    let mut app = on_questions(Settings {
        print_command: Some(vec!["lp".to_owned()]),
        print_allowed_for_patients: true,
        ..Settings::default()
    });
    press_all(&mut app, &[Key::End, Key::Char(' '), Key::Home, Key::Down, Key::Down, Key::Char(' ')]);
    let effects = press(&mut app, Key::Char('p'));
    let [Effect::Print { text, .. }] = effects.as_slice() else { panic!("{effects:?}") };
    // `p` prints the one-page take-home: the questions this reader ticked, nothing else.
    let printed: Vec<&str> =
        text.lines().filter(|line| line.contains("[x]") || line.contains("[ ]")).collect();
    assert_eq!(printed.len(), 2, "{text}");
    assert!(
        printed[0].contains("[x] What happens if I wait")
            && printed[1].contains("[x] How much will I have to pay?")
    );
    // The full handout for this reader: the ticked ones first, a box for every question.
    let topic = vertebroplasty_library().find("vertebroplasty", "en").expect("bundled").clone();
    let ticked = app.session().ticked.get("vertebroplasty").cloned().unwrap_or_default();
    let full = Handout::for_reader(&topic, &kiosk_content::i18n::Catalog::english(), "", &ticked)
        .render(Format::Text);
    let boxes: Vec<&str> = full.lines().filter(|line| line.contains("[x]") || line.contains("[ ]")).collect();
    assert_eq!(boxes.len(), 11, "{full}");
    assert!(boxes[0].contains("[x] What happens if I wait"), "{boxes:#?}");
    assert!(boxes[1].contains("[x] How much will I have to pay?"), "{boxes:#?}");
    assert!(boxes[2..].iter().all(|line| line.contains("[ ]")), "{boxes:#?}");
    // Exported without a reader, every question has an empty box.
    let handout = Handout::new(&topic, &kiosk_content::i18n::Catalog::english(), "").render(Format::Text);
    assert_eq!(handout.matches("[ ]").count(), 11, "{handout}");
    assert_eq!(handout.matches("[x]").count(), 0, "{handout}");
}
