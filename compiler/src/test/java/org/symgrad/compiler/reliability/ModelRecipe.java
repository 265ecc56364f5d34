package org.symgrad.compiler.reliability;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.Batch;

/**
 * A random scalar model, written as an {@code .sg} file and read back by {@link ModelParser},
 * so that everything from the parser to the emitted class is exercised: three parameters, two
 * inputs and a target, a random prediction, one of the named losses or a random loss
 * expression in {@code pred} and {@code target}, and sometimes a random penalty.
 *
 * @param names the parameters' names (3), then the inputs' (2), then the target's
 * @param prediction over the parameters and the inputs
 * @param loss which loss: 0 mse, 1 mae, 2 huber, 3 bce_logits, else {@code lossExpression}
 * @param lossExpression over {@code pred} and {@code target}, multiplied by {@code pred}
 * @param penalty over the parameters, or empty
 */
record ModelRecipe(
    List<String> names,
    ExpressionRecipe prediction,
    int loss,
    ExpressionRecipe lossExpression,
    Optional<ExpressionRecipe> penalty) {

  /** The usual names: parameters p0..p2, inputs x0 and x1, target y. */
  static final List<String> NAMES = List.of("p0", "p1", "p2", "x0", "x1", "y");

  ModelRecipe {
    if (names.size() != 6) {
      throw new IllegalArgumentException("3 parameters, 2 inputs and a target: " + names);
    }
    names = List.copyOf(names);
  }

  static Arbitrary<ModelRecipe> models(ExpressionRecipe.Constants constants, int maxSteps) {
    Arbitrary<ExpressionRecipe> expressions =
        ExpressionRecipe.recipes(constants.arbitrary(), maxSteps);
    return Combinators.combine(expressions, Arbitraries.integers().between(0, 5),
            ExpressionRecipe.recipes(constants.arbitrary(), 3),
            ExpressionRecipe.recipes(constants.arbitrary(), 3).optional(0.3))
        .as((prediction, loss, lossExpression, penalty) ->
            new ModelRecipe(NAMES, prediction, loss, lossExpression, penalty));
  }

  static ModelRecipe random(Random random, List<String> names,
      ExpressionRecipe.Constants constants, int maxSteps) {
    return new ModelRecipe(names, ExpressionRecipe.random(random, constants, maxSteps),
        random.nextInt(6), ExpressionRecipe.random(random, constants, 3),
        random.nextInt(3) == 0
            ? Optional.of(ExpressionRecipe.random(random, constants, 3))
            : Optional.empty());
  }

  List<String> parameters() {
    return names.subList(0, 3);
  }

  List<String> inputs() {
    return names.subList(3, 5);
  }

  String target() {
    return names.get(5);
  }

  /** The model file. */
  String text() {
    StringBuilder text = new StringBuilder("# a random model\n");
    inputs().forEach(name -> text.append("input ").append(name).append('\n'));
    text.append("target ").append(target()).append('\n');
    List<String> initial = List.of("0.5", "-1", "uniform(-1, 1)");
    for (int i = 0; i < 3; i++) {
      text.append("param ").append(parameters().get(i)).append(" = ").append(initial.get(i))
          .append('\n');
    }
    text.append("model ").append(prediction.text(names.subList(0, 5))).append('\n');
    text.append("loss ").append(switch (loss) {
      case 0 -> "mse";
      case 1 -> "mae";
      case 2 -> "huber(1.5)";
      case 3 -> "bce_logits";
      default -> "(" + lossExpression.text(List.of("pred", "target")) + ") * pred";
    }).append('\n');
    penalty.ifPresent(p -> text.append("penalty ").append(p.text(parameters())).append('\n'));
    return text.toString();
  }

  /** The model, parsed from {@link #text()}. */
  ModelDefinition definition(String fileName) {
    return ModelParser.parse(text(), fileName);
  }

  /** {@code rows} rows of the two inputs and the target, uniform on [-2, 2). */
  static Batch batch(Random random, int rows) {
    double[][] columns = new double[3][rows];
    for (double[] column : columns) {
      for (int r = 0; r < rows; r++) {
        column[r] = random.nextDouble() * 4 - 2;
      }
    }
    return Batch.of(columns, rows);
  }

  /** Three parameter values, uniform on [-2, 2). */
  static double[] params(Random random) {
    return new double[] {random.nextDouble() * 4 - 2, random.nextDouble() * 4 - 2,
        random.nextDouble() * 4 - 2};
  }

  @Override
  public String toString() {
    return text();
  }
}
