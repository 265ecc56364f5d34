#!/usr/bin/env python3
"""The data of the vector samples, from fixed seeds, with the standard library only.

    python3 samples/make_data.py            # (re)writes the three CSV files below
    python3 samples/make_data.py accuracy samples/softmax/blobs.csv params.json
                                            # accuracy of a fitted classifier on a CSV

linear_regression/advertising.csv  sales from three budgets: 0.45 tv + 0.19 radio + 0 press
                                   + 3, plus noise of sd 0.5 (200 rows)
logistic/exams.csv                 admitted (0/1) from two exam scores: two Gaussian
                                   clouds of sd 1 at (-1, -0.5) and (1, 0.5) (300 rows)
softmax/blobs.csv                  class 0, 1 or 2 of a point: three Gaussian clouds of
                                   sd 0.8 around (2, 0) turned by 0, 120 and 240 degrees
                                   (300 rows)
"""
import json
import math
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def write(path, header, rows):
    with open(os.path.join(HERE, path), "w", newline="\n") as out:
        out.write(",".join(header) + "\n")
        for row in rows:
            out.write(",".join(format(v, ".4f") if isinstance(v, float) else str(v)
                               for v in row) + "\n")


def advertising(rng):
    rows = []
    for _ in range(200):
        tv, radio, press = (rng.uniform(0, 3) for _ in range(3))
        sales = 0.45 * tv + 0.19 * radio + 0.0 * press + 3.0 + rng.gauss(0, 0.5)
        rows.append((tv, radio, press, sales))
    write("linear_regression/advertising.csv", ["tv", "radio", "press", "sales"], rows)


def exams(rng):
    rows = []
    for i in range(300):
        admitted = i % 2
        centre = (1.0, 0.5) if admitted else (-1.0, -0.5)
        rows.append((centre[0] + rng.gauss(0, 1), centre[1] + rng.gauss(0, 1), admitted))
    rng.shuffle(rows)
    write("logistic/exams.csv", ["exam1", "exam2", "admitted"], rows)


def blobs(rng):
    rows = []
    for i in range(300):
        k = i % 3
        angle = 2 * math.pi * k / 3
        rows.append((2 * math.cos(angle) + rng.gauss(0, 0.8),
                     2 * math.sin(angle) + rng.gauss(0, 0.8), k))
    rng.shuffle(rows)
    write("softmax/blobs.csv", ["x0", "x1", "label"], rows)


def accuracy(csv_path, params_path):
    """The share of rows whose largest logit is the label's: a logistic sample's one logit
    w . x + b against 0, a softmax sample's W x + c (rows of W are classes)."""
    with open(params_path) as f:
        params = json.load(f)["params"]
    with open(csv_path) as f:
        lines = [line.strip().split(",") for line in f if line.strip()]
    right = 0
    for fields in lines[1:]:
        x = [float(v) for v in fields[:-1]]
        label = int(float(fields[-1]))
        if "W" in params:
            scores = [sum(w * xi for w, xi in zip(row, x)) + c
                      for row, c in zip(chunks(params["W"], len(x)), params["c"])]
            guess = scores.index(max(scores))
        else:
            guess = 1 if sum(w * xi for w, xi in zip(params["w"], x)) + params["b"] > 0 else 0
        right += guess == label
    return right / (len(lines) - 1)


def chunks(values, size):
    return [values[i:i + size] for i in range(0, len(values), size)]


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "accuracy":
        print(f"accuracy {accuracy(sys.argv[2], sys.argv[3]):.4f}")
    elif len(sys.argv) == 1:
        advertising(random.Random(1))
        exams(random.Random(2))
        blobs(random.Random(3))
    else:
        sys.exit(__doc__)
