//! Loading and validating one topic, a file with a thousand problems and a folder of 1,000
//! topics (their names first, and whole), and drawing one frame at 80×24 and 200×60.
//! Run with `cargo bench --bench frame`; figures are in docs/PERFORMANCE.md.

#[allow(dead_code)] // Its library builder is for the search benches.
mod support;

use divan::Bencher;
use kiosk_content::i18n::Catalog;
use kiosk_content::{Topic, check_topic, load_bundled, load_in_memory};
use kiosk_core::app::{App, Event, Input, Key, Settings, update};
use kiosk_core::ui::render;
use ratatui_core::backend::TestBackend;
use ratatui_core::terminal::Terminal;

fn main() {
    divan::main();
}

/// Parsing one synthetic topic of about 7 KB and checking it, as a folder load does per file.
#[divan::bench(sample_count = 50)]
fn load_and_validate_topic(bencher: Bencher) {
    let text = support::synthetic_topic_toml(7, "en");
    bencher.bench_local(|| {
        let topic: Topic = toml::from_str(divan::black_box(&text)).expect("a valid topic");
        divan::black_box(check_topic(&topic))
    });
}

/// Loading a file with 1,000 problems, each reported at its line and column: the file is parsed
/// once for all their places, not once for each.
#[divan::bench(sample_count = 10)]
fn load_file_with_many_problems(bencher: Bencher) {
    let mut text = support::synthetic_topic_toml(7, "en");
    for n in 0..1_000 {
        text.push_str(&format!(
            "\n[[faq]]\nquestion = \"Question {n} \\u001b[31m?\"\nanswer = \"Answer.\"\n"
        ));
    }
    let files: [(&str, &[u8]); 1] = [("procedure-00007.en.toml", text.as_bytes())];
    bencher.bench_local(|| {
        let report = load_in_memory(divan::black_box(&files), "bench", &|_| Vec::new());
        assert_eq!(report.diagnostics.len(), 1_000);
        report
    });
}

/// One frame of the bundled topic's longest page, drawn into a fresh buffer as after a key.
#[divan::bench(args = [(80, 24), (200, 60)], sample_count = 50)]
fn render_topic_page(bencher: Bencher, (width, height): (u16, u16)) {
    let now = std::time::Instant::now();
    let mut app =
        App::new(load_bundled().library, Catalog::english(), Settings::default(), (width, height), now);
    for key in [Key::Enter, Key::Right, Key::Right, Key::Right, Key::Right, Key::Right, Key::Right] {
        let _ = update(&mut app, Event::new(Input::Key(key), now));
    }
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    bencher.bench_local(|| {
        terminal.draw(|frame| render(&app, frame)).expect("draw");
    });
}

/// A folder of 1,000 synthetic topics (about 8 KB each) read as the kiosk starts on it: the
/// topics' names first, which the list shows, and the whole files after them. The two side by
/// side are row 3 of issue 23 without the process and the terminal (docs/PERFORMANCE.md).
#[divan::bench(args = ["names", "whole"], sample_count = 10)]
fn read_a_folder_of_1000_topics(bencher: Bencher, read: &str) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    for n in 0..1_000 {
        let path = folder.path().join(format!("procedure-{n:05}.en.toml"));
        std::fs::write(path, support::synthetic_topic_toml(n, "en")).expect("written");
    }
    let keys = kiosk_content::TrustedKeys::NONE;
    bencher.bench_local(|| {
        let library = match read {
            "names" => kiosk_content::read_topic_names(folder.path(), &keys).expect("read"),
            _ => kiosk_content::load_folder(folder.path(), &keys).expect("read").library,
        };
        assert_eq!(library.topics().len(), 1_000);
        library
    });
}
