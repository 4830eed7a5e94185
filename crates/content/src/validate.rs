//! Checks on a topic that its file's syntax cannot express: safe text, required parts, names.

use std::collections::HashSet;

use super::console::{console_stand_in, in_stock_console_font};
use super::diagnostic::{Severity, printable};
use super::field_path::FieldPath;
use super::model::{Audience, ReviewStatus, SectionKind, Topic};
use super::text_safety::{is_bidi_control, unsafe_character};

/// One problem found in a topic, named by the path of the value it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The value the problem is about.
    pub path: FieldPath,
    /// Whether the topic must be skipped.
    pub severity: Severity,
    /// The kind of problem, as in [`super::Diagnostic::code`].
    pub code: &'static str,
    /// What is wrong, in one line.
    pub message: String,
    /// How to fix it, when there is more to say.
    pub hint: Option<String>,
}

impl Finding {
    /// An error about the value at `path`.
    pub fn error(path: FieldPath, code: &'static str, message: impl Into<String>) -> Finding {
        Finding { path, severity: Severity::Error, code, message: message.into(), hint: None }
    }

    /// A warning about the value at `path`.
    pub fn warning(path: FieldPath, code: &'static str, message: impl Into<String>) -> Finding {
        Finding { path, severity: Severity::Warning, code, message: message.into(), hint: None }
    }

    /// The same finding, with a hint on how to fix it.
    pub fn hint(self, hint: impl Into<String>) -> Finding {
        Finding { hint: Some(hint.into()), ..self }
    }
}

/// Every problem in a parsed topic, in the order of the checks.
pub fn check_topic(topic: &Topic) -> Vec<Finding> {
    let mut findings = Vec::new();
    // Every text value with its path, made once for the checks that read all text.
    let text_fields = topic.text_fields();
    check_text_is_safe(&text_fields, &mut findings);
    check_names(topic, &mut findings);
    check_required_text(topic, &mut findings);
    check_sections(topic, &mut findings);
    check_review(topic, &mut findings);
    check_sources(topic, &mut findings);
    check_checks(topic, &mut findings);
    check_console_characters(topic, &text_fields, &mut findings);
    check_urls(&text_fields, &mut findings);
    check_take_home_page(topic.url.as_deref(), &mut findings);
    for (n, id) in topic.related.iter().enumerate() {
        let at = FieldPath::root().key("related").index(n);
        if id == &topic.id {
            findings.push(Finding::error(at, "related", "a topic is not related to itself"));
        } else if topic.related[..n].contains(id) {
            let message = format!("`related` names `{id}` twice; it is listed once");
            findings.push(Finding::warning(at, "related", message).hint("take out the second one"));
        }
    }
    findings
}

/// Each check: two to four answers, one of them right, and a page of this topic that says it.
fn check_checks(topic: &Topic, findings: &mut Vec<Finding>) {
    for (n, check) in topic.teach_back.iter().enumerate() {
        let at = FieldPath::root().key("check").index(n);
        let count = check.answers.len();
        if !(2..=4).contains(&count) {
            findings.push(Finding::error(
                at.key("answers"),
                "check-answers",
                format!("a check has 2 to 4 answers; this one has {count}"),
            ));
        }
        if check.right == 0 || check.right > count {
            findings.push(
                Finding::error(
                    at.key("right"),
                    "check-right",
                    format!("`right = {}` names no answer: there are {count}", check.right),
                )
                .hint("count the answers from 1: `right = 2` is the second"),
            );
        }
        let shown = match check.page.as_str() {
            "faq" => !topic.faq.is_empty(),
            name => SectionKind::from_name(name)
                .is_some_and(|kind| topic.sections.iter().any(|s| s.kind == kind && s.for_patients())),
        };
        if !shown {
            findings.push(
                Finding::error(
                    at.key("page"),
                    "check-page",
                    format!("`page = \"{}\"`: the topic has no such page for patients to read", check.page),
                )
                .hint("name a section kind this topic has, such as \"preparation\", or \"faq\""),
            );
        }
    }
}

/// Patient text the Linux console's stock fonts cannot draw: the kiosk on tty1 shows a
/// stand-in (a plain hyphen for a dash) or, for some characters, a meaningless mark. One
/// warning per value, naming its first such character. Source titles are left alone: they are
/// copied exactly from the source.
fn check_console_characters(topic: &Topic, text_fields: &[(FieldPath, &str)], findings: &mut Vec<Finding>) {
    let staff_only: Vec<String> = (topic.sections.iter().enumerate())
        .filter(|(_, section)| !section.for_patients())
        .map(|(n, _)| format!("{}.", FieldPath::root().key("sections").index(n)))
        .collect();
    for (path, text) in text_fields {
        // Most text is plain ASCII, in every font: passed over a byte at a time, where a
        // character counts as one.
        let plain = text.bytes().take_while(|b| b.is_ascii_graphic() || b.is_ascii_whitespace()).count();
        let rest = text[plain..].chars().enumerate();
        let Some((index, c)) =
            rest.map(|(n, c)| (plain + n, c)).find(|(_, c)| !c.is_whitespace() && !in_stock_console_font(*c))
        else {
            continue;
        };
        let shown = path.to_string();
        // A field's path (`sources[0].title`), not a file name.
        #[allow(clippy::case_sensitive_file_extension_comparisons)]
        let exact_copy = shown.starts_with("sources[") && shown.ends_with(".title");
        // Unsafe text is an error of its own (check_text_is_safe).
        if unsafe_character(text).is_some()
            || shown == "id"
            || shown.ends_with("url")
            || exact_copy
            || staff_only.iter().any(|p| shown.starts_with(p.as_str()))
        {
            continue;
        }
        let instead = match console_stand_in(c, in_stock_console_font) {
            Some(stand_in) => format!("shows `{stand_in}` instead"),
            None => "shows `?` instead".to_owned(),
        };
        findings.push(
            Finding::warning(
                path.clone(),
                "console-character",
                format!(
                    "`{c}` (U+{:04X}, character {}) is not in the Linux console's stock fonts: a kiosk \
                     on the console {instead}",
                    c as u32,
                    index + 1
                ),
            )
            .hint(format!(
                "write it with the keyboard's own characters{}",
                match c {
                    '\u{2014}' | '\u{2013}' => ": a hyphen, a colon or a new sentence",
                    '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' => ": straight quotes",
                    '\u{2026}' => ": three dots",
                    _ => "",
                }
            )),
        );
    }
}

/// Every address a reader is sent to (the take-home page, each source) is a web page: `https:`,
/// or `http:` with a warning. Anything else — `javascript:`, `data:`, `file:` — would run or
/// open something on the device that follows it; a space or one of `<>"` would end the address
/// early where a handout quotes it.
fn check_urls(text_fields: &[(FieldPath, &str)], findings: &mut Vec<Finding>) {
    for (path, url) in text_fields.iter().filter(|(path, _)| path.ends_with_key("url")) {
        let lower = url.trim_start().get(..8).unwrap_or_default().to_ascii_lowercase();
        let odd = url.chars().find(|c| c.is_whitespace() || c.is_control() || "<>\"`".contains(*c));
        if !lower.starts_with("https://") && !lower.starts_with("http://") {
            let scheme = url.split_once(':').map_or(url.as_ref(), |(scheme, _)| scheme);
            findings.push(
                Finding::error(
                    path.clone(),
                    "url",
                    format!(
                        "`{}` is not a web address: only https:// addresses are allowed",
                        printable(scheme)
                    ),
                )
                .hint("write the page's address as `url = \"https://…\"`"),
            );
        } else if let Some(c) = odd {
            findings.push(Finding::error(
                path.clone(),
                "url",
                format!(
                    "the address holds `{}` (U+{:04X}), which no web address has",
                    printable(&c.to_string()),
                    c as u32
                ),
            ));
        } else if lower.starts_with("http://") {
            findings.push(
                Finding::warning(
                    path.clone(),
                    "url",
                    "a plain http:// address: the page can be changed on its way",
                )
                .hint("use the https:// address of the same page"),
            );
        }
    }
}

/// Words in an address's path that mark a page for booking a visit, not for learning: the code
/// a patient scans at the kiosk must lead to a page that teaches the procedure.
const BOOKING_WORDS: [&str; 3] = ["appointment", "booking", "schedul"];

/// The take-home page (the topic's `url`) is a patient-education page, not a booking page.
fn check_take_home_page(url: Option<&str>, findings: &mut Vec<Finding>) {
    let Some(url) = url else { return };
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or_default().to_ascii_lowercase();
    let Some(segment) =
        path.split('/').skip(1).find(|segment| BOOKING_WORDS.iter().any(|word| segment.contains(word)))
    else {
        return;
    };
    findings.push(
        Finding::warning(
            FieldPath::root().key("url"),
            "take-home-page",
            format!(
                "the page to read at home looks like a booking page (`/{}/`): a patient who scans \
                 the code needs a page that explains the procedure",
                printable(segment)
            ),
        )
        .hint("link a patient-education page about the procedure, such as one of the topic's sources"),
    );
}

/// Every source must be findable: a web address or a DOI; its language a real tag.
fn check_sources(topic: &Topic, findings: &mut Vec<Finding>) {
    for (n, source) in topic.sources.iter().enumerate() {
        let at = FieldPath::root().key("sources").index(n);
        if source.url.as_deref().is_none_or(|url| url.trim().is_empty()) {
            findings.push(
                Finding::warning(
                    at.key("title"),
                    "source-without-link",
                    format!("the source “{}” has no `url`: a reader cannot find it", source.title),
                )
                .hint("add `url = \"https://…\"`, or its DOI as `url = \"https://doi.org/10.…\"`"),
            );
        }
        if let Some(language) = &source.language
            && !is_valid_language_tag(language)
        {
            findings.push(Finding::error(
                at.key("language"),
                "bad-language",
                format!("`{language}` is not a language tag; write one like `en` or `es`"),
            ));
        }
    }
}

fn check_text_is_safe(text_fields: &[(FieldPath, &str)], findings: &mut Vec<Finding>) {
    for (path, text) in text_fields {
        if let Some((index, c)) = unsafe_character(text) {
            let what =
                if is_bidi_control(c) { "a bidirectional control character" } else { "a control character" };
            findings.push(Finding::error(
                path.clone(),
                "unsafe-text",
                format!(
                    "`{path}` holds {what} (U+{:04X}) at character {}; text may not contain control \
                     characters other than a new line",
                    c as u32,
                    index + 1
                ),
            ));
        }
    }
}

/// Whether `id` is lowercase letters, digits and single hyphens between them.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Whether `tag` has the shape of a BCP 47 language tag: a 2–3 letter language, then
/// subtags of 1–8 letters or digits (`en`, `es-MX`, `zh-Hant`).
pub fn is_valid_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|part| (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn check_names(topic: &Topic, findings: &mut Vec<Finding>) {
    let root = FieldPath::root();
    if !is_valid_id(&topic.id) {
        findings.push(Finding::error(
            root.key("id"),
            "bad-id",
            format!("`id` must be lowercase letters, digits and single '-' between them, like \"knee-replacement\" (found {:?})", topic.id),
        ));
    }
    if !is_valid_language_tag(&topic.language) {
        findings.push(Finding::error(
            root.key("language"),
            "bad-language",
            format!(
                "`language` must be a language tag such as \"en\", \"es\" or \"es-MX\" (found {:?})",
                topic.language
            ),
        ));
    }
}

fn check_required_text(topic: &Topic, findings: &mut Vec<Finding>) {
    let root = FieldPath::root();
    for (key, text) in [("title", &topic.title), ("summary", &topic.summary)] {
        if text.trim().is_empty() {
            findings.push(Finding::error(root.key(key), "empty-text", format!("`{key}` is empty")));
        }
    }
    for (n, code) in topic.codes.iter().enumerate() {
        let at = root.key("codes").index(n);
        if code.code.trim().is_empty() {
            findings.push(Finding::error(at.key("code"), "empty-code", "the code is empty"));
        }
        if let Some(deleted) = super::find_deleted(code.system, &code.code) {
            findings.push(
                Finding::error(
                    at.key("code"),
                    "deleted-code",
                    if deleted.replaced_by.is_empty() {
                        format!(
                            "{} {} was deleted on {}; it is now part of the procedure's own code",
                            code.system.name(),
                            code.code,
                            deleted.deleted_on,
                        )
                    } else {
                        format!(
                            "{} {} was deleted on {}; use {} instead",
                            code.system.name(),
                            code.code,
                            deleted.deleted_on,
                            deleted.replaced_by.join(" or ")
                        )
                    },
                )
                .hint(deleted.note.clone()),
            );
        }
        if code.label.trim().is_empty() {
            findings.push(Finding::error(
                at.key("label"),
                "empty-label",
                format!("code {} has an empty `label`: describe it in a few words of your own", code.code),
            ));
        }
    }
    for (n, entry) in topic.faq.iter().enumerate() {
        let at = root.key("faq").index(n);
        for (key, text) in [("question", &entry.question), ("answer", &entry.answer)] {
            if text.trim().is_empty() {
                findings.push(Finding::error(
                    at.key(key),
                    "empty-text",
                    format!("the FAQ entry's `{key}` is empty"),
                ));
            }
        }
    }
}

fn check_sections(topic: &Topic, findings: &mut Vec<Finding>) {
    let root = FieldPath::root();
    let mut seen = HashSet::new();
    for (n, section) in topic.sections.iter().enumerate() {
        let at = root.key("sections").index(n);
        let kind = section.kind;
        if kind == SectionKind::Custom && section.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
            findings.push(Finding::error(at.clone(), "custom-title", "a `custom` section needs a `title`"));
        }
        if kind == SectionKind::Billing && section.audience == Some(Audience::Everyone) {
            findings.push(Finding::error(
                at.key("audience"),
                "billing-audience",
                "billing sections are for staff only: remove `audience` or set it to \"staff\"",
            ));
        }
        if kind.is_urgent() && section.audience == Some(Audience::Staff) {
            findings.push(Finding::error(
                at.key("audience"),
                "emergency-audience",
                "when to call 911 is for everyone: an `emergency` section is never hidden from patients",
            ));
        }
        if section.intro.trim().is_empty() && section.items.is_empty() {
            findings.push(Finding::warning(
                at.clone(),
                "empty-section",
                format!("the `{}` section has no intro and no items", kind.name()),
            ));
        }
        if kind != SectionKind::Custom && !seen.insert(kind) {
            findings.push(Finding::warning(
                at.key("kind"),
                "duplicate-section",
                format!("a second `{}` section: both are shown, one after the other", kind.name()),
            ));
        }
    }
    let about_a_procedure = topic.sections.iter().any(|s| s.kind == SectionKind::Procedure);
    let expected: &[SectionKind] = if about_a_procedure {
        &SectionKind::EXPECTED_FOR_PROCEDURES
    } else {
        &SectionKind::EXPECTED_FOR_CONDITIONS
    };
    for &expected in expected {
        let present = topic.sections.iter().any(|s| s.kind == expected && s.for_patients());
        if !present {
            findings.push(
                Finding::warning(
                    root.key("sections"),
                    "missing-section",
                    format!("the topic has no `{}` section for patients", expected.name()),
                )
                .hint(format!("add a `[[sections]]` table with `kind = \"{}\"`", expected.name())),
            );
        }
    }
    if topic.faq.is_empty() {
        findings.push(
            Finding::warning(root.clone(), "no-faq", "the topic has no FAQ entries (`[[faq]]`)")
                .hint("add at least one `[[faq]]` table with a `question` and an `answer`"),
        );
    }
}

fn check_review(topic: &Topic, findings: &mut Vec<Finding>) {
    let review = FieldPath::root().key("review");
    if topic.review.status != ReviewStatus::Reviewed {
        return;
    }
    if topic.review.reviewed_by.trim().is_empty() {
        findings.push(Finding::error(
            review.key("status"),
            "review-incomplete",
            "a reviewed topic needs `reviewed_by`: the clinician's name and credential",
        ));
    }
    if topic.review.reviewed_on.is_none() {
        findings.push(Finding::error(
            review.key("status"),
            "review-incomplete",
            "a reviewed topic needs `reviewed_on`: the day of the review",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_words_joined_by_hyphens() {
        for good in ["vertebroplasty", "knee-replacement", "a1"] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in ["", "Knee", "knee_replacement", "-knee", "knee-", "knee--x", "knee replacement"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn a_booking_page_is_not_a_take_home_page() {
        let warned = |url: &str| {
            let mut findings = Vec::new();
            check_take_home_page(Some(url), &mut findings);
            findings.iter().map(|finding| finding.message.clone()).collect::<Vec<_>>()
        };
        assert_eq!(
            warned(
                "https://www.mayoclinic.org/tests-procedures/vertebroplasty/care-at-mayo-clinic/appointments/prc-20021308"
            ),
            ["the page to read at home looks like a booking page (`/appointments/`): a patient who \
              scans the code needs a page that explains the procedure"]
        );
        assert_eq!(warned("https://example.org/Scheduling/knee").len(), 1);
        assert_eq!(warned("https://example.org/book?booking=1"), Vec::<String>::new());
        assert_eq!(warned("https://appointments.example.org/knee"), Vec::<String>::new());
        assert_eq!(warned("https://medlineplus.gov/osteoporosis.html"), Vec::<String>::new());
    }

    #[test]
    fn language_tags_have_bcp47_shape() {
        for good in ["en", "es", "es-MX", "zh-Hant", "fil"] {
            assert!(is_valid_language_tag(good), "{good}");
        }
        for bad in ["", "e", "english", "EN", "es_MX", "es-", "es-toolongsubtag"] {
            assert!(!is_valid_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn finds_controls_and_bidi_overrides_but_allows_newlines() {
        assert_eq!(unsafe_character("two\nlines"), None);
        assert_eq!(unsafe_character("a\u{1b}[2J"), Some((1, '\u{1b}')));
        assert_eq!(unsafe_character("tab\there"), Some((3, '\t')));
        assert_eq!(unsafe_character("C1 \u{9b}"), Some((3, '\u{9b}')));
        assert_eq!(unsafe_character("x\u{202E}y"), Some((1, '\u{202E}')));
        assert_eq!(unsafe_character("x\u{2066}y"), Some((1, '\u{2066}')));
        assert_eq!(unsafe_character("café 漢字 🙂"), None);
    }
}
