#!/usr/bin/env bash
# The figures of issue 28 ("the costs a profile found") for a build before and this one, in one
# run: each row prints the earlier revision's figure, then this tree's. Run by hand, not in CI,
# from the project's root (about fifteen minutes: it builds the earlier revision too):
#
#     scripts/costs-before-after.sh REV [LIBRARY_DIR]
#
# REV is the revision to compare with (a commit before the change measured); LIBRARY_DIR the
# 10,000-topic folder, made with `cargo run --release --example generate_library` when missing.
set -euo pipefail
before_rev=${1:?usage: scripts/costs-before-after.sh REV [LIBRARY_DIR]}
library=${2:-/tmp/lib10k}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/tree" 2>/dev/null || true; rm -rf "$work"' EXIT

echo "# machine: $(nproc) cores, $(uname -sr), $(date -u +%Y-%m-%d); before: $before_rev, after: $(git rev-parse --short HEAD)"
cargo build --release --quiet
git worktree add --quiet "$work/tree" "$before_rev"
(cd "$work/tree" && CARGO_TARGET_DIR="$work/target" cargo build --release --quiet)
before="$work/target/release/patient-kiosk"
after="target/release/patient-kiosk"
if [ ! -d "$library" ]; then
    cargo run --release --quiet --example generate_library -- "$library" 10000 en,es
fi

# Wall and user CPU seconds, median of three, of a command.
timed() {
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %U" "$@" 2>&1 >/dev/null | tail -1
    done | sort -n | sed -n 2p
}

row() { printf '%-58s | %-22s | %s\n' "$1" "$2" "$3"; }
row "figure" "before" "after"
row "1. list, 10,000 topics (wall s, user s)" "$(timed "$before" list "$library")" "$(timed "$after" list "$library")"
row "2. search fever, 10,000 topics (wall s, user s)" \
    "$(timed "$before" search fever --content "$library")" "$(timed "$after" search fever --content "$library")"
row "5. --version, instructions (callgrind)" \
    "$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$before" --version 2>&1 | sed -n 's/.*Collected : //p')" \
    "$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$after" --version 2>&1 | sed -n 's/.*Collected : //p')"
echo
echo "# 7. first full screen and peak memory beside less, before then after"
python3 scripts/first-screen.py --runs 20 --binary "$before" --seed ../shared/seed/000_0d657cd1e37a062a.txt
python3 scripts/first-screen.py --runs 20 --binary "$after" --seed ../shared/seed/000_0d657cd1e37a062a.txt
echo
echo "# 5. first full screen with a content folder (the bundled one, as files), before then after"
python3 scripts/first-screen.py --runs 20 --binary "$before" --content content --seed ../shared/seed/000_0d657cd1e37a062a.txt
python3 scripts/first-screen.py --runs 20 --binary "$after" --content content --seed ../shared/seed/000_0d657cd1e37a062a.txt
echo
echo "# 3. search per keystroke (cargo bench, medians), before then after"
(cd "$work/tree" && CARGO_TARGET_DIR="$work/target" cargo bench --quiet --bench search -- second_word keystroke 2>/dev/null | grep -E "├|╰|│")
cargo bench --quiet --bench search -- second_word keystroke 2>/dev/null | grep -E "├|╰|│"
echo
echo "# 6 and 7. key to frame and bytes per frame beside less, before then after"
python3 scripts/key-to-frame.py --presses 30 --binary "$before" --whole-rows-only
python3 scripts/key-to-frame.py --presses 30 --binary "$after"
echo
echo "# 4. wake-ups beside the content folder: the test that counts them (after only)"
cargo test --quiet --test binary changes_beside_the_content_folder_wake_nothing 2>&1 | grep -E "test result"
