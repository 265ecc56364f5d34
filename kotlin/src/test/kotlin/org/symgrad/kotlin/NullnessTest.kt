package org.symgrad.kotlin

import com.google.common.truth.Truth.assertThat
import java.nio.file.Files
import java.nio.file.Path
import java.util.jar.JarFile
import org.jspecify.annotations.NullMarked
import org.jspecify.annotations.Nullable
import org.junit.jupiter.api.Test
import org.symgrad.compiler.Symgrad
import org.symgrad.runtime.CompiledModel
import org.symgrad.runtime.train.TrainingResult

/** Kotlin sees non-null types because every package says so. */
class NullnessTest {

    @Test
    fun everyPackageOfTheRuntimeAndTheCompilerIsNullMarked() {
        val packages = listOf(CompiledModel::class.java, Symgrad::class.java)
            .flatMap { classesBeside(it) }
            .map { Class.forName(it, false, javaClass.classLoader).packageName }
            .toSortedSet()

        assertThat(packages).contains("org.symgrad.compiler.api")
        assertThat(packages.filter { !isNullMarked(it) }).isEmpty()
    }

    @Test
    fun nullableResultsSayNullable() {
        val valLoss = TrainingResult::class.java.getMethod("valLoss")

        assertThat(valLoss.annotatedReturnType.isAnnotationPresent(Nullable::class.java)).isTrue()
    }

    @Test
    fun kotlinReadsThemAsNullable() {
        // This file compiles with -Werror, and an elvis after a non-null type is a warning
        // ("always returns the left operand"): so this line compiles only while Kotlin reads
        // valLoss() as Double?. (After it.info() of a CompiledModel, that warning does show:
        // Kotlin reads the runtime's @NullMarked types as non-null, not as platform types.)
        val valLoss: (TrainingResult) -> Double = { it.valLoss() ?: Double.NaN }

        assertThat(valLoss).isNotNull()
    }

    private fun isNullMarked(packageName: String): Boolean = try {
        Class.forName("$packageName.package-info").isAnnotationPresent(NullMarked::class.java)
    } catch (e: ClassNotFoundException) {
        false
    }

    /** The names of the classes in the jar or folder [type] was loaded from. */
    private fun classesBeside(type: Class<*>): List<String> {
        val location = Path.of(type.protectionDomain.codeSource.location.toURI())
        val paths = if (Files.isDirectory(location)) {
            Files.walk(location).use { files ->
                files.map { location.relativize(it).toString().replace('\\', '/') }.toList()
            }
        } else {
            JarFile(location.toFile()).use { jar -> jar.entries().toList().map { it.name } }
        }
        return paths.filter { it.endsWith(".class") && !it.endsWith("package-info.class") }
            .filter { !it.endsWith("module-info.class") } // a module descriptor, not a class
            .map { it.removeSuffix(".class").replace('/', '.') }
    }
}
