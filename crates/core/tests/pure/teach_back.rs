//! Check what you learned: a wrong answer shows what the page says and a way back to it, a
//! right one shows the same words; never a score.

use crate::common::*;
use kiosk_content::Spot;
use kiosk_core::app::{App, Key, Page, page_label};

fn on_checks() -> App {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    while app.topic().is_some_and(|(_, state)| app.pages()[state.page] != Page::TeachBack) {
        press(&mut app, Key::Right);
    }
    app
}

#[test]
fn a_check_answered_wrong_then_right_shows_the_page_and_the_way_back_never_a_score() {
    let mut app = on_checks();
    let screen = screen_text(&app);
    assert!(screen.contains("Check what you learned"), "{screen}");
    assert!(screen.contains("▶  ( ) Yes, a week before, on my own"), "{screen}");
    // The first answer is wrong: what the page says, and a way back to it.
    press(&mut app, Key::Enter);
    let screen = screen_text(&app);
    assert!(screen.contains("(x) Yes, a week before, on my own"), "{screen}");
    assert!(screen.contains("The page says: Do not stop any medicine unless"), "{screen}");
    assert!(screen.contains("> Read \"Getting ready\" again"), "{screen}");
    for judgement in ["Wrong", "Correct", "score", "/3"] {
        assert!(!screen.contains(judgement), "{judgement:?} on screen:\n{screen}");
    }
    // The way back opens that page.
    press_all(&mut app, &[Key::Down, Key::Down, Key::Down]);
    assert_eq!(app.teach_back_target(), Some(Spot::TeachBackLink(0)));
    press(&mut app, Key::Enter);
    let (topic, state) = app.topic().expect("open");
    assert_eq!(page_label(topic, app.pages()[state.page], app.catalog()), "Getting ready");
    // Back on the checks page, the right answer: the same words, and no way back needed.
    while app.topic().is_some_and(|(_, state)| app.pages()[state.page] != Page::TeachBack) {
        press(&mut app, Key::Right);
    }
    press_all(&mut app, &[Key::Home, Key::Down, Key::Enter]);
    let screen = screen_text(&app);
    assert!(screen.contains("(x) Only if my doctor tells me to"), "{screen}");
    assert!(screen.contains("The page says: Do not stop any medicine"), "{screen}");
    assert!(!screen.contains("> Read \"Getting ready\" again"), "{screen}");
}

#[test]
fn a_tap_on_an_answer_takes_it() {
    let mut app = on_checks();
    let text = app.topic_layout().text;
    let lines = screen_text(&app);
    let row = lines.lines().position(|line| line.contains("Call 911 right away")).expect("on screen");
    send(
        &mut app,
        kiosk_core::app::Input::Mouse(kiosk_core::app::Mouse {
            action: kiosk_core::app::MouseAction::Click,
            column: text.x + 10,
            row: row as u16,
        }),
    );
    let (_, state) = app.topic().expect("open");
    assert_eq!(state.teach_back_answers.get(&1), Some(&1));
}
