"""Makes sensors.csv: thermometer readings of 20 sensors, each with its own calibration.

Sensor k reads t_u in (unknown) units with t_c = a_k * t_u + b_k + noise (sd 0.5), where
a_k = 0.5 + 0.005 k and b_k = -17 + 0.25 k, in the spirit of the thermometer of "Deep
Learning with PyTorch", ch. 5. Rows of all sensors are interleaved, as a log would hold
them. Run: python3 make_sensors.py (numpy, seed 19).
"""
import numpy as np

rng = np.random.default_rng(19)
rows = []
for k in range(20):
    a, b = 0.5 + 0.005 * k, -17 + 0.25 * k
    t_u = rng.uniform(20, 85, size=30)
    t_c = a * t_u + b + rng.normal(0, 0.5, size=30)
    rows += [(f"sensor{k:02d}", u, c) for u, c in zip(t_u, t_c)]
order = rng.permutation(len(rows))
with open("sensors.csv", "w") as f:
    f.write("sensor,t_u,t_c\n")
    for i in order:
        s, u, c = rows[i]
        f.write(f"{s},{u:.2f},{c:.2f}\n")
