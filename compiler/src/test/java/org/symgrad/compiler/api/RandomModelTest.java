package org.symgrad.compiler.api;

import static org.symgrad.compiler.api.SameModel.assertSameKernel;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.graph.ExpressionPrinter;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Initializer;

/**
 * A random model over arrays and indices, built by calls and written as text, is one model:
 * the same declarations, the same nodes in the same order, the same kernel and the same bits.
 * The expressions mix scalars and vectors under every operation (a vector minus a vector, a
 * negated sum, a let over an index), which is where the two front ends once had to agree by
 * hand on node order.
 */
class RandomModelTest {
  private static final Index J = Index.of("j"); // over 4: b, v, the rows of W
  private static final Index K = Index.of("k"); // over 3: x, the columns of W
  private static final double[] NUMBERS = {0.5, 2, 3.25, 0.1};
  private static final List<String> LOSSES = List.of("mse", "mae", "huber(1.5)", "bce_logits");

  /** An expression and its fully parenthesized text. */
  private record Pair(Expr expr, String text) {}

  /** The arrays and scalars of one builder, for the generator. */
  private record Model(Tensor x, Expr z, Tensor w, Tensor b, Tensor v, Expr c) {}

  @Property(tries = 40)
  void aRandomModelBuiltByCallsIsItsText(@ForAll long seed) {
    Random random = new Random(seed);
    ModelBuilder m = new ModelBuilder("random");
    Tensor x = m.input("x", 3);
    Expr z = m.input("z");
    m.target("y");
    Tensor w = m.param("W", ModelBuilder.shape(4, 3), new Initializer.Uniform(-0.5, 0.5));
    Tensor b = m.param("b", ModelBuilder.shape(4), 0.1);
    Tensor v = m.param("v", ModelBuilder.shape(4), new Initializer.Normal(0, 0.3));
    Expr c = m.param("c", 0.5);
    Model model = new Model(x, z, w, b, v, c);
    StringBuilder text = new StringBuilder("""
        input  x[3]
        input  z
        target y
        param  W[4, 3] = uniform(-0.5, 0.5)
        param  b[4] = 0.1
        param  v[4] = normal(0, 0.3)
        param  c = 0.5
        """);

    Pair hBody = pair(random, model, 3, Set.of("j"));
    Tensor h = m.let("h", J, b.get(J).times(hBody.expr()));
    text.append("let    h[j] = (b[j]) * (").append(hBody.text()).append(")\n");
    Pair s = pair(random, model, 3, Set.of());
    Expr sLet = m.let("s", s.expr());
    text.append("let    s = ").append(s.text()).append('\n');
    Pair rest = pair(random, model, 3, Set.of());
    Expr prediction = Expr.sum(J, v.get(J).times(h.get(J))).minus(sLet).plus(rest.expr());
    m.predict(prediction);
    text.append("model  ((sum(j, (v[j]) * (h[j]))) - (s)) + (").append(rest.text()).append(")\n");
    if (random.nextBoolean()) {
      Expr d = b.get(J).minus(v.get(J));
      m.penalty(Expr.constant(0.01).times(Expr.sum(J, d.times(d))).minus(c));
      text.append("penalty (0.01 * sum(j, (b[j] - v[j]) * (b[j] - v[j]))) - c\n");
    }
    String loss = LOSSES.get(random.nextInt(LOSSES.size()));
    m.loss(switch (loss) {
      case "mse" -> Loss.MSE;
      case "mae" -> Loss.MAE;
      case "bce_logits" -> Loss.BCE_LOGITS;
      default -> Loss.huber(1.5);
    });
    text.append("loss   ").append(loss).append('\n');

    ModelDefinition built = m.build();
    ModelDefinition parsed = Symgrad.parse(text.toString(), "random.sg");

    assertSameKernel(built, parsed);
  }

  /** A random expression whose free indices are among {@code free}. */
  private static Pair pair(Random random, Model m, int depth, Set<String> free) {
    int choice = depth == 0 ? 0 : random.nextInt(8);
    switch (choice) {
      case 0 -> {
        return leaf(random, m, free);
      }
      case 1 -> {
        Pair a = pair(random, m, depth - 1, free);
        return new Pair(a.expr().unaryMinus(), "-(" + a.text() + ")");
      }
      case 2 -> {
        Pair a = pair(random, m, depth - 1, free);
        return new Pair(Expr.tanh(a.expr()), "tanh(" + a.text() + ")");
      }
      case 7 -> {
        return sum(random, m, depth, free);
      }
      default -> {
        Pair a = pair(random, m, depth - 1, free);
        Pair b = pair(random, m, depth - 1, free);
        String left = "(" + a.text() + ")";
        String right = "(" + b.text() + ")";
        return switch (choice) {
          case 3 -> new Pair(a.expr().plus(b.expr()), left + " + " + right);
          case 4 -> new Pair(a.expr().minus(b.expr()), left + " - " + right);
          case 5 -> new Pair(a.expr().times(b.expr()), left + " * " + right);
          default -> new Pair(Expr.max(a.expr(), b.expr()),
              "max(" + a.text() + ", " + b.text() + ")");
        };
      }
    }
  }

  // A sum over an index not free here, whose body uses it; a leaf when both are taken.
  private static Pair sum(Random random, Model m, int depth, Set<String> free) {
    boolean overK = !free.contains("k");
    if (!overK && free.contains("j")) {
      return leaf(random, m, free);
    }
    Set<String> inner = new HashSet<>(free);
    inner.add(overK ? "k" : "j");
    Pair body = pair(random, m, depth - 1, inner);
    return overK
        ? new Pair(Expr.sum(K, m.x().get(K).times(body.expr())),
            "sum(k, (x[k]) * (" + body.text() + "))")
        : new Pair(Expr.sum(J, m.v().get(J).times(body.expr())),
            "sum(j, (v[j]) * (" + body.text() + "))");
  }

  private static Pair leaf(Random random, Model m, Set<String> free) {
    boolean j = free.contains("j");
    boolean k = free.contains("k");
    switch (random.nextInt(8)) {
      case 0 -> {
        double value = NUMBERS[random.nextInt(NUMBERS.length)];
        return new Pair(Expr.constant(value), ExpressionPrinter.number(value));
      }
      case 1 -> {
        return new Pair(m.z(), "z");
      }
      case 2 -> {
        return new Pair(m.c(), "c");
      }
      case 3 -> {
        return j ? new Pair(m.b().get(J), "b[j]") : new Pair(m.b().get(2), "b[2]");
      }
      case 4 -> {
        return j ? new Pair(m.v().get(J), "v[j]") : new Pair(m.v().get(1), "v[1]");
      }
      case 5 -> {
        return k ? new Pair(m.x().get(K), "x[k]") : new Pair(m.x().get(1), "x[1]");
      }
      case 6 -> {
        return j && k ? new Pair(m.w().get(J, K), "W[j, k]")
            : j ? new Pair(m.w().get(J, 0), "W[j, 0]")
            : k ? new Pair(m.w().get(3, K), "W[3, k]")
            : new Pair(m.w().get(3, 0), "W[3, 0]");
      }
      default -> {
        return k && j ? new Pair(m.w().get(J, K).minus(m.x().get(K)), "(W[j, k]) - (x[k])")
            : new Pair(m.c().minus(m.z()), "(c) - (z)");
      }
    }
  }
}
