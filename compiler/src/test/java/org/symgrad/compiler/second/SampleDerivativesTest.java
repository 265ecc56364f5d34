package org.symgrad.compiler.second;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;

/**
 * On every sample model: the compiled Hessian kernel against central differences of the
 * compiled gradient, and for the least-squares ones the Jacobian kernel against central
 * differences of the compiled prediction.
 */
class SampleDerivativesTest {
  static Stream<Path> samples() {
    return Fixtures.sampleModels().stream();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void hessianMatchesDifferencesOfTheGradient(Path file) {
    ModelDefinition definition = Symgrad.parseFile(file);
    CompiledModel model = Symgrad.compile(definition);
    Dataset data = Fixtures.sampleData(file, definition);
    Batch batch = Fixtures.batch(model, data);
    double[] x = Fixtures.near(model.info().initialParameters(0), file.hashCode());
    double[] exact = Fixtures.compiledHessian(definition, model, batch, x);
    double[] numeric = Fixtures.finiteDifferenceHessian(model, batch, x);
    double scale = 0;
    for (double v : exact) {
      scale = Math.max(scale, Math.abs(v));
    }
    assertThat(scale).isGreaterThan(0.0);
    for (int i = 0; i < exact.length; i++) {
      assertWithMessage("%s: Hessian entry %s", file, i)
          .that(exact[i]).isWithin(1e-5 * scale + 1e-6 * Math.abs(exact[i])).of(numeric[i]);
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void jacobianMatchesDifferencesOfThePrediction(Path file) {
    ModelDefinition definition = Symgrad.parseFile(file);
    if (!SecondOrder.leastSquaresProblem(definition).isEmpty()) {
      return; // bce_logits and cross_entropy: no residuals, Newton's Hessian covers them
    }
    CompiledModel model = Symgrad.compile(definition);
    CompiledModel jacobian = Symgrad.compileJacobian(definition);
    Dataset data = Fixtures.sampleData(file, definition);
    Batch batch = Fixtures.batch(model, data);
    double[] x = Fixtures.near(model.info().initialParameters(0), file.hashCode());
    int p = x.length;
    double[] out = new double[batch.size() * (p + 1)];
    jacobian.predict(x, batch, out);
    double[] pred = new double[batch.size()];
    model.predict(x, batch, pred);
    double[][] numeric = Fixtures.finiteDifferenceJacobian(model, batch, x);
    for (int r = 0; r < batch.size(); r++) {
      assertThat(out[r * (p + 1)]).isEqualTo(pred[r]);
      for (int k = 0; k < p; k++) {
        double exact = out[r * (p + 1) + 1 + k];
        assertWithMessage("%s: row %s, d pred/d param %s", file, r, k)
            .that(exact).isWithin(1e-6 * Math.max(1, Math.abs(exact))).of(numeric[r][k]);
      }
    }
  }
}
