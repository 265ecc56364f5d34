"""Time per fit of SciPy's least_squares on the NIST problems that LeastSquaresBench times.

Two ways a SciPy user fits, from each official start:
  - "default": least_squares(residuals, start) as it comes: method 'trf', a 2-point
    finite-difference Jacobian, tolerances 1e-8;
  - "lm exact": method 'lm' (MINPACK lmder) with the hand-written Jacobian below (the same
    derivatives as bench/src/main/java/org/symgrad/bench/lsq/HandJacobians.java) and
    x_scale='jac', ftol = xtol = 1e-14 as symgrad's lm defaults, and gtol = 1e-15 (SciPy refuses 0 for lm).
Each time is the best of 7 repetitions of a loop of fits (timeit), per fit, in microseconds;
the digits are the smallest LRE over the parameters. The data and models come from
compiler/src/test/resources/nist (nist_models.py). Run from the repository root:

    python3 bench/lsq/scipy_times.py > bench/results/nist-scipy-times.md
"""
import pathlib
import sys
import timeit

import numpy as np
import scipy
from scipy.optimize import least_squares

sys.path.insert(0, str(pathlib.Path("compiler/src/test/resources/nist").resolve()))
from nist_models import Problem, lre  # noqa: E402

PROBLEMS = ["Misra1a", "Chwirut2", "DanWood", "Eckerle4", "MGH09", "Rat42", "Thurber",
            "Lanczos3"]


def jacobian(name, b, x):
    """d model / d b, column k for b[k]: written by hand as a user without symgrad would."""
    if name == "Misra1a":
        e = np.exp(-b[1] * x)
        return np.column_stack([1 - e, b[0] * x * e])
    if name == "Chwirut2":
        e = np.exp(-b[0] * x)
        d = b[1] + b[2] * x
        return np.column_stack([-x * e / d, -e / d**2, -x * e / d**2])
    if name == "DanWood":
        p = x ** b[1]
        return np.column_stack([p, b[0] * p * np.log(x)])
    if name == "Eckerle4":
        u = (x - b[2]) / b[1]
        e = np.exp(-0.5 * u * u)
        f = b[0] / b[1] * e
        return np.column_stack([e / b[1], -f / b[1] + f * u * u / b[1], f * u / b[1]])
    if name == "MGH09":
        num = x * x + x * b[1]
        den = x * x + x * b[2] + b[3]
        f = b[0] * num / den
        return np.column_stack([num / den, b[0] * x / den, -f * x / den, -f / den])
    if name == "Rat42":
        e = np.exp(b[1] - b[2] * x)
        d = 1 + e
        return np.column_stack([1 / d, -b[0] * e / d**2, b[0] * x * e / d**2])
    if name == "Thurber":
        x2, x3 = x * x, x * x * x
        den = 1 + b[4] * x + b[5] * x2 + b[6] * x3
        f = (b[0] + b[1] * x + b[2] * x2 + b[3] * x3) / den
        return np.column_stack([1 / den, x / den, x2 / den, x3 / den,
                                -f * x / den, -f * x2 / den, -f * x3 / den])
    if name == "Lanczos3":
        e1, e2, e3 = np.exp(-b[1] * x), np.exp(-b[3] * x), np.exp(-b[5] * x)
        return np.column_stack([e1, -b[0] * x * e1, e2, -b[2] * x * e2, e3, -b[4] * x * e3])
    raise ValueError(name)


def best_time(fit):
    """Best of 7 repetitions, per fit, in microseconds, with a loop long enough to time."""
    timer = timeit.Timer(fit)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=7, number=number)) / number * 1e6


def main():
    print("# SciPy least_squares: time per fit on the benchmarked NIST problems\n")
    print(f"Made by `python3 bench/lsq/scipy_times.py` with SciPy {scipy.__version__}, NumPy "
          f"{np.__version__}, Python {sys.version.split()[0]}. default: `least_squares(f, x0)` "
          "(trf, 2-point Jacobian, tolerances 1e-8); lm exact: method 'lm' with the hand-written "
          "Jacobian, x_scale='jac', ftol = xtol = 1e-14 (symgrad's lm defaults), gtol = 1e-15 (SciPy refuses 0 for lm). "
          "Best of 7 timeit repetitions, µs per fit; digits: smallest LRE over the parameters.\n")
    print("| problem | start | default µs | default digits | default nfev | lm exact µs "
          "| lm exact digits | lm exact nfev | lm exact njev |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name in PROBLEMS:
        problem = Problem(name)
        x = problem.x

        def jac(b, name=name, x=x):
            return jacobian(name, b, x)

        for start in (1, 2):
            x0 = problem.start1 if start == 1 else problem.start2

            def default():
                return least_squares(problem.residuals, x0)

            def exact():
                return least_squares(problem.residuals, x0, jac=jac, method="lm",
                                     x_scale="jac", ftol=1e-14, xtol=1e-14, gtol=1e-15,
                                     max_nfev=2100)

            plain, lm = default(), exact()
            row = [name, str(start), f"{best_time(default):.0f}",
                   f"{min(lre(e, c) for e, c in zip(plain.x, problem.certified)):.1f}",
                   str(plain.nfev), f"{best_time(exact):.0f}",
                   f"{min(lre(e, c) for e, c in zip(lm.x, problem.certified)):.1f}",
                   str(lm.nfev), str(lm.njev)]
            print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
