package org.symgrad.bench.baseline;

import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.samples.Symgrad_ThermometerModel;

/**
 * The thermometer kernel's IR as Java, one statement an instruction, compiled by javac: the
 * source symgrad's emitter prints for the model, which the annotation processor generates for
 * the Java sample ({@code org.symgrad.samples.Thermometer}, shown in {@code src-gen/}) at
 * every build, so it follows the IR as it changes. A
 * diagnostic, not a contender: against the compiled kernel it shows what the hidden class
 * defined at run time costs beyond javac's translation of the same IR (nothing, if the
 * bytecode emitter is right); against {@link HandWritten} it shows what the IR still costs
 * beyond the hand-written loop. Bit-identical to both (tested).
 */
public final class IrTransliteration {
  private static final CompiledModel MODEL = new Symgrad_ThermometerModel();

  private IrTransliteration() {}

  /** The mean loss over the batch's rows; writes {@code [dL/dw, dL/db]} to grad. */
  public static double lossAndGradient(double[] params, Batch batch, double[] grad) {
    return MODEL.lossAndGradient(params, batch, grad);
  }
}
