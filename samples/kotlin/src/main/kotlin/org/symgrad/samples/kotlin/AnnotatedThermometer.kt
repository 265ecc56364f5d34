package org.symgrad.samples.kotlin

import org.symgrad.runtime.annotation.SymbolicModel

/**
 * The thermometer again, declared with `@SymbolicModel` on a Kotlin interface: kapt runs
 * symgrad's annotation processor over it in the Maven build, which generates the Java classes
 * `Symgrad_AnnotatedThermometer` (the typed front: `w()`, `b()`, `predict`, `fit`) and
 * `Symgrad_AnnotatedThermometerModel` next to it. Their source is checked in under
 * `src-gen/org/symgrad/samples/kotlin/`.
 */
@SymbolicModel(
    inputs = ["t_u"],
    target = "t_c",
    params = ["w = 1.0", "b = 0.0"],
    lets = ["t_un = 0.1 * t_u"],
    model = "w * t_un + b",
    loss = "mse",
)
interface AnnotatedThermometer
