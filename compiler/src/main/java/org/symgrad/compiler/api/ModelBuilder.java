package org.symgrad.compiler.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.LossRules;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.model.ParamRules;
import org.symgrad.compiler.model.Shapes;
import org.symgrad.compiler.model.UseRules.Place;
import org.symgrad.compiler.model.UseRules.Role;
import org.symgrad.compiler.parse.Declared;
import org.symgrad.compiler.parse.IndexedNodes;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.ParameterInfo;

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
 * <p>Each call is one line of the equivalent {@code .sg} file, and {@link #build()} reads them
 * as the parser reads the file: lets, the prediction and the penalty in the order they were
 * given, then the loss. So a builder and its file give the same nodes in the same order, and
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
  private @Nullable String data;
  private final BuilderScope scope;
  private final List<String> inputs = new ArrayList<>();
  private int parameterSize;
  private @Nullable String target;
  private final List<ParameterInfo> parameters = new ArrayList<>();
  private final List<Statement> statements = new ArrayList<>();
  private @Nullable Expr prediction;
  private @Nullable String outputName; // of a vector prediction
  private @Nullable Expr penalty;
  private @Nullable Loss loss;

  /** A builder of the model called {@code name}, as a file's base name names it. */
  public ModelBuilder(String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a model needs a name");
    }
    this.name = name;
    this.scope = new BuilderScope(name);
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
    return this;
  }

  /** {@code input NAME}: a data column the model reads. */
  public Expr input(String name) {
    scope.declare(name, Role.INPUT);
    inputs.add(name);
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
    scope.checkColumns(name, columns);
    checkBudget(name, columns.size());
    scope.declareColumns(name, columns);
    inputs.addAll(columns);
    Tensor tensor = new Tensor(name, List.of(columns.size()), "input");
    scope.addTensor(tensor);
    return tensor;
  }


  /** {@code target NAME}: the data column to predict, which only the loss can use. */
  public ModelBuilder target(String name) {
    requireUnset(target, "target", name);
    scope.declare(name, Role.TARGET);
    target = name;
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
    scope.declare(name, Role.PARAM);
    parameters.add(ParameterInfo.scalar(name, parameterSize++, initializer));
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
    scope.declare(name, Role.PARAM);
    ParameterInfo info = new ParameterInfo(name, shape, parameterSize, initializer);
    parameters.add(info);
    parameterSize += info.size();
    Tensor tensor = new Tensor(name, shape, "parameter");
    scope.addTensor(tensor);
    return tensor;
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
    BuilderChecks.requireNoFreeIndex(value, "let '" + name + "'");
    scope.declare(name, Role.LET);
    statements.add(new Statement(Place.LET, "let '" + name + "'", value, name));
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
    scope.declare(name, Role.LET);
    Tensor tensor = new Tensor(name, shape, "let");
    scope.addTensor(tensor);
    statements.add(new Statement(Place.LET, where, value, name, List.copyOf(indices)));
    return tensor;
  }

  /** {@code model EXPR}: the prediction, in params, inputs and lets. */
  public ModelBuilder predict(Expr prediction) {
    requireUnset(this.prediction, "prediction", prediction);
    BuilderChecks.requireNoFreeIndex(Objects.requireNonNull(prediction, "prediction"),
        "the prediction");
    this.prediction = prediction;
    statements.add(new Statement(Place.MODEL, "the prediction", prediction, null));
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
    this.outputName = name;
    statements.add(new Statement(Place.MODEL, where, value, null, List.of(index)));
    return this;
  }

  /** {@code loss NAME}; mse if never called. */
  public ModelBuilder loss(Loss loss) {
    requireUnset(this.loss, "loss", loss);
    this.loss = Objects.requireNonNull(loss, "loss");
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
    statements.add(new Statement(Place.PENALTY, "the penalty", penalty, null));
    return this;
  }

  /**
   * The model, in a new graph.
   *
   * @throws IllegalStateException when the prediction, the target or every parameter is
   *     missing, or an expression uses a name it may not: undeclared, the target, an input in
   *     the penalty, {@code pred} outside the loss
   */
  public ModelDefinition build() {
    checkComplete();
    String targetName = Objects.requireNonNull(target);
    Graph graph = new Graph();
    Node predictionNode = null;
    Node penaltyNode = null;
    // The parser makes the inputs' and params' variables first, in declaration order, an
    // array's row-major (a large one's as they are read: ElementVariables); node ids order the
    // kernel's instructions, so the builder does the same.
    scope.roles().forEach((declared, role) -> {
      if (role == Role.INPUT || role == Role.PARAM) {
        scope.elements(graph, declared);
      }
    });
    List<Node> outputs = List.of();
    // The lets read so far, as the parser keeps them: a scalar's node, an array's elements.
    Map<String, Declared> lets = new LinkedHashMap<>();
    Set<String> inputLets = new HashSet<>(); // the lets that depend on an input
    for (Statement statement : statements) {
      scope.checkIndices(statement);
      boolean[] usesInput = {false};
      TensorWriter.Leaves leaves = new TensorWriter.Leaves() {
        @Override
        public Node scalar(Expr leaf) {
          usesInput[0] |= leaf.kind() == Expr.Kind.VARIABLE
              && (scope.role(leaf.name()) == Role.INPUT || inputLets.contains(leaf.name()));
          return scope.resolve(graph, leaf, statement, lets, inputLets);
        }

        @Override
        public List<Node> elements(Expr element) {
          String array = element.name();
          usesInput[0] |= scope.role(array) == Role.INPUT || inputLets.contains(array);
          return scope.resolveArray(graph, element, statement, lets, inputLets);
        }
      };
      List<String> order = statement.indices().stream().map(Index::name).toList();
      IndexedNodes written =
          TensorWriter.write(graph, statement.expr(), leaves, order);
      String let = statement.let();
      switch (statement.part()) {
        case LET -> {
          if (usesInput[0]) {
            inputLets.add(Objects.requireNonNull(let));
          }
          lets.put(Objects.requireNonNull(let), statement.indices().isEmpty()
              ? Declared.scalar("a let", written.node())
              : new Declared("a let", written.extents(), written.elements()));
        }
        case MODEL -> {
          outputs = written.elements();
          predictionNode = outputs.get(0);
        }
        case PENALTY -> penaltyNode = written.node();
      }
    }
    Objects.requireNonNull(predictionNode);
    Loss chosen = BuilderChecks.chooseLoss(loss, outputName != null, outputs.size(), name);
    Node sampleLoss = chosen.write(graph, outputs, targetName);
    // Texts call the lets by their names, as the file would have them written.
    Map<String, Node> letElements = Declared.elementsByName(lets);
    Map<Node, String> letNames = new IdentityHashMap<>();
    letElements.forEach((let, node) -> letNames.putIfAbsent(node, let));
    return new ModelDefinition(name, source, Optional.ofNullable(data), graph, inputs,
        targetName, parameters, letElements, predictionNode,
        Statement.text(statements, Place.MODEL, predictionNode, letNames, outputName),
        sampleLoss, chosen.text(),
        penaltyNode == null ? graph.constant(0.0) : penaltyNode,
        penaltyNode == null ? "" : Statement.text(statements, Place.PENALTY, penaltyNode,
            letNames, outputName), outputs,
        chosen.takes() == LossRules.Takes.CLASS_SCORES ? outputs.size() : 0);
  }


  /** The model built and compiled to bytecode: {@code Symgrad.compile(build())}. */
  public CompiledModel compile() {
    return Symgrad.compile(build());
  }

  // --- checks ---------------------------------------------------------------------------

  // As a model file: every element of every param and input counts, used or not.
  private void checkBudget(String name, int size) {
    long total = (long) parameterSize + inputs.size() + size;
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

  private void checkComplete() {
    if (prediction == null) {
      throw new IllegalStateException("model '" + name + "' has no prediction: call"
          + " predict(...), as in predict(w * x + b)");
    }
    if (target == null) {
      throw new IllegalStateException("model '" + name + "' has no target: call target(...)"
          + " with the data column to predict");
    }
    if (parameters.isEmpty()) {
      throw new IllegalStateException("model '" + name + "' has no parameter: call"
          + " param(...); a model needs a parameter to fit");
    }
  }

}
