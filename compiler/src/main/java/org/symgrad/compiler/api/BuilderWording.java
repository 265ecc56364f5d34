package org.symgrad.compiler.api;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.model.LossRules;
import org.symgrad.compiler.model.Namespace;
import org.symgrad.compiler.model.Shapes;
import org.symgrad.compiler.model.UseRules.Role;
import org.symgrad.compiler.parse.BuiltLines;
import org.symgrad.compiler.parse.LineScope;

/**
 * How a builder words what the shared rules refuse: an exception that names the model and the
 * call, where a file's diagnostic has a line and a caret. A clash of names is refused when it
 * is declared ({@link IllegalArgumentException}); what needs the whole model, when it is built
 * ({@link IllegalStateException}). The decisions are the parser's and {@code model}'s.
 */
final class BuilderWording implements BuiltLines.Wording {
  private final String model;

  /** The wording for the model called {@code model}. */
  BuilderWording(String model) {
    this.model = model;
  }

  // How a builder's messages name a role: "parameter 'w'", "'w' is a parameter".
  static String noun(Role role) {
    return switch (role) {
      case INPUT -> "input";
      case TARGET -> "target";
      case PARAM -> "parameter";
      case LET -> "let";
    };
  }

  static String description(Role role) {
    return switch (role) {
      case INPUT -> "an input";
      case TARGET -> "the target";
      case PARAM -> "a parameter";
      case LET -> "a let";
    };
  }

  /** Refuses to declare {@code name} in {@code role}, which is already something. */
  IllegalArgumentException clash(String name, Namespace.Conflict<Role> conflict) {
    if (conflict.clash() == Namespace.Clash.COLUMN) {
      return new IllegalArgumentException("'" + name + "' is already a column of input '"
          + conflict.owner() + "' of model '" + model + "'; a column has one role");
    }
    return new IllegalArgumentException("'" + name + "' is declared twice: it is already "
        + description(conflict.first()) + " of model '" + model + "'");
  }

  /**
   * Refuses {@code column} as a column of {@code input}.
   *
   * @param other what it is already: {@code "a column of input 'x'"}, {@code "an input"}
   */
  IllegalArgumentException columnClash(String input, String column, String other) {
    return new IllegalArgumentException("column '" + column + "' of input '" + input
        + "' is already " + other + " of model '" + model + "': a column has one role");
  }

  /** What {@code conflict} says a column is already. */
  static String columnOwner(Namespace.Conflict<Role> conflict) {
    return conflict.clash() == Namespace.Clash.COLUMN
        ? "a column of input '" + conflict.owner() + "'" : description(conflict.first());
  }

  @Override
  public RuntimeException missing(BuiltLines.Missing line) {
    return new IllegalStateException(switch (line) {
      case PREDICTION -> "model '" + model + "' has no prediction: call predict(...), as in"
          + " predict(w * x + b)";
      case TARGET -> "model '" + model + "' has no target: call target(...) with the data"
          + " column to predict";
      case PARAMETER -> "model '" + model + "' has no parameter: call param(...); a model"
          + " needs a parameter to fit";
    });
  }

  @Override
  public RuntimeException misfit(LossRules.Misfit misfit, String loss, int outputs) {
    return new IllegalStateException(switch (misfit) {
      case NEEDS_CLASS_SCORES -> "cross_entropy needs a vector of 2 or more class scores,"
          + " but model '" + model + "' has one output: predict(\"score\", k, …), one score"
          + " per class";
      case NEEDS_A_LOSS -> "model '" + model + "' has " + outputs + " outputs, so it"
          + " needs a loss: cross_entropy for class scores";
      case NEEDS_ONE_PREDICTION -> loss + " compares one prediction with the target,"
          + " but model '" + model + "' has " + outputs + " outputs; for classes, use"
          + " cross_entropy";
      case NEEDS_TWO_CLASSES -> "cross_entropy needs a vector of 2 or more class scores,"
          + " but model '" + model + "' has a vector of one; for two classes, bce_logits on"
          + " one score is the same";
    });
  }

  /** Refuses {@code name} where {@code where} uses it, for the reason {@code lookup} gives. */
  IllegalStateException refused(String name, String where, LineScope.Lookup lookup) {
    if (lookup instanceof LineScope.Unknown unknown) {
      List<String> allowed = unknown.allowed();
      return new IllegalStateException("unknown name '" + name + "' in " + where
          + " of model '" + model + "'; declared "
          + (where.equals("the penalty") ? "parameters" : "names") + ": "
          + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
    }
    if (lookup instanceof LineScope.Refused refused) {
      return new IllegalStateException(switch (refused.refusal()) {
        case NOT_A_PARAMETER -> "the penalty of model '" + model + "' can use parameters"
            + " only, but '" + name + "' is " + description(refused.role());
        case LET_NOT_OF_PARAMETERS -> "the penalty of model '" + model + "' can use"
            + " parameters only, but '" + name + "' is a let that depends on an input";
        case TARGET -> where + " of model '" + model + "' cannot use '" + name + "', the"
            + " target: the model predicts it from the inputs and params";
        case NOT_YET_DECLARED -> where + " of model '" + model + "' uses let '" + name
            + "' before its declaration: a line can use only the lets declared before it";
      });
    }
    // pred or target outside a loss; a declared name inside one is refused by Loss.custom.
    return new IllegalStateException("'" + name + "' is only meaningful in a loss, but "
        + where + " of model '" + model + "' uses it");
  }

  /** Refuses an array where a number is needed. */
  IllegalStateException notANumber(String name, String where, @Nullable Role role,
      List<Integer> shape) {
    return new IllegalStateException("'" + name + "' in " + where + " of model '" + model
        + "' is " + (role == null ? "" : noun(role) + " ") + "'" + name + "' of shape "
        + Shapes.text(shape) + ", where a number is needed: index it, as in " + name
        + Shapes.indexExample(shape.size()));
  }

  /** Refuses an index bound under a declared name. */
  IllegalStateException indexName(String index, String where, Role role) {
    return new IllegalStateException("index '" + index + "' in " + where + " of model '"
        + model + "' has the name of " + description(role) + ": an index needs a name of its"
        + " own, such as j or k");
  }

  /** Refuses an element of an array that another builder declared. */
  IllegalStateException foreignArray(Tensor array, String where) {
    return new IllegalStateException(where + " of model '" + model + "' uses "
        + array.description() + ", which is not an array of this model");
  }
}
