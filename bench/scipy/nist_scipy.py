"""SciPy's least_squares on the NIST StRD problems that symgrad's tests fit.

For each problem in compiler/src/test/resources/nist and each official start, runs
scipy.optimize.least_squares with method 'lm' (MINPACK) and 'trf', and prints the smallest
log relative error (LRE) over the parameters, the LRE of the RSS, the function evaluations,
and the time per fit (best of 5 repetitions of timeit). Run from the repository root:

    python3 bench/scipy/nist_scipy.py > bench/results/nist-scipy.md
"""
import math
import pathlib
import re
import sys
import timeit

import numpy as np
import scipy
from scipy.optimize import least_squares

NIST = pathlib.Path("compiler/src/test/resources/nist")
PI = math.pi

MODELS = {
    "Misra1a": lambda b, x: b[0] * (1 - np.exp(-b[1] * x)),
    "Misra1b": lambda b, x: b[0] * (1 - (1 + b[1] * x / 2) ** (-2)),
    "Misra1c": lambda b, x: b[0] * (1 - (1 + 2 * b[1] * x) ** (-0.5)),
    "Misra1d": lambda b, x: b[0] * b[1] * x * (1 + b[1] * x) ** (-1),
    "MGH09": lambda b, x: b[0] * (x**2 + x * b[1]) / (x**2 + x * b[2] + b[3]),
    "MGH10": lambda b, x: b[0] * np.exp(b[1] / (x + b[2])),
    "MGH17": lambda b, x: b[0] + b[1] * np.exp(-x * b[3]) + b[2] * np.exp(-x * b[4]),
    "Rat42": lambda b, x: b[0] / (1 + np.exp(b[1] - b[2] * x)),
    "Roszman1": lambda b, x: b[0] - b[1] * x - np.arctan(b[2] / (x - b[3])) / PI,
    "Eckerle4": lambda b, x: (b[0] / b[1]) * np.exp(-0.5 * ((x - b[2]) / b[1]) ** 2),
    "Kirby2": lambda b, x: (b[0] + b[1] * x + b[2] * x**2) / (1 + b[3] * x + b[4] * x**2),
    "Hahn1": lambda b, x: (b[0] + b[1] * x + b[2] * x**2 + b[3] * x**3)
    / (1 + b[4] * x + b[5] * x**2 + b[6] * x**3),
    "Thurber": lambda b, x: (b[0] + b[1] * x + b[2] * x**2 + b[3] * x**3)
    / (1 + b[4] * x + b[5] * x**2 + b[6] * x**3),
    "Lanczos1": lambda b, x: b[0] * np.exp(-b[1] * x) + b[2] * np.exp(-b[3] * x)
    + b[4] * np.exp(-b[5] * x),
    "Chwirut2": lambda b, x: np.exp(-b[0] * x) / (b[1] + b[2] * x),
    "DanWood": lambda b, x: b[0] * x ** b[1],
    "Nelson": lambda b, x: b[0] - b[1] * x[0] * np.exp(-b[2] * x[1]),
}
MODELS["Lanczos2"] = MODELS["Lanczos1"]
MODELS["Lanczos3"] = MODELS["Lanczos1"]


def read(name):
    lines = (NIST / f"{name}.dat").read_text().splitlines()
    params, rss, start = [], None, None
    for i, line in enumerate(lines):
        m = re.match(r"^\s*b\d+\s*=\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$", line)
        if m:
            params.append([float(v) for v in m.groups()[:3]])
        elif line.startswith("Residual Sum of Squares:"):
            rss = float(line.split(":")[1])
        elif line.startswith("Data:") and "y" in line:
            start = i + 1
    rows = []
    for line in lines[start:]:
        cells = line.split()
        try:
            rows.append([float(c) for c in cells])
        except ValueError:
            continue
    data = np.array([r for r in rows if len(r) >= 2])
    p = np.array(params)
    y = data[:, 0]
    x = data[:, 1] if data.shape[1] == 2 else data[:, 1:].T
    if name == "Nelson":
        y = np.log(y)
    return p[:, 0], p[:, 1], p[:, 2], rss, x, y


def lre(estimate, certified):
    err = abs(estimate - certified) / abs(certified) if certified != 0 else abs(estimate)
    return 15.0 if err == 0 else min(15.0, -math.log10(err))


def main():
    print("# SciPy least_squares on the NIST StRD problems\n")
    print(f"Made by `python3 bench/scipy/nist_scipy.py` with SciPy {scipy.__version__}, "
          f"NumPy {np.__version__}, Python {sys.version.split()[0]}; ftol = xtol = gtol = 1e-15 "
          "and x_scale = 'jac' (MINPACK's scaling by the column norms of J; tighter than the defaults, as symgrad's lm uses 1e-14). LRE: the number of "
          "correct significant digits (15 at most); time: best of 5 runs, per fit.\n")
    print("| problem | start | method | min LRE params | LRE rss | nfev | ms per fit |")
    print("|---|---|---|---|---|---|---|")
    for name in sorted(p.stem for p in NIST.glob("*.dat")):
        start1, start2, certified, rss_cert, x, y = read(name)
        model = MODELS[name]

        def residuals(b):
            return model(b, x) - y

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
