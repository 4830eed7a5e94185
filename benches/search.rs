//! Search per keystroke: the query as it grows letter by letter, on 1,000 and 10,000 topics.
//! Run with `cargo bench --bench search`; figures are in docs/PERFORMANCE.md.

mod support;

use divan::Bencher;
use kiosk_content::i18n::Catalog;
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
#[divan::bench(args = [1_000, 10_000], sample_count = 20)]
fn keystroke(bencher: Bencher, topics: usize) {
    typing(bencher, topics, &["r", "re", "rec", "reco", "recov", "recovr", "recovry"]);
}

/// A second word typed after the first: every group holding both is scored, so this is the
/// slower case.
#[divan::bench(args = [1_000, 10_000], sample_count = 20)]
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
