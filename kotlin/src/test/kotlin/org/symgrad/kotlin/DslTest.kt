package org.symgrad.kotlin

import com.google.common.truth.Truth.assertThat
import org.junit.jupiter.api.Test
import org.symgrad.compiler.model.ModelDefinition
import org.symgrad.compiler.parse.ModelParser
import org.symgrad.runtime.optim.Optimizers
import org.symgrad.runtime.train.StopReason
import org.symgrad.runtime.train.Trainer
import org.symgrad.runtime.train.TrainerOptions
import org.symgrad.runtime.train.TrainingResult

/** The DSL's thermometer is the sample file's: same graph, same kernel, same fit. */
class DslTest {
    private val dsl = model("thermometer") {
        data("thermometer.csv")
        val t_u = input("t_u")
        target("t_c")
        val w = param("w", 1.0)
        val b = param("b", 0.0)
        val t_un = let("t_un", 0.1 * t_u)
        predict(w * t_un + b)
        loss(mse)
    }

    private val parsed = ModelParser.parse(Thermometer.modelText, "thermometer.sg")

    @Test
    fun declaresWhatTheFileDeclares() {
        // Records read as properties from Kotlin.
        assertThat(dsl.name).isEqualTo(parsed.name)
        assertThat(dsl.data).isEqualTo(parsed.data)
        assertThat(dsl.inputs).isEqualTo(parsed.inputs)
        assertThat(dsl.target).isEqualTo(parsed.target)
        assertThat(dsl.parameters).isEqualTo(parsed.parameters)
        assertThat(dsl.lets.keys).containsExactlyElementsIn(parsed.lets.keys).inOrder()
        assertThat(dsl.modelText).isEqualTo("w * t_un + b")
        assertThat(dsl.modelText).isEqualTo(parsed.modelText)
        assertThat(dsl.lossText).isEqualTo(parsed.lossText)
        assertThat(dsl.penaltyText).isEqualTo(parsed.penaltyText)
    }

    @Test
    fun buildsTheSameGraph() {
        assertThat(dsl.lets["t_un"].toString()).isEqualTo(parsed.lets["t_un"].toString())
        assertThat(dsl.prediction.toString()).isEqualTo(parsed.prediction.toString())
        assertThat(dsl.sampleLoss.toString()).isEqualTo("(w * (0.1 * t_u) + b - t_c)^2")
        assertThat(dsl.sampleLoss.toString()).isEqualTo(parsed.sampleLoss.toString())
        assertThat(dsl.penalty.toString()).isEqualTo(parsed.penalty.toString())
    }

    @Test
    fun lowersToTheSameKernels() {
        val listing = dsl.lower().toString()

        assertThat(listing).isEqualTo(parsed.lower().toString())
        assertThat(listing).contains("t3 = mul 0.1 t2")
    }

    @Test
    fun fitsTheSameBitsAsTheFileAndTheBook() {
        val options = TrainerOptions.builder().epochs(5000).validationFraction(0.0).build()

        val fromDsl = fit(dsl, options)
        val fromFile = fit(parsed, options)

        assertThat(fromDsl.params).isEqualTo(fromFile.params)
        assertThat(fromDsl.trainLoss).isEqualTo(fromFile.trainLoss)
        assertThat(fromDsl.history.trainLosses()).isEqualTo(fromFile.history.trainLosses())
        assertThat(fromDsl.stopReason).isEqualTo(StopReason.COMPLETED)
        assertThat(fromDsl.params[0]).isWithin(1e-4).of(5.3671)
        assertThat(fromDsl.params[1]).isWithin(1e-4).of(-17.3012)
        assertThat(fromDsl.valLoss).isNull()
    }

    @Test
    fun fitsTheSameBitsWithAValidationSplit() {
        val options = TrainerOptions.builder().epochs(300).seed(3).build()

        val fromDsl = fit(dsl, options)
        val fromFile = fit(parsed, options)

        assertThat(fromDsl.params).isEqualTo(fromFile.params)
        assertThat(fromDsl.valLoss ?: Double.NaN).isEqualTo(fromFile.valLoss ?: Double.NaN)
        assertThat(fromDsl.valLoss).isNotNull()
    }

    private fun fit(definition: ModelDefinition, options: TrainerOptions): TrainingResult {
        val compiled = definition.compile()
        val sgd = Optimizers.create("sgd", compiled.info.parameterCount(), mapOf("lr" to "0.01"))
        val start = compiled.info.initialParameters(0)
        return Trainer(options).fit(compiled, Thermometer.data, start, sgd)
    }
}
