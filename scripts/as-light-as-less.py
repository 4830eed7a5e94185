#!/usr/bin/env python3
"""Issue 23's table in one run: each figure of patient-kiosk beside the tool it sits beside, as
a ratio. Medians of interleaved runs on the default release build, 80x24 pseudo-terminal:

  1. launch to the first full screen, beside `less` on the same topic's text
  2. peak resident memory after paging through a topic, with usage counts off and on, beside
     the 5 MiB target (and `less` paging through the same text)
  3. a 10,000-topic library: launch until the list is usable, beside `grep -rh '^title'`
  4. the same: peak memory once the whole library is read (the kiosk idle), beside the folder's size
  5. `search WORD` beside `grep -rci WORD` (a word in every file) and `grep -rli` (a word in none)
  6. the first search typed as the list appears, until results show: a word of the topics'
     names (answered before the index is built) and a word of their text (which waits for it)

Run by hand, not in CI, from the project's root (about five minutes on two cores):

    cargo build --release
    cargo run --release --example generate_library -- /tmp/lib10k 10000 en,es
    scripts/as-light-as-less.py --library /tmp/lib10k
"""

import argparse
import importlib.util
import os
import select
import statistics
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("first_screen", os.path.join(HERE, "first-screen.py"))
first_screen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(first_screen)


def wall(argv, runs):
    """Median wall seconds of a command, its output thrown away."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def start(argv, env_extra=None):
    master, slave = os.openpty()
    first_screen.fcntl.ioctl(slave, first_screen.termios.TIOCSWINSZ, first_screen.struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", LESS="", LESSHISTFILE="-", **(env_extra or {}))
    child = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                             start_new_session=True, close_fds=True)
    os.close(slave)
    return child, master


def read_until(master, marker, timeout=60.0):
    """Seconds until `marker` has been written, counting from now; None if it never is."""
    started = time.perf_counter()
    seen = b""
    while time.perf_counter() - started < timeout:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:
                return None
            if marker.encode() in seen:
                return time.perf_counter() - started
    return None


def drain(master, quiet=0.3):
    while select.select([master], [], [], quiet)[0]:
        try:
            if not os.read(master, 65536):
                return
        except OSError:
            return


def keep_names(kiosk, library, cache):
    """A start that stays until it has kept the topics' names in `cache` for the next start:
    quitting as soon as the list shows would cut the writing of them short."""
    kept = os.path.join(cache, "patient-kiosk", "topic-heads.postcard")
    child, master = start([kiosk, "--content", library], {"XDG_CACHE_HOME": cache})
    if read_until(master, "Procedure 00000") is None:
        raise SystemExit(f"{kiosk} never showed the list")
    deadline = time.monotonic() + 60
    while not os.path.exists(kept):
        if time.monotonic() > deadline:
            raise SystemExit(f"{kiosk} never kept the topics' names in {kept}")
        drain(master, 0.05)
    stop(child, master)


def stop(child, master, keys=b"q"):
    os.write(master, keys)
    try:
        child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
    os.close(master)


def paging_a_topic(scratch):
    """Row 2's reader: the keys that page through a topic, and the environments with usage
    counts off and on (their configuration and state under `scratch`). scripts/startup-order.py
    lays out the code these run."""
    config = os.path.join(scratch, "config", "patient-kiosk")
    os.makedirs(config)
    with open(os.path.join(config, "config.toml"), "w", encoding="utf-8") as out:
        out.write("[stats]\nenabled = true\n")
    pages = [b"\x1b[6~"] * 6 + [b"\x1b[C"] * 20
    off = {"XDG_CONFIG_HOME": os.path.join(scratch, "none"), "XDG_STATE_HOME": os.path.join(scratch, "state-off")}
    on = {"XDG_CONFIG_HOME": os.path.join(scratch, "config"), "XDG_STATE_HOME": os.path.join(scratch, "state-on")}
    return pages, off, on


def paged_peak(argv, marker, keys, env_extra=None):
    """Peak memory (KiB) of a program after `keys` page through what it shows."""
    child, master = start(argv, env_extra)
    if read_until(master, marker) is None:
        raise SystemExit(f"{argv[0]} never showed {marker!r}")
    for key in keys:
        os.write(master, key)
        drain(master, 0.05)
    peak = first_screen.peak_memory_kib(child.pid)
    stop(child, master)
    return peak


def cpu_ticks(pid):
    """User and system CPU of a process so far, in clock ticks."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def settled_peak(argv, marker):
    """Peak memory (KiB) of a program once it shows `marker` and then uses no CPU for a second:
    the kiosk shows the list from the topics' names, then reads the whole files behind it."""
    child, master = start(argv)
    if read_until(master, marker) is None:
        raise SystemExit(f"{argv[0]} never showed {marker!r}")
    quiet, last = 0, cpu_ticks(child.pid)
    while quiet < 10:
        drain(master, 0.1)
        now = cpu_ticks(child.pid)
        quiet, last = (quiet + 1 if now == last else 0), now
    peak = first_screen.peak_memory_kib(child.pid)
    stop(child, master)
    return peak


def row(figure, kiosk, beside, ratio, target):
    print(f"| {figure} | {kiosk} | {beside} | **{ratio:.2f}×** | {target} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default="target/release/patient-kiosk")
    parser.add_argument("--library", default="/tmp/lib10k")
    parser.add_argument("--seed", default="../shared/seed/000_0d657cd1e37a062a.txt")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    kiosk, library, runs = args.binary, args.library, args.runs
    print(f"# {os.cpu_count()} cores, {os.uname().release}, {time.strftime('%Y-%m-%d')}, {kiosk}")
    print("| figure | patient-kiosk | beside | ratio | target |")
    print("|---|---|---|---|---|")

    # 1. First full screen beside less, interleaved.
    with open(args.seed, encoding="utf-8") as seed:
        first_line = next(line.strip() for line in seed if line.strip())
    ours, theirs = [], []
    for _ in range(runs * 3):
        ours.append(first_screen.measure([kiosk], "Choose a topic", b"q")[0])
        theirs.append(first_screen.measure(["less", args.seed], first_line[:20], b"q")[0])
    ours_ms, theirs_ms = statistics.median(ours) * 1000, statistics.median(theirs) * 1000
    row("1. launch to the first full screen", f"{ours_ms:.1f} ms", f"less {theirs_ms:.1f} ms",
        ours_ms / theirs_ms, "≤ 1.0×")

    # 2. Peak memory after paging through a topic, counts off and on.
    with tempfile.TemporaryDirectory() as scratch:
        text = os.path.join(scratch, "topic.txt")
        with open(text, "w", encoding="utf-8") as out:
            subprocess.run([kiosk, "export", "vertebroplasty", "--format", "text"], stdout=out, check=True)
        pages, off, on = paging_a_topic(scratch)
        topic = [kiosk, "--topic", "vertebroplasty"]
        peak_off = max(paged_peak(topic, "Vertebroplasty", pages, off) for _ in range(3))
        peak_on = max(paged_peak(topic, "Vertebroplasty", pages, on) for _ in range(3))
        peak_less = max(paged_peak(["less", text], "Vertebroplasty", [b" "] * 26) for _ in range(3))
    target_kib = 5 * 1024
    row("2. peak memory after paging through a topic", f"{peak_off / 1024:.1f} MiB",
        f"target 5 MiB (less {peak_less / 1024:.1f} MiB)", peak_off / target_kib, "≤ 1.0× of 5 MiB")
    row("2. the same, usage counts on", f"{peak_on / 1024:.1f} MiB", "target 5 MiB", peak_on / target_kib,
        "≤ 1.0× of 5 MiB")

    # 3 and 4. The 10,000-topic library: the list usable, and memory, beside grep and the folder.
    folder_bytes = sum(os.path.getsize(os.path.join(root, name))
                       for root, _, names in os.walk(library) for name in names)
    # The kiosk keeps the topics' names in its cache directory for the next start: a start
    # with them kept (a first start writes them), and the first start after a change, with
    # nothing kept.
    with tempfile.TemporaryDirectory() as cache:
        keep_names(kiosk, library, cache)
        os.environ["XDG_CACHE_HOME"] = cache
        list_times = [first_screen.measure([kiosk, "--content", library], "Procedure 00000", b"q")[0]
                      for _ in range(3)]
        list_peaks = [settled_peak([kiosk, "--content", library], "Procedure 00000") for _ in range(2)]
        cold_times = []
        for run in range(3):
            os.environ["XDG_CACHE_HOME"] = os.path.join(cache, f"empty-{run}")
            cold_times.append(first_screen.measure([kiosk, "--content", library], "Procedure 00000", b"q")[0])
        os.environ.pop("XDG_CACHE_HOME")
    grep_title = wall(["grep", "-rh", "^title", library], 3)
    list_s, cold_s = statistics.median(list_times), statistics.median(cold_times)
    row("3. 10,000 topics: launch until the list is usable", f"{list_s:.2f} s",
        f"grep -rh '^title' {grep_title:.2f} s", list_s / grep_title, "≤ 1.5×")
    row("3. the same, the first start after every file changed (no names kept)", f"{cold_s:.2f} s",
        f"grep -rh '^title' {grep_title:.2f} s", cold_s / grep_title, "—")
    peak_list = max(list_peaks) * 1024
    row("4. 10,000 topics: peak memory, the whole library read", f"{peak_list / 2**20:.0f} MiB",
        f"folder {folder_bytes / 2**20:.0f} MiB", peak_list / folder_bytes, "≤ 1.5×")

    # 5. The search command beside grep.
    for word, grep_flag, target in [("fever", "-rci", "≤ 3×"), ("zzzq", "-rli", "≤ 2×")]:
        ours_s = wall([kiosk, "search", word, "--content", library], 3)
        grep_s = wall(["grep", grep_flag, word, library], 3)
        row(f"5. `search {word}` at 10,000 topics", f"{ours_s:.2f} s", f"grep {grep_flag} {grep_s:.2f} s",
            ours_s / grep_s, target)

    # 6. The first search typed as the list appears, until results show.
    for word, what in [("procedure", "a word of the names"), ("fever", "a word of the text")]:
        child, master = start([kiosk, "--content", library])
        if read_until(master, "Procedure 00000") is None:
            raise SystemExit("the list never showed")
        os.write(master, b"/" + word.encode())
        # A hit names its topic and page ("Procedure 00000 › Overview"); the list behind the
        # search box showed the titles alone, so the cells of a title may not be written again.
        waited = read_until(master, "›")
        stop(child, master, b"\x1b\x1bq")
        shown = f"{waited * 1000:.0f} ms" if waited is not None else "never"
        print(f"| 6. first search ({what}, \"{word}\") typed as the list appears, until results show "
              f"| {shown} | target 50 ms | **{(waited or 0) * 1000 / 50:.2f}×** | ≤ 1.0× of 50 ms |")


if __name__ == "__main__":
    main()
