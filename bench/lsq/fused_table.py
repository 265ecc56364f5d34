"""The table of bench/results/nist-lm-fused.md: lm on the Jacobian kernel and on the fused
normal-equations kernel, beside Hipparchus, from one JMH run of LeastSquaresBench, with
SciPy's times from scipy_times.py. Run from the repository root:

    python3 bench/lsq/fused_table.py bench/results/nist-lm-fused.json bench/results/nist-scipy-times.md
"""
import sys

from lm_table import jmh_scores, scipy_times


def main(jmh_path, scipy_path):
    scores = jmh_scores(jmh_path)
    times = scipy_times(scipy_path)
    print("| problem | start | Jacobian kernel µs | fused kernel µs | Jacobian / fused "
          "| Hipparchus µs | Hipparchus / fused | SciPy default / fused "
          "| SciPy lm exact / fused |")
    print("|---|---|---|---|---|---|---|---|---|")
    problems = list(dict.fromkeys(key[0] for (_, key) in scores))
    keys = sorted({k for (_, k) in scores}, key=lambda k: (problems.index(k[0]), k[1]))
    for key in keys:
        fused, fused_err = scores[("symgradLmFused", key)]
        hip, hip_err = scores[("hipparchusLm", key)]
        default, exact = times.get(key, (float("nan"), float("nan")))
        # A run of only the fused path and Hipparchus leaves the Jacobian columns empty.
        jac_time, jac_ratio = "–", "–"
        if ("symgradLm", key) in scores:
            jac, jac_err = scores[("symgradLm", key)]
            jac_time, jac_ratio = f"{jac:.1f} ± {jac_err:.1f}", f"{jac / fused:.2f}"
        print(f"| {key[0]} | {key[1]} | {jac_time} | {fused:.1f} ± {fused_err:.1f} "
              f"| {jac_ratio} | {hip:.1f} ± {hip_err:.1f} "
              f"| {hip / fused:.1f} | {default / fused:.0f} | {exact / fused:.0f} |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
