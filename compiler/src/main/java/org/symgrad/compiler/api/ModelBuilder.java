package org.symgrad.compiler.api;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.model.Namespace;
import org.symgrad.compiler.model.ParamRules;
import org.symgrad.compiler.model.Shapes;
import org.symgrad.compiler.model.UseRules.Role;
import org.symgrad.compiler.parse.BuiltLines;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Initializer;

/**
 * A model file's declarations, made by calls: the builder of a {@link ModelDefinition}.
 *
 * <pre>{@code
 * ModelBuilder m = new ModelBuilder("thermometer");
 * Expr w = m.param("w", 1.0);
 * Expr b = m.param("b", 0.0);
 * Expr tU = m.input("t_u");
 * m.target("t_c");
 * Expr tUn = m.let("t_un", constant(0.1).times(tU));
 * m.predict(w.times(tUn).plus(b)).loss(Loss.MSE);
 * CompiledModel model = m.compile();
 * }</pre>
 *
 * <p>Parameters and inputs may be arrays, indexed with {@link Index}es and summed with {@link
 * Expr#sum}; a let may be over indices. The network of {@code thermometer_mlp.sg}:
 *
 * <pre>{@code
 * Index j = m.index("j");
 * Tensor w1 = m.param("W1", shape(13, 1), linearInit(1));
 * Tensor b1 = m.param("b1", shape(13), linearInit(1));
 * Tensor w2 = m.param("w2", shape(13), linearInit(13));
 * Expr b2 = m.param("b2", linearInit(13));
 * Tensor h = m.let("h", j, tanh(w1.get(j, 0).times(tUn).plus(b1.get(j))));   // let h[j] = …
 * m.predict(sum(j, w2.get(j).times(h.get(j))).plus(b2));
 * }</pre>
 *
 * <p>Each call records one line of the equivalent {@code .sg} file, as the parser records it
 * ({@link BuiltLines}), and {@link #build()} hands the lines to the parser's own checker, which
 * reads them as it reads the file: params and inputs, then lets, the prediction and the
 * penalty in the order they were given, then the loss, every expression written through the
 * parser's graph writer. So a builder and its file give the same nodes in the same order, and
 * hence the same kernel, bit for bit. The rules are the file's too: names are declared once,
 * the prediction uses params, inputs and earlier lets (a scalar let by its expression or by
 * name, {@code Expr.variable("t_un")}), the penalty params and lets of params only, the loss
 * {@code pred} and {@code target} only; the loss is mse unless set.
 *
 * <p>Names are checked when declared ({@link IllegalArgumentException}); what needs the whole
 * model, when it is built ({@link IllegalStateException}), each with a message naming the
 * culprit. A builder is not thread-safe; each {@link #build()} makes a new graph, so one
 * builder may build several independent definitions.
 */
public final class ModelBuilder {
  /** The source name of a built model's messages and generated code. */
  public static final String SOURCE = "<builder>";

  private final String name;
  private String source = SOURCE;
  private final BuilderWording wording;
  private final BuiltLines lines = new BuiltLines();
  // The arrays declared, by name: vector params and inputs, lets over indices.
  private final Map<String, Tensor> arrays = new LinkedHashMap<>();
  // The scalar lets' expressions, which a line's text calls by their names.
  private final Map<Expr, String> scalarLets = new IdentityHashMap<>();
  private long elements; // of the params and inputs, as a model file counts them
  private @Nullable String data;
  private @Nullable String target;
  private @Nullable Expr prediction;
  private @Nullable Expr penalty;
  private @Nullable Loss loss;

  /** A builder of the model called {@code name}, as a file's base name names it. */
  public ModelBuilder(String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a model needs a name");
    }
    this.name = name;
    this.wording = new BuilderWording(name);
  }

  /** Where the model comes from, for messages; default {@value #SOURCE}. */
  public ModelBuilder source(String source) {
    this.source = Objects.requireNonNull(source, "source");
    return this;
  }

  /** The default data file, as a file's {@code data} line: relative to the model file. */
  public ModelBuilder data(String path) {
    requireUnset(data, "data", path);
    this.data = Objects.requireNonNull(path, "path");
    lines.data(path);
    return this;
  }

  /** {@code input NAME}: a data column the model reads. */
  public Expr input(String name) {
    declare(name, Role.INPUT);
    elements++;
    lines.input(name, List.of(), List.of(name));
    return Expr.variable(name);
  }

  /**
   * {@code input NAME[size]}: a vector over the columns {@code NAME0}, {@code NAME1}, …
   *
   * @throws IllegalArgumentException for a size below 1, or a column that is another name
   */
  public Tensor input(String name, int size) {
    if (size < 1 || size > Shapes.MAX_ELEMENTS) {
      throw new IllegalArgumentException("input '" + name + "' needs a size from 1 to "
          + Shapes.MAX_ELEMENTS + ", got " + size);
    }
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      columns.add(Shapes.columnName(name, i));
    }
    return vectorInput(name, columns);
  }

  /**
   * {@code input NAME[n] = col, …}: a vector over the named columns, in order.
   *
   * @throws IllegalArgumentException for no column, or a column that is another name or
   *     another input's column
   */
  public Tensor input(String name, List<String> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("input '" + name + "' needs at least one column");
    }
    return vectorInput(name, List.copyOf(columns));
  }

  private Tensor vectorInput(String name, List<String> columns) {
    Names.check(name, "input", false);
    for (String column : columns) {
      Names.check(column, "column", false);
      Namespace.Conflict<Role> conflict = lines.columnConflict(column);
      String other = conflict != null ? BuilderWording.columnOwner(conflict)
          : column.equals(name) ? "the input's own name"
          : columns.indexOf(column) != columns.lastIndexOf(column) ? "another of its columns"
          : null;
      if (other != null) {
        throw wording.columnClash(name, column, other);
      }
    }
    checkBudget(name, columns.size());
    declare(name, Role.INPUT);
    elements += columns.size();
    List<Integer> shape = List.of(columns.size());
    lines.input(name, shape, columns);
    return array(new Tensor(name, shape, "input"));
  }

  /** {@code target NAME}: the data column to predict, which only the loss can use. */
  public ModelBuilder target(String name) {
    requireUnset(target, "target", name);
    declare(name, Role.TARGET);
    target = name;
    lines.target(name);
    return this;
  }

  /** {@code param NAME}: a parameter starting at 0. */
  public Expr param(String name) {
    return param(name, new Initializer.Constant(0.0));
  }

  /** {@code param NAME = initial}. */
  public Expr param(String name, double initial) {
    return param(name, new Initializer.Constant(initial));
  }

  /**
   * {@code param NAME = uniform(a, b)}, {@code normal(mean, std)} or a constant.
   *
   * @throws IllegalArgumentException for numbers a model file refuses: NaN, infinities, and a
   *     uniform range wider than the largest double
   */
  public Expr param(String name, Initializer initializer) {
    BuilderChecks.checkInitializer(name, initializer);
    declare(name, Role.PARAM);
    elements++;
    lines.param(name, List.of(), initializer);
    return Expr.variable(name);
  }

  /** {@code param NAME[shape]}: an array of parameters starting at 0. */
  public Tensor param(String name, List<Integer> shape) {
    return param(name, shape, new Initializer.Constant(0.0));
  }

  /** {@code param NAME[shape] = initial}. */
  public Tensor param(String name, List<Integer> shape, double initial) {
    return param(name, shape, new Initializer.Constant(initial));
  }

  /**
   * {@code param NAME[shape] = init}: an array of parameters, stored row-major in the flat
   * parameter array, each element drawing its own initial value.
   *
   * @throws IllegalArgumentException for an empty shape (use {@link #param(String,
   *     Initializer)}), an extent below 1, too many elements, or an initializer a file refuses
   */
  public Tensor param(String name, List<Integer> shape, Initializer initializer) {
    BuilderChecks.checkInitializer(name, initializer);
    BuilderChecks.checkShape(name, shape);
    checkBudget(name, Shapes.size(shape));
    declare(name, Role.PARAM);
    elements += Shapes.size(shape);
    lines.param(name, List.copyOf(shape), initializer);
    return array(new Tensor(name, shape, "parameter"));
  }

  /** A shape, for {@link #param(String, List, Initializer)}: {@code shape(13, 4)}. */
  public static List<Integer> shape(int... extents) {
    List<Integer> shape = new ArrayList<>();
    for (int extent : extents) {
      shape.add(extent);
    }
    return List.copyOf(shape);
  }

  /**
   * A file's {@code linear_init(fan_in)}, PyTorch's default for {@code nn.Linear}: uniform on
   * {@code [-1/sqrt(fan_in), 1/sqrt(fan_in))}.
   */
  public static Initializer linearInit(double fanIn) {
    if (!ParamRules.isFanIn(fanIn)) {
      throw new IllegalArgumentException("linearInit(" + fanIn + ") needs a whole number"
          + " fan_in >= 1: the number of inputs of the layer");
    }
    return ParamRules.linearInit(fanIn);
  }

  /**
   * The index called {@code name}, to bind with {@link Expr#sum} or a let over indices; the
   * same as {@link Index#of}.
   */
  public Index index(String name) {
    return Index.of(name);
  }

  /**
   * {@code let NAME = value}: names an intermediate, which the kernel's listing and generated
   * code then call by that name. Returns {@code value}, to use in later expressions.
   */
  public Expr let(String name, Expr value) {
    Objects.requireNonNull(value, "value");
    String where = "let '" + name + "'";
    BuilderChecks.requireNoFreeIndex(value, where);
    declare(name, Role.LET);
    lines.let(name, List.of(), line(value, where));
    scalarLets.putIfAbsent(value, name);
    return value;
  }

  /**
   * {@code let NAME[index] = value}: a vector, one element for each value of {@code index},
   * which the line binds. Index the result as an array: {@code h.get(j)}.
   *
   * @throws IllegalArgumentException when {@code value} leaves another index free or does not
   *     use {@code index}
   */
  public Tensor let(String name, Index index, Expr value) {
    return let(name, List.of(index), value);
  }

  /** {@code let NAME[i, j, …] = value}: an array over the indices, in their order. */
  public Tensor let(String name, List<Index> indices, Expr value) {
    Objects.requireNonNull(value, "value");
    String where = "let '" + name + "'";
    if (indices.isEmpty()) {
      throw new IllegalArgumentException(where + " has no index: for a number, call"
          + " let(name, value)");
    }
    List<Integer> shape = BuilderChecks.lineShape(where, indices, value, "j in w[j]",
        "add it to the let's indices");
    declare(name, Role.LET);
    lines.let(name, names(indices), line(value, where));
    return array(new Tensor(name, shape, "let"));
  }

  /** {@code model EXPR}: the prediction, in params, inputs and lets. */
  public ModelBuilder predict(Expr prediction) {
    requireUnset(this.prediction, "prediction", prediction);
    BuilderChecks.requireNoFreeIndex(Objects.requireNonNull(prediction, "prediction"),
        "the prediction");
    this.prediction = prediction;
    lines.model(null, List.of(), line(prediction, "the prediction"), text(prediction));
    return this;
  }

  /**
   * {@code model NAME[index] = value}: a vector of outputs, one for each value of {@code
   * index}, such as class scores for {@link Loss#CROSS_ENTROPY}; {@code predict} writes
   * {@code out[row * K + k]}.
   *
   * @throws IllegalArgumentException when {@code value} leaves another index free or does not
   *     use {@code index}
   */
  public ModelBuilder predict(String name, Index index, Expr value) {
    Objects.requireNonNull(value, "value");
    requireUnset(this.prediction, "prediction", value);
    Names.check(name, "output", false);
    String where = "the prediction '" + name + "'";
    BuilderChecks.lineShape(where, List.of(index), value, "k in c[k]", "");
    this.prediction = value;
    lines.model(name, List.of(index.name()), line(value, where),
        name + "[" + index + "] = " + text(value));
    return this;
  }

  /** {@code loss NAME}; mse if never called. */
  public ModelBuilder loss(Loss loss) {
    requireUnset(this.loss, "loss", loss);
    this.loss = Objects.requireNonNull(loss, "loss");
    Expr custom = loss.custom();
    lines.loss(loss.text(), loss.name(), loss.delta(),
        custom == null ? null : line(custom, "the loss"));
    return this;
  }

  /** {@code loss EXPR}, an expression in {@code pred} and {@code target}: {@link Loss#custom}. */
  public ModelBuilder loss(LossFunction loss) {
    return loss(Loss.custom(loss));
  }

  /** {@code penalty EXPR}: a term in params only, added once to the mean loss. */
  public ModelBuilder penalty(Expr penalty) {
    requireUnset(this.penalty, "penalty", penalty);
    BuilderChecks.requireNoFreeIndex(Objects.requireNonNull(penalty, "penalty"), "the penalty");
    this.penalty = penalty;
    lines.penalty(line(penalty, "the penalty"), text(penalty));
    return this;
  }

  /**
   * The model, in a new graph: the lines checked by the parser's checker.
   *
   * @throws IllegalStateException when the prediction, the target or every parameter is
   *     missing, or an expression uses a name it may not: undeclared, the target, an input in
   *     the penalty, {@code pred} outside the loss
   */
  public ModelDefinition build() {
    return lines.check(name, source, wording);
  }

  /** The model built and compiled to bytecode: {@code Symgrad.compile(build())}. */
  public CompiledModel compile() {
    return Symgrad.compile(build());
  }

  // --- checks ---------------------------------------------------------------------------

  private void declare(String name, Role role) {
    Names.check(name, BuilderWording.noun(role), role == Role.TARGET);
    Namespace.Conflict<Role> conflict = lines.conflict(name, role);
    if (conflict != null) {
      throw wording.clash(name, conflict);
    }
  }

  private Tensor array(Tensor tensor) {
    arrays.put(tensor.name(), tensor);
    return tensor;
  }

  private BuiltLine line(Expr expr, String where) {
    return new BuiltLine(expr, where, wording, arrays);
  }

  // The line as a file writes it: each scalar let declared before it by its name.
  private String text(Expr expr) {
    Map<Expr, String> lets = new IdentityHashMap<>(scalarLets);
    lets.remove(expr);
    return Expr.text(expr, lets);
  }

  private static List<String> names(List<Index> indices) {
    return indices.stream().map(Index::name).toList();
  }

  // As a model file: every element of every param and input counts, used or not.
  private void checkBudget(String name, int size) {
    long total = elements + size;
    if (ParamRules.isOverBudget(total)) {
      throw new IllegalArgumentException("the params and inputs of model '" + this.name
          + "' up to '" + name + "' have " + total + " elements, more than "
          + Shapes.MAX_MODEL_ELEMENTS + " in one model: each is a number in the parameters,"
          + " the gradient and the optimizer's state, whether the model uses it or not");
    }
  }

  private void requireUnset(@Nullable Object current, String what, @Nullable Object next) {
    if (current != null) {
      throw new IllegalStateException("model '" + name + "' has its " + what + " already ("
          + current + "), so it cannot be set to " + next);
    }
  }
}
