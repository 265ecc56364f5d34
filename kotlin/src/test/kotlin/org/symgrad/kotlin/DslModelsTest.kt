package org.symgrad.kotlin

import com.google.common.truth.Truth.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.symgrad.compiler.model.ModelDefinition
import org.symgrad.compiler.parse.ModelParser

/** Every line of a model file, said in the DSL, is that line. */
class DslModelsTest {

    private fun assertSameModel(dsl: ModelDefinition, text: String) {
        val parsed = ModelParser.parse(text, dsl.name + ".sg")
        assertThat(dsl.parameters).isEqualTo(parsed.parameters)
        assertThat(dsl.inputs).isEqualTo(parsed.inputs)
        assertThat(dsl.lets.mapValues { it.value.toString() })
            .isEqualTo(parsed.lets.mapValues { it.value.toString() })
        assertThat(dsl.modelText).isEqualTo(parsed.modelText)
        assertThat(dsl.lossText).isEqualTo(parsed.lossText)
        assertThat(dsl.penaltyText).isEqualTo(parsed.penaltyText)
        assertThat(dsl.lower().toString()).isEqualTo(parsed.lower().toString())
    }

    @Test
    fun initializersLetsPenaltyAndACustomLoss() {
        val rich = model("rich") {
            val x = input("x")
            target("y")
            val a = param("a", uniform(-1.0, 1.0))
            val c = param("c", normal(0.0, 0.5))
            val h = let("h", tanh(a * x + c))
            predict(2 * h - (exp(-x) pow 2))
            penalty(0.01 * (a pow 2))
            loss { pred, target -> abs(pred - target) + 0.5 * ((pred - target) pow 2) }
        }

        assertSameModel(rich, """
            input x
            target y
            param a = uniform(-1, 1)
            param c = normal(0, 0.5)
            let h = tanh(a * x + c)
            model 2 * h - exp(-x)^2
            penalty 0.01 * a^2
            loss abs(pred - target) + 0.5 * (pred - target)^2
            """.trimIndent())
    }

    @Test
    fun theNamedLosses() {
        for ((dslLoss, fileLoss) in listOf("mae" to "mae", "bceLogits" to "bce_logits",
            "huber" to "huber(2)")) {
            val named = model("named") {
                val x = input("x")
                target("y")
                predict(param("a") * x)
                loss(when (dslLoss) {
                    "mae" -> mae
                    "bceLogits" -> bceLogits
                    else -> huber(2.0)
                })
            }

            assertSameModel(named, "input x\ntarget y\nparam a\nmodel a * x\nloss $fileLoss\n")
        }
    }

    @Test
    fun mistakesAreNamed() {
        val e = assertThrows<IllegalStateException> {
            model("m") {
                val w = param("w")
                target("y")
                predict(w * input("x") + org.symgrad.compiler.api.Expr.variable("v"))
            }
        }

        assertThat(e).hasMessageThat()
            .isEqualTo("unknown name 'v' in the prediction of model 'm'; declared names: w, x")
    }
}
