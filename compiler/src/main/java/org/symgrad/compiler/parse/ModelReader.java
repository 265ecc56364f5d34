package org.symgrad.compiler.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.diagnostic.Diagnostic;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.ElementVariables;
import org.symgrad.compiler.model.LossRules;
import org.symgrad.compiler.model.Losses;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.LineScope.Context;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.ParameterInfo;

/**
 * The one checker of a model's {@link Declarations}, a file's ({@link FileReader}) or a
 * builder's ({@link BuiltLines}): lays out the params (offsets, element variables,
 * initializers) and inputs, reads the expressions of the lets, the model and the penalty in
 * line order through one {@link LineScope} each, then the loss, which needs the model, and
 * checks that nothing required is missing. What differs between the front ends is how a line's
 * body is read (tokens or a builder's expression) and how a refusal is worded; those are the
 * subclass's. A {@link SymgradException} is collected and the reading goes on, so that a file
 * reports every error, in line order; any other exception (a builder's) stops it at once.
 */
abstract class ModelReader {
  /** A loss line read: a named loss ({@code "mse"}, {@code "huber"} with its delta) or a node. */
  record LossLine(@Nullable String named, double delta, @Nullable Node node) {
    static LossLine named(String name, double delta) {
      return new LossLine(name, delta, null);
    }

    static LossLine of(Node node) {
      return new LossLine(null, 0, node);
    }
  }

  final Declarations declarations;
  final Graph graph = new Graph();
  final NodeWriter nodes = new NodeWriter(graph);
  private final String name;
  private final String sourceName;
  private final List<Diagnostic> errors;
  private final Map<String, Declared> lets = new LinkedHashMap<>();
  private final Map<String, Declared> variables = new LinkedHashMap<>();
  private final List<ParameterInfo> parameters = new ArrayList<>();
  @Nullable Declared prediction;
  private @Nullable Node penalty;
  private @Nullable Node sampleLoss;
  private int targetClasses;

  /**
   * @param errors the errors found before (a file's first pass), to which this adds its own
   */
  ModelReader(Declarations declarations, String name, String sourceName,
      List<Diagnostic> errors) {
    this.declarations = declarations;
    this.name = name;
    this.sourceName = sourceName;
    this.errors = errors;
  }

  // --- what each front end says -----------------------------------------------------------

  /** Checks what needs only the declarations, before any node is made; by default nothing. */
  void beforeLayout() {}

  /** The initializer of a param. */
  abstract Initializer initializer(Declaration param);

  /** The elements of a let's, the model's or the penalty's expression; null if abandoned. */
  abstract @Nullable IndexedNodes expression(Declaration line, LineScope scope);

  /** The loss line read, or null when it failed quietly (it used what failed). */
  abstract @Nullable LossLine loss(Declaration loss);

  /** The refusal of a model without a {@code model}, {@code target} or {@code param} line. */
  abstract RuntimeException missing(Keyword keyword);

  /**
   * The refusal of a loss that does not fit the prediction.
   *
   * @param loss the loss line, or null for the default, mse
   */
  abstract RuntimeException misfit(LossRules.Misfit misfit, @Nullable Declaration loss);

  // --- the reading ------------------------------------------------------------------------

  ModelDefinition read() {
    beforeLayout();
    // Params and inputs first: expressions may use them whatever their line.
    int offset = 0;
    for (Declaration declaration : declarations.all()) {
      if (declaration.keyword() == Keyword.PARAM) {
        offset += parameter(declaration, offset).size();
      } else if (declaration.keyword() == Keyword.INPUT) {
        variables.put(declaration.nameText(), input(declaration));
      }
    }
    for (Declaration declaration : declarations.all()) {
      try {
        switch (declaration.keyword()) {
          case LET -> {
            Declared let = expression(declaration, Context.LET, "a let");
            if (let != null) {
              lets.put(declaration.nameText(), let);
            }
          }
          case MODEL -> prediction = expression(declaration, Context.MODEL, "the prediction");
          case PENALTY -> {
            Declared read = expression(declaration, Context.PENALTY, "the penalty");
            penalty = read == null ? null : read.node();
          }
          default -> {}
        }
      } catch (SymgradException e) {
        errors.addAll(e.diagnostics());
      }
    }
    Declaration loss = declarations.single(Keyword.LOSS);
    try {
      sampleLoss = loss == null ? namedLoss("mse", 0, null) : sampleLoss(loss, loss(loss));
    } catch (SymgradException e) {
      errors.addAll(e.diagnostics());
    }
    checkRequired();
    if (!errors.isEmpty()) {
      throw sorted(errors);
    }
    List<String> inputs = declarations.names().values().stream()
        .filter(d -> d.keyword() == Keyword.INPUT)
        .flatMap(d -> d.columns().stream())
        .toList();
    Declaration data = declarations.single(Keyword.DATA);
    Declaration penaltyLine = declarations.single(Keyword.PENALTY);
    List<Node> outputs = prediction.elements();
    return new ModelDefinition(
        name,
        sourceName,
        Optional.ofNullable(data).map(Declaration::text),
        graph,
        inputs,
        targetName(),
        parameters,
        Declared.elementsByName(lets),
        outputs.get(0),
        declarations.single(Keyword.MODEL).text(),
        sampleLoss,
        loss == null ? "mse" : loss.text(),
        penalty == null ? graph.constant(0.0) : penalty,
        penaltyLine == null ? "" : penaltyLine.text(),
        outputs,
        targetClasses);
  }

  /** The errors so far, in line order, as one exception. */
  static SymgradException sorted(List<Diagnostic> errors) {
    List<Diagnostic> sorted = new ArrayList<>(errors);
    sorted.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
    return new SymgradException(sorted);
  }

  /** A scope for an expression of {@code context} written on {@code line}. */
  LineScope scope(Context context, int line) {
    return new LineScope(graph, declarations, lets, variables, context, line, targetName(),
        prediction);
  }

  @Nullable String targetName() {
    Declaration target = declarations.single(Keyword.TARGET);
    return target == null ? null : target.nameText();
  }

  // A param's element variables are known from its line (made as they are read); its
  // initializer may still fail.
  private ParameterInfo parameter(Declaration param, int offset) {
    String paramName = param.nameText();
    List<Node> elements = ElementVariables.of(graph, paramName, param.shape());
    variables.put(paramName, new Declared("a param", param.shape(), elements));
    Initializer initializer = new Initializer.Constant(0.0);
    try {
      initializer = initializer(param);
    } catch (SymgradException e) {
      errors.addAll(e.diagnostics());
    }
    ParameterInfo info = new ParameterInfo(paramName, param.shape(), offset, initializer);
    parameters.add(info);
    return info;
  }

  private Declared input(Declaration input) {
    List<Node> columns = input.columns().stream().map(graph::variable).toList();
    return input.shape().isEmpty() ? Declared.scalar("an input", columns.get(0))
        : new Declared("an input", input.shape(), columns);
  }

  /**
   * The line's expression over the indices it binds, or null when it uses a declaration that
   * failed.
   */
  private @Nullable Declared expression(Declaration line, Context context, String role) {
    LineScope scope = scope(context, line.line());
    IndexedNodes tensor = expression(line, scope);
    return tensor == null || scope.usedFailedDeclaration() ? null
        : new Declared(role, tensor.extents(), tensor.elements());
  }

  private @Nullable Node sampleLoss(Declaration line, @Nullable LossLine read) {
    if (read == null || read.named() == null) {
      return read == null ? null : read.node();
    }
    return namedLoss(read.named(), read.delta(), line);
  }

  /**
   * The loss {@code lossName} names, if it fits the prediction ({@link LossRules}); null while
   * the prediction or the target is missing, which is reported as such.
   */
  private @Nullable Node namedLoss(String lossName, double delta, @Nullable Declaration line) {
    if (prediction == null || targetName() == null) {
      return null;
    }
    LossRules.Takes takes = line == null ? LossRules.Takes.DEFAULT : LossRules.takes(lossName);
    LossRules.Misfit misfit =
        LossRules.misfit(takes, !prediction.isScalar(), prediction.elements().size());
    if (misfit != null) {
      throw misfit(misfit, line);
    }
    boolean classes = takes == LossRules.Takes.CLASS_SCORES;
    if (classes) {
      targetClasses = prediction.elements().size();
    }
    return Losses.named(graph, lossName,
        classes ? prediction.elements() : List.of(prediction.node()),
        graph.variable(targetName()), delta);
  }

  // --- what every model needs -----------------------------------------------------------

  void checkRequired() {
    for (Keyword keyword : List.of(Keyword.MODEL, Keyword.TARGET, Keyword.PARAM)) {
      if (!declarations.written(keyword)) {
        report(missing(keyword));
      }
    }
  }

  /** Collects a diagnostic; throws anything else. */
  void report(RuntimeException refusal) {
    if (refusal instanceof SymgradException e) {
      errors.addAll(e.diagnostics());
    } else {
      throw refusal;
    }
  }
}
