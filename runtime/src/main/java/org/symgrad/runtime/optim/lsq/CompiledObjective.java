package org.symgrad.runtime.optim.lsq;

import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * A compiled model's objective (mean loss plus penalty) with its exact Hessian, for {@link
 * TrustRegionNewton}: the gradient from the model's fused pass, the Hessian summed chunk by
 * chunk from a compiled Hessian kernel whose outputs per row are the upper triangle of the
 * row loss's Hessian, then the penalty's (the compiler's {@code SecondOrder.hessianModel}).
 * Buffers are made once; an evaluation allocates nothing. Not thread-safe.
 */
public final class CompiledObjective implements SecondOrderProblem {
  private final CompiledModel model;
  private final CompiledModel hessian;
  private final Batch batch;
  private final RowChunks chunks;
  private final int size;
  private final int entries;
  private final double[] out;
  private final double[] penalty;

  /**
   * @param model the model
   * @param hessian its Hessian kernel: {@code p(p+1)} outputs per row
   * @param batch the model's inputs then its target, as {@code Dataset.batchFor(info, true)};
   *     the Hessian kernel reads the target as its last input
   */
  public CompiledObjective(CompiledModel model, CompiledModel hessian, Batch batch) {
    this.model = model;
    this.hessian = hessian;
    this.batch = batch;
    this.size = model.info().parameterCount();
    this.entries = size * (size + 1) / 2;
    if (hessian.info().outputs() != 2 * entries) {
      throw new IllegalArgumentException("a Hessian kernel of " + size + " parameters has "
          + 2 * entries + " outputs per row, not " + hessian.info().outputs());
    }
    if (batch.size() == 0) {
      throw new IllegalArgumentException("no rows to fit");
    }
    this.chunks = new RowChunks(batch);
    this.out = new double[chunks.largest() * 2 * entries];
    this.penalty = new double[size * size];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public double value(double[] x) {
    return model.loss(x, batch);
  }

  @Override
  public double derivatives(double[] x, double[] gradient, double[] h) {
    double value = model.lossAndGradient(x, batch, gradient);
    int p = size;
    java.util.Arrays.fill(h, 0, p * p, 0);
    int width = 2 * entries;
    for (int c = 0; c < chunks.count(); c++) {
      Batch chunk = chunks.chunk(c);
      hessian.predict(x, chunk, out);
      for (int row = 0; row < chunk.size(); row++) {
        int e = row * width;
        for (int i = 0; i < p; i++) {
          for (int j = i; j < p; j++) {
            h[i * p + j] += out[e++];
          }
        }
      }
      if (c == 0) {
        // The penalty's entries are the same on every row: read them from the first.
        int e = entries;
        for (int i = 0; i < p; i++) {
          for (int j = i; j < p; j++) {
            penalty[i * p + j] = out[e++];
          }
        }
      }
    }
    double n = batch.size();
    for (int i = 0; i < p; i++) {
      for (int j = i; j < p; j++) {
        h[i * p + j] = h[i * p + j] / n + penalty[i * p + j];
      }
    }
    return value;
  }
}
