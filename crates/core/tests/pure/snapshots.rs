//! Whole screens drawn through ratatui's TestBackend and compared with reviewed snapshots, at
//! 80×24 and at small sizes; styles are checked where they carry meaning.

use crate::common::*;
use kiosk_content::Lang;
use kiosk_core::app::{App, Input, Key, Page, PageNav, Settings};
use kiosk_core::ui::{Theme, render};
use ratatui_core::backend::TestBackend;
use ratatui_core::buffer::Buffer;
use ratatui_core::style::Modifier;
use ratatui_core::terminal::Terminal;

fn draw(app: &App) -> Terminal<TestBackend> {
    let area = app.area();
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).expect("test terminal");
    terminal.draw(|frame| render(app, frame)).expect("draw");
    terminal
}

fn screen(app: &App) -> String {
    draw(app).backend().to_string()
}

fn buffer(app: &App) -> Buffer {
    draw(app).backend().buffer().clone()
}

fn go_to(app: &mut App, wanted: Page) {
    press(app, Key::Enter);
    while app.pages()[match app.screen() {
        kiosk_core::app::Screen::Topic(state) => state.page,
        _ => unreachable!(),
    }] != wanted
    {
        press(app, Key::Right);
    }
}

#[test]
fn home() {
    insta::assert_snapshot!(screen(&bundled_app(80, 24)));
}

#[test]
fn home_with_a_scrolled_list() {
    let mut app = app_with_topics(12, 80, 24);
    press(&mut app, Key::End);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn overview() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn a_section_scrolled() {
    let mut app = bundled_app(80, 24);
    go_to(&mut app, Page::Section(12));
    press_all(&mut app, &[Key::Down, Key::Down]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn faq_closed() {
    let mut app = bundled_app(80, 24);
    go_to(&mut app, Page::Faq);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn faq_open() {
    let mut app = bundled_app(80, 24);
    go_to(&mut app, Page::Faq);
    press_all(&mut app, &[Key::Down, Key::Enter]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn sources() {
    let mut app = bundled_app(80, 24);
    go_to(&mut app, Page::Sources);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn help() {
    let mut app = bundled_app(80, 24);
    press_all(&mut app, &[Key::Enter, Key::Char('?')]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn staff_codes() {
    let mut app = staff_app(80, 24);
    go_to(&mut app, Page::Codes);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn narrow_topic_with_back_and_next_buttons() {
    let mut app = bundled_app(50, 16);
    go_to(&mut app, Page::Section(2));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn smallest_usable_size() {
    let mut app = bundled_app(40, 12);
    press(&mut app, Key::Enter);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn too_small() {
    insta::assert_snapshot!(screen(&bundled_app(39, 11)));
}

#[test]
fn too_small_and_narrow() {
    insta::assert_snapshot!(screen(&bundled_app(12, 5)));
}

#[test]
fn a_resize_redraws_at_the_new_size() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    send(&mut app, Input::Resize { width: 50, height: 16 });
    let drawn = screen(&app);
    assert!(drawn.contains("◀ Back"), "{drawn}");
    send(&mut app, Input::Resize { width: 30, height: 10 });
    assert!(screen(&app).contains("Please make"));
}

#[test]
fn the_current_page_is_reversed_and_marked_in_the_side_list() {
    let mut app = bundled_app(80, 24);
    press_all(&mut app, &[Key::Enter, Key::Right, Key::Right]);
    assert!(app.topic().is_some());
    let PageNav::Side(side) = app.topic_layout().nav else { panic!("side list at 80 columns") };
    let buffer = buffer(&app);
    for row in 0..4u16 {
        let cell = &buffer[(side.x + 4, side.y + row)];
        let selected = row == 2;
        // Reverse video and a marker: the selection shows without colour.
        assert_eq!(cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD), selected, "row {row}");
        assert_eq!(buffer[(side.x, side.y + row)].symbol(), if selected { "▶" } else { " " }, "row {row}");
    }
}

#[test]
fn the_chosen_topic_on_home_is_reversed_on_its_title_and_subtitle_not_the_gap() {
    let mut app = app_with_topics(3, 80, 24);
    press(&mut app, Key::Down);
    let list = app.home_layout().list;
    let buffer = buffer(&app);
    for row in 0..3 * kiosk_core::app::HOME_ENTRY_HEIGHT {
        let chosen = (3..5).contains(&row);
        let cell = &buffer[(list.x + 4, list.y + row)];
        assert_eq!(cell.modifier.contains(Modifier::REVERSED), chosen, "row {row}");
    }
}

#[test]
fn the_draft_notice_is_shown_in_the_warning_style_on_every_page() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Enter);
    let theme = Theme::default();
    for _ in 0..app.pages().len() {
        let buffer = buffer(&app);
        let notice_row: String = (0..80).map(|x| buffer[(x, 1)].symbol().to_owned()).collect();
        assert_eq!(notice_row.trim(), "Draft: not yet reviewed by a clinician");
        let cell = &buffer[(40, 1)];
        assert_eq!((cell.fg, cell.bg), (theme.warning.fg.expect("fg"), theme.warning.bg.expect("bg")));
        assert!(cell.modifier.contains(Modifier::BOLD));
        press(&mut app, Key::Right);
    }
}

#[test]
fn the_chosen_faq_question_is_reversed() {
    let mut app = bundled_app(80, 24);
    go_to(&mut app, Page::Faq);
    press(&mut app, Key::Down);
    assert!(app.topic().is_some());
    let text = app.topic_layout().text;
    let buffer = buffer(&app);
    let row_of = |n: usize| {
        text.y + app.page_lines().iter().position(|l| l.faq() == Some(n)).expect("question") as u16
    };
    assert!(buffer[(text.x + 4, row_of(1))].modifier.contains(Modifier::REVERSED));
    assert!(!buffer[(text.x + 4, row_of(0))].modifier.contains(Modifier::REVERSED));
    // ▶ marks the chosen question only; closed ones are marked +.
    let marks: Vec<&str> = (0..7).map(|n| buffer[(text.x, row_of(n))].symbol()).collect();
    assert_eq!(marks, [" ", "▶", " ", " ", " ", " ", " "]);
    assert_eq!(buffer[(text.x + 2, row_of(0))].symbol(), "+");
}

#[test]
fn attract() {
    insta::assert_snapshot!(screen(&locked_app()));
}

#[test]
fn attract_at_60_by_14() {
    let mut app = locked_app();
    send(&mut app, Input::Resize { width: 60, height: 14 });
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn attract_without_room_for_large_letters() {
    let mut app = locked_app();
    send(&mut app, Input::Resize { width: 40, height: 12 });
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn idle_warning() {
    let mut app = locked_app();
    let at = std::time::Duration::from_secs(5);
    send_at(&mut app, at, Input::Key(Key::Enter));
    send_at(&mut app, at, Input::Key(Key::Enter));
    send_at(&mut app, at + std::time::Duration::from_secs(90 + 3), Input::Wake);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn idle_warning_is_in_the_warning_style_across_the_whole_width() {
    let mut app = locked_app();
    send(&mut app, Input::Key(Key::Enter));
    send_at(&mut app, std::time::Duration::from_secs(90), Input::Wake);
    let buffer = buffer(&app);
    let theme = Theme::default();
    let row = (0..24).find(|&y| {
        let text: String = (0..80).map(|x| buffer[(x, y)].symbol().to_owned()).collect();
        text.contains("Are you still there?")
    });
    let row = row.expect("the warning is drawn");
    for x in [0, 40, 79] {
        assert_eq!(buffer[(x, row)].bg, theme.warning.bg.expect("bg"), "column {x}");
    }
}

#[test]
fn pin_screen_masks_the_digits() {
    let mut app = locked_app();
    press_all(&mut app, &[Key::Function(12), Key::Char('2'), Key::Char('4')]);
    let drawn = screen(&app);
    assert!(!drawn.contains("24"), "{drawn}");
    insta::assert_snapshot!(drawn);
}

#[test]
fn pin_screen_without_a_pin() {
    let settings = kiosk_core::app::Settings { locked: true, ..Default::default() };
    let mut app =
        App::new(vertebroplasty_library(), kiosk_content::i18n::Catalog::english(), settings, (80, 24), t0());
    press(&mut app, Key::Function(12));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn staff_menu_with_configuration_problems() {
    let settings = kiosk_core::app::Settings {
        notices: vec![
            "config.toml:3:1: error: unknown setting `kiosk.idle_second`; did you mean `kiosk.idle_seconds`?"
                .into(),
        ],
        ..Default::default()
    };
    let mut app =
        App::new(vertebroplasty_library(), kiosk_content::i18n::Catalog::english(), settings, (80, 24), t0());
    press(&mut app, Key::Function(12));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn wrong_pin_message() {
    let mut app = locked_app();
    press(&mut app, Key::Enter);
    press_all(
        &mut app,
        &[Key::Function(12), Key::Char('1'), Key::Char('1'), Key::Char('1'), Key::Char('1'), Key::Enter],
    );
    let drawn = screen(&app);
    assert!(drawn.lines().last().is_some_and(|line| line.contains("Wrong PIN.")), "{drawn}");
    insta::assert_snapshot!(drawn);
}

#[test]
fn search_with_results() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Char('/'));
    for c in "cemnt".chars() {
        press(&mut app, Key::Char(c));
    }
    press(&mut app, Key::Down);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn search_with_nothing_found() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Char('/'));
    for c in "xyzzy".chars() {
        press(&mut app, Key::Char(c));
    }
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn search_marks_the_matched_letters() {
    let mut app = bundled_app(80, 24);
    press(&mut app, Key::Char('/'));
    for c in "thinners".chars() {
        press(&mut app, Key::Char(c));
    }
    let results = kiosk_core::app::SearchLayout::new(app.area()).results;
    let theme = Theme::default();
    // The first result chosen, then the second: the match is underlined either way; in colour
    // where the row is not reversed (a bright background is one the console cannot show).
    for chosen in [true, false] {
        if !chosen {
            press(&mut app, Key::Down);
        }
        let buffer = buffer(&app);
        let snippet_row = results.y + 1;
        let row: String =
            (results.x..results.right()).map(|x| buffer[(x, snippet_row)].symbol().to_owned()).collect();
        let start = row.find("thinners").expect("the snippet shows the match");
        let column = results.x + row[..start].chars().count() as u16;
        for x in column..column + 8 {
            let cell = &buffer[(x, snippet_row)];
            assert!(cell.modifier.contains(Modifier::UNDERLINED), "column {x}");
            assert_eq!(cell.modifier.contains(Modifier::REVERSED), chosen, "column {x}");
            let colour = if chosen { theme.selected.fg } else { theme.highlight.fg };
            assert_eq!(Some(cell.fg), colour, "column {x}");
        }
        assert!(!buffer[(column - 2, snippet_row)].modifier.contains(Modifier::UNDERLINED));
    }
}

#[test]
fn take_home_too_small() {
    let mut app = bundled_app(60, 18);
    press_all(&mut app, &[Key::Enter, Key::Char('t')]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn staff_badge_in_the_header() {
    let mut app = staff_app(80, 24);
    press(&mut app, Key::Enter);
    let buffer = buffer(&app);
    let header: String = (0..80).map(|x| buffer[(x, 0)].symbol().to_owned()).collect();
    assert!(header.trim_end().ends_with("STAFF"), "{header}");
    let theme = Theme::default();
    assert_eq!(buffer[(77, 0)].bg, theme.warning.bg.expect("bg"));
    let patient = bundled_app(80, 24);
    let header: String = (0..80).map(|x| buffer_of(&patient)[(x, 0)].symbol().to_owned()).collect();
    assert!(!header.contains("STAFF"));
}

fn buffer_of(app: &App) -> Buffer {
    buffer(app)
}

/// The header row of a topic opened on a kiosk with a long clinic name, both languages offered.
fn header_row(width: u16, language: &str) -> String {
    let languages = vec![Lang::from("en"), Lang::from("es")];
    let (catalogs, _) = kiosk_content::i18n::Catalogs::bundled(&languages);
    let settings = Settings {
        languages,
        language: Lang::from(language),
        clinic_name: "Riverside Spine and Orthopedic Surgery Clinic".to_owned(),
        ..Settings::default()
    };
    let mut app = App::new(vertebroplasty_library(), catalogs, settings, (width, 24), t0());
    press(&mut app, Key::Enter);
    let buffer = buffer(&app);
    (0..width).map(|x| buffer[(x, 0)].symbol()).collect::<String>().trim_end().to_owned()
}

#[test]
fn headers_shorten_cleanly_with_a_long_clinic_name() {
    let rows: Vec<String> = [80, 64, 40]
        .into_iter()
        .flat_map(|width| ["en", "es"].map(move |language| (width, language)))
        .map(|(width, language)| format!("{width:>3} {language} |{}|", header_row(width, language)))
        .collect();
    insta::assert_snapshot!(rows.join("\n"));
    for row in &rows {
        // The topic is named on every row wide enough for it, and no letter of the title
        // shows between the language buttons.
        assert!(!row.contains("English  ") || row.contains("▶English") || row.contains(" English"), "{row}");
    }
}

#[test]
fn the_page_bar_never_runs_into_its_buttons_in_either_language() {
    for language in ["en", "es"] {
        let languages = vec![Lang::from("en"), Lang::from("es")];
        let (catalogs, _) = kiosk_content::i18n::Catalogs::bundled(&languages);
        let settings = Settings { languages, language: Lang::from(language), ..Settings::default() };
        let mut app = App::new(vertebroplasty_library(), catalogs, settings, (40, 12), t0());
        for key in [Key::Enter, Key::Right, Key::Right, Key::Right, Key::Right] {
            press(&mut app, key);
            let buffer = buffer(&app);
            let bar: String = (0..40).map(|x| buffer[(x, 2)].symbol()).collect();
            let next = if language == "es" { " Siguiente ▶" } else { " Next ▶" };
            assert!(bar.trim_end().ends_with(next), "{language}: {bar:?}");
        }
    }
}
