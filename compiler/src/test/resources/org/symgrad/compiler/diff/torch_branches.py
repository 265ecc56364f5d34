#!/usr/bin/env python3
"""Reference gradients at branch points, from PyTorch's autograd in float64.

Writes torch_branches.csv beside this file, which BranchDerivativesTest reads: one line per
(expression, point), with the expression as symgrad's grammar writes it, the point, and
torch's gradient for every variable. Source: torch.autograd (Debian's python3-torch), whose
rules are in tools/autograd/derivatives.yaml: relu (threshold_backward), abs (sgn), maximum
and minimum (the gradient split equally at ties), pow (0 where the base is 0 and the exponent
is >= 0, for d/dp; 0 where the exponent is 0, for d/dbase).

Run: /usr/bin/python3 torch_branches.py  (the system Python, which has python3-torch)
"""
import csv
import math
import os

import torch

T = torch.float64

# (symgrad text, the same in torch, point)
CASES = [
    ("relu(x)", lambda v: torch.relu(v["x"]), {"x": 0.0}),
    ("relu(x)", lambda v: torch.relu(v["x"]), {"x": -2.0}),
    ("relu(x)", lambda v: torch.relu(v["x"]), {"x": 3.0}),
    ("sqrt(relu(x))", lambda v: torch.sqrt(torch.relu(v["x"])), {"x": -1.5}),
    ("sqrt(max(x, 0))", lambda v: torch.sqrt(torch.maximum(v["x"], torch.zeros((), dtype=T))),
     {"x": -1.5}),
    ("acos(min(max(x, -1), 1))",
     lambda v: torch.acos(torch.minimum(torch.maximum(v["x"], torch.tensor(-1.0, dtype=T)),
                                        torch.tensor(1.0, dtype=T))), {"x": 1.5}),
    ("acos(min(max(x, -1), 1))",
     lambda v: torch.acos(torch.minimum(torch.maximum(v["x"], torch.tensor(-1.0, dtype=T)),
                                        torch.tensor(1.0, dtype=T))), {"x": -1.5}),
    ("acos(min(max(x, -1), 1))",
     lambda v: torch.acos(torch.minimum(torch.maximum(v["x"], torch.tensor(-1.0, dtype=T)),
                                        torch.tensor(1.0, dtype=T))), {"x": 0.25}),
    ("abs(x)", lambda v: torch.abs(v["x"]), {"x": 0.0}),
    ("abs(x)", lambda v: torch.abs(v["x"]), {"x": -0.5}),
    ("abs(x) * y", lambda v: torch.abs(v["x"]) * v["y"], {"x": 2.0, "y": 3.0}),
    ("max(x, y)", lambda v: torch.maximum(v["x"], v["y"]), {"x": 1.0, "y": 1.0}),
    ("max(x, y)", lambda v: torch.maximum(v["x"], v["y"]), {"x": 2.0, "y": 1.0}),
    ("max(x, y)", lambda v: torch.maximum(v["x"], v["y"]), {"x": -2.0, "y": 1.0}),
    ("min(x, y)", lambda v: torch.minimum(v["x"], v["y"]), {"x": 1.0, "y": 1.0}),
    ("min(x, y)", lambda v: torch.minimum(v["x"], v["y"]), {"x": 2.0, "y": 1.0}),
    ("min(x * x, y) * 3", lambda v: torch.minimum(v["x"] * v["x"], v["y"]) * 3,
     {"x": 2.0, "y": 4.0}),
    ("sqrt(min(x, y))", lambda v: torch.sqrt(torch.minimum(v["x"], v["y"])),
     {"x": 0.0, "y": 2.0}),
    ("x^p", lambda v: v["x"] ** v["p"], {"x": 0.0, "p": 2.0}),
    ("x^p", lambda v: v["x"] ** v["p"], {"x": 0.0, "p": 0.5}),
    ("x^p", lambda v: v["x"] ** v["p"], {"x": 0.0, "p": 0.0}),
    ("x^p", lambda v: v["x"] ** v["p"], {"x": 2.0, "p": 3.0}),
    ("a * x^p", lambda v: v["a"] * v["x"] ** v["p"], {"a": 1.5, "x": 0.0, "p": 1.7}),
    ("0^x", lambda v: torch.zeros((), dtype=T) ** v["x"], {"x": 1.0}),
    ("0^x", lambda v: torch.zeros((), dtype=T) ** v["x"], {"x": 2.5}),
    ("pow(y, z)", lambda v: torch.pow(v["y"], v["z"]), {"y": 0.0, "z": 3.0}),
    ("pow(y, z)", lambda v: torch.pow(v["y"], v["z"]), {"y": 0.0, "z": 0.0}),
]


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch_branches.csv")
    with open(out, "w", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\n")
        w.writerow(["expression", "point", "gradient"])
        for text, fn, point in CASES:
            values = {k: torch.tensor(v, dtype=T, requires_grad=True) for k, v in point.items()}
            fn(values).backward()
            grads = {k: values[k].grad.item() if values[k].grad is not None else 0.0
                     for k in point}
            w.writerow([text, ",".join(f"{k}={v!r}" for k, v in point.items()),
                        ",".join(f"{k}={fmt(g)}" for k, g in grads.items())])


def fmt(g):
    if math.isnan(g):
        return "NaN"
    if math.isinf(g):
        return "Infinity" if g > 0 else "-Infinity"
    return repr(g)


if __name__ == "__main__":
    main()
