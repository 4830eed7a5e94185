#!/usr/bin/env bash
# Every figure of docs/PERFORMANCE.md's table beside `less`, in one run (about three minutes):
# launch to the first full screen and peak memory, key to frame and bytes per frame, and CPU
# over 60 s idle. Run by hand, not in CI, from the project's root:
#
#     scripts/measure-beside-less.sh [SEED_TEXT]
set -euo pipefail
seed=${1:-../shared/seed/000_0d657cd1e37a062a.txt}
cargo build --release --quiet
echo "# machine: $(nproc) cores, $(uname -sr), $(date -u +%Y-%m-%d)"
python3 scripts/first-screen.py --runs 20 --seed "$seed"
python3 scripts/key-to-frame.py --presses 30
python3 scripts/idle-cpu.py --seconds 60 --seed "$seed"
