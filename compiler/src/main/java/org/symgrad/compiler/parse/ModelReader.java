package org.symgrad.compiler.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.symgrad.compiler.diagnostic.Diagnostic;
import org.symgrad.compiler.diagnostic.ErrorCode;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.ElementVariables;
import org.symgrad.compiler.model.LossRules;
import org.symgrad.compiler.model.Losses;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.model.ParamRules;
import org.symgrad.compiler.model.Shapes;
import org.symgrad.compiler.parse.ModelScope.Context;
import org.symgrad.compiler.parse.Token.Kind;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.ParameterInfo;

/**
 * The second pass over a model file: lays out the params (offsets, element variables,
 * initializers) and inputs, reads the expressions of the {@link Declarations} in file order
 * (lets, the model, the penalty), then the loss, which needs the model, and checks that
 * nothing required is missing. Every error of every line is collected; if
 * there is any, they are thrown together, in file order.
 */
final class ModelReader {
  private static final Set<String> PLAIN_LOSSES =
      Set.of("mse", "mae", "bce_logits", "cross_entropy");
  private static final String KNOWN_LOSSES = "known losses: mse, mae, huber(delta), "
      + "bce_logits, cross_entropy, or an expression in pred and target";

  private final SourceText source;
  private final String name;
  private final Graph graph = new Graph();
  private final List<Diagnostic> errors = new ArrayList<>();
  private final Declarations declarations;
  private final Map<String, Declared> lets = new LinkedHashMap<>();
  private final Map<String, Declared> variables = new LinkedHashMap<>();
  private final List<ParameterInfo> parameters = new ArrayList<>();
  private Declared prediction;
  private Node penalty;
  private Node sampleLoss;
  private int targetClasses;

  ModelReader(SourceText source, String name) {
    this.source = source;
    this.name = name;
    this.declarations = new Declarations(source, errors);
  }

  ModelDefinition read() {
    checkElementBudget();
    // Params and inputs first: expressions may use them whatever their line.
    int offset = 0;
    for (Declaration declaration : declarations.all()) {
      if (declaration.keyword() == Keyword.PARAM) {
        ParameterInfo param = parameter(declaration, offset);
        offset += param.size();
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
      sampleLoss = loss == null ? mseByDefault() : loss(loss);
    } catch (SymgradException e) {
      errors.addAll(e.diagnostics());
    }
    checkRequired();
    if (!errors.isEmpty()) {
      List<Diagnostic> sorted = new ArrayList<>(errors);
      sorted.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
      throw new SymgradException(sorted);
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
        source.name(),
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

  /**
   * Every element of a param is a number in the parameters, the gradient and an optimizer's
   * state, used or not (an element the model never reads costs no compile time: see
   * ElementVariables). Counted from the declared shapes, before any node is made, so that a
   * model over the limit is refused at once rather than after the work.
   */
  private void checkElementBudget() {
    long total = 0;
    for (Declaration declaration : declarations.all()) {
      Keyword keyword = declaration.keyword();
      if (keyword == Keyword.PARAM || keyword == Keyword.INPUT) {
        total += keyword == Keyword.INPUT ? Math.max(1, declaration.columns().size())
            : Shapes.size(declaration.shape());
        if (ParamRules.isOverBudget(total)) {
          errors.add(source.diagnostic(ErrorCode.TOO_LARGE, declaration.name().start(),
              declaration.name().length(), "the params and inputs declared up to "
                  + declaration.name().quoted() + " have " + total + " elements, more than "
                  + Shapes.MAX_MODEL_ELEMENTS + " in one model",
              "each element is a number in the parameters, the gradient and the optimizer's"
                  + " state, whether the model uses it or not; declare only the elements it"
                  + " uses"));
          List<Diagnostic> sorted = new ArrayList<>(errors);
          sorted.sort(Comparator.comparingInt(Diagnostic::line)
              .thenComparingInt(Diagnostic::column));
          throw new SymgradException(sorted);
        }
      }
    }
  }

  // A param's element variables are known from its line (made as they are read); its
  // initializer may still fail.
  private ParameterInfo parameter(Declaration param, int offset) {
    String paramName = param.nameText();
    List<Node> elements = ElementVariables.of(graph, paramName, param.shape());
    variables.put(paramName, new Declared("a param", param.shape(), elements));
    Initializer initializer = new Initializer.Constant(0.0);
    try {
      initializer = ParamInitializers.read(source, param, tokens -> constant(tokens,
          Context.INITIALIZER, param.line(), "the initializer of " + param.name().quoted()));
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

  private String targetName() {
    Declaration target = declarations.single(Keyword.TARGET);
    return target == null ? null : target.nameText();
  }

  /**
   * The declaration's expression over the indices its line binds, or null when it uses a
   * declaration that failed.
   */
  private Declared expression(Declaration declaration, Context context, String role) {
    ModelScope scope = scope(context, declaration.line());
    try {
      IndexedNodes tensor = new ExpressionParser(source, declaration.body(), graph, scope,
          declaration.indices()).parseIndexed();
      return scope.usedFailedDeclaration() ? null
          : new Declared(role, tensor.extents(), tensor.elements());
    } catch (AbandonedExpression e) {
      return null;
    }
  }

  private ModelScope scope(Context context, int line) {
    return new ModelScope(source, graph, declarations, lets, variables, context, line,
        targetName(), prediction);
  }

  /** The finite value of a constant expression; {@code what} names it in messages. */
  private double constant(List<Token> tokens, Context context, int line, String what) {
    Node node = new ExpressionParser(source, tokens, graph, scope(context, line)).parse();
    double value = Nodes.evaluate(node);
    if (!Double.isFinite(value)) {
      Token first = tokens.get(0);
      Token last = tokens.get(tokens.size() - 2);
      throw source.error(context == Context.INITIALIZER ? ErrorCode.BAD_INITIALIZER
              : ErrorCode.BAD_LOSS_ARGUMENT, first.start(), last.end() - first.start(),
          what + " is not a finite number: it evaluates to " + value,
          "write a number between -1.7976931348623157e308 and 1.7976931348623157e308");
    }
    return value;
  }

  private void checkArity(ConstantCall call, int arity, String signature) {
    int count = call.arguments().size();
    if (count != arity) {
      throw source.error(ErrorCode.WRONG_ARITY, call.start(), call.length(),
          ExpressionParser.arityMessage(call.name().text(), arity, count),
          "call it as " + signature);
    }
  }

  private static String number(double value) {
    return org.symgrad.compiler.graph.ExpressionPrinter.number(value);
  }

  // --- the loss -------------------------------------------------------------------------

  private Node mseByDefault() {
    if (prediction == null || targetName() == null) {
      return null;
    }
    if (misfit(LossRules.Takes.DEFAULT) != null) {
      Declaration model = declarations.single(Keyword.MODEL);
      throw source.error(ErrorCode.LOSS_SHAPE, model.name(),
          "a model with " + prediction.elements().size() + " outputs needs a loss line",
          "for classes, add: loss cross_entropy; else a loss expression over pred[k]");
    }
    return Losses.named(graph, "mse", List.of(prediction.node()), graph.variable(targetName()),
        0);
  }

  private Node loss(Declaration loss) {
    List<Token> tokens = loss.body();
    Token first = tokens.get(0);
    Token second = tokens.get(1);
    if (first.is(Kind.NAME) && first.text().equals("huber")) {
      return huber(loss);
    }
    if (first.is(Kind.NAME) && PLAIN_LOSSES.contains(first.text())) {
      if (second.is(Kind.LPAREN)) {
        throw source.error(ErrorCode.BAD_LOSS_ARGUMENT, second,
            first.quoted() + " takes no arguments", "write it as: loss " + first.text());
      }
      if (!second.is(Kind.END)) {
        throw source.error(ErrorCode.UNEXPECTED_AFTER_DECLARATION, second,
            "unexpected " + second.quoted() + " after " + first.quoted(),
            "a named loss stands alone; for more, write an expression in pred and target");
      }
      return plainLoss(first);
    }
    if (first.is(Kind.NAME) && (second.is(Kind.END) || second.is(Kind.LPAREN))
        && !first.text().equals("pred") && !first.text().equals("target")
        && ExpressionParser.function(first.text()) == null
        && declarations.named(first.text()) == null && !first.text().equals("sum")) {
      throw source.error(ErrorCode.UNKNOWN_LOSS, first, "unknown loss " + first.quoted(),
          Texts.didYouMean(first.text(),
              List.of("mse", "mae", "huber", "bce_logits", "cross_entropy")) + KNOWN_LOSSES);
    }
    ModelScope scope = scope(Context.LOSS, loss.line());
    Node node;
    try {
      node = new ExpressionParser(source, tokens, graph, scope).parse();
    } catch (AbandonedExpression e) {
      return null;
    }
    if (!scope.usedPrediction()) {
      Token last = tokens.get(tokens.size() - 2);
      throw source.error(ErrorCode.LOSS_WITHOUT_PREDICTION, first.start(),
          last.end() - first.start(), "the loss does not use 'pred'",
          "a loss compares the prediction 'pred' with 'target'");
    }
    return scope.usedFailedDeclaration() ? null : node;
  }

  private Node plainLoss(Token loss) {
    if (prediction == null || targetName() == null) {
      return null;
    }
    Node target = graph.variable(targetName());
    if (loss.text().equals("cross_entropy")) {
      int classes = prediction.elements().size();
      if (misfit(LossRules.Takes.CLASS_SCORES) != null) {
        throw source.error(ErrorCode.LOSS_SHAPE, loss, "cross_entropy needs a vector of 2 or more "
                + "class scores, but the model has " + (prediction.isScalar() ? "one output"
                : "a vector of one"),
            "write the model as: model out[k] = …, one score per class; for two classes, "
                + "bce_logits on one score is the same");
      }
      targetClasses = classes;
      return Losses.named(graph, loss.text(), prediction.elements(), target, 0);
    }
    return Losses.named(graph, loss.text(), List.of(scalarPrediction(loss)), target, 0);
  }

  // The losses other than cross_entropy compare one prediction with the target.
  private Node scalarPrediction(Token loss) {
    if (misfit(LossRules.Takes.ONE_PREDICTION) != null) {
      throw source.error(ErrorCode.LOSS_SHAPE, loss, loss.quoted() + " compares one prediction "
              + "with the target, but the model has " + prediction.elements().size()
              + " outputs",
          "for classes, use cross_entropy; else write a loss expression over pred[k]");
    }
    return prediction.node();
  }

  private LossRules.Misfit misfit(LossRules.Takes loss) {
    return LossRules.misfit(loss, !prediction.isScalar(), prediction.elements().size());
  }

  private Node huber(Declaration loss) {
    List<Token> tokens = loss.body();
    if (!tokens.get(1).is(Kind.LPAREN)) {
      throw source.error(ErrorCode.BAD_LOSS_ARGUMENT, tokens.get(0), "'huber' needs its delta",
          "write it as: loss huber(1.0)");
    }
    ConstantCall call = ConstantCall.read(source, tokens,
        argument -> constant(argument, Context.LOSS_ARGUMENT, loss.line(), "huber's delta"),
        "huber(delta)");
    checkArity(call, 1, "huber(delta)");
    double delta = call.arguments().get(0);
    if (!(delta > 0)) {
      throw source.error(ErrorCode.BAD_LOSS_ARGUMENT, call.start(), call.length(),
          "huber needs delta > 0, got " + number(delta),
          "delta is where the loss turns from quadratic to linear");
    }
    if (prediction == null || targetName() == null) {
      return null;
    }
    return Losses.named(graph, "huber", List.of(scalarPrediction(tokens.get(0))),
        graph.variable(targetName()), delta);
  }

  // --- what every model needs -----------------------------------------------------------

  private void checkRequired() {
    if (!declarations.written(Keyword.MODEL)) {
      errors.add(missing("missing 'model' declaration",
          "add a line such as: model w * x + b"));
    }
    if (!declarations.written(Keyword.TARGET)) {
      errors.add(missing("missing 'target' declaration",
          "add a line naming the data column to predict, such as: target y"));
    }
    if (!declarations.written(Keyword.PARAM)) {
      errors.add(missing("no 'param' declared",
          "add a line such as: param w = 0.0; a model needs a parameter to fit"));
    }
  }

  private Diagnostic missing(String message, String hint) {
    return source.errorAtEnd(ErrorCode.MISSING_DECLARATION, message, hint).first();
  }
}
