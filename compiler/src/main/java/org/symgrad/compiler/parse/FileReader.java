package org.symgrad.compiler.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.diagnostic.Diagnostic;
import org.symgrad.compiler.diagnostic.ErrorCode;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.graph.ExpressionPrinter;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.LossRules;
import org.symgrad.compiler.model.ParamRules;
import org.symgrad.compiler.model.Shapes;
import org.symgrad.compiler.parse.LineScope.Context;
import org.symgrad.compiler.parse.Token.Kind;
import org.symgrad.runtime.Initializer;

/**
 * The one checker, {@link ModelReader}, over the lines of a model file: each body is the
 * line's tokens, read by the {@link ExpressionParser} in a {@link ModelScope}, and each
 * refusal a diagnostic with its code, line and caret.
 */
final class FileReader extends ModelReader {
  private static final Set<String> PLAIN_LOSSES =
      Set.of("mse", "mae", "bce_logits", "cross_entropy");
  private static final String KNOWN_LOSSES = "known losses: mse, mae, huber(delta), "
      + "bce_logits, cross_entropy, or an expression in pred and target";

  private final SourceText source;
  private final List<Diagnostic> errors;

  private FileReader(SourceText source, String name, DeclarationReader lines,
      List<Diagnostic> errors) {
    super(lines.declarations(), name, source.name(), errors);
    this.source = source;
    this.errors = errors;
  }

  /** The reader of the model file {@code source}, called {@code name}. */
  static FileReader of(SourceText source, String name) {
    List<Diagnostic> errors = new ArrayList<>();
    return new FileReader(source, name, new DeclarationReader(source, errors), errors);
  }

  /**
   * Every element of a param is a number in the parameters, the gradient and an optimizer's
   * state, used or not (an element the model never reads costs no compile time: see
   * ElementVariables). Counted from the declared shapes, before any node is made, so that a
   * model over the limit is refused at once rather than after the work.
   */
  @Override
  void beforeLayout() {
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
          throw sorted(errors);
        }
      }
    }
  }

  @Override
  Initializer initializer(Declaration param) {
    return ParamInitializers.read(source, param, tokens -> constant(tokens,
        Context.INITIALIZER, param.line(), "the initializer of " + param.name().quoted()));
  }

  @Override
  @Nullable IndexedNodes expression(Declaration line, LineScope scope) {
    try {
      return new ExpressionParser(source, line.body(), graph,
          new ModelScope(source, declarations, scope), line.indices()).parseIndexed();
    } catch (AbandonedExpression e) {
      return null;
    }
  }

  /** The finite value of a constant expression; {@code what} names it in messages. */
  private double constant(List<Token> tokens, Context context, int line, String what) {
    Node node = new ExpressionParser(source, tokens, graph,
        new ModelScope(source, declarations, scope(context, line))).parse();
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

  // --- the loss -------------------------------------------------------------------------

  @Override
  @Nullable LossLine loss(Declaration loss) {
    List<Token> tokens = loss.body();
    Token first = tokens.get(0);
    Token second = tokens.get(1);
    if (first.is(Kind.NAME) && first.text().equals("huber")) {
      return LossLine.named("huber", huberDelta(loss));
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
      return LossLine.named(first.text(), 0);
    }
    if (first.is(Kind.NAME) && (second.is(Kind.END) || second.is(Kind.LPAREN))
        && !first.text().equals("pred") && !first.text().equals("target")
        && ExpressionParser.function(first.text()) == null
        && declarations.named(first.text()) == null && !first.text().equals("sum")) {
      throw source.error(ErrorCode.UNKNOWN_LOSS, first, "unknown loss " + first.quoted(),
          Texts.didYouMean(first.text(),
              List.of("mse", "mae", "huber", "bce_logits", "cross_entropy")) + KNOWN_LOSSES);
    }
    LineScope scope = scope(Context.LOSS, loss.line());
    Node node;
    try {
      node = new ExpressionParser(source, tokens, graph, new ModelScope(source, declarations,
          scope)).parse();
    } catch (AbandonedExpression e) {
      return null;
    }
    if (!scope.usedPrediction()) {
      Token last = tokens.get(tokens.size() - 2);
      throw source.error(ErrorCode.LOSS_WITHOUT_PREDICTION, first.start(),
          last.end() - first.start(), "the loss does not use 'pred'",
          "a loss compares the prediction 'pred' with 'target'");
    }
    return scope.usedFailedDeclaration() ? null : LossLine.of(node);
  }

  private double huberDelta(Declaration loss) {
    List<Token> tokens = loss.body();
    if (!tokens.get(1).is(Kind.LPAREN)) {
      throw source.error(ErrorCode.BAD_LOSS_ARGUMENT, tokens.get(0), "'huber' needs its delta",
          "write it as: loss huber(1.0)");
    }
    ConstantCall call = ConstantCall.read(source, tokens,
        argument -> constant(argument, Context.LOSS_ARGUMENT, loss.line(), "huber's delta"),
        "huber(delta)");
    int count = call.arguments().size();
    if (count != 1) {
      throw source.error(ErrorCode.WRONG_ARITY, call.start(), call.length(),
          ExpressionParser.arityMessage(call.name().text(), 1, count),
          "call it as huber(delta)");
    }
    double delta = call.arguments().get(0);
    if (!(delta > 0)) {
      throw source.error(ErrorCode.BAD_LOSS_ARGUMENT, call.start(), call.length(),
          "huber needs delta > 0, got " + ExpressionPrinter.number(delta),
          "delta is where the loss turns from quadratic to linear");
    }
    return delta;
  }

  @Override
  RuntimeException misfit(LossRules.Misfit misfit, @Nullable Declaration loss) {
    int outputs = prediction.elements().size();
    if (loss == null) {
      return source.error(ErrorCode.LOSS_SHAPE, declarations.single(Keyword.MODEL).name(),
          "a model with " + outputs + " outputs needs a loss line",
          "for classes, add: loss cross_entropy; else a loss expression over pred[k]");
    }
    Token word = loss.body().get(0);
    if (misfit == LossRules.Misfit.NEEDS_ONE_PREDICTION) {
      return source.error(ErrorCode.LOSS_SHAPE, word, word.quoted() + " compares one prediction "
              + "with the target, but the model has " + outputs + " outputs",
          "for classes, use cross_entropy; else write a loss expression over pred[k]");
    }
    return source.error(ErrorCode.LOSS_SHAPE, word, "cross_entropy needs a vector of 2 or more "
            + "class scores, but the model has " + (prediction.isScalar() ? "one output"
            : "a vector of one"),
        "write the model as: model out[k] = …, one score per class; for two classes, "
            + "bce_logits on one score is the same");
  }

  // --- what every model needs -----------------------------------------------------------

  @Override
  RuntimeException missing(Keyword keyword) {
    return switch (keyword) {
      case MODEL -> missing("missing 'model' declaration", "add a line such as: model w * x + b");
      case TARGET -> missing("missing 'target' declaration",
          "add a line naming the data column to predict, such as: target y");
      default -> missing("no 'param' declared",
          "add a line such as: param w = 0.0; a model needs a parameter to fit");
    };
  }

  private SymgradException missing(String message, String hint) {
    return source.errorAtEnd(ErrorCode.MISSING_DECLARATION, message, hint);
  }
}
