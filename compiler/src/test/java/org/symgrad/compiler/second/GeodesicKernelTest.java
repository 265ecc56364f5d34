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
import org.symgrad.runtime.optim.lsq.ResidualCurvature;
import org.symgrad.runtime.testing.NistFile;

/**
 * The geodesic kernel ({@code Jᵀr_vv} and {@code rᵀr_vv}, with {@code r_vv,i = vᵀ∇²rᵢ v} the
 * tangent of a tangent along {@code v}) against the same sums from the compiled Jacobian: its
 * rows {@code J} and {@code r}, and {@code r_vv} by central differences of {@code J v} along
 * {@code v}. On random models, on every NIST model at both starts and at the certified values,
 * and on several threads, which must give the same bits.
 */
class GeodesicKernelTest {
  private static final Path NIST = Path.of("src/test/resources/nist");

  @Property(tries = 40)
  void randomModelsMatchDifferencesOfTheJacobian(
      @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
    Random random = new Random(seed);
    String expression = RandomExpressionDerivativesTest.expression(random, 4);
    ModelDefinition definition = RandomProblem.model(expression, "mse", "0");
    Batch batch = RandomProblem.batch(random, Symgrad.compile(definition),
        1 + random.nextInt(40));
    double[] params = new double[3];
    double[] v = new double[3];
    for (int i = 0; i < 3; i++) {
      params[i] = random.nextDouble() * 2 - 1;
      v[i] = random.nextGaussian();
    }
    assertMatches(definition, batch, params, v, "model " + expression);
  }

  @Test
  void everyNistModelMatchesDifferencesOfTheJacobian() {
    List<String> names = NistFile.available(NIST);
    for (String name : names) {
      NistFile problem = NistFile.read(NIST, name);
      ModelDefinition definition = Symgrad.parseFile(NIST.resolve(name + ".sg"));
      Batch batch = problem.data().batchFor(Symgrad.compile(definition).info(), true);
      Random random = new Random(name.hashCode());
      for (double[] at : List.of(problem.start1(), problem.start2(), problem.certified())) {
        // A step of a hundredth of each parameter's size: Hahn1's b7 is 1e-7, and a step
        // the size of the others' moves its denominator across a pole.
        double[] v = new double[at.length];
        for (int i = 0; i < v.length; i++) {
          v[i] = 0.01 * random.nextGaussian() * (at[i] != 0 ? Math.abs(at[i]) : 1e-3);
        }
        assertMatches(definition, batch, at, v, name);
      }
    }
    assertThat(names.size()).isAtLeast(27);
  }

  @Test
  void theSameBitsOnOneTwoAndSevenThreads() {
    // The decay sample's model, a * exp(-k * t) + c, on more rows than its data has.
    ModelDefinition definition = Symgrad.parseFile(Path.of("../samples/decay/decay.sg"));
    Random random = new Random(5);
    int rows = 3 * 4096 + 77; // four chunks, the last one short
    double[][] columns = new double[2][rows];
    for (int r = 0; r < rows; r++) {
      columns[0][r] = random.nextDouble() * 10;
      columns[1][r] = 120 * Math.exp(-0.35 * columns[0][r]) + 8 + random.nextGaussian();
    }
    Batch batch = Batch.of(columns, rows);
    CompiledModel kernel = Symgrad.compileSecondOrder(definition, SecondOrderKernel.GEODESIC);
    double[] params = {110, 0.3, 6};
    double[] v = {-3, 0.02, 0.5};
    double[] one = new double[3];
    double first = new ResidualCurvature(kernel, batch, 1).apply(params, v, one);
    for (int threads : new int[] {2, 7}) {
      double[] many = new double[3];
      double value = new ResidualCurvature(kernel, batch, threads).apply(params, v, many);
      assertThat(Double.doubleToRawLongBits(value)).isEqualTo(Double.doubleToRawLongBits(first));
      for (int i = 0; i < 3; i++) {
        assertWithMessage("entry %s on %s threads", i, threads)
            .that(Double.doubleToRawLongBits(many[i]))
            .isEqualTo(Double.doubleToRawLongBits(one[i]));
      }
    }
    assertMatches(definition, batch, params, v, "four chunks");
  }

  private static void assertMatches(ModelDefinition definition, Batch batch, double[] params,
      double[] v, String context) {
    int p = params.length;
    int rows = batch.size();
    int width = p + 1;
    CompiledModel jacobian = Symgrad.compileJacobian(definition);
    double[] here = new double[rows * width];
    jacobian.predict(params, batch, here);
    double[][] differences = directionalDifferences(jacobian, batch, params, v);
    double[] rvv = differences[0];
    double[] error = differences[1];
    double[] target = batch.column(batch.width() - 1);
    double[] expected = new double[p + 1];
    double[] scale = new double[p + 1];
    double[] slack = new double[p + 1]; // what the differences' own error can move a sum
    for (int r = 0; r < rows; r++) {
      double res = here[r * width] - target[r];
      expected[0] += res * rvv[r];
      slack[0] += Math.abs(res) * error[r];
      scale[0] += Math.abs(res * rvv[r]);
      for (int k = 0; k < p; k++) {
        double jk = here[r * width + 1 + k];
        expected[1 + k] += jk * rvv[r];
        slack[1 + k] += Math.abs(jk) * error[r];
        scale[1 + k] += Math.abs(jk * rvv[r]);
      }
    }
    if (!allFinite(here) || !allFinite(rvv)) {
      return; // a random model may overflow; the comparison means nothing there
    }
    CompiledModel kernel = Symgrad.compileSecondOrder(definition, SecondOrderKernel.GEODESIC);
    double[] out = new double[p];
    double value = new ResidualCurvature(kernel, batch, 1).apply(params, v, out);
    assertWithMessage("%s: rᵀr_vv", context).that(value)
        .isWithin(1e-7 * scale[0] + slack[0] + 1e-300).of(expected[0]);
    for (int k = 0; k < p; k++) {
      assertWithMessage("%s: (Jᵀr_vv)[%s]", context, k).that(out[k])
          .isWithin(1e-7 * scale[1 + k] + slack[1 + k] + 1e-300).of(expected[1 + k]);
    }
  }

  // r_vv of every row as (J(x + hv) v - J(x - hv) v) / 2h from the compiled Jacobian, with
  // Richardson's extrapolation over h and h/2, then an estimate of its error per row: twice
  // the change the extrapolation made. A rational model near a pole (Hahn1 from start 1) has
  // third derivatives that leave any one difference 1e-3 off there.
  private static double[][] directionalDifferences(CompiledModel jacobian, Batch batch,
      double[] x, double[] v) {
    double largest = 0;
    for (int i = 0; i < x.length; i++) {
      largest = Math.max(largest, Math.abs(v[i]) / Math.max(1, Math.abs(x[i])));
    }
    double h = 1e-4 / Math.max(largest, 1e-300);
    double[] coarse = centralDifferences(jacobian, batch, x, v, h);
    double[] fine = centralDifferences(jacobian, batch, x, v, h / 2);
    double[] rvv = new double[coarse.length];
    double[] error = new double[coarse.length];
    for (int r = 0; r < rvv.length; r++) {
      rvv[r] = (4 * fine[r] - coarse[r]) / 3;
      error[r] = 2 * Math.abs(rvv[r] - fine[r]);
    }
    return new double[][] {rvv, error};
  }

  private static double[] centralDifferences(CompiledModel jacobian, Batch batch, double[] x,
      double[] v, double h) {
    int p = x.length;
    int rows = batch.size();
    int width = p + 1;
    double[] xp = x.clone();
    double[] xm = x.clone();
    for (int i = 0; i < p; i++) {
      xp[i] += h * v[i];
      xm[i] -= h * v[i];
    }
    double[] plus = new double[rows * width];
    double[] minus = new double[rows * width];
    jacobian.predict(xp, batch, plus);
    jacobian.predict(xm, batch, minus);
    double[] rvv = new double[rows];
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      for (int k = 0; k < p; k++) {
        sum += (plus[r * width + 1 + k] - minus[r * width + 1 + k]) * v[k];
      }
      rvv[r] = sum / (2 * h);
    }
    return rvv;
  }

  private static boolean allFinite(double[] values) {
    for (double value : values) {
      if (!Double.isFinite(value)) {
        return false;
      }
    }
    return true;
  }
}
