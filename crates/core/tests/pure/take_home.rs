//! The take-home QR code as drawn in a terminal buffer, read back with a QR decoder: a code
//! that cannot be scanned is not done.

use crate::common::*;
use kiosk_core::app::{App, Input, Key};
use kiosk_core::ui::render;
use ratatui_core::backend::TestBackend;
use ratatui_core::buffer::Buffer;
use ratatui_core::style::Color;
use ratatui_core::terminal::Terminal;

const URL: &str = "https://medlineplus.gov/ency/article/007512.htm";

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

#[test]
fn the_code_on_an_80_by_24_screen_scans_back_to_the_topics_address() {
    assert_eq!(decode(&take_home_buffer(80, 24)), [URL]);
}

#[test]
fn the_code_is_dark_on_light_with_a_quiet_zone() {
    let buffer = take_home_buffer(80, 24);
    let code_cells: Vec<_> = buffer.content().iter().filter(|cell| cell.symbol() == "▄").collect();
    assert!(code_cells.iter().all(|cell| [Color::Black, Color::Gray].contains(&cell.fg)));
    assert!(code_cells.iter().all(|cell| [Color::Black, Color::Gray].contains(&cell.bg)));
    // The top row of the code is all light: the quiet zone.
    let top = (0..buffer.area.height).find(|&y| buffer[(0, y)].bg == Color::Gray).expect("the code");
    assert!((0..37).all(|x| buffer[(x, top)].symbol() == " " && buffer[(x, top)].bg == Color::Gray));
}

/// Only a cell whose two modules differ holds a glyph, the lower half block, which fonts draw
/// down to the cell's bottom; the upper half block is never used (xterm with DejaVu Sans Mono
/// left a line of the wrong colour above it); the rest is the cells' background alone.
#[test]
fn the_code_is_backgrounds_and_lower_half_blocks_only_where_the_two_modules_differ() {
    let buffer = take_home_buffer(80, 24);
    let code = (0..buffer.area.height).find(|&y| buffer[(0, y)].bg == Color::Gray).expect("the code");
    let cells: Vec<_> = (code..code + 19).flat_map(|y| (0..37).map(move |x| (x, y))).collect();
    for (x, y) in cells {
        let cell = &buffer[(x, y)];
        match cell.symbol() {
            "▄" => assert_ne!(cell.fg, cell.bg, "({x}, {y})"),
            " " => assert!([Color::Black, Color::Gray].contains(&cell.bg), "({x}, {y})"),
            other => panic!("({x}, {y}): {other:?}"),
        }
    }
    assert!(buffer.content().iter().all(|cell| cell.symbol() != "▀"));
}

#[test]
fn the_address_is_written_out_as_well() {
    let buffer = take_home_buffer(120, 30);
    let text: String = (0..buffer.area.height)
        .map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol().to_owned()).collect::<String>())
        .collect();
    assert!(text.contains("Take this home"));
    assert!(text.contains("https://medlineplus.gov/"));
    assert_eq!(decode(&buffer), [URL]);
}

#[test]
fn a_screen_too_small_for_the_code_says_so_instead_of_drawing_a_broken_one() {
    for (width, height) in [(60, 18), (80, 18), (70, 14)] {
        let buffer = take_home_buffer(width, height);
        assert!(buffer.content().iter().all(|cell| cell.symbol() != "▄"), "{width}×{height}");
        let text: String = buffer.content().iter().map(ratatui_core::buffer::Cell::symbol).collect();
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

/// The screen as a terminal shows it, 8×16 pixels a cell: a full block is its foreground, a
/// half block its foreground on one half, anything else its background; black is dark, every
/// other colour light. The QR codes in it, decoded.
fn decode(buffer: &Buffer) -> Vec<String> {
    let (cell_width, cell_height) = (8, 16);
    let dark = |x: usize, y: usize| -> bool {
        let cell = &buffer[((x / cell_width) as u16, (y / cell_height) as u16)];
        let top = y % cell_height < cell_height / 2;
        let colour = match cell.symbol() {
            "█" => cell.fg,
            "▀" if top => cell.fg,
            "▄" if !top => cell.fg,
            _ => cell.bg,
        };
        colour == Color::Black
    };
    let area = buffer.area;
    let (width, height) = (usize::from(area.width) * cell_width, usize::from(area.height) * cell_height);
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| if dark(x, y) { 0 } else { 255 });
    image.detect_grids().into_iter().filter_map(|grid| grid.decode().ok()).map(|(_, text)| text).collect()
}

fn console_take_home(glyphs: kiosk_core::ui::Glyphs, width: u16, height: u16) -> Buffer {
    let settings = kiosk_core::app::Settings { glyphs, ..kiosk_core::app::Settings::default() };
    let (catalogs, _) = kiosk_content::i18n::Catalogs::bundled(&["en".into()]);
    let mut app = App::new(vertebroplasty_library(), catalogs, settings, (width, height), t0());
    press_all(&mut app, &[Key::Enter, Key::Char('t')]);
    draw(&app)
}

/// The stock console fonts have no half blocks: the code is drawn with full blocks, a module
/// two cells wide, and a 128×48 console (1024×768 with an 8×16 font) shows it whole.
#[test]
fn on_a_console_without_half_blocks_the_code_of_full_blocks_scans_at_128_by_48() {
    let buffer = console_take_home(kiosk_core::ui::Glyphs::stock_console(), 128, 48);
    assert!(buffer.content().iter().all(|cell| !["▀", "▄"].contains(&cell.symbol())));
    assert!(buffer.content().iter().any(|cell| cell.symbol() == "█"));
    assert_eq!(decode(&buffer), [URL]);
}

/// At 80×24 the full-block code does not fit: the address, and what the code needs.
#[test]
fn on_an_80_by_24_console_without_half_blocks_the_address_and_what_the_code_needs_show() {
    let buffer = console_take_home(kiosk_core::ui::Glyphs::stock_console(), 80, 24);
    let text: String = buffer.content().iter().map(ratatui_core::buffer::Cell::symbol).collect();
    assert!(buffer.content().iter().all(|cell| cell.symbol() != "█"));
    assert!(text.contains("https://medlineplus.gov/"), "{text}");
    assert!(text.contains("The code needs 74 columns and 37 lines; this screen has 80 and 24."), "{text}");
}

/// The kernel's own font has half blocks: the code keeps two modules a cell and fits 80×24.
#[test]
fn on_a_console_with_half_blocks_the_code_fits_80_by_24_and_scans() {
    let kernel_like = (' '..='~').chain("▀▄█▶•·→│".chars());
    let buffer = console_take_home(kiosk_core::ui::Glyphs::console_font(kernel_like), 80, 24);
    assert_eq!(decode(&buffer), [URL]);
}

/// In a terminal emulator large enough, the code is drawn in whole cells too: a cell's
/// background fills it exactly, where a font's half block can leave a seam.
#[test]
fn a_screen_large_enough_gets_the_code_in_whole_cells_without_seams() {
    let buffer = console_take_home(kiosk_core::ui::Glyphs::unicode(), 128, 48);
    assert!(buffer.content().iter().all(|cell| cell.symbol() != "▄"));
    assert_eq!(decode(&buffer), [URL]);
    // Smaller, the half blocks: two modules a cell.
    let buffer = console_take_home(kiosk_core::ui::Glyphs::unicode(), 80, 24);
    assert!(buffer.content().iter().any(|cell| cell.symbol() == "▄"));
}
