//! Access for every patient, through the real binary: Spanish, a tap on a language button,
//! no colour with NO_COLOR, reading aloud through a stand-in and through espeak-ng, and `show`.

use std::process::Command;
use std::time::Duration;

use crate::common::pty::{PtyKiosk, config_file};

#[test]
fn a_spanish_reader_uses_the_kiosk_in_spanish_and_the_reset_returns_to_english() {
    let (_dir, path) = config_file("[kiosk]\nlocked = true\nidle_seconds = 2\nwarning_seconds = 2\n");
    let mut kiosk = PtyKiosk::start(&["--config", &path], 80, 24);
    kiosk.wait_for("Press any key to start");
    kiosk.send(b"L");
    kiosk.wait_for("Oprima cualquier tecla para empezar");
    kiosk.send(b" ");
    kiosk.wait_for("Elija un tema para leer.");
    kiosk.open_vertebroplasty();
    kiosk.wait_for("Borrador: aún no revisado por un médico");
    kiosk.wait_for("¿Sigue ahí?");
    kiosk.wait_for("Press any key to start");
    kiosk.signal(libc::SIGTERM);
    assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn a_tap_on_a_language_button_switches_the_language() {
    let mut kiosk = PtyKiosk::start(&[], 80, 24);
    kiosk.wait_for("Choose a topic");
    // Room for " STAFF " and a space right of them, as the English kiosk keeps.
    let buttons = kiosk_core::app::language_buttons(ratatui_core::layout::Rect::new(0, 0, 80, 24), 2, 8);
    kiosk.click(buttons[1].x + 4, buttons[1].y);
    kiosk.wait_for("Elija un tema para leer.");
    kiosk.quit();
}

#[test]
fn with_no_color_nothing_is_coloured_and_the_selection_still_shows() {
    let mut kiosk = PtyKiosk::start_with_env(&[], &[("NO_COLOR", "1")], 80, 24);
    kiosk.wait_for("Choose a topic");
    kiosk.open_vertebroplasty();
    kiosk.wait_for("▶ 1 Overview");
    kiosk.send(b"q");
    kiosk.wait_exit(Duration::from_secs(5));
    let wire = String::from_utf8_lossy(&kiosk.bytes()).into_owned();
    assert!(!wire.contains("[38;") && !wire.contains("[48;"), "a colour was sent");
    assert!(wire.contains("\u{1b}[7m"), "reverse video marks the selection");
}

/// The children of `pid` that are zombies (ended, not waited for).
fn zombies_of(pid: u32) -> usize {
    std::fs::read_dir("/proc")
        .expect("/proc")
        .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path().join("stat")).ok())
        .filter(|stat| {
            let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or_default().split_whitespace().collect();
            fields.first() == Some(&"Z") && fields.get(1) == Some(&pid.to_string().as_str())
        })
        .count()
}

/// Waits until the kiosk has reaped every child it started (a zombie left is a failure).
fn assert_children_reaped(pid: u32) {
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while zombies_of(pid) > 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "{} children of the kiosk were never reaped",
            zombies_of(pid)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_reads_the_section_aloud_through_the_speech_command_and_the_child_is_reaped() {
    let out = tempfile::tempdir().expect("temp dir");
    let spoken = out.path().join("spoken-{lang}.txt");
    let (_dir, path) = config_file(&format!("[speech]\ncommand = [\"tee\", \"{}\"]\n", spoken.display()));
    let mut kiosk = PtyKiosk::start(&["--config", &path], 80, 24);
    kiosk.wait_for("Choose a topic");
    kiosk.open_vertebroplasty();
    kiosk.send(b"4");
    kiosk.wait_for("a Listen");
    kiosk.send(b"a");
    let file = out.path().join("spoken-en.txt");
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while std::time::Instant::now() < deadline
        && !std::fs::read_to_string(&file).is_ok_and(|t| t.contains("Symptoms"))
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    let text = std::fs::read_to_string(&file).expect("the command got the text");
    assert!(text.starts_with("Symptoms\n"), "{text}");
    assert!(text.contains("Bad back pain that gets worse when you move."), "{text}");
    kiosk.wait_until_gone("Press any key to stop.");
    assert_eq!(zombies_of(kiosk.pid()), 0);
    kiosk.quit();
}

#[test]
fn a_key_stops_a_long_reading() {
    let (_dir, path) = config_file("[speech]\ncommand = [\"sleep\", \"30\"]\n");
    let mut kiosk = PtyKiosk::start(&["--config", &path], 80, 24);
    kiosk.wait_for("Choose a topic");
    kiosk.send(b"\ra");
    kiosk.wait_for("Reading aloud. Press any key to stop.");
    kiosk.send(b"x");
    kiosk.wait_until_gone("Reading aloud.");
    assert_children_reaped(kiosk.pid());
    kiosk.quit();
}

#[test]
fn espeak_ng_reads_the_section_into_a_wave_file() {
    if !crate::common::tool_for("e2e_access::espeak_ng_reads_the_section_into_a_wave_file", "espeak-ng") {
        return;
    }
    let out = tempfile::tempdir().expect("temp dir");
    let wav = out.path().join("spoken-{lang}.wav");
    let (_dir, path) = config_file(&format!(
        "[speech]\ncommand = [\"espeak-ng\", \"-v\", \"{{lang}}\", \"--stdin\", \"-w\", \"{}\"]\n",
        wav.display()
    ));
    let mut kiosk = PtyKiosk::start(&["--config", &path], 80, 24);
    kiosk.wait_for("Choose a topic");
    kiosk.send(b"L");
    kiosk.wait_for("Elija un tema");
    kiosk.open_vertebroplasty();
    kiosk.wait_for("Vertebroplastia");
    kiosk.send(b"a");
    kiosk.wait_for("Leyendo en voz alta");
    kiosk.wait_until_gone("Leyendo en voz alta");
    let bytes = std::fs::read(out.path().join("spoken-es.wav")).expect("a wave file");
    assert_eq!(&bytes[..4], b"RIFF");
    assert!(bytes.len() > 50_000, "{} bytes of speech", bytes.len());
    kiosk.quit();
}

fn show(args: &[&str], columns: &str) -> (String, String, Option<i32>) {
    let output = Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .arg("show")
        .args(args)
        .env("COLUMNS", columns)
        .output()
        .expect("run show");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code(),
    )
}

#[test]
fn show_prints_plain_text_in_reading_order_wrapped_to_columns() {
    let (stdout, _, code) = show(&["vertebroplasty", "--section", "complications"], "60");
    assert_eq!(code, Some(0));
    insta::assert_snapshot!(stdout);
    assert!(stdout.lines().all(|line| line.chars().count() <= 60));
    assert!(!stdout.chars().any(|c| ('\u{2500}'..='\u{259f}').contains(&c)), "no box drawing or blocks");
    let (whole, _, _) = show(&["vertebroplasty", "--lang", "es"], "80");
    assert!(whole.starts_with("Vertebroplastia\n\n"));
    let order = ["Resumen\n", "Síntomas\n", "Riesgos y complicaciones\n", "Preguntas\n", "Fuentes\n"];
    let places: Vec<usize> = order.iter().map(|heading| whole.find(heading).expect(heading)).collect();
    assert!(places.windows(2).all(|pair| pair[0] < pair[1]), "reading order");
    assert!(!whole.contains("22511"), "no staff text");
}

#[test]
fn show_explains_what_it_cannot_show() {
    let (_, stderr, code) = show(&["knee"], "80");
    assert_eq!(
        (stderr.as_str(), code),
        ("patient-kiosk: there is no topic `knee`; `patient-kiosk list` shows the topics\n", Some(2))
    );
    let (_, stderr, code) = show(&["vertebroplasty", "--section", "billing"], "80");
    assert_eq!(
        (stderr.as_str(), code),
        ("patient-kiosk: the topic `vertebroplasty` has no `billing` section for patients\n", Some(2))
    );
    let (_, stderr, code) = show(&["vertebroplasty", "--section", "checks"], "80");
    assert_eq!(
        (stderr.as_str(), code),
        (
            "patient-kiosk: `checks` is a page of the kiosk, not of the topic's text; show prints its sections, faq \
             and sources\n",
            Some(2)
        )
    );
}

/// The names `show --section` takes are the kiosk's own (one table): `questions` is the
/// checklist, as on screen, and `faq` the questions and answers; its help lists every name.
#[test]
fn show_takes_the_kiosks_page_names() {
    let (checklist, _, _) = show(&["vertebroplasty", "--section", "questions"], "80");
    assert!(checklist.starts_with("Questions to ask your doctor\n"), "{checklist}");
    assert!(checklist.contains("- [ ] Is my break new enough for this to help?"), "{checklist}");
    let (faq, _, _) = show(&["vertebroplasty", "--section", "faq"], "80");
    assert!(faq.contains("Should I stop my blood thinner?"), "{faq}");
    assert!(!faq.contains("[ ]"), "{faq}");
    let (help, _, _) = show(&["--help"], "80");
    for name in kiosk_content::PageName::names() {
        assert!(help.contains(name), "{name} in `show --help`:\n{help}");
    }
}

#[test]
fn many_readings_and_prints_leave_no_children_behind() {
    let (_dir, path) = config_file(
        "[speech]\ncommand = [\"sleep\", \"30\"]\n[print]\ncommand = [\"sh\", \"-c\", \"cat > /dev/null\"]\n",
    );
    let mut kiosk = PtyKiosk::start(&["--config", &path], 80, 24);
    kiosk.wait_for("Choose a topic");
    kiosk.open_vertebroplasty();
    kiosk.wait_for("a Listen");
    for _ in 0..25 {
        kiosk.send(b"a");
        kiosk.wait_for("Reading aloud. Press any key to stop.");
        kiosk.send(b"x");
        kiosk.wait_until_gone("Reading aloud.");
        kiosk.send(b"p");
        kiosk.wait_for("Sent to the printer.");
        kiosk.send(b"\x1b[B");
        kiosk.wait_until_gone("Sent to the printer.");
    }
    assert_children_reaped(kiosk.pid());
    kiosk.quit();
}

/// The processes whose command line is `args`, by reading /proc.
fn processes_running(args: &[&str]) -> usize {
    let wanted: Vec<u8> = args.iter().flat_map(|arg| arg.bytes().chain([0])).collect();
    std::fs::read_dir("/proc")
        .expect("/proc")
        .filter_map(std::result::Result::ok)
        .filter_map(|entry| std::fs::read(entry.path().join("cmdline")).ok())
        .filter(|cmdline| *cmdline == wanted)
        .count()
}

/// A speech command that is a wrapper (a shell running the player) is ended whole: when the
/// reading stops, and when the kiosk wipes the session for the next person, its player stops
/// too instead of reading on.
#[test]
fn stopping_a_reading_ends_the_players_a_wrapper_started() {
    let player = ["sleep", "297.5"];
    let (_dir, path) = config_file(
        "[kiosk]\nidle_seconds = 2\nwarning_seconds = 1\n[speech]\ncommand = [\"sh\", \"-c\", \"sleep 297.5 & wait\"]\n",
    );
    let mut kiosk = PtyKiosk::start(&["--config", &path], 80, 24);
    kiosk.wait_for("Choose a topic");
    for stop_by_key in [true, false] {
        kiosk.send(b"\ra");
        kiosk.wait_for("Reading aloud.");
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while processes_running(&player) == 0 {
            assert!(std::time::Instant::now() < deadline, "the player started");
            std::thread::sleep(Duration::from_millis(20));
        }
        if stop_by_key {
            kiosk.send(b"x");
        }
        // By a key, or by the idle reset when nobody presses one.
        kiosk.wait_until_gone("Reading aloud.");
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while processes_running(&player) > 0 {
            assert!(
                std::time::Instant::now() < deadline,
                "the player outlived the reading (stopped by key: {stop_by_key})"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        kiosk.send(b"\x1b");
    }
    // With a 2-second idle time, "Are you still there?" may be up and take the next key.
    kiosk.signal(libc::SIGTERM);
    assert!(kiosk.wait_exit(Duration::from_secs(5)).is_some());
}
