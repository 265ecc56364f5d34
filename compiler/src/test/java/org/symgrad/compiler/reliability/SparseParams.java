package org.symgrad.compiler.reliability;

import java.util.List;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.parallel.ChunkedKernels;

/**
 * A model that declares a large param {@code W[n, n]} and reads four of its elements, and the
 * checks both {@link SparseParamsTest} and a JVM of its own with a small heap run on it: every
 * element the model does not read has gradient +0 (written over whatever was there), and the
 * elements it reads have the gradient central differences give.
 */
final class SparseParams {
  /** The elements the model reads, in the order of the parameter array, and then {@code b}. */
  static final List<String> READ = List.of("W[0,0]", "W[3,7]", "W[3,8]", "W[n-1,1]", "b");

  private SparseParams() {}

  static String model(int n) {
    return String.join("\n",
        "input x",
        "target y",
        "param W[" + n + ", " + n + "] = uniform(-1, 1)",
        "param b = 0.25",
        "model W[3, 7] * x + tanh(W[" + (n - 1) + ", 1] * x) + W[3, 8]^2 + b",
        "penalty 0.5 * W[0, 0]^2",
        "");
  }

  static ModelDefinition parse(int n) {
    return Symgrad.parse(model(n), "sparse" + n + ".sg");
  }

  /** The offsets of {@link #READ} in the parameter array of {@code W[n, n]}, then b. */
  static int[] readOffsets(int n) {
    return new int[] {0, 3 * n + 7, 3 * n + 8, (n - 1) * n + 1, n * n};
  }

  static Batch batch() {
    return Batch.of(new double[][] {{0.5, -1.25, 2.0}, {1.0, 0.0, -3.0}}, 3);
  }

  /** The model's parameters: its own initial values. */
  static double[] params(CompiledModel model) {
    return model.info().initialParameters(7);
  }

  /**
   * Checks {@code model}'s gradient, from lossAndGradient and from sums and finish, against
   * central differences at the elements it reads and +0 elsewhere; the message of the first
   * difference, or null when there is none.
   */
  static String check(CompiledModel model, int n) {
    double[] params = params(model);
    Batch batch = batch();
    double[] grad = nanFilled(params.length);
    double loss = model.lossAndGradient(params, batch, grad);
    if (Double.doubleToRawLongBits(loss) != Double.doubleToRawLongBits(model.loss(params, batch))) {
      return "lossAndGradient's loss is not loss()'s";
    }
    int[] read = readOffsets(n);
    int r = 0;
    for (int k = 0; k < params.length; k++) {
      if (r < read.length && read[r] == k) {
        double expected = centralDifference(model, params, batch, k);
        if (!(Math.abs(grad[k] - expected) <= 1e-6 * Math.max(1, Math.abs(expected)))) {
          return "gradient " + READ.get(r) + " is " + grad[k] + ", differences give " + expected;
        }
        r++;
      } else if (Double.doubleToRawLongBits(grad[k]) != 0L) {
        return "gradient " + k + ", read by nothing, is " + grad[k] + ", not +0";
      }
    }
    if (model instanceof ChunkedKernels chunked) {
      double[] sums = new double[chunked.sumCount()];
      chunked.sums(params, batch, 0, batch.size(), sums);
      double[] finished = nanFilled(params.length);
      double total = chunked.finish(params, sums, batch.size(), finished);
      if (Double.doubleToRawLongBits(total) != Double.doubleToRawLongBits(loss)) {
        return "finish's loss differs";
      }
      for (int k = 0; k < params.length; k++) {
        if (Double.doubleToRawLongBits(finished[k]) != Double.doubleToRawLongBits(grad[k])) {
          return "finish's gradient " + k + " is " + finished[k] + ", not " + grad[k];
        }
      }
    }
    return null;
  }

  static double[] nanFilled(int length) {
    double[] values = new double[length];
    java.util.Arrays.fill(values, Double.NaN);
    return values;
  }

  private static double centralDifference(CompiledModel model, double[] params, Batch batch,
      int k) {
    double h = 1e-6;
    double[] plus = params.clone();
    double[] minus = params.clone();
    plus[k] += h;
    minus[k] -= h;
    return (model.loss(plus, batch) - model.loss(minus, batch)) / (2 * h);
  }

  /**
   * Compiles {@code W[n, n]} (the first argument, 2048 if none) and checks its gradient; exits
   * 0 after printing {@code OK}, or 1 with the difference. For a JVM with a small heap.
   */
  public static void main(String[] args) {
    int n = args.length == 0 ? 2048 : Integer.parseInt(args[0]);
    String problem = check(Symgrad.compile(parse(n)), n);
    System.out.println(problem == null ? "OK" : problem);
    System.exit(problem == null ? 0 : 1);
  }
}
