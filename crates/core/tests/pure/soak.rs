//! A month of use in a minute or two: a million random events through `update` and the drawing,
//! with the process's resident memory sampled as it goes. Memory must be flat once warmed up.
//! Ignored by default; run it with
//! `cargo test --release --test pure soak -- --ignored --nocapture`.

use kiosk_content::Lang;
use std::time::Duration;

use crate::common::*;
use kiosk_content::i18n::Catalogs;
use kiosk_core::app::{App, Event, Input, Key, Mouse, MouseAction, Settings, update};
use kiosk_core::ui::render;
use ratatui_core::backend::TestBackend;
use ratatui_core::terminal::Terminal;

const EVENTS: u64 = 1_000_000;
const SAMPLE_EVERY: u64 = 50_000;
/// Samples before this many events are warm-up: caches and buffers reach their size.
const WARM_UP: u64 = 200_000;

/// A small xorshift generator: the same stream on every run, and no dependency for it.
struct Stream(u64);

impl Stream {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn input(&mut self) -> Input {
        const KEYS: [Key; 20] = [
            Key::Up,
            Key::Down,
            Key::Left,
            Key::Right,
            Key::Enter,
            Key::Esc,
            Key::Tab,
            Key::PageDown,
            Key::PageUp,
            Key::Home,
            Key::End,
            Key::Backspace,
            Key::Char('/'),
            Key::Char('?'),
            Key::Char('t'),
            Key::Char('a'),
            Key::Char('L'),
            Key::Char('r'),
            Key::Char('e'),
            Key::Char('1'),
        ];
        match self.below(100) {
            0..=79 => Input::Key(KEYS[self.below(KEYS.len() as u64) as usize]),
            80..=89 => Input::Mouse(Mouse {
                action: [MouseAction::Click, MouseAction::ScrollDown, MouseAction::ScrollUp]
                    [self.below(3) as usize],
                column: self.below(100) as u16,
                row: self.below(40) as u16,
            }),
            90..=92 => {
                Input::Resize { width: 20 + self.below(180) as u16, height: 5 + self.below(55) as u16 }
            }
            93 => Input::Paste("recovery".repeat(self.below(4) as usize)),
            94 => Input::SpeechEnded,
            _ => Input::Wake,
        }
    }
}

fn resident_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("a VmRSS line")
}

#[test]
#[ignore = "a soak of a million events; run by hand, see the file's comment"]
fn a_million_events_leave_memory_flat() {
    let languages = vec![Lang::from("en"), Lang::from("es")];
    let (catalogs, _) = Catalogs::bundled(&languages);
    let settings = Settings {
        languages,
        locked: true,
        speech_command: Some(vec!["speak".to_owned()]),
        ..Settings::default()
    };
    let mut app = App::new(vertebroplasty_library(), catalogs, settings, (80, 24), t0());
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut stream = Stream(0x9e37_79b9_7f4a_7c15);
    let mut at = t0();
    let mut samples = Vec::new();
    for n in 1..=EVENTS {
        // Mostly quick keys; now and then the patient walks away and the kiosk resets.
        at += match stream.below(1_000) {
            0 => Duration::from_secs(600),
            _ => Duration::from_millis(stream.below(2_000)),
        };
        let _ = update(&mut app, Event::new(stream.input(), at));
        let area = app.area();
        if terminal.size().map(|size| (size.width, size.height)).ok() != Some((area.width, area.height)) {
            terminal.backend_mut().resize(area.width, area.height);
        }
        terminal.draw(|frame| render(&app, frame)).expect("draw");
        if n % SAMPLE_EVERY == 0 {
            samples.push((n, resident_kib()));
        }
    }
    for (n, kib) in &samples {
        println!("after {n:>9} events: {kib} KiB resident");
    }
    let warm: Vec<u64> = samples.iter().filter(|(n, _)| *n >= WARM_UP).map(|(_, kib)| *kib).collect();
    let (first, highest) = (warm[0], *warm.iter().max().expect("samples"));
    // Allocator noise is a few hundred KiB; a leak of one byte an event would be a megabyte.
    assert!(highest <= first + 1_024, "memory grew from {first} KiB to {highest} KiB after warm-up");
}
