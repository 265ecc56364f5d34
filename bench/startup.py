#!/usr/bin/env python3
"""Times whole commands from outside, start-up included: the figures behind
bench/results/startup.txt.

    bench/startup.py [-n RUNS] [--vs 'COMMAND B'] -- COMMAND A [ARG ...]

Runs A (and B, in turn: A B A B ...) RUNS times after one uncounted warm-up each, with
standard input empty and both outputs discarded, and prints for each the minimum, median and
maximum of wall, user, system and cpu (user + system) seconds and peak memory (the operating
system's accounting of the reaped child), then the A/B ratios taken pair by pair, so that a
machine whose speed drifts during the call still gives a meaningful ratio. Quote the median.
Uses only Python's standard library (os.wait4), so anyone can rerun it.
"""
import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    start = time.monotonic()
    with open(os.devnull, "rb") as stdin, open(os.devnull, "wb") as sink:
        child = subprocess.Popen(argv, stdin=stdin, stdout=sink, stderr=sink)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return {
        "exit": child.returncode,
        "wall s": wall,
        "user s": usage.ru_utime,
        "sys s": usage.ru_stime,
        "cpu s": usage.ru_utime + usage.ru_stime,
        "peak MiB": usage.ru_maxrss / 1024.0,
    }


def summary(label, runs):
    for key in ("wall s", "user s", "sys s", "cpu s", "peak MiB"):
        values = [r[key] for r in runs]
        print(f"{label} {key:<9} {min(values):9.3f} {statistics.median(values):9.3f}"
              f" {max(values):9.3f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=10, help="counted runs of each command")
    parser.add_argument("--vs", help="a second command, run in turn with the first")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    commands = {"A": command}
    if args.vs:
        commands["B"] = shlex.split(args.vs)
    for label, argv in commands.items():
        print(f"{label} = {shlex.join(argv)}")
        run_once(argv)  # warm-up: page cache, class-data archive
    runs = {label: [] for label in commands}
    for _ in range(args.n):
        for label, argv in commands.items():
            runs[label].append(run_once(argv))
    for label in commands:
        exits = sorted({r["exit"] for r in runs[label]})
        print(f"{label} exit codes {exits}, {len(runs[label])} runs")
    print(f"{'':13} {'min':>9} {'median':>9} {'max':>9}")
    for label in commands:
        summary(label, runs[label])
    if "B" in runs:
        for key in ("wall s", "cpu s"):
            ratios = [a[key] / b[key] for a, b in zip(runs["A"], runs["B"])]
            print(f"A/B {key:<9} {min(ratios):9.3f} {statistics.median(ratios):9.3f}"
                  f" {max(ratios):9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
