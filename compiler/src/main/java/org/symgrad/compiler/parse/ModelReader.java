package org.symgrad.compiler.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.symgrad.compiler.Diagnostic;
import org.symgrad.compiler.SymgradException;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.Losses;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelScope.Context;
import org.symgrad.compiler.parse.Token.Kind;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.ParameterInfo;

/**
 * The second pass over a model file: reads the expressions of the {@link Declarations} in file
 * order (initializers, lets, the model, the penalty), then the loss, which needs the model,
 * and checks that nothing required is missing. Every error of every line is collected; if
 * there is any, they are thrown together, in file order.
 */
final class ModelReader {
  private static final Set<String> PLAIN_LOSSES = Set.of("mse", "mae", "bce_logits");
  private static final String KNOWN_LOSSES =
      "known losses: mse, mae, huber(delta), bce_logits, or an expression in pred and target";

  private final SourceText source;
  private final String name;
  private final Graph graph = new Graph();
  private final List<Diagnostic> errors = new ArrayList<>();
  private final Declarations declarations;
  private final Map<String, Node> lets = new LinkedHashMap<>();
  private final List<ParameterInfo> parameters = new ArrayList<>();
  private Node prediction;
  private Node penalty;
  private Node sampleLoss;

  ModelReader(SourceText source, String name) {
    this.source = source;
    this.name = name;
    this.declarations = new Declarations(source, errors);
  }

  ModelDefinition read() {
    for (Declaration declaration : declarations.all()) {
      try {
        switch (declaration.keyword()) {
          case PARAM -> parameters.add(ParameterInfo.scalar(
              declaration.nameText(), parameters.size(), initializer(declaration)));
          case LET -> {
            Node node = expression(declaration, Context.LET);
            if (node != null) {
              lets.put(declaration.nameText(), node);
            }
          }
          case MODEL -> prediction = expression(declaration, Context.MODEL);
          case PENALTY -> penalty = expression(declaration, Context.PENALTY);
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
        .map(Declaration::nameText)
        .toList();
    Declaration data = declarations.single(Keyword.DATA);
    Declaration penaltyLine = declarations.single(Keyword.PENALTY);
    return new ModelDefinition(
        name,
        source.name(),
        Optional.ofNullable(data).map(Declaration::text),
        graph,
        inputs,
        targetName(),
        parameters,
        lets,
        prediction,
        declarations.single(Keyword.MODEL).text(),
        sampleLoss,
        loss == null ? "mse" : loss.text(),
        penalty == null ? graph.constant(0.0) : penalty,
        penaltyLine == null ? "" : penaltyLine.text());
  }

  private String targetName() {
    Declaration target = declarations.single(Keyword.TARGET);
    return target == null ? null : target.nameText();
  }

  /** The declaration's expression, or null when it uses a declaration that failed. */
  private Node expression(Declaration declaration, Context context) {
    ModelScope scope = scope(context, declaration.line());
    Node node = new ExpressionParser(source, declaration.body(), graph, scope).parse();
    return scope.usedFailedDeclaration() ? null : node;
  }

  private ModelScope scope(Context context, int line) {
    return new ModelScope(source, graph, declarations, lets, context, line, targetName(),
        prediction);
  }

  // --- initializers ---------------------------------------------------------------------

  private Initializer initializer(Declaration param) {
    List<Token> tokens = param.body();
    if (tokens == null) {
      return new Initializer.Constant(0.0);
    }
    String what = "the initializer of " + param.name().quoted();
    for (String random : List.of("uniform", "normal")) {
      if (ConstantCall.starts(tokens, random)) {
        boolean uniform = random.equals("uniform");
        String signature = uniform ? "uniform(low, high)" : "normal(mean, std)";
        ConstantCall call = ConstantCall.read(source, tokens,
            argument -> constant(argument, Context.INITIALIZER, param.line(), what), signature);
        checkArity(call, 2, signature);
        double a = call.arguments().get(0);
        double b = call.arguments().get(1);
        if (uniform && !(a <= b && Double.isFinite(b - a))) {
          throw badInitializer(call, "uniform(" + number(a) + ", " + number(b)
              + ") needs low <= high", "the values are drawn from [low, high)");
        }
        if (!uniform && !(b >= 0)) {
          throw badInitializer(call, "normal(" + number(a) + ", " + number(b)
              + ") needs std >= 0", "std is the standard deviation of the values drawn");
        }
        return uniform ? new Initializer.Uniform(a, b) : new Initializer.Normal(a, b);
      }
    }
    return new Initializer.Constant(constant(tokens, Context.INITIALIZER, param.line(), what));
  }

  private SymgradException badInitializer(ConstantCall call, String message, String hint) {
    return source.error(Code.BAD_INITIALIZER, call.start(), call.length(), message, hint);
  }

  /** The finite value of a constant expression; {@code what} names it in messages. */
  private double constant(List<Token> tokens, Context context, int line, String what) {
    Node node = new ExpressionParser(source, tokens, graph, scope(context, line)).parse();
    double value = Nodes.evaluate(node);
    if (!Double.isFinite(value)) {
      Token first = tokens.get(0);
      Token last = tokens.get(tokens.size() - 2);
      throw source.error(context == Context.INITIALIZER ? Code.BAD_INITIALIZER
              : Code.BAD_LOSS_ARGUMENT, first.start(), last.end() - first.start(),
          what + " is not a finite number: it evaluates to " + value,
          "write a number between -1.7976931348623157e308 and 1.7976931348623157e308");
    }
    return value;
  }

  private void checkArity(ConstantCall call, int arity, String signature) {
    int count = call.arguments().size();
    if (count != arity) {
      throw source.error(Code.WRONG_ARITY, call.start(), call.length(),
          ExpressionParser.arityMessage(call.name().text(), arity, count),
          "call it as " + signature);
    }
  }

  private static String number(double value) {
    return org.symgrad.compiler.graph.ExpressionPrinter.number(value);
  }

  // --- the loss -------------------------------------------------------------------------

  private Node mseByDefault() {
    return prediction == null || targetName() == null
        ? null
        : Losses.mse(graph, prediction, graph.variable(targetName()));
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
        throw source.error(Code.BAD_LOSS_ARGUMENT, second,
            first.quoted() + " takes no arguments", "write it as: loss " + first.text());
      }
      if (!second.is(Kind.END)) {
        throw source.error(Code.UNEXPECTED_AFTER_DECLARATION, second,
            "unexpected " + second.quoted() + " after " + first.quoted(),
            "a named loss stands alone; for more, write an expression in pred and target");
      }
      return plainLoss(first.text());
    }
    if (first.is(Kind.NAME) && (second.is(Kind.END) || second.is(Kind.LPAREN))
        && !first.text().equals("pred") && !first.text().equals("target")
        && ExpressionParser.function(first.text()) == null
        && declarations.named(first.text()) == null) {
      throw source.error(Code.UNKNOWN_LOSS, first, "unknown loss " + first.quoted(),
          Texts.didYouMean(first.text(), List.of("mse", "mae", "huber", "bce_logits"))
              + KNOWN_LOSSES);
    }
    ModelScope scope = scope(Context.LOSS, loss.line());
    Node node = new ExpressionParser(source, tokens, graph, scope).parse();
    if (!scope.usedPrediction()) {
      Token last = tokens.get(tokens.size() - 2);
      throw source.error(Code.LOSS_WITHOUT_PREDICTION, first.start(),
          last.end() - first.start(), "the loss does not use 'pred'",
          "a loss compares the prediction 'pred' with 'target'");
    }
    return scope.usedFailedDeclaration() ? null : node;
  }

  private Node plainLoss(String loss) {
    if (prediction == null || targetName() == null) {
      return null;
    }
    Node target = graph.variable(targetName());
    return switch (loss) {
      case "mse" -> Losses.mse(graph, prediction, target);
      case "mae" -> Losses.mae(graph, prediction, target);
      default -> Losses.bceWithLogits(graph, prediction, target);
    };
  }

  private Node huber(Declaration loss) {
    List<Token> tokens = loss.body();
    if (!tokens.get(1).is(Kind.LPAREN)) {
      throw source.error(Code.BAD_LOSS_ARGUMENT, tokens.get(0), "'huber' needs its delta",
          "write it as: loss huber(1.0)");
    }
    ConstantCall call = ConstantCall.read(source, tokens,
        argument -> constant(argument, Context.LOSS_ARGUMENT, loss.line(), "huber's delta"),
        "huber(delta)");
    checkArity(call, 1, "huber(delta)");
    double delta = call.arguments().get(0);
    if (!(delta > 0)) {
      throw source.error(Code.BAD_LOSS_ARGUMENT, call.start(), call.length(),
          "huber needs delta > 0, got " + number(delta),
          "delta is where the loss turns from quadratic to linear");
    }
    if (prediction == null || targetName() == null) {
      return null;
    }
    return Losses.huber(graph, prediction, graph.variable(targetName()), delta);
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
    return source.errorAtEnd(Code.MISSING_DECLARATION, message, hint).first();
  }
}
