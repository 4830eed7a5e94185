#!/usr/bin/env python3
"""Time from launch to the first full screen, and peak memory, in a real pseudo-terminal.

Runs each program N times at 80x24 and prints the median time until its first screen shows a
marker text, and its peak resident memory (ru_maxrss from wait4). Run by hand, not in CI:

    cargo build --release
    scripts/first-screen.py --runs 20 --seed ../shared/seed/000_0d657cd1e37a062a.txt
"""

import argparse
import fcntl
import os
import select
import statistics
import struct
import subprocess
import termios
import time


def measure(argv, marker, quit_keys, columns=80, rows=24, timeout=60.0):
    """Seconds until `marker` appears on the terminal, and peak memory in KiB."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", LESS="", LESSHISTFILE="-")
    started = time.perf_counter()
    child = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True, close_fds=True
    )
    os.close(slave)
    seen = b""
    elapsed = None
    while time.perf_counter() - started < timeout:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            seen += chunk
            if marker.encode() in seen:
                elapsed = time.perf_counter() - started
                break
    # VmHWM is the peak resident memory since exec, so Python's own pages are not counted.
    peak_kib = peak_memory_kib(child.pid)
    os.write(master, quit_keys)
    os.waitpid(child.pid, 0)
    os.close(master)
    if elapsed is None:
        raise SystemExit(f"{argv[0]} never showed {marker!r}")
    return elapsed, peak_kib


def peak_memory_kib(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise SystemExit(f"no VmHWM for {pid}")


def summarize(name, argv, marker, quit_keys, runs):
    times, peaks = [], []
    for _ in range(runs):
        elapsed, peak = measure(argv, marker, quit_keys)
        times.append(elapsed)
        peaks.append(peak)
    median_ms = statistics.median(times) * 1000
    print(f"{name:16} first screen: median {median_ms:6.1f} ms (min {min(times)*1000:.1f}, "
          f"max {max(times)*1000:.1f}, {runs} runs)   peak memory: {max(peaks) / 1024:.1f} MiB")
    return median_ms, max(peaks)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--binary", default="target/release/patient-kiosk")
    parser.add_argument("--seed", required=True, help="the text file less shows")
    parser.add_argument("--content", help="a content folder for the kiosk, e.g. from examples/generate_library.rs")
    parser.add_argument("--marker", default="Choose a topic",
                        help="the kiosk text to wait for; 'Loading the topics' times the first frame of a large folder")
    args = parser.parse_args()
    kiosk = [args.binary] + (["--content", args.content] if args.content else [])
    kiosk_ms, kiosk_kib = summarize("patient-kiosk", kiosk, args.marker, b"q", args.runs)
    with open(args.seed, encoding="utf-8") as seed:
        first_line = next(line.strip() for line in seed if line.strip())
    less_ms, less_kib = summarize("less", ["less", args.seed], first_line[:20], b"q", args.runs)
    print(f"ratio (kiosk / less): time {kiosk_ms / less_ms:.2f}x, memory {kiosk_kib / less_kib:.2f}x")


if __name__ == "__main__":
    main()
