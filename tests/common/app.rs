//! Helpers shared by the test programs: apps on known content, events to feed them, and the
//! system tools a test needs. The pure tests (crates/core/tests/pure) use these; the binary's
//! (tests/binary) add the pseudo-terminal and pictures (`mod.rs`).
#![allow(dead_code)] // Each test file uses its own share of these.

use std::sync::OnceLock;
use std::time::Instant;

use kiosk_content::i18n::Catalog;
use kiosk_content::{Library, Topic, load_bundled};
use kiosk_core::app::{App, Effect, Event, Input, Key, Mouse, MouseAction, Settings, update};

/// The bundled vertebroplasty topic alone, in both languages, with the bundled vocabularies:
/// the topic most tests walk through, whatever else is bundled beside it.
pub fn vertebroplasty_library() -> Library {
    let library = load_bundled().library;
    let vocabularies = library.vocabularies().to_vec();
    let topics = library.into_topics().into_iter().filter(|topic| topic.id == "vertebroplasty").collect();
    Library::new(topics).with_vocabularies(vocabularies)
}

/// `library` as the shell first sends a large folder's (`Input::NamesRead`), and as a bare
/// start first shows the bundled one: each topic without its pages.
pub fn names_only(library: &Library) -> Library {
    Library::new(library.topics().iter().map(Topic::head).collect())
        .with_vocabularies(library.vocabularies().to_vec())
}

/// One moment for a whole test: nothing here depends on time passing.
pub fn t0() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

/// The kiosk on the bundled content, as a patient sees it.
pub fn bundled_app(width: u16, height: u16) -> App {
    App::new(vertebroplasty_library(), Catalog::english(), Settings::default(), (width, height), t0())
}

/// The kiosk on the bundled content, as staff see it.
pub fn staff_app(width: u16, height: u16) -> App {
    let settings = Settings { staff: true, ..Settings::default() };
    App::new(vertebroplasty_library(), Catalog::english(), settings, (width, height), t0())
}

/// A small valid topic, as a topic file would say it.
pub fn topic_toml(id: &str, title: &str) -> String {
    format!(
        r#"id = "{id}"
language = "en"
title = "{title}"
subtitle = "About {title}"
summary = "A short summary of {title}."
category = "Test"
[review]
status = "reviewed"
reviewed_by = "Dana Lee, MD"
reviewed_on = 2026-11-01
[[sections]]
kind = "symptoms"
items = ["One.", "Two."]
[[faq]]
question = "Why?"
answer = "Because."
"#
    )
}

/// A library of `count` small topics named "Topic 00", "Topic 01", …
pub fn library_of(count: usize) -> Library {
    let topics = (0..count)
        .map(|n| {
            toml::from_str::<Topic>(&topic_toml(&format!("topic-{n:02}"), &format!("Topic {n:02}")))
                .expect("valid topic")
        })
        .collect();
    Library::new(topics)
}

/// The kiosk on a library of `count` small topics.
pub fn app_with_topics(count: usize, width: u16, height: u16) -> App {
    App::new(library_of(count), Catalog::english(), Settings::default(), (width, height), t0())
}

pub fn send(app: &mut App, input: Input) -> Vec<Effect> {
    deliver(app, Event::new(input, t0()))
}

/// `update`, with a search index it asks for built at once and a PIN it asks to check checked
/// at once, as the shell would on a thread, and usage counts let go (`crates/core/tests/pure/usage.rs`
/// checks them); the other effects are returned for the test to check.
pub fn deliver(app: &mut App, event: Event) -> Vec<Effect> {
    let at = event.at;
    let mut left = Vec::new();
    for effect in update(app, event) {
        match effect {
            Effect::BuildSearchIndex(job) => {
                left.extend(deliver(app, Event::new(Input::SearchIndexReady(job.build()), at)));
            }
            Effect::CheckPin { hash, entered } => {
                let right = kiosk_core::pin::verify_pin(&hash, &entered);
                left.extend(deliver(app, Event::new(Input::PinChecked(right), at)));
            }
            Effect::Count(_) => {}
            other => left.push(other),
        }
    }
    left
}

pub fn press(app: &mut App, key: Key) -> Vec<Effect> {
    send(app, Input::Key(key))
}

pub fn press_all(app: &mut App, keys: &[Key]) {
    for key in keys {
        press(app, *key);
    }
}

pub fn click(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    send(app, Input::Mouse(Mouse { action: MouseAction::Click, column, row }))
}

pub fn wheel_down(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    send(app, Input::Mouse(Mouse { action: MouseAction::ScrollDown, column, row }))
}

pub fn wheel_up(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    send(app, Input::Mouse(Mouse { action: MouseAction::ScrollUp, column, row }))
}

/// The open topic's state; fails the test when no topic is open.
pub fn topic_state(app: &App) -> &kiosk_core::app::TopicState {
    match app.screen() {
        kiosk_core::app::Screen::Topic(state) => state,
        other => panic!("expected a topic to be open, not {other:?}"),
    }
}

/// The staff PIN every test kiosk uses.
pub const TEST_PIN: &str = "246813";

/// The argon2 hash of [`TEST_PIN`], made once per test program.
pub fn test_pin_hash() -> String {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| kiosk_core::pin::hash_pin(TEST_PIN).expect("hash the test PIN")).clone()
}

/// A locked kiosk on the bundled content, with the test PIN, 90 s idle and a 20 s warning.
pub fn locked_app() -> App {
    let settings = Settings {
        locked: true,
        pin_hash: Some(test_pin_hash()),
        clinic_name: "Riverside Spine Clinic".to_owned(),
        ..Settings::default()
    };
    App::new(vertebroplasty_library(), Catalog::english(), settings, (80, 24), t0())
}

/// Sends an event that happens `after` the start of the test.
pub fn send_at(app: &mut App, after: std::time::Duration, input: Input) -> Vec<Effect> {
    deliver(app, Event::new(input, t0() + after))
}

/// The screen as drawn through ratatui's test backend, at the app's size.
pub fn draw(app: &App) -> ratatui_core::buffer::Buffer {
    let area = app.area();
    let backend = ratatui_core::backend::TestBackend::new(area.width, area.height);
    let mut terminal = ratatui_core::terminal::Terminal::new(backend).expect("terminal");
    terminal.draw(|frame| kiosk_core::ui::render(app, frame)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The screen as text, one line per row.
pub fn screen_text(app: &App) -> String {
    let buffer = draw(app);
    (0..buffer.area.height)
        .map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

/// Makes a named pipe at `path`: opening it for reading waits for a writer that never comes.
pub fn make_fifo(path: &std::path::Path) {
    let name = std::ffi::CString::new(path.to_str().expect("UTF-8 path")).expect("no NUL");
    // SAFETY: mkfifo reads a NUL-terminated path we own.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0, "mkfifo {}", path.display());
}

/// Whether `tool` is installed, for a test that needs it. On CI (`CI=true`) a missing tool fails
/// the test: `.ci/run` installs it, and a skipped check proves nothing. Elsewhere the skip is
/// written past the test harness's capture, named and counted, so it shows in the output.
pub fn tool_for(test: &str, tool: &str) -> bool {
    let found = std::process::Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|output| output.status.success());
    found || skipped(test, tool)
}

/// Whether the file at `path` (from the Debian package `package`) is there, for a test that
/// reads it; missing, as [`tool_for`].
pub fn file_for(test: &str, path: &str, package: &str) -> bool {
    std::path::Path::new(path).exists() || skipped(test, &format!("{path} (package {package})"))
}

/// Fails on CI, else says the test was skipped and why; `false`.
fn skipped(test: &str, what: &str) -> bool {
    use std::io::Write as _;
    use std::sync::atomic::{AtomicUsize, Ordering};
    static SKIPPED: AtomicUsize = AtomicUsize::new(0);
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{test} needs {what}, which is not installed; .ci/run installs it"
    );
    let count = SKIPPED.fetch_add(1, Ordering::SeqCst) + 1;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: {what} is not installed (.ci/run installs it); skipped in this test program: {count}"
    );
    false
}
