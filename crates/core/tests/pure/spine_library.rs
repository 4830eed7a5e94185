//! The spine library bundled beside vertebroplasty (issue 14): kyphoplasty, vertebral
//! compression fracture and osteoporosis, in English and Spanish, drafts, linked to each other,
//! each with questions, three checks, sources a reader can find, and "call 911" first among
//! the after-care pages wherever it has one.

use crate::common::*;
use kiosk_content::Lang;
use kiosk_content::i18n::Catalog;
use kiosk_content::{Page, ReviewStatus, SectionKind, Topic, load_bundled};
use kiosk_core::app::{App, Input, Key, Settings, is_urgent, pages};
use kiosk_core::handout::{Format, Handout};

const LIBRARY: [&str; 4] =
    ["vertebroplasty", "kyphoplasty", "vertebral-compression-fracture", "osteoporosis"];

fn every_topic() -> Vec<Topic> {
    load_bundled().library.into_topics()
}

#[test]
fn the_library_is_bundled_in_both_languages_as_drafts_linked_to_each_other() {
    let topics = every_topic();
    for id in LIBRARY {
        for language in ["en", "es"] {
            let topic = topics
                .iter()
                .find(|t| t.id == id && t.language == language)
                .unwrap_or_else(|| panic!("{id} ({language}) is bundled"));
            assert_eq!(topic.review.status, ReviewStatus::Draft, "{id} ({language}) has not been reviewed");
            // Every other topic of the library is related, and each link opens a topic.
            let mut related = topic.related.clone();
            related.sort();
            let mut others: Vec<String> =
                LIBRARY.iter().filter(|o| **o != id).map(std::string::ToString::to_string).collect();
            others.sort();
            assert_eq!(related, others, "{id} ({language})");
        }
    }
}

#[test]
fn every_topic_has_questions_three_checks_and_sources_a_reader_can_find() {
    for topic in every_topic() {
        let name = format!("{} ({})", topic.id, topic.language);
        let questions = topic.sections.iter().find(|s| s.kind == SectionKind::Questions);
        assert!(questions.is_some_and(|s| s.items.len() >= 5), "{name}: questions to ask");
        assert!(topic.teach_back.len() >= 3, "{name}: three checks or more");
        // Every topic teaches when to call 911 and when to call the care team.
        let asks_where_to_call =
            topic.teach_back.iter().any(|check| check.answers.iter().any(|a| a.contains("911")));
        assert!(asks_where_to_call, "{name}: a check asks 911 or the care team");
        assert!(topic.sources.len() >= 3, "{name}: sources");
        for source in &topic.sources {
            let url = source.url.as_deref().unwrap_or_default();
            assert!(url.starts_with("http://") || url.starts_with("https://"), "{name}: {}", source.title);
        }
        assert!(
            topic.url.as_deref().is_some_and(|url| url.starts_with("http")),
            "{name}: a page to take home"
        );
    }
}

/// "Call 911" is the first after-care page on screen and comes before recovery in every
/// export, in every bundled topic that has one; the procedures all have one.
#[test]
fn call_911_comes_first_among_the_after_care_pages_on_screen_and_in_every_export() {
    let after_care = [SectionKind::Recovery, SectionKind::HomeCare, SectionKind::WarningSigns];
    let mut checked = 0;
    for topic in every_topic() {
        let name = format!("{} ({})", topic.id, topic.language);
        let is_procedure = topic.sections.iter().any(|s| s.kind == SectionKind::Procedure);
        let has_emergency = topic.sections.iter().any(|s| s.kind == SectionKind::Emergency);
        assert!(!is_procedure || has_emergency, "{name}: a procedure says when to call 911");
        if !has_emergency {
            continue;
        }
        let shown = pages(&topic, false, true);
        let kind_at = |page: &Page| match page {
            Page::Section(index) => Some(topic.sections[*index].kind),
            _ => None,
        };
        let emergency = shown.iter().position(|p| kind_at(p) == Some(SectionKind::Emergency)).expect("shown");
        let first_after_care = shown
            .iter()
            .position(|p| kind_at(p).is_some_and(|k| after_care.contains(&k)))
            .expect("after care");
        assert!(emergency < first_after_care, "{name}");
        assert!(is_urgent(&topic, shown[emergency]), "{name}");
        let catalog = Catalog::bundled(&topic.language).expect("catalog");
        let handout = Handout::new(&topic, &catalog, "");
        let (mark, recovery) = match topic.language.as_str() {
            "en" => ("! Call 911 right away if", "Recovery"),
            _ => ("! Llame al 911 de inmediato si", "Recuperación"),
        };
        for format in [Format::Text, Format::Markdown, Format::Html] {
            let out = handout.render(format);
            // In HTML the box marks it, not a "!" in the heading.
            let mark = match format {
                Format::Html => format!("<section class=\"urgent\">\n<h2>{}", &mark[2..]),
                _ => mark.to_owned(),
            };
            let at = out.find(&mark).unwrap_or_else(|| panic!("{name} {format:?}: no {mark:?}"));
            assert!(out[at..].contains(recovery), "{name} {format:?}: call 911 before recovery");
        }
        checked += 1;
    }
    assert!(checked >= 6, "vertebroplasty, kyphoplasty and the fracture, in two languages: {checked}");
}

/// From the first topic a reader reaches every other one of the library through the related
/// pages, in both languages.
#[test]
fn a_reader_walks_the_whole_library_through_related_pages() {
    for language in ["en", "es"] {
        let languages = vec![Lang::from("en"), Lang::from("es")];
        let (catalogs, _) = kiosk_content::i18n::Catalogs::bundled(&languages);
        let settings = Settings { languages, language: Lang::from(language), ..Settings::default() };
        let mut app = App::new(load_bundled().library, catalogs, settings, (80, 24), t0());
        press(&mut app, Key::Enter);
        let mut seen = Vec::new();
        for _ in 0..LIBRARY.len() {
            let (topic, _) = app.topic().expect("a topic is open");
            seen.push(topic.id.clone());
            let next = app.related_topics(topic).iter().position(|t| !seen.contains(&t.id));
            // To the related page, then the first topic not yet read.
            while app.topic().is_some_and(|(_, state)| app.pages()[state.page] != Page::Related) {
                press(&mut app, Key::Right);
            }
            let Some(next) = next else { break };
            press_all(&mut app, &vec![Key::Down; next]);
            send(&mut app, Input::Key(Key::Enter));
        }
        seen.sort();
        let mut all: Vec<String> = LIBRARY.iter().map(std::string::ToString::to_string).collect();
        all.sort();
        assert_eq!(seen, all, "{language}: every topic reached through related pages");
    }
}

/// The one-page take-home says what to do: for a procedure, getting ready and after it; for a
/// condition, care at home and prevention.
#[test]
fn the_one_page_take_home_of_a_condition_keeps_care_at_home_and_prevention() {
    use std::collections::BTreeSet;
    let kinds = |id: &str| {
        let library = load_bundled().library;
        let topic = library.find(id, "en").expect("bundled").clone();
        let handout = Handout::summary_for_reader(&topic, &Catalog::english(), "", None, &BTreeSet::new());
        handout.sections.iter().map(|section| section.kind).collect::<Vec<_>>()
    };
    assert!(kinds("kyphoplasty").contains(&SectionKind::Preparation));
    assert!(kinds("kyphoplasty").contains(&SectionKind::Recovery));
    let fracture = kinds("vertebral-compression-fracture");
    assert!(
        fracture.contains(&SectionKind::HomeCare) && fracture.contains(&SectionKind::Emergency),
        "{fracture:?}"
    );
    assert!(kinds("osteoporosis").contains(&SectionKind::Prevention));
}

/// The one-page take-home says how to reach the care team after hours: the configured number,
/// in the reader's language, or a line to write it on.
#[test]
fn the_one_page_take_home_gives_the_care_teams_phone_or_a_line_for_it() {
    use std::collections::BTreeSet;
    let library = load_bundled().library;
    let call_section = |language: &str, phone: Option<&str>| {
        let topic = library.find("vertebroplasty", language).expect("bundled");
        let catalog = Catalog::bundled(language).expect("catalog");
        let handout = Handout::summary_for_reader(topic, &catalog, "", phone, &BTreeSet::new());
        let section =
            handout.sections.into_iter().find(|s| s.kind == SectionKind::WarningSigns).expect("care team");
        section.paragraphs[0].clone()
    };
    assert_eq!(
        call_section("en", Some("(555) 010-0100")),
        "Your care team's phone, day or night: (555) 010-0100"
    );
    assert_eq!(call_section("en", None), "Your care team's phone, day or night: ____________________");
    assert_eq!(
        call_section("es", Some("(555) 010-0100")),
        "Teléfono de su equipo, de día o de noche: (555) 010-0100"
    );
}
