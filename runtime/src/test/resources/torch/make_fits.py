#!/usr/bin/python3
"""Whole fits recorded from PyTorch 1.13, for the tests that quote a fit's end point.

Run with the system Python that has PyTorch (apt-get install python3-torch):

    /usr/bin/python3 runtime/src/test/resources/torch/make_fits.py

It rewrites fits.tsv beside this file. The tests that check the book's chapter-5 fit (cli's
FitCommandTest, compiler's and samples/java's ThermometerFitTest, bench's FitLoopsTest) read
their expected values from it instead of carrying constants.

fits.tsv  case  problem  optimizer  options  steps  params  loss
    problem: a problem of make_reference.py (same data, same float64 arithmetic)
    options: as in optimizers.tsv
    steps:   full-batch optimizer.step() calls, from the problem's starting parameters
    params:  the parameters after the last step, space-separated, repr()
    loss:    the loss at those parameters (what symgrad reports as train_loss)
"""
import os

import torch

from make_reference import HERE, PROBLEMS, options_text

torch.set_default_dtype(torch.float64)

FIT_CASES = [
    ("thermometer_sgd_5000", "thermometer", "SGD", dict(lr=0.01), 5000),
]


def fit(problem, optimizer, kwargs, steps):
    function, start = PROBLEMS[problem]
    p = torch.tensor(start, requires_grad=True)
    opt = getattr(torch.optim, optimizer)([p], **kwargs)
    for _ in range(steps):
        opt.zero_grad()
        loss = function(p)
        loss.backward()
        opt.step()
    with torch.no_grad():
        return [float(v) for v in p], float(function(p))


def main():
    with open(os.path.join(HERE, "fits.tsv"), "w") as out:
        out.write("# made by make_fits.py with torch %s\n" % torch.__version__)
        out.write("case\tproblem\toptimizer\toptions\tsteps\tparams\tloss\n")
        for case, problem, optimizer, kwargs, steps in FIT_CASES:
            params, loss = fit(problem, optimizer, kwargs, steps)
            out.write("\t".join([case, problem, optimizer, options_text(kwargs), str(steps),
                                 " ".join(repr(v) for v in params), repr(loss)]) + "\n")


if __name__ == "__main__":
    main()
