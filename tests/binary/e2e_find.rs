//! Finding and handing out, through the real binary: `search`, `--code`, `--topic`, the search
//! overlay, staff mode from the staff menu, and printing through a real command.

use std::process::Command;
use std::time::Duration;

use crate::common::pty::{PtyKiosk, config_file};
use crate::common::{TEST_PIN, test_pin_hash};

fn kiosk(args: &[&str]) -> (String, String, Option<i32>) {
    let output = Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run patient-kiosk");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code(),
    )
}

#[test]
fn search_prints_ranked_hits_one_a_line() {
    let (stdout, _, code) = kiosk(&["search", "22511"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        stdout.lines().next(),
        Some("vertebroplasty\tBilling\tCPT 22511 Vertebroplasty, first bone, lower back or sacrum")
    );
    let (stdout, _, _) = kiosk(&["search", "blood", "thinners"]);
    assert_eq!(
        stdout,
        "kyphoplasty\tGetting ready\tBe sure to name any blood thinners.\n\
         kyphoplasty\tQuestions\tTell your doctor about all the medicines you take, and name any blood thinners.\n\
         vertebroplasty\tGetting ready\tBe sure to name any blood thinners.\n\
         vertebroplasty\tQuestions\tTell your doctor about all the medicines you take, and name any blood thinners.\n"
    );
    let (stdout, stderr, code) = kiosk(&["search", "--patient", "22511"]);
    assert_eq!((stdout.as_str(), stderr.as_str(), code), ("", "nothing found for \"22511\"\n", Some(1)));
}

/// A search of a folder reads every file but parses only the topics that may be among the best:
/// it prints what a search of the same topics loaded whole prints (the bundled copy of
/// `content/`), for words of names, headings, body text, codes and the vocabulary, at any limit.
#[test]
fn a_search_of_a_folder_finds_what_the_whole_index_finds() {
    let queries = [
        "cement",
        "blood thinners",
        "getting ready",
        "22511",
        "recovery",
        "embolism",
        "vertebroplatsy",
        "r",
        "call 911",
        "bone",
        "pain walk",
        "fractura",
    ];
    for query in queries {
        for extra in [&[][..], &["--patient"], &["--limit", "1"], &["--limit", "3", "--lang", "es"]] {
            let bundled: Vec<&str> = ["search", query].iter().chain(extra).copied().collect();
            let folder: Vec<&str> = bundled.iter().copied().chain(["--content", "content"]).collect();
            assert_eq!(kiosk(&folder), kiosk(&bundled), "{folder:?}");
        }
    }
    let (stdout, _, code) = kiosk(&["search", "getting ready", "--content", "content"]);
    assert_eq!(code, Some(0));
    assert!(
        stdout.lines().any(|line| line.contains("\tGetting ready\t")),
        "a default heading is found:\n{stdout}"
    );
}

#[test]
fn unknown_codes_topics_and_sections_are_clear_messages() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["--code", "99999"],
            "patient-kiosk: no topic has the code `99999`; `patient-kiosk search 99999` looks further\n",
        ),
        (
            &["--topic", "knee"],
            "patient-kiosk: there is no topic `knee`; `patient-kiosk list` shows the topics\n",
        ),
        (
            &["--topic", "vertebroplasty", "--section", "lunch"],
            "error: `lunch` is not a page for --section <KIND>; write one of overview, indications, \
             contraindications, symptoms, causes, diagnosis, treatment, procedure, preparation, emergency, recovery, \
             home-care, warning-signs, complications, follow-up, alternatives, prevention, cost, questions, billing, \
             custom, faq, checks, related, sources, codes\n",
        ),
        (
            &["--topic", "vertebroplasty", "--section", "custom"],
            "patient-kiosk: the topic `vertebroplasty` has no `custom` section to show here\n",
        ),
        (&["--section", "faq"], "patient-kiosk: --section needs --topic or --code\n"),
    ];
    for (args, message) in cases {
        let (stdout, stderr, code) = kiosk(args);
        assert_eq!((stdout.as_str(), stderr.as_str(), code), ("", *message, Some(2)), "{args:?}");
    }
}

#[test]
fn a_code_on_the_command_line_opens_its_topic_at_the_codes() {
    let mut kiosk = PtyKiosk::start(&["--code", "22511"], 80, 24);
    kiosk.wait_for("Billing and codes");
    kiosk.wait_for("CPT 22511");
    kiosk.quit();
}

#[test]
fn a_topic_and_section_on_the_command_line_open_there() {
    let mut kiosk = PtyKiosk::start(&["--topic", "vertebroplasty", "--section", "complications"], 80, 24);
    kiosk.wait_for("Risks and complications");
    kiosk.wait_for("Cement can leak out of the bone.");
    kiosk.quit();
}

#[test]
fn slash_a_query_and_enter_land_on_the_section_with_the_hit_in_view() {
    let mut kiosk = PtyKiosk::start(&[], 80, 24);
    kiosk.wait_for("Choose a topic");
    kiosk.send(b"/");
    kiosk.wait_for("Search:");
    kiosk.send(b"cemnt leak");
    kiosk.wait_for("Vertebroplasty › Risks");
    kiosk.send(b"\r");
    kiosk.wait_until_gone("Search:");
    kiosk.wait_for("▶   Risks");
    kiosk.wait_for("Cement can leak out of the bone.");
    kiosk.quit();
}

#[test]
fn staff_mode_from_the_staff_menu_shows_billing_until_the_reset() {
    let (_dir, path) = config_file(&format!(
        "[kiosk]\nlocked = true\nidle_seconds = 2\nwarning_seconds = 2\nexit_pin_hash = \"{}\"\n",
        test_pin_hash()
    ));
    let mut kiosk = PtyKiosk::start(&["--config", &path], 80, 24);
    kiosk.wait_for("Press any key to start");
    kiosk.send(b" ");
    kiosk.wait_for("Choose a topic");
    kiosk.open_vertebroplasty();
    // The list ends in a mark counting the pages below it; Billing is one more for staff.
    kiosk.wait_for("▼ 4 more");
    kiosk.send(b"\x1b[24~");
    kiosk.wait_for("Enter the staff PIN");
    kiosk.send(TEST_PIN.as_bytes());
    kiosk.send(b"\r");
    kiosk.wait_for("Staff mode: show staff sections and codes");
    kiosk.send(b"s");
    kiosk.wait_for("▼ 5 more");
    kiosk.wait_for("STAFF");
    // Nobody touches it: the reset ends staff mode with the session.
    kiosk.wait_for("Press any key to start");
    kiosk.send(b" ");
    kiosk.wait_for("Choose a topic");
    kiosk.open_vertebroplasty();
    kiosk.wait_for("▼ 4 more");
    assert!(!kiosk.contents().contains("STAFF"));
    kiosk.signal(libc::SIGTERM);
    assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn p_sends_the_one_page_take_home_to_the_print_command_on_its_standard_input() {
    let out = tempfile::tempdir().expect("temp dir");
    let printed = out.path().join("printed.txt");
    let (_dir, path) = config_file(&format!("[print]\ncommand = [\"tee\", \"{}\"]\n", printed.display()));
    let mut kiosk = PtyKiosk::start(&["--config", &path], 80, 24);
    kiosk.wait_for("Choose a topic");
    kiosk.open_vertebroplasty();
    kiosk.wait_for("p Print");
    kiosk.send(b"p");
    kiosk.wait_for("Sent to the printer.");
    let (expected, _, _) = kiosk_export();
    assert_eq!(std::fs::read_to_string(&printed).expect("the command wrote it"), expected);
    kiosk.quit();
}

/// What `p` prints: the one-page take-home, as `export --summary` writes it.
fn kiosk_export() -> (String, String, Option<i32>) {
    kiosk(&["export", "vertebroplasty", "--format", "text", "--summary"])
}

#[test]
fn a_failing_print_command_is_reported_and_the_kiosk_goes_on() {
    let (_dir, path) =
        config_file("[print]\ncommand = [\"sh\", \"-c\", \"echo 'lp: printer offline' >&2; exit 3\"]\n");
    let mut kiosk = PtyKiosk::start(&["--config", &path], 80, 24);
    kiosk.wait_for("Choose a topic");
    kiosk.send(b"\rp");
    kiosk.wait_for("Printing failed: sh: lp: printer offline");
    kiosk.send(b"\x1b[C");
    kiosk.wait_until_gone("Printing failed");
    kiosk.quit();
}

#[test]
fn a_print_command_that_does_not_exist_is_reported() {
    let (_dir, path) = config_file("[print]\ncommand = [\"/no/such/printer\"]\n");
    let mut kiosk = PtyKiosk::start(&["--config", &path], 80, 24);
    kiosk.wait_for("Choose a topic");
    kiosk.send(b"\rp");
    kiosk.wait_for("Printing failed: cannot run /no/such/printer");
    kiosk.quit();
}
