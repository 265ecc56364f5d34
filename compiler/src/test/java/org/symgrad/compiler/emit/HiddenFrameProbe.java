package org.symgrad.compiler.emit;

import org.symgrad.compiler.HandBuiltModels;
import org.symgrad.compiler.Symgrad;
import org.symgrad.runtime.CompiledModel;

/**
 * Run in a child JVM by {@link HiddenClassLinesTest}: makes the hidden thermometer model throw
 * (its gradient array has room for one parameter of two, which the check at the head of
 * {@code lossAndGradient} refuses) and prints each of the model's frames in the stack trace as
 * {@code file:line}, or nothing when the JVM hides them.
 */
public final class HiddenFrameProbe {
  private HiddenFrameProbe() {}

  public static void main(String[] args) {
    CompiledModel model = Symgrad.compile(HandBuiltModels.thermometerNormalized());
    try {
      model.lossAndGradient(new double[] {1, 0}, HandBuiltModels.thermometerBatch(),
          new double[1]);
    } catch (IllegalArgumentException e) {
      for (StackTraceElement frame : e.getStackTrace()) {
        if (frame.getClassName().startsWith(model.getClass().getName())) {
          System.out.println(frame.getFileName() + ":" + frame.getLineNumber());
        }
      }
    }
  }
}
