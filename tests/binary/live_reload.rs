//! Live reload: the content folder changes under a running kiosk. Only whole, valid libraries
//! are ever swapped in, and the reader keeps their place.

use std::time::{Duration, Instant};

use crate::common::pty::PtyKiosk;
use crate::common::*;
use kiosk_content::i18n::Catalog;
use kiosk_content::{Library, Reloaded, TrustedKeys, load_bundled, load_folder, reload};
use kiosk_core::app::{App, Effect, Input, Key, Page, Screen, Settings, StaffPanel};

const BUNDLED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/content/vertebroplasty.en.toml");

fn folder_with(files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

fn titles(library: &Library) -> Vec<&str> {
    library.topics().iter().map(|t| t.title.as_str()).collect()
}

#[test]
fn a_broken_edit_keeps_the_last_good_version_of_that_topic() {
    let dir = folder_with(&[
        ("knee.en.toml", topic_toml("knee", "Knee")),
        ("hip.en.toml", topic_toml("hip", "Hip")),
    ]);
    let before = load_folder(dir.path(), &TrustedKeys::default()).expect("folder").library;
    std::fs::write(dir.path().join("knee.en.toml"), "id = \"knee\"\ntitle = \"Kn").expect("half a file");
    std::fs::write(dir.path().join("hip.en.toml"), topic_toml("hip", "Hip, edited")).expect("edit");
    let after = reload(dir.path(), &TrustedKeys::default(), &before);
    assert_eq!(titles(&after.library), ["Hip, edited", "Knee"]);
    assert!(after.notices[0].contains("knee.en.toml:2:"), "{:?}", after.notices);
    assert_eq!(
        after.notices.last().map(String::as_str),
        Some("1 topic is shown as it was before: its file no longer loads")
    );
}

#[test]
fn a_vanished_folder_keeps_the_whole_library_and_a_deleted_file_removes_its_topic() {
    let dir = folder_with(&[
        ("knee.en.toml", topic_toml("knee", "Knee")),
        ("hip.en.toml", topic_toml("hip", "Hip")),
    ]);
    let before = load_folder(dir.path(), &TrustedKeys::default()).expect("folder").library;
    std::fs::remove_file(dir.path().join("hip.en.toml")).expect("delete");
    let after = reload(dir.path(), &TrustedKeys::default(), &before);
    assert_eq!(titles(&after.library), ["Knee"]);
    let missing = dir.path().join("gone");
    let kept = reload(&missing, &TrustedKeys::default(), &after.library);
    assert_eq!(kept.library, after.library);
    assert!(kept.notices[0].starts_with("cannot read the content folder"), "{:?}", kept.notices);
    assert!(kept.notices[0].ends_with("; still showing the topics loaded before"));
}

fn bundled_staff_app() -> App {
    let settings = Settings { staff: true, content_folder: true, ..Settings::default() };
    App::new(load_bundled().library, Catalog::english(), settings, (80, 24), t0())
}

#[test]
fn the_reader_keeps_their_place_when_the_library_is_swapped() {
    let mut app = bundled_staff_app();
    press_all(&mut app, &[Key::Enter, Key::Char('3'), Key::Down, Key::Down]);
    let before = topic_state(&app).clone();
    let mut library = load_bundled().library.topics().to_vec();
    let english = library.iter_mut().find(|t| t.language == "en").expect("English topic");
    english.title = "Vertebroplasty, edited".into();
    send(
        &mut app,
        Input::Reloaded(kiosk_content::Reloaded {
            library: Library::new(library),
            notices: vec![],
            revision: None,
        }),
    );
    assert_eq!(topic_state(&app), &before);
    assert_eq!(app.topic().expect("open").0.title, "Vertebroplasty, edited");
}

#[test]
fn a_topic_removed_from_the_library_takes_the_reader_home() {
    let mut app = bundled_staff_app();
    press(&mut app, Key::Enter);
    send(
        &mut app,
        Input::Reloaded(kiosk_content::Reloaded {
            library: Library::default(),
            notices: vec!["gone".into()],
            revision: None,
        }),
    );
    assert_eq!(app.screen(), &Screen::Home);
    assert_eq!(app.notices(), ["gone"]);
}

#[test]
fn fewer_faq_entries_after_a_reload_close_the_answers_that_went() {
    let mut app = bundled_staff_app();
    press(&mut app, Key::Enter);
    while app.pages()[topic_state(&app).page] != Page::Faq {
        press(&mut app, Key::Right);
    }
    press_all(&mut app, &[Key::End, Key::Enter]);
    let mut topics = load_bundled().library.topics().to_vec();
    topics.iter_mut().find(|t| t.language == "en").expect("English topic").faq.truncate(2);
    send(
        &mut app,
        Input::Reloaded(kiosk_content::Reloaded {
            library: Library::new(topics),
            notices: vec![],
            revision: None,
        }),
    );
    let state = topic_state(&app);
    assert_eq!((state.faq_open.len(), state.faq_selected), (2, 1));
}

#[test]
fn staff_may_reload_from_the_staff_menu_and_patients_have_no_key_for_it() {
    let mut app = bundled_staff_app();
    assert_eq!(press(&mut app, Key::Char('r')), vec![]);
    press(&mut app, Key::Function(12));
    assert_eq!(app.session().staff_panel(), Some(&StaffPanel::Menu));
    assert_eq!(press(&mut app, Key::Char('r')), vec![Effect::ReloadContent]);
    let mut bundled = bundled_app(80, 24);
    press(&mut bundled, Key::Function(12));
    assert_eq!(press(&mut bundled, Key::Char('r')), vec![], "bundled content has no folder to read");
}

/// Waits until the screen shows one of `texts`; returns which.
fn wait_for_any(kiosk: &PtyKiosk, texts: &[&str], within: Duration) -> Option<usize> {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        let screen = kiosk.contents();
        if let Some(found) = texts.iter().position(|text| screen.contains(text)) {
            return Some(found);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

#[test]
fn a_file_written_in_pieces_never_shows_half_a_topic_and_an_edit_shows_within_two_seconds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = dir.path().join("content");
    std::fs::create_dir(&content).expect("mkdir");
    let file = content.join("vertebroplasty.en.toml");
    let original = std::fs::read_to_string(BUNDLED).expect("bundled topic");
    std::fs::write(&file, &original).expect("write");
    let mut kiosk = PtyKiosk::start(&["--content", content.to_str().expect("UTF-8")], 80, 24);
    kiosk.wait_for("Choose a topic");
    kiosk.send(b"\r");
    kiosk.wait_for("› Vertebroplasty");

    // The kiosk is on the topic; the file is rewritten in two halves, slowly.
    let edited = original.replacen("title = \"Vertebroplasty\"", "title = \"Vertebroplasty (new)\"", 1);
    let (first, second) = edited.split_at(edited.len() / 2);
    std::fs::write(&file, first).expect("first half");
    let started = Instant::now();
    while started.elapsed() < Duration::from_millis(1200) {
        let screen = kiosk.contents();
        assert!(screen.contains("Vertebroplasty"), "the topic left the screen:\n{screen}");
        assert!(!screen.contains("No topics are available"), "{screen}");
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut whole = std::fs::OpenOptions::new().append(true).open(&file).expect("open");
    std::io::Write::write_all(&mut whole, second.as_bytes()).expect("second half");
    drop(whole);
    let written = Instant::now();
    kiosk.wait_for("Vertebroplasty (new)");
    assert!(written.elapsed() < Duration::from_secs(2), "took {:?}", written.elapsed());
    kiosk.quit();
}

#[test]
fn a_deleted_folder_keeps_the_topics_and_a_restored_one_is_read_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = dir.path().join("content");
    std::fs::create_dir(&content).expect("mkdir");
    let original = std::fs::read_to_string(BUNDLED).expect("bundled topic");
    std::fs::write(content.join("vertebroplasty.en.toml"), &original).expect("write");
    let mut kiosk = PtyKiosk::start(&["--content", content.to_str().expect("UTF-8")], 80, 24);
    kiosk.wait_for("Vertebroplasty");

    std::fs::remove_dir_all(&content).expect("delete the folder");
    // Once the kiosk has seen the folder go (staff are told), it still shows the topics.
    kiosk.send(b"\x1b[24~");
    kiosk.wait_for("cannot read the content folder");
    kiosk.send(b"\x1b");
    kiosk.wait_until_gone("cannot read the content folder");
    assert!(kiosk.contents().contains("Vertebroplasty"), "{}", kiosk.contents());

    std::fs::create_dir(&content).expect("restore the folder");
    let restored =
        original.replacen("title = \"Vertebroplasty\"", "title = \"Vertebroplasty (restored)\"", 1);
    std::fs::write(content.join("vertebroplasty.en.toml"), restored).expect("write");
    assert_eq!(
        wait_for_any(&kiosk, &["Vertebroplasty (restored)"], Duration::from_secs(5)),
        Some(0),
        "{}",
        kiosk.contents()
    );
    kiosk.quit();
}

#[test]
fn a_library_still_loading_says_so_until_it_arrives() {
    let mut app = App::new(Library::default(), Catalog::english(), Settings::default(), (80, 24), t0())
        .loading_library();
    assert!(app.loading());
    assert!(screen_text(&app).contains("Loading the topics. One moment, please."));

    let library = library_of(3);
    send(&mut app, Input::Reloaded(Reloaded { library, notices: Vec::new(), revision: None }));
    assert!(!app.loading());
    let text = screen_text(&app);
    assert!(text.contains("Topic 00"), "{text}");
    assert!(!text.contains("Loading"), "{text}");
}

#[test]
fn a_clinic_folder_shows_its_list_first_and_a_large_one_says_it_is_loading() {
    // A clinic's handful of topics is read before the first frame: no "Loading" flashes by.
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = |name: &str, topics: usize| {
        let content = dir.path().join(name);
        std::fs::create_dir(&content).expect("mkdir");
        for n in 0..topics {
            let id = format!("topic-{n:02}");
            std::fs::write(content.join(format!("{id}.en.toml")), topic_toml(&id, &format!("Topic {n:02}")))
                .expect("write");
        }
        content
    };
    for (topics, loading_shown) in [(3, false), (40, true)] {
        let content = folder(&format!("content-{topics}"), topics);
        let mut kiosk = PtyKiosk::start(&["--content", content.to_str().expect("UTF-8")], 80, 24);
        kiosk.wait_for("Topic 00");
        let written = String::from_utf8_lossy(&kiosk.bytes()).into_owned();
        assert_eq!(written.contains("Loading the topics"), loading_shown, "{topics} topics");
        kiosk.quit();
    }
}

/// Bytes the process has read so far, by any system call.
fn bytes_read(pid: u32) -> u64 {
    let io = std::fs::read_to_string(format!("/proc/{pid}/io")).expect("/proc/PID/io");
    io.lines()
        .find_map(|line| line.strip_prefix("rchar: "))
        .and_then(|count| count.trim().parse().ok())
        .expect("an rchar line")
}

#[test]
fn reading_the_folder_does_not_count_as_a_change_to_it() {
    // The folder's parent is watched too (to see the folder vanish), so it is a quiet folder of
    // the test's own rather than the busy temporary folder.
    let parent = tempfile::tempdir().expect("temp dir");
    let folder = parent.path().join("content");
    std::fs::create_dir(&folder).expect("content folder");
    let original = std::fs::read_to_string(BUNDLED).expect("bundled topic");
    std::fs::write(folder.join("vertebroplasty.en.toml"), &original).expect("write");
    let mut kiosk = PtyKiosk::start(&["--content", folder.to_str().expect("UTF-8")], 80, 24);
    kiosk.wait_for("Vertebroplasty");
    // Longer than the quiet moment a change waits for, so a reload set off by the kiosk's own
    // reading would have begun.
    std::thread::sleep(Duration::from_millis(800));
    let before = bytes_read(kiosk.pid());
    std::thread::sleep(Duration::from_millis(1_500));
    assert_eq!(bytes_read(kiosk.pid()), before, "the idle kiosk kept reading its folder");
    kiosk.quit();
}

#[test]
fn a_named_pipe_in_the_folder_never_stops_live_reload() {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = dir.path().join("content");
    std::fs::create_dir(&content).expect("mkdir");
    std::fs::write(content.join("knee.en.toml"), topic_toml("knee", "Knee")).expect("write");
    let mut kiosk = PtyKiosk::start(&["--content", content.to_str().expect("UTF-8")], 80, 24);
    kiosk.wait_for("Knee");

    // A pipe appears (the reload it sets off must not wait on it), then goes again.
    make_fifo(&content.join("pipe.en.toml"));
    std::fs::write(content.join("hip.en.toml"), topic_toml("hip", "Hip")).expect("write");
    kiosk.wait_for("Hip");
    std::fs::remove_file(content.join("pipe.en.toml")).expect("remove the pipe");
    std::fs::write(content.join("elbow.en.toml"), topic_toml("elbow", "Elbow")).expect("write");
    kiosk.wait_for("Elbow");
    kiosk.quit();
}

#[test]
fn a_named_pipe_among_the_topics_never_stops_the_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("knee.en.toml"), topic_toml("knee", "Knee")).expect("write");
    make_fifo(&dir.path().join("pipe.en.toml"));
    let folder = dir.path().to_str().expect("UTF-8");
    let mut kiosk = PtyKiosk::start(&["--content", folder, "--topic", "knee"], 80, 24);
    kiosk.wait_for("› Knee");
    kiosk.quit();
    let mut kiosk = PtyKiosk::start(&["--content", folder], 80, 24);
    kiosk.wait_for("Knee");
    kiosk.quit();
}

#[test]
fn the_staff_menu_names_the_build_and_the_content_revision_which_follows_the_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = dir.path().join("content");
    std::fs::create_dir(&content).expect("mkdir");
    std::fs::write(content.join("knee.en.toml"), topic_toml("knee", "Knee")).expect("write");
    let mut kiosk = PtyKiosk::start(&["--content", content.to_str().expect("UTF-8")], 100, 30);
    kiosk.wait_for("Knee");
    let revision = |kiosk: &mut PtyKiosk| {
        kiosk.send(b"\x1b[24~");
        kiosk.wait_for("· content ");
        let screen = kiosk.contents();
        kiosk.send(b"\x1b");
        kiosk.wait_until_gone("· content ");
        let line =
            screen.lines().find(|line| line.contains("· content ")).expect("the build line").to_owned();
        assert!(line.contains(concat!("patient-kiosk ", env!("CARGO_PKG_VERSION"), " (commit ")), "{line}");
        line.split("· content ")
            .nth(1)
            .expect("a revision")
            .split_whitespace()
            .next()
            .expect("hex")
            .to_owned()
    };
    let before = revision(&mut kiosk);
    std::fs::write(content.join("hip.en.toml"), topic_toml("hip", "Hip")).expect("write");
    kiosk.wait_for("Hip");
    let after = revision(&mut kiosk);
    assert_ne!(before, after, "a new file is a new revision");
    assert_eq!(before.len(), 12);
    kiosk.quit();
}

/// The journal lines written so far (standard error, sent to a file as a unit sends it to the
/// journal), once `wanted` is among them.
fn journal_once(log: &std::path::Path, wanted: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        if text.contains(wanted) {
            return text;
        }
        assert!(Instant::now() < deadline, "the journal never said {wanted:?}:\n{text}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_journal_tells_it_of_start_reloads_failed_reloads_lockouts_and_the_exit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = dir.path().join("content");
    std::fs::create_dir(&content).expect("mkdir");
    std::fs::write(content.join("knee.en.toml"), topic_toml("knee", "Knee")).expect("write");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, format!("[kiosk]\nlocked = true\nexit_pin_hash = \"{}\"\n", test_pin_hash()))
        .expect("write");
    let log = dir.path().join("journal.log");
    let args = ["--config", config.to_str().expect("UTF-8"), "--content", content.to_str().expect("UTF-8")];
    let mut kiosk = PtyKiosk::start_with_stderr(&args, &log, 80, 24);
    kiosk.wait_for("Press any key to start");
    // A folder this small is read before the first frame: the start line says what it holds.
    let text = journal_once(&log, "<6>patient-kiosk: start: patient-kiosk ");
    assert!(text.contains(&format!("content {}, 1 topic, revision ", content.display())), "{text}");

    // A broken edit: the topic is kept, and IT reads which file and where.
    std::fs::write(content.join("knee.en.toml"), "id = \"knee\"\ntitle = ").expect("break it");
    let text = journal_once(&log, "<4>patient-kiosk: content: ");
    assert!(text.contains("knee.en.toml:2:"), "{text}");

    // Five wrong PINs: a lockout, never the digits typed.
    for attempt in 1..=5 {
        kiosk.send(b"\x1b[24~");
        kiosk.wait_for("Enter the staff PIN");
        kiosk.send(b"000000\r");
        // The PIN is checked on a thread: the next try waits for this one's answer.
        kiosk.wait_for(if attempt < 5 { "Wrong PIN." } else { "Too many wrong PINs" });
    }
    let text = journal_once(
        &log,
        "<4>patient-kiosk: PIN lockout: too many wrong PINs, the PIN screen is closed for 1 min",
    );
    assert!(!text.contains("000000"), "{text}");

    kiosk.signal(libc::SIGTERM);
    assert_eq!(kiosk.wait_exit(Duration::from_secs(5)), Some(0));
    journal_once(&log, "<6>patient-kiosk: exit: signal 15");
    // Nothing a patient reads or types: no topic title, no screen text.
    let text = std::fs::read_to_string(&log).expect("journal");
    assert!(!text.contains("Knee") && !text.contains("\x1b["), "{text}");
}

#[test]
fn a_large_folder_is_listed_from_the_heads_kept_last_time_and_only_changed_files_are_read() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let content = dir.path().join("content");
    std::fs::create_dir(&content).expect("mkdir");
    for n in 0..40 {
        let id = format!("topic-{n:02}");
        std::fs::write(content.join(format!("{id}.en.toml")), topic_toml(&id, &format!("Topic {n:02}")))
            .expect("write");
    }
    // A file changed within two seconds of a start is read again at the next (its stamp may
    // not show a change made in the same tick); these are to be older than that.
    std::thread::sleep(Duration::from_secs(3));
    let cache = dir.path().join("cache");
    let env = [("XDG_CACHE_HOME", cache.to_str().expect("UTF-8"))];
    let args = ["--content", content.to_str().expect("UTF-8")];
    let start = |log: &str| {
        let log = dir.path().join(log);
        let kiosk = PtyKiosk::start_with_env_and_stderr(&args, &env, &log, 80, 24);
        kiosk.wait_for("Topic 00");
        (kiosk, log)
    };

    let (mut kiosk, log) = start("first.log");
    journal_once(&log, "<6>patient-kiosk: topic names: 40 of 40 topic files read, the rest as kept");
    kiosk.quit();
    let kept = cache.join("patient-kiosk/topic-heads.postcard");
    let mode = |path: &std::path::Path| std::fs::metadata(path).expect("kept").permissions().mode() & 0o777;
    assert_eq!((mode(&kept), mode(kept.parent().expect("folder"))), (0o600, 0o700));

    std::fs::write(content.join("topic-01.en.toml"), topic_toml("topic-01", "Topic 01 edited"))
        .expect("edit");
    let (mut kiosk, log) = start("second.log");
    kiosk.wait_for("Topic 01 edited");
    journal_once(&log, "<6>patient-kiosk: topic names: 1 of 40 topic files read, the rest as kept");
    kiosk.quit();

    // Kept heads that do not read are a slower start, nothing more.
    std::fs::write(&kept, b"\xff\xfe not what was kept").expect("break it");
    let (mut kiosk, log) = start("third.log");
    kiosk.wait_for("Topic 01 edited");
    journal_once(&log, "<6>patient-kiosk: topic names: 40 of 40 topic files read, the rest as kept");
    kiosk.quit();
}

#[test]
fn a_vocabulary_added_while_the_kiosk_runs_leads_search_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = dir.path().join("content");
    std::fs::create_dir(&content).expect("mkdir");
    std::fs::write(content.join("knee.en.toml"), topic_toml("knee", "Knee replacement")).expect("write");
    let mut kiosk = PtyKiosk::start(&["--content", content.to_str().expect("UTF-8")], 80, 24);
    kiosk.wait_for("Knee replacement");
    kiosk.send(b"/arthroplasty");
    kiosk.wait_for("Nothing found for");

    // An editor adds the vocabulary folder and a word; the open search follows the reload.
    std::fs::create_dir(content.join("vocabulary")).expect("mkdir");
    std::fs::write(content.join("vocabulary/en.toml"), "[words]\narthroplasty = [\"knee replacement\"]\n")
        .expect("write");
    kiosk.wait_for("arthroplasty → ");
    kiosk.send(b"\x1b");
    kiosk.wait_until_gone("Search:");
    kiosk.quit();
}

/// A configured folder that cannot be read: the journal says so with its priority, in the words
/// `config check` uses, and the start line names the content really shown; every line the
/// kiosk writes to the journal carries a priority.
#[test]
fn a_missing_folder_is_told_to_the_journal_and_the_start_line_says_bundled() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-folder");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!("content = \"{}\"\n[display]\nlanguages = [\"en\", \"fr\"]\n", missing.display()),
    )
    .expect("write");
    let log = dir.path().join("journal.log");
    let mut kiosk = PtyKiosk::start_with_stderr(&["--config", config.to_str().expect("UTF-8")], &log, 80, 24);
    kiosk.wait_for("Choose a topic to read about.");
    let said = format!(
        "<4>patient-kiosk: cannot read the content folder {}: No such file or directory (os error 2); showing the \
         bundled topics instead",
        missing.display()
    );
    journal_once(&log, &said);
    journal_once(
        &log,
        "<4>patient-kiosk: there is no interface catalog for language `fr`; it is not offered",
    );
    let text = journal_once(&log, "<6>patient-kiosk: start: ");
    let start = text.lines().find(|line| line.contains("start: ")).expect("the start line");
    assert!(start.contains(", content 8 topics, bundled "), "{start}");
    kiosk.quit();
    let text = std::fs::read_to_string(&log).expect("journal");
    for line in text.lines() {
        let priority = line.strip_prefix('<').and_then(|rest| rest.split_once('>')).map(|(n, _)| n);
        assert!(
            priority.is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit()),
            "no priority: {line:?}"
        );
    }
}

/// Context switches of every thread of `pid` so far: each time one of them woke.
fn wake_ups(pid: u32) -> u64 {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).expect("/proc/PID/task");
    tasks
        .flatten()
        .filter_map(|task| std::fs::read_to_string(task.path().join("status")).ok())
        .flat_map(|status| {
            status
                .lines()
                .filter(|line| line.contains("ctxt_switches:"))
                .filter_map(|line| line.split_whitespace().last()?.parse::<u64>().ok())
                .collect::<Vec<_>>()
        })
        .sum()
}

/// Appending to a file beside the content folder (a log in the same parent) wakes no thread of
/// an idle kiosk: it once woke it 2,530 times for 900 appends over 10 s. The folder itself is watched; its
/// parent only while the folder is missing.
#[test]
fn changes_beside_the_content_folder_wake_nothing() {
    let parent = tempfile::tempdir().expect("temp dir");
    let folder = parent.path().join("content");
    std::fs::create_dir(&folder).expect("content folder");
    std::fs::write(folder.join("knee.en.toml"), topic_toml("knee", "Knee replacement")).expect("write");
    let mut kiosk = PtyKiosk::start(&["--content", folder.to_str().expect("UTF-8")], 80, 24);
    kiosk.wait_for("Knee replacement");
    // Past the quiet moment after the start's own reading.
    std::thread::sleep(Duration::from_millis(800));
    let before = wake_ups(kiosk.pid());
    let mut log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(parent.path().join("beside.log"))
        .expect("log");
    // Spread out, as a log grows: appends in one burst are told once.
    for n in 0..300 {
        std::io::Write::write_all(&mut log, format!("line {n}\n").as_bytes()).expect("append");
        std::thread::sleep(Duration::from_millis(3));
    }
    drop(log);
    std::thread::sleep(Duration::from_millis(500));
    let woke = wake_ups(kiosk.pid()) - before;
    assert!(woke < 10, "the idle kiosk woke {woke} times for appends beside its folder");
    kiosk.quit();
}
