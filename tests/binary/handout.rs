//! Handouts: the text and Markdown as reviewed snapshots, the HTML through a real HTML parser,
//! and `patient-kiosk export` through the binary.

use std::process::Command;

use crate::common::*;
use html5gum::{Token, Tokenizer};
use kiosk_content::i18n::Catalog;
use kiosk_content::{Topic, load_bundled};
use kiosk_core::handout::{Format, Handout, TEXT_WIDTH};
use unicode_width::UnicodeWidthStr;

fn bundled_handout(clinic: &str) -> Handout {
    let library = load_bundled().library;
    let topic = library.find("vertebroplasty", "en").expect("bundled topic");
    Handout::new(topic, &Catalog::english(), clinic)
}

#[test]
fn text_handout() {
    insta::assert_snapshot!(bundled_handout("Riverside Spine Clinic").render(Format::Text));
}

#[test]
fn markdown_handout() {
    insta::assert_snapshot!(bundled_handout("Riverside Spine Clinic").render(Format::Markdown));
}

#[test]
fn the_text_handout_is_wrapped_to_72_columns() {
    let text = bundled_handout("").render(Format::Text);
    for line in text.lines() {
        assert!(line.width() <= TEXT_WIDTH, "{} columns: {line}", line.width());
    }
}

#[test]
fn a_handout_has_every_patient_section_the_faq_review_status_and_sources_but_no_staff_text() {
    let text = bundled_handout("Riverside Spine Clinic").render(Format::Text);
    for expected in [
        "Patient education from Riverside Spine Clinic",
        "Draft: not yet reviewed by a clinician.",
        "When it is used",
        "Call 911 right away if",
        "Call your care team if",
        "Risks and complications",
        "Cost and insurance",
        "Will I need someone to drive me home?",
        "A randomized trial of vertebroplasty",
        "Read this page online",
        "https://www.mayoclinic.org/",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
    for staff_only in ["22511", "modifier", "Billing"] {
        assert!(!text.contains(staff_only), "staff-only {staff_only:?} in a handout");
    }
}

struct Parsed {
    errors: Vec<String>,
    tags: Vec<String>,
    text: String,
    attributes: Vec<(String, String)>,
}

fn parse(html: &str) -> Parsed {
    let mut parsed =
        Parsed { errors: Vec::new(), tags: Vec::new(), text: String::new(), attributes: Vec::new() };
    for token in Tokenizer::new(html).flatten() {
        match token {
            Token::StartTag(tag) => {
                parsed.tags.push(String::from_utf8_lossy(&tag.name).into_owned());
                for (name, value) in &tag.attributes {
                    let pair = (
                        String::from_utf8_lossy(name).into_owned(),
                        String::from_utf8_lossy(value).into_owned(),
                    );
                    parsed.attributes.push(pair);
                }
            }
            Token::String(text) => parsed.text.push_str(&String::from_utf8_lossy(&text)),
            Token::Error(error) => parsed.errors.push(format!("{error:?}")),
            _ => {}
        }
    }
    parsed
}

#[test]
fn the_html_handout_parses_and_holds_every_section() {
    let handout = bundled_handout("Riverside Spine Clinic");
    let html = handout.render(Format::Html);
    let parsed = parse(&html);
    assert_eq!(parsed.errors, Vec::<String>::new());
    for section in &handout.sections {
        assert!(parsed.text.contains(&section.title), "missing section {:?}", section.title);
        for item in &section.items {
            assert!(parsed.text.contains(item.as_str()), "missing item {item:?}");
        }
    }
    for (question, answer) in &handout.faq {
        assert!(parsed.text.contains(question.as_str()) && parsed.text.contains(answer.as_str()));
    }
    assert!(parsed.text.contains("Draft: not yet reviewed by a clinician."));
    assert_eq!(parsed.tags.iter().filter(|t| *t == "h2").count(), handout.sections.len() + 3);
}

#[test]
fn the_html_handout_is_self_contained_and_made_for_print() {
    let html = bundled_handout("").render(Format::Html);
    let parsed = parse(&html);
    for tag in ["script", "link", "img", "iframe", "object", "embed"] {
        assert!(!parsed.tags.contains(&tag.to_owned()), "<{tag}> in a self-contained handout");
    }
    // Links lead elsewhere when followed; nothing is loaded from anywhere.
    for (name, value) in &parsed.attributes {
        assert!(!(name == "src" && value.contains("://")), "{name}={value}");
    }
    assert!(parsed.tags.contains(&"svg".to_owned()), "the QR code is an inline SVG");
    assert!(html.contains("@page"), "print page set-up");
    assert!(html.contains("break-after: avoid"), "a heading stays with its first lines");
    assert!(html.contains(".urgent") && html.contains("break-inside: avoid"), "the 911 box is whole");
}

/// For a reader on a phone or with a screen reader: every address a real link, the code a
/// named picture, the questions a list of boxes, a viewport, the 911 heading without a "!" of
/// text (its box carries it), and where to read it online after the content.
#[test]
fn the_html_handout_links_names_and_orders_what_it_shows() {
    let handout = bundled_handout("Riverside Spine Clinic");
    let html = handout.render(Format::Html);
    let parsed = parse(&html);
    let value_of = |wanted: &str| -> Vec<&str> {
        parsed.attributes.iter().filter(|(name, _)| name == wanted).map(|(_, value)| value.as_str()).collect()
    };
    let hrefs = value_of("href");
    for url in handout.sources.iter().filter_map(|(_, url)| url.as_deref()) {
        assert!(hrefs.contains(&url), "{url} is not a link");
    }
    let online = handout.online.as_ref().expect("a web address");
    assert!(hrefs.contains(&online.url.as_str()));
    assert_eq!(value_of("role"), ["img"]);
    assert_eq!(value_of("aria-label"), [format!("QR code: {}", online.url).as_str()]);
    let questions = handout.sections.iter().find(|s| s.kind == kiosk_content::SectionKind::Questions);
    let boxes = value_of("type").iter().filter(|kind| **kind == "checkbox").count();
    assert_eq!(boxes, questions.expect("questions").items.len());
    assert!(value_of("name").contains(&"viewport"));
    assert!(html.contains("<h2>Call 911 right away if</h2>"), "no \"!\" in the heading");
    let online_at = parsed.text.find(&online.title).expect("online");
    let last_section = handout.sections.last().expect("sections");
    assert!(parsed.text.find(&last_section.title).expect("last section") < online_at);
    assert!(parsed.text.find(&handout.sources_title).expect("sources") < online_at);
}

#[test]
fn content_cannot_inject_html() {
    let mut topic: Topic = toml::from_str(&topic_toml("evil", "Evil")).expect("valid");
    topic.title = "<script>alert(1)</script>".into();
    topic.faq[0].answer = "a \" b ' c & <img src=x onerror=alert(1)>".into();
    let html = Handout::new(&topic, &Catalog::english(), "").render(Format::Html);
    let parsed = parse(&html);
    assert!(!parsed.tags.contains(&"script".to_owned()));
    assert!(!parsed.tags.contains(&"img".to_owned()));
    assert!(parsed.text.contains("<script>alert(1)</script>"), "shown as text");
}

fn kiosk(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run patient-kiosk")
}

#[test]
fn export_writes_each_format_to_standard_output_or_a_file() {
    let text = kiosk(&["export", "vertebroplasty", "--format", "text"]);
    assert_eq!(text.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&text.stdout), bundled_handout("").render(Format::Text));

    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("handout.html");
    let html = kiosk(&["export", "vertebroplasty", "--format", "html", "-o", file.to_str().expect("UTF-8")]);
    assert_eq!(html.status.code(), Some(0));
    assert!(html.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&file).expect("written"), bundled_handout("").render(Format::Html));

    let markdown = kiosk(&["export", "vertebroplasty", "--format", "markdown"]);
    assert!(
        String::from_utf8_lossy(&markdown.stdout).starts_with("*Patient Education*\n\n# Vertebroplasty\n")
    );
}

#[test]
fn export_uses_the_clinic_name_from_the_configuration() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "clinic_name = \"Riverside Spine Clinic\"\n").expect("write");
    let out =
        kiosk(&["export", "vertebroplasty", "--format", "text", "--config", config.to_str().expect("UTF-8")]);
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("Patient education from Riverside Spine Clinic\n")
    );
}

#[test]
fn exporting_an_unknown_topic_is_a_clear_message() {
    let out = kiosk(&["export", "knee", "--format", "text"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "patient-kiosk: there is no topic `knee`; `patient-kiosk list` shows the topics\n"
    );
}

/// Text that Markdown would read as markup if it were not escaped.
const LOOKS_LIKE_MARKUP: &[&str] = &[
    "1986. The year the method was first described.",
    "2) A second point",
    "Use &amp; and &lt; as written, & alone too.",
    "~~Not struck~~ and ~one~ tilde",
    "*Not emphasis* and _not either_ and **not strong**",
    "# Not a heading",
    "- Not a list",
    "+ Not a list either",
    "> Not a quote",
    "<b>Not HTML</b> <!-- nor a comment -->",
    "[Not a link](https://example.org) ![nor an image](x.png)",
    "`Not code` and a \\ backslash",
    "| Not | a | table |",
    "=== not a heading rule",
    "Costs $5 to $10, not $math$",
    "[ ] not a task and [^1] not a footnote",
];

/// Each paragraph, heading and item of `markdown` as a CommonMark parser (with GitHub's
/// extensions) reads it, and whatever markup it found besides.
fn read_markdown(markdown: &str) -> (Vec<String>, Vec<String>) {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let options = Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM;
    let (mut blocks, mut markup, mut current) = (Vec::new(), Vec::new(), String::new());
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(text) | Event::Code(text) => current.push_str(&text),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                blocks.push(std::mem::take(&mut current));
            }
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::List(_))
            | Event::End(TagEnd::List(_)) => {}
            other => markup.push(format!("{other:?}")),
        }
    }
    (blocks, markup)
}

#[test]
fn markdown_shows_text_that_looks_like_markup_as_written() {
    let mut text = topic_toml("knee", "Knee & *hip*");
    text.push_str(&format!(
        "[[sections]]\nkind = \"overview\"\nintro = {:?}\nitems = {:?}\n",
        LOOKS_LIKE_MARKUP.join("\n\n"),
        LOOKS_LIKE_MARKUP
    ));
    let topic: Topic = toml::from_str(&text).expect("topic");
    let markdown = Handout::new(&topic, &Catalog::english(), "").render(Format::Markdown);
    let (blocks, markup) = read_markdown(&markdown);
    for written in LOOKS_LIKE_MARKUP {
        let shown = blocks.iter().filter(|block| block == written).count();
        assert_eq!(
            shown, 2,
            "{written:?} as a paragraph and as an item, in:\n{markdown}\nread as {blocks:#?}"
        );
    }
    assert!(blocks.iter().any(|block| block == "Knee & *hip*"), "{blocks:#?}");
    // The handout's own markup only: the "from" line's emphasis, the review in bold.
    for found in &markup {
        assert!(
            [
                "Start(Emphasis)",
                "End(Emphasis)",
                "Start(Strong)",
                "End(Strong)",
                "Start(BlockQuote",
                "End(BlockQuote"
            ]
            .iter()
            .any(|own| found.starts_with(own)),
            "{found}"
        );
    }
}
