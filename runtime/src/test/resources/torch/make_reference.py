#!/usr/bin/python3
"""Reference trajectories of torch.optim for symgrad's Java optimizers and schedulers.

Run with the system Python that has PyTorch 1.13 (not a pyenv without torch):

    /usr/bin/python3 runtime/src/test/resources/torch/make_reference.py

It rewrites optimizers.tsv and schedulers.tsv beside this file; the Java tests in
org.symgrad.runtime.optim read them. Everything runs in float64: the default dtype is set to
float64 so that the 0-d state tensors some optimizers create with torch.tensor(...) (ASGD's
eta and mu, NAdam's mu_product) are float64 too; with torch's float32 default they would be
rounded to float32 and no float64 implementation could agree with them to 1e-9.

File formats (tab-separated, '#' starts a comment line):

optimizers.tsv  case  optimizer  problem  options  step  loss  params  state
    options: PyTorch argument names, 'name=value' joined by ';' ('-' for none), values as
             Optimizers.create takes them (betas=0.9,0.999, amsgrad=true, line_search_fn=...)
    step:    1-based number of optimizer.step() calls made (one step(closure) for LBFGS)
    loss:    the loss at the parameters before that step (what backward()/closure() saw)
    params:  the parameters after that step, space-separated
    state:   buffers that never reach the parameters, after that step, as 'name=v1 v2'
             ('-' for none): ASGD's average 'ax', which t0 alone decides

schedulers.tsv  case  scheduler  args  lr  metrics  lrs
    lr:      the optimizer's learning rate when the scheduler is made
    metrics: the 30 values passed to ReduceLROnPlateau.step ('-' for other schedulers)
    lrs:     the learning rate after construction, then after each of 30 scheduler steps

defaults.tsv  class  argument  default
    every argument of every optimizer's and scheduler's __init__ as inspect sees it, the
    default as repr() ('required' when there is none)

errors.tsv  class  options  message
    the ValueError torch raises for those arguments ('-' when there is none)

Floats are written with repr(), which round-trips exactly through Double.parseDouble.

On the rosenbrock problem the Java objective computes loss and gradient exactly as autograd
does, so the Java optimizers reproduce those runs bit for bit, and the tests hold them to
that. It relies on torch's CPU kernels as built here (x86-64, AVX2): add_(x, alpha=a) and
addcmul_ round once, as a fused multiply-add, which the Java code mirrors with Math.fma.
"""
import inspect
import os

import torch
from torch.optim.optimizer import required as REQUIRED

torch.set_default_dtype(torch.float64)

HERE = os.path.dirname(os.path.abspath(__file__))

# The thermometer data of "Deep Learning with PyTorch", chapter 5.
T_U = torch.tensor([35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4])
T_C = torch.tensor([0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0])
T_UN = 0.1 * T_U


def thermometer(p):
    """The normalised problem: t_p = w * (0.1 * t_u) + b, mse."""
    t_p = p[0] * T_UN + p[1]
    return ((t_p - T_C) ** 2).mean()


def thermometer_raw(p):
    """The book's unnormalised problem: t_p = w * t_u + b, mse."""
    t_p = p[0] * T_U + p[1]
    return ((t_p - T_C) ** 2).mean()


def relu_offsets(p):
    """The normalised problem with two extra parameters c, d entering through relu:
    t_p = w * (0.1 * t_u) + b - relu(c) + relu(d). d starts negative, so its gradient is
    exactly zero at every step; c starts positive and is pushed below zero, after which its
    gradient is exactly zero too. That is what SparseAdam's laziness is about."""
    t_p = p[0] * T_UN + p[1] - torch.relu(p[2]) + torch.relu(p[3])
    return ((t_p - T_C) ** 2).mean()


def rosenbrock(p):
    """Rosenbrock's banana from (-1.2, 1): curved enough that LBFGS's line search has to
    extrapolate and zoom, and takes long enough to fill and wrap a short history."""
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2


PROBLEMS = {
    "thermometer": (thermometer, [1.0, 0.0]),
    "thermometer_raw": (thermometer_raw, [1.0, 0.0]),
    "relu_offsets": (relu_offsets, [1.0, 0.0, 0.5, -1.0]),
    "rosenbrock": (rosenbrock, [-1.2, 1.0]),
}

STEPS = [1, 2, 3, 4, 5, 100]

T = "thermometer"
R = "thermometer_raw"
S = "relu_offsets"
B = "rosenbrock"
LONGER = STEPS + [10, 20]
EXACT = LONGER + [300]

# (case, optimizer, problem, kwargs[, steps]). Defaults first, then one case per non-default
# option. SGD has no default lr in torch; 0.01 is symgrad's default, so it is passed.
OPTIMIZER_CASES = [
    ("sgd", "SGD", T, dict(lr=0.01)),
    ("sgd_momentum", "SGD", T, dict(lr=0.01, momentum=0.9)),
    ("sgd_dampening", "SGD", T, dict(lr=0.01, momentum=0.9, dampening=0.5)),
    ("sgd_nesterov", "SGD", T, dict(lr=0.01, momentum=0.9, nesterov=True)),
    ("sgd_weight_decay", "SGD", T, dict(lr=0.01, weight_decay=0.1)),
    ("sgd_weight_decay_momentum", "SGD", T, dict(lr=0.01, momentum=0.5, weight_decay=0.1)),
    ("sgd_maximize", "SGD", T, dict(lr=0.001, maximize=True)),
    ("adam", "Adam", T, {}),
    ("adam_lr", "Adam", T, dict(lr=0.1)),
    ("adam_amsgrad", "Adam", T, dict(lr=0.1, amsgrad=True)),
    ("adam_weight_decay", "Adam", T, dict(lr=0.1, weight_decay=0.1)),
    ("adam_betas_eps", "Adam", T, dict(lr=0.05, betas=(0.8, 0.99), eps=1e-6)),
    ("adam_maximize", "Adam", T, dict(lr=0.1, maximize=True)),
    ("adamw", "AdamW", T, {}),
    ("adamw_weight_decay", "AdamW", T, dict(lr=0.1, weight_decay=0.1)),
    ("adamw_amsgrad", "AdamW", T, dict(lr=0.1, amsgrad=True)),
    ("adamw_maximize", "AdamW", T, dict(lr=0.1, maximize=True)),
    ("adamw_betas_eps", "AdamW", T, dict(lr=0.05, betas=(0.8, 0.99), eps=1e-6)),
    ("adamax", "Adamax", T, {}),
    ("adamax_lr", "Adamax", T, dict(lr=0.1, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)),
    ("adamax_maximize", "Adamax", T, dict(maximize=True)),
    ("adagrad", "Adagrad", T, {}),
    ("adagrad_lr", "Adagrad", T, dict(lr=0.5)),
    ("adagrad_lr_decay", "Adagrad", T, dict(lr=0.5, lr_decay=0.01)),
    ("adagrad_initial_accumulator_value", "Adagrad", T,
     dict(lr=0.5, initial_accumulator_value=0.1)),
    ("adagrad_weight_decay", "Adagrad", T, dict(lr=0.5, weight_decay=0.1, eps=1e-6)),
    ("adagrad_maximize", "Adagrad", T, dict(maximize=True)),
    ("adadelta", "Adadelta", T, {}),
    ("adadelta_rho", "Adadelta", T, dict(lr=0.5, rho=0.5, eps=1e-4, weight_decay=0.1)),
    ("adadelta_maximize", "Adadelta", T, dict(maximize=True)),
    ("rmsprop", "RMSprop", T, {}),
    ("rmsprop_centered", "RMSprop", T, dict(centered=True)),
    ("rmsprop_momentum", "RMSprop", T, dict(momentum=0.9)),
    ("rmsprop_centered_momentum", "RMSprop", T,
     dict(alpha=0.9, centered=True, momentum=0.5, weight_decay=0.1)),
    ("rmsprop_maximize", "RMSprop", T, dict(maximize=True)),
    ("rmsprop_lr_eps", "RMSprop", T, dict(lr=0.05, eps=1e-4)),
    ("rprop", "Rprop", T, {}),
    ("rprop_etas", "Rprop", T, dict(etas=(0.3, 1.5))),
    ("rprop_step_sizes", "Rprop", T, dict(lr=0.1, step_sizes=(1e-3, 0.5))),
    ("rprop_maximize", "Rprop", T, dict(maximize=True)),
    ("asgd", "ASGD", T, {}),
    ("asgd_lr", "ASGD", T, dict(lr=0.03, t0=10.0)),
    ("asgd_lambd", "ASGD", T, dict(lambd=0.01)),
    ("asgd_alpha", "ASGD", T, dict(alpha=0.5)),
    ("asgd_t0", "ASGD", T, dict(t0=3.0)),
    ("asgd_weight_decay", "ASGD", T, dict(lambd=0.001, alpha=0.6, t0=50.0, weight_decay=0.1)),
    ("asgd_maximize", "ASGD", T, dict(maximize=True)),
    ("nadam", "NAdam", T, {}),
    ("nadam_momentum_decay", "NAdam", T, dict(lr=0.05, momentum_decay=0.01)),
    ("nadam_weight_decay", "NAdam", T, dict(lr=0.05, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)),
    ("radam", "RAdam", T, {}),
    ("radam_lr", "RAdam", T, dict(lr=0.1, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)),
    ("lbfgs", "LBFGS", T, {}),
    ("lbfgs_strong_wolfe", "LBFGS", T, dict(line_search_fn="strong_wolfe")),
    ("lbfgs_history_size", "LBFGS", T, dict(lr=0.5, max_iter=4, history_size=2)),
    ("lbfgs_max_eval", "LBFGS", T, dict(lr=0.1, max_iter=10, max_eval=6)),
    ("lbfgs_raw_strong_wolfe", "LBFGS", R, dict(line_search_fn="strong_wolfe")),
    ("lbfgs_raw_history_size", "LBFGS", R,
     dict(max_iter=3, history_size=1, line_search_fn="strong_wolfe")),
    ("lbfgs_rosenbrock", "LBFGS", B, {}, LONGER),
    ("lbfgs_rosenbrock_fixed_steps", "LBFGS", B, dict(lr=0.5, max_iter=3, history_size=2),
     LONGER),
    ("lbfgs_rosenbrock_strong_wolfe", "LBFGS", B,
     dict(max_iter=5, history_size=3, line_search_fn="strong_wolfe"), LONGER),
    ("lbfgs_rosenbrock_extrapolate", "LBFGS", B,
     dict(lr=0.05, max_iter=3, history_size=4, line_search_fn="strong_wolfe"), LONGER),
    ("sparse_adam", "SparseAdam", S, {}),
    ("sparse_adam_lr", "SparseAdam", S, dict(lr=0.1)),
    ("sparse_adam_maximize", "SparseAdam", S, dict(lr=0.1, betas=(0.8, 0.99), eps=1e-6, maximize=True)),
    # The book's run (chapter 5): Adam, lr 1e-1, raw t_u, 2000 epochs -> w 0.5367, b -17.3021.
    ("book_adam", "Adam", R, dict(lr=0.1), STEPS + [2000]),
    # Rosenbrock's gradient has no sums, so Java computes it bit for bit as autograd does:
    # there the whole trajectory must be identical, which pins down the order of every
    # floating-point operation of the updates (and torch's fused multiply-adds).
    ("sgd_rosenbrock", "SGD", B, dict(lr=1e-4, momentum=0.9, weight_decay=0.1), EXACT),
    ("sgd_rosenbrock_nesterov", "SGD", B, dict(lr=1e-4, momentum=0.9, nesterov=True), EXACT),
    ("sgd_rosenbrock_dampening", "SGD", B, dict(lr=1e-4, momentum=0.9, dampening=0.3), EXACT),
    ("adam_rosenbrock", "Adam", B, dict(lr=0.01), EXACT),
    ("adam_rosenbrock_amsgrad", "Adam", B, dict(lr=0.01, amsgrad=True, weight_decay=0.1), EXACT),
    ("adamw_rosenbrock", "AdamW", B, dict(lr=0.01), EXACT),
    ("adamax_rosenbrock", "Adamax", B, dict(lr=0.01, weight_decay=0.1), EXACT),
    ("adagrad_rosenbrock", "Adagrad", B, dict(lr=0.1, lr_decay=0.01, weight_decay=0.1), EXACT),
    ("adadelta_rosenbrock", "Adadelta", B, dict(weight_decay=0.1), EXACT),
    ("rmsprop_rosenbrock", "RMSprop", B, dict(lr=0.001), EXACT),
    ("rmsprop_rosenbrock_centered", "RMSprop", B,
     dict(lr=0.001, centered=True, momentum=0.5, weight_decay=0.1), EXACT),
    ("rprop_rosenbrock", "Rprop", B, {}, EXACT),
    ("asgd_rosenbrock", "ASGD", B, dict(lr=1e-4, t0=5.0, weight_decay=0.1), EXACT),
    ("nadam_rosenbrock", "NAdam", B, dict(lr=0.01, weight_decay=0.1), EXACT),
    ("radam_rosenbrock", "RAdam", B, dict(lr=0.01, weight_decay=0.1), EXACT),
    ("sparse_adam_rosenbrock", "SparseAdam", B, dict(lr=0.01), EXACT),
]


def option_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return ",".join(repr(v) for v in value)
    if value is None:
        return "None"
    return repr(value) if isinstance(value, float) else str(value)


def options_text(kwargs):
    if not kwargs:
        return "-"
    return ";".join("%s=%s" % (k, option_text(v)) for k, v in kwargs.items())


def run_optimizer(optimizer, problem, kwargs, steps):
    loss_fn, start = PROBLEMS[problem]
    p = torch.tensor(start, requires_grad=True)
    opt = getattr(torch.optim, optimizer)([p], **kwargs)
    sparse = optimizer == "SparseAdam"

    def closure():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(p)
        loss.backward()
        if sparse:
            # SparseAdam only takes sparse gradients. to_sparse() keeps the non-zero entries
            # of the dense gradient, which is exactly symgrad's reading of a dense gradient:
            # a coordinate whose gradient is exactly 0 is absent from this step.
            p.grad = p.grad.to_sparse()
        return loss

    rows = []
    for step in range(1, max(steps) + 1):
        if optimizer == "LBFGS":
            loss = opt.step(closure)  # returns the first closure() value of the step
        else:
            loss = closure()
            opt.step()
        if step in steps:
            state = "-"
            if optimizer == "ASGD":
                ax = opt.state[p]["ax"].tolist()
                state = "ax=" + " ".join(repr(v) for v in ax)
            rows.append((step, loss.item(), p.detach().tolist(), state))
    return rows


def scheduler_cases():
    plateau = [1.0, 0.9, 0.85, 0.85, 0.85, 0.85, 0.84995, 0.8499, 0.8499, 0.8499,
               0.8499, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.7, 0.7,
               0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.69]
    rising = [0.1, 0.2, 0.2, 0.2, 0.25, 0.25, 0.25, 0.25, 0.3, 0.3001,
              0.3002, 0.3003, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4,
              0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]
    return [
        ("step_lr", "StepLR", dict(step_size=10, gamma=0.5), 0.1, None),
        ("step_lr_default_gamma", "StepLR", dict(step_size=3), 1.0, None),
        ("multi_step_lr", "MultiStepLR", dict(milestones=[5, 15], gamma=0.1), 0.1, None),
        ("multi_step_lr_repeated", "MultiStepLR", dict(milestones=[3, 3, 10, 20], gamma=0.3),
         0.7, None),
        ("exponential_lr", "ExponentialLR", dict(gamma=0.9), 0.1, None),
        ("exponential_lr_slow", "ExponentialLR", dict(gamma=0.99), 0.3, None),
        ("cosine_annealing_lr", "CosineAnnealingLR", dict(T_max=10), 0.1, None),
        ("cosine_annealing_lr_eta_min", "CosineAnnealingLR", dict(T_max=7, eta_min=0.001),
         0.05, None),
        ("cosine_annealing_lr_long", "CosineAnnealingLR", dict(T_max=50, eta_min=1e-4), 0.01,
         None),
        ("cosine_annealing_lr_one", "CosineAnnealingLR", dict(T_max=1), 0.1, None),
        ("reduce_lr_on_plateau", "ReduceLROnPlateau", dict(patience=2), 0.1, plateau),
        ("reduce_lr_on_plateau_abs", "ReduceLROnPlateau",
         dict(factor=0.5, patience=1, threshold=0.01, threshold_mode="abs", cooldown=2,
              min_lr=0.02), 0.1, plateau),
        ("reduce_lr_on_plateau_max", "ReduceLROnPlateau",
         dict(mode="max", factor=0.3, patience=0, threshold=1e-3, cooldown=1), 1.0, rising),
        ("reduce_lr_on_plateau_max_abs", "ReduceLROnPlateau",
         dict(mode="max", threshold_mode="abs", threshold=0.05, patience=1, eps=0.01,
              min_lr=0.005), 0.1, rising),
    ]


def scheduler_args_text(kwargs):
    def text(v):
        if isinstance(v, list):
            return "[" + ",".join(str(x) for x in v) + "]"
        return option_text(v)
    return ";".join("%s=%s" % (k, text(v)) for k, v in kwargs.items())


def run_scheduler(name, kwargs, lr, metrics):
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=lr)
    scheduler = getattr(torch.optim.lr_scheduler, name)(opt, **kwargs)
    lrs = [opt.param_groups[0]["lr"]]
    for epoch in range(30):
        opt.step()  # no gradient, so no update; keeps torch's call-order check quiet
        if metrics is None:
            scheduler.step()
        else:
            scheduler.step(metrics[epoch])
        lrs.append(opt.param_groups[0]["lr"])
    return lrs


SCHEDULERS = ["StepLR", "MultiStepLR", "ExponentialLR", "CosineAnnealingLR", "ReduceLROnPlateau"]


def defaults_rows():
    optimizers = sorted({case[1] for case in OPTIMIZER_CASES})
    for name in optimizers + SCHEDULERS:
        cls = getattr(torch.optim, name, None) or getattr(torch.optim.lr_scheduler, name)
        for arg, param in inspect.signature(cls.__init__).parameters.items():
            if arg in ("self", "params", "optimizer"):
                continue
            required = param.default is inspect.Parameter.empty or (
                param.default is REQUIRED)
            yield name, arg, "required" if required else repr(param.default)


# (class, kwargs): arguments torch refuses, for the messages it refuses them with.
ERROR_CASES = [
    ("SGD", dict(lr=-1.0)),
    ("SGD", dict(lr=0.1, momentum=-0.9)),
    ("SGD", dict(lr=0.1, weight_decay=-0.1)),
    ("SGD", dict(lr=0.1, nesterov=True)),
    ("SGD", dict(lr=0.1, momentum=0.9, dampening=0.1, nesterov=True)),
    ("SGD", dict(lr=float("nan"))),
    ("Adam", dict(lr=-1.0)),
    ("Adam", dict(eps=-1e-8)),
    ("Adam", dict(betas=(1.0, 0.999))),
    ("Adam", dict(betas=(0.9, 1.0))),
    ("Adam", dict(betas=(-0.1, 0.999))),
    ("Adam", dict(weight_decay=-0.1)),
    ("AdamW", dict(betas=(0.9, 1.5))),
    ("AdamW", dict(weight_decay=-1e-2)),
    ("Adamax", dict(lr=-2e-3)),
    ("Adamax", dict(eps=-1.0)),
    ("Adamax", dict(betas=(0.9, -0.5))),
    ("Adagrad", dict(lr_decay=-1.0)),
    ("Adagrad", dict(initial_accumulator_value=-1.0)),
    ("Adagrad", dict(eps=-1e-10)),
    ("Adagrad", dict(weight_decay=-1.0)),
    ("Adadelta", dict(rho=1.5)),
    ("Adadelta", dict(rho=-0.5)),
    ("Adadelta", dict(eps=-1e-6)),
    ("RMSprop", dict(alpha=-0.99)),
    ("RMSprop", dict(momentum=-0.5)),
    ("RMSprop", dict(eps=-1.0)),
    ("Rprop", dict(etas=(1.5, 1.2))),
    ("Rprop", dict(etas=(0.5, 0.8))),
    ("Rprop", dict(lr=-0.01)),
    ("ASGD", dict(weight_decay=-1.0)),
    ("NAdam", dict(momentum_decay=-4e-3)),
    ("NAdam", dict(betas=(0.9, 1.0))),
    ("RAdam", dict(eps=-1e-8)),
    ("SparseAdam", dict(lr=0.0)),
    ("SparseAdam", dict(eps=0.0)),
    ("SparseAdam", dict(betas=(1.0, 0.999))),
    ("ReduceLROnPlateau", dict(factor=1.0)),
    ("ReduceLROnPlateau", dict(mode="maximum")),
    ("ReduceLROnPlateau", dict(threshold_mode="relative")),
]


def error_message(name, kwargs):
    p = torch.zeros(1, requires_grad=True)
    try:
        if name in SCHEDULERS:
            getattr(torch.optim.lr_scheduler, name)(torch.optim.SGD([p], lr=0.1), **kwargs)
        else:
            getattr(torch.optim, name)([p], **kwargs)
    except ValueError as error:
        return str(error)
    return "-"


def main():
    with open(os.path.join(HERE, "optimizers.tsv"), "w") as out:
        out.write("# Generated by make_reference.py with torch %s; do not edit.\n"
                  % torch.__version__)
        out.write("# case\toptimizer\tproblem\toptions\tstep\tloss\tparams\tstate\n")
        for case in OPTIMIZER_CASES:
            name, optimizer, problem, kwargs = case[:4]
            steps = case[4] if len(case) > 4 else STEPS
            for step, loss, params, state in run_optimizer(optimizer, problem, kwargs, steps):
                out.write("\t".join([name, optimizer, problem, options_text(kwargs), str(step),
                                     repr(loss), " ".join(repr(v) for v in params), state])
                          + "\n")
    with open(os.path.join(HERE, "schedulers.tsv"), "w") as out:
        out.write("# Generated by make_reference.py with torch %s; do not edit.\n"
                  % torch.__version__)
        out.write("# case\tscheduler\targs\tlr\tmetrics\tlrs\n")
        for name, scheduler, kwargs, lr, metrics in scheduler_cases():
            lrs = run_scheduler(scheduler, kwargs, lr, metrics)
            metrics_text = "-" if metrics is None else " ".join(repr(m) for m in metrics)
            out.write("\t".join([name, scheduler, scheduler_args_text(kwargs), repr(lr),
                                 metrics_text, " ".join(repr(v) for v in lrs)]) + "\n")

    with open(os.path.join(HERE, "defaults.tsv"), "w") as out:
        out.write("# Generated by make_reference.py with torch %s; do not edit.\n"
                  % torch.__version__)
        out.write("# class\targument\tdefault\n")
        for row in defaults_rows():
            out.write("\t".join(row) + "\n")
    with open(os.path.join(HERE, "errors.tsv"), "w") as out:
        out.write("# Generated by make_reference.py with torch %s; do not edit.\n"
                  % torch.__version__)
        out.write("# class\toptions\tmessage\n")
        for name, kwargs in ERROR_CASES:
            out.write("\t".join([name, options_text(kwargs), error_message(name, kwargs)]) + "\n")


if __name__ == "__main__":
    main()
