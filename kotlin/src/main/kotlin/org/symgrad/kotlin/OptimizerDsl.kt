// Optimizers with Kotlin's named and default arguments: adam(lr = 1e-3, betas = 0.9 to 0.99).
// An argument left out keeps torch's default, which is declared once, in the Java spec; so
// every parameter here is nullable, null meaning "torch's default".
@file:JvmName("OptimizerDsl")

package org.symgrad.kotlin

import org.symgrad.runtime.optim.Adadelta
import org.symgrad.runtime.optim.Adagrad
import org.symgrad.runtime.optim.Adam
import org.symgrad.runtime.optim.Adamax
import org.symgrad.runtime.optim.ASGD
import org.symgrad.runtime.optim.LBFGS
import org.symgrad.runtime.optim.NAdam
import org.symgrad.runtime.optim.Optim
import org.symgrad.runtime.optim.RAdam
import org.symgrad.runtime.optim.RMSprop
import org.symgrad.runtime.optim.Rprop
import org.symgrad.runtime.optim.SGD
import org.symgrad.runtime.optim.SparseAdam

/** The spec with [set] applied to [value], or as it is when [value] is null. */
private inline fun <S, T : Any> S.setIf(value: T?, set: S.(T) -> S): S =
    if (value == null) this else set(value)

/** `torch.optim.SGD`: `sgd(lr = 0.01, momentum = 0.9)`. */
fun sgd(
    lr: Double? = null,
    momentum: Double? = null,
    dampening: Double? = null,
    weightDecay: Double? = null,
    nesterov: Boolean? = null,
    maximize: Boolean? = null,
): SGD.Spec = Optim.sgd().setIf(lr) { this.lr(it) }.setIf(momentum) { this.momentum(it) }
    .setIf(dampening) { this.dampening(it) }.setIf(weightDecay) { this.weightDecay(it) }
    .setIf(nesterov) { this.nesterov(it) }.setIf(maximize) { this.maximize(it) }

/** `torch.optim.Adam`: `adam(lr = 1e-3, betas = 0.9 to 0.99)`. */
fun adam(
    lr: Double? = null,
    betas: Pair<Double, Double>? = null,
    eps: Double? = null,
    weightDecay: Double? = null,
    amsgrad: Boolean? = null,
    maximize: Boolean? = null,
): Adam.Spec = adamArguments(Optim.adam(), lr, betas, eps, weightDecay, amsgrad, maximize)

/** `torch.optim.AdamW`: Adam with decoupled weight decay. */
fun adamW(
    lr: Double? = null,
    betas: Pair<Double, Double>? = null,
    eps: Double? = null,
    weightDecay: Double? = null,
    amsgrad: Boolean? = null,
    maximize: Boolean? = null,
): Adam.Spec = adamArguments(Optim.adamW(), lr, betas, eps, weightDecay, amsgrad, maximize)

@Suppress("LongParameterList")
private fun adamArguments(
    spec: Adam.Spec,
    lr: Double?,
    betas: Pair<Double, Double>?,
    eps: Double?,
    weightDecay: Double?,
    amsgrad: Boolean?,
    maximize: Boolean?,
): Adam.Spec = spec.setIf(lr) { this.lr(it) }.setIf(betas) { this.betas(it.first, it.second) }
    .setIf(eps) { this.eps(it) }.setIf(weightDecay) { this.weightDecay(it) }
    .setIf(amsgrad) { this.amsgrad(it) }.setIf(maximize) { this.maximize(it) }

/** `torch.optim.Adamax`. */
fun adamax(
    lr: Double? = null,
    betas: Pair<Double, Double>? = null,
    eps: Double? = null,
    weightDecay: Double? = null,
    maximize: Boolean? = null,
): Adamax.Spec = Optim.adamax().setIf(lr) { this.lr(it) }
    .setIf(betas) { this.betas(it.first, it.second) }.setIf(eps) { this.eps(it) }
    .setIf(weightDecay) { this.weightDecay(it) }.setIf(maximize) { this.maximize(it) }

/** `torch.optim.Adagrad`. */
fun adagrad(
    lr: Double? = null,
    lrDecay: Double? = null,
    weightDecay: Double? = null,
    initialAccumulatorValue: Double? = null,
    eps: Double? = null,
    maximize: Boolean? = null,
): Adagrad.Spec = Optim.adagrad().setIf(lr) { this.lr(it) }.setIf(lrDecay) { this.lrDecay(it) }
    .setIf(weightDecay) { this.weightDecay(it) }
    .setIf(initialAccumulatorValue) { this.initialAccumulatorValue(it) }
    .setIf(eps) { this.eps(it) }.setIf(maximize) { this.maximize(it) }

/** `torch.optim.Adadelta`. */
fun adadelta(
    lr: Double? = null,
    rho: Double? = null,
    eps: Double? = null,
    weightDecay: Double? = null,
    maximize: Boolean? = null,
): Adadelta.Spec = Optim.adadelta().setIf(lr) { this.lr(it) }.setIf(rho) { this.rho(it) }
    .setIf(eps) { this.eps(it) }.setIf(weightDecay) { this.weightDecay(it) }
    .setIf(maximize) { this.maximize(it) }

/** `torch.optim.RMSprop`. */
fun rmsprop(
    lr: Double? = null,
    alpha: Double? = null,
    eps: Double? = null,
    weightDecay: Double? = null,
    momentum: Double? = null,
    centered: Boolean? = null,
    maximize: Boolean? = null,
): RMSprop.Spec = Optim.rmsprop().setIf(lr) { this.lr(it) }.setIf(alpha) { this.alpha(it) }
    .setIf(eps) { this.eps(it) }.setIf(weightDecay) { this.weightDecay(it) }
    .setIf(momentum) { this.momentum(it) }.setIf(centered) { this.centered(it) }
    .setIf(maximize) { this.maximize(it) }

/** `torch.optim.Rprop`. */
fun rprop(
    lr: Double? = null,
    etas: Pair<Double, Double>? = null,
    stepSizes: Pair<Double, Double>? = null,
    maximize: Boolean? = null,
): Rprop.Spec = Optim.rprop().setIf(lr) { this.lr(it) }
    .setIf(etas) { this.etas(it.first, it.second) }
    .setIf(stepSizes) { this.stepSizes(it.first, it.second) }
    .setIf(maximize) { this.maximize(it) }

/** `torch.optim.ASGD`. */
fun asgd(
    lr: Double? = null,
    lambd: Double? = null,
    alpha: Double? = null,
    t0: Double? = null,
    weightDecay: Double? = null,
    maximize: Boolean? = null,
): ASGD.Spec = Optim.asgd().setIf(lr) { this.lr(it) }.setIf(lambd) { this.lambd(it) }
    .setIf(alpha) { this.alpha(it) }.setIf(t0) { this.t0(it) }
    .setIf(weightDecay) { this.weightDecay(it) }.setIf(maximize) { this.maximize(it) }

/** `torch.optim.NAdam`. */
fun nadam(
    lr: Double? = null,
    betas: Pair<Double, Double>? = null,
    eps: Double? = null,
    weightDecay: Double? = null,
    momentumDecay: Double? = null,
): NAdam.Spec = Optim.nadam().setIf(lr) { this.lr(it) }
    .setIf(betas) { this.betas(it.first, it.second) }.setIf(eps) { this.eps(it) }
    .setIf(weightDecay) { this.weightDecay(it) }.setIf(momentumDecay) { this.momentumDecay(it) }

/** `torch.optim.RAdam`. */
fun radam(
    lr: Double? = null,
    betas: Pair<Double, Double>? = null,
    eps: Double? = null,
    weightDecay: Double? = null,
): RAdam.Spec = Optim.radam().setIf(lr) { this.lr(it) }
    .setIf(betas) { this.betas(it.first, it.second) }.setIf(eps) { this.eps(it) }
    .setIf(weightDecay) { this.weightDecay(it) }

/** `torch.optim.LBFGS`; `lineSearchFn = "strong_wolfe"` for the line search. */
fun lbfgs(
    lr: Double? = null,
    maxIter: Int? = null,
    maxEval: Int? = null,
    toleranceGrad: Double? = null,
    toleranceChange: Double? = null,
    historySize: Int? = null,
    lineSearchFn: String? = null,
): LBFGS.Spec = Optim.lbfgs().setIf(lr) { this.lr(it) }.setIf(maxIter) { this.maxIter(it) }
    .setIf(maxEval) { this.maxEval(it) }.setIf(toleranceGrad) { this.toleranceGrad(it) }
    .setIf(toleranceChange) { this.toleranceChange(it) }
    .setIf(historySize) { this.historySize(it) }.setIf(lineSearchFn) { this.lineSearchFn(it) }

/** `torch.optim.SparseAdam`. */
fun sparseAdam(
    lr: Double? = null,
    betas: Pair<Double, Double>? = null,
    eps: Double? = null,
    maximize: Boolean? = null,
): SparseAdam.Spec = Optim.sparseAdam().setIf(lr) { this.lr(it) }
    .setIf(betas) { this.betas(it.first, it.second) }.setIf(eps) { this.eps(it) }
    .setIf(maximize) { this.maximize(it) }
