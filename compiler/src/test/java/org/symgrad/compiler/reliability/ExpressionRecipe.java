package org.symgrad.compiler.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.symgrad.compiler.graph.ExpressionPrinter;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;

/**
 * A random well-formed expression over the whole grammar, as a little program: a pool that
 * starts with the variables and some constants, and steps that each apply one form ({@code +
 * - * /}, negation, or any function of the grammar) to two earlier pool entries and add the
 * result to the pool. The last step is the expression. Because a step may use any earlier
 * entry, several times over, the expression is a DAG with shared subexpressions, as real
 * models are.
 *
 * <p>Built the way the parser builds (a negated constant is folded into the constant, {@code
 * a - b} is {@code a + (-b)}), so every recipe gives a node the parser could have made, and
 * {@code parse(print(e))} must give it back.
 *
 * <p>Recipes come from jqwik ({@link #recipes}), which shrinks a failing one towards fewer
 * steps, the first form ({@code +}) and the most recent operands, or from a seeded {@link
 * Random} ({@link #random}), for tests that need many models at once.
 *
 * @param constants the constants in the pool, after the variables
 * @param steps at least one
 */
record ExpressionRecipe(List<Double> constants, List<Step> steps) {

  /** Every form a step can apply: the four operators, negation and the grammar's functions. */
  static final List<String> FORMS = Stream.concat(
          Stream.of("+", "-", "*", "/", "neg"),
          Arrays.stream(Op.values()).filter(Op::isGrammarFunction).map(Op::functionName))
      .toList();

  /** Operand references reach this far back into the pool. */
  private static final int REACH = 16;

  /**
   * Apply form {@code form % FORMS.size()} to pool entries {@code left} and {@code right},
   * counted back from the newest, modulo the pool's size (unary forms ignore {@code right}).
   */
  record Step(int form, int left, int right) {}

  ExpressionRecipe {
    constants = List.copyOf(constants);
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a recipe needs a step");
    }
  }

  /** Recipes of 1 to {@code maxSteps} steps whose constants come from {@code constants}. */
  static Arbitrary<ExpressionRecipe> recipes(Arbitrary<Double> constants, int maxSteps) {
    Arbitrary<Step> step = Combinators.combine(
        Arbitraries.integers().between(0, FORMS.size() - 1),
        Arbitraries.integers().between(0, REACH - 1),
        Arbitraries.integers().between(0, REACH - 1)).as(Step::new);
    return Combinators.combine(
        constants.list().ofMaxSize(3),
        step.list().ofMinSize(1).ofMaxSize(maxSteps)).as(ExpressionRecipe::new);
  }

  /** A recipe of 1 to {@code maxSteps} steps drawn from {@code random}. */
  static ExpressionRecipe random(Random random, Constants constants, int maxSteps) {
    List<Double> pool = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      pool.add(constants.draw(random));
    }
    List<Step> steps = new ArrayList<>();
    for (int i = 1 + random.nextInt(maxSteps); i > 0; i--) {
      steps.add(new Step(random.nextInt(FORMS.size()), random.nextInt(REACH),
          random.nextInt(REACH)));
    }
    return new ExpressionRecipe(pool, steps);
  }

  /** The expression in {@code g}, over variables called {@code variables}. */
  Node build(Graph g, List<String> variables) {
    List<Node> pool = new ArrayList<>();
    variables.forEach(name -> pool.add(g.variable(name)));
    constants.forEach(value -> pool.add(g.constant(value)));
    for (Step step : steps) {
      Node a = pick(pool, step.left());
      Node b = pick(pool, step.right());
      pool.add(apply(g, FORMS.get(step.form() % FORMS.size()), a, b));
    }
    return pool.get(pool.size() - 1);
  }

  /** The expression's text, as the printer writes it. */
  String text(List<String> variables) {
    return ExpressionPrinter.print(build(new Graph(), variables));
  }

  private static Node pick(List<Node> pool, int back) {
    return pool.get(pool.size() - 1 - Math.floorMod(back, pool.size()));
  }

  // As the parser builds: -c is the constant -c, a - b is a + (-b).
  static Node apply(Graph g, String form, Node a, Node b) {
    return switch (form) {
      case "+" -> g.add(a, b);
      case "-" -> g.add(a, negate(g, b));
      case "*" -> g.mul(a, b);
      case "/" -> g.div(a, b);
      case "neg" -> negate(g, a);
      default -> {
        Op op = Op.forFunction(form);
        yield op.arity() == 1 ? g.apply(op, a) : g.apply(op, a, b);
      }
    };
  }

  private static Node negate(Graph g, Node x) {
    return x.isConstant() ? g.constant(-x.value()) : g.neg(x);
  }

  /** Where constants are drawn from. */
  enum Constants {
    /** Everyday numbers, subnormal, huge, the largest double and -0 among them. */
    ANY {
      @Override
      double draw(Random random) {
        return switch (random.nextInt(4)) {
          case 0 -> EVERYDAY[random.nextInt(EVERYDAY.length)];
          case 1 -> (random.nextDouble() * 20 - 10);
          case 2 -> EXTREME[random.nextInt(EXTREME.length)];
          default -> Double.longBitsToDouble(random.nextLong() & ~(0x7ffL << 52)
              | ((long) random.nextInt(0x7ff) << 52)); // any finite double
        };
      }

      @Override
      Arbitrary<Double> arbitrary() {
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.of(boxed(EVERYDAY))),
            net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(-10, 10)),
            net.jqwik.api.Tuple.of(2, Arbitraries.of(boxed(EXTREME))),
            net.jqwik.api.Tuple.of(1, Arbitraries.doubles()));
      }
    },
    /** Numbers a smooth model holds without overflowing: everyday, in [-3, 3], or tiny. */
    MODERATE {
      @Override
      double draw(Random random) {
        return switch (random.nextInt(3)) {
          case 0 -> EVERYDAY[random.nextInt(EVERYDAY.length)];
          case 1 -> random.nextDouble() * 6 - 3;
          default -> TINY[random.nextInt(TINY.length)];
        };
      }

      @Override
      Arbitrary<Double> arbitrary() {
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.of(boxed(EVERYDAY))),
            net.jqwik.api.Tuple.of(3, Arbitraries.doubles().between(-3, 3)),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(boxed(TINY))));
      }
    };

    static final double[] EVERYDAY = {0, 1, 2, 3, 0.5, 0.1, 1.0 / 3, -1, -2.5, 10, 1e-3};
    static final double[] TINY = {1e-300, 4.9e-324, 2.2250738585072014e-308, 1e-310, -1e-20};
    static final double[] EXTREME = {4.9e-324, 1e-310, 2.2250738585072014e-308, 1e-300,
        -1e-200, 1e20, 9007199254740993.0, 1e300, -1e308, 1.7976931348623157e308, -0.0};

    abstract double draw(Random random);

    abstract Arbitrary<Double> arbitrary();

    private static Double[] boxed(double[] values) {
      return Arrays.stream(values).boxed().toArray(Double[]::new);
    }
  }

  @Override
  public String toString() {
    return text(List.of("a", "b", "c", "d", "e"));
  }
}
