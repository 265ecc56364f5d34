package org.symgrad.compiler.second;

import java.util.List;
import java.util.Random;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * The random problems the second-order tests draw: a model of inputs {@code x}, {@code z},
 * target {@code y} and parameters {@code a}, {@code b}, {@code c}, and rows uniform on
 * {@code [-1, 1)}.
 */
final class RandomProblem {
  private RandomProblem() {}

  /** The model {@code expression} with this loss and penalty. */
  static ModelDefinition model(String expression, String loss, String penalty) {
    return Symgrad.parse("""
        input x
        input z
        target y
        param a
        param b
        param c
        model %s
        loss %s
        penalty %s
        """.formatted(expression, loss, penalty), "random.sg");
  }

  /** {@code rows} random rows of x, z and y, as {@code model} reads them with its target. */
  static Batch batch(Random random, CompiledModel model, int rows) {
    double[][] columns = new double[3][rows];
    for (double[] column : columns) {
      for (int r = 0; r < rows; r++) {
        column[r] = random.nextDouble() * 2 - 1;
      }
    }
    return new Dataset(List.of("x", "z", "y"), columns).batchFor(model.info(), true);
  }
}
