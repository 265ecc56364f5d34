package org.symgrad.compiler.second;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.lsq.CompiledResiduals;

/**
 * {@code JᵀJ} and {@code Jᵀr} summed chunk by chunk against the same products of a
 * materialised {@code J}, on more rows than one chunk holds.
 */
class NormalEquationsTest {
  @Test
  void chunkedSumsEqualTheMaterialisedProducts() {
    ModelDefinition definition = Symgrad.parse("""
        input x
        target y
        param a = 2
        param k = 0.3
        param c = 0.5
        model a * exp(-k * x) + c * sin(x)
        loss mse
        """, "decay.sg");
    CompiledModel model = Symgrad.compile(definition);
    CompiledModel jacobian = Symgrad.compileJacobian(definition);
    Random random = new Random(3);
    int rows = 1000; // four chunks of 256 rows, the last one short
    double[] x = new double[rows];
    double[] y = new double[rows];
    for (int r = 0; r < rows; r++) {
      x[r] = random.nextDouble() * 5;
      y[r] = 2 * Math.exp(-0.3 * x[r]) + random.nextGaussian() * 0.1;
    }
    Batch batch = new Dataset(List.of("x", "y"), new double[][] {x, y})
        .batchFor(model.info(), true);
    double[] params = {1.7, 0.25, 0.1};
    int p = 3;
    double[] j = new double[rows * (p + 1)];
    jacobian.predict(params, batch, j); // all rows at once: J materialised
    double[] jtr = new double[p];
    double[] jtj = new double[p * p];
    double rss = 0;
    for (int r = 0; r < rows; r++) {
      double res = j[r * (p + 1)] - y[r];
      rss += res * res;
      for (int a = 0; a < p; a++) {
        jtr[a] += j[r * (p + 1) + 1 + a] * res;
        for (int b = 0; b < p; b++) {
          jtj[a * p + b] += j[r * (p + 1) + 1 + a] * j[r * (p + 1) + 1 + b];
        }
      }
    }
    CompiledResiduals residuals = new CompiledResiduals(model, jacobian, batch);
    double[] chunkedJtr = new double[p];
    double[] chunkedJtj = new double[p * p];
    double chunkedRss = residuals.normalEquations(params, chunkedJtr, chunkedJtj);
    assertWithMessage("rss").that(chunkedRss).isWithin(1e-13 * rss).of(rss);
    assertWithMessage("rss alone").that(residuals.rss(params)).isWithin(1e-13 * rss).of(rss);
    for (int a = 0; a < p; a++) {
      assertWithMessage("Jᵀr %s", a).that(chunkedJtr[a])
          .isWithin(1e-12 * Math.abs(jtr[a]) + 1e-300).of(jtr[a]);
      for (int b = a; b < p; b++) {
        assertWithMessage("JᵀJ %s %s", a, b).that(chunkedJtj[a * p + b])
            .isWithin(1e-12 * Math.abs(jtj[a * p + b])).of(jtj[a * p + b]);
      }
    }
  }
}
