//! What the real binary writes for each frame: every frame inside a synchronized update, and
//! after the first only the cells that changed. Run with `--nocapture` to see the byte counts
//! docs/PERFORMANCE.md reports.

mod common;

use std::thread;
use std::time::{Duration, Instant};

use common::pty::PtyKiosk;

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

    kiosk.send(b"q");
    assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(0));
    kiosk.assert_terminal_restored();
}
