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
// param, input, target, let, predict, loss and penalty are ModelBuilder's own methods; this
// file adds the block, the losses and initializers by their file names, and compile().
@file:JvmName("Dsl")

package org.symgrad.kotlin

import org.symgrad.compiler.Symgrad
import org.symgrad.compiler.api.Loss
import org.symgrad.compiler.api.ModelBuilder
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

/** `loss(huber(1.0))`. */
fun ModelBuilder.huber(delta: Double): Loss = Loss.huber(delta)

/** `param("w", uniform(-1.0, 1.0))`: drawn from [low, high) with the run's seed. */
fun ModelBuilder.uniform(low: Double, high: Double): Initializer = Initializer.Uniform(low, high)

/** `param("w", normal(0.0, 0.1))`: drawn with the run's seed. */
fun ModelBuilder.normal(mean: Double, std: Double): Initializer = Initializer.Normal(mean, std)

/** The model compiled to bytecode, ready to fit. */
fun ModelDefinition.compile(): CompiledModel = Symgrad.compile(this)

/** The model's kernel IR, as both emitters see it; its `toString()` is the listing. */
fun ModelDefinition.lower(): Program = Symgrad.lower(this)
