//! The handouts in a real browser: headless Chromium prints them to PDF on Letter and on A4
//! paper and `pdfinfo` counts the pages — one for the take-home, five at most for the full
//! handout — each in type as large as fits (Chromium's computed size); the take-home's QR code,
//! rendered back from the PDF by `pdftoppm`, decodes to the topic's address.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use crate::common::picture::Picture;
use crate::common::*;
use kiosk_content::i18n::Catalog;
use kiosk_content::load_bundled;
use kiosk_core::handout::{Format, Handout};

/// `html` printed to PDF by headless Chromium on `paper` (a CSS page size).
fn print_to_pdf(html: &str, paper: &str, dir: &Path, name: &str) -> std::path::PathBuf {
    let page = html.replacen("</style>", &format!("@page {{ size: {paper}; }}\n</style>"), 1);
    let source = dir.join(format!("{name}.html"));
    std::fs::write(&source, page).expect("write the page");
    let pdf = dir.join(format!("{name}.pdf"));
    let status = Command::new("chromium")
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", source.display()))
        .stderr(std::process::Stdio::null())
        .status()
        .expect("chromium runs");
    assert!(status.success() && pdf.exists(), "chromium printed {name}");
    pdf
}

/// The size of the type of the first list item of `html`'s content, as Chromium computes it:
/// "16px" is 12 pt.
fn body_type_size(html: &str, dir: &Path, name: &str) -> String {
    let script =
        "<script>document.title = getComputedStyle(document.querySelector('main li')).fontSize;</script>";
    let source = dir.join(format!("{name}-size.html"));
    std::fs::write(&source, html.replacen("</body>", &format!("{script}</body>"), 1))
        .expect("write the page");
    let out = Command::new("chromium")
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("file://{}", source.display()))
        .stderr(std::process::Stdio::null())
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    let start = dom.find("<title>").expect("a title") + "<title>".len();
    dom[start..].split("</title>").next().expect("a title").to_owned()
}

/// The pages `html` prints on Letter and on A4.
fn pages_on_both_papers(html: &str, dir: &Path, name: &str) -> [usize; 2] {
    ["letter", "A4"]
        .map(|paper| pages_and_paper(&print_to_pdf(html, paper, dir, &format!("{name}-{paper}"))).0)
}

/// `html` with its type at 12 pt, whatever it chose.
fn at_12_pt(html: &str) -> String {
    html.replacen(" smaller\">", "\">", 1)
}

/// What `pdfinfo` says of `pdf`: its page count and the name of its paper.
fn pages_and_paper(pdf: &Path) -> (usize, String) {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&out.stdout).into_owned();
    let field = |name: &str| {
        info.lines().find_map(|line| line.strip_prefix(name)).map(str::trim).unwrap_or_default().to_owned()
    };
    (field("Pages:").parse().expect("a page count"), field("Page size:"))
}

/// The QR codes on the first page of `pdf`, rendered in grey at 200 dpi and decoded.
fn qr_codes(pdf: &Path, dir: &Path) -> Vec<String> {
    let prefix = dir.join("page");
    let status = Command::new("pdftoppm")
        .args(["-r", "200", "-gray", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm runs");
    assert!(status.success());
    Picture::read_pgm(&prefix.with_extension("pgm")).qr_codes()
}

#[test]
fn the_one_page_take_home_fits_one_letter_and_one_a4_page_with_a_qr_code_that_scans() {
    let test = "one_page::the_one_page_take_home_fits_one_letter_and_one_a4_page";
    if !tool_for(test, "chromium") || !tool_for(test, "pdfinfo") || !tool_for(test, "pdftoppm") {
        return;
    }
    let dir = tempfile::tempdir().expect("scratch");
    let library = load_bundled().library;
    let mut overflowing_at_12_pt = Vec::new();
    // Every bundled topic, in both languages.
    for topic in library.topics() {
        let language = topic.language.as_str();
        let catalog = Catalog::bundled(language).expect("catalog");
        let questions = topic.sections.iter().position(|s| s.kind == kiosk_content::SectionKind::Questions);
        let every_question: BTreeSet<(usize, usize)> = questions
            .map(|s| (0..topic.sections[s].items.len()).map(|item| (s, item)).collect())
            .unwrap_or_default();
        // The longest it gets, every question ticked; and, for one topic, none ticked.
        let mut variants = vec![("all", every_question)];
        if topic.id == "vertebroplasty" {
            variants.push(("none", BTreeSet::new()));
        }
        for (ticks, ticked) in variants {
            let handout = Handout::summary_for_reader(
                topic,
                &catalog,
                "Riverside Spine Clinic",
                Some("(555) 010-0100"),
                &ticked,
            );
            let html = handout.render(Format::Html);
            // 12 pt, or 11 pt for the longest, which 12 pt would not fit on one page.
            let name = format!("{}-{language}-{ticks}", topic.id);
            let smaller = html.contains("class=\"summary smaller\"");
            let size = body_type_size(&html, dir.path(), &name);
            assert_eq!(size, if smaller { "14.6667px" } else { "16px" }, "{name}");
            if smaller {
                let pages = pages_on_both_papers(&at_12_pt(&html), dir.path(), &format!("{name}-12pt"));
                overflowing_at_12_pt.push((name.clone(), pages));
            }
            for (paper, expected) in [("letter", "(letter)"), ("A4", "(A4)")] {
                let name = format!("{}-{language}-{ticks}-{paper}", topic.id);
                let pdf = print_to_pdf(&html, paper, dir.path(), &name);
                let (pages, size) = pages_and_paper(&pdf);
                assert_eq!(pages, 1, "{name}: {pages} pages");
                assert!(size.ends_with(expected), "{name}: {size}");
                assert_eq!(qr_codes(&pdf, dir.path()), [topic.url.clone().expect("a web address")], "{name}");
            }
        }
    }
    // The smaller type is there for a reason: some take-home it is chosen for needs it.
    assert!(
        overflowing_at_12_pt.iter().any(|(_, pages)| pages.iter().any(|&pages| pages > 1)),
        "every take-home at 11 pt fits at 12 pt: {overflowing_at_12_pt:?}"
    );
}

/// The full handout of every bundled topic prints on five pages at most, Letter or A4, in two
/// columns of 12 pt — 11.5 pt only where 12 pt would take more.
#[test]
fn every_full_handout_prints_on_five_pages_at_most_in_type_as_large_as_fits() {
    let test = "one_page::every_full_handout_prints_on_five_pages_at_most";
    if !tool_for(test, "chromium") || !tool_for(test, "pdfinfo") {
        return;
    }
    let dir = tempfile::tempdir().expect("scratch");
    for topic in load_bundled().library.topics() {
        let catalog = Catalog::bundled(&topic.language).expect("catalog");
        let html = Handout::new(topic, &catalog, "Riverside Spine Clinic").render(Format::Html);
        let name = format!("{}-{}-full", topic.id, topic.language);
        let pages = pages_on_both_papers(&html, dir.path(), &name);
        assert!(pages.iter().all(|&pages| pages <= 5), "{name}: {pages:?} pages");
        let smaller = html.contains("class=\"full smaller\"");
        assert_eq!(
            body_type_size(&html, dir.path(), &name),
            if smaller { "15.3333px" } else { "16px" },
            "{name}"
        );
        if smaller {
            let pages = pages_on_both_papers(&at_12_pt(&html), dir.path(), &format!("{name}-12pt"));
            assert!(pages.iter().any(|&pages| pages > 5), "{name} fits at 12 pt: {pages:?}");
        }
    }
}
