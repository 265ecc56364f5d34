package org.symgrad.kotlin

import java.nio.file.Files
import java.nio.file.Path
import org.symgrad.runtime.Dataset

/** The book's thermometer, as the repository's sample has it. */
internal object Thermometer {
    // Surefire runs in the module's folder and says so in basedir; an IDE may run elsewhere.
    private val folder: Path =
        Path.of(System.getProperty("basedir", "."), "..", "samples", "thermometer")

    /** The text of `thermometer.sg`, whose model the DSL models restate. */
    val modelText: String = Files.readString(folder.resolve("thermometer.sg"))

    /** `thermometer.csv`: a header of column names, then one row of numbers a line. */
    val data: Dataset = readCsv(folder.resolve("thermometer.csv"))

    private fun readCsv(file: Path): Dataset {
        val lines = Files.readAllLines(file).filter { it.isNotBlank() }
        val names = lines.first().split(',').map { it.trim() }
        val rows = lines.drop(1).map { line -> line.split(',').map { it.trim().toDouble() } }
        val columns = Array(names.size) { c -> DoubleArray(rows.size) { r -> rows[r][c] } }
        return Dataset(names, columns)
    }
}
