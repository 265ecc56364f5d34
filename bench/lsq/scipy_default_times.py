"""SciPy's default least_squares, best-of-7 µs per fit, for the given PROBLEM:START runs only.

The same fits and timing as scipy_times.py's "default" column, so that they can be taken in
turn with a JMH run of the same problems (bench/results/nist-close.sh):
    python3 bench/lsq/scipy_default_times.py Chwirut2:1 Lanczos3:2
prints one line "PROBLEM START MICROSECONDS" a run. Run from the repository root.
"""
import pathlib
import sys

from scipy.optimize import least_squares

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from scipy_times import Problem, best_time  # noqa: E402


def main(runs):
    for run in runs:
        name, start = run.split(":")
        problem = Problem(name)
        x0 = problem.start1 if start == "1" else problem.start2
        print(f"{name} {start} {best_time(lambda: least_squares(problem.residuals, x0)):.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])
