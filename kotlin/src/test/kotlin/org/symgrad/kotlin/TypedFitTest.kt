package org.symgrad.kotlin

import com.google.common.truth.Truth.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.symgrad.runtime.optim.Optimizers
import org.symgrad.runtime.train.StopReason
import org.symgrad.runtime.train.Trainer
import org.symgrad.runtime.train.TrainerOptions

/** Fitting with the optimizer DSL, public API only: named arguments, torch's defaults. */
class TypedFitTest {
    private val thermometer = model("thermometer") {
        val t_u = input("t_u")
        target("t_c")
        val w = param("w", 1.0)
        val b = param("b", 0.0)
        predict(w * (0.1 * t_u) + b)
        loss(mse)
    }.compile()

    private val trainer = Trainer(TrainerOptions.builder().epochs(3000).validationFraction(0.0)
        .tolerance(1e-12).build())

    @Test
    fun fitsWithNamedArgumentsAsTheCommandLineTextDoes() {
        val typed = trainer.fit(thermometer, Thermometer.data, adam(lr = 0.1, betas = 0.8 to 0.99))
        val text = trainer.fit(thermometer, Thermometer.data,
            thermometer.info.initialParameters(0),
            Optimizers.create("adam", 2, mapOf("lr" to "0.1", "betas" to "0.8,0.99")))

        assertThat(typed.params).isEqualTo(text.params)
        assertThat(typed.stopReason).isEqualTo(StopReason.CONVERGED)
        // The book's fit: t_c = 5.37 * 0.1 * t_u - 17.3.
        assertThat(typed.params[0]).isWithin(0.01).of(5.367)
        assertThat(typed.params[1]).isWithin(0.05).of(-17.30)
    }

    @Test
    fun leftOutArgumentsKeepTorchsDefaults() {
        assertThat(adam()).isEqualTo(Optimizers.spec("Adam", mapOf()))
        assertThat(sgd(momentum = 0.9).options()).containsEntry("lr", "0.01")
        assertThat(lbfgs(lineSearchFn = "strong_wolfe", historySize = 10).options())
            .containsEntry("max_eval", "None")
        assertThat(adamW(weightDecay = 0.1)).isEqualTo(
            Optimizers.spec("adamw", mapOf("weight_decay" to "0.1")))
    }

    @Test
    fun torchsChecksApplyAsTheArgumentsAreGiven() {
        val error = assertThrows<IllegalArgumentException> { rmsprop(alpha = -1.0) }
        assertThat(error).hasMessageThat().isEqualTo("Invalid alpha value: -1.0")
    }
}
