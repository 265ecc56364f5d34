/**
 * PyTorch's {@code torch.optim} over one flat {@code double[]} of parameters: the optimizers
 * {@link org.symgrad.runtime.optim.SGD}, {@link org.symgrad.runtime.optim.Adam}, {@link
 * org.symgrad.runtime.optim.AdamW}, {@link org.symgrad.runtime.optim.Adamax}, {@link
 * org.symgrad.runtime.optim.Adagrad}, {@link org.symgrad.runtime.optim.Adadelta}, {@link
 * org.symgrad.runtime.optim.RMSprop}, {@link org.symgrad.runtime.optim.Rprop}, {@link
 * org.symgrad.runtime.optim.ASGD}, {@link org.symgrad.runtime.optim.NAdam}, {@link
 * org.symgrad.runtime.optim.RAdam}, {@link org.symgrad.runtime.optim.LBFGS} and {@link
 * org.symgrad.runtime.optim.SparseAdam}, and the lr schedulers {@link
 * org.symgrad.runtime.optim.StepLR}, {@link org.symgrad.runtime.optim.MultiStepLR}, {@link
 * org.symgrad.runtime.optim.ExponentialLR}, {@link org.symgrad.runtime.optim.CosineAnnealingLR}
 * and {@link org.symgrad.runtime.optim.ReduceLROnPlateau}.
 *
 * <p>Each class is a port of PyTorch 1.13's: same name, argument names, defaults, checks and
 * messages, and the same floating-point operations in the same order, so that in float64 a
 * trajectory agrees with torch's to 1e-9 relative (in practice to the last bits; bit for bit
 * when the gradient is). That includes torch's fused operations: on x86-64 its CPU kernels
 * compute {@code add_(x, alpha=a)} and {@code addcmul_} with one rounding, which the ports
 * mirror with {@link java.lang.Math#fma}. {@code src/test/resources/torch/make_reference.py}
 * records the runs the tests compare against.
 *
 * <p>A trainer evaluates the loss and gradient at the parameters ({@code loss.backward()}) and
 * calls {@link org.symgrad.runtime.optim.Optimizer#step}; LBFGS takes that evaluation as its
 * first {@code closure()} call and re-evaluates through the {@link
 * org.symgrad.runtime.optim.Objective}. Then, once per epoch, {@link
 * org.symgrad.runtime.optim.LrScheduler#step}. Optimizers are sized when made and allocate
 * nothing per step; {@code state()} and {@code restore()} resume a run exactly.
 *
 * <p>{@link org.symgrad.runtime.optim.Optim} makes typed, immutable specs ({@code
 * Optim.adam().lr(1e-3).betas(0.9, 0.99)}) that a fit binds to its parameter count; {@link
 * org.symgrad.runtime.optim.Optimizers} and {@link org.symgrad.runtime.optim.Schedulers} read
 * the same specs from text, as a command line has them, through one {@link
 * org.symgrad.runtime.optim.Registry} of names. Each hyper-parameter is declared once, as an
 * {@code Option} (torch's name, default, check); the optimizers share a base class that holds
 * the name, size, learning rate and the common hyper-parameters, and derives {@code state()}
 * and {@code restore()} from the state each optimizer declares. See docs/optimizers.md.
 */
@NullMarked
package org.symgrad.runtime.optim;

import org.jspecify.annotations.NullMarked;
