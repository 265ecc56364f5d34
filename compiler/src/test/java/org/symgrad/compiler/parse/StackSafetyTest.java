package org.symgrad.compiler.parse;

import static com.google.common.truth.Truth.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;

/**
 * Expressions 100 000 levels deep parse, or are refused with a diagnostic, on a thread with a
 * 256 KB stack: a recursive parser would need tens of megabytes for them.
 */
class StackSafetyTest {
  private static final int N = 100_000;
  private static final long SMALL_STACK = 256 * 1024;

  /** What {@code parse} returns or throws on a thread with a small stack. */
  private static Object onSmallStack(Function<Graph, Object> parse) throws InterruptedException {
    AtomicReference<Object> result = new AtomicReference<>();
    Graph graph = new Graph();
    Thread thread = new Thread(null, () -> {
      try {
        result.set(parse.apply(graph));
      } catch (Throwable t) { // StackOverflowError included: that is what this test is about
        result.set(t);
      }
    }, "small-stack", SMALL_STACK);
    thread.start();
    thread.join();
    return result.get();
  }

  private static Node parse(String text) throws InterruptedException {
    Object result = onSmallStack(g -> Expressions.parse(text, g));
    assertThat(result).isInstanceOf(Node.class);
    return (Node) result;
  }

  private static SymgradException refuse(String text) throws InterruptedException {
    Object result = onSmallStack(g -> Expressions.parse(text, g));
    assertThat(result).isInstanceOf(SymgradException.class);
    return (SymgradException) result;
  }

  /** How many times {@code op} is stacked along input 0, iteratively. */
  private static int chain(Node node, Op op, int input) {
    int depth = 0;
    while (node.op() == op) {
      node = node.input(input);
      depth++;
    }
    return depth;
  }

  private static int recurse(int n) {
    return n == 0 ? 0 : 1 + recurse(n - 1);
  }

  @Test
  void theStackIsSmallEnoughToMatter() throws InterruptedException {
    // The control: one plain recursive call per level already overflows this thread, and a
    // recursive-descent parser makes about five per parenthesis.
    assertThat(onSmallStack(g -> recurse(N))).isInstanceOf(StackOverflowError.class);
  }

  @Test
  void nestedParentheses() throws InterruptedException {
    Node node = parse("(".repeat(N) + "x" + ")".repeat(N));
    assertThat(node.isVariable()).isTrue();
  }

  @Test
  void negations() throws InterruptedException {
    assertThat(chain(parse("-".repeat(N) + "x"), Op.NEG, 0)).isEqualTo(N);
    assertThat(chain(parse("-(".repeat(N) + "x" + ")".repeat(N)), Op.NEG, 0)).isEqualTo(N);
  }

  @Test
  void powers() throws InterruptedException {
    assertThat(chain(parse("x^".repeat(N) + "x"), Op.POW, 1)).isEqualTo(N);
    assertThat(chain(parse("(".repeat(N) + "x" + ")^x".repeat(N)), Op.POW, 0)).isEqualTo(N);
  }

  @Test
  void callsAndLongSums() throws InterruptedException {
    assertThat(chain(parse("sin(".repeat(N) + "x" + ")".repeat(N)), Op.SIN, 0)).isEqualTo(N);
    assertThat(chain(parse("x + ".repeat(N) + "x"), Op.ADD, 0)).isEqualTo(N);
    assertThat(chain(parse("max(".repeat(N) + "x" + ", 1)".repeat(N)), Op.MAX, 0))
        .isEqualTo(N);
  }

  @Test
  void deepErrorsAreDiagnostics() throws InterruptedException {
    assertThat(refuse("(".repeat(N) + "x").first().code()).isEqualTo("SG105");
    assertThat(refuse("(".repeat(N) + "x" + ")".repeat(N + 1)).first().code())
        .isEqualTo("SG106");
    assertThat(refuse("-".repeat(N)).first().code()).isEqualTo("SG102");
    assertThat(refuse("sin(".repeat(N) + "x, y" + ")".repeat(N)).first().code())
        .isEqualTo("SG104");
  }

  @Test
  void deepModelFiles() throws InterruptedException {
    String text = "input x\ntarget y\nparam w = " + "-(".repeat(N) + "1" + ")".repeat(N)
        + "\nlet a = " + "(".repeat(N) + "x" + ")".repeat(N) + "\nmodel w * a"
        + "\nloss " + "abs(".repeat(N) + "pred - target" + ")".repeat(N)
        + "\npenalty " + "w^".repeat(N) + "2\n";
    Object result = onSmallStack(g -> ModelParser.parse(text, "deep.sg"));
    assertThat(result).isInstanceOf(org.symgrad.compiler.model.ModelDefinition.class);
  }
}
