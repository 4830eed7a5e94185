#!/usr/bin/env python3
"""Time from a key to its frame, and bytes written per frame, in a real pseudo-terminal.

Opens the same text in patient-kiosk (the bundled topic's Complications page) and in `less`
(that topic exported as text by `patient-kiosk export`), presses Down and Up in turn (a one-line scroll) and
Right and Left in turn (patient-kiosk: the next and previous section; less: Page Down and Up), and reports for
each the median time from writing the key to the first byte of the answer, and the bytes
written until the terminal has been quiet for 100 ms. less scrolls with j and k: it turns on
the keypad's application mode, where Down is ESC O B, and rings the bell at ESC [ B (38 bytes
of nothing, which an earlier run counted as its scroll). The kiosk is measured twice: in a
terminal that keeps no side margins, and in one that answers as xterm does that it keeps them
(the text's columns then move alone). Run by hand, not in CI:

    cargo build --release
    scripts/key-to-frame.py --presses 30
"""

import argparse
import fcntl
import os
import select
import statistics
import struct
import subprocess
import tempfile
import termios
import time

QUIET = 0.1


def start(argv, columns=80, rows=24):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", LESS="", LESSHISTFILE="-")
    child = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True, close_fds=True
    )
    os.close(slave)
    drain(master)
    return child, master


def drain(master, quiet=QUIET, limit=5.0):
    """Reads until nothing has come for `quiet` seconds; returns (bytes, seconds to first byte)."""
    started = time.perf_counter()
    first = None
    seen = b""
    while time.perf_counter() - started < limit:
        ready, _, _ = select.select([master], [], [], quiet)
        if not ready:
            break
        chunk = os.read(master, 65536)
        if not chunk:
            break
        if first is None:
            first = time.perf_counter() - started
        seen += chunk
    return seen, first


def press(master, keys, times):
    """Presses `keys` in turn, `times` presses in all (back and forth, so the page never ends)."""
    latencies, sizes = [], []
    for n in range(times):
        os.write(master, keys[n % len(keys)])
        seen, first = drain(master)
        if first is not None:
            latencies.append(first)
            sizes.append(len(seen))
    return latencies, sizes


def measure(name, argv, keys, presses, answer=b""):
    child, master = start(argv)
    if answer:
        # What the terminal would answer to the kiosk's question at start.
        os.write(master, answer)
        drain(master)
    results = {}
    for label, key in keys:
        latencies, sizes = press(master, key, presses)
        if not latencies:
            raise SystemExit(f"{name} never answered {label}")
        results[label] = (statistics.median(latencies) * 1000, statistics.median(sizes))
        print(f"{name:28} {label:12} key to frame: median {results[label][0]:6.2f} ms   "
              f"bytes per frame: median {results[label][1]:6.0f}")
    os.write(master, b"q")
    child.wait(timeout=5)
    os.close(master)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--binary", default="target/release/patient-kiosk")
    parser.add_argument("--whole-rows-only", action="store_true",
                        help="skip the terminal with side margins (a build before they were asked for "
                             "takes the answer for the start of a key and waits on it)")
    args = parser.parse_args()
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as text:
        subprocess.run([args.binary, "export", "vertebroplasty", "--format", "text"], stdout=text, check=True)
    argv = [args.binary, "--topic", "vertebroplasty", "--section", "complications"]
    keys = [("scroll line", [b"\x1b[B", b"\x1b[A"]), ("next page", [b"\x1b[C", b"\x1b[D"])]
    # A terminal that keeps no side margins (the Linux console, tmux: no answer), and one that
    # does (xterm answers DECRQM for mode 69: known, off).
    kiosks = {"whole rows": measure("patient-kiosk, whole rows", argv, keys, args.presses)}
    if not args.whole_rows_only:
        kiosks["side margins"] = measure("patient-kiosk, side margins", argv, keys, args.presses,
                                         answer=b"\x1b[?69;2$y")
    less = measure("less", ["less", text.name], [("scroll line", [b"j", b"k"]), ("next page", [b" ", b"b"])], args.presses)
    os.unlink(text.name)
    for terminal, kiosk in kiosks.items():
        for label in kiosk:
            print(f"ratio (kiosk, {terminal:12} / less) {label:12} time {kiosk[label][0] / less[label][0]:.2f}x, "
                  f"bytes {kiosk[label][1] / less[label][1]:.2f}x")


if __name__ == "__main__":
    main()
