"""The table of bench/results/nist-lm.md: JMH's LeastSquaresBench scores beside SciPy's times.

Reads the JMH JSON (symgradLm and hipparchusLm per problem and start) and the Markdown table
that scipy_times.py printed, and prints one row per run with the ratios. Run from the
repository root:

    python3 bench/lsq/lm_table.py bench/results/nist-lm.json bench/results/nist-scipy-times.md
"""
import json
import sys


def jmh_scores(path):
    scores = {}
    for run in json.load(open(path)):
        method = run["benchmark"].rsplit(".", 1)[1]
        key = (run["params"]["problem"], int(run["params"]["start"]))
        metric = run["primaryMetric"]
        scores[(method, key)] = (metric["score"], metric["scoreError"])
    return scores


def scipy_times(path):
    times = {}
    for line in open(path):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 9 and cells[1].isdigit():
            times[(cells[0], int(cells[1]))] = (float(cells[2]), float(cells[5]))
    return times


def main(jmh_path, scipy_path):
    scores = jmh_scores(jmh_path)
    times = scipy_times(scipy_path)
    print("| problem | start | symgrad µs | Hipparchus µs | Hipparchus / symgrad "
          "| SciPy default µs | SciPy default / symgrad | SciPy lm exact µs "
          "| SciPy lm exact / symgrad |")
    print("|---|---|---|---|---|---|---|---|---|")
    keys = sorted({k for (_, k) in scores}, key=lambda k: (list(dict.fromkeys(
        key[0] for (_, key) in scores)).index(k[0]), k[1]))
    for key in keys:
        ours, ours_err = scores[("symgradLm", key)]
        theirs, theirs_err = scores[("hipparchusLm", key)]
        default, exact = times.get(key, (float("nan"), float("nan")))
        print(f"| {key[0]} | {key[1]} | {ours:.1f} ± {ours_err:.1f} | {theirs:.1f} ± "
              f"{theirs_err:.1f} | {theirs / ours:.1f} | {default:.0f} | {default / ours:.0f} "
              f"| {exact:.0f} | {exact / ours:.0f} |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
