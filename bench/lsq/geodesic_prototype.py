"""Would geodesic acceleration cut Lanczos3's iterations? A NumPy prototype, not symgrad's lm.

Levenberg–Marquardt with Moré's scaling (D the largest column norms of J seen) and Nielsen's
damping update, with and without the geodesic acceleration of Transtrum and Sethna ("Improvements
to the Levenberg–Marquardt algorithm for nonlinear least-squares minimization", 2012): after the
step v solves (JᵀJ + λD²) v = -Jᵀr, the acceleration a solves the same system with -Jᵀr_vv,
r_vv = vᵀ∇²rᵢ v (exact here, as symgrad's compiler could give it), the trial is x + v + a/2,
and a step with 2‖Da‖ > 0.75‖Dv‖ is refused. It counts iterations, residual and Jacobian
evaluations until every parameter has `target` correct digits against NIST's certified values
(data: compiler/src/test/resources/nist/Lanczos3.dat, NIST StRD). Run from the repository root:

    python3 bench/lsq/geodesic_prototype.py
"""
import re

import numpy as np


def read(name):
    lines = open(f"compiler/src/test/resources/nist/{name}.dat").read().splitlines()
    starts, certified = ([], []), []
    for line in lines:
        m = re.match(r"\s*b(\d)\s*=\s*(\S+)\s+(\S+)\s+(\S+)", line)
        if m:
            starts[0].append(float(m.group(2)))
            starts[1].append(float(m.group(3)))
            certified.append(float(m.group(4)))
    first = next(k for k, line in enumerate(lines) if line.strip().startswith("Data:")) + 1
    data = np.array([[float(v) for v in line.split()] for line in lines[first:] if line.strip()])
    return data[:, 1], data[:, 0], [np.array(s) for s in starts], np.array(certified)


X, Y, STARTS, CERTIFIED = read("Lanczos3")


def residuals(b):  # b1 exp(-b2 x) + b3 exp(-b4 x) + b5 exp(-b6 x) - y
    return sum(b[2 * k] * np.exp(-b[2 * k + 1] * X) for k in range(3)) - Y


def jacobian(b):
    j = np.empty((len(X), 6))
    for k in range(3):
        e = np.exp(-b[2 * k + 1] * X)
        j[:, 2 * k] = e
        j[:, 2 * k + 1] = -b[2 * k] * X * e
    return j


def second_directional(b, v):  # vᵀ∇²rᵢ v for every row i
    out = np.zeros(len(X))
    for k in range(3):
        e = np.exp(-b[2 * k + 1] * X)
        a, c = v[2 * k], v[2 * k + 1]
        out += -2 * a * c * X * e + c * c * b[2 * k] * X * X * e
    return out


def digits(b):
    return min(-np.log10(np.abs(b - CERTIFIED) / np.abs(CERTIFIED) + 1e-16))


def fit(start, accelerate, target, limit=1000):
    b = start.copy()
    r = residuals(b)
    f = r @ r
    j = jacobian(b)
    d = np.sqrt((j * j).sum(0))
    lam, nu = 1e-3, 2.0
    nfev = njev = 1
    for iteration in range(limit):
        if digits(b) >= target:
            return iteration, nfev, njev
        if lam > 1e200:
            break
        a_mat = j.T @ j
        g = j.T @ r
        d = np.maximum(d, np.sqrt(np.diag(a_mat)))
        low = np.linalg.cholesky(a_mat + lam * np.diag(d * d))

        def solve(rhs):
            return np.linalg.solve(low.T, np.linalg.solve(low, rhs))

        v = solve(-g)
        step = v
        if accelerate:
            acc = solve(-(j.T @ second_directional(b, v)))
            if 2 * np.linalg.norm(d * acc) > 0.75 * np.linalg.norm(d * v):
                lam, nu = lam * nu, min(2 * nu, 1e6)
                continue
            step = v + 0.5 * acc
        trial = b + step
        rt = residuals(trial)
        ft = rt @ rt
        nfev += 1
        predicted = -(2 * g @ v + v @ a_mat @ v)
        rho = (f - ft) / predicted if predicted > 0 else -1
        if rho > 0 and np.isfinite(ft):
            b, r, f = trial, rt, ft
            j = jacobian(b)
            njev += 1
            lam, nu = lam * max(1 / 3, 1 - (2 * rho - 1) ** 3), 2.0
        else:
            lam, nu = lam * nu, min(2 * nu, 1e6)
    return f"not reached ({digits(b):.1f} digits)", nfev, njev


print("| start | target digits | acceleration | iterations | residual evaluations | Jacobians |")
print("|---|---|---|---|---|---|")
for target in (6, 7):
    for number, start in enumerate(STARTS, 1):
        for accelerate in (False, True):
            it, nfev, njev = fit(start, accelerate, target)
            print(f"| {number} | {target} | {'yes' if accelerate else 'no'} | {it} | {nfev} | {njev} |")
