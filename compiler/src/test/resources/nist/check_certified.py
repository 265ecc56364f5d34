"""An independent check of every NIST .dat file here, with NumPy and SciPy (not symgrad).

For each problem, at NIST's certified parameters b*:
  - the RSS of the data at b* must reproduce the certified RSS (LRE, correct digits);
  - b* must be a stationary point: the Gauss-Newton step from b* (the least-squares solution
    of J d = -r, exact Jacobian by the complex step) must be tiny relative to b*, and the
    largest cosine between r and a column of J (MINPACK's gtol measure) near 0;
  - b* must be a minimum: SciPy's least_squares, method 'lm' (MINPACK) and 'trf', started at
    b* with ftol = xtol = gtol = 1e-15, must stay at b* (LRE of every parameter) without
    lowering the RSS below the certified one by more than rounding;
  - the residual standard deviation and the counts must agree with the data:
    sqrt(RSS / dof) against the printed one, rows against "Number of Observations".
A problem passes when the RSS and both fits agree to at least 9 digits (NIST's certified
values have 11). Lanczos1's certified RSS (1.4e-25) is at the rounding level of its data, so
there the RSS is compared in absolute terms: at b* (11 digits) within n (5e-11 max|y|)^2, after
the refits within 1e-24. Run from anywhere:

    python3 compiler/src/test/resources/nist/check_certified.py > compiler/src/test/resources/nist/check_certified.md

Exits 1 when a problem fails.
"""
import sys

import numpy as np
import scipy
from scipy.optimize import least_squares

from nist_models import Problem, lre, names

DIGITS = 9


def gauss_newton_step(problem, b):
    r = problem.residuals(b)
    jac = problem.jacobian(b)
    step, *_ = np.linalg.lstsq(jac, -r, rcond=None)
    norms = np.linalg.norm(jac, axis=0)
    cosine = np.max(np.abs(jac.T @ r) / (norms * np.linalg.norm(r)))
    return np.max(np.abs(step) / np.abs(b)), cosine, np.linalg.cond(jac)


def refit(problem, method):
    fit = least_squares(problem.residuals, problem.certified, jac=problem.jacobian,
                        method=method, ftol=1e-15, xtol=1e-15, gtol=1e-15, x_scale="jac",
                        max_nfev=1000)
    rss = float(np.sum(problem.residuals(fit.x) ** 2))
    return min(lre(e, c) for e, c in zip(fit.x, problem.certified)), rss


def main():
    print("# Independent check of the certified values\n")
    print(f"Made by `python3 compiler/src/test/resources/nist/check_certified.py` with SciPy "
          f"{scipy.__version__}, NumPy {np.__version__}, Python {sys.version.split()[0]}. "
          "LRE: correct significant digits (15 at most). GN step: the largest relative "
          "change of a parameter in the Gauss-Newton step from the certified values; cosine: "
          "MINPACK's gtol measure there; cond: the condition number of J. lm/trf: SciPy "
          "least_squares from the certified values, the LRE of its worst parameter and of its "
          f"RSS. A row passes at {DIGITS} digits or more.\n")
    print("| problem | n | p | LRE rss at b* | GN step | cosine | cond(J) | lm params | lm rss "
          "| trf params | trf rss | rsd printed / computed | pass |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    failed = []
    for name in names():
        problem = Problem(name)
        b = problem.certified
        n, p = len(problem.y), len(b)
        rss = float(np.sum(problem.residuals(b) ** 2))
        # Lanczos1: residuals of 1e-13 on data of size 2.5 are rounding, not signal.
        absolute = problem.rss < 1e-20
        rss_digits = lre(rss, problem.rss)
        step, cosine, cond = gauss_newton_step(problem, b)
        lm_params, lm_rss = refit(problem, "lm")
        trf_params, trf_rss = refit(problem, "trf")
        rsd = np.sqrt(problem.rss / (n - p))
        # At b*, rounded to 11 digits, each prediction may be off by ~1e-11 of |y|.
        rounding = n * (5e-11 * np.max(np.abs(problem.y))) ** 2
        rss_ok = abs(rss - problem.rss) < rounding if absolute else rss_digits >= DIGITS
        refit_rss_ok = all(
            abs(r - problem.rss) < 1e-24 if absolute else lre(r, problem.rss) >= DIGITS
            for r in (lm_rss, trf_rss))
        ok = (rss_ok and refit_rss_ok and lm_params >= DIGITS and trf_params >= DIGITS
              and step < 10.0 ** -DIGITS and n == problem.observations)
        if not ok:
            failed.append(name)
        print(f"| {name} | {n} | {p} | {rss_digits:.1f}{' (abs)' if absolute else ''} "
              f"| {step:.1e} | {cosine:.1e} | {cond:.1e} | {lm_params:.1f} "
              f"| {lre(lm_rss, problem.rss):.1f} | {trf_params:.1f} | {lre(trf_rss, problem.rss):.1f} "
              f"| {problem.rsd:.10e} / {rsd:.10e}{'' if problem.dof == n - p else f' (printed dof {problem.dof})'} "
              f"| {'yes' if ok else 'NO'} |")
    print(f"\n{len(names()) - len(failed)} of {len(names())} pass"
          + (f"; failing: {', '.join(failed)}" if failed else "") + ".")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
