package org.symgrad.compiler.graph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a node in the expression grammar, with the fewest parentheses that parse back to the
 * same node: {@code a + (-b)} prints as {@code a - b}, {@code x + (-2)} as {@code x - 2}.
 *
 * <p>Iterative, and appending to one buffer, so a graph of any depth prints without
 * exhausting the stack, in time and memory proportional to the text printed. (A shared
 * subexpression is printed at each of its uses, so the text of a DAG can be much larger than
 * the DAG: {@link #length} says how large, in time and memory proportional to the DAG.)
 */
public final class ExpressionPrinter {
  // Binding strength, loosest first; an operand printed where a tighter one is needed gets
  // parentheses.
  private static final int SUM = 1;
  private static final int PRODUCT = 2;
  private static final int UNARY = 3;
  private static final int POWER = 4;
  private static final int ATOM = 5;

  /** Work still to do: print {@code node} where strength {@code needed} is required. */
  private record Operand(Node node, int needed) {}

  private ExpressionPrinter() {}

  /** The expression text of {@code root}. */
  public static String print(Node root) {
    return print(root, Map.of());
  }

  /**
   * The expression text of {@code root}, where every node below it that {@code names} names
   * (a {@code let}) is printed as that name.
   */
  public static String print(Node root, Map<Node, String> names) {
    return print(root, names, Integer.MAX_VALUE);
  }

  /**
   * The same, cut to {@code limit} chars and an ellipsis when longer: for comments and
   * listings, where a deep graph's derivative could otherwise print as gigabytes.
   */
  public static String print(Node root, Map<Node, String> names, int limit) {
    StringBuilder text = new StringBuilder();
    // Strings to append and operands to print, the next one on top.
    Deque<Object> work = new ArrayDeque<>();
    work.push(new Operand(root, SUM));
    while (!work.isEmpty()) {
      if (text.length() > limit) {
        text.setLength(limit);
        return text.append('…').toString();
      }
      Object item = work.pop();
      if (item instanceof String literal) {
        text.append(literal);
      } else {
        Operand operand = (Operand) item;
        String name = operand.node() == root ? null : names.get(operand.node());
        if (name != null) {
          text.append(name);
        } else if (strength(operand.node()) < operand.needed()) {
          work.push(")");
          pushAll(work, parts(operand.node()));
          work.push("(");
        } else {
          pushAll(work, parts(operand.node()));
        }
      }
    }
    if (text.length() > limit) {
      text.setLength(limit);
      text.append('…');
    }
    return text.toString();
  }

  /** How tightly the printed form of {@code node} binds. */
  private static int strength(Node node) {
    return switch (node.op()) {
      case CONST -> isNegative(node.value()) ? UNARY : ATOM;
      case ADD -> SUM;
      case MUL, DIV -> PRODUCT;
      case NEG -> UNARY;
      case POW -> POWER;
      default -> ATOM; // a variable or a call
    };
  }

  /**
   * The length of {@code print(root)}, without printing it: each distinct node is measured
   * once, so a DAG whose text would take gigabytes is measured in the DAG's own memory.
   * {@link Long#MAX_VALUE} when the length is larger than a long holds.
   */
  public static long length(Node root) {
    return lengths(List.of(root))[0];
  }

  /** {@link #length} of each of {@code roots}, the nodes they share measured once. */
  public static long[] lengths(List<Node> roots) {
    Map<Node, Long> lengths = new IdentityHashMap<>();
    PostOrder.fill(roots, lengths, node -> {
      long length = 0;
      for (Object part : parts(node)) {
        length = saturatedSum(length, part instanceof String literal ? literal.length()
            : lengthAsOperand((Operand) part, lengths));
      }
      return length;
    });
    return roots.stream().mapToLong(lengths::get).toArray();
  }

  private static long lengthAsOperand(Operand operand, Map<Node, Long> lengths) {
    long length = lengths.get(operand.node());
    return strength(operand.node()) < operand.needed() ? saturatedSum(length, 2) : length;
  }

  private static long saturatedSum(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum; // both are at least 0
  }

  /**
   * What {@code node} prints as, in order: strings, and operands printed where a strength is
   * required. Printing and {@link #length} both read it, so they cannot disagree.
   */
  private static Object[] parts(Node node) {
    return switch (node.op()) {
      case CONST -> new Object[] {number(node.value())};
      case VAR -> new Object[] {node.name()};
      case ADD -> {
        Node right = node.input(1);
        if (right.op() == Op.NEG) {
          yield new Object[] {new Operand(node.input(0), SUM), " - ",
              new Operand(right.input(0), PRODUCT)};
        } else if (right.isConstant() && isNegative(right.value())) {
          yield new Object[] {new Operand(node.input(0), SUM), " - ", number(-right.value())};
        }
        yield new Object[] {new Operand(node.input(0), SUM), " + ", new Operand(right, PRODUCT)};
      }
      // Left-associative: the left operand may be of equal strength, the right one may not.
      case MUL -> new Object[] {new Operand(node.input(0), PRODUCT), " * ",
          new Operand(node.input(1), PRODUCT + 1)};
      case DIV -> new Object[] {new Operand(node.input(0), PRODUCT), " / ",
          new Operand(node.input(1), PRODUCT + 1)};
      // Right-associative, and the exponent may be negated: x^-y^z is x^(-(y^z)).
      case POW -> new Object[] {new Operand(node.input(0), ATOM), "^",
          new Operand(node.input(1), UNARY)};
      case NEG -> new Object[] {"-", new Operand(node.input(0), UNARY)};
      default -> {
        Object[] call = new Object[2 * node.inputs().size() + 1];
        call[0] = node.op().functionName() + "(";
        for (int i = 0; i < node.inputs().size(); i++) {
          call[2 * i + 1] = new Operand(node.input(i), SUM);
          call[2 * i + 2] = i + 1 < node.inputs().size() ? ", " : ")";
        }
        yield call;
      }
    };
  }

  /** Pushes {@code parts}, last first, so that they pop in order. */
  private static void pushAll(Deque<Object> work, Object[] parts) {
    for (int i = parts.length - 1; i >= 0; i--) {
      work.push(parts[i]);
    }
  }

  // The sign bit, so that x + (-0) prints as x - 0, not x + -0.
  private static boolean isNegative(double value) {
    return Double.doubleToRawLongBits(value) < 0 && !Double.isNaN(value);
  }

  /** A number as the grammar writes it: {@code 2}, {@code 0.5}, {@code 1.0e-3}. */
  public static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return (value == 0 && 1 / value < 0 ? "-" : "") + Long.toString((long) value);
    }
    return Double.toString(value).replace("E", "e");
  }
}
