//! Search per keystroke (the query as it grows letter by letter), the first keystroke before
//! the index is ready, and keys on the topic list, on 1,000, 10,000 and 50,000 topics.
//! Run with `cargo bench --bench search`; figures are in docs/PERFORMANCE.md.

mod support;

use divan::Bencher;
use kiosk_content::i18n::Catalog;
use kiosk_core::app::{App, Event, Input, Key, Settings, update};
use kiosk_core::search::SearchIndex;

fn main() {
    divan::main();
}

/// Searches for each of `typed` in turn, one a sample, as someone typing: the index is built
/// once, as the kiosk keeps it.
fn typing(bencher: Bencher, topics: usize, typed: &[&str]) {
    let index =
        SearchIndex::build(&support::synthetic_library(topics), &Catalog::english(), "en", false, &|_| true);
    let mut next = 0;
    bencher.bench_local(|| {
        let query = typed[next % typed.len()];
        next += 1;
        divan::black_box(index.search(query, 50))
    });
}

/// One word typed letter by letter.
#[divan::bench(args = [1_000, 10_000, 50_000], sample_count = 20)]
fn keystroke(bencher: Bencher, topics: usize) {
    typing(bencher, topics, &["r", "re", "rec", "reco", "recov", "recovr", "recovry"]);
}

/// A second word typed after the first: every group holding both is scored, so this is the
/// slower case.
#[divan::bench(args = [1_000, 10_000, 50_000], sample_count = 20)]
fn second_word(bencher: Bencher, topics: usize) {
    typing(bencher, topics, &["pain w", "pain wa", "pain wal", "pain walk", "pain walk s", "pain walk sl"]);
}

/// Building the index, which happens when search is first opened (and again after a change of
/// language or staff mode).
#[divan::bench(args = [1_000, 10_000], sample_count = 3)]
fn build_index(bencher: Bencher, topics: usize) {
    let library = support::synthetic_library(topics);
    bencher.bench_local(|| {
        divan::black_box(SearchIndex::build(&library, &Catalog::english(), "en", false, &|_| true))
    });
}

/// The kiosk on a synthetic library, as it stands when the topic list has just appeared: no
/// search index built yet.
fn fresh_kiosk(topics: usize) -> App {
    App::new(
        support::synthetic_library(topics),
        Catalog::english(),
        Settings::default(),
        (80, 24),
        std::time::Instant::now(),
    )
}

/// The first letter typed into search as soon as the list appears: the whole index is still
/// being built elsewhere, so the names are indexed on the spot and searched.
#[divan::bench(args = [1_000, 10_000], sample_count = 10)]
fn first_keystroke(bencher: Bencher, topics: usize) {
    bencher
        .with_inputs(|| {
            let mut app = fresh_kiosk(topics);
            let _ = update(&mut app, Event::new(Input::Key(Key::Char('/')), std::time::Instant::now()));
            app
        })
        .bench_local_values(|mut app| {
            let effects = update(&mut app, Event::new(Input::Key(Key::Char('r')), std::time::Instant::now()));
            divan::black_box((effects, app))
        });
}

/// ↓ on the topic list: the cost of a key where the screen shows the list.
#[divan::bench(args = [1_000, 10_000], sample_count = 20)]
fn list_down(bencher: Bencher, topics: usize) {
    let mut app = fresh_kiosk(topics);
    let mut down = true;
    bencher.bench_local(|| {
        // Down and up in turn, so every sample moves.
        let key = if down { Key::Down } else { Key::Up };
        down = !down;
        divan::black_box(update(&mut app, Event::new(Input::Key(key), std::time::Instant::now())))
    });
}

/// Opening search and closing it again on the topic list.
#[divan::bench(args = [1_000, 10_000], sample_count = 20)]
fn open_and_close_search(bencher: Bencher, topics: usize) {
    let mut app = fresh_kiosk(topics);
    bencher.bench_local(|| {
        let now = std::time::Instant::now();
        let opened = update(&mut app, Event::new(Input::Key(Key::Char('/')), now));
        let closed = update(&mut app, Event::new(Input::Key(Key::Esc), now));
        divan::black_box((opened, closed))
    });
}

/// The index of 50,000 topics, built once for the keystrokes below.
static INDEX_50K: std::sync::LazyLock<SearchIndex> = std::sync::LazyLock::new(|| {
    SearchIndex::build(&support::synthetic_library(50_000), &Catalog::english(), "en", false, &|_| true)
});

/// Each keystroke on its own at 50,000 topics, the key before it searched first and not timed
/// (as when typing, the index keeps what that query's words matched): every one must stay
/// within 2 ms.
#[divan::bench(
    args = ["r", "recovry", "pain w", "pain wa", "pain wal", "pain walk", "pain walk s", "pain walk sl"],
    sample_count = 30
)]
fn each_keystroke_at_50000(bencher: Bencher, query: &str) {
    let index = &*INDEX_50K;
    let key_before = &query[..query.len() - 1];
    bencher
        .with_inputs(|| {
            let _ = index.search(key_before, 50);
        })
        .bench_local_values(|()| divan::black_box(index.search(query, 50)));
}
