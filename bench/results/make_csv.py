"""Writes the 10^6-row, 2-column CSV that CsvReadCpuTime reads (the same shape as
CsvReadBench's file: t_u,t_c as a thermometer's readings, seeded).

    python3 bench/results/make_csv.py /tmp/data.csv
"""
import random
import sys

random.seed(42)
with open(sys.argv[1], "w") as f:
    f.write("t_u,t_c\n")
    for _ in range(1_000_000):
        tu = 20 + 60 * random.random()
        f.write("%.4f,%.6g\n" % (tu, (tu - 32) * 5 / 9 + random.gauss(0, 1)))
