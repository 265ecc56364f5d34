"""symgrad bench against the hand-written fit (org.symgrad.bench.handfit.HandFitMain), side by
side: each case runs both sides alternately (the order swapping every repetition, so that load
that drifts during the run falls on both alike), at least 5 times each, and prints each side's
median ns per epoch and fits per second and their ratios. bench/side-by-side.sh builds the jars
and calls this; see bench/README.md.

    python3 bench/side_by_side.py [--repeats 5] [--big] [--runs 50] [--out FILE]
"""
import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL = os.path.join(ROOT, "samples", "thermometer", "thermometer.sg")
SYMGRAD_JAR = ["-jar", os.path.join(ROOT, "cli", "target", "symgrad.jar"), "bench", MODEL]
# The JVM flags of symgrad's Vector API row loops (docs/generated-code.md).
VECTOR = ["--add-modules", "jdk.incubator.vector", "-Dsymgrad.vector=on"]
HAND = ["java", "-cp", os.path.join(ROOT, "bench", "target", "benchmarks.jar"),
        "org.symgrad.bench.handfit.HandFitMain"]


def run(command):
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def case(name, symgrad_args, hand_args, repeats, log, jvm=()):
    """Both sides `repeats` times, alternating; returns the medians."""
    sides = {"symgrad": [], "hand": []}
    for r in range(repeats):
        order = ["symgrad", "hand"] if r % 2 == 0 else ["hand", "symgrad"]
        for side in order:
            args = symgrad_args if side == "symgrad" else hand_args
            command = ["java", *jvm] + SYMGRAD_JAR if side == "symgrad" else HAND
            result = run(command + args)
            sides[side].append(result)
            log(f"  {name:34s} {side:7s} run {r + 1}: {result['ns_per_epoch']:10.1f} ns/epoch"
                f"  {result['fits_per_second']:10.1f} fits/s")
    medians = {side: (statistics.median(x["ns_per_epoch"] for x in runs),
                      statistics.median(x["fits_per_second"] for x in runs))
               for side, runs in sides.items()}
    return medians


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--runs", type=int, default=50, help="timed rounds in each run")
    parser.add_argument("--warmup", default="2")
    parser.add_argument("--big", action="store_true",
                        help="also 10^6 rows, 500 epochs: symgrad on one thread, --threads 1 and 2, "
                        "and with the Vector API")
    parser.add_argument("--csv", default="/tmp/side-by-side-1e6.csv",
                        help="the 10^6-row file (made with bench/results/make_csv.py if absent)")
    parser.add_argument("--only", help="run only the cases whose name contains this")
    parser.add_argument("--out", help="also write the record here")
    a = parser.parse_args()
    lines = []

    def log(text):
        print(text, flush=True)
        lines.append(text)

    load = os.getloadavg()
    log(f"side by side, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, "
        f"{os.cpu_count()} CPUs, load average {load[0]:.2f} at the start; "
        f"{a.repeats} alternating runs a side, each --warmup {a.warmup} --runs {a.runs}")
    common = ["--json", "--quiet", "--warmup", a.warmup, "--runs", str(a.runs)]
    cases = [("11 rows, 1 fit", common, common),
             ("11 rows, --fits 2", common + ["--fits", "2"], common + ["--fits", "2"])]
    if a.big:
        if not os.path.exists(a.csv):
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "results",
                                                         "make_csv.py"), a.csv], check=True)
        big = ["--data", a.csv, "--epochs", "500", "--json", "--quiet", "--warmup", a.warmup,
               "--runs", "5"]
        cases += [("10^6 rows, 500 epochs, 1 thread", big, big),
                  ("10^6 rows, 500 epochs, --threads 1", big + ["--threads", "1"], big),
                  ("10^6 rows, 500 epochs, --threads 2", big + ["--threads", "2"], big),
                  ("10^6 rows, 500 epochs, Vector API", big, big, VECTOR)]
    if a.only:
        cases = [c for c in cases if a.only in c[0]]
    results = {}
    for name, symgrad_args, hand_args, *jvm in cases:
        results[name] = case(name, symgrad_args, hand_args, a.repeats, log, *jvm)
    log("")
    log("medians                              symgrad ns/epoch   hand ns/epoch   ratio"
        "   symgrad fits/s   hand fits/s   ratio")
    for name, m in results.items():
        (s_ns, s_fps), (h_ns, h_fps) = m["symgrad"], m["hand"]
        log(f"{name:36s} {s_ns:16.1f} {h_ns:15.1f} {s_ns / h_ns:7.3f} {s_fps:16.1f}"
            f" {h_fps:13.1f} {s_fps / h_fps:7.3f}")
    if "11 rows, --fits 2" in results:
        one, two = results["11 rows, 1 fit"], results["11 rows, --fits 2"]
        log(f"--fits 2 over 1 fit, fits/s: symgrad {two['symgrad'][1] / one['symgrad'][1]:.2f}x,"
            f" hand {two['hand'][1] / one['hand'][1]:.2f}x")
    if {"10^6 rows, 500 epochs, --threads 1", "10^6 rows, 500 epochs, --threads 2"} <= results.keys():
        t1 = results["10^6 rows, 500 epochs, --threads 1"]["symgrad"][0]
        t2 = results["10^6 rows, 500 epochs, --threads 2"]["symgrad"][0]
        log(f"--threads 2 over --threads 1 at 10^6 rows: symgrad {t1 / t2:.2f}x faster")
    log(f"load average {os.getloadavg()[0]:.2f} at the end")
    if a.out:
        with open(a.out, "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
