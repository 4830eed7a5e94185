//! The kiosk in a real terminal emulator: xterm under Xvfb, with a white and with a black
//! background. Screenshots are read back as pixels: the kiosk paints its own background
//! whatever the terminal's, a click on a topic and a click on a footer button act, and the
//! take-home QR code decodes from the screen's raw pixels, in an anti-aliased font and in
//! xterm's bitmap font, and no screen keeps a stray pixel of the one before: each looks as
//! xterm paints it whole, and as it did before the code was shown.

use std::path::Path;
use std::process::{Child, Command, Stdio};

use crate::common::picture::Picture;
use crate::common::tool_for;
use crate::x_display::{Display, screenshot, wait_until};

#[test]
fn in_xterm_light_or_dark_the_kiosk_paints_its_own_screen_taps_act_and_the_code_scans() {
    let test = "xterm::in_xterm_light_or_dark";
    if ["Xvfb", "xterm", "xdotool", "import"].iter().any(|tool| !tool_for(test, tool)) {
        return;
    }
    let display = Display::start();
    let dir = tempfile::tempdir().expect("scratch");
    let state = tempfile::tempdir().expect("state");
    // DejaVu Sans Mono, anti-aliased, and xterm's own bitmap font ("fixed", 6×13).
    let dejavu: &[&str] = &["-fa", "DejaVu Sans Mono", "-fs", "11"];
    let fonts = [("DejaVu Sans Mono", dejavu), ("fixed", &[])];
    for ((background, foreground), (font, font_args)) in [("white", "black"), ("black", "white")]
        .into_iter()
        .flat_map(|colours| fonts.map(|font| (colours, font)))
    {
        let xterm_args =
            [["-bg", background, "-fg", foreground, "-geometry", "80x24+0+0"].as_slice(), font_args].concat();
        let mut xterm = kiosk_in_xterm(&display, state.path(), &xterm_args, &[]);
        // The display is this test's own: the only xterm on it is this one.
        let id = display.window_of_class("xterm");
        let geometry = display.xdotool(&["getwindowgeometry", &id]).expect("its geometry");
        let size = geometry.lines().find_map(|l| l.trim().strip_prefix("Geometry: ")).expect("a size");
        let (w, h) = size.split_once('x').expect("WxH");
        let (w, h): (usize, usize) = (w.parse().expect("w"), h.parse().expect("h"));
        let (cell_w, cell_h) = ((w - 4) / 80, (h - 4) / 24);
        let click = |column: usize, row: usize| {
            let (x, y) = (2 + column * cell_w + cell_w / 2, 2 + row * cell_h + cell_h / 2);
            display.xdotool(&["mousemove", "--window", &id, &x.to_string(), &y.to_string(), "click", "1"]);
        };
        // The home screen: the kiosk's own black, not the terminal's background, in the empty
        // middle of the screen.
        let home = settled(&display, &id, dir.path(), "home", |shot| shot.at(w / 2, h * 2 / 3) < 30);
        // A tap on Vertebroplasty, the fourth topic (rows 4, 7, 10, 13), opens it; a tap on "t Take
        // home" in the footer shows the code.
        click(6, 13);
        let topic = settled(&display, &id, dir.path(), "topic", |shot| shot.pixels != home.pixels);
        click(16, 23);
        let mut codes = Vec::new();
        // The screen's own pixels, as a phone's camera sees them: no threshold, no blur.
        wait_until("the take-home code scans from the screen", || {
            codes = screenshot(&display, &id, dir.path(), "take-home").qr_codes();
            !codes.is_empty()
        });
        assert_eq!(codes, ["https://medlineplus.gov/ency/article/007512.htm"], "{background}, {font}");
        // Nothing of the page is left around the code: xterm painting the screen whole shows
        // the same.
        let take_home = settled(&display, &id, dir.path(), "take-home", |_| true);
        let whole = repainted(&display, &id, dir.path(), "take-home-repainted");
        assert!(
            looks_the_same(&take_home, &whole),
            "the code over stale pixels of the page ({background}, {font})"
        );
        // Closing the code gives back the page it covered pixel for pixel, and going home the
        // list (with the first topic chosen again): no hairline of a glyph xterm drew wider than its cell is left behind.
        press(&display, &id, "Escape");
        wait_until(&format!("the page as it was before the code ({background}, {font})"), || {
            looks_the_same(&screenshot(&display, &id, dir.path(), "after-take-home"), &topic)
        });
        press(&display, &id, "Escape");
        // Home: the first topic chosen again, as on the first screen.
        press(&display, &id, "Home");
        wait_until(&format!("the list as it was before the page ({background}, {font})"), || {
            looks_the_same(&screenshot(&display, &id, dir.path(), "home-again"), &home)
        });
        let _ = xterm.kill();
        let _ = xterm.wait();
        wait_until("the xterm is gone", || display.xdotool(&["search", "--class", "xterm"]).is_none());
    }
}

/// The kiosk started with `kiosk_args` in an xterm started with `xterm_args`, on `display`,
/// its configuration and state in `state`.
fn kiosk_in_xterm(display: &Display, state: &Path, xterm_args: &[&str], kiosk_args: &[&str]) -> Child {
    Command::new("xterm")
        .env("DISPLAY", &display.name)
        .env("XDG_STATE_HOME", state)
        .env("XDG_CONFIG_HOME", state)
        .args(xterm_args)
        .args(["-title", "patient-kiosk", "-e", env!("CARGO_BIN_EXE_patient-kiosk")])
        .args(kiosk_args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("xterm starts")
}

/// The window's picture once `ready` holds and two screenshots in a row are the same: drawn
/// and done drawing.
fn settled(display: &Display, id: &str, dir: &Path, name: &str, ready: impl Fn(&Picture) -> bool) -> Picture {
    let mut last: Option<Picture> = None;
    wait_until(&format!("the {name} screen, drawn"), || {
        let shot = screenshot(display, id, dir, name);
        let done = ready(&shot) && last.as_ref().is_some_and(|last| last.pixels == shot.pixels);
        last = Some(shot);
        done
    });
    last.expect("a screenshot")
}

/// A key pressed in the xterm: focus first, since xterm ignores keys sent to a window.
fn press(display: &Display, id: &str, key: &str) {
    display.xdotool(&["windowfocus", "--sync", id]).expect("focus the xterm");
    display.xdotool(&["key", key]).expect("press a key");
}

/// Whether two pictures look the same: at most a few pixels differ by more than a few levels.
/// Anti-aliasing differs that little where xterm blends a glyph over what the cell held; a
/// stale hairline is a run of dozens of pixels (18 levels on black, in DejaVu Sans Mono 11).
fn looks_the_same(one: &Picture, other: &Picture) -> bool {
    const LEVELS: u8 = 8;
    const PIXELS: usize = 4;
    one.pixels.len() == other.pixels.len()
        && one.pixels.iter().zip(&other.pixels).filter(|(a, b)| a.abs_diff(**b) > LEVELS).count() <= PIXELS
}

/// The window as xterm paints it whole from its cells (unmapped and mapped again): what an
/// incremental update should have left, without anything a glyph drew outside its cell.
fn repainted(display: &Display, id: &str, dir: &Path, name: &str) -> Picture {
    display.xdotool(&["windowunmap", "--sync", id]).expect("unmap the xterm");
    display.xdotool(&["windowmap", "--sync", id]).expect("map the xterm");
    settled(display, id, dir, name, |_| true)
}

#[test]
fn in_xterm_a_scroll_moved_in_the_text_alone_looks_as_one_moved_in_whole_rows() {
    let test = "xterm::in_xterm_a_scroll_moved_in_the_text_alone_looks_as_one_moved_in_whole_rows";
    if ["Xvfb", "xterm", "xdotool", "import"].iter().any(|tool| !tool_for(test, tool)) {
        return;
    }
    let display = Display::start();
    let dir = tempfile::tempdir().expect("scratch");
    let state = tempfile::tempdir().expect("state");
    // Two xterms, one above the other: the first answers that it keeps side margins (as xterm
    // does), so a scroll moves the text's columns alone; the second, playing a VT100, answers
    // that it does not, so a scroll moves whole rows and the list of pages is drawn again.
    let kiosk = ["--topic", "vertebroplasty", "--section", "complications"];
    let start = |place: &str, terminal_id: &str| {
        let geometry = format!("80x24{place}");
        kiosk_in_xterm(&display, state.path(), &["-geometry", &geometry, "-ti", terminal_id], &kiosk)
    };
    let mut xterms = [start("+0+0", "vt420"), start("+0+384", "vt100")];
    let mut ids = Vec::new();
    wait_until("two xterm windows", || {
        let found = display.xdotool(&["search", "--onlyvisible", "--class", "xterm"]).unwrap_or_default();
        ids = found.lines().map(str::to_owned).collect();
        ids.len() == 2
    });
    let drawn = |shot: &Picture| shot.pixels.iter().any(|&p| p != shot.pixels[0]);
    let pages: Vec<Picture> =
        ids.iter().map(|id| settled(&display, id, dir.path(), &format!("page-{id}"), drawn)).collect();
    assert!(looks_the_same(&pages[0], &pages[1]), "the two pages differ before any scroll");
    // Down four lines, then up one: moves both ways.
    let scrolled: Vec<Picture> = ids
        .iter()
        .zip(&pages)
        .map(|(id, page)| {
            for key in ["Down", "Down", "Down", "Down", "Up"] {
                press(&display, id, key);
            }
            settled(&display, id, dir.path(), &format!("scrolled-{id}"), |shot| !looks_the_same(shot, page))
        })
        .collect();
    assert!(
        looks_the_same(&scrolled[0], &scrolled[1]),
        "the text moved alone does not look as the text moved in whole rows"
    );
    for xterm in &mut xterms {
        let _ = xterm.kill();
        let _ = xterm.wait();
    }
}
