//! The editorial checks through the binary's `validate`: readability, overdue reviews, what a
//! kiosk showing only reviewed topics hides, and deleted codes; and the reading-grade table.

use std::process::Command;

fn validate(args: &[&str]) -> (String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .arg("validate")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run patient-kiosk");
    (String::from_utf8(output.stdout).expect("UTF-8"), output.status.code().expect("exit code"))
}

#[test]
fn each_editorial_problem_is_reported_where_it_is() {
    let (stdout, code) = validate(&[
        "tests/fixtures/editorial",
        "--today",
        "2026-11-27",
        "--format",
        "short",
        "--config",
        "tests/fixtures/editorial-config.toml",
    ]);
    assert_eq!(
        stdout,
        "tests/fixtures/editorial/draft.en.toml:7:10: warning: patients will not see this topic: it is a draft, and \
         the kiosk shows only reviewed topics\n\
         tests/fixtures/editorial/hard-words.en.toml:4:11: warning: `Summary` reads at SMOG grade 15.5, above 8; its \
         hardest sentence: \"Postoperative immobilization complicates recuperation considerably.\"\n\
         tests/fixtures/editorial/old-code.en.toml:8:8: error: CPT 22521 was deleted on 2015-01-01; use 22511 instead\n\
         tests/fixtures/editorial/overdue.en.toml:10:15: warning: the review was due on 2026-01-01; the topic needs a \
         clinician's review\n\
         tests/fixtures/editorial/overdue.en.toml:10:15: warning: patients will not see this topic: its review is \
         overdue, and the kiosk shows only reviewed topics\n\
         checked 5 files: 4 topics loaded, 1 error, 4 warnings\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn a_review_is_overdue_only_after_its_date() {
    let (before, _) = validate(&["tests/fixtures/editorial", "--today", "2026-01-01", "--format", "short"]);
    assert!(!before.contains("review was due"), "{before}");
    let (after, _) = validate(&["tests/fixtures/editorial", "--today", "2026-01-02", "--format", "short"]);
    assert!(after.contains("overdue.en.toml:10:15: warning: the review was due on 2026-01-01"), "{after}");
}

#[test]
fn the_grade_limit_comes_from_the_configuration() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[content]\nmax_grade = 16\n").expect("write");
    let (stdout, _) = validate(&[
        "tests/fixtures/editorial",
        "--format",
        "short",
        "--config",
        config.to_str().expect("UTF-8"),
    ]);
    assert!(!stdout.contains("reads at SMOG"), "{stdout}");
}

#[test]
fn json_names_each_problem_by_its_code() {
    let (stdout, _) = validate(&["tests/fixtures/editorial", "--today", "2026-11-27", "--format", "json"]);
    let codes: Vec<String> = stdout
        .lines()
        .map(|line| {
            serde_json::from_str::<serde_json::Value>(line).expect("JSON")["code"]
                .as_str()
                .expect("code")
                .to_owned()
        })
        .collect();
    assert_eq!(codes, ["readability", "deleted-code", "review-overdue"]);
}

#[test]
fn the_readability_table_grades_every_part_of_the_bundled_topic() {
    let (stdout, code) = validate(&["--readability"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

#[test]
fn spanish_is_graded_by_a_spanish_formula_not_the_english_grades() {
    let (stdout, _) = validate(&["tests/fixtures/editorial", "--readability", "--format", "short"]);
    assert!(
        stdout.contains(
            "spanish (es): reading ease (Fernández-Huerta; 60 or more is about grade 8 or below)\n"
        ),
        "{stdout}"
    );
    // Its one hard line is five words: too few to judge by, as in English.
    assert!(!stdout.contains("spanish.es.toml"), "no warnings for a five-word summary: {stdout}");
}
