#!/usr/bin/env python3
"""CPU time used while nobody touches the screen, for patient-kiosk and less, side by side.

Starts each program in its own 80x24 pseudo-terminal, waits for its first screen, then reads
utime + stime from /proc/PID/stat before and after the same idle period. Run by hand:

    cargo build --release
    scripts/idle-cpu.py --seconds 60 --seed ../shared/seed/000_0d657cd1e37a062a.txt
"""

import argparse
import fcntl
import os
import select
import struct
import subprocess
import termios
import time

TICKS = os.sysconf("SC_CLK_TCK")


def start(argv, marker):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", LESSHISTFILE="-")
    child = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    seen = b""
    deadline = time.time() + 10
    while marker.encode() not in seen:
        if time.time() > deadline:
            raise SystemExit(f"{argv[0]} never showed {marker!r}")
        if select.select([master], [], [], 0.05)[0]:
            seen += os.read(master, 65536)
    return child, master


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    # After the command name: state is field 3, utime field 14, stime field 15 (1-based).
    return (int(fields[11]) + int(fields[12])) / TICKS


def drain(masters, seconds):
    """Reads whatever the programs write while idle, counting the bytes."""
    written = {m: 0 for m in masters}
    end = time.time() + seconds
    while (left := end - time.time()) > 0:
        for m in select.select(masters, [], [], left)[0]:
            written[m] += len(os.read(m, 65536))
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--binary", default="target/release/patient-kiosk")
    parser.add_argument("--seed", required=True)
    args = parser.parse_args()
    with open(args.seed, encoding="utf-8") as seed:
        first_line = next(line.strip() for line in seed if line.strip())
    runs = [
        ("patient-kiosk (topic open)", [args.binary], "Choose a topic", b"\r"),
        ("patient-kiosk --kiosk", [args.binary, "--kiosk"], "Press any key", b""),
        ("less", ["less", args.seed], first_line[:20], b""),
    ]
    started = []
    for name, argv, marker, keys in runs:
        child, master = start(argv, marker)
        if keys:
            os.write(master, keys)
        started.append((name, child, master))
    drain([m for _, _, m in started], 1)
    before = {name: cpu_seconds(child.pid) for name, child, _ in started}
    written = drain([m for _, _, m in started], args.seconds)
    for name, child, master in started:
        used = cpu_seconds(child.pid) - before[name]
        print(f"{name:28} CPU over {args.seconds:.0f} s idle: {used * 1000:6.0f} ms   bytes written: {written[master]}")
        child.kill()
        child.wait()


if __name__ == "__main__":
    main()
