package org.symgrad.kotlin

import com.google.common.truth.Truth.assertThat
import java.nio.file.Path
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.symgrad.compiler.Symgrad
import org.symgrad.compiler.model.ModelDefinition
import org.symgrad.runtime.optim.Optimizers
import org.symgrad.runtime.train.Trainer
import org.symgrad.runtime.train.TrainerOptions
import org.symgrad.runtime.train.TrainingResult

/** The network of ch. 6 in the DSL is `samples/thermometer_mlp`: same kernel, same fit. */
class DslMlpTest {
    private val dsl = model("thermometer_mlp") {
        data("../thermometer/thermometer.csv")
        val t_u = input("t_u")
        target("t_c")
        val j = index("j")
        val W1 = param("W1", shape(13, 1), linearInit(1))
        val b1 = param("b1", shape(13), linearInit(1))
        val w2 = param("w2", shape(13), linearInit(13))
        val b2 = param("b2", linearInit(13))
        val t_un = let("t_un", 0.1 * t_u)
        val h = let("h", j) { tanh(W1[j, 0] * t_un + b1[j]) }
        predict(sum(j) { w2[j] * h[j] } + b2)
        loss(mse)
    }

    private val parsed = Symgrad.parseFile(
        Path.of(System.getProperty("basedir", "."), "..", "samples", "thermometer_mlp",
            "thermometer_mlp.sg"))

    @Test
    fun declaresAndLowersAsTheSample() {
        assertThat(dsl.parameters).isEqualTo(parsed.parameters)
        assertThat(dsl.inputs).isEqualTo(parsed.inputs)
        assertThat(dsl.lets.keys).containsExactlyElementsIn(parsed.lets.keys).inOrder()
        assertThat(dsl.modelText).isEqualTo(parsed.modelText)
        assertThat(dsl.prediction.toString()).isEqualTo(parsed.prediction.toString())
        assertThat(dsl.lower().toString()).isEqualTo(parsed.lower().toString())
    }

    @Test
    fun fitsTheSameBitsAsTheSample() {
        val options = TrainerOptions.builder().epochs(5000).build()

        val fromDsl = fit(dsl, options)
        val fromFile = fit(parsed, options)

        assertThat(fromDsl.params).isEqualTo(fromFile.params)
        assertThat(fromDsl.history.trainLosses()).isEqualTo(fromFile.history.trainLosses())
        assertThat(fromDsl.valLoss ?: Double.NaN).isEqualTo(fromFile.valLoss ?: Double.NaN)
        assertThat(fromDsl.trainLoss).isLessThan(2.93) // better than the linear model
    }

    @Test
    fun theSoftmaxSampleInTheDsl() {
        val blobs = model("blobs") {
            data("blobs.csv")
            val x = input("x", 2)
            target("label")
            val W = param("W", shape(3, 2), linearInit(2))
            val c = param("c", shape(3), linearInit(2))
            val j = index("j")
            val k = index("k")
            predict("score", k) { sum(j) { W[k, j] * x[j] } + c[k] }
            loss(crossEntropy)
        }
        val file = Symgrad.parseFile(
            Path.of(System.getProperty("basedir", "."), "..", "samples", "softmax", "blobs.sg"))

        assertThat(blobs.modelText).isEqualTo(file.modelText)
        assertThat(blobs.targetClasses).isEqualTo(3)
        assertThat(blobs.lower().toString()).isEqualTo(file.lower().toString())
    }

    @Test
    fun mistakesOfShapeAreNamed() {
        model("m") {
            val W = param("W", shape(13, 4))
            val x = input("x", 3)
            val j = index("j")
            val k = index("k")
            target("y")
            val e = assertThrows<IllegalArgumentException> { W[j, k] * x[k] }
            assertThat(e).hasMessageThat().isEqualTo("index 'k' ranges over 3 in x[k] but over"
                + " 4 in W[j, k]: an index has one range wherever it is used")
            val count = assertThrows<IllegalArgumentException> { W[j] }
            assertThat(count).hasMessageThat()
                .isEqualTo("W has 2 indices (shape [13, 4]), but 1 is given")
            val unbound = assertThrows<IllegalArgumentException> { predict(sum(j) { W[j, k] }) }
            assertThat(unbound).hasMessageThat().startsWith("unbound index 'k' in the prediction")
            predict(sum(k) { x[k] } + sum(j) { W[j, 0] })
        }
    }

    private fun fit(definition: ModelDefinition, options: TrainerOptions): TrainingResult {
        val compiled = definition.compile()
        val sgd = Optimizers.create("sgd", compiled.info.parameterCount(), mapOf("lr" to "1e-3"))
        val start = compiled.info.initialParameters(0)
        return Trainer(options).fit(compiled, Thermometer.data, start, sgd)
    }
}
