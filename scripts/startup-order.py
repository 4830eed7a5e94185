#!/usr/bin/env python3
"""Writes link/startup-order.txt: the functions the kiosk runs as it starts and pages through a
topic, in the order they first run, which build.rs hands the linker so that they sit together
(issue 23: spread through the whole program, they made the kernel map nearly all of it).

    scripts/startup-order.py          # build, trace four sessions under gdb, write the file
    scripts/startup-order.py --check  # build, count how many names the file lists each build has

The names are the release build's own (its link map, which build.rs has the linker write): a
new compiler or new dependencies rename them, and --check, run by .ci/run, says when to write
the file again. Two builds are laid out, each with its own part of the file: the default one
and the statically linked one of docs/deployment.md, whose functions have other names. Writing
needs gdb; a session takes about half a minute, as gdb stops at each function the first time it
runs.
"""

import argparse
import fcntl
import glob
import importlib.util
import json
import os
import re
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORDER = os.path.join(ROOT, "link", "startup-order.txt")
# Below this share of listed names found in the build, the order no longer does its work.
ENOUGH = 0.9
_spec = importlib.util.spec_from_file_location("light", os.path.join(ROOT, "scripts", "as-light-as-less.py"))
light = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(light)
GDB_SCRIPT = r'''
import gdb, os
gdb.execute("set pagination off")
gdb.execute("set confirm off")
gdb.execute("starti")
pid = gdb.selected_inferior().pid
binary = os.path.realpath(os.environ["TRACE_BINARY"])
base = min(int(line.split("-")[0], 16) for line in open(f"/proc/{pid}/maps")
           if line.rstrip("\n").endswith(binary))
names = {}
for line in open(os.environ["TRACE_FUNCTIONS"]):
    address, name = line.split()
    point = gdb.Breakpoint(f"*0x{base + int(address, 16):x}", internal=True, temporary=True)
    point.silent = True
    names[point.number] = name
out = open(os.environ["TRACE_OUT"], "w")
ended = False
def stopped(event):
    global ended
    if isinstance(event, gdb.SignalEvent) and event.stop_signal == "SIGTERM":
        ended = True
    for point in getattr(event, "breakpoints", []):
        if point.number in names:
            out.write(names[point.number] + "\n")
            out.flush()
gdb.events.stop.connect(stopped)
while not ended:
    try:
        gdb.execute("continue")
    except gdb.error:
        break
out.close()
gdb.execute("kill")
'''


def target_directory():
    metadata = subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps"], cwd=ROOT,
                              check=True, capture_output=True, text=True).stdout
    return json.loads(metadata)["target_directory"]


# The builds laid out, each named as its part of the file is headed. The statically linked one
# (docs/deployment.md) is built for an explicit target, which gives its functions other names.
BUILDS = [
    ("the default build", [], {}),
    ("the statically linked build (docs/deployment.md)", ["--target", "x86_64-unknown-linux-gnu"],
     {"RUSTFLAGS": "-C target-feature=+crt-static"}),
]


def build(target_args, env_extra):
    """A release binary and the link map the same link wrote."""
    subprocess.run(["cargo", "build", "--release", "--bin", "patient-kiosk"] + target_args, cwd=ROOT, check=True,
                   env=dict(os.environ, **env_extra))
    release = os.path.join(target_directory(), *target_args[1:], "release")
    maps = glob.glob(os.path.join(release, "build", "patient-kiosk-*", "out", "link.map"))
    if not maps:
        sys.exit("no link map: build.rs writes one only where rust-lld links (x86-64 Linux, no other linker chosen)")
    return os.path.join(release, "patient-kiosk"), max(maps, key=os.path.getmtime)


def functions(link_map):
    """Each function's address and name, from the input sections of the map's .text (a function
    the compiler thinks rarely runs has its section named `.text.unlikely.NAME`)."""
    found = []
    section = re.compile(r"^\s*([0-9a-f]+)\s+[0-9a-f]+\s+[0-9a-f]+\s+\d+\s+\S.*"
                         r":\(\.text\.(?:(?:unlikely|hot|startup|exit|split)\.)?(\S+)\)$")
    with open(link_map, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            match = section.match(line)
            if match:
                found.append((match.group(1), match.group(2)))
    return found


def trace(binary, listing, argv, marker, keys, env_extra):
    """The functions one session runs, in the order they first run."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    with tempfile.TemporaryDirectory() as scratch:
        script = os.path.join(scratch, "trace.py")
        with open(script, "w", encoding="utf-8") as out:
            out.write(GDB_SCRIPT)
        hits = os.path.join(scratch, "hits")
        env = dict(os.environ, TERM="xterm-256color", TRACE_BINARY=binary, TRACE_FUNCTIONS=listing,
                   TRACE_OUT=hits, **env_extra)
        gdb = subprocess.Popen(["gdb", "-nx", "-batch", "-ex", f"set inferior-tty {os.ttyname(slave)}",
                                "-x", script, "--args", binary] + argv,
                               env=env, stdin=subprocess.DEVNULL, stdout=open(os.environ.get("TRACE_LOG", os.devnull), "w"),
                               stderr=subprocess.DEVNULL)
        if light.read_until(master, marker, timeout=600) is None:
            sys.exit(f"the kiosk never showed {marker!r} under gdb")
        for key in keys:
            os.write(master, key)
            light.drain(master, 0.5)
        # Under gdb each new function costs a stop: threads (the usage counts' opening) may
        # still be starting. Done when no function has run for the first time in 5 s.
        settled = None
        while settled is None or time.monotonic() - settled[1] < 5:
            light.drain(master, 0.5)
            size = os.path.getsize(hits) if os.path.exists(hits) else 0
            if settled is None or size != settled[0]:
                settled = (size, time.monotonic())
        kiosk = subprocess.run(["pgrep", "-P", str(gdb.pid)], capture_output=True, text=True).stdout.split()
        for pid in kiosk:
            os.kill(int(pid), signal.SIGTERM)
        gdb.wait(timeout=600)
        os.close(master)
        os.close(slave)
        with open(hits, encoding="utf-8") as lines:
            return [line.strip() for line in lines]


def traced(binary, link_map):
    """The functions `binary` runs in the sessions of row 2, in the order they first run."""
    with tempfile.TemporaryDirectory() as scratch:
        listing = os.path.join(scratch, "functions")
        with open(listing, "w", encoding="utf-8") as out:
            out.writelines(f"{address} {name}\n" for address, name in functions(link_map))
        # The reader scripts/as-light-as-less.py measures: its row 2.
        pages, off, on = light.paging_a_topic(scratch)
        sessions = [
            ([], "Choose a topic", [], off),
            (["--topic", "vertebroplasty"], "Vertebroplasty", pages, off),
            (["--topic", "vertebroplasty"], "Vertebroplasty", pages, on),
            # Again with the counts' database the first session made: opening one is another path.
            (["--topic", "vertebroplasty"], "Vertebroplasty", pages, on),
        ]
        order = []
        for argv, marker, keys, env in sessions:
            order += trace(binary, listing, argv, marker, keys, env)
    return list(dict.fromkeys(order))


def write():
    parts = []
    written = set()
    for name, target_args, env_extra in BUILDS:
        order = [function for function in traced(*build(target_args, env_extra)) if function not in written]
        written.update(order)
        parts.append((name, order))
    os.makedirs(os.path.dirname(ORDER), exist_ok=True)
    with open(ORDER, "w", encoding="utf-8") as out:
        out.write("# Written by scripts/startup-order.py; read by build.rs. The functions a kiosk runs as it\n"
                  "# starts, pages through a topic and counts usage, in the order they first run; a name\n"
                  "# one build lacks is passed over, so each build takes its own part.\n")
        for name, order in parts:
            out.write(f"## {name}\n")
            out.writelines(function + "\n" for function in order)
            print(f"{name}: {len(order)} functions")


def parts():
    """Each build's part of the file: its heading's name, and the names under it."""
    found = {}
    heading = None
    with open(ORDER, encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("## "):
                heading = line[3:].strip()
                found[heading] = []
            elif line.strip() and not line.startswith("#") and heading is not None:
                found[heading].append(line.strip())
    return found


def check():
    listed = parts()
    stale = []
    for name, target_args, env_extra in BUILDS:
        _, link_map = build(target_args, env_extra)
        have = {function for _, function in functions(link_map)}
        wanted = listed.get(name, [])
        found = sum(function in have for function in wanted)
        print(f"{name}: {found} of the {len(wanted)} functions of its part of {os.path.relpath(ORDER, ROOT)}")
        if found < ENOUGH * len(wanted) or not wanted:
            stale.append(name)
    if stale:
        sys.exit(f"the startup order is out of date for {', '.join(stale)} (a new compiler or new dependencies): "
                 "run scripts/startup-order.py")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only count the listed names this build has")
    if parser.parse_args().check:
        check()
    else:
        write()


if __name__ == "__main__":
    main()
