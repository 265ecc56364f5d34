package org.symgrad.compiler.api;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.graph.ExpressionPrinter;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.model.Shapes;

/**
 * An expression of the model language, built by calls rather than parsed from text:
 *
 * <pre>{@code
 * import static org.symgrad.compiler.api.Expr.*;
 *
 * Expr y = w.times(x).plus(b);               // Kotlin: w * x + b
 * Expr s = exp(x.unaryMinus()).plus(1.0);    // Kotlin: exp(-x) + 1.0
 * Expr p = pow(x.minus(2.0), 3.0);           // Kotlin: (x - 2.0) pow 3
 * }</pre>
 *
 * <p>The instance methods carry Kotlin's operator names ({@code plus}, {@code minus}, {@code
 * times}, {@code div}, {@code unaryMinus}), so Kotlin's operators apply to them as they are;
 * the static methods are the grammar's functions. Operands may be {@code double}s.
 *
 * <p>An expression belongs to no graph. {@link ModelBuilder} writes it into a fresh graph at
 * each build through the parser's own {@link org.symgrad.compiler.parse.NodeWriter}, call for
 * call as the parser writes its text, so an expression and its text are the same nodes in the
 * same order. An expression records what was written ({@code a - b} is a subtraction, not
 * {@code a + (-b)}); how that becomes nodes is decided there, once. For equality and
 * printing, {@code a - b} is the graph's {@code a + (-b)}, and negating a constant gives the
 * negative constant ({@code -2}, not {@code -(2)}), as the parser gives.
 *
 * <p>Immutable and thread-safe. Equality is the graph's: two expressions are equal when they
 * would be the same node, so {@code x.times(2.0)} equals {@code constant(2.0).times(x)} (the
 * graph puts a product's constant first). {@link #toString()} prints the expression as the
 * grammar writes it.
 *
 * <p>Arrays are indexed through {@link Tensor#get} ({@code W[j, k]} in Kotlin, as Kotlin reads
 * a Java method named {@code get} as its indexing operator) and summed with {@link #sum}. An
 * expression knows its free indices and their ranges, so a mistake in shape (ranges that
 * disagree, as {@code W[j, k] * x[k]} for a 13 by 4 {@code W} and a 3-vector {@code x}) is
 * refused where it is written, with an {@link IllegalArgumentException}.
 */
public final class Expr {

  /** What an expression is; only {@link #APPLY} has inputs. */
  enum Kind {
    CONSTANT,
    VARIABLE,
    /** The prediction, in a loss: {@code pred}. */
    PREDICTION,
    /** The target column, in a loss: {@code target}. */
    TARGET,
    APPLY,
    /** An array's element: {@code W[j, 0]}; a leaf to the graph, expanded by the builder. */
    ELEMENT,
    /** {@code sum(j, body)}; a leaf to the graph, expanded by the builder. */
    SUM
  }

  /** Where an index got its range, for messages: {@code 13 in W[j, 0]}. */
  record Range(int extent, String where) {}

  /** {@code pred} and {@code target}, as {@link Loss#custom} hands them to a loss function. */
  static final Expr PREDICTION = new Expr(Kind.PREDICTION, null, List.of(), 0.0, "pred");

  static final Expr TARGET = new Expr(Kind.TARGET, null, List.of(), 0.0, "target");

  private final Kind kind;
  private final @Nullable Op op;
  private final List<Expr> inputs;
  private final double value;
  private final @Nullable String name;
  // Equal expressions are one node of a graph, whatever the order of a sum's or a product's
  // operands (the graph may swap them), so the hash of those ignores their order.
  private final int hash;
  // ELEMENT: the array and its subscripts, each an Index or an Integer.
  private final @Nullable Tensor tensor;
  private final List<Object> subscripts;
  // SUM: the index and what is added up. The body is not among the inputs: to the graph (and
  // so to equality and printing) a sum is a leaf, which only the builder expands.
  private final @Nullable Index index;
  private final @Nullable Expr body;
  // An ADD made by minus(): written as text's a - b (NodeWriter.subtract), not as a + (-b),
  // which is another text and, over indices, other nodes in another order.
  private final boolean subtraction;
  // The indices this expression leaves free, with their ranges, and those its sums bind.
  private final Map<String, Range> free;
  private final Set<String> bound;

  private Expr(Kind kind, @Nullable Op op, List<Expr> inputs, double value,
      @Nullable String name) {
    this(kind, op, inputs, value, name, null, List.of(), null, null, false);
  }

  private Expr(Kind kind, @Nullable Op op, List<Expr> inputs, double value,
      @Nullable String name, @Nullable Tensor tensor, List<Object> subscripts,
      @Nullable Index index, @Nullable Expr body, boolean subtraction) {
    this.kind = kind;
    this.op = op;
    this.inputs = inputs;
    this.value = value;
    this.name = name;
    this.tensor = tensor;
    this.subscripts = subscripts;
    this.index = index;
    this.body = body;
    this.subtraction = subtraction;
    this.hash = switch (kind) {
      case CONSTANT -> Long.hashCode(Double.doubleToLongBits(value));
      case VARIABLE, PREDICTION, TARGET -> Objects.hash(kind, name);
      case APPLY -> 31 * Objects.requireNonNull(op).hashCode() + (op.isCommutative()
          ? inputs.get(0).hash + inputs.get(1).hash
          : inputs.stream().mapToInt(e -> e.hash).reduce(17, (h, e) -> 31 * h + e));
      case ELEMENT -> Objects.hash(kind, name, subscripts);
      case SUM -> Objects.hash(kind, index, Objects.requireNonNull(body).hash);
    };
    this.free = IndexRanges.free(this);
    this.bound = IndexRanges.bound(this);
  }

  // --- leaves ---------------------------------------------------------------------------

  /**
   * The number {@code value}.
   *
   * @throws IllegalArgumentException for NaN and the infinities, which the grammar cannot
   *     write either
   */
  public static Expr constant(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a constant must be finite, got " + value);
    }
    return new Expr(Kind.CONSTANT, null, List.of(), value, null);
  }

  /**
   * The variable called {@code name}; in a model, a parameter or an input of that name. {@link
   * ModelBuilder#param} and {@link ModelBuilder#input} return these.
   *
   * @throws IllegalArgumentException for a name the grammar could not declare: not an
   *     identifier, {@code pred}, {@code target}, {@code sum} or a function's name
   */
  public static Expr variable(String name) {
    Names.check(name, "variable", false);
    return new Expr(Kind.VARIABLE, null, List.of(), 0.0, name);
  }

  /**
   * The element of {@code array} at {@code subscripts}, each an {@link Index} or an {@link
   * Integer}; {@link Tensor#get} calls this.
   */
  static Expr element(Tensor array, List<Object> subscripts) {
    List<Integer> shape = array.shape();
    if (subscripts.size() != shape.size()) {
      throw new IllegalArgumentException(array.name() + " has " + shape.size()
          + (shape.size() == 1 ? " index" : " indices") + " (shape " + Shapes.text(shape)
          + "), but " + subscripts.size() + (subscripts.size() == 1 ? " is" : " are")
          + " given");
    }
    for (int d = 0; d < shape.size(); d++) {
      Object subscript = Objects.requireNonNull(subscripts.get(d), "subscript");
      if (subscript instanceof Integer position && (position < 0 || position >= shape.get(d))) {
        throw new IllegalArgumentException("index " + position + " is out of range for "
            + array.name() + ": that axis has " + shape.get(d) + " elements, indexed 0 to "
            + (shape.get(d) - 1));
      }
    }
    return new Expr(Kind.ELEMENT, null, List.of(), 0.0, array.name(), array,
        List.copyOf(subscripts), null, null, false);
  }

  /**
   * {@code sum(index, body)}: body added up over the range of {@code index}, in index order,
   * {@code ((b0 + b1) + b2) + …}, as a file's sum.
   *
   * @throws IllegalArgumentException when the body does not use the index (its range would be
   *     unknown), or binds it already in a sum of its own
   */
  public static Expr sum(Index index, Expr body) {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(body, "body");
    return new Expr(Kind.SUM, null, List.of(), 0.0, "sum", null, List.of(), index, body,
        false);
  }

  // --- operators, with Kotlin's names ---------------------------------------------------

  /** {@code this + other}. */
  public Expr plus(Expr other) {
    return apply(Op.ADD, this, other);
  }

  /** {@code this + other}. */
  public Expr plus(double other) {
    return plus(constant(other));
  }

  /** {@code this - other}, which is {@code this + (-other)}. */
  public Expr minus(Expr other) {
    Expr negated = other.unaryMinus();
    if (negated.kind == Kind.CONSTANT) {
      return plus(negated);
    }
    Objects.requireNonNull(negated, "operand");
    return new Expr(Kind.APPLY, Op.ADD, List.of(this, negated), 0.0, null, null, List.of(),
        null, null, true);
  }

  /** {@code this - other}, which is {@code this + (-other)}. */
  public Expr minus(double other) {
    return minus(constant(other));
  }

  /** {@code this * other}. */
  public Expr times(Expr other) {
    return apply(Op.MUL, this, other);
  }

  /** {@code this * other}. */
  public Expr times(double other) {
    return times(constant(other));
  }

  /** {@code this / other}. */
  public Expr div(Expr other) {
    return apply(Op.DIV, this, other);
  }

  /** {@code this / other}. */
  public Expr div(double other) {
    return div(constant(other));
  }

  /** {@code -this}; the negative number itself when this is a number, as the parser folds it. */
  public Expr unaryMinus() {
    return kind == Kind.CONSTANT ? constant(-value) : apply(Op.NEG, this);
  }

  // --- the grammar's functions ----------------------------------------------------------

  /** {@code a ^ b}. */
  public static Expr pow(Expr a, Expr b) {
    return apply(Op.POW, a, b);
  }

  /** {@code a ^ b}. */
  public static Expr pow(Expr a, double b) {
    return pow(a, constant(b));
  }

  /** {@code a ^ b}. */
  public static Expr pow(double a, Expr b) {
    return pow(constant(a), b);
  }

  /** The smaller of a and b; at a tie the gradient is split equally, as torch.minimum's. */
  public static Expr min(Expr a, Expr b) {
    return apply(Op.MIN, a, b);
  }

  public static Expr min(Expr a, double b) {
    return min(a, constant(b));
  }

  public static Expr min(double a, Expr b) {
    return min(constant(a), b);
  }

  /** The larger of a and b; at a tie the gradient is split equally, as torch.maximum's. */
  public static Expr max(Expr a, Expr b) {
    return apply(Op.MAX, a, b);
  }

  public static Expr max(Expr a, double b) {
    return max(a, constant(b));
  }

  public static Expr max(double a, Expr b) {
    return max(constant(a), b);
  }

  public static Expr exp(Expr x) {
    return apply(Op.EXP, x);
  }

  public static Expr log(Expr x) {
    return apply(Op.LOG, x);
  }

  public static Expr sqrt(Expr x) {
    return apply(Op.SQRT, x);
  }

  public static Expr sin(Expr x) {
    return apply(Op.SIN, x);
  }

  public static Expr cos(Expr x) {
    return apply(Op.COS, x);
  }

  public static Expr tan(Expr x) {
    return apply(Op.TAN, x);
  }

  public static Expr tanh(Expr x) {
    return apply(Op.TANH, x);
  }

  public static Expr sinh(Expr x) {
    return apply(Op.SINH, x);
  }

  public static Expr cosh(Expr x) {
    return apply(Op.COSH, x);
  }

  public static Expr asin(Expr x) {
    return apply(Op.ASIN, x);
  }

  public static Expr acos(Expr x) {
    return apply(Op.ACOS, x);
  }

  public static Expr atan(Expr x) {
    return apply(Op.ATAN, x);
  }

  /** {@code |x|}; its derivative at 0 is 0, as PyTorch's. */
  public static Expr abs(Expr x) {
    return apply(Op.ABS, x);
  }

  /** {@code 1 / (1 + exp(-x))}. */
  public static Expr sigmoid(Expr x) {
    return apply(Op.SIGMOID, x);
  }

  /** {@code max(x, 0)}; its derivative at 0 is 0, as PyTorch's. */
  public static Expr relu(Expr x) {
    return apply(Op.RELU, x);
  }

  /** {@code log(1 + exp(x))}, computed without overflow. */
  public static Expr softplus(Expr x) {
    return apply(Op.SOFTPLUS, x);
  }

  /** {@code log(1 + x)}, accurate near 0. */
  public static Expr log1p(Expr x) {
    return apply(Op.LOG1P, x);
  }

  /** {@code exp(x) - 1}, accurate near 0. */
  public static Expr expm1(Expr x) {
    return apply(Op.EXPM1, x);
  }

  private static Expr apply(Op op, Expr... inputs) {
    for (Expr input : inputs) {
      Objects.requireNonNull(input, "operand");
    }
    return new Expr(Kind.APPLY, op, List.of(inputs), 0.0, null);
  }

  // --- for the builder ------------------------------------------------------------------

  Kind kind() {
    return kind;
  }

  /** The op, of an {@link Kind#APPLY}. */
  Op op() {
    return Objects.requireNonNull(op, "not an application");
  }

  List<Expr> inputs() {
    return inputs;
  }

  double value() {
    return value;
  }

  /** The name, of a variable, {@code pred} or {@code target}; an element's array's. */
  String name() {
    return Objects.requireNonNull(name, "not a named leaf");
  }

  /** The array, of an element. */
  Tensor tensor() {
    return Objects.requireNonNull(tensor, "not an element");
  }

  /** The subscripts of an element: Index or Integer. */
  List<Object> subscripts() {
    return subscripts;
  }

  /** The index of a sum. */
  Index index() {
    return Objects.requireNonNull(index, "not a sum");
  }

  /** What a sum adds up. */
  Expr body() {
    return Objects.requireNonNull(body, "not a sum");
  }

  /** Whether this is {@code a - b}, an ADD of {@code a} and {@code -b} made by minus(). */
  boolean isSubtraction() {
    return subtraction;
  }

  /** The free indices, with their ranges, in order of first use. */
  Map<String, Range> free() {
    return free;
  }

  /** The indices bound by sums within. */
  Set<String> bound() {
    return bound;
  }

  /** How a leaf reads: {@code w}, {@code pred}, {@code W[j, 0]}, {@code sum(j, w[j] * x[j])}. */
  private String leafText(Map<Expr, String> names) {
    return switch (kind) {
      case ELEMENT -> {
        StringBuilder text = new StringBuilder(name).append('[');
        for (int i = 0; i < subscripts.size(); i++) {
          text.append(i == 0 ? "" : ", ").append(subscripts.get(i));
        }
        yield text.append(']').toString();
      }
      case SUM -> "sum(" + index + ", " + text(Objects.requireNonNull(body), names) + ")";
      default -> name();
    };
  }

  /** How a leaf reads, for messages: {@code W[j, 0]}. */
  String leafText() {
    return leafText(Map.of());
  }

  /**
   * This expression written into a fresh graph with every leaf a variable named as it reads,
   * and {@code pred} and {@code target} variables of those names: what it would be as text.
   * The expressions of {@code names} (by identity) are variables of those names too.
   */
  private Node standalone(Graph graph, Map<Expr, String> names) {
    Map<Expr, Node> preset = new IdentityHashMap<>();
    names.forEach((expr, let) -> preset.put(expr, graph.variable(let)));
    return TensorWriter.writeScalar(graph, this, leaf -> graph.variable(leaf.leafText(names)),
        preset);
  }

  /** {@code expr} as the grammar writes it, each of {@code names} (by identity) by its name. */
  static String text(Expr expr, Map<Expr, String> names) {
    return ExpressionPrinter.print(expr.standalone(new Graph(), names));
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Expr that) || hash != that.hash) {
      return false;
    }
    // 'pred' and 'target' cannot be variables' names, so no variable is mistaken for them.
    Graph graph = new Graph();
    return standalone(graph, Map.of()) == that.standalone(graph, Map.of());
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** The expression as the grammar writes it: {@code w * x + b}, {@code exp(-x)}. */
  @Override
  public String toString() {
    return text(this, Map.of());
  }
}
