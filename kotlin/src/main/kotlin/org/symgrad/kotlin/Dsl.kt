// The model DSL: a model file's lines as calls on a ModelBuilder receiver.
//
//   val thermometer = model("thermometer") {
//       val w = param("w", 1.0)
//       val b = param("b", 0.0)
//       val t_u = input("t_u")
//       target("t_c")
//       predict(w * t_u + b)
//       loss(mse)
//   }
//
// Arrays are Tensors, indexed as W[j, k] (Tensor.get is Kotlin's indexing operator):
//
//   val j = index("j")
//   val W1 = param("W1", shape(13, 1), linearInit(1))
//   val h = let("h", j) { tanh(W1[j, 0] * t_un + b1[j]) }      // let h[j] = …
//   predict(sum(j) { w2[j] * h[j] } + b2)
//
// param, input, target, let, predict, loss and penalty are ModelBuilder's own methods; this
// file adds the block, the losses and initializers by their file names, and compile().
@file:JvmName("Dsl")

package org.symgrad.kotlin

import org.symgrad.compiler.Symgrad
import org.symgrad.compiler.api.Expr
import org.symgrad.compiler.api.Index
import org.symgrad.compiler.api.Loss
import org.symgrad.compiler.api.ModelBuilder
import org.symgrad.compiler.api.Tensor
import org.symgrad.compiler.lower.Program
import org.symgrad.compiler.model.ModelDefinition
import org.symgrad.runtime.CompiledModel
import org.symgrad.runtime.Initializer

/** The model that [block] declares, built: see [ModelBuilder] for what each line means. */
fun model(name: String, block: ModelBuilder.() -> Unit): ModelDefinition =
    ModelBuilder(name).apply(block).build()

/** `loss(mse)`: `(pred - target)^2`. */
val ModelBuilder.mse: Loss
    get() = Loss.MSE

/** `loss(mae)`: `abs(pred - target)`. */
val ModelBuilder.mae: Loss
    get() = Loss.MAE

/** `loss(bceLogits)`: the file's `bce_logits`. */
val ModelBuilder.bceLogits: Loss
    get() = Loss.BCE_LOGITS

/** `loss(crossEntropy)`: the file's `cross_entropy`, for `predict("score", k) { … }`. */
val ModelBuilder.crossEntropy: Loss
    get() = Loss.CROSS_ENTROPY

/** `predict("score", k) { sum(j) { W[k, j] * x[j] } + c[k] }`: `model score[k] = …`. */
fun ModelBuilder.predict(name: String, index: Index, value: () -> Expr): ModelBuilder =
    predict(name, index, value())

/** `loss(huber(1.0))`. */
fun ModelBuilder.huber(delta: Double): Loss = Loss.huber(delta)

/** `param("w", uniform(-1.0, 1.0))`: drawn from [low, high) with the run's seed. */
fun ModelBuilder.uniform(low: Double, high: Double): Initializer = Initializer.Uniform(low, high)

/** `param("w", normal(0.0, 0.1))`: drawn with the run's seed. */
fun ModelBuilder.normal(mean: Double, std: Double): Initializer = Initializer.Normal(mean, std)

/** `param("W", shape(13, 4), …)`: the extents of an array, row-major. */
fun shape(vararg extents: Int): List<Int> = ModelBuilder.shape(*extents)

/** `param("W", shape(13, 4), linearInit(4))`: nn.Linear's default, the file's `linear_init`. */
fun ModelBuilder.linearInit(fanIn: Int): Initializer = ModelBuilder.linearInit(fanIn.toDouble())

/** `let("h", j) { tanh(W[j, 0] * x + b[j]) }`: the file's `let h[j] = …`. */
fun ModelBuilder.let(name: String, index: Index, value: () -> Expr): Tensor =
    let(name, index, value())

/** `let("g", i, j) { A[i, j] * h[j] }`: the file's `let g[i, j] = …`. */
fun ModelBuilder.let(name: String, first: Index, second: Index, value: () -> Expr): Tensor =
    let(name, listOf(first, second), value())

/** The model compiled to bytecode, ready to fit. */
fun ModelDefinition.compile(): CompiledModel = Symgrad.compile(this)

/** The model's kernel IR, as both emitters see it; its `toString()` is the listing. */
fun ModelDefinition.lower(): Program = Symgrad.lower(this)
