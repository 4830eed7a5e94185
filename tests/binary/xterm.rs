//! The kiosk in a real terminal emulator: xterm under Xvfb, with a white and with a black
//! background. Screenshots are read back as pixels: the kiosk paints its own background
//! whatever the terminal's, a click on a topic and a click on a footer button act, and the
//! take-home QR code decodes from the screen's raw pixels, in an anti-aliased font and in
//! xterm's bitmap font.

use std::process::{Command, Stdio};
use std::time::Duration;

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
        let mut xterm = Command::new("xterm")
            .env("DISPLAY", &display.name)
            .env("XDG_STATE_HOME", state.path())
            .env("XDG_CONFIG_HOME", state.path())
            .args(["-bg", background, "-fg", foreground, "-geometry", "80x24+0+0"])
            .args(font_args)
            .args(["-title", "patient-kiosk"])
            .arg("-e")
            .arg(env!("CARGO_BIN_EXE_patient-kiosk"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("xterm starts");
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
        wait_until("the kiosk's own background", || {
            let shot = screenshot(&display, &id, dir.path(), "home");
            shot.at(w / 2, h * 2 / 3) < 30
        });
        // A tap on Vertebroplasty, the fourth topic (rows 4, 7, 10, 13), opens it; a tap on "t Take
        // home" in the footer shows the code.
        click(6, 13);
        std::thread::sleep(Duration::from_millis(300));
        click(16, 23);
        let mut codes = Vec::new();
        // The screen's own pixels, as a phone's camera sees them: no threshold, no blur.
        wait_until("the take-home code scans from the screen", || {
            codes = screenshot(&display, &id, dir.path(), "take-home").qr_codes();
            !codes.is_empty()
        });
        assert_eq!(codes, ["https://medlineplus.gov/ency/article/007512.htm"], "{background}, {font}");
        let _ = xterm.kill();
        let _ = xterm.wait();
        wait_until("the xterm is gone", || display.xdotool(&["search", "--class", "xterm"]).is_none());
    }
}
