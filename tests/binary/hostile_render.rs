//! Even text that never passed validation cannot steer the terminal: the frames the kiosk
//! writes carry no control character, escape sequence or reordering mark from content.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use crate::common::*;
use kiosk_content::i18n::Catalog;
use kiosk_content::{Library, Topic};
use kiosk_core::app::{App, Key, Settings};
use kiosk_core::ui::render;
use ratatui_core::layout::Rect;
use ratatui_core::terminal::{Terminal, TerminalOptions, Viewport};
use ratatui_crossterm::CrosstermBackend;

/// Escape sequences a hostile file might carry: clear screen, set the title (OSC 0), write the
/// clipboard (OSC 52), a C1 CSI, a bell, and a right-to-left override.
const HOSTILE: &str = "A\u{1b}[2J\u{1b}]0;owned\u{7}\u{1b}]52;c;aGk=\u{7}\u{9b}2J\u{202e}Z";

fn hostile_app() -> App {
    let mut topic: Topic = toml::from_str(&topic_toml("evil", "Evil")).expect("valid topic");
    topic.title = format!("Evil {HOSTILE}");
    HOSTILE.clone_into(&mut topic.subtitle);
    HOSTILE.clone_into(&mut topic.summary);
    topic.sections[0].items = [HOSTILE].into_iter().collect();
    HOSTILE.clone_into(&mut topic.faq[0].question);
    HOSTILE.clone_into(&mut topic.faq[0].answer);
    App::new(Library::new(vec![topic]), Catalog::english(), Settings::default(), (80, 24), t0())
}

/// The bytes a backend writes, kept where the test can read them.
#[derive(Clone, Default)]
struct Wire(Rc<RefCell<Vec<u8>>>);

impl Write for Wire {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn frame_bytes(app: &App) -> Vec<u8> {
    let wire = Wire::default();
    let options = TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)) };
    let mut terminal =
        Terminal::with_options(CrosstermBackend::new(wire.clone()), options).expect("terminal");
    terminal.draw(|frame| render(app, frame)).expect("draw");
    wire.0.borrow().clone()
}

fn assert_harmless(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    assert!(!bytes.contains(&0x07), "a BEL reached the wire");
    assert!(!text.contains("\u{1b}]"), "an OSC sequence reached the wire");
    assert!(!text.contains("\u{1b}[2J"), "a clear-screen reached the wire");
    assert!(!text.contains('\u{9b}'), "a C1 control reached the wire");
    assert!(!text.contains('\u{202e}'), "a bidi override reached the wire");
}

#[test]
fn hostile_text_is_drawn_harmlessly_on_every_screen() {
    let mut app = hostile_app();
    assert_harmless(&frame_bytes(&app));
    press(&mut app, Key::Enter);
    for _ in 0..app.pages().len() {
        assert_harmless(&frame_bytes(&app));
        press(&mut app, Key::Enter);
        assert_harmless(&frame_bytes(&app));
        press(&mut app, Key::Right);
    }
    press(&mut app, Key::Char('?'));
    assert_harmless(&frame_bytes(&app));
}
