"""Makes decay.csv: a radioactive-style exponential decay with a background level.

Counts y at times t (minutes) from y = a * exp(-k t) + c with a = 120, k = 0.35, c = 8,
plus Gaussian noise of standard deviation 2, seeded so the file is reproducible:

    python3 samples/decay/make_decay.py
"""
import pathlib

import numpy as np

rng = np.random.default_rng(20261201)
t = np.linspace(0.0, 15.0, 31)
y = 120.0 * np.exp(-0.35 * t) + 8.0 + rng.normal(0.0, 2.0, t.size)
out = pathlib.Path(__file__).with_name("decay.csv")
with out.open("w") as f:
    f.write("t,y\n")
    for ti, yi in zip(t, y):
        f.write(f"{ti:.1f},{yi:.3f}\n")
