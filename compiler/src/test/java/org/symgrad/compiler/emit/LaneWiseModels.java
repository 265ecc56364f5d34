package org.symgrad.compiler.emit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;

/**
 * Random models whose row loops the vector writers can take: predictions over {@code + - * /},
 * negation, {@code sqrt}, {@code abs}, {@code min} and {@code max}, with losses that keep to
 * them, so that tests of vector kernels do not mostly test the scalar fallback.
 */
final class LaneWiseModels {
  private static final String[] LEAVES = {"p0", "p1", "p2", "x0", "x1", "0.1", "2", "-2.5",
      "3"};
  // min, max and abs differentiate to Math.signum and comparisons, which keep the fused
  // kernel scalar; in the loss kernel they vectorise. So they are drawn, but rarely.
  private static final String[] LOSSES = {"mse", "(pred - target) * (pred - target) / 3",
      "pred * target - sqrt(1 + pred * pred)", "mse", "min(pred, target) * pred - abs(target)"};

  private LaneWiseModels() {}

  /** {@code count} models drawn from {@code seed}. */
  static List<ModelDefinition> draw(long seed, int count) {
    Random random = new Random(seed);
    List<ModelDefinition> models = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String text = "input x0\ninput x1\ntarget target\nparam p0 = 0.5\nparam p1 = -1\n"
          + "param p2 = 1.5\nmodel " + expression(random, 3) + " + p0 * x0\nloss "
          + LOSSES[random.nextInt(LOSSES.length)] + "\n";
      models.add(Symgrad.parse(text, "lanes" + i + ".sg"));
    }
    return models;
  }

  /** The book's thermometer, normalised as the benchmarks have it. */
  static ModelDefinition thermometer() {
    return Symgrad.parse("input t_u\ntarget t_c\nparam w = 1\nparam b = 0\n"
        + "model w * (0.1 * t_u) + b\nloss mse\n", "thermometer.sg");
  }

  private static String expression(Random random, int depth) {
    if (depth == 0 || random.nextInt(4) == 0) {
      return LEAVES[random.nextInt(LEAVES.length)];
    }
    String a = expression(random, depth - 1);
    String b = expression(random, depth - 1);
    return switch (random.nextInt(16)) {
      case 0, 1, 2 -> "(" + a + " + " + b + ")";
      case 3, 4 -> "(" + a + " - " + b + ")";
      case 5, 6, 7 -> "(" + a + " * " + b + ")";
      case 8, 9 -> "(" + a + " / (1.5 + " + b + " * " + b + "))";
      case 10 -> "-(" + a + ")";
      case 11, 12 -> "sqrt(1 + " + a + " * " + a + ")";
      case 13 -> "min(" + a + ", " + b + ")";
      case 14 -> "max(" + a + ", " + b + ")";
      default -> "abs(" + a + ")";
    };
  }
}
