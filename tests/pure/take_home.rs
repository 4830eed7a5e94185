//! The take-home QR code as drawn in a terminal buffer, read back with a QR decoder: a code
//! that cannot be scanned is not done.

use crate::common::*;
use kiosk_core::app::{App, Input, Key};
use kiosk_core::ui::render;
use ratatui_core::backend::TestBackend;
use ratatui_core::buffer::Buffer;
use ratatui_core::style::Color;
use ratatui_core::terminal::Terminal;

const URL: &str = "https://www.mayoclinic.org/tests-procedures/vertebroplasty/care-at-mayo-clinic/appointments/prc-20021308";

fn take_home_buffer(width: u16, height: u16) -> Buffer {
    let mut app = bundled_app(width, height);
    press_all(&mut app, &[Key::Enter, Key::Char('t')]);
    draw(&app)
}

fn draw(app: &App) -> Buffer {
    let area = app.area();
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal");
    terminal.draw(|frame| render(app, frame)).expect("draw");
    terminal.backend().buffer().clone()
}

/// Every cell as two pixels (top and bottom half), black or white, each pixel scaled up so the
/// decoder sees a clean image; anything not drawn as part of the code counts as white.
fn decode(buffer: &Buffer) -> Vec<String> {
    const SCALE: usize = 4;
    let area = buffer.area;
    let dark = |x: usize, y: usize| -> bool {
        let cell = &buffer[(x as u16, (y / 2) as u16)];
        if cell.symbol() != "▀" {
            return false;
        }
        let colour = if y.is_multiple_of(2) { cell.fg } else { cell.bg };
        colour == Color::Black
    };
    let (width, height) = (usize::from(area.width) * SCALE, usize::from(area.height) * 2 * SCALE);
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        if dark(x / SCALE, y / SCALE) { 0 } else { 255 }
    });
    image.detect_grids().into_iter().filter_map(|grid| grid.decode().ok()).map(|(_, text)| text).collect()
}

#[test]
fn the_code_on_an_80_by_24_screen_scans_back_to_the_topics_address() {
    assert_eq!(decode(&take_home_buffer(80, 24)), [URL]);
}

#[test]
fn the_code_is_dark_on_light_with_a_quiet_zone() {
    let buffer = take_home_buffer(80, 24);
    let code_cells: Vec<_> = buffer.content().iter().filter(|cell| cell.symbol() == "▀").collect();
    assert!(code_cells.iter().all(|cell| [Color::Black, Color::Gray].contains(&cell.fg)));
    assert!(code_cells.iter().all(|cell| [Color::Black, Color::Gray].contains(&cell.bg)));
    // The top row of the code is all light: the quiet zone.
    let top = (0..buffer.area.height).find(|&y| buffer[(0, y)].symbol() == "▀").expect("the code");
    assert!((0..45).all(|x| buffer[(x, top)].fg == Color::Gray && buffer[(x, top)].bg == Color::Gray));
}

#[test]
fn the_address_is_written_out_as_well() {
    let buffer = take_home_buffer(120, 30);
    let text: String = (0..buffer.area.height)
        .map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol().to_owned()).collect::<String>())
        .collect();
    assert!(text.contains("Take this home"));
    assert!(text.contains("https://www.mayoclinic.org/"));
    assert_eq!(decode(&buffer), [URL]);
}

#[test]
fn a_screen_too_small_for_the_code_says_so_instead_of_drawing_a_broken_one() {
    for (width, height) in [(60, 20), (44, 30), (80, 22)] {
        let buffer = take_home_buffer(width, height);
        assert!(buffer.content().iter().all(|cell| cell.symbol() != "▀"), "{width}×{height}");
        let text: String = buffer.content().iter().map(|cell| cell.symbol()).collect();
        assert!(text.contains("This window is too small to show the code."), "{width}×{height}: {text}");
    }
}

#[test]
fn a_resize_while_the_panel_is_open_redraws_the_code_or_the_message() {
    let mut app = bundled_app(80, 24);
    press_all(&mut app, &[Key::Enter, Key::Char('t')]);
    send(&mut app, Input::Resize { width: 50, height: 40 });
    assert_eq!(decode(&draw(&app)), [URL]);
}
