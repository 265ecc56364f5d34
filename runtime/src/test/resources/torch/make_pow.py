#!/usr/bin/python3
"""torch.pow with a number for exponent, for Functions.pow's test (FunctionsPowTest).

PyTorch computes a few exponents without pow (2: x*x, 3: x*x*x, -1: 1/x, -2: 1/(x*x),
0.5: sqrt, -0.5: 1/sqrt), so its results differ from a correctly rounded pow in the last
bit; symgrad follows it. Run with the system Python that has PyTorch 1.13:

    /usr/bin/python3 runtime/src/test/resources/torch/make_pow.py

It rewrites pow.tsv beside this file: one line per (x, exponent), 'x  exponent  torch.pow',
each a float.hex, float64 throughout.
"""
import pathlib
import random

import torch

EXPONENTS = [2.0, 3.0, -1.0, -2.0, 0.5, -0.5, 1.5, 4.0, -3.0]
EDGES = [0.0, -0.0, 1.0, -1.0, 2.0, -4.0, 1e-300, -1e-300, 1e300, 5e-324,
         float("inf"), float("-inf"), float("nan")]


def main():
    rng = random.Random(5)
    xs = EDGES + [(rng.random() - 0.3) * 10.0 ** rng.randint(-6, 6) for _ in range(200)]
    t = torch.tensor(xs, dtype=torch.float64)
    lines = ["# x\texponent\ttorch.pow(x, exponent), float.hex; made by make_pow.py"]
    for exponent in EXPONENTS:
        for x, y in zip(xs, t.pow(exponent).tolist()):
            lines.append(f"{float(x).hex()}\t{exponent.hex()}\t{float(y).hex()}")
    out = pathlib.Path(__file__).with_name("pow.tsv")
    out.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
