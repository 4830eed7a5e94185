//! The kiosk owns its colours: every cell it draws has a foreground and a background of its
//! own (never the terminal's default), and every text cell is readable — 4.5:1 (WCAG AA) in
//! the default theme, 7:1 in high contrast — computed from the colours the terminal would
//! show: the xterm palette, and the Linux console's, which has only 8 background colours.

use crate::screens::every_screen;
use kiosk_core::app::{Settings, ThemeName};
use ratatui_core::buffer::Buffer;
use ratatui_core::style::{Color, Modifier};

/// The 16 colours as xterm shows them by default.
const XTERM: [(u8, u8, u8); 16] = [
    (0, 0, 0),
    (205, 0, 0),
    (0, 205, 0),
    (205, 205, 0),
    (0, 0, 238),
    (205, 0, 205),
    (0, 205, 205),
    (229, 229, 229),
    (127, 127, 127),
    (255, 0, 0),
    (0, 255, 0),
    (255, 255, 0),
    (92, 92, 255),
    (255, 0, 255),
    (0, 255, 255),
    (255, 255, 255),
];

/// The 16 colours of the Linux console (its default palette).
const CONSOLE: [(u8, u8, u8); 16] = [
    (0, 0, 0),
    (170, 0, 0),
    (0, 170, 0),
    (170, 85, 0),
    (0, 0, 170),
    (170, 0, 170),
    (0, 170, 170),
    (170, 170, 170),
    (85, 85, 85),
    (255, 85, 85),
    (85, 255, 85),
    (255, 255, 85),
    (85, 85, 255),
    (255, 85, 255),
    (85, 255, 255),
    (255, 255, 255),
];

fn index(color: Color) -> Option<usize> {
    Some(match color {
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(n) if n < 16 => usize::from(n),
        _ => return None,
    })
}

/// WCAG relative luminance of an sRGB colour.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Every cell of `buffer` checked; a line for each problem.
fn problems(buffer: &Buffer, minimum: f64, screen: &str) -> Vec<String> {
    let mut found = Vec::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            let (mut fg, mut bg) = (cell.fg, cell.bg);
            if cell.modifier.contains(Modifier::REVERSED) {
                std::mem::swap(&mut fg, &mut bg);
            }
            let (Some(fg), Some(bg)) = (index(fg), index(bg)) else {
                found.push(format!(
                    "{screen} ({x},{y}) {:?}: colours {:?} on {:?}, not the kiosk's own",
                    cell.symbol(),
                    cell.fg,
                    cell.bg
                ));
                continue;
            };
            if bg > 7 {
                found.push(format!("{screen} ({x},{y}): background {bg} is not one of the console's 8"));
            }
            // Blank cells have no text; block elements (the QR code, the big name's strokes)
            // are pictures, whose two halves are meant to be alike or opposite.
            let graphic = cell.symbol().chars().all(|c| ('\u{2580}'..='\u{259f}').contains(&c));
            if cell.symbol().trim().is_empty() || graphic {
                continue;
            }
            for (palette, name) in [(&XTERM, "xterm"), (&CONSOLE, "console")] {
                let ratio = contrast(palette[fg], palette[bg.min(7)]);
                if ratio < minimum {
                    found.push(format!(
                        "{screen} ({x},{y}) {:?}: {ratio:.2}:1 on {name} ({fg} on {bg})",
                        cell.symbol()
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn every_cell_of_every_screen_has_its_own_colours_and_enough_contrast() {
    let mut all = Vec::new();
    for (theme, minimum) in [(ThemeName::Default, 4.5), (ThemeName::HighContrast, 7.0)] {
        for language in ["en", "es"] {
            let base = Settings { theme, ..Settings::default() };
            for (name, buffer) in every_screen(&base, language, (80, 24)) {
                all.extend(problems(&buffer, minimum, &format!("{theme:?} {language} {name}")));
            }
        }
    }
    let shown: Vec<&String> = all.iter().take(40).collect();
    assert!(all.is_empty(), "{} problems, the first:\n{shown:#?}", all.len());
}
