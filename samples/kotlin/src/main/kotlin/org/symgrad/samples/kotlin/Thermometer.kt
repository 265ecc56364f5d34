// The thermometer of "Deep Learning with PyTorch", chapter 5, declared with the Kotlin DSL and
// fitted with the runtime's Trainer: plain SGD, lr 1e-2, 5000 epochs from w = 1, b = 0, all
// rows for training. It prints the book's losses (in float64, so the last digits differ from
// the book's float32) and ends at the book's w = 5.3671, b = -17.3012.
@file:JvmName("Thermometer")

package org.symgrad.samples.kotlin

import org.symgrad.kotlin.*
import org.symgrad.runtime.Dataset
import org.symgrad.runtime.optim.Optimizers
import org.symgrad.runtime.train.EpochListener
import org.symgrad.runtime.train.Trainer
import org.symgrad.runtime.train.TrainerOptions
import org.symgrad.runtime.train.TrainingResult

/** samples/thermometer/thermometer.sg, line for line. */
val thermometer = model("thermometer") {
    val t_u = input("t_u")
    target("t_c")
    val w = param("w", 1.0)
    val b = param("b", 0.0)
    val t_un = let("t_un", 0.1 * t_u)
    predict(w * t_un + b)
    loss(mse)
}

/** Fits [thermometer] to the book's data, printing to [out] as `symgrad fit` does. */
fun fitThermometer(out: (String) -> Unit = ::println): TrainingResult {
    val model = thermometer.compile()
    val options = TrainerOptions.builder()
        .epochs(5000)
        .validationFraction(0.0)
        .listener(EpochListener.logLines { out(it) })
        .build()
    val sgd = Optimizers.create("sgd", model.info.parameterCount(), mapOf("lr" to "0.01"))
    val result = Trainer(options).fit(model, bookData(), model.info.initialParameters(0), sgd)

    out("stopped: ${result.stopReason.label()} after ${result.epochs} epochs")
    model.info.parameters.forEach { out("  ${it.name} = ${result.params[it.offset]}") }
    out("  train_loss = ${result.trainLoss}")
    return result
}

/** thermometer.csv from the class path: a header of column names, then rows of numbers. */
fun bookData(): Dataset {
    val text = object {}.javaClass.getResource("/thermometer/thermometer.csv")!!.readText()
    val lines = text.lines().filter { it.isNotBlank() }
    val names = lines.first().split(',').map { it.trim() }
    val rows = lines.drop(1).map { line -> line.split(',').map { it.trim().toDouble() } }
    return Dataset(names, Array(names.size) { c -> DoubleArray(rows.size) { r -> rows[r][c] } })
}

fun main() {
    fitThermometer()
}
