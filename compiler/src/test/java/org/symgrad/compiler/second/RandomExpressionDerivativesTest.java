package org.symgrad.compiler.second;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * Random smooth models over three parameters: the compiled Hessian against central differences
 * of the compiled gradient, and the compiled Jacobian against central differences of the
 * prediction. Smooth ops only, so that differences are meaningful everywhere.
 */
class RandomExpressionDerivativesTest {
  private static final List<String> UNARY =
      List.of("sin", "cos", "tanh", "sigmoid", "softplus", "atan", "exp");
  private static final List<String> LEAVES = List.of("a", "b", "c", "x", "z", "0.5", "1.5");

  @Property(tries = 40)
  void hessianAndJacobianMatchDifferences(@ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
    Random random = new Random(seed);
    String expression = expression(random, 4);
    String penalty = random.nextBoolean() ? "0.01 * (a^2 + b * c)" : "0";
    String loss = random.nextBoolean() ? "mse" : "log1p((pred - target)^2)";
    ModelDefinition definition = RandomProblem.model(expression, loss, penalty);
    CompiledModel model = Symgrad.compile(definition);
    int rows = 7;
    Batch batch = RandomProblem.batch(random, model, rows);
    double[] params = {random.nextDouble() * 2 - 1, random.nextDouble() * 2 - 1,
        random.nextDouble() * 2 - 1};
    String context = "model " + expression + ", loss " + loss + ", penalty " + penalty;

    double[] exact = Fixtures.compiledHessian(definition, model, batch, params);
    double[] numeric = Fixtures.finiteDifferenceHessian(model, batch, params);
    for (int i = 0; i < exact.length; i++) {
      assertWithMessage("Hessian entry %s of %s", i, context).that(exact[i])
          .isWithin(1e-5 * (1 + Math.abs(exact[i]))).of(numeric[i]);
    }
    if (SecondOrder.leastSquaresProblem(definition).isEmpty()) {
      CompiledModel jacobian = Symgrad.compileJacobian(definition);
      double[] out = new double[rows * 4];
      jacobian.predict(params, batch, out);
      double[][] differences = Fixtures.finiteDifferenceJacobian(model, batch, params);
      for (int r = 0; r < rows; r++) {
        for (int k = 0; k < 3; k++) {
          assertWithMessage("Jacobian row %s param %s of %s", r, k, context)
              .that(out[r * 4 + 1 + k])
              .isWithin(1e-6 * (1 + Math.abs(out[r * 4 + 1 + k]))).of(differences[r][k]);
        }
      }
    }
  }

  static String expression(Random random, int depth) {
    if (depth == 0 || random.nextInt(4) == 0) {
      return LEAVES.get(random.nextInt(LEAVES.size()));
    }
    return switch (random.nextInt(5)) {
      case 0 -> UNARY.get(random.nextInt(UNARY.size())) + "("
          + expression(random, depth - 1) + ")";
      case 1 -> "(" + expression(random, depth - 1) + " * " + expression(random, depth - 1) + ")";
      case 2 -> "(" + expression(random, depth - 1) + " + " + expression(random, depth - 1) + ")";
      case 3 -> "(" + expression(random, depth - 1) + " / (1 + "
          + expression(random, depth - 1) + "^2))";
      default -> "(" + expression(random, depth - 1) + " - " + expression(random, depth - 1) + ")";
    };
  }
}
