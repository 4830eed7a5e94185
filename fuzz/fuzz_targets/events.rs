//! `update` and the drawing on any stream of events — keys, taps, pastes, resizes from 1×1 to
//! 500×200, jumps of the clock — with every index in range after each event, and a walk-away
//! reset that always brings back exactly the screen a fresh kiosk shows.
//!
//! `cargo +nightly fuzz run events`

#![no_main]

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use kiosk_content::i18n::Catalogs;
use kiosk_content::{Library, load_bundled};
use kiosk_core::app::{App, Event, Input, Key, Mouse, MouseAction, Session, Settings, ThemeName, update};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use ratatui_core::backend::TestBackend;
use ratatui_core::buffer::Buffer;
use ratatui_core::terminal::Terminal;

/// Keys the kiosk gives meaning to, so streams get somewhere.
const KEYS: &[Key] = &[
    Key::Up,
    Key::Down,
    Key::Left,
    Key::Right,
    Key::Enter,
    Key::Esc,
    Key::Tab,
    Key::BackTab,
    Key::Backspace,
    Key::PageUp,
    Key::PageDown,
    Key::Home,
    Key::End,
    Key::Char('/'),
    Key::Char('?'),
    Key::Char('t'),
    Key::Char('a'),
    Key::Char('L'),
    Key::Char('q'),
    Key::Char(' '),
    Key::Char('s'),
    Key::Char('r'),
    Key::Char('p'),
    Key::Char('e'),
    Key::Function(12),
    Key::Other,
];

fn library() -> &'static Library {
    static BUNDLED: OnceLock<Library> = OnceLock::new();
    BUNDLED.get_or_init(|| load_bundled().library)
}

fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

fn key(u: &mut Unstructured) -> Result<Key> {
    Ok(match u.int_in_range(0..=9)? {
        0..=5 => *u.choose(KEYS)?,
        6 => Key::Char(char::from(u.int_in_range(b'0'..=b'9')?)),
        7 => Key::Char(u.arbitrary()?),
        8 => Key::Ctrl(char::from(u.int_in_range(b'a'..=b'z')?)),
        _ => Key::Function(u.int_in_range(1..=24)?),
    })
}

fn size(u: &mut Unstructured) -> Result<(u16, u16)> {
    Ok((u.int_in_range(1..=500)?, u.int_in_range(1..=200)?))
}

/// The next input, and how long nobody did anything before it.
fn step(u: &mut Unstructured) -> Result<(Input, Duration)> {
    let input = match u.int_in_range(0..=20)? {
        0..=11 => Input::Key(key(u)?),
        12..=14 => {
            let action = *u.choose(&[MouseAction::Click, MouseAction::ScrollUp, MouseAction::ScrollDown])?;
            Input::Mouse(Mouse { action, column: u.int_in_range(0..=520)?, row: u.int_in_range(0..=220)? })
        }
        15 => Input::Paste(u.arbitrary()?),
        16 => {
            let (width, height) = size(u)?;
            Input::Resize { width, height }
        }
        17 => Input::SpeechEnded,
        18 => Input::Printed(if u.arbitrary()? { Ok(()) } else { Err(u.arbitrary()?) }),
        // An answer to a PIN check, asked for or not.
        19 => Input::PinChecked(u.arbitrary()?),
        _ => {
            let seconds = *u.choose(&[0u64, 1, 30, 89, 90, 91, 120, 400, 3_600, 100_000])?;
            return Ok((Input::Wake, Duration::from_secs(seconds)));
        }
    };
    Ok((input, Duration::ZERO))
}

fn draw(app: &App) -> Buffer {
    let area = app.area();
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).expect("a test terminal");
    terminal.draw(|frame| kiosk_core::ui::render(app, frame)).expect("drawing on a test terminal");
    terminal.backend().buffer().clone()
}

fn run(u: &mut Unstructured) -> Result<()> {
    let theme = *u.choose(&[ThemeName::Default, ThemeName::HighContrast, ThemeName::Monochrome])?;
    let settings = Settings {
        locked: u.arbitrary()?,
        staff: u.arbitrary()?,
        theme,
        languages: vec!["en".into(), "es".into()],
        speech_command: Some(vec!["speak".to_owned(), "{lang}".to_owned()]),
        print_command: Some(vec!["lp".to_owned()]),
        ..Settings::default()
    };
    let library = if u.ratio(1, 5)? { Library::default() } else { library().clone() };
    let (catalogs, _) = Catalogs::bundled(&settings.languages);
    let (width, height) = size(u)?;
    let mut app = App::new(library.clone(), catalogs.clone(), settings.clone(), (width, height), start());
    let mut at = start();
    for _ in 0..300 {
        if u.is_empty() {
            break;
        }
        let (input, pause) = step(u)?;
        at += pause;
        let _ = update(&mut app, Event::new(input, at));
        assert_eq!(app.broken_invariants(), Vec::<String>::new());
        draw(&app);
    }

    // Nobody there: woken at each deadline it asks for, it comes to rest as a fresh kiosk.
    for _ in 0..1_000 {
        let Some(deadline) = app.next_deadline() else { break };
        let at = deadline.max(app.now());
        let _ = update(&mut app, Event::new(Input::Wake, at));
    }
    assert!(app.at_rest(), "the kiosk kept asking to be woken");
    assert_eq!(app.session(), &Session::start(&settings));
    let area = app.area();
    // Whether a tap ever came is the device's, not the reader's: a fresh kiosk on a touchscreen
    // says "touch" too.
    let settings = Settings { touch: app.touch(), ..settings };
    let fresh = App::new(library, catalogs, settings, (area.width, area.height), app.now());
    assert_eq!(draw(&app), draw(&fresh));
    Ok(())
}

fuzz_target!(|bytes: &[u8]| {
    let _ = run(&mut Unstructured::new(bytes));
});
