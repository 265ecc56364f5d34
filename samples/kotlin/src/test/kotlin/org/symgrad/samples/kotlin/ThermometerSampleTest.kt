package org.symgrad.samples.kotlin

import com.google.common.truth.Truth.assertThat
import org.junit.jupiter.api.Test

/**
 * The sample runs in every build, and prints what `symgrad fit thermometer.sg --val-fraction 0`
 * prints: float64 losses, which differ from the book's float32 ones in the last digits.
 */
class ThermometerSampleTest {

    @Test
    fun printsTheBooksFit() {
        val lines = mutableListOf<String>()

        fitThermometer { lines.add(it) }

        assertThat(lines.take(3)).containsExactly(
            "Epoch 1, Training loss 80.364345",
            "Epoch 2, Training loss 37.574914",
            "Epoch 3, Training loss 30.871081",
        ).inOrder()
        assertThat(lines).containsAtLeast(
            "Epoch 500, Training loss 7.860124",
            "Epoch 5000, Training loss 2.927647",
            "stopped: completed after 5000 epochs",
            "  w = 5.367089798058013",
            "  b = -17.301222521007173",
            "  train_loss = 2.9276466828202614",
        ).inOrder()
    }
}
