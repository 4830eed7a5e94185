//! Every screen a reader meets, drawn: for checks that must hold on all of them (contrast,
//! what the console's fonts can draw).

use crate::common::*;
use kiosk_content::Lang;
use kiosk_content::i18n::Catalogs;
use kiosk_core::app::{App, Input, Key, Page, Settings};
use ratatui_core::buffer::Buffer;

/// The bundled kiosk in `language`, on `base`'s theme and glyphs, at `size`.
fn kiosk(base: &Settings, language: &str, size: (u16, u16)) -> App {
    let languages = vec![Lang::from("en"), Lang::from("es")];
    let (catalogs, _) = Catalogs::bundled(&languages);
    let settings = Settings { languages, print_command: Some(vec!["lp".into()]), ..base.clone() };
    let mut app = App::new(kiosk_content::load_bundled().library, catalogs, settings, size, t0());
    if language == "es" {
        if app.settings().locked {
            press(&mut app, Key::Char(' '));
        }
        press(&mut app, Key::Char('L'));
    }
    app
}

/// Every screen a reader meets at `size`, drawn, with its name.
pub fn every_screen(base: &Settings, language: &str, size: (u16, u16)) -> Vec<(String, Buffer)> {
    let mut screens = Vec::new();
    let mut app = kiosk(base, language, size);
    screens.push(("home".to_owned(), draw(&app)));
    // Every page of every bundled topic.
    let mut visited = Vec::new();
    for topic in 0..app.home_topics().len() {
        press(&mut app, Key::Home);
        press_all(&mut app, &vec![Key::Down; topic]);
        press(&mut app, Key::Enter);
        let id = app.topic().map(|(topic, _)| topic.id.clone()).unwrap_or_default();
        visited.push(id.clone());
        let pages = app.pages().len();
        for page in 0..pages {
            screens.push((format!("{id} page {page}"), draw(&app)));
            if app.pages()[page] == Page::Faq {
                press_all(&mut app, &[Key::Enter]);
                screens.push((format!("{id}: an open answer"), draw(&app)));
            }
            press(&mut app, Key::Right);
        }
        press(&mut app, Key::Esc);
    }
    visited.dedup();
    assert_eq!(visited.len(), app.home_topics().len(), "every topic opened once: {visited:?}");
    press(&mut app, Key::Enter);
    press(&mut app, Key::Char('t'));
    screens.push(("take home".to_owned(), draw(&app)));
    press(&mut app, Key::Esc);
    press(&mut app, Key::Char('?'));
    screens.push(("help".to_owned(), draw(&app)));
    press(&mut app, Key::Esc);
    press(&mut app, Key::Char('/'));
    send(&mut app, Input::Paste("cement".into()));
    screens.push(("search".to_owned(), draw(&app)));
    let mut locked =
        kiosk(&Settings { locked: true, clinic_name: "Riverside".into(), ..base.clone() }, language, size);
    screens.push(("attract".to_owned(), draw(&locked)));
    press(&mut locked, Key::Char(' '));
    send_at(&mut locked, std::time::Duration::from_secs(3600), Input::Wake);
    screens.push(("idle warning".to_owned(), draw(&locked)));
    let mut staff = kiosk(base, language, size);
    press(&mut staff, Key::Function(12));
    screens.push(("staff menu".to_owned(), draw(&staff)));
    let mut tiny = kiosk(base, language, size);
    send(&mut tiny, Input::Resize { width: 10, height: 4 });
    screens.push(("too small".to_owned(), draw(&tiny)));
    screens
}

/// On a wide screen the page text keeps a reading length, its column in the middle of the
/// room right of the list: no line of any page at 160×50 is longer than 70 columns.
#[test]
fn at_160_by_50_every_line_of_every_page_is_at_most_70_columns_in_a_centred_column() {
    let app = kiosk(&Settings::default(), "en", (160, 50));
    let layout = {
        let mut app = app.clone();
        press(&mut app, Key::Enter);
        app.topic_layout()
    };
    assert_eq!(layout.text.width, kiosk_core::app::MAX_LINE_WIDTH);
    let kiosk_core::app::PageNav::Side(side) = layout.nav else { panic!("a side list at 160 columns") };
    let left = layout.text.x - side.right();
    let right = 160 - layout.scrollbar.right();
    assert!(left.abs_diff(right) <= 2, "centred: {left} left, {right} right");
    for (name, buffer) in every_screen(&Settings::default(), "en", (160, 50)) {
        if !name.contains("page") {
            continue;
        }
        for y in layout.text.y..layout.text.bottom() {
            let row: String = (layout.text.x..160).map(|x| buffer[(x, y)].symbol()).collect();
            let row = row.trim_end().trim_end_matches(['█', '║', '▲', '▼']).trim_end();
            assert!(row.chars().count() <= 70, "{name} row {y}: {} columns: {row}", row.chars().count());
        }
    }
}
