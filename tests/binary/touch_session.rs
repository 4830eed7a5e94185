//! The touchscreen session of deploy/touch/, run for real on an X display of the test's own:
//! the session script loads its xterm resources, starts the window manager and runs the kiosk
//! in an xterm that fills the screen in large letters; a tap (a click, as X makes of a touch
//! for xterm) opens a topic, and its take-home code scans from the screen.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::tool_for;
use crate::x_display::{Display, screenshot, wait_until};

const TOOLS: [&str; 8] =
    ["Xvfb", "xterm", "xdotool", "import", "xprop", "xrdb", "xset", "matchbox-window-manager"];

/// xterm's cell size, from the resize increments it gives the window manager.
fn cell_size(display: &Display, id: &str) -> (usize, usize) {
    let hints = Command::new("xprop")
        .env("DISPLAY", &display.name)
        .args(["-id", id, "WM_NORMAL_HINTS"])
        .output()
        .expect("xprop runs");
    let hints = String::from_utf8_lossy(&hints.stdout);
    let increment = hints
        .lines()
        .find_map(|line| line.trim().strip_prefix("program specified resize increment: "))
        .expect("xterm gives its resize increments");
    let (width, height) = increment.split_once(" by ").expect("W by H");
    (width.parse().expect("width"), height.parse().expect("height"))
}

#[test]
fn the_touchscreen_session_fills_the_screen_in_large_letters_and_a_tap_opens_a_topic() {
    let test = "touch_session::the_touchscreen_session_fills_the_screen";
    if TOOLS.iter().any(|tool| !tool_for(test, tool)) {
        return;
    }
    let display = Display::start();
    let dir = tempfile::tempdir().expect("scratch");
    let state = tempfile::tempdir().expect("state");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy/touch/touch-session");
    let mut session = Command::new(script)
        .env("DISPLAY", &display.name)
        .env("HOME", state.path())
        .env("XDG_STATE_HOME", state.path())
        .env("XDG_CONFIG_HOME", state.path())
        .env("LANG", "C.UTF-8")
        .arg(env!("CARGO_BIN_EXE_patient-kiosk"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the session starts");
    let id = display.window_of_class("PatientKiosk");
    // The window manager gives it the whole screen.
    let mut geometry = String::new();
    wait_until("the window fills the screen", || {
        geometry = display.xdotool(&["getwindowgeometry", &id]).unwrap_or_default();
        geometry.contains("Geometry: 1024x768") && geometry.contains("Position: 0,0")
    });
    wait_until("the kiosk's own screen", || screenshot(&display, &id, dir.path(), "home").at(512, 600) < 30);
    // Read once the kiosk has drawn: xterm loads its font (the resource) after it maps the window.
    // The resources took: large letters, yet room for the kiosk's whole layout.
    let (cell_width, cell_height) = cell_size(&display, &id);
    let (columns, rows) = (1024 / cell_width, 768 / cell_height);
    assert!(
        cell_height >= 18,
        "letters {cell_width}x{cell_height} pixels: too small to read at arm's length"
    );
    assert!(columns >= 80 && rows >= 24, "{columns}x{rows} cells: less than the kiosk's 80x24");

    // A tap on Vertebroplasty, the fourth topic (rows 4, 7, 10, 13), opens it; then `t` shows
    // the take-home code.
    let (x, y) = (6 * cell_width + cell_width / 2, 13 * cell_height + cell_height / 2);
    display.xdotool(&["mousemove", "--window", &id, &x.to_string(), &y.to_string(), "click", "1"]);
    let mut codes = Vec::new();
    wait_until("the topic opened and its code scans", || {
        display.xdotool(&["key", "t"]);
        codes = screenshot(&display, &id, dir.path(), "take-home").qr_codes();
        !codes.is_empty()
    });
    assert_eq!(codes, ["https://medlineplus.gov/ency/article/007512.htm"]);
    let _ = session.kill();
    let _ = session.wait();
}
