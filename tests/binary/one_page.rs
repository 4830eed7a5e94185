//! The one-page take-home in a real browser: headless Chromium prints it to PDF on Letter and
//! on A4 paper, `pdfinfo` counts one page each, and the QR code, rendered back from the PDF by
//! `pdftoppm`, decodes to the topic's address.

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
    Picture::read_pgm(&prefix.with_extension("pgm")).qr_codes(None)
}

#[test]
fn the_one_page_take_home_fits_one_letter_and_one_a4_page_with_a_qr_code_that_scans() {
    let test = "one_page::the_one_page_take_home_fits_one_letter_and_one_a4_page";
    if !tool_for(test, "chromium") || !tool_for(test, "pdfinfo") || !tool_for(test, "pdftoppm") {
        return;
    }
    let dir = tempfile::tempdir().expect("scratch");
    let library = load_bundled().library;
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
}
