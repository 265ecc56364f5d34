package org.symgrad.bench.baseline;

import org.symgrad.runtime.annotation.SymbolicModel;

/**
 * The thermometer of {@code samples/thermometer/thermometer.sg}, for symgrad's annotation
 * processor: from this it generates {@code Symgrad_ThermometerInJavacModel} when the bench
 * module is built, the source {@code src-gen/} shows for the same model, which {@link
 * IrTransliteration} runs as javac compiled it.
 */
@SymbolicModel(
    inputs = "t_u",
    target = "t_c",
    params = {"w = 1.0", "b = 0.0"},
    lets = "t_un = 0.1 * t_u",
    model = "w * t_un + b",
    loss = "mse")
public interface ThermometerInJavac {}
