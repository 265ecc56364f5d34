package org.symgrad.compiler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.symgrad.compiler.graph.ExpressionPrinter;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.ParameterInfo;

/**
 * Random models built straight on the graph from a seed, for tests that must hold for any
 * model (the two emitters agreeing, say). Three parameters, two inputs, a target {@code y},
 * a {@code let}, one of several losses and sometimes a penalty; the prediction's top op is
 * chosen by the caller, so that a test can cover every op of {@link Op}.
 */
public final class RandomModels {
  /** The numbers leaves are drawn from: ones that are not exact in binary among them. */
  public static final double[] LITERALS = {0.1, 1e-3, -2.5, 1.0 / 3, 2, 0.5, -1, 3, 1e-7,
      -0.2};
  /** Every op a node can apply: all but the leaves. */
  public static final List<Op> OPS = Arrays.stream(Op.values())
      .filter(op -> op != Op.CONST && op != Op.VAR)
      .toList();

  private static final List<String> PARAMS = List.of("p0", "p1", "p2");
  private static final List<String> INPUTS = List.of("x0", "x1");
  private static final String TARGET = "y";

  private RandomModels() {}

  /** A model whose prediction applies {@code top} to random operands, all drawn from seed. */
  public static ModelDefinition model(long seed, Op top) {
    Random random = new Random(seed);
    Graph g = new Graph();
    Node let = expression(g, random, 2, null);
    List<Node> operands = new ArrayList<>();
    for (int i = 0; i < top.arity(); i++) {
      operands.add(expression(g, random, 3, let));
    }
    Node prediction = g.apply(top, operands);
    Node target = g.variable(TARGET);
    Node residual = g.sub(prediction, target);
    String lossText;
    Node sampleLoss;
    switch (random.nextInt(3)) {
      case 0 -> {
        lossText = "mse";
        sampleLoss = g.pow(residual, g.constant(2));
      }
      case 1 -> {
        lossText = "mae";
        sampleLoss = g.apply(Op.ABS, residual);
      }
      default -> {
        sampleLoss = g.apply(Op.LOG1P, g.mul(residual, residual));
        lossText = ExpressionPrinter.print(sampleLoss);
      }
    }
    boolean penalized = random.nextBoolean();
    Node penalty = penalized
        ? g.mul(g.constant(0.01), g.pow(g.variable(PARAMS.get(random.nextInt(3))), g.constant(2)))
        : g.constant(0);
    String name = "random_" + seed;
    return new ModelDefinition(name, name + ".sg", Optional.empty(), g, INPUTS, TARGET,
        parameters(random), Map.of("h", let), prediction, ExpressionPrinter.print(prediction),
        sampleLoss, lossText, penalty, penalized ? ExpressionPrinter.print(penalty) : "");
  }

  /** {@code rows} rows of the model's columns (inputs, then target), uniform on [-2, 2). */
  public static Batch batch(Random random, int rows) {
    double[][] columns = new double[INPUTS.size() + 1][rows];
    for (double[] column : columns) {
      for (int r = 0; r < rows; r++) {
        column[r] = random.nextDouble() * 4 - 2;
      }
    }
    return Batch.of(columns, rows);
  }

  /** Parameter values, uniform on [-2, 2). */
  public static double[] params(Random random) {
    double[] values = new double[PARAMS.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble() * 4 - 2;
    }
    return values;
  }

  // Leaves are parameters, inputs, literals or the let (when given); inner nodes any op.
  private static Node expression(Graph g, Random random, int depth, Node let) {
    if (depth == 0 || random.nextInt(4) == 0) {
      int pick = random.nextInt(let == null ? 5 : 6);
      return switch (pick) {
        case 0, 1 -> g.variable(PARAMS.get(random.nextInt(PARAMS.size())));
        case 2, 3 -> g.variable(INPUTS.get(random.nextInt(INPUTS.size())));
        case 4 -> g.constant(LITERALS[random.nextInt(LITERALS.length)]);
        default -> let;
      };
    }
    Op op = OPS.get(random.nextInt(OPS.size()));
    List<Node> inputs = new ArrayList<>();
    for (int i = 0; i < op.arity(); i++) {
      inputs.add(expression(g, random, depth - 1, let));
    }
    return g.apply(op, inputs);
  }

  // The three kinds of initializer, so the generated ModelInfo prints each.
  private static List<ParameterInfo> parameters(Random random) {
    List<ParameterInfo> infos = new ArrayList<>();
    for (int i = 0; i < PARAMS.size(); i++) {
      Initializer init = switch (i) {
        case 0 -> new Initializer.Constant(LITERALS[random.nextInt(LITERALS.length)]);
        case 1 -> new Initializer.Uniform(-1.0 / 3, 0.1);
        default -> new Initializer.Normal(0.0, 1e-3);
      };
      infos.add(ParameterInfo.scalar(PARAMS.get(i), i, init));
    }
    return infos;
  }
}
