"""The 27 NIST StRD nonlinear regression models in NumPy, and a reader of the .dat files here.

Shared by check_certified.py (beside this file) and bench/lsq/scipy_times.py. Each model
takes the parameters b (b[0] is NIST's b1) and the predictor x (for Nelson, the pair x1, x2)
and works on complex numbers too, so that a complex-step derivative gives an exact Jacobian.
"""
import pathlib
import re

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
PI = np.pi


def _gauss(b, x):
    return (b[0] * np.exp(-b[1] * x) + b[2] * np.exp(-(x - b[3]) ** 2 / b[4] ** 2)
            + b[5] * np.exp(-(x - b[6]) ** 2 / b[7] ** 2))


def _lanczos(b, x):
    return b[0] * np.exp(-b[1] * x) + b[2] * np.exp(-b[3] * x) + b[4] * np.exp(-b[5] * x)


def _rational33(b, x):
    return ((b[0] + b[1] * x + b[2] * x**2 + b[3] * x**3)
            / (1 + b[4] * x + b[5] * x**2 + b[6] * x**3))


def _enso(b, x):
    return (b[0] + b[1] * np.cos(2 * PI * x / 12) + b[2] * np.sin(2 * PI * x / 12)
            + b[4] * np.cos(2 * PI * x / b[3]) + b[5] * np.sin(2 * PI * x / b[3])
            + b[7] * np.cos(2 * PI * x / b[6]) + b[8] * np.sin(2 * PI * x / b[6]))


MODELS = {
    "Misra1a": lambda b, x: b[0] * (1 - np.exp(-b[1] * x)),
    "Misra1b": lambda b, x: b[0] * (1 - (1 + b[1] * x / 2) ** (-2)),
    "Misra1c": lambda b, x: b[0] * (1 - (1 + 2 * b[1] * x) ** (-0.5)),
    "Misra1d": lambda b, x: b[0] * b[1] * x * (1 + b[1] * x) ** (-1),
    "Chwirut1": lambda b, x: np.exp(-b[0] * x) / (b[1] + b[2] * x),
    "Chwirut2": lambda b, x: np.exp(-b[0] * x) / (b[1] + b[2] * x),
    "DanWood": lambda b, x: b[0] * x ** b[1],
    "Lanczos1": _lanczos,
    "Lanczos2": _lanczos,
    "Lanczos3": _lanczos,
    "Gauss1": _gauss,
    "Gauss2": _gauss,
    "Gauss3": _gauss,
    "Kirby2": lambda b, x: (b[0] + b[1] * x + b[2] * x**2) / (1 + b[3] * x + b[4] * x**2),
    "Hahn1": _rational33,
    "Thurber": _rational33,
    "Nelson": lambda b, x: b[0] - b[1] * x[0] * np.exp(-b[2] * x[1]),
    "MGH17": lambda b, x: b[0] + b[1] * np.exp(-x * b[3]) + b[2] * np.exp(-x * b[4]),
    "Roszman1": lambda b, x: b[0] - b[1] * x - np.arctan(b[2] / (x - b[3])) / PI,
    "ENSO": _enso,
    "MGH09": lambda b, x: b[0] * (x**2 + x * b[1]) / (x**2 + x * b[2] + b[3]),
    "MGH10": lambda b, x: b[0] * np.exp(b[1] / (x + b[2])),
    "Eckerle4": lambda b, x: (b[0] / b[1]) * np.exp(-0.5 * ((x - b[2]) / b[1]) ** 2),
    "Rat42": lambda b, x: b[0] / (1 + np.exp(b[1] - b[2] * x)),
    "Rat43": lambda b, x: b[0] / (1 + np.exp(b[1] - b[2] * x)) ** (1 / b[3]),
    "BoxBOD": lambda b, x: b[0] * (1 - np.exp(-b[1] * x)),
    "Bennett5": lambda b, x: b[0] * (b[1] + x) ** (-1 / b[2]),
}


class Problem:
    """One .dat file: starts, certified values and statistics, and the data."""

    def __init__(self, name):
        lines = (HERE / f"{name}.dat").read_text().splitlines()
        params, start = [], None
        self.name = name
        for i, line in enumerate(lines):
            m = re.match(r"^\s*b\d+\s*=\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$", line)
            if m:
                params.append([float(v) for v in m.groups()])
            elif line.startswith("Residual Sum of Squares:"):
                self.rss = float(line.split(":")[1])
            elif line.startswith("Residual Standard Deviation:"):
                self.rsd = float(line.split(":")[1])
            elif line.startswith("Degrees of Freedom:"):
                self.dof = int(line.split(":")[1])
            elif line.startswith("Number of Observations:"):
                self.observations = int(line.split(":")[1])
            elif line.startswith("Data:") and "y" in line:
                start = i + 1
        rows = []
        for line in lines[start:]:
            try:
                rows.append([float(c) for c in line.split()])
            except ValueError:
                continue
        data = np.array([r for r in rows if len(r) >= 2])
        p = np.array(params)
        self.start1, self.start2, self.certified, self.certified_sd = p.T
        self.y = data[:, 0]
        self.x = data[:, 1] if data.shape[1] == 2 else data[:, 1:].T
        if name == "Nelson":  # NIST's model is of log(y)
            self.y = np.log(self.y)
        self.model = MODELS[name]

    def residuals(self, b):
        return self.model(b, self.x) - self.y

    def jacobian(self, b):
        """The exact Jacobian of the residuals by the complex step (error ~ 1e-16 relative)."""
        b = np.asarray(b, dtype=float)
        columns = []
        for k in range(len(b)):
            h = 1e-30 * max(abs(b[k]), 1.0)
            bc = b.astype(complex)
            bc[k] += 1j * h
            columns.append(np.imag(self.model(bc, self.x)) / h)
        return np.column_stack(columns)


def names():
    return sorted(p.stem for p in HERE.glob("*.dat"))


def lre(estimate, certified):
    """NIST's log relative error: correct significant digits, 15 at most."""
    err = abs(estimate - certified) / abs(certified) if certified != 0 else abs(estimate)
    return 15.0 if err == 0 else min(15.0, -np.log10(err))
