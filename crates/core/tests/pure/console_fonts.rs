//! The kiosk on the Linux console draws only what the console's font has. Read here from the
//! fonts themselves: the Unicode tables of Debian's stock console fonts (console-setup-linux's
//! .psf.gz files for English and Spanish: Lat15, Uni1, Uni2, Uni3, every face and size) and of
//! the kernel's built-in font (code page 437; its table is console-data's cp437.sfm, the same
//! map as the kernel's drivers/tty/vt/cp437.uni but for a few additions there, so checking
//! against it is, if anything, stricter).

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use crate::common::*;
use crate::screens::every_screen;
use kiosk_content::console::STOCK_CONSOLE_CHARACTERS;
use kiosk_core::app::{Key, Settings, ThemeName};
use kiosk_core::ui::Glyphs;

const FONTS: &str = "/usr/share/consolefonts";
const KERNEL_MAP: &str = "/usr/share/consoletrans/cp437.sfm.gz";

/// A font's name and the characters it draws.
struct Font {
    name: String,
    characters: HashSet<char>,
}

fn gunzip(path: &Path) -> Vec<u8> {
    let output = std::process::Command::new("gzip").arg("-dc").arg(path).output().expect("gzip");
    assert!(output.status.success(), "gzip -dc {}", path.display());
    output.stdout
}

/// The characters of a PSF font's Unicode table (version 1 or 2): each glyph's single
/// characters, not its sequences.
fn psf_characters(bytes: &[u8]) -> HashSet<char> {
    let mut characters = HashSet::new();
    if bytes.starts_with(&[0x36, 0x04]) {
        let (mode, height) = (bytes[2], usize::from(bytes[3]));
        let glyphs = if mode & 1 == 1 { 512 } else { 256 };
        assert!(mode & 2 == 2, "a PSF1 font without a Unicode table");
        let table = &bytes[4 + glyphs * height..];
        let mut in_sequence = false;
        for pair in table.chunks_exact(2) {
            match u16::from_le_bytes([pair[0], pair[1]]) {
                0xFFFF => in_sequence = false,
                0xFFFE => in_sequence = true,
                unit if !in_sequence => characters.extend(char::from_u32(u32::from(unit))),
                _ => {}
            }
        }
    } else {
        assert!(bytes.starts_with(&[0x72, 0xb5, 0x4a, 0x86]), "not a PSF font");
        let field =
            |n: usize| u32::from_le_bytes(bytes[4 * n..4 * n + 4].try_into().expect("4 bytes")) as usize;
        let (header, flags, glyphs, glyph_bytes) = (field(2), field(3), field(4), field(5));
        assert!(flags & 1 == 1, "a PSF2 font without a Unicode table");
        let table = &bytes[header + glyphs * glyph_bytes..];
        for entry in table.split(|&b| b == 0xFF).take(glyphs) {
            let singles = entry.split(|&b| b == 0xFE).next().unwrap_or_default();
            characters.extend(String::from_utf8_lossy(singles).chars());
        }
    }
    characters
}

/// The kernel's font: every character of its `0xNN U+XXXX …` map.
fn kernel_font() -> Font {
    let text = String::from_utf8(gunzip(Path::new(KERNEL_MAP))).expect("UTF-8");
    let characters = text
        .lines()
        .map(|line| line.split('#').next().unwrap_or_default())
        .flat_map(|line| line.split_whitespace().skip(1).map(str::to_owned).collect::<Vec<_>>())
        .filter_map(|unicode| u32::from_str_radix(unicode.trim_start_matches("U+"), 16).ok())
        .filter_map(char::from_u32)
        .collect();
    Font { name: "the kernel's built-in font".to_owned(), characters }
}

/// Debian's stock fonts for English and Spanish, and the kernel's; `None` when not installed.
fn stock_fonts(test: &str) -> Option<Vec<Font>> {
    if !file_for(test, FONTS, "console-setup-linux") || !file_for(test, KERNEL_MAP, "console-data") {
        return None;
    }
    let mut fonts: Vec<Font> = std::fs::read_dir(FONTS)
        .expect("the console fonts")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            ["Lat15-", "Uni1-", "Uni2-", "Uni3-"].iter().any(|set| name.starts_with(set))
                && name.ends_with(".psf.gz")
        })
        .map(|path| Font {
            name: path.file_name().expect("name").to_string_lossy().into_owned(),
            characters: psf_characters(&gunzip(&path)),
        })
        .collect();
    fonts.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(fonts.len() >= 80, "only {} stock fonts in {FONTS}", fonts.len());
    fonts.push(kernel_font());
    Some(fonts)
}

/// The characters on a screen that `font` cannot draw, with where they are.
fn undrawable(buffer: &ratatui_core::buffer::Buffer, font: &HashSet<char>, screen: &str) -> Vec<String> {
    let mut found = Vec::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            for c in buffer[(x, y)].symbol().chars().filter(|c| *c != ' ' && !font.contains(c)) {
                found.push(format!("{screen} ({x},{y}): {c:?} U+{:04X}", c as u32));
            }
        }
    }
    found
}

#[test]
fn the_stock_set_is_exactly_what_the_stock_fonts_and_the_kernels_share() {
    let Some(fonts) = stock_fonts("the_stock_set_is_exactly_what_the_stock_fonts_and_the_kernels_share")
    else {
        return;
    };
    let mut shared: BTreeSet<char> = fonts[0].characters.iter().copied().collect();
    for font in &fonts[1..] {
        shared.retain(|c| font.characters.contains(c));
    }
    shared.retain(|c| *c >= ' ');
    let ours: BTreeSet<char> = STOCK_CONSOLE_CHARACTERS.chars().collect();
    let missing: String = shared.difference(&ours).collect();
    let extra: String = ours.difference(&shared).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "not in our list: {missing:?}; not in every font: {extra:?}"
    );
}

/// Each kind of console the kiosk meets: the stock set (the font could not be asked) checked
/// against every stock font, and a few fonts as the console would report them.
#[test]
fn every_screen_on_the_console_draws_only_what_its_font_has() {
    let Some(fonts) = stock_fonts("every_screen_on_the_console_draws_only_what_its_font_has") else {
        return;
    };
    let stock = Glyphs::stock_console();
    let mut consoles: Vec<(String, Glyphs, Vec<&Font>)> =
        vec![("the stock set".to_owned(), stock, fonts.iter().collect())];
    for name in
        ["Lat15-Fixed16.psf.gz", "Uni2-VGA16.psf.gz", "Lat15-Terminus16.psf.gz", "the kernel's built-in font"]
    {
        let font = fonts.iter().find(|font| font.name == name).expect(name);
        let glyphs = Glyphs::console_font(font.characters.iter().copied());
        consoles.push((name.to_owned(), glyphs, vec![font]));
    }
    let mut problems = Vec::new();
    let mut screens_checked = 0;
    for (console, glyphs, fonts) in &consoles {
        for theme in [ThemeName::Default, ThemeName::HighContrast] {
            let base = Settings { theme, glyphs: glyphs.clone(), ..Settings::default() };
            for language in ["en", "es"] {
                for size in [(80, 24), (128, 48)] {
                    for (name, buffer) in every_screen(&base, language, size) {
                        screens_checked += 1;
                        for font in fonts {
                            let screen =
                                format!("{console} {theme:?} {language} {size:?} {name} in {}", font.name);
                            problems.extend(undrawable(&buffer, &font.characters, &screen));
                        }
                    }
                }
            }
        }
    }
    assert!(screens_checked > 200, "{screens_checked} screens");
    let first: Vec<&String> = problems.iter().take(30).collect();
    assert!(
        problems.is_empty(),
        "{} characters the font cannot draw, the first:\n{first:#?}",
        problems.len()
    );
}

/// What the console's stand-ins look like: the header's place and a marked row, in words.
#[test]
fn on_the_stock_console_the_marks_are_plain_and_the_meaning_stays() {
    let settings = Settings { glyphs: Glyphs::stock_console(), ..Settings::default() };
    let mut app = kiosk_core::app::App::new(
        vertebroplasty_library(),
        kiosk_content::i18n::Catalogs::bundled(&["en".into()]).0,
        settings,
        (80, 24),
        t0(),
    );
    press(&mut app, Key::Enter);
    let screen = screen_text(&app);
    assert!(screen.contains("Patient Education » Vertebroplasty"), "{screen}");
    assert!(screen.contains("▶ 1 Overview"), "{screen}");
    assert!(!screen.contains('›') && !screen.contains('—') && !screen.contains('…'), "{screen}");
}
