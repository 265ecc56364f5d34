"""SciPy's least_squares on the NIST StRD problems that symgrad's tests fit.

For each problem in compiler/src/test/resources/nist and each official start, runs
scipy.optimize.least_squares with method 'lm' (MINPACK) and 'trf', and prints the smallest
log relative error (LRE) over the parameters, the LRE of the RSS, the function evaluations,
and the time per fit (best of 5 repetitions of timeit). Run from the repository root:

    python3 bench/scipy/nist_scipy.py > bench/results/nist-scipy.md
"""
import pathlib
import sys
import timeit

import numpy as np
import scipy
from scipy.optimize import least_squares

NIST = pathlib.Path("compiler/src/test/resources/nist")
sys.path.insert(0, str(NIST.resolve()))
from nist_models import Problem, lre, names  # noqa: E402  (the models, shared with check_certified.py)


def main():
    print("# SciPy least_squares on the NIST StRD problems\n")
    print(f"Made by `python3 bench/scipy/nist_scipy.py` with SciPy {scipy.__version__}, "
          f"NumPy {np.__version__}, Python {sys.version.split()[0]}; ftol = xtol = gtol = 1e-15 "
          "and x_scale = 'jac' (MINPACK's scaling by the column norms of J; tighter than the defaults, as symgrad's lm uses 1e-14). LRE: the number of "
          "correct significant digits (15 at most); time: best of 5 runs, per fit.\n")
    print("| problem | start | method | min LRE params | LRE rss | nfev | ms per fit |")
    print("|---|---|---|---|---|---|---|")
    for name in names():
        problem = Problem(name)
        residuals = problem.residuals
        start1, start2, certified, rss_cert = (problem.start1, problem.start2,
                                               problem.certified, problem.rss)

        for label, start in (("1", start1), ("2", start2)):
            for method in ("lm", "trf"):
                def fit():
                    return least_squares(residuals, start, method=method, ftol=1e-15,
                                         xtol=1e-15, gtol=1e-15, max_nfev=10000,
                                         x_scale="jac")
                result = fit()
                best = min(timeit.repeat(fit, number=1, repeat=5))
                params_lre = min(lre(e, c) for e, c in zip(result.x, certified))
                rss = float(np.sum(residuals(result.x) ** 2))
                print(f"| {name} | {label} | {method} | {params_lre:.1f} | "
                      f"{lre(rss, rss_cert):.1f} | {result.nfev} | {best * 1e3:.3f} |")


if __name__ == "__main__":
    main()
