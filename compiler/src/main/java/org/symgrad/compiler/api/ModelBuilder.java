package org.symgrad.compiler.api;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.graph.ExpressionPrinter;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.ModelDefinition;
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
 * <p>Each call is one line of the equivalent {@code .sg} file, and {@link #build()} reads them
 * as the parser reads the file: lets, the prediction and the penalty in the order they were
 * given, then the loss. So a builder and its file give the same nodes in the same order, and
 * hence the same kernel, bit for bit. The rules are the file's too: names are declared once,
 * the prediction uses params and inputs, the penalty params only, the loss {@code pred} and
 * {@code target} only; the loss is mse unless set.
 *
 * <p>Names are checked when declared ({@link IllegalArgumentException}); what needs the whole
 * model, when it is built ({@link IllegalStateException}), each with a message naming the
 * culprit. A builder is not thread-safe; each {@link #build()} makes a new graph, so one
 * builder may build several independent definitions.
 */
public final class ModelBuilder {
  /** The source name of a built model's messages and generated code. */
  public static final String SOURCE = "<builder>";

  private enum Role {
    INPUT("input", "an input"),
    TARGET("target", "the target"),
    PARAM("parameter", "a parameter"),
    LET("let", "a let");

    final String noun;
    final String description;

    Role(String noun, String description) {
      this.noun = noun;
      this.description = description;
    }
  }

  private enum Part { LET, PREDICTION, PENALTY }

  /**
   * A line with an expression, in the order given: a let (named {@code let}), the prediction
   * or the penalty; {@code where} says which in messages.
   */
  private record Statement(Part part, String where, Expr expr, @Nullable String let) {}

  private final String name;
  private String source = SOURCE;
  private @Nullable String data;
  private final Map<String, Role> roles = new LinkedHashMap<>();
  private final List<String> inputs = new ArrayList<>();
  private @Nullable String target;
  private final List<ParameterInfo> parameters = new ArrayList<>();
  private final List<Statement> statements = new ArrayList<>();
  private @Nullable Expr prediction;
  private @Nullable Expr penalty;
  private @Nullable Loss loss;

  /** A builder of the model called {@code name}, as a file's base name names it. */
  public ModelBuilder(String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a model needs a name");
    }
    this.name = name;
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
    declare(name, Role.INPUT);
    inputs.add(name);
    return Expr.variable(name);
  }

  /** {@code target NAME}: the data column to predict, which only the loss can use. */
  public ModelBuilder target(String name) {
    requireUnset(target, "target", name);
    declare(name, Role.TARGET);
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
    checkInitializer(name, initializer);
    declare(name, Role.PARAM);
    parameters.add(ParameterInfo.scalar(name, parameters.size(), initializer));
    return Expr.variable(name);
  }

  /**
   * {@code let NAME = value}: names an intermediate, which the kernel's listing and generated
   * code then call by that name. Returns {@code value}, to use in later expressions.
   */
  public Expr let(String name, Expr value) {
    Objects.requireNonNull(value, "value");
    declare(name, Role.LET);
    statements.add(new Statement(Part.LET, "let '" + name + "'", value, name));
    return value;
  }

  /** {@code model EXPR}: the prediction, in params, inputs and lets. */
  public ModelBuilder predict(Expr prediction) {
    requireUnset(this.prediction, "prediction", prediction);
    this.prediction = Objects.requireNonNull(prediction, "prediction");
    statements.add(new Statement(Part.PREDICTION, "the prediction", prediction, null));
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
    this.penalty = Objects.requireNonNull(penalty, "penalty");
    statements.add(new Statement(Part.PENALTY, "the penalty", penalty, null));
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
    Map<String, Node> lets = new LinkedHashMap<>();
    Node predictionNode = null;
    Node penaltyNode = null;
    // The parser makes the inputs' and params' variables first, in declaration order; node
    // ids order the kernel's instructions, so the builder does the same.
    roles.forEach((declared, role) -> {
      if (role == Role.INPUT || role == Role.PARAM) {
        graph.variable(declared);
      }
    });
    for (Statement statement : statements) {
      Node node = GraphWriter.write(graph, statement.expr(),
          leaf -> resolve(graph, leaf, statement));
      switch (statement.part()) {
        case LET -> lets.put(Objects.requireNonNull(statement.let()), node);
        case PREDICTION -> predictionNode = node;
        case PENALTY -> penaltyNode = node;
      }
    }
    Objects.requireNonNull(predictionNode);
    Loss chosen = loss == null ? Loss.MSE : loss;
    Node sampleLoss = chosen.write(graph, predictionNode, targetName);
    // Texts call the lets by their names, as the file would have them written.
    Map<Node, String> letNames = new IdentityHashMap<>();
    lets.forEach((let, node) -> letNames.putIfAbsent(node, let));
    return new ModelDefinition(name, source, Optional.ofNullable(data), graph, inputs,
        targetName, parameters, lets, predictionNode,
        ExpressionPrinter.print(predictionNode, letNames), sampleLoss, chosen.text(),
        penaltyNode == null ? graph.constant(0.0) : penaltyNode,
        penaltyNode == null ? "" : ExpressionPrinter.print(penaltyNode, letNames));
  }

  /** The model built and compiled to bytecode: {@code Symgrad.compile(build())}. */
  public CompiledModel compile() {
    return Symgrad.compile(build());
  }

  // --- checks ---------------------------------------------------------------------------

  private void declare(String name, Role role) {
    Names.check(name, role.noun, role == Role.TARGET);
    Role first = roles.putIfAbsent(name, role);
    if (first != null) {
      throw new IllegalArgumentException("'" + name + "' is declared twice: it is already "
          + first.description + " of model '" + this.name + "'");
    }
  }

  private void requireUnset(@Nullable Object current, String what, @Nullable Object next) {
    if (current != null) {
      throw new IllegalStateException("model '" + name + "' has its " + what + " already ("
          + current + "), so it cannot be set to " + next);
    }
  }

  private static void checkInitializer(String name, Initializer initializer) {
    boolean finite;
    if (initializer instanceof Initializer.Constant c) {
      finite = Double.isFinite(c.value());
    } else if (initializer instanceof Initializer.Uniform u) {
      finite = Double.isFinite(u.low()) && Double.isFinite(u.high() - u.low());
    } else {
      Initializer.Normal n = (Initializer.Normal) initializer;
      finite = Double.isFinite(n.mean()) && Double.isFinite(n.std());
    }
    if (!finite) {
      throw new IllegalArgumentException("the initializer of parameter '" + name + "' is "
          + initializer + ": its numbers must be finite, as a model file's must");
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

  /** The node of a variable, or {@code pred} or {@code target}, where {@code statement} uses it. */
  private Node resolve(Graph graph, Expr leaf, Statement statement) {
    String where = statement.where();
    if (leaf.kind() != Expr.Kind.VARIABLE) {
      throw new IllegalStateException("'" + leaf.name() + "' is only meaningful in a loss,"
          + " but " + where + " of model '" + name + "' uses it");
    }
    String variable = leaf.name();
    Role role = roles.get(variable);
    boolean isPenalty = statement.part() == Part.PENALTY;
    if (role == Role.PARAM || (role == Role.INPUT && !isPenalty)) {
      return graph.variable(variable);
    }
    if (role == null) {
      throw new IllegalStateException("unknown name '" + variable + "' in " + where
          + " of model '" + name + "'; declared " + (isPenalty ? "parameters" : "names") + ": "
          + String.join(", ", usable(isPenalty)));
    }
    if (isPenalty) {
      throw new IllegalStateException("the penalty of model '" + name + "' can use parameters"
          + " only, but '" + variable + "' is " + role.description);
    }
    throw new IllegalStateException(where + " of model '" + name + "' cannot use '" + variable
        + "', " + role.description + (role == Role.TARGET
            ? ": the model predicts it from the inputs and params"
            : ": use the expression that let() returned"));
  }

  private List<String> usable(boolean penaltyOnly) {
    List<String> names = new ArrayList<>();
    roles.forEach((name, role) -> {
      if (role == Role.PARAM || (role == Role.INPUT && !penaltyOnly)) {
        names.add(name);
      }
    });
    names.sort(null);
    return names.isEmpty() ? List.of("none") : names;
  }
}
