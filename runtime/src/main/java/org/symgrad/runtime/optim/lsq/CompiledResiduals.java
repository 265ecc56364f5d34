package org.symgrad.runtime.optim.lsq;

import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * The residuals {@code pred - target} of a compiled least-squares model over a batch, with
 * {@code JᵀJ} and {@code Jᵀr} summed row by row from a compiled Jacobian kernel: a model whose
 * outputs per row are the prediction and its derivative by every parameter (the compiler's
 * {@code SecondOrder.jacobianModel}). {@code J} is never stored whole; buffers are made once,
 * so an evaluation allocates nothing. Not thread-safe: one per solver run.
 */
public final class CompiledResiduals extends SizedResiduals {
  private final CompiledModel model;
  private final CompiledModel jacobian;
  private final RowChunks chunks;
  private final int targetColumn;
  private final double[] out;

  /**
   * @param model the model itself (one output per row), for residuals alone
   * @param jacobian its Jacobian kernel: {@code 1 + size} outputs per row
   * @param batch the model's inputs then its target, as {@code Dataset.batchFor(info, true)}
   */
  public CompiledResiduals(CompiledModel model, CompiledModel jacobian, Batch batch) {
    super(checkedSize(model, jacobian), batch.size());
    this.model = model;
    this.jacobian = jacobian;
    this.targetColumn = model.info().inputColumns().size();
    this.chunks = new RowChunks(batch);
    this.out = new double[chunks.largest() * (size() + 1)];
  }

  private static int checkedSize(CompiledModel model, CompiledModel jacobian) {
    int size = model.info().parameterCount();
    if (model.info().outputs() != 1 || jacobian.info().outputs() != size + 1) {
      throw new IllegalArgumentException("a Jacobian kernel has 1 + " + size
          + " outputs per row for a model of one output; got " + jacobian.info().outputs()
          + " for " + model.info().outputs());
    }
    return size;
  }

  @Override
  public double rss(double[] x) {
    double sum = 0;
    for (int c = 0; c < chunks.count(); c++) {
      Batch chunk = chunks.chunk(c);
      model.predict(x, chunk, out);
      double[] target = chunk.column(targetColumn);
      for (int row = 0; row < chunk.size(); row++) {
        double r = out[row] - target[row];
        sum += r * r;
      }
    }
    return sum;
  }

  @Override
  public double normalEquations(double[] x, double[] jtr, double[] jtj) {
    int p = size();
    java.util.Arrays.fill(jtr, 0, p, 0);
    java.util.Arrays.fill(jtj, 0, p * p, 0);
    double sum = 0;
    int width = p + 1;
    for (int c = 0; c < chunks.count(); c++) {
      Batch chunk = chunks.chunk(c);
      jacobian.predict(x, chunk, out);
      double[] target = chunk.column(targetColumn);
      int end = chunk.size() * width;
      // The residual replaces the prediction in the kernel's row block, and then every
      // entry of Jᵀr and JᵀJ is one dot product over the chunk's rows, summed in a local:
      // adding row by row into jtj[] instead chains a load and a store through memory for
      // each of the p(p+1)/2 entries of every row, which costs more than the kernel itself
      // for a few parameters.
      for (int row = 0, base = 0; base < end; row++, base += width) {
        double r = out[base] - target[row];
        out[base] = r;
        sum += r * r;
      }
      for (int i = 1; i <= p; i++) {
        jtr[i - 1] += columnDot(out, 0, i, width, end);
        for (int j = i; j <= p; j++) {
          jtj[(i - 1) * p + (j - 1)] += columnDot(out, i, j, width, end);
        }
      }
    }
    return sum;
  }

  // Σ over rows of block[row·width + a] · block[row·width + b], in two independent sums so
  // that consecutive rows do not wait on one addition's latency.
  private static double columnDot(double[] block, int a, int b, int width, int end) {
    double even = 0;
    double odd = 0;
    int base = 0;
    for (; base + width < end; base += 2 * width) {
      even += block[base + a] * block[base + b];
      odd += block[base + width + a] * block[base + width + b];
    }
    if (base < end) {
      even += block[base + a] * block[base + b];
    }
    return even + odd;
  }
}
