//! Broken content folders run through the real binary's `validate`, each checked for its exact
//! `path:line:column` message and exit status.

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

fn kiosk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run patient-kiosk")
}

/// `validate DIR` with one line per problem.
fn validate(dir: &str) -> (String, i32) {
    validate_with(&[dir, "--format", "short"])
}

fn validate_with(args: &[&str]) -> (String, i32) {
    let mut all = vec!["validate"];
    all.extend_from_slice(args);
    let output = kiosk(&all);
    (String::from_utf8(output.stdout).expect("UTF-8 output"), output.status.code().expect("exit code"))
}

/// Each fixture folder, its exit status, and every line `validate` must print.
const CASES: &[(&str, i32, &[&str])] = &[
    (
        "syntax-error",
        1,
        &[
            "tests/fixtures/broken/syntax-error/knee.en.toml:3:28: error: unexpected key or value, expected newline, `#`",
        ],
    ),
    (
        "wrong-type",
        1,
        &[
            r#"tests/fixtures/broken/wrong-type/knee.en.toml:5:12: error: invalid type: string "knee", expected a list like ["a", "b"]"#,
        ],
    ),
    (
        "unknown-key",
        1,
        &[
            "tests/fixtures/broken/unknown-key/knee.en.toml:5:1: error: unknown field `subtitel`, expected one of `id`, \
           `language`, `title`, `subtitle`, `summary`, `category`, `keywords`, `also_called`, `related`, `url`, `codes`, `review`, `sources`, \
           `sections`, `faq`, `check`",
        ],
    ),
    (
        "missing-field",
        1,
        &["tests/fixtures/broken/missing-field/knee.en.toml:1:1: error: missing field `summary`"],
    ),
    (
        "duplicate-topic",
        1,
        &[
            "tests/fixtures/broken/duplicate-topic/knee.es-mx.toml:1:6: error: topic `knee` in language `es-mx` is already \
           loaded from tests/fixtures/broken/duplicate-topic/knee.es-MX.toml; this file is skipped",
        ],
    ),
    (
        "name-mismatch",
        1,
        &[
            "tests/fixtures/broken/name-mismatch/knee.en.toml:1:6: error: the file name must be `hip.en.toml`, to match \
           its `id` and `language`",
        ],
    ),
    (
        "not-utf8",
        1,
        &[
            "tests/fixtures/broken/not-utf8/knee.en.toml:4:18: error: the file is not UTF-8 text (byte 0xFF here)",
        ],
    ),
    (
        "control-character",
        1,
        &[
            "tests/fixtures/broken/control-character/knee.en.toml:3:9: error: `title` holds a control character (U+001B) \
           at character 5; text may not contain control characters other than a new line",
        ],
    ),
    (
        "bidi-override",
        1,
        &[
            "tests/fixtures/broken/bidi-override/knee.en.toml:4:11: error: `summary` holds a bidirectional control \
           character (U+202E) at character 13; text may not contain control characters other than a new line",
        ],
    ),
    (
        "bad-id",
        1,
        &[
            r#"tests/fixtures/broken/bad-id/Knee.en.toml:1:6: error: `id` must be lowercase letters, digits and single '-' between them, like "knee-replacement" (found "Knee")"#,
        ],
    ),
    (
        "bad-language",
        1,
        &[
            r#"tests/fixtures/broken/bad-language/knee.english.toml:2:12: error: `language` must be a language tag such as "en", "es" or "es-MX" (found "english")"#,
        ],
    ),
    (
        "custom-without-title",
        1,
        &[
            "tests/fixtures/broken/custom-without-title/knee.en.toml:25:1: error: a `custom` section needs a `title`",
        ],
    ),
    (
        "billing-for-everyone",
        1,
        &[
            r#"tests/fixtures/broken/billing-for-everyone/knee.en.toml:31:12: error: billing sections are for staff only: remove `audience` or set it to "staff""#,
        ],
    ),
    (
        "bad-date",
        1,
        &[
            "tests/fixtures/broken/bad-date/knee.en.toml:8:15: error: invalid date, expected day between 01 and 28",
        ],
    ),
    (
        "reviewed-without-reviewer",
        1,
        &[
            "tests/fixtures/broken/reviewed-without-reviewer/knee.en.toml:7:10: error: a reviewed topic needs \
           `reviewed_by`: the clinician's name and credential",
        ],
    ),
    (
        "empty-code-label",
        1,
        &[
            "tests/fixtures/broken/empty-code-label/knee.en.toml:9:9: error: code 27447 has an empty `label`: describe it \
           in a few words of your own",
        ],
    ),
    (
        "missing-sections",
        0,
        &[
            "tests/fixtures/broken/missing-sections/knee.en.toml:1:1: warning: the topic has no FAQ entries (`[[faq]]`)",
            "tests/fixtures/broken/missing-sections/knee.en.toml:9:1: warning: the topic has no `preparation` section for patients",
            "tests/fixtures/broken/missing-sections/knee.en.toml:9:1: warning: the topic has no `recovery` section for patients",
            "tests/fixtures/broken/missing-sections/knee.en.toml:9:1: warning: the topic has no `complications` section for patients",
        ],
    ),
    (
        "missing-sections-condition",
        0,
        &[
            "tests/fixtures/broken/missing-sections-condition/arthritis.en.toml:9:1: warning: the topic has no `symptoms` section for patients",
            "tests/fixtures/broken/missing-sections-condition/arthritis.en.toml:9:1: warning: the topic has no `complications` section for patients",
        ],
    ),
    (
        "checks",
        1,
        &[
            "tests/fixtures/broken/checks/knee.en.toml:1:1: warning: the topic has no FAQ entries (`[[faq]]`)",
            "tests/fixtures/broken/checks/knee.en.toml:9:1: warning: the topic has no `complications` section for patients",
            "tests/fixtures/broken/checks/knee.en.toml:15:11: error: a check has 2 to 4 answers; this one has 1",
            "tests/fixtures/broken/checks/knee.en.toml:23:9: error: `right = 3` names no answer: there are 2",
            "tests/fixtures/broken/checks/knee.en.toml:25:8: error: `page = \"recovery\"`: the topic has no such page for patients to read",
        ],
    ),
    (
        // Only web addresses: a javascript: or data: address would run on the device that
        // follows it, and a space ends an address early where a handout quotes it.
        "unsafe-url",
        1,
        &[
            "tests/fixtures/broken/unsafe-url/knee.en.toml:5:7: error: `javascript` is not a web address: only https:// addresses are allowed",
            "tests/fixtures/broken/unsafe-url/knee.en.toml:12:7: error: `data` is not a web address: only https:// addresses are allowed",
            "tests/fixtures/broken/unsafe-url/knee.en.toml:16:7: warning: a plain http:// address: the page can be changed on its way",
            "tests/fixtures/broken/unsafe-url/knee.en.toml:20:7: error: the address holds ` ` (U+0020), which no web address has",
        ],
    ),
    (
        // The code a patient scans leads to a page that teaches, not one for booking a visit.
        "booking-page",
        0,
        &[
            "tests/fixtures/broken/booking-page/knee.en.toml:5:7: warning: the page to read at home looks like a booking page (`/request-appointment/`): a patient who scans the code needs a page that explains the procedure",
        ],
    ),
    (
        // A sign that always means 911 sent anywhere else, in a section, an FAQ answer or a
        // check; a mention that itself says 911 is fine.
        "triage",
        1,
        &[
            "tests/fixtures/broken/triage/knee.en.toml:20:22: error: “new weakness or numbness in the legs” always means call 911, but the `warning-signs` section names it without sending the reader to 911",
            "tests/fixtures/broken/triage/knee.en.toml:28:10: error: “loss of bladder or bowel control” always means call 911, but an FAQ answer names it without sending the reader to 911",
            "tests/fixtures/broken/triage/knee.en.toml:32:35: error: “loss of bladder or bowel control” always means call 911, but the right answer of a check names it without sending the reader to 911",
        ],
    ),
    (
        "emergency-for-staff",
        1,
        &[
            "tests/fixtures/broken/emergency-for-staff/knee.en.toml:1:1: warning: the topic has no FAQ entries (`[[faq]]`)",
            "tests/fixtures/broken/emergency-for-staff/knee.en.toml:9:1: warning: the topic has no `symptoms` section for patients",
            "tests/fixtures/broken/emergency-for-staff/knee.en.toml:9:1: warning: the topic has no `complications` section for patients",
            "tests/fixtures/broken/emergency-for-staff/knee.en.toml:11:12: error: when to call 911 is for everyone: an `emergency` section is never hidden from patients",
        ],
    ),
    (
        "console-character",
        0,
        &[
            "tests/fixtures/broken/console-character/knee.en.toml:4:11: warning: `—` (U+2014, character 33) is not in the Linux console's stock fonts: a kiosk on the console shows `-` instead",
            "tests/fixtures/broken/console-character/knee.en.toml:9:1: warning: the topic has no `complications` section for patients",
            "tests/fixtures/broken/console-character/knee.en.toml:15:10: warning: `…` (U+2026, character 19) is not in the Linux console's stock fonts: a kiosk on the console shows `.` instead",
            "tests/fixtures/broken/console-character/knee.en.toml:22:12: warning: `✓` (U+2713, character 15) is not in the Linux console's stock fonts: a kiosk on the console shows `?` instead",
        ],
    ),
    (
        "vocabulary",
        1,
        &[
            "tests/fixtures/broken/vocabulary/knee.en.toml:1:1: warning: the topic has no FAQ entries (`[[faq]]`)",
            "tests/fixtures/broken/vocabulary/knee.en.toml:9:1: warning: the topic has no `complications` section for patients",
            "tests/fixtures/broken/vocabulary/vocabulary/en.toml:3:1: error: `knee pain` is not one word: a vocabulary word is looked up on its own",
            "tests/fixtures/broken/vocabulary/vocabulary/en.toml:4:6: error: `ct` leads nowhere: each of its plain words must hold a word",
            "tests/fixtures/broken/vocabulary/vocabulary/en.toml:6:1: error: `Arthroplasty` is already in the vocabulary as `arthroplasty`",
            "tests/fixtures/broken/vocabulary/vocabulary/english.toml:1:1: error: `english.toml` is not named for a language, like `en.toml` or `es.toml`",
            "tests/fixtures/broken/vocabulary/vocabulary/en.toml:5:1: warning: `osteoarthritis` leads to “worn-out cartilage”, which no `en` topic says: search would find nothing there",
        ],
    ),
    (
        "mixed",
        1,
        &[
            "tests/fixtures/broken/mixed/hip.en.toml:5:1: error: unknown field `titel`, expected one of `id`, `language`, \
             `title`, `subtitle`, `summary`, `category`, `keywords`, `also_called`, `related`, `url`, `codes`, `review`, `sources`, `sections`, `faq`, `check`",
            "tests/fixtures/broken/mixed/wrist.en.toml:3:9: error: `title` holds a control character (U+0007) at \
             character 7; text may not contain control characters other than a new line",
        ],
    ),
];

#[test]
fn every_broken_fixture_gives_its_exact_message_and_exit_status() {
    let mut checked = Vec::new();
    for (case, status, lines) in CASES {
        let (stdout, code) = validate(&format!("tests/fixtures/broken/{case}"));
        let printed: Vec<&str> = stdout.lines().collect();
        let (summary, diagnostics) = printed.split_last().expect("a summary line");
        assert_eq!(diagnostics, *lines, "fixture {case}");
        assert!(summary.starts_with("checked "), "fixture {case}: summary {summary:?}");
        assert_eq!(code, *status, "fixture {case}");
        checked.push(*case);
    }
    // Every fixture folder is in the table, so none is left unchecked.
    let mut folders: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken"))
            .expect("fixtures folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
    folders.sort();
    checked.sort_unstable();
    assert_eq!(folders, checked);
}

#[test]
fn each_fixture_shows_the_offending_line_with_a_caret_and_a_hint() {
    let mut all = String::new();
    for (case, _, _) in CASES {
        let (stdout, _) = validate_with(&[&format!("tests/fixtures/broken/{case}")]);
        all.push_str(&format!("==== {case}\n{stdout}"));
    }
    insta::assert_snapshot!(all);
}

#[test]
fn json_gives_one_object_per_problem_for_ci() {
    let (stdout, code) = validate_with(&["tests/fixtures/broken/mixed", "--format", "json"]);
    assert_eq!(code, 1);
    let objects: Vec<serde_json::Value> =
        stdout.lines().map(|line| serde_json::from_str(line).expect("one JSON object a line")).collect();
    assert_eq!(objects.len(), 2);
    assert_eq!(
        objects[0],
        serde_json::json!({
            "file": "tests/fixtures/broken/mixed/hip.en.toml",
            "line": 5,
            "column": 1,
            "severity": "error",
            "code": "unknown-key",
            "message": "unknown field `titel`, expected one of `id`, `language`, `title`, `subtitle`, `summary`, \
                        `category`, `keywords`, `also_called`, `related`, `url`, `codes`, `review`, `sources`, `sections`, `faq`, `check`",
            "hint": "did you mean `title`?",
        })
    );
    assert_eq!(objects[1]["code"], "unsafe-text");
}

#[test]
fn deny_warnings_fails_on_warnings_too() {
    let (_, code) = validate_with(&["tests/fixtures/broken/missing-sections"]);
    assert_eq!(code, 0);
    let (_, code) = validate_with(&["tests/fixtures/broken/missing-sections", "--deny-warnings"]);
    assert_eq!(code, 1);
    let (_, code) = validate_with(&["--deny-warnings"]);
    assert_eq!(code, 0, "the bundled content has no warnings");
}

#[test]
fn the_summary_counts_files_topics_errors_and_warnings() {
    let (stdout, _) = validate("tests/fixtures/broken/mixed");
    assert_eq!(stdout.lines().last(), Some("checked 3 files: 1 topic loaded, 2 errors, 0 warnings"));
}

#[test]
fn the_bundled_content_is_clean() {
    let output = kiosk(&["validate"]);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "checked 8 files: 8 topics loaded, 0 errors, 0 warnings\n"
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_file_over_one_mebibyte_is_refused_without_being_read_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.en.toml");
    let big = format!("id = \"big\"\nsummary = \"{}\"\n", "a".repeat(1024 * 1024));
    std::fs::write(&path, big).expect("write");
    let (stdout, code) = validate(dir.path().to_str().expect("UTF-8 path"));
    let expected = format!(
        "{}:1:1: error: the file is 1048600 bytes; a topic file may be at most 1048576 bytes (1 MiB)",
        path.display()
    );
    assert_eq!(stdout.lines().next(), Some(expected.as_str()));
    assert_eq!(code, 1);
}

#[test]
fn a_missing_folder_exits_2_with_a_message() {
    let output = kiosk(&["validate", "tests/fixtures/no-such-folder"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "patient-kiosk: cannot read the content folder tests/fixtures/no-such-folder: No such file or directory (os error 2)\n"
    );
}

#[test]
fn list_shows_the_topics_that_load_and_counts_the_rest() {
    let output = kiosk(&["list", "tests/fixtures/broken/mixed"]);
    assert_eq!(String::from_utf8_lossy(&output.stdout), "knee  en  Knee replacement  draft\n");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "2 errors found; run `patient-kiosk validate tests/fixtures/broken/mixed` to see them\n"
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn list_shows_the_bundled_topics() {
    let output = kiosk(&["list"]);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "kyphoplasty                     es  Cifoplastia                        draft\n\
         vertebral-compression-fracture  es  Fractura vertebral por compresión  draft\n\
         kyphoplasty                     en  Kyphoplasty                        draft\n\
         osteoporosis                    en  Osteoporosis                       draft\n\
         osteoporosis                    es  Osteoporosis                       draft\n\
         vertebral-compression-fracture  en  Vertebral compression fracture     draft\n\
         vertebroplasty                  es  Vertebroplastia                    draft\n\
         vertebroplasty                  en  Vertebroplasty                     draft\n"
    );
}

#[test]
fn the_complete_example_in_the_content_guide_is_valid() {
    let guide = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/content-format.md"))
        .expect("read the guide");
    let after = guide.split("## A complete example").nth(1).expect("the example's heading");
    let example = after.split("```toml\n").nth(1).and_then(|s| s.split("```").next()).expect("a TOML block");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("knee-replacement.en.toml"), example).expect("write");
    let (stdout, code) = validate(dir.path().to_str().expect("UTF-8 path"));
    assert_eq!(stdout, "checked 1 file: 1 topic loaded, 0 errors, 0 warnings\n");
    assert_eq!(code, 0);
}

#[test]
fn a_named_pipe_among_the_topics_is_reported_and_never_waited_for() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("knee.en.toml"), crate::common::topic_toml("knee", "Knee"))
        .expect("write");
    let pipe = dir.path().join("pipe.en.toml");
    crate::common::make_fifo(&pipe);
    let folder = dir.path().to_str().expect("UTF-8");

    let output =
        crate::common::run_within(&["validate", folder, "--format", "short"], Duration::from_secs(20));
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let pipe_line = format!(
        "{}:1:1: error: it is a named pipe, not a regular file; only regular files are read",
        pipe.display()
    );
    assert!(stdout.lines().any(|line| line == pipe_line), "{stdout}");
    assert!(stdout.ends_with("checked 2 files: 1 topic loaded, 1 error, 1 warning\n"), "{stdout}");

    let output = crate::common::run_within(&["list", folder], Duration::from_secs(20));
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("knee  en  Knee"));
}

/// Each command that prints and exits, with arguments that make it print something.
const EVERY_COMMAND: &[&[&str]] = &[
    &["list"],
    &["validate"],
    &["search", "cement"],
    &["show", "vertebroplasty"],
    &["export", "vertebroplasty", "--format", "text"],
];

#[test]
fn every_command_ends_quietly_when_its_reader_goes_away() {
    use std::os::unix::process::ExitStatusExt as _;
    for args in EVERY_COMMAND {
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
            .args(*args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(writer)
            .output()
            .expect("run patient-kiosk");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked") && !stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert!(
            output.status.signal() == Some(libc::SIGPIPE) || output.status.success(),
            "{args:?}: {:?}",
            output.status
        );
    }
}

#[test]
fn a_named_configuration_that_does_not_exist_stops_every_command() {
    for args in EVERY_COMMAND {
        let mut all = vec!["--config", "tests/fixtures/config/no-such-file.toml"];
        all.extend_from_slice(args);
        let output = kiosk(&all);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(output.stdout, b"", "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            "patient-kiosk: tests/fixtures/config/no-such-file.toml: cannot read the configuration file: \
             No such file or directory (os error 2)\n",
            "{args:?}"
        );
    }
}

#[test]
fn show_and_export_say_when_the_language_asked_for_is_not_there() {
    for args in [
        &["show", "vertebroplasty", "--lang", "fr"][..],
        &["export", "vertebroplasty", "--lang", "fr", "--format", "text"],
    ] {
        let output = kiosk(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stdout).contains("Vertebroplasty"));
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            "patient-kiosk: the topic `vertebroplasty` is not available in `fr`; here it is in `en`\n",
            "{args:?}"
        );
    }
    let output = kiosk(&["show", "vertebroplasty", "--lang", "es"]);
    assert_eq!((output.status.code(), output.stderr.as_slice()), (Some(0), &b""[..]));
}

#[test]
fn config_check_locates_every_problem_and_exits_as_validate_does() {
    let check = |args: &[&str]| {
        let mut all = vec!["config", "check"];
        all.extend_from_slice(args);
        let output = kiosk(&all);
        (String::from_utf8(output.stdout).expect("UTF-8"), output.status.code().expect("exit code"))
    };
    let (stdout, code) = check(&["tests/fixtures/config/unknown-key.toml", "--format", "short"]);
    assert_eq!(code, 1);
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            "tests/fixtures/config/unknown-key.toml:1:1: error: unknown setting `clinc_name`; did you mean `clinic_name`?",
            "tests/fixtures/config/unknown-key.toml:5:1: error: unknown setting `kiosk.idle_second`; did you mean `kiosk.idle_seconds`?",
            "tests/fixtures/config/unknown-key.toml:1:1: warning: the `[kiosk]` settings have an error, so the kiosk starts locked; fix the configuration and restart it",
            "tests/fixtures/config/unknown-key.toml:1:1: warning: the kiosk is locked and has no `exit_pin_hash`: nobody can leave it from the keyboard, only its service manager can stop it; `patient-kiosk hash-pin` makes one",
            "checked tests/fixtures/config/unknown-key.toml: 2 errors, 2 warnings",
        ]
    );
    // A warning alone passes; a file that cannot be read is 2.
    assert_eq!(check(&["tests/fixtures/config/short-warning.toml"]).1, 0);
    assert_eq!(check(&["tests/fixtures/config/no-such-file.toml"]).1, 2);
    // The sample as shipped, before a clinic makes its content folder and its PIN: what the
    // start would say, in its words, at the setting it is about (it once passed with 0 errors,
    // 0 warnings). The kiosk above, locked for safety though it says `locked = false`, is told at
    // the file's start.
    assert_eq!(
        check(&["deploy/config.toml", "--format", "short"]),
        (
            "deploy/config.toml:3:11: error: cannot read the content folder /srv/patient-kiosk/content: No such file or \
             directory (os error 2); showing the bundled topics instead\n\
             deploy/config.toml:6:10: warning: the kiosk is locked and has no `exit_pin_hash`: nobody can leave it from \
             the keyboard, only its service manager can stop it; `patient-kiosk hash-pin` makes one\n\
             checked deploy/config.toml: 1 error, 1 warning\n"
                .into(),
            1
        )
    );
    // A language with no interface catalog.
    let dir = tempfile::tempdir().expect("scratch");
    let french = dir.path().join("fr.toml");
    std::fs::write(&french, "[display]\nlanguages = [\"en\", \"fr\"]\n").expect("write");
    let (stdout, code) = check(&[french.to_str().expect("UTF-8"), "--format", "short"]);
    assert_eq!(code, 0, "a warning");
    assert!(
        stdout.contains(":2:13: warning: there is no interface catalog for language `fr`; it is not offered"),
        "{stdout}"
    );
    // The folder written inside `[content]`, and a speech program that is not installed, are
    // placed at their values too.
    let table = dir.path().join("table.toml");
    std::fs::write(
        &table,
        "clinic_name = \"Riverside\"\n\n[content]\nfolder = \"/no/such/folder\"\n\n[speech]\ncommand = [\"no-such-reader\"]\n",
    )
    .expect("write");
    let (stdout, code) = check(&[table.to_str().expect("UTF-8"), "--format", "short"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains(":4:10: error: cannot read the content folder /no/such/folder"), "{stdout}");
    assert!(
        stdout.contains(":7:11: warning: the speech command `no-such-reader` is not installed"),
        "{stdout}"
    );
    // `--config` names the file too; JSON is one object a problem, nothing else.
    let output = kiosk(&[
        "--config",
        "tests/fixtures/config/syntax-error.toml",
        "config",
        "check",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let objects: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
        .collect();
    assert_eq!((objects[0]["line"].as_u64(), objects[0]["column"].as_u64()), (Some(1), Some(38)));
    assert_eq!(objects[0]["code"], "config-syntax");
    assert_eq!(objects[1]["code"], "config-locked");
}

#[test]
fn validate_counts_the_configurations_problems_in_its_report_and_exit_status() {
    let (stdout, code) =
        validate_with(&["--config", "tests/fixtures/config/unknown-key.toml", "--format", "short"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.starts_with("tests/fixtures/config/unknown-key.toml:1:1: error: unknown setting `clinc_name`")
    );
    assert!(stdout.ends_with("2 errors, 1 warning\n"), "{stdout}");
    let (stdout, code) =
        validate_with(&["--config", "tests/fixtures/config/unknown-key.toml", "--format", "json"]);
    assert_eq!(code, 1);
    assert!(stdout.lines().all(|line| serde_json::from_str::<serde_json::Value>(line).is_ok()), "{stdout}");
}

#[test]
fn version_names_the_commit_and_the_bundled_contents_revision() {
    let output = kiosk(&["--version"]);
    let line = String::from_utf8(output.stdout).expect("UTF-8");
    let rest =
        line.strip_prefix(concat!("patient-kiosk ", env!("CARGO_PKG_VERSION"), " (commit ")).expect(&line);
    let (commit, rest) = rest.split_once(", bundled content ").expect(&line);
    let revision = rest.strip_suffix(")\n").expect(&line);
    assert!(
        commit == "unknown" || (commit.len() == 12 && commit.chars().all(|c| c.is_ascii_hexdigit())),
        "{line}"
    );
    assert!(revision.len() == 12 && revision.chars().all(|c| c.is_ascii_hexdigit()), "{line}");
}

#[test]
fn the_manual_and_the_completions_come_from_the_command_line_itself() {
    let man = String::from_utf8(kiosk(&["man"]).stdout).expect("UTF-8");
    assert!(man.contains(".TH patient-kiosk 1"), "{man}");
    for command in
        ["validate", "list", "search", "export", "show", "config", "hash\\-pin", "man", "completions"]
    {
        assert!(man.contains(&format!("patient\\-kiosk\\-{command}")), "no {command} in the manual");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for shell in ["bash", "zsh", "fish"] {
        let output = kiosk(&["completions", shell]);
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(output.stdout).expect("UTF-8");
        assert!(script.contains("validate") && script.contains("hash-pin"), "{shell}:\n{script}");
        std::fs::write(dir.path().join(shell), &script).expect("write");
    }
    // The bash script is valid bash.
    let checked =
        std::process::Command::new("bash").arg("-n").arg(dir.path().join("bash")).output().expect("bash");
    assert!(checked.status.success(), "{}", String::from_utf8_lossy(&checked.stderr));
}

#[test]
fn editors_are_pointed_at_the_real_mistake() {
    let dir = tempfile::tempdir().expect("temp dir");
    let topic = |review_date: &str, kind: &str| {
        format!(
            "id = \"knee\"\nlanguage = \"en\"\ntitle = \"Knee\"\nsummary = \"A knee.\"\n[review]\nstatus = \"reviewed\"\n\
             reviewed_by = \"Dana Lee, MD\"\nreviewed_on = {review_date}\n[[sections]]\nkind = \"{kind}\"\nitems = [\"One.\"]\n"
        )
    };
    let file = dir.path().join("knee.en.toml");
    let folder = dir.path().to_str().expect("UTF-8");
    let cases = [
        (
            topic("11/01/2027", "symptoms"),
            "8:15: error: write dates as YYYY-MM-DD, without quotes: 2027-11-01",
            None,
        ),
        // Year first with slashes once got the hint "0001-2027-11"; with dots, "invalid float".
        (
            topic("2027/11/01", "symptoms"),
            "8:15: error: write dates as YYYY-MM-DD, without quotes: 2027-11-01",
            None,
        ),
        (
            topic("2027.11.01", "symptoms"),
            "8:15: error: write dates as YYYY-MM-DD, without quotes: 2027-11-01",
            None,
        ),
        (
            topic("\"2027-11-01\"", "symptoms"),
            "8:15: error: invalid type: string \"2027-11-01\", expected a TOML datetime",
            Some("help: write dates as 2027-11-01, without quotes"),
        ),
        (
            topic("2027-11-01", "risks"),
            "10:8: error: unknown variant `risks`",
            Some("help: did you mean `complications`? That page is shown as \"risks\""),
        ),
        (
            "id = \"knee\"\ntitle = \"\"\"Knee\nsummary = \"x\"\n".to_owned(),
            "2:9: error: this \"\"\" text is never closed: end it with another \"\"\"",
            None,
        ),
        // One table and a list of tables of one name: the parser said only "duplicate key".
        (
            format!(
                "{}[faq]\nquestion = \"q\"\n[[faq]]\nquestion = \"a\"\nanswer = \"b\"\n",
                topic("2027-11-01", "symptoms")
            ),
            "14:3: error: `faq` is written both as [faq] (one table) and as [[faq]] (one of a list)",
            Some("help: write [[faq]] before every entry, [faq] nowhere"),
        ),
        // `[[section]]` for `[[sections]]`: once reported twice over.
        (
            format!("{}[[section]]\nkind = \"symptoms\"\n", topic("2027-11-01", "symptoms")),
            "12:3: error: unknown field `section`",
            Some("help: did you mean `sections`?"),
        ),
        // A missing table is a table to add, not `review = ...`.
        (
            "id = \"knee\"\nlanguage = \"en\"\ntitle = \"K\"\nsummary = \"S\"\n".to_owned(),
            "1:1: error: missing field `review`",
            Some("help: add a `[review]` table: the line `[review]`, then `status = \"draft\"` under it"),
        ),
    ];
    for (text, line, help) in cases {
        std::fs::write(&file, &text).expect("write");
        let (short, code) = validate_with(&[folder, "--format", "short"]);
        assert_eq!(code, 1);
        assert!(short.starts_with(&format!("{}:{line}", file.display())), "{short}");
        assert_eq!(short.lines().filter(|l| l.contains(": error: ")).count(), 1, "said once: {short}");
        if let Some(help) = help {
            let (human, _) = validate_with(&[folder]);
            assert!(human.contains(help), "{human}");
        }
    }
}

#[test]
fn every_problem_of_a_file_is_shown_in_one_run_in_file_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("knee.en.toml");
    std::fs::write(
        &file,
        "id = \"knee\"\nlanguage = \"en\"\ntitle = \"Knee\"\nsubtitel = \"A knee\"\nkeywords = [\"knee\", 3]\n\
         summary = \"A knee.\"\n[review]\nstatus = \"reviewed\"\nreviewed_by = \"Dana Lee, MD\"\n\
         reviewed_on = 2026-11-01\n[[sections]]\nkind = \"risks\"\nitems = [\"One.\"]\n",
    )
    .expect("write");
    let (stdout, code) = validate_with(&[dir.path().to_str().expect("UTF-8"), "--format", "short"]);
    assert_eq!(code, 1);
    let lines: Vec<String> =
        stdout.lines().map(|line| line.replace(&format!("{}:", file.display()), "")).collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    assert!(lines[0].starts_with("4:1: error: unknown field `subtitel`"), "{stdout}");
    assert!(lines[1].starts_with("5:21: error: invalid type: integer `3`"), "{stdout}");
    assert!(lines[2].starts_with("12:8: error: unknown variant `risks`"), "{stdout}");
    assert_eq!(lines[3], "checked 1 file: 0 topics loaded, 3 errors, 0 warnings");
}

/// Every day on the command line is written YYYY-MM-DD, and a day written otherwise is told so.
#[test]
fn a_day_written_otherwise_is_told_to_be_written_yyyy_mm_dd() {
    for args in [
        &["stats", "--since", "yesterday"][..],
        &["validate", "--today", "12/01/2026"],
        &["review", "sign", "x.en.toml", "--key", "k", "--reviewer", "R", "--next-review", "next year"],
    ] {
        let output = kiosk(args);
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(said.contains("write the day as YYYY-MM-DD, such as 2026-12-01"), "{args:?}: {said}");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
}

/// The codes docs/content-format.md lists are the program's list, and every code `validate`
/// gives for every fixture is on it.
#[test]
fn the_documented_codes_are_the_programs_codes() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/content-format.md"))
        .expect("docs");
    let start = docs.find("Each problem has a stable `code`").expect("the list of codes");
    let paragraph = &docs[start..start + docs[start..].find("\n\n").expect("its end")];
    // Each code is the first backticked word of an item: `url` (an address … `<>"`), …
    let mut documented: Vec<&str> = Vec::new();
    let mut depth = 0;
    for (n, piece) in paragraph.split('`').enumerate() {
        if n % 2 == 0 {
            depth += piece.matches('(').count();
            depth -= piece.matches(')').count().min(depth);
        } else if depth == 0 && n > 1 {
            documented.push(piece);
        }
    }
    let mut program: Vec<&str> = kiosk_content::CODES.to_vec();
    documented.sort_unstable();
    program.sort_unstable();
    assert_eq!(documented, program, "docs/content-format.md's list of codes and kiosk_content::CODES");

    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut folders = vec![fixtures.join("editorial")];
    for group in ["broken", "hostile"] {
        for entry in std::fs::read_dir(fixtures.join(group)).expect("fixtures").flatten() {
            folders.push(entry.path());
        }
    }
    for folder in folders {
        let output = kiosk(&["validate", "--format", "json", folder.to_str().expect("UTF-8")]);
        for line in String::from_utf8_lossy(&output.stdout).lines().filter(|line| line.starts_with('{')) {
            let object: serde_json::Value = serde_json::from_str(line).expect("JSON");
            let code = object["code"].as_str().expect("a code");
            assert!(
                kiosk_content::CODES.contains(&code),
                "`{code}` from {} is not on the list",
                folder.display()
            );
        }
    }
}
