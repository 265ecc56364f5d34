package org.symgrad.samples.kotlin

import com.google.common.truth.Truth.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import org.symgrad.io.Checkpoints
import org.symgrad.io.Datasets
import org.symgrad.kotlin.*
import org.symgrad.runtime.train.Trainer
import org.symgrad.runtime.train.TrainerOptions
import java.nio.file.Path

/**
 * Kotlin with public API only: read the sample CSV, fit the DSL model with a typed optimizer,
 * save the checkpoint, load it back and predict.
 */
class PublicApiTest {
    @TempDir
    lateinit var folder: Path

    @Test
    fun readFitSaveLoadPredict() {
        val model = thermometer.compile()
        val data = Datasets.readCsv(Path.of("..", "thermometer", "thermometer.csv"), model.info)
        val options = TrainerOptions.builder().epochs(5000).validationFraction(0.0).build()
        val result = Trainer(options).fit(model, data, sgd(lr = 0.01))

        val file = folder.resolve("fit.json")
        Checkpoints.save(file, model.info, result.checkpoint())
        val params = Checkpoints.load(file, model.info).params()
        val celsius = DoubleArray(data.rows())
        model.predict(params, data.batchFor(model.info, false), celsius)

        assertThat(params.toList()).containsExactlyElementsIn(result.params.toList()).inOrder()
        assertThat(params[0]).isWithin(1e-4).of(5.3671)
        assertThat(params[1]).isWithin(1e-4).of(-17.3012)
        // Row 4 is the reading 81.9; the fitted line puts it at about 26.66 degrees.
        assertThat(celsius[3]).isWithin(1e-9).of(params[0] * 0.1 * 81.9 + params[1])
    }
}
