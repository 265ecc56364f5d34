package org.symgrad.compiler.graph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints a node in the expression grammar, with the fewest parentheses that parse back to the
 * same node: {@code a + (-b)} prints as {@code a - b}, {@code x + (-2)} as {@code x - 2}.
 *
 * <p>Iterative, so a graph of any depth prints without exhausting the stack.
 */
public final class ExpressionPrinter {
  // Binding strength, loosest first; an operand printed where a tighter one is needed gets
  // parentheses.
  private static final int SUM = 1;
  private static final int PRODUCT = 2;
  private static final int UNARY = 3;
  private static final int POWER = 4;
  private static final int ATOM = 5;

  private record Printed(String text, int precedence) {}

  private ExpressionPrinter() {}

  /** The expression text of {@code root}. */
  public static String print(Node root) {
    return print(root, Map.of());
  }

  /**
   * The expression text of {@code root}, where every node below it that {@code names} names
   * (a {@code let}) is printed as its name.
   */
  public static String print(Node root, Map<Node, String> names) {
    Map<Node, Printed> done = new HashMap<>();
    names.forEach((node, name) -> {
      if (node != root) {
        done.put(node, new Printed(name, ATOM));
      }
    });
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Node node = pending.peek();
      if (done.containsKey(node)) {
        pending.pop();
        continue;
      }
      boolean ready = true;
      for (Node input : node.inputs()) {
        if (!done.containsKey(input)) {
          pending.push(input);
          ready = false;
        }
      }
      if (ready) {
        pending.pop();
        done.put(node, printOne(node, done));
      }
    }
    return done.get(root).text();
  }

  private static Printed printOne(Node node, Map<Node, Printed> done) {
    return switch (node.op()) {
      case CONST -> {
        String text = number(node.value());
        yield new Printed(text, text.startsWith("-") ? UNARY : ATOM);
      }
      case VAR -> new Printed(node.name(), ATOM);
      case ADD -> {
        Node right = node.input(1);
        String left = operand(done.get(node.input(0)), SUM);
        if (right.op() == Op.NEG) {
          yield new Printed(left + " - " + operand(done.get(right.input(0)), PRODUCT), SUM);
        }
        if (right.isConstant() && right.value() < 0) {
          yield new Printed(left + " - " + number(-right.value()), SUM);
        }
        yield new Printed(left + " + " + operand(done.get(right), PRODUCT), SUM);
      }
      case MUL -> binary(node, done, " * ", PRODUCT);
      case DIV -> binary(node, done, " / ", PRODUCT);
      case POW -> new Printed(
          operand(done.get(node.input(0)), ATOM) + "^" + operand(done.get(node.input(1)), UNARY),
          POWER);
      case NEG -> new Printed("-" + operand(done.get(node.input(0)), UNARY), UNARY);
      default -> {
        StringBuilder call = new StringBuilder(node.op().functionName()).append('(');
        for (int i = 0; i < node.inputs().size(); i++) {
          call.append(i == 0 ? "" : ", ").append(done.get(node.input(i)).text());
        }
        yield new Printed(call.append(')').toString(), ATOM);
      }
    };
  }

  // Left-associative: the left operand may be of equal strength, the right one may not.
  private static Printed binary(Node node, Map<Node, Printed> done, String symbol, int level) {
    return new Printed(
        operand(done.get(node.input(0)), level) + symbol + operand(done.get(node.input(1)),
            level + 1),
        level);
  }

  private static String operand(Printed printed, int needed) {
    return printed.precedence() >= needed ? printed.text() : "(" + printed.text() + ")";
  }

  /** A number as the grammar writes it: {@code 2}, {@code 0.5}, {@code 1.0e-3}. */
  public static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return (value == 0 && 1 / value < 0 ? "-" : "") + Long.toString((long) value);
    }
    return Double.toString(value).replace("E", "e");
  }
}
