package org.symgrad.compiler.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.model.LossRules;
import org.symgrad.compiler.parse.LineScope.Context;
import org.symgrad.runtime.Initializer;

/**
 * The one checker, {@link ModelReader}, over a builder's lines ({@link BuiltLines}): each body
 * is already read or writes itself ({@link BuiltExpression}), and each refusal is the
 * builder's exception, thrown at the first. Unlike a file, which is read to the end to report
 * every error, a builder is told at once what is missing, before any line is read.
 */
final class BuilderReader extends ModelReader {
  private final BuiltLines.Wording wording;

  BuilderReader(Declarations declarations, String name, String source,
      BuiltLines.Wording wording) {
    super(declarations, name, source, new ArrayList<>());
    this.wording = wording;
  }

  @Override
  void beforeLayout() {
    checkRequired();
  }

  @Override
  Initializer initializer(Declaration param) {
    return Objects.requireNonNull(built(param).initializer());
  }

  @Override
  IndexedNodes expression(Declaration line, LineScope scope) {
    return Objects.requireNonNull(built(line).expression())
        .write(nodes, scope, line.indices().stream().map(Token::text).toList());
  }

  @Override
  @Nullable LossLine loss(Declaration loss) {
    Declaration.Built built = built(loss);
    if (built.loss() != null) {
      return LossLine.named(built.loss(), built.delta());
    }
    if (prediction == null || targetName() == null) {
      return null;
    }
    // A builder's loss expression takes one prediction, pred, as the named losses but one.
    LossRules.Misfit misfit = LossRules.misfit(LossRules.Takes.ONE_PREDICTION,
        !prediction.isScalar(), prediction.elements().size());
    if (misfit != null) {
      throw misfit(misfit, loss);
    }
    return LossLine.of(Objects.requireNonNull(built.expression())
        .write(nodes, scope(Context.LOSS, loss.line()), List.of()).node());
  }

  @Override
  RuntimeException missing(Keyword keyword) {
    return wording.missing(switch (keyword) {
      case MODEL -> BuiltLines.Missing.PREDICTION;
      case TARGET -> BuiltLines.Missing.TARGET;
      default -> BuiltLines.Missing.PARAMETER;
    });
  }

  @Override
  RuntimeException misfit(LossRules.Misfit misfit, @Nullable Declaration loss) {
    return wording.misfit(misfit, loss == null ? "mse" : loss.text(),
        Objects.requireNonNull(prediction).elements().size());
  }

  private static Declaration.Built built(Declaration line) {
    return Objects.requireNonNull(line.built(), "not a builder's line");
  }
}
