//! Kiosk mode in a real pseudo-terminal: the idle reset, the escape battery, the staff PIN,
//! and bad configuration files that must never leave the kiosk dark.

use std::time::Duration;

use crate::common::pty::{PtyKiosk, config_file};
use crate::common::{TEST_PIN, test_pin_hash};

/// A configuration file in a fresh temporary folder.
fn locked_config(idle: u64, warning: u64) -> (tempfile::TempDir, String) {
    config_file(&format!(
        "clinic_name = \"Riverside Spine Clinic\"\n[kiosk]\nlocked = true\nidle_seconds = {idle}\n\
         warning_seconds = {warning}\nexit_pin_hash = \"{}\"\n",
        test_pin_hash()
    ))
}

fn start_locked(idle: u64, warning: u64) -> (tempfile::TempDir, PtyKiosk) {
    let (dir, path) = locked_config(idle, warning);
    let kiosk = PtyKiosk::start(&["--config", &path], 80, 24);
    kiosk.wait_for("Press any key to start");
    (dir, kiosk)
}

#[test]
fn an_idle_reader_is_warned_then_the_kiosk_starts_over() {
    let (_dir, mut kiosk) = start_locked(2, 2);
    kiosk.send(b" ");
    kiosk.wait_for("Choose a topic to read about.");
    kiosk.open_vertebroplasty();
    kiosk.wait_for("Draft: not yet reviewed by a clinician");
    kiosk.send(b"\x1b[C\x1b[C\x1b[C");
    kiosk.wait_for("4 Symptoms");
    kiosk.wait_for("Are you still there?");
    kiosk.wait_for("Press any key to keep reading.");
    kiosk.wait_for("The screen will start over in");
    kiosk.wait_for("Press any key to start");
    kiosk.wait_until_gone("Symptoms");
    assert!(kiosk.is_running());
}

#[test]
fn a_key_in_the_warning_keeps_the_readers_place() {
    let (_dir, mut kiosk) = start_locked(2, 3);
    kiosk.send(b" ");
    kiosk.wait_for("Choose a topic");
    kiosk.open_vertebroplasty();
    kiosk.send(b"\x1b[C\x1b[C\x1b[C");
    kiosk.wait_for("These problems can lead your doctor");
    kiosk.wait_for("Are you still there?");
    kiosk.send(b"q");
    kiosk.wait_until_gone("Are you still there?");
    assert!(kiosk.contents().contains("These problems can lead your doctor"), "{}", kiosk.contents());
    assert!(kiosk.is_running());
}

#[test]
fn the_escape_battery_leaves_a_locked_kiosk_running() {
    let (_dir, mut kiosk) = start_locked(600, 20);
    kiosk.send(b" ");
    kiosk.wait_for("Choose a topic to read about.");
    kiosk.open_vertebroplasty();
    kiosk.wait_for("Draft: not yet reviewed by a clinician");
    // q, Esc, Ctrl-C, Ctrl-Z, Ctrl-\, Ctrl-D, and F1 to F11.
    let battery: &[&[u8]] = &[
        b"q",
        b"Q",
        b"\x1b",
        b"\x03",
        b"\x1a",
        b"\x1c",
        b"\x04",
        b"\x1bOP",
        b"\x1bOQ",
        b"\x1bOR",
        b"\x1bOS",
        b"\x1b[15~",
        b"\x1b[17~",
        b"\x1b[18~",
        b"\x1b[19~",
        b"\x1b[20~",
        b"\x1b[21~",
        b"\x1b[23~",
    ];
    for keys in battery {
        kiosk.send(keys);
        std::thread::sleep(Duration::from_millis(20));
    }
    // A mebibyte pasted in one go.
    let mut paste = b"\x1b[200~".to_vec();
    paste.extend(std::iter::repeat_n(b'q', 1 << 20));
    paste.extend(b"\x1b[201~");
    kiosk.send(&paste);
    kiosk.send(b"?");
    kiosk.wait_for("Press any key to close this help.");
    assert!(kiosk.is_running());
    assert!(kiosk.contents().contains("Riverside Spine Clinic · Patient Education"));

    kiosk.signal(libc::SIGINT);
    // Still there after it: a key sent after the signal closes the help.
    kiosk.send(b"x");
    kiosk.wait_until_gone("Press any key to close this help.");
    assert!(kiosk.is_running(), "SIGINT does not end a locked kiosk");

    kiosk.signal(libc::SIGTERM);
    assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(0));
    kiosk.assert_terminal_restored();
}

#[test]
fn the_right_pin_and_x_exit_with_status_zero() {
    let (_dir, mut kiosk) = start_locked(600, 20);
    kiosk.send(b"\x1b[24~");
    kiosk.wait_for("Enter the staff PIN, then press Enter.");
    kiosk.send(TEST_PIN.as_bytes());
    kiosk.wait_for("● ● ● ● ● ●");
    assert!(!kiosk.contents().contains(TEST_PIN), "the PIN is masked");
    kiosk.send(b"\r");
    kiosk.wait_for("Exit the kiosk");
    kiosk.send(b"x");
    assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(0));
    kiosk.assert_terminal_restored();
}

#[test]
fn a_wrong_pin_says_so_and_the_kiosk_stays() {
    let (_dir, mut kiosk) = start_locked(600, 20);
    kiosk.send(b"\x1b[24~");
    kiosk.wait_for("Enter the staff PIN");
    kiosk.send(b"1357\r");
    kiosk.wait_for("Wrong PIN.");
    kiosk.wait_until_gone("Enter the staff PIN");
    kiosk.send(b"x");
    // Still there after the x: a key sent after it opens the help.
    kiosk.send(b"?");
    kiosk.wait_for("Press any key to close this help.");
    assert!(kiosk.is_running());
    kiosk.signal(libc::SIGTERM);
    assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(0));
}

/// Runs the kiosk on a configuration fixture; returns what the terminal shows after it ends.
/// A fixture whose lock cannot be trusted must start locked: `q` does nothing there, and the
/// service manager's SIGTERM ends it.
fn run_with_config_fixture(name: &str, locked: bool) -> String {
    let path = format!("tests/fixtures/config/{name}");
    let mut kiosk = PtyKiosk::start(&["--config", &path], 80, 24);
    kiosk.wait_for(if locked { "Press any key to start" } else { "Vertebroplasty" });
    if locked {
        kiosk.send(b" ");
        kiosk.wait_for("Vertebroplasty");
    }
    kiosk.send(b"q");
    if locked {
        // q is a key like any other here: the list is still there after it.
        kiosk.send(b"\x1b[B");
        kiosk.wait_for("Vertebroplasty");
        assert!(kiosk.is_running(), "{name}: q ended a kiosk that should be locked");
        kiosk.signal(libc::SIGTERM);
    }
    assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(0), "{name}");
    kiosk.assert_terminal_restored();
    kiosk.contents()
}

#[test]
fn each_bad_configuration_is_reported_and_the_kiosk_still_runs() {
    let cases: &[(&str, bool, &[&str])] = &[
        (
            "unknown-key.toml",
            true,
            &[
                "tests/fixtures/config/unknown-key.toml:1:1: error: unknown setting `clinc_name`; did you mean `clinic_name`?",
                "tests/fixtures/config/unknown-key.toml:5:1: error: unknown setting `kiosk.idle_second`; did you mean `kiosk.idle_seconds`?",
            ],
        ),
        (
            "bad-values.toml",
            true,
            &[
                "tests/fixtures/config/bad-values.toml:4:10: error: `kiosk.locked` must be true or false; the default is used",
                "tests/fixtures/config/bad-values.toml:5:16: error: `kiosk.idle_seconds` must be a whole number of seconds from 1 to 86400; the default is used",
                "tests/fixtures/config/bad-values.toml:8:13: error: `kiosk.staff_key` must be a function key from \"F1\" to \"F24\" (found \"F30\"); the default is used",
            ],
        ),
        (
            "syntax-error.toml",
            true,
            &[
                "tests/fixtures/config/syntax-error.toml:1:38: error: invalid basic string",
                "tests/fixtures/config/syntax-error.toml:1:1: warning: the configuration file has a syntax error, so the kiosk starts locked",
            ],
        ),
        (
            "short-warning.toml",
            false,
            &[
                "tests/fixtures/config/short-warning.toml:3:19: warning: `kiosk.warning_seconds` is 5: WCAG 2.2.1 asks",
            ],
        ),
        (
            "kiosk-not-a-table.toml",
            true,
            &["tests/fixtures/config/kiosk-not-a-table.toml:2:9: error: `kiosk` must be a table"],
        ),
        (
            "missing-content-folder.toml",
            false,
            &[
                "cannot read the content folder tests/fixtures/no-such-folder: No such file or directory (os error 2); showing the bundled topics instead",
            ],
        ),
    ];
    for (name, locked, expected) in cases {
        // The terminal wraps long lines at 80 columns; join them back to compare.
        let shown = run_with_config_fixture(name, *locked).replace('\n', "");
        for line in *expected {
            assert!(
                shown.contains(&format!("patient-kiosk: {line}")),
                "{name}: missing {line:?} in\n{shown}"
            );
        }
    }
}

#[test]
fn configuration_problems_are_shown_to_staff_not_patients() {
    let (_dir, path) = config_file(&format!(
        "clinic_name = \"Riverside\"\n[kiosk]\nidle_second = 30\nexit_pin_hash = \"{}\"\n",
        test_pin_hash()
    ));
    let mut kiosk = PtyKiosk::start(&["--config", &path], 80, 24);
    kiosk.wait_for("Press any key to start");
    kiosk.send(b" ");
    kiosk.wait_for("Riverside · Patient Education");
    assert!(!kiosk.contents().contains("idle_second"), "patients do not see it");
    kiosk.send(b"\x1b[24~");
    kiosk.wait_for("Enter the staff PIN");
    assert!(!kiosk.contents().contains("problem"), "nor does the PIN screen:\n{}", kiosk.contents());
    kiosk.send(format!("{TEST_PIN}\r").as_bytes());
    kiosk.wait_for("Problems with the configuration or the content:");
    kiosk.wait_for("`kiosk.idle_second`;");
    kiosk.send(b"x");
    assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn signals_that_would_end_it_uncleanly_are_ignored() {
    let mut kiosk = PtyKiosk::start(&[], 80, 24);
    kiosk.wait_for("Choose a topic to read about.");
    let ignored = [
        libc::SIGUSR1,
        libc::SIGUSR2,
        libc::SIGALRM,
        libc::SIGVTALRM,
        libc::SIGPROF,
        libc::SIGIO,
        libc::SIGPWR,
        libc::SIGSTKFLT,
        libc::SIGTSTP,
        // Every real-time signal the kernel has, the C library's own two (32, 33) included.
        32,
        33,
        libc::SIGRTMIN(),
        libc::SIGRTMAX(),
    ];
    // A burst of them, again and again: each once let the next in on top of it, on the small
    // stack the C library's set-id handler runs on, until the kiosk crashed (about one burst
    // in ten).
    for _ in 0..30 {
        for signal in ignored {
            kiosk.signal(signal);
        }
    }
    // Still running, and still answering keys.
    kiosk.open_vertebroplasty();
    kiosk.wait_for("› Vertebroplasty");
    assert!(kiosk.is_running());
    kiosk.quit();
    kiosk.assert_terminal_restored();
}

#[test]
fn a_fault_or_an_abort_restores_the_terminal_before_the_end() {
    for signal in [libc::SIGABRT, libc::SIGSEGV, libc::SIGBUS] {
        let mut kiosk = PtyKiosk::start(&[], 80, 24);
        kiosk.wait_for("Choose a topic to read about.");
        kiosk.signal(signal);
        assert!(kiosk.wait_exit(Duration::from_secs(5)).is_some(), "signal {signal} ended it");
        kiosk.assert_terminal_restored();
    }
}

/// Bursts of window changes while a topic is open (three sizes every 20 ms) once crashed the
/// kiosk 4 times in 10: a frame laid out for one size was drawn into a buffer of another.
#[test]
fn bursts_of_resizes_never_crash_the_kiosk_and_it_settles_at_the_last_size() {
    for run in 0..3 {
        let mut kiosk = PtyKiosk::start(&[], 80, 24);
        kiosk.wait_for("Choose a topic to read about.");
        kiosk.open_vertebroplasty();
        kiosk.wait_for("Draft: not yet reviewed");
        for burst in 0..25u16 {
            for (columns, rows) in [(105, 24), (70 + burst, 30), (120, 20 + burst % 7)] {
                kiosk.resize(columns, rows);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        kiosk.resize(100, 30);
        kiosk.wait_for("Draft: not yet reviewed");
        assert!(kiosk.is_running(), "run {run}: still running");
        kiosk.quit();
        assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(0), "run {run}");
        kiosk.assert_terminal_restored();
    }
}

#[test]
fn a_resize_in_the_first_milliseconds_is_never_lost() {
    // At each of these moments after the start, the window grows from 30 × 8 to 80 × 24.
    for delay_ms in 0..16 {
        let mut kiosk = PtyKiosk::start(&[], 30, 8);
        std::thread::sleep(Duration::from_millis(delay_ms));
        kiosk.resize(80, 24);
        kiosk.wait_for("Choose a topic to read about.");
        kiosk.quit();
    }
}

#[test]
fn a_huge_window_is_drawn_at_the_limit_without_aborting() {
    let mut kiosk = PtyKiosk::start(&[], 65535, 65535);
    kiosk.wait_for("Choose a topic to read about.");
    kiosk.resize(10000, 10000);
    kiosk.open_vertebroplasty();
    kiosk.wait_for("› Vertebroplasty");
    let peak = kiosk.peak_memory_kib();
    assert!(peak < 200 * 1024, "peak memory {peak} KiB");
    kiosk.quit();
    kiosk.assert_terminal_restored();
}

#[test]
fn a_print_job_still_running_when_the_kiosk_ends_is_ended_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pid_file = dir.path().join("printer.pid");
    let (_config_dir, path) = config_file(&format!(
        "[print]\ncommand = [\"sh\", \"-c\", \"echo $$ > {}; exec sleep 1000\"]\n",
        pid_file.display()
    ));
    let mut kiosk = PtyKiosk::start(&["--config", &path], 80, 24);
    kiosk.wait_for("Choose a topic to read about.");
    kiosk.open_vertebroplasty();
    kiosk.wait_for("› Vertebroplasty");
    kiosk.send(b"p");
    kiosk.wait_for("Sending to the printer");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let pid = loop {
        if let Some(pid) =
            std::fs::read_to_string(&pid_file).ok().and_then(|text| text.trim().parse::<u32>().ok())
        {
            break pid;
        }
        assert!(std::time::Instant::now() < deadline, "the print command never started");
        std::thread::sleep(Duration::from_millis(20));
    };
    kiosk.send(b"p");
    kiosk.wait_for("A handout is already printing. Please wait.");
    kiosk.quit();
    // Ended: gone, or a zombie waiting for whoever inherited it.
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    loop {
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok().and_then(|stat| {
            stat.rsplit(')').next().and_then(|rest| rest.split_whitespace().next().map(str::to_owned))
        });
        if state.as_deref().is_none_or(|state| state == "Z") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the print job {pid} outlived the kiosk ({state:?})");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_pin_lockout_survives_a_restart() {
    let state = tempfile::tempdir().expect("state directory");
    let env = [("XDG_STATE_HOME", state.path().to_str().expect("UTF-8"))];
    let (_dir, path) = locked_config(600, 20);
    let mut kiosk = PtyKiosk::start_with_env(&["--config", &path], &env, 80, 24);
    kiosk.wait_for("Press any key to start");
    for attempt in 1..=5 {
        kiosk.send(b"\x1b[24~");
        kiosk.wait_for("Enter the staff PIN");
        kiosk.send(b"000000\r");
        // The PIN is checked on a thread: the next try waits for this one's answer.
        kiosk.wait_for(if attempt < 5 { "Wrong PIN." } else { "Too many wrong PINs" });
    }
    kiosk.wait_for("Too many wrong PINs: the PIN screen is closed for 1 min.");
    kiosk.signal(libc::SIGTERM);
    assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(0));

    let kiosk = PtyKiosk::start_with_env(&["--config", &path], &env, 80, 24);
    kiosk.wait_for("Press any key to start");
    let mut kiosk = kiosk;
    kiosk.send(b"\x1b[24~");
    kiosk.wait_for("Too many wrong PINs. Try again in 1 min.");
    kiosk.send(TEST_PIN.as_bytes());
    kiosk.send(b"\r");
    kiosk.wait_for("Too many wrong PINs. Try again in 1 min.");
    assert!(!kiosk.contents().contains("Exit the kiosk"));
    kiosk.signal(libc::SIGTERM);
    assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn a_key_pressed_as_the_window_changes_is_never_held_back() {
    // crossterm's default reader saw the resize and left the key unread until the next one.
    for _ in 0..15 {
        let mut kiosk = PtyKiosk::start(&[], 80, 24);
        kiosk.wait_for("Choose a topic to read about.");
        kiosk.resize(100, 30);
        kiosk.open_vertebroplasty();
        kiosk.wait_for("› Vertebroplasty");
        kiosk.quit();
    }
}

/// `patient-kiosk stats --format csv` with the state directory `state`: its lines.
fn stats_csv(state: &std::path::Path) -> Vec<String> {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .args(["stats", "--format", "csv"])
        .env("XDG_STATE_HOME", state)
        .env_remove("STATE_DIRECTORY")
        .output()
        .expect("run stats");
    String::from_utf8_lossy(&output.stdout).lines().map(str::to_owned).collect()
}

/// The count of `name` today in `lines`, if any.
fn count_of(lines: &[String], name: &str) -> Option<u64> {
    lines.iter().find_map(|line| {
        let mut fields = line.split(',');
        let (_, counted, count) = (fields.next()?, fields.next()?, fields.next()?);
        (counted == name).then(|| count.parse().ok()).flatten()
    })
}

#[test]
fn usage_counts_are_kept_per_day_and_survive_a_kill_mid_run() {
    let state = tempfile::tempdir().expect("state directory");
    let env = [("XDG_STATE_HOME", state.path().to_str().expect("UTF-8"))];
    let (_dir, path) = config_file("[stats]\nenabled = true\nflush_seconds = 1\n");
    let mut kiosk = PtyKiosk::start_with_env(&["--config", &path], &env, 80, 24);
    kiosk.wait_for("Choose a topic to read about.");
    kiosk.open_vertebroplasty();
    kiosk.wait_for("› Vertebroplasty");
    kiosk.send(b"\x1b[C");
    kiosk.wait_for("2 When it is used");
    kiosk.send(b"/zzqxj");
    kiosk.wait_for("Nothing found for");
    kiosk.send(b"\x1b");
    kiosk.wait_until_gone("Nothing found for");
    // Written within a second; then the power goes.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let lines = loop {
        let lines = stats_csv(state.path());
        if count_of(&lines, "search_without_result") == Some(1) {
            break lines;
        }
        assert!(std::time::Instant::now() < deadline, "never written: {lines:?}");
        std::thread::sleep(Duration::from_millis(100));
    };
    kiosk.signal(libc::SIGKILL);
    assert!(kiosk.wait_exit(Duration::from_secs(5)).is_some());
    let after = stats_csv(state.path());
    assert_eq!(after, lines, "what was written before the kill is all there, and the file opens");
    assert_eq!(after[0], "day,name,count");
    assert_eq!(count_of(&after, "topic_opened"), Some(1));
    assert_eq!(count_of(&after, "page_viewed"), Some(2));
    assert!(after.iter().all(|line| !line.contains("zzqxj") && !line.contains("ertebro")), "{after:?}");
}

#[test]
fn a_topic_is_counted_by_name_only_on_a_day_it_was_opened_five_times() {
    let state = tempfile::tempdir().expect("state directory");
    let env = [("XDG_STATE_HOME", state.path().to_str().expect("UTF-8"))];
    let (_dir, path) = config_file("[stats]\nenabled = true\nflush_seconds = 1\n");
    let mut kiosk = PtyKiosk::start_with_env(&["--config", &path], &env, 80, 24);
    kiosk.wait_for("Choose a topic to read about.");
    for _ in 0..5 {
        kiosk.open_vertebroplasty();
        kiosk.wait_for("› Vertebroplasty");
        kiosk.send(b"\x1b");
        kiosk.wait_for("Choose a topic to read about.");
    }
    // The first topic, once: below the floor, so only in the day's "(other)".
    kiosk.send(b"\x1b[H\r");
    kiosk.wait_until_gone("Choose a topic to read about.");
    kiosk.quit();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .args(["stats", "--by", "topic", "--format", "csv"])
        .env("XDG_STATE_HOME", state.path())
        .env_remove("STATE_DIRECTORY")
        .output()
        .expect("run stats");
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(text.lines().collect::<Vec<_>>(), ["topic,days,count", "vertebroplasty,1,5", "(other),1,1"]);
    assert_eq!(count_of(&stats_csv(state.path()), "topic_opened"), Some(6));
}

#[test]
fn a_broken_usage_database_is_told_to_staff_and_the_kiosk_goes_on() {
    let state = tempfile::tempdir().expect("state directory");
    let folder = state.path().join("patient-kiosk");
    std::fs::create_dir_all(&folder).expect("mkdir");
    std::fs::write(folder.join("usage.sqlite"), b"this is not a database, it is a text file").expect("write");
    let env = [("XDG_STATE_HOME", state.path().to_str().expect("UTF-8"))];
    let (_dir, path) = config_file("[stats]\nenabled = true\n");
    let mut kiosk = PtyKiosk::start_with_env(&["--config", &path], &env, 100, 30);
    kiosk.wait_for("Choose a topic to read about.");
    kiosk.open_vertebroplasty();
    kiosk.wait_for("› Vertebroplasty");
    kiosk.send(b"\x1b[24~");
    kiosk.wait_for("usage counts are off");
    kiosk.send(b"x");
    assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn a_terminal_that_cannot_draw_is_told_to_use_show_instead() {
    for term in [Some("dumb"), Some(""), None] {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_patient-kiosk"));
        match term {
            Some(term) => command.env("TERM", term),
            None => command.env_remove("TERM"),
        };
        let output = command.stdin(std::process::Stdio::null()).output().expect("run the kiosk");
        assert_eq!(output.status.code(), Some(2), "{term:?}");
        assert_eq!(output.stdout, b"", "{term:?}: nothing drawn");
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(said.contains("`patient-kiosk show ID` prints a topic as plain text"), "{term:?}: {said}");
    }
}

/// A database found with a trigger planted in it (code run on every write: it once grew the
/// file to 400 MB in 5 s) is refused and reported; counting stops, the kiosk goes on.
#[test]
fn a_usage_database_with_a_planted_trigger_is_refused() {
    let state = tempfile::tempdir().expect("state directory");
    let folder = state.path().join("patient-kiosk");
    std::fs::create_dir_all(&folder).expect("mkdir");
    let database = folder.join("usage.sqlite");
    let planted = rusqlite::Connection::open(&database).expect("open");
    planted
        .execute_batch(
            "CREATE TABLE counts (day TEXT NOT NULL, name TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (day, name));
             CREATE TABLE junk (x BLOB);
             CREATE TRIGGER grow AFTER INSERT ON counts BEGIN INSERT INTO junk VALUES (zeroblob(100000000)); END;",
        )
        .expect("plant");
    drop(planted);
    let env = [("XDG_STATE_HOME", state.path().to_str().expect("UTF-8"))];
    let (_dir, path) = config_file("[stats]\nenabled = true\nflush_seconds = 1\n");
    let mut kiosk = PtyKiosk::start_with_env(&["--config", &path], &env, 120, 30);
    kiosk.wait_for("Choose a topic to read about.");
    kiosk.open_vertebroplasty();
    kiosk.wait_for("› Vertebroplasty");
    kiosk.send(b"\x1b[24~");
    kiosk.wait_for("this kiosk did not make; move the file away");
    kiosk.send(b"x");
    assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(0));
    let size = std::fs::metadata(&database).expect("database").len();
    assert!(size < 1_000_000, "the trigger never ran: {size} bytes");
}

/// Another program holding the usage database locked never holds up the first frame: the
/// database is opened on a thread, and waits for a lock a quarter of a second at most.
#[test]
fn a_usage_database_locked_by_another_program_does_not_hold_up_the_start() {
    let state = tempfile::tempdir().expect("state directory");
    let folder = state.path().join("patient-kiosk");
    std::fs::create_dir_all(&folder).expect("mkdir");
    let holder = rusqlite::Connection::open(folder.join("usage.sqlite")).expect("open");
    holder.execute_batch("CREATE TABLE counts (day TEXT NOT NULL, name TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (day, name)); BEGIN EXCLUSIVE;").expect("lock");
    let env = [("XDG_STATE_HOME", state.path().to_str().expect("UTF-8"))];
    let (_dir, path) = config_file("[stats]\nenabled = true\n");
    let started = std::time::Instant::now();
    let mut kiosk = PtyKiosk::start_with_env(&["--config", &path], &env, 120, 30);
    kiosk.wait_for("Choose a topic to read about.");
    // The lock used to hold the first frame for 5 s (SQLite's default wait); a second is ample.
    assert!(started.elapsed() < Duration::from_secs(2), "first frame after {:?}", started.elapsed());
    kiosk.send(b"\x1b[24~");
    kiosk.wait_for("usage counts are off");
    kiosk.send(b"x");
    assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(0));
    drop(holder);
}

/// A paste that never ends (the start marker, then 16 MiB) once grew the kiosk by every byte
/// (679 MiB pasted: 705 MB resident). A paste now keeps 64 KiB at most, ended or not.
#[test]
fn an_endless_paste_keeps_its_memory_bounded() {
    let mut kiosk = PtyKiosk::start(&[], 80, 24);
    kiosk.wait_for("Choose a topic to read about.");
    let mut paste = b"\x1b[200~".to_vec();
    paste.extend(std::iter::repeat_n(b'q', 16 << 20));
    kiosk.send(&paste);
    // Once the end comes, the kiosk answers keys again: everything sent has been read.
    kiosk.send(b"\x1b[201~?");
    kiosk.wait_for("Press any key to close this help.");
    let peak = kiosk.peak_memory_kib();
    assert!(peak < 30 * 1024, "peak resident memory {peak} KiB");
    kiosk.send(b"\x1b");
    kiosk.wait_until_gone("Press any key to close this help.");
    kiosk.quit();
}

/// The state letter of a process in /proc (`T` when stopped), if it still exists.
fn process_state(pid: u32) -> Option<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit(')').next().and_then(|rest| rest.split_whitespace().next().map(str::to_owned))
}

/// Ctrl-Z on a staff terminal stops the kiosk as it stops `less`: the terminal given back
/// first, and drawn anew when the shell continues it. A locked kiosk takes no notice.
#[test]
fn ctrl_z_suspends_a_staff_terminal_with_the_terminal_restored_and_continuing_draws_it_again() {
    let mut kiosk = PtyKiosk::start(&[], 80, 24);
    kiosk.wait_for("Choose a topic to read about.");
    kiosk.send(b"\x1a");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while process_state(kiosk.pid()).as_deref() != Some("T") {
        assert!(std::time::Instant::now() < deadline, "not stopped: {:?}", process_state(kiosk.pid()));
        std::thread::sleep(Duration::from_millis(20));
    }
    kiosk.wait_until_gone("Choose a topic to read about.");
    kiosk.assert_terminal_restored();
    kiosk.signal(libc::SIGCONT);
    kiosk.wait_for("Choose a topic to read about.");
    assert!(kiosk.with_screen(|screen| screen.alternate_screen() && screen.hide_cursor()));
    kiosk.quit();
    assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(0));
    kiosk.assert_terminal_restored();

    let (_dir, path) = locked_config(600, 20);
    let mut locked = PtyKiosk::start(&["--config", &path], 80, 24);
    locked.wait_for("Press any key to start");
    // Keys are read in order: had Ctrl-Z stopped it, the staff key would never be answered.
    locked.send(b"\x1a\x1b[24~");
    locked.wait_for("Enter the staff PIN");
    assert_ne!(process_state(locked.pid()).as_deref(), Some("T"));
    locked.signal(libc::SIGTERM);
    assert_eq!(locked.wait_exit(Duration::from_secs(5)), Some(0));
}
