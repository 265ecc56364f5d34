package org.symgrad.compiler.parse;

import org.symgrad.compiler.diagnostic.ErrorCode;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.parse.LineScope.Context;

/**
 * What a name means in one expression of a model file: the shared decision of {@link
 * LineScope}, worded as a diagnostic at the name's token with the reason; an unknown name
 * with the names that would be allowed. An initializer and huber's delta use no name at all:
 * they are constants.
 */
final class ModelScope implements ExpressionParser.Names {
  private final SourceText source;
  private final Declarations declarations;
  private final LineScope scope;

  ModelScope(SourceText source, Declarations declarations, LineScope scope) {
    this.source = source;
    this.declarations = declarations;
    this.scope = scope;
  }

  LineScope scope() {
    return scope;
  }

  @Override
  public boolean isDeclared(String name) {
    return declarations.named(name) != null;
  }

  @Override
  public String roleOf(String name) {
    return declarations.named(name).keyword().role();
  }

  @Override
  public boolean hasArrays() {
    return true;
  }

  @Override
  public Declared resolve(Token token) {
    Context context = scope.context();
    if (context == Context.INITIALIZER || context == Context.LOSS_ARGUMENT) {
      throw source.error(
          context == Context.INITIALIZER ? ErrorCode.BAD_INITIALIZER : ErrorCode.BAD_LOSS_ARGUMENT,
          token, (context == Context.INITIALIZER ? "an initializer" : "huber's delta")
              + " must be a constant, but uses the name " + token.quoted(),
          "write a number or an expression of numbers");
    }
    LineScope.Lookup lookup = scope.lookup(token.text());
    if (lookup instanceof LineScope.Found found) {
      return found.value();
    }
    throw refusal(token, lookup);
  }

  private SymgradException refusal(Token token, LineScope.Lookup lookup) {
    String name = token.text();
    if (lookup instanceof LineScope.LossName) {
      return source.error(ErrorCode.LOSS_NAME_OUTSIDE_LOSS, token,
          token.quoted() + " is only meaningful in a loss expression",
          "in a loss expression, 'pred' is the prediction and 'target' the target column");
    }
    if (lookup instanceof LineScope.Unknown unknown) {
      return source.error(ErrorCode.UNKNOWN_NAME, token, "unknown name " + token.quoted(),
          scope.context() == Context.LOSS
              ? "a loss expression can use only 'pred' and 'target'"
              : Texts.didYouMean(name, unknown.allowed()) + "declared names: "
                  + (unknown.allowed().isEmpty() ? "none" : Texts.join(unknown.allowed())));
    }
    Declaration declaration = declarations.named(name);
    if (lookup instanceof LineScope.InLoss) {
      return source.error(ErrorCode.NAME_IN_LOSS, token,
          "a loss expression can use only 'pred' and 'target', but "
              + token.quoted() + " is " + declaration.keyword().role(),
          switch (declaration.keyword()) {
            case TARGET -> "write 'target' for the target column";
            case PARAM -> "write terms in parameters in 'penalty'";
            default -> "the loss compares the prediction with the target, nothing else";
          });
    }
    LineScope.Refused refused = (LineScope.Refused) lookup;
    return switch (refused.refusal()) {
      case NOT_A_PARAMETER -> notParameters(token, token.quoted() + " is "
          + declaration.keyword().role());
      case TARGET -> source.error(ErrorCode.TARGET_IN_MODEL, token,
          (scope.context() == Context.LET ? "a let" : "the model") + " cannot use the target "
              + token.quoted(),
          "the model predicts " + token.quoted() + " from the inputs and params");
      case NOT_YET_DECLARED -> source.error(ErrorCode.LET_BEFORE_DECLARATION, token,
          refused.line() == scope.line()
              ? token.quoted() + " is used in its own definition"
              : token.quoted() + " is used before its declaration",
          refused.line() == scope.line()
              ? "a let can use only names declared above it"
              : "it is declared on line " + refused.line() + "; move that line above this one");
      case LET_NOT_OF_PARAMETERS -> notParameters(token, "let " + token.quoted()
          + " depends on " + refused.nonParameter());
    };
  }

  private SymgradException notParameters(Token token, String reason) {
    return source.error(ErrorCode.PENALTY_NOT_PARAMETERS, token,
        "the penalty can use parameters only, but " + reason,
        "the penalty is added once to the mean loss, outside the per-sample sum");
  }
}
