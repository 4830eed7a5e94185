//! Every patient: Spanish from the attract screen to the FAQ, the themes, reading aloud,
//! touch targets, and text in any script lining up.

use kiosk_content::Lang;
use std::time::Duration;

use crate::common::*;
use kiosk_content::i18n::Catalogs;
use kiosk_content::{Library, Topic};
use kiosk_core::app::{
    App, Effect, Flash, HOME_ENTRY_HEIGHT, Input, Key, MIN_TARGET_WIDTH, Mouse, MouseAction, PageNav, Screen,
    Settings, ThemeName, hint_areas, hints,
};
use ratatui_core::buffer::Buffer;
use ratatui_core::style::{Color, Modifier};

fn bilingual(settings: Settings) -> App {
    let languages = vec![Lang::from("en"), Lang::from("es")];
    let (catalogs, problems) = Catalogs::bundled(&languages);
    assert!(problems.is_empty());
    App::new(vertebroplasty_library(), catalogs, Settings { languages, ..settings }, (80, 24), t0())
}

fn text(buffer: &Buffer) -> String {
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width).map(|x| buffer[(x, y)].symbol().to_owned()).collect::<String>() + "\n"
        })
        .collect()
}

#[test]
fn a_spanish_speaker_can_do_everything_in_spanish() {
    let mut app = bilingual(Settings { locked: true, ..Settings::default() });
    press(&mut app, Key::Char('L'));
    assert!(text(&draw(&app)).contains("Oprima cualquier tecla para empezar"));
    press(&mut app, Key::Char(' '));
    assert!(text(&draw(&app)).contains("Elija un tema para leer."));
    assert!(text(&draw(&app)).contains("Vertebroplastia"));
    press(&mut app, Key::Enter);
    let screen = text(&draw(&app));
    assert!(screen.contains("Borrador: aún no revisado por un médico"), "{screen}");
    assert!(screen.contains("Borrador de traducción"), "{screen}");
    let faq = app.pages().iter().position(|p| *p == kiosk_core::app::Page::Faq).expect("FAQ");
    for _ in 0..faq {
        press(&mut app, Key::Right);
    }
    press(&mut app, Key::Enter);
    let screen = text(&draw(&app));
    assert!(screen.contains("▶ - ¿Para qué es la inyección?"), "{screen}");
    assert!(screen.contains("Le da firmeza al hueso roto."), "{screen}");
    assert!(screen.contains("Esc Atrás"), "{screen}");
}

#[test]
fn the_reset_returns_to_the_configured_language() {
    let mut app = bilingual(Settings { locked: true, language: "es".into(), ..Settings::default() });
    assert_eq!(app.language(), "es");
    press_all(&mut app, &[Key::Char('L'), Key::Char(' '), Key::Enter]);
    assert_eq!(app.language(), "en");
    send_at(&mut app, Duration::from_secs(200), Input::Wake);
    assert_eq!(app.language(), "es");
    assert_eq!(app.screen(), &Screen::Attract);
}

#[test]
fn changing_language_on_a_topic_keeps_the_page() {
    let mut app = bilingual(Settings::default());
    press_all(&mut app, &[Key::Enter, Key::Char('3')]);
    press(&mut app, Key::Char('l'));
    assert_eq!(topic_state(&app).page, 2);
    let (topic, _) = app.topic().expect("open");
    assert_eq!((topic.language.as_str(), topic.title.as_str()), ("es", "Vertebroplastia"));
    assert!(text(&draw(&app)).contains("Síntomas"));
}

#[test]
fn a_topic_missing_in_the_chosen_language_shows_in_english_with_a_notice() {
    let knee: Topic = toml::from_str(&topic_toml("knee", "Knee replacement")).expect("valid");
    let languages = vec![Lang::from("en"), Lang::from("es")];
    let (catalogs, _) = Catalogs::bundled(&languages);
    let settings = Settings { languages, language: "es".into(), ..Settings::default() };
    let mut app = App::new(Library::new(vec![knee]), catalogs, settings, (80, 24), t0());
    press(&mut app, Key::Enter);
    let lines = app.page_lines();
    assert_eq!(lines[0].text(), "Este tema aún no está disponible en español.");
    assert!(text(&draw(&app)).contains("Knee replacement"));
}

#[test]
fn each_language_button_shows_its_own_name_and_a_tap_chooses_it() {
    let mut app = bilingual(Settings::default());
    let buttons = app.language_buttons();
    assert_eq!(buttons.len(), 2);
    let screen = text(&draw(&app));
    assert!(screen.contains("▶English") && screen.contains("Español"), "{screen}");
    click(&mut app, buttons[1].x + 3, buttons[1].y);
    assert_eq!(app.language(), "es");
    assert!(text(&draw(&app)).contains("▶Español"));
}

#[test]
fn search_works_in_spanish() {
    let mut app = bilingual(Settings { language: "es".into(), ..Settings::default() });
    press(&mut app, Key::Char('/'));
    for c in "cemento".chars() {
        press(&mut app, Key::Char(c));
    }
    let hits = &app.session().search().expect("open").hits;
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|hit| hit.topic_title == "Vertebroplastia"));
}

#[test]
fn every_tap_target_is_three_rows_high_or_twelve_columns_wide() {
    let mut app =
        bilingual(Settings { staff: true, speech_command: Some(vec!["say".into()]), ..Settings::default() });
    for (area, hint) in hint_areas(app.home_layout().chrome.footer, &hints(&app), app.catalog()) {
        assert!(area.width >= MIN_TARGET_WIDTH, "{:?} is {} wide", hint.msg, area.width);
    }
    assert!(app.language_buttons().iter().all(|b| b.width >= MIN_TARGET_WIDTH));
    const { assert!(HOME_ENTRY_HEIGHT >= 3) };
    press(&mut app, Key::Enter);
    for (area, hint) in hint_areas(app.home_layout().chrome.footer, &hints(&app), app.catalog()) {
        assert!(area.width >= MIN_TARGET_WIDTH, "{:?} is {} wide", hint.msg, area.width);
    }
    let PageNav::Side(side) = app.topic_layout().nav else { panic!("side list") };
    assert!(side.width >= MIN_TARGET_WIDTH);
    assert!(app.topic_layout().text.width >= MIN_TARGET_WIDTH, "FAQ questions span the text");
    let mut narrow = bilingual(Settings::default());
    send(&mut narrow, Input::Resize { width: 50, height: 20 });
    press(&mut narrow, Key::Enter);
    let PageNav::Bar { previous, next, .. } = narrow.topic_layout().nav else { panic!("bar") };
    assert!(previous.width >= MIN_TARGET_WIDTH && next.width >= MIN_TARGET_WIDTH);
}

#[test]
fn a_tap_on_a_hint_does_what_its_key_does() {
    let mut app = bilingual(Settings { speech_command: Some(vec!["say".into()]), ..Settings::default() });
    // Wide enough for every hint: at 80 columns take-home and read-aloud give way to the
    // language key.
    send(&mut app, Input::Resize { width: 120, height: 24 });
    press(&mut app, Key::Enter);
    let tap = |app: &mut App, msg| {
        let footer = app.home_layout().chrome.footer;
        let (area, _) = hint_areas(footer, &hints(app), app.catalog())
            .into_iter()
            .find(|(_, h)| h.msg == msg)
            .expect("shown");
        send(
            app,
            Input::Mouse(Mouse { action: MouseAction::Click, column: area.x + area.width - 1, row: area.y }),
        )
    };
    let effects = tap(&mut app, kiosk_content::i18n::Msg::HintReadAloud);
    assert!(matches!(effects.as_slice(), [Effect::Speak { .. }]));
    assert_eq!(tap(&mut app, kiosk_content::i18n::Msg::HintTakeHome), vec![Effect::StopSpeaking]);
    tap(&mut app, kiosk_content::i18n::Msg::HintTakeHome);
    assert!(app.session().take_home());
}

fn speaking_app() -> App {
    let command = vec!["espeak-ng".to_owned(), "-v".to_owned(), "{lang}".to_owned()];
    bilingual(Settings { locked: true, speech_command: Some(command), ..Settings::default() })
}

#[test]
fn a_reads_the_page_aloud_in_the_topics_language() {
    let mut app = speaking_app();
    press_all(&mut app, &[Key::Char('L'), Key::Char(' '), Key::Enter, Key::Char('4')]);
    let effects = press(&mut app, Key::Char('a'));
    let [Effect::Speak { command, text }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(command, &["espeak-ng", "-v", "es"]);
    assert!(text.contains("\nSíntomas\n"), "{text}");
    assert!(text.contains("Dolor de espalda fuerte que empeora al moverse."), "{text}");
    assert!(!text.contains('•'), "bullets are not read out");
    assert!(app.session().speaking);
    assert_eq!(app.session().flash, Some(Flash::Speaking));
}

#[test]
fn any_key_stops_the_reading_and_does_nothing_else() {
    for key in [Key::Right, Key::Esc, Key::Char('a'), Key::Char('q')] {
        let mut app = speaking_app();
        press_all(&mut app, &[Key::Char(' '), Key::Enter, Key::Char('a')]);
        assert_eq!(press(&mut app, key), vec![Effect::StopSpeaking], "{key:?}");
        assert!(!app.session().speaking);
        assert_eq!(topic_state(&app).page, 0, "{key:?}");
    }
}

#[test]
fn the_reset_stops_the_reading_and_a_finished_reading_needs_no_stop() {
    let mut app = speaking_app();
    press_all(&mut app, &[Key::Char(' '), Key::Enter, Key::Char('a')]);
    assert_eq!(send_at(&mut app, Duration::from_secs(200), Input::Wake), vec![Effect::StopSpeaking]);
    let mut finished = speaking_app();
    press_all(&mut finished, &[Key::Char(' '), Key::Enter, Key::Char('a')]);
    assert_eq!(send(&mut finished, Input::SpeechEnded), vec![]);
    assert!(!finished.session().speaking);
    assert_eq!(finished.session().flash, None);
}

#[test]
fn without_a_speech_command_a_says_so_and_no_hint_offers_it() {
    let mut app = bilingual(Settings::default());
    press(&mut app, Key::Enter);
    assert!(hints(&app).iter().all(|h| h.msg != kiosk_content::i18n::Msg::HintReadAloud));
    assert_eq!(press(&mut app, Key::Char('a')), vec![]);
    assert_eq!(app.session().flash, Some(Flash::SpeechNotSetUp));
}

fn themed(theme: ThemeName) -> Buffer {
    let mut app = bilingual(Settings { theme, ..Settings::default() });
    press_all(&mut app, &[Key::Enter, Key::Char('3')]);
    draw(&app)
}

/// Each row's styles as runs: where the style changes, and to what.
fn style_runs(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut runs = Vec::new();
        let mut start = 0;
        for x in 1..=buffer.area.width {
            let same = x < buffer.area.width && buffer[(x, y)].style() == buffer[(start, y)].style();
            if !same {
                let style = buffer[(start, y)].style();
                runs.push(format!(
                    "{start}-{}:{:?}/{:?}/{:?}",
                    x - 1,
                    style.fg,
                    style.bg,
                    style.add_modifier
                ));
                start = x;
            }
        }
        out.push_str(&format!("{y:2} {}\n", runs.join(" ")));
    }
    out
}

#[test]
fn default_theme_styles() {
    insta::assert_snapshot!(style_runs(&themed(ThemeName::Default)));
}

#[test]
fn high_contrast_theme_styles() {
    let buffer = themed(ThemeName::HighContrast);
    // Every cell is white, bright yellow or bright green on black, or black on light grey or
    // cyan (the console shows only 8 background colours).
    for cell in buffer.content() {
        let pair = (cell.fg, cell.bg);
        let allowed = [
            (Color::White, Color::Black),
            (Color::LightYellow, Color::Black),
            (Color::LightGreen, Color::Black),
            (Color::Black, Color::Gray),
            (Color::Black, Color::Cyan),
        ];
        assert!(allowed.contains(&pair), "{pair:?} at {:?}", cell.symbol());
    }
    insta::assert_snapshot!(style_runs(&buffer));
}

/// The page that says when to call 911 stands out in the list without looking chosen: in every
/// theme its row is neither reversed nor filled, and differs from the chosen row and from
/// ordinary rows; in colour, it is the only red on the screen.
#[test]
fn the_emergency_page_stands_out_in_the_list_without_looking_chosen() {
    for theme in [ThemeName::Default, ThemeName::HighContrast, ThemeName::Monochrome] {
        let mut app = bilingual(Settings { theme, ..Settings::default() });
        press(&mut app, Key::Enter);
        let buffer = draw(&app);
        let row_of = |wanted: &str| {
            (0..buffer.area.height)
                .find(|&y| (0..22).map(|x| buffer[(x, y)].symbol()).collect::<String>().contains(wanted))
                .unwrap_or_else(|| panic!("{wanted} in the list"))
        };
        let style_at = |y: u16| buffer[(4, y)].style();
        let (emergency, chosen, plain) =
            (style_at(row_of("! Call 911")), style_at(row_of("▶")), style_at(row_of("Tests")));
        assert!(!emergency.add_modifier.contains(Modifier::REVERSED), "{theme:?}: {emergency:?}");
        assert!(matches!(emergency.bg, Some(Color::Black | Color::Reset) | None), "{theme:?}: a fill");
        assert_ne!(emergency, chosen, "{theme:?}");
        assert_ne!(emergency, plain, "{theme:?}");
        if theme == ThemeName::Default {
            let red = buffer
                .content()
                .iter()
                .filter(|cell| cell.fg == Color::LightRed && !cell.symbol().trim().is_empty());
            let red: String = red.map(ratatui_core::buffer::Cell::symbol).collect();
            assert_eq!(red, "9!Call911", "{theme:?}: the row's number and name");
        }
    }
}

#[test]
fn monochrome_theme_styles() {
    let buffer = themed(ThemeName::Monochrome);
    assert!(
        buffer.content().iter().all(|cell| cell.fg == Color::Reset && cell.bg == Color::Reset),
        "no colour at all"
    );
    insta::assert_snapshot!(style_runs(&buffer));
}

#[test]
fn without_colour_the_chosen_tab_and_item_still_show() {
    let buffer = themed(ThemeName::Monochrome);
    let row: String = (0..22).map(|x| buffer[(x, 5)].symbol().to_owned()).collect();
    assert!(row.starts_with("▶ 3 Reasons not to"), "{row}");
    assert!(buffer[(5, 5)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn accents_wide_characters_and_emoji_wrap_and_line_up() {
    let mut topic: Topic = toml::from_str(&topic_toml("mixed", "混合 Mixed")).expect("valid");
    topic.summary = "Café crème: déjà vu. 手術の前に医師に相談してください。回復には時間がかかります。 Rest 🛏️ and drink 💧 water.".into();
    topic.sections[0].items =
        ["脊椎の骨が折れることがあります 🦴 that can hurt a lot", "Ñandú über naïve façade"]
            .into_iter()
            .collect();
    let mut app = App::new(
        Library::new(vec![topic]),
        kiosk_content::i18n::Catalog::english(),
        Settings::default(),
        (40, 16),
        t0(),
    );
    press(&mut app, Key::Enter);
    insta::assert_snapshot!("wide_overview", text(&draw(&app)));
    press(&mut app, Key::Right);
    insta::assert_snapshot!("wide_symptoms", text(&draw(&app)));
}

/// The Billing page says once that it is for staff: the catalog's intro, not a second one
/// from the topic file.
#[test]
fn the_billing_page_says_for_staff_once_in_each_language() {
    for (language, intro) in [("en", "For staff."), ("es", "Para el personal.")] {
        let mut app = bilingual(Settings { staff: true, language: language.into(), ..Settings::default() });
        app.start_at("vertebroplasty", kiosk_core::app::Page::Codes);
        let screen = screen_text(&app);
        assert_eq!(screen.matches(intro).count(), 1, "{language}:\n{screen}");
    }
}

/// At 80 columns, in either language, on a staff terminal that prints: the staff badge stands
/// apart from the language buttons, the Spanish footer keeps every key the English one shows,
/// and no page of the list is cut short with "…".
#[test]
fn at_80_columns_both_languages_keep_header_footer_and_page_names_whole() {
    let mut footers = Vec::new();
    for language in ["en", "es"] {
        let settings =
            Settings { staff: true, print_command: Some(vec!["lp".into()]), ..Settings::default() };
        let mut app = bilingual(settings);
        if language == "es" {
            press(&mut app, Key::Char('L'));
        }
        press(&mut app, Key::Enter);
        assert_eq!(app.language(), language);
        let catalog = app.catalog();
        let header = text(&draw(&app)).lines().next().expect("header").trim_end().to_owned();
        let badge = catalog.text(kiosk_content::i18n::Msg::StaffBadge);
        assert!(header.ends_with(badge), "{language}: {header}");
        let badge_at = header.chars().count() - badge.chars().count();
        let last_button = app.language_buttons().last().copied().expect("buttons");
        assert!(
            usize::from(last_button.right()) < badge_at,
            "{language}: the badge runs into the buttons: {header}"
        );
        let shown: Vec<_> = hint_areas(app.home_layout().chrome.footer, &hints(&app), catalog)
            .into_iter()
            .map(|(_, hint)| hint.msg)
            .collect();
        assert!(shown.contains(&kiosk_content::i18n::Msg::HintPrint), "{language}: {shown:?}");
        footers.push(shown);
        let (topic, _) = app.topic().expect("a topic");
        for page in app.pages() {
            let label = kiosk_core::app::page_label(topic, page, catalog);
            assert!(label.chars().count() <= 17, "{language}: “{label}” is cut in the list");
        }
    }
    assert_eq!(footers[0], footers[1], "the same keys in both languages");
}

/// The home list: each topic's category stands at the right of its title's row, not on a line
/// of its own that reads like a second subtitle, and a blank row separates the topics.
#[test]
fn home_entries_are_a_title_with_its_category_a_subtitle_and_a_gap() {
    let app = bilingual(Settings::default());
    let screen = text(&draw(&app));
    let rows: Vec<&str> = screen.lines().collect();
    let list = app.home_layout().list;
    for (n, topic) in app.home_topics().iter().enumerate() {
        let top = usize::from(list.y) + n * usize::from(kiosk_core::app::HOME_ENTRY_HEIGHT);
        assert!(
            rows[top].contains(&topic.title) && rows[top].trim_end().ends_with(&topic.category),
            "{}",
            rows[top]
        );
        assert!(rows[top + 1].contains(&topic.subtitle), "{}", rows[top + 1]);
        assert!(rows[top + 2].trim().is_empty(), "a gap, not {:?}", rows[top + 2]);
    }
}
