//! The real binary in a real pseudo-terminal, driven as a patient would drive it.

use std::time::Duration;

use crate::common::pty::PtyKiosk;

const RIGHT: &[u8] = b"\x1b[C";
const DOWN: &[u8] = b"\x1b[B";

#[test]
fn a_patient_reads_complications_opens_an_answer_and_quits() {
    let mut kiosk = PtyKiosk::start(&[], 80, 24);
    kiosk.wait_for("Choose a topic to read about.");
    kiosk.wait_for("Vertebroplasty");
    kiosk.with_screen(|screen| assert!(screen.alternate_screen()));

    kiosk.open_vertebroplasty();
    kiosk.wait_for("Draft: not yet reviewed by a clinician");
    for _ in 0..12 {
        kiosk.send(RIGHT);
    }
    kiosk.wait_for("Risks and complications");
    kiosk.wait_for("Cement can leak out of the bone.");

    // An unlocked kiosk is a staff terminal, so Billing comes before the questions: the FAQ
    // is page 20, right after Billing: a tap on Billing in the side list opens it, → the FAQ.
    kiosk.wait_for("STAFF");
    kiosk.click(4, 3 + 18);
    kiosk.wait_for("For staff. Codes with our own short labels");
    kiosk.send(RIGHT);
    kiosk.wait_for("Choose a question and press Enter to see the answer.");
    kiosk.send(DOWN);
    kiosk.send(b"\r");
    kiosk.wait_for("About one hour for each bone that is treated.");

    kiosk.quit();
    kiosk.assert_terminal_restored();
}

#[test]
fn help_opens_and_closes_in_the_terminal() {
    let mut kiosk = PtyKiosk::start(&[], 80, 24);
    kiosk.wait_for("Vertebroplasty");
    kiosk.send(b"?");
    kiosk.wait_for("Press any key to close this help.");
    kiosk.send(b"x");
    kiosk.wait_until_gone("Press any key to close this help.");
    kiosk.wait_for("Choose a topic to read about.");
    kiosk.quit();
}

#[test]
fn sigterm_ends_the_kiosk_cleanly_and_restores_the_terminal() {
    let mut kiosk = PtyKiosk::start(&[], 80, 24);
    kiosk.wait_for("Vertebroplasty");
    kiosk.open_vertebroplasty();
    kiosk.wait_for("Overview");
    kiosk.signal(libc::SIGTERM);
    assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(0));
    kiosk.assert_terminal_restored();
}

#[test]
fn sighup_ends_the_kiosk_cleanly() {
    let mut kiosk = PtyKiosk::start(&[], 80, 24);
    kiosk.wait_for("Vertebroplasty");
    kiosk.signal(libc::SIGHUP);
    assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(0));
    kiosk.assert_terminal_restored();
}

#[test]
fn a_tiny_terminal_asks_to_be_made_larger() {
    let mut kiosk = PtyKiosk::start(&[], 30, 8);
    kiosk.wait_for("Please make this");
    kiosk.send(b"\r\x1b[C\x1b[B");
    kiosk.wait_for("Please make this");
    assert!(kiosk.is_running());
    kiosk.quit();
}

#[test]
fn a_mixed_folder_shows_its_good_topic_and_skips_the_broken_ones() {
    let mut kiosk = PtyKiosk::start(&["--content", "tests/fixtures/broken/mixed"], 80, 24);
    kiosk.wait_for("Knee replacement");
    let screen = kiosk.contents();
    assert!(!screen.contains("Hip replacement"), "{screen}");
    assert!(!screen.contains("Wrist"), "{screen}");
    kiosk.quit();
    kiosk.assert_terminal_restored();
}

#[test]
fn a_missing_content_folder_is_a_clear_message_not_a_crash() {
    let mut kiosk = PtyKiosk::start(&["--content", "tests/fixtures/no-such-folder"], 80, 24);
    assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(2));
    kiosk.wait_for("cannot read the content folder tests/fixtures/no-such-folder");
    kiosk.assert_terminal_restored();
}

#[test]
fn no_content_byte_reaches_the_terminal_as_a_control_sequence() {
    // The mixed folder holds a title with a BEL (U+0007): the file is refused, so neither the
    // byte nor its text is ever drawn.
    let mut kiosk = PtyKiosk::start(&["--content", "tests/fixtures/broken/mixed"], 80, 24);
    kiosk.wait_for("Knee replacement");
    kiosk.send(b"\r");
    kiosk.wait_for("Overview");
    kiosk.send(b"q");
    kiosk.wait_exit(Duration::from_secs(5));
    let bytes = kiosk.bytes();
    assert!(!bytes.contains(&0x07), "a BEL reached the terminal");
    assert!(!String::from_utf8_lossy(&bytes).contains("Wrist"));
}

/// The README's screen: the bundled topic's Symptoms page at 80×24, as the real program draws it.
#[test]
fn the_readme_shows_the_screen_the_program_draws() {
    let mut kiosk = PtyKiosk::start(&[], 80, 24);
    kiosk.wait_for("Choose a topic to read about.");
    kiosk.open_vertebroplasty();
    kiosk.wait_for("› Vertebroplasty");
    kiosk.send(RIGHT);
    kiosk.send(RIGHT);
    kiosk.send(RIGHT);
    kiosk.wait_for("These problems can lead your doctor to suggest this");
    let screen: String =
        kiosk.contents().lines().map(|line| line.trim_end().to_owned() + "\n").collect::<String>();
    kiosk.quit();

    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let intro = "captured from the real program by `tests/binary/e2e.rs`:\n\n```text\n";
    let start = readme.find(intro).expect("the README's screen and the line before it") + intro.len();
    let end = start + readme[start..].find("```").expect("the end of the screen");
    let shown = &readme[start..end];
    if shown != screen && std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(path, format!("{}{screen}{}", &readme[..start], &readme[end..]))
            .expect("write README");
        return;
    }
    assert_eq!(
        shown, screen,
        "the README's screen is stale: run `UPDATE_README=1 cargo test --test binary the_readme`"
    );
}

/// On `TERM=linux` the kiosk draws with what every stock console font has (a pseudo-terminal
/// cannot be asked for its font): `»` in the header, full-block letters, no `›`, `—` or `…`.
#[test]
fn on_the_linux_console_the_kiosk_draws_only_what_its_fonts_have() {
    let mut kiosk = PtyKiosk::start_with_env(&[], &[("TERM", "linux")], 80, 24);
    kiosk.wait_for("Choose a topic to read about.");
    kiosk.open_vertebroplasty();
    kiosk.wait_for("Patient Education » Vertebroplasty");
    kiosk.wait_for("Draft: not yet reviewed by a clinician");
    let screen = kiosk.contents();
    let odd: String = screen
        .chars()
        .filter(|c| !c.is_whitespace() && !kiosk_content::console::in_stock_console_font(*c))
        .collect();
    assert!(odd.is_empty(), "not in every stock console font: {odd:?}\n{screen}");
    kiosk.quit();
    kiosk.assert_terminal_restored();
}
