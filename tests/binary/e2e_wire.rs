//! What the real binary writes for each frame: every frame inside a synchronized update, and
//! after the first only the cells that changed. Run with `--nocapture` to see the byte counts
//! docs/PERFORMANCE.md reports.

use std::thread;
use std::time::{Duration, Instant};

use crate::common::pty::PtyKiosk;

const BEGIN: &[u8] = b"\x1b[?2026h";
const END: &[u8] = b"\x1b[?2026l";
const RIGHT: &[u8] = b"\x1b[C";
const DOWN: &[u8] = b"\x1b[B";

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack.windows(needle.len()).filter(|window| *window == needle).count()
}

/// Waits for the frame after `frames` frames to be finished; returns all bytes so far.
fn frame_after(kiosk: &PtyKiosk, frames: usize) -> Vec<u8> {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        let bytes = kiosk.bytes();
        if count(&bytes, END) > frames {
            return bytes;
        }
        thread::sleep(Duration::from_millis(10));
    }
    panic!("no frame came after frame {frames}; the screen shows:\n{}", kiosk.contents());
}

/// The bytes of the last frame in `bytes`, from its synchronized-update start to its end.
fn last_frame(bytes: &[u8]) -> &[u8] {
    let start = bytes.windows(BEGIN.len()).rposition(|window| window == BEGIN).expect("a frame");
    &bytes[start..]
}

#[test]
fn frames_are_synchronized_and_carry_only_what_changed() {
    // Complications is longer than the screen, so Down moves every line of its text up by one.
    let mut kiosk = PtyKiosk::start(&["--topic", "vertebroplasty", "--section", "complications"], 80, 24);
    kiosk.wait_for("Cement can leak out of the bone.");
    let first = frame_after(&kiosk, 0);
    let first_frame = last_frame(&first).len();
    let frames = count(&first, END);

    let before = kiosk.contents();
    kiosk.send(DOWN);
    let after_scroll = frame_after(&kiosk, frames);
    let scroll = last_frame(&after_scroll).len();
    assert_ne!(kiosk.contents(), before, "the page did not scroll");

    kiosk.send(RIGHT);
    let after_tab = frame_after(&kiosk, frames + 1);
    let tab_switch = last_frame(&after_tab).len();

    println!(
        "first frame {first_frame} bytes, tab switch {tab_switch} bytes, one-line scroll {scroll} bytes"
    );
    assert_eq!(count(&after_tab, BEGIN), count(&after_tab, END), "every frame is closed");
    assert!(tab_switch < first_frame, "a tab switch redrew the whole screen");
    assert!(scroll < first_frame, "a one-line scroll redrew the whole screen");

    kiosk.quit();
    kiosk.assert_terminal_restored();
}

#[test]
fn a_terminal_that_keeps_side_margins_has_the_text_alone_moved() {
    let mut kiosk = PtyKiosk::start(&["--topic", "vertebroplasty", "--section", "complications"], 80, 24);
    kiosk.wait_for("Cement can leak out of the bone.");
    let frames = count(&frame_after(&kiosk, 0), END);
    // A reply to a question the kiosk never asked, and one for another mode, change nothing;
    // then the answer xterm gives: it knows the mode of side margins (69), which is off.
    kiosk.send(b"\x1b[?5;1x\x1b[?2026;0$y\x1b[?69;2$y");
    kiosk.send(DOWN);
    let frame = last_frame(&frame_after(&kiosk, frames)).to_vec();
    println!("one-line scroll with side margins: {} bytes", frame.len());
    // The text's columns at 80 wide: 25 to 77, between the list of pages and the scrollbar.
    let text = kiosk_core::app::TopicLayout::new(ratatui_core::layout::Rect::new(0, 0, 80, 24)).text;
    let margins = format!("\x1b[?69h\x1b[{};{}s", text.x + 1, text.right());
    assert!(count(&frame, margins.as_bytes()) == 1, "no side margins: {:?}", String::from_utf8_lossy(&frame));
    assert!(frame.ends_with(END), "one frame");
    assert!(frame.len() < 300, "more than the line that came into view: {} bytes", frame.len());
    kiosk.quit();
    kiosk.assert_terminal_restored();
}

/// The page text and its scrollbar from a screen's text: the columns from the text's left edge,
/// on the text's rows.
fn text_area(screen: &str, area: ratatui_core::layout::Rect) -> Vec<String> {
    let rows: Vec<&str> = screen.lines().collect();
    (area.top()..area.bottom())
        .map(|y| {
            let row = rows.get(usize::from(y)).copied().unwrap_or("");
            row.chars().skip(usize::from(area.x)).collect::<String>().trim_end().to_owned()
        })
        .collect()
}

#[test]
fn text_moved_by_the_terminal_shows_what_a_full_redraw_shows() {
    use crate::common::{bundled_app, screen_text, send};
    use kiosk_core::app::{Input, Key, Mouse, MouseAction};

    const UP: &[u8] = b"\x1b[A";
    const PAGE_DOWN: &[u8] = b"\x1b[6~";
    const WHEEL_DOWN: &[u8] = b"\x1b[<65;40;10M";
    const WHEEL_UP: &[u8] = b"\x1b[<64;40;10M";
    let wheel = |action| Input::Mouse(Mouse { action, column: 39, row: 9 });
    // To Vertebroplasty (the last topic) and its Risks page, then down and up by one line,
    // several lines and a page.
    let mut steps: Vec<(&[u8], Input)> =
        vec![(b"\x1b[F", Input::Key(Key::End)), (b"\r", Input::Key(Key::Enter))];
    steps.extend((0..12).map(|_| (RIGHT, Input::Key(Key::Right))));
    steps.extend((0..4).map(|_| (DOWN, Input::Key(Key::Down))));
    steps.extend((0..2).map(|_| (UP, Input::Key(Key::Up))));
    steps.push((WHEEL_DOWN, wheel(MouseAction::ScrollDown)));
    steps.push((PAGE_DOWN, Input::Key(Key::PageDown)));
    steps.push((WHEEL_UP, wheel(MouseAction::ScrollUp)));
    steps.push((UP, Input::Key(Key::Up)));

    let mut kiosk = PtyKiosk::start(&[], 80, 24);
    kiosk.wait_for("Choose a topic");
    let mut app = bundled_app(80, 24);
    for (bytes, input) in steps {
        let frames = count(&kiosk.bytes(), END);
        kiosk.send(bytes);
        frame_after(&kiosk, frames);
        send(&mut app, input);
    }
    assert!(kiosk.bytes().windows(3).any(|w| w == b"\x1b[r"), "no scroll region was used");
    // The kiosk's settings add buttons and a staff page, so the page text is what is compared.
    let text = kiosk_core::app::TopicLayout::new(app.area()).text;
    let shown = text_area(&kiosk.contents(), text);
    assert!(shown.iter().any(|row| row.contains("can travel to the lungs")), "{shown:#?}");
    assert_eq!(shown, text_area(&screen_text(&app), text));
    kiosk.quit();
    kiosk.assert_terminal_restored();
}
