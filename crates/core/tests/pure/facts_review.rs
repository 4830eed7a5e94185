//! The clinical review of 2026-11-28 (`../shared/seed/FACTS.md`, "Corrections found in review"):
//! each finding is carried into both the English and the Spanish topic, and what it corrected
//! is gone from both.

use crate::common::vertebroplasty_library;
use kiosk_content::Lang;
use kiosk_content::{CodeSystem, SectionKind, Topic, find_deleted};

fn topic(language: &str) -> Topic {
    vertebroplasty_library().find("vertebroplasty", language).expect("bundled").clone()
}

/// Every word of the topic a reader or staff can see, one string.
fn all_text(topic: &Topic) -> String {
    topic.text_fields().into_iter().map(|(_, text)| text.replace(['\n'], " ") + "\n").collect()
}

/// (what the finding is, what the English topic must say, what the Spanish topic must say)
const PRESENT: &[(&str, &[&str], &[&str])] = &[
    (
        "both code families replaced in 2015, imaging codes bundled",
        &["22513 to 22515 replaced 22523 to 22525", "72291 and 72292 were bundled in"],
        &["22513 a 22515 reemplazaron a 22523 a 22525", "72291 y 72292 quedaron incluidos"],
    ),
    (
        "coverage depends on criteria and prior approval; ask the plan",
        &[
            "Whether your plan pays depends on its rules",
            "Some plans must approve it first",
            "Ask your health plan",
        ],
        &[
            "Que su plan lo pague depende de sus reglas",
            "Algunos planes tienen que aprobarlo antes",
            "Pregunte a su plan",
        ],
    ),
    (
        "real source titles, with a DOI or URL",
        &[
            "Risk factors of neurological deficit and pulmonary cement embolism after percutaneous vertebroplasty",
            "Pulmonary Embolism from Cement Augmentation of the Vertebral Body",
            "https://doi.org/10.1186/s13018-019-1459-4",
        ],
        &[
            "Risk factors of neurological deficit and pulmonary cement embolism after percutaneous vertebroplasty",
            "Pulmonary Embolism from Cement Augmentation of the Vertebral Body",
            "https://doi.org/10.1186/s13018-019-1459-4",
        ],
    ),
    (
        "cement near the spinal canal: 26 of 3,175, about 8 in 1,000",
        &["26 of 3,175 people, about 8 in 1,000"],
        &["26 de 3,175 personas, unas 8 de cada 1,000"],
    ),
    (
        "small amounts in the lungs are not rare, usually harmless, rarely serious",
        &["Small amounts of cement can travel to the lungs. This is not rare.", "rarely serious"],
        &[
            "Pequeñas cantidades de cemento pueden viajar a los pulmones. Esto no es raro.",
            "rara vez es grave",
        ],
    ),
    (
        "the evidence, with the reason: a pretend procedure helped too",
        &["pretend procedure", "People who had the pretend procedure often felt better too"],
        &["procedimiento simulado", "también se sintieron mejor"],
    ),
    (
        "who does it, and who is a good candidate",
        &["radiologist or a spine surgeon", "recent (weeks to months old)", "MRI or a bone scan"],
        &[
            "radiólogo o un cirujano de columna",
            "reciente (de semanas o meses)",
            "resonancia magnética o una gammagrafía ósea",
        ],
    ),
    (
        "medicines: never stopped unless the doctor says; blood thinners named",
        &[
            "Do not stop any medicine unless your doctor tells you to",
            "Warfarin",
            "So are aspirin and clopidogrel",
        ],
        &[
            "No deje de tomar ninguna medicina a menos que su médico se lo diga",
            "warfarina",
            "la aspirina o el clopidogrel",
            "anticoagulantes o antiplaquetarios",
        ],
    ),
    (
        "a recovery timeline: pain, driving, showering, work",
        &["less pain within hours", "Do not drive for 2 days", "before you shower", "go back to work"],
        &["menos dolor en pocas horas", "manejar durante 2 días", "días para ducharse", "volver al trabajo"],
    ),
    (
        "osteoporosis care afterwards",
        &["bone density test", "make your bones stronger", "prevent falls"],
        &["densidad de los huesos", "fortalecerlos", "evitar caídas"],
    ),
    (
        "many fractures heal over 6-12 weeks without a procedure; no height restored",
        &["6 to 12 weeks without any procedure", "does not make you taller again"],
        &["6 a 12 semanas sin ningún procedimiento", "No le devuelve la estatura"],
    ),
    (
        "jargon explained where first used",
        &[
            "IV (a thin tube in a vein)",
            "MRI scan (pictures made with a strong magnet)",
            "CT scan (detailed X-ray pictures)",
            "spinal cord (the bundle of nerves inside the spine)",
        ],
        &[
            "IV)",
            "resonancia magnética (imágenes hechas con un imán fuerte)",
            "tomografía (imágenes detalladas de rayos X)",
            "médula espinal (el grupo de nervios dentro de la columna)",
        ],
    ),
    (
        "lying face down can rarely crack a rib",
        &["lying face down during the treatment cracks a rib"],
        &["estar boca abajo durante el tratamiento rompe una costilla"],
    ),
    (
        "Spanish for US clinics: lo/la lleve, llame al 911",
        &["Call 911 right away"],
        &["que lo o la lleve", "Llame al 911"],
    ),
];

/// What the review found wrong, which neither topic may say any more.
const GONE: &[&str] = &[
    // The second review (2026-12-04): figures only the vendor page gave, a FAQ that
    // contradicted its own check, wrong answers nobody would believe, Spanish calques.
    "$5,000",
    "one to two weeks after",
    "una o dos semanas después",
    "No. Do not stop any medicine",
    "Blood thinners do not matter",
    "Los anticoagulantes no importan",
    "el bien que le puede hacer",
    "casi siempre",
    "Most insurance plans pay",
    "La mayoría de los seguros lo pagan",
    "These codes replaced 22520 to 22522",
    "Estos códigos reemplazaron a 22520–22522",
    "L29257",
    "7 in 1,000",
    "7 de cada 1000",
    "fake (sham)",
    "falso (simulado)",
    "le lleve",
    "Cement leakage into the spinal canal in a series",
    "Cement travelling to the lungs after vertebral augmentation",
    "$5000",
    "$15 000",
];

#[test]
fn every_review_finding_is_in_both_languages() {
    let (english, spanish) = (all_text(&topic("en")), all_text(&topic("es")));
    let mut missing = Vec::new();
    for (finding, in_english, in_spanish) in PRESENT {
        missing.extend(
            in_english.iter().filter(|p| !english.contains(**p)).map(|p| format!("{finding} (en): {p:?}")),
        );
        missing.extend(
            in_spanish.iter().filter(|p| !spanish.contains(**p)).map(|p| format!("{finding} (es): {p:?}")),
        );
    }
    for wrong in GONE {
        if english.contains(wrong) || spanish.contains(wrong) {
            missing.push(format!("still there: {wrong:?}"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn reasons_not_to_have_it_and_when_to_call_911_are_sections_of_their_own_in_both_languages() {
    for language in ["en", "es"] {
        let topic = topic(language);
        let kinds: Vec<SectionKind> = topic.sections.iter().map(|section| section.kind).collect();
        for kind in [SectionKind::Contraindications, SectionKind::Emergency, SectionKind::WarningSigns] {
            assert!(kinds.contains(&kind), "{language}: no {kind:?} section");
        }
        let indications =
            topic.sections.iter().find(|s| s.kind == SectionKind::Indications).expect("indications");
        assert!(!indications.items.iter().any(|item| item.contains("bleeding") || item.contains("sangrado")));
    }
}

#[test]
fn old_kyphoplasty_and_imaging_codes_are_known_as_deleted() {
    for (old, new) in [("22523", "22513"), ("22524", "22514"), ("22525", "22515")] {
        assert_eq!(find_deleted(CodeSystem::Cpt, old).expect("listed").replaced_by, [new]);
    }
    for imaging in ["72291", "72292"] {
        assert!(find_deleted(CodeSystem::Cpt, imaging).is_some());
    }
}

#[test]
fn every_source_is_findable_and_the_spanish_topic_keeps_english_titles_marked_as_english() {
    for language in ["en", "es"] {
        for source in &topic(language).sources {
            assert!(
                source.url.as_deref().is_some_and(|url| url.starts_with("https://")),
                "{language}: {source:?}"
            );
        }
    }
    assert!(topic("es").sources.iter().all(|source| source.language.as_deref() == Some("en")));
    let spanish = kiosk_content::i18n::Catalog::bundled("es").expect("Spanish");
    let shown = kiosk_core::wording::source_title(&topic("es").sources[0], &spanish);
    assert_eq!(shown, "Vertebroplasty — Mayo Clinic (idioma: English)");
}

#[test]
fn a_spanish_reader_takes_home_a_spanish_page() {
    assert!(
        topic("es").url.as_deref().is_some_and(|url| url.starts_with("https://es.")),
        "{:?}",
        topic("es").url
    );
    assert_ne!(topic("es").url, topic("en").url);
}

#[test]
fn the_spanish_interface_names_keys_as_us_keyboards_print_them() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/ui/es.toml"))
        .expect("es.toml");
    for key in ["PgUp PgDn", "Home End", "Backspace", "Enter", "\"Mouse\""] {
        assert!(text.contains(key), "no {key:?}");
    }
    for spain in ["Pulse", "pulse ", "RePág", "AvPág", "Retroceso", "Ratón"] {
        assert!(!text.contains(spain), "still {spain:?}");
    }
    assert!(text.contains("Oprima cualquier tecla"));
}

#[test]
fn the_questions_page_keeps_the_language_key_in_both_languages() {
    use crate::common::{press, screen_text, t0};
    use kiosk_core::app::{App, Key, Settings};
    let languages = vec![Lang::from("en"), Lang::from("es")];
    let (catalogs, _) = kiosk_content::i18n::Catalogs::bundled(&languages);
    for switch in [false, true] {
        let settings = Settings { languages: languages.clone(), ..Settings::default() };
        let mut app = App::new(vertebroplasty_library(), catalogs.clone(), settings, (80, 24), t0());
        if switch {
            press(&mut app, Key::Char('L'));
        }
        press(&mut app, Key::Enter);
        while app.page_lines().iter().all(|line| !line.text().contains("Enter")) {
            press(&mut app, Key::Right);
        }
        let footer = screen_text(&app).lines().last().unwrap_or_default().to_owned();
        assert!(footer.contains(if switch { "L Idioma" } else { "L Language" }), "{footer}");
    }
}

/// Issue 14: "call 911" is the first after-care page, marked without colour on screen and
/// in every export.
#[test]
fn the_emergency_page_comes_first_after_the_procedure_marked_on_screen_and_in_every_export() {
    use kiosk_core::app::{Page, is_urgent, pages};
    use kiosk_core::handout::{Format, Handout};
    for language in ["en", "es"] {
        let topic = topic(language);
        let shown = pages(&topic, false, true);
        let kind_at = |page: &Page| match page {
            Page::Section(index) => Some(topic.sections[*index].kind),
            _ => None,
        };
        let emergency =
            shown.iter().position(|page| kind_at(page) == Some(SectionKind::Emergency)).expect("shown");
        let after_care = [SectionKind::Recovery, SectionKind::HomeCare, SectionKind::WarningSigns];
        let first_after_care = shown
            .iter()
            .position(|page| kind_at(page).is_some_and(|kind| after_care.contains(&kind)))
            .expect("after-care");
        assert!(
            emergency < first_after_care,
            "{language}: emergency at {emergency}, after-care from {first_after_care}"
        );
        assert!(is_urgent(&topic, shown[emergency]));
        let catalog = kiosk_content::i18n::Catalog::bundled(language).expect("catalog");
        let handout = Handout::new(&topic, &catalog, "");
        let mark =
            if language == "en" { "! Call 911 right away if" } else { "! Llame al 911 de inmediato si" };
        for format in [Format::Text, Format::Markdown, Format::Html] {
            let out = handout.render(format);
            // In HTML the box marks it, not a "!" in the heading.
            let mark = match format {
                Format::Html => format!("<section class=\"urgent\">\n<h2>{}", &mark[2..]),
                _ => mark.to_owned(),
            };
            let at = out.find(&mark).unwrap_or_else(|| panic!("{language} {format:?}: no {mark:?}"));
            let recovery = if language == "en" { "Recovery" } else { "Recuperación" };
            let recovery_at = out[at..].find(recovery).map(|i| i + at);
            assert!(recovery_at.is_some(), "{language} {format:?}: the emergency comes before recovery");
        }
        assert!(handout.render(Format::Html).contains("<section class=\"urgent\">"));
    }
}
