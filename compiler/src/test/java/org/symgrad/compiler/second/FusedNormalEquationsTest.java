package org.symgrad.compiler.second;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.SecondOrderKernel;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.lsq.FusedResiduals;
import org.symgrad.runtime.parallel.ChunkedKernels;

/**
 * The fused normal-equations kernel ({@code Σr²}, {@code Jᵀr}, {@code JᵀJ} summed in the
 * generated loop) against the same products of a materialised {@code J} from the Jacobian
 * kernel: on random models, on every least-squares sample, and on several chunks of rows on 1,
 * 2 and 7 threads, which must give the same bits.
 */
class FusedNormalEquationsTest {
  @Property(tries = 30)
  void randomModelsMatchTheMaterialisedJacobian(
      @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
    Random random = new Random(seed);
    String expression = RandomExpressionDerivativesTest.expression(random, 4);
    ModelDefinition definition = Symgrad.parse("""
        input x
        input z
        target y
        param a
        param b
        param c
        model %s
        loss mse
        """.formatted(expression), "random.sg");
    int rows = 1 + random.nextInt(600);
    double[][] columns = new double[3][rows];
    for (double[] column : columns) {
      for (int r = 0; r < rows; r++) {
        column[r] = random.nextDouble() * 2 - 1;
      }
    }
    Batch batch = new Dataset(List.of("x", "z", "y"), columns)
        .batchFor(Symgrad.compile(definition).info(), true);
    double[] params = {random.nextDouble() * 2 - 1, random.nextDouble() * 2 - 1,
        random.nextDouble() * 2 - 1};
    assertMatchesMaterialised(definition, batch, params, "model " + expression);
  }

  @Test
  void everyLeastSquaresSampleMatchesTheMaterialisedJacobian() {
    int checked = 0;
    for (Path file : Fixtures.sampleModels()) {
      ModelDefinition definition = Symgrad.parseFile(file);
      if (!SecondOrder.leastSquaresProblem(definition).isEmpty()) {
        continue;
      }
      CompiledModel model = Symgrad.compile(definition);
      Batch batch = Fixtures.batch(model, Fixtures.sampleData(file, definition));
      double[] params = Fixtures.near(model.info().initialParameters(1), 5);
      assertMatchesMaterialised(definition, batch, params, file.toString());
      checked++;
    }
    assertThat(checked).isAtLeast(4);
  }

  @Test
  void theSameBitsOnOneTwoAndSevenThreads() {
    ModelDefinition definition = Symgrad.parse("""
        input t
        target y
        param a = 100
        param k = 0.3
        param c = 5
        model a * exp(-k * t) + c
        loss mse
        """, "decay.sg");
    CompiledModel normal = Symgrad.compileNormalEquations(definition);
    CompiledModel squares =
        Symgrad.compileSecondOrder(definition, SecondOrderKernel.SUM_OF_SQUARES);
    assertThat(normal).isInstanceOf(ChunkedKernels.class);
    Random random = new Random(11);
    int rows = 3 * 4096 + 123; // four chunks, the last one short
    double[] t = new double[rows];
    double[] y = new double[rows];
    for (int r = 0; r < rows; r++) {
      t[r] = random.nextDouble() * 10;
      y[r] = 120 * Math.exp(-0.35 * t[r]) + 8 + random.nextGaussian() * 2;
    }
    Batch batch = Batch.of(new double[][] {t, y}, rows);
    double[] params = {110, 0.3, 6};
    double[] expected = null;
    for (int threads : new int[] {1, 2, 7}) {
      FusedResiduals residuals = new FusedResiduals(normal, squares, batch, threads);
      double[] jtr = new double[3];
      double[] jtj = new double[9];
      double rss = residuals.normalEquations(params, jtr, jtj);
      double[] all = new double[1 + 3 + 9 + 1];
      all[0] = rss;
      System.arraycopy(jtr, 0, all, 1, 3);
      System.arraycopy(jtj, 0, all, 4, 9);
      all[13] = residuals.rss(params);
      if (expected == null) {
        expected = all;
        assertMatchesMaterialised(definition, batch, params, "four chunks");
      } else {
        for (int i = 0; i < all.length; i++) {
          assertWithMessage("entry %s on %s threads", i, threads)
              .that(Double.doubleToRawLongBits(all[i]))
              .isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
      }
    }
  }

  /**
   * The fused sums against sums of products of the Jacobian kernel's rows, to rounding: each
   * entry within 1e-12 of the sum of its terms' magnitudes.
   */
  static void assertMatchesMaterialised(ModelDefinition definition, Batch batch,
      double[] params, String context) {
    int p = params.length;
    int rows = batch.size();
    int width = p + 1;
    CompiledModel jacobian = Symgrad.compileJacobian(definition);
    double[] j = new double[rows * width];
    jacobian.predict(params, batch, j);
    double[] target = batch.column(batch.width() - 1);
    int entries = 1 + p + p * (p + 1) / 2;
    double[] sums = new double[entries];
    double[] magnitudes = new double[entries];
    for (int r = 0; r < rows; r++) {
      double res = j[r * width] - target[r];
      double[] terms = new double[entries];
      terms[0] = res * res;
      int e = 1 + p;
      for (int a = 0; a < p; a++) {
        double ja = j[r * width + 1 + a];
        terms[1 + a] = res * ja;
        for (int b = a; b < p; b++) {
          terms[e++] = ja * j[r * width + 1 + b];
        }
      }
      for (int i = 0; i < entries; i++) {
        sums[i] += terms[i];
        magnitudes[i] += Math.abs(terms[i]);
      }
    }
    CompiledModel normal = Symgrad.compileNormalEquations(definition);
    CompiledModel squares =
        Symgrad.compileSecondOrder(definition, SecondOrderKernel.SUM_OF_SQUARES);
    FusedResiduals residuals = new FusedResiduals(normal, squares, batch, 1);
    double[] jtr = new double[p];
    double[] jtj = new double[p * p];
    double rss = residuals.normalEquations(params, jtr, jtj);
    if (!Double.isFinite(sums[0])) {
      return; // a random model may overflow; the comparison means nothing there
    }
    close(context + ": rss", rss, sums[0], magnitudes[0]);
    close(context + ": rss alone", residuals.rss(params), sums[0], magnitudes[0]);
    int e = 1 + p;
    for (int a = 0; a < p; a++) {
      close(context + ": Jᵀr " + a, jtr[a], sums[1 + a], magnitudes[1 + a]);
      for (int b = a; b < p; b++) {
        close(context + ": JᵀJ " + a + "," + b, jtj[a * p + b], sums[e], magnitudes[e]);
        e++;
      }
    }
  }

  private static void close(String what, double actual, double expected, double magnitude) {
    assertWithMessage(what).that(actual).isWithin(1e-12 * magnitude + 1e-300).of(expected);
  }
}
