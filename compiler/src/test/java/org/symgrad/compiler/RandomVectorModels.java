package org.symgrad.compiler;

import java.util.List;
import java.util.Random;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;

/**
 * Random models with index sums, drawn from a seed: a sum over {@code j} of a random
 * expression in {@code w[j]}, {@code v[j]}, {@code x[j]} and constants, sometimes through a
 * hidden layer {@code h[j] = f(sum(k, W[j, k] * x[k]) + c[j])}, sometimes with a vector
 * output, a penalty or another loss. Sizes range from a few elements to a few dozen, so runs
 * fall on both sides of any loop threshold.
 */
public final class RandomVectorModels {
  private static final List<String> UNARY = List.of("tanh", "sin", "sigmoid", "relu", "abs",
      "softplus", "exp", "atan");
  private static final List<String> BINARY = List.of("+", "-", "*", "/");
  private static final List<String> CONSTANTS = List.of("0.5", "2", "3", "1.5", "0.1", "4");
  private static final List<String> LOSSES = List.of("mse", "mae", "huber(1)", "bce_logits");

  private RandomVectorModels() {}

  /** The model text of seed {@code seed}. */
  public static String text(long seed) {
    Random random = new Random(seed);
    int n = 2 + random.nextInt(40);
    StringBuilder text = new StringBuilder();
    int shape = random.nextInt(3);
    if (shape == 0) { // sum(j, e(w[j], v[j], x[j])) + b
      text.append("input x[").append(n).append("]\ntarget y\n")
          .append("param w[").append(n).append("] = uniform(-1, 1)\n")
          .append("param v[").append(n).append("] = uniform(-1, 1)\n")
          .append("param b = 0.5\n")
          .append("model sum(j, w[j] * ")
          .append(expression(random, 3, "w[j]", "v[j]", "x[j]")).append(") + b\n");
    } else if (shape == 1) { // a hidden layer
      int inputs = 1 + random.nextInt(n);
      text.append("input x[").append(inputs).append("]\ntarget y\n")
          .append("param W[").append(n).append(", ").append(inputs).append("] = uniform(-1, 1)\n")
          .append("param c[").append(n).append("] = uniform(-1, 1)\n")
          .append("param w[").append(n).append("] = uniform(-1, 1)\n")
          .append("param b\n")
          .append("let h[j] = ").append(UNARY.get(random.nextInt(3)))
          .append("(sum(k, W[j, k] * x[k]) + c[j])\n")
          .append("model sum(j, h[j] * ")
          .append(expression(random, 2, "w[j]", "h[j]", "w[j]")).append(") + b\n");
    } else { // scores over classes
      int classes = 2 + random.nextInt(3);
      text.append("input x[").append(n).append("]\ntarget label\n")
          .append("param W[").append(classes).append(", ").append(n)
          .append("] = uniform(-1, 1)\n")
          .append("param c[").append(classes).append("]\n")
          .append("model score[k] = sum(j, W[k, j] * ")
          .append(expression(random, 1, "x[j]", "x[j]", "W[k, j]"))
          .append(") + c[k]\nloss cross_entropy\n");
      return text.toString();
    }
    text.append("loss ").append(LOSSES.get(random.nextInt(LOSSES.size()))).append('\n');
    if (random.nextBoolean()) {
      text.append("penalty 0.01 * sum(j, w[j]^2)\n");
    }
    return text.toString();
  }

  /** The model of seed {@code seed}. */
  public static ModelDefinition model(long seed) {
    return ModelParser.parse(text(seed), "random" + Math.abs(seed) + ".sg");
  }

  private static String expression(Random random, int depth, String a, String b, String c) {
    int pick = random.nextInt(depth <= 0 ? 4 : 7);
    return switch (pick) {
      case 0 -> a;
      case 1 -> b;
      case 2 -> c;
      case 3 -> CONSTANTS.get(random.nextInt(CONSTANTS.size()));
      case 4 -> UNARY.get(random.nextInt(UNARY.size())) + "("
          + expression(random, depth - 1, a, b, c) + ")";
      default -> "(" + expression(random, depth - 1, a, b, c) + " "
          + BINARY.get(random.nextInt(BINARY.size())) + " "
          + expression(random, depth - 1, a, b, c) + ")";
    };
  }
}
