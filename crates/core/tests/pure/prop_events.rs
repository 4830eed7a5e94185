//! Any stream of events — keys, taps, pastes, resizes from 1×1 to 500×200, jumps of the clock —
//! leaves the kiosk drawable, with every selection in range, and a walk-away reset always brings
//! back exactly the screen a fresh kiosk shows.
//!
//! CI runs a few dozen streams; for a long run set `PROPTEST_CASES`, e.g.
//! `PROPTEST_CASES=5000 cargo test --release --test pure prop_events`.

use kiosk_content::Lang;
use std::time::Duration;

use crate::common::*;
use kiosk_content::i18n::Catalogs;
use kiosk_content::{Library, Reloaded, load_bundled};
use kiosk_core::app::{App, Event, Input, Key, Mouse, MouseAction, Session, Settings, ThemeName, update};
use proptest::prelude::*;

/// What the stream does next, before it is given a time.
#[derive(Debug, Clone)]
enum Step {
    Input(Input),
    /// Nothing happens for this long, then the kiosk is woken as the shell would wake it.
    Wait(Duration),
}

fn key() -> impl Strategy<Value = Key> {
    prop_oneof![
        // Keys the kiosk gives meaning to come up often, so streams get somewhere.
        6 => prop::sample::select(vec![
            Key::Up, Key::Down, Key::Left, Key::Right, Key::Enter, Key::Esc, Key::Tab,
            Key::BackTab, Key::Backspace, Key::PageUp, Key::PageDown, Key::Home, Key::End,
            Key::Char('/'), Key::Char('?'), Key::Char('t'), Key::Char('a'), Key::Char('L'),
            Key::Char('q'), Key::Char(' '), Key::Char('s'), Key::Char('r'), Key::Char('p'),
            Key::Char('e'), Key::Function(12),
        ]),
        2 => prop::char::range('0', '9').prop_map(Key::Char),
        2 => any::<char>().prop_map(Key::Char),
        1 => prop::char::range('a', 'z').prop_map(Key::Ctrl),
        1 => (1u8..=24).prop_map(Key::Function),
        1 => Just(Key::Other),
    ]
}

fn mouse() -> impl Strategy<Value = Mouse> {
    let action =
        prop::sample::select(vec![MouseAction::Click, MouseAction::ScrollUp, MouseAction::ScrollDown]);
    (action, 0u16..520, 0u16..220).prop_map(|(action, column, row)| Mouse { action, column, row })
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        3 => (1u16..=100, 1u16..=40),
        1 => (1u16..=500, 1u16..=200),
        1 => Just((80, 24)),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => key().prop_map(|key| Step::Input(Input::Key(key))),
        3 => mouse().prop_map(|mouse| Step::Input(Input::Mouse(mouse))),
        1 => ".{0,300}".prop_map(|text| Step::Input(Input::Paste(text))),
        2 => size().prop_map(|(width, height)| Step::Input(Input::Resize { width, height })),
        1 => Just(Step::Input(Input::SpeechEnded)),
        1 => prop_oneof![Just(Ok(())), ".{0,40}".prop_map(Err)]
            .prop_map(|result| Step::Input(Input::Printed(result))),
        2 => prop_oneof![0u64..3, 0u64..400, 0u64..100_000]
            .prop_map(|seconds| Step::Wait(Duration::from_secs(seconds))),
    ]
}

fn settings() -> impl Strategy<Value = Settings> {
    let theme =
        prop::sample::select(vec![ThemeName::Default, ThemeName::HighContrast, ThemeName::Monochrome]);
    (any::<bool>(), any::<bool>(), theme).prop_map(|(locked, staff, theme)| Settings {
        locked,
        staff,
        theme,
        languages: vec![Lang::from("en"), Lang::from("es")],
        speech_command: Some(vec!["speak".to_owned(), "{lang}".to_owned()]),
        print_command: Some(vec!["lp".to_owned()]),
        ..Settings::default()
    })
}

fn library() -> impl Strategy<Value = Library> {
    prop_oneof![
        3 => Just(load_bundled().library),
        1 => (0usize..30).prop_map(library_of),
    ]
}

/// Lets time pass with nobody there, waking the kiosk at each deadline it asks for.
fn walk_away(app: &mut App) {
    for _ in 0..1_000 {
        let Some(deadline) = app.next_deadline() else { return };
        let at = deadline.max(app.now());
        let _ = update(app, Event::new(Input::Wake, at));
    }
    panic!("the kiosk kept asking to be woken and never came to rest");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn any_event_stream_keeps_the_kiosk_sound(
        library in library(),
        settings in settings(),
        (width, height) in size(),
        steps in prop::collection::vec(step(), 1..150),
        arrival in prop::option::of((0usize..150, 0usize..150)),
    ) {
        let (catalogs, _) = Catalogs::bundled(&settings.languages);
        let mut app = App::new(library.clone(), catalogs.clone(), settings.clone(), (width, height), t0());
        // Some kiosks start on a folder still being read: its names arrive before one step,
        // the whole library before another (or after the last).
        let mut arriving = Vec::new();
        if let Some((a, b)) = arrival {
            app = App::new(Library::default(), catalogs.clone(), settings.clone(), (width, height), t0())
                .loading_library();
            let whole = Reloaded { library: library.clone(), notices: Vec::new(), revision: None };
            arriving = vec![(a.max(b), Input::Reloaded(whole)), (a.min(b), Input::NamesRead(names_only(&library)))];
        }
        let mut at = t0();
        for (n, step) in steps.into_iter().enumerate() {
            let input = match step {
                Step::Input(input) => input,
                Step::Wait(pause) => {
                    at += pause;
                    Input::Wake
                }
            };
            while arriving.last().is_some_and(|(before, _)| *before <= n) {
                let (_, arrived) = arriving.pop().expect("one is there");
                let _ = update(&mut app, Event::new(arrived, at));
                prop_assert_eq!(app.broken_invariants(), Vec::<String>::new());
                draw(&app);
            }
            let _ = update(&mut app, Event::new(input, at));
            prop_assert_eq!(app.broken_invariants(), Vec::<String>::new());
            draw(&app);
        }
        for (_, arrived) in arriving.into_iter().rev() {
            let _ = update(&mut app, Event::new(arrived, at));
        }

        walk_away(&mut app);
        prop_assert!(app.at_rest());
        prop_assert_eq!(app.session(), &Session::start(&settings));
        let area = app.area();
        // Whether a tap ever came is the device's, not the reader's: a fresh kiosk on a
        // touchscreen says "touch" too.
        let settings = Settings { touch: app.touch(), ..settings };
        let fresh = App::new(library, catalogs, settings, (area.width, area.height), app.now());
        prop_assert_eq!(draw(&app), draw(&fresh));
    }
}
