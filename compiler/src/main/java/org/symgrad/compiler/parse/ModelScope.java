package org.symgrad.compiler.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.diagnostic.ErrorCode;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.UseRules;

/**
 * What a name means in one expression of a model file, which depends on where it is written:
 *
 * <ul>
 *   <li>the model and a let: inputs, params, and lets declared on an earlier line;
 *   <li>the penalty: params, and earlier lets that depend on params only;
 *   <li>a loss expression: {@code pred} (the model's prediction) and {@code target} (the
 *       target column), nothing else, so that a loss is a function of those two alone;
 *   <li>an initializer or huber's delta: no name at all, they are constants.
 * </ul>
 *
 * Params, inputs and the target are variables: a scalar's of its name, an array's one per
 * element ({@code w[3]}, {@code W[1,2]}; the column names {@code x0}… of an input). A let is
 * its expression's nodes, so that the model shares them. A name used where it is not allowed
 * is reported with the reason; an unknown one with the names that would be allowed.
 */
final class ModelScope implements ExpressionParser.Names {

  enum Context { MODEL, LET, PENALTY, LOSS, INITIALIZER, LOSS_ARGUMENT }

  private final SourceText source;
  private final Graph graph;
  private final Declarations declarations;
  private final Map<String, Declared> lets;
  private final Map<String, Declared> variables;
  private final Context context;
  private final int line;
  private final String target;
  private final Declared prediction;
  private boolean usedPrediction;
  private boolean usedFailedDeclaration;

  /**
   * @param lets the lets read so far: a let that is declared but absent failed to read
   * @param variables what each param and input stands for, by name
   * @param line the line of the expression, to tell earlier lets from later ones
   * @param target the target column's name, or null if there is none
   * @param prediction the model, for {@code pred} in a loss; null if it failed to read
   */
  ModelScope(SourceText source, Graph graph, Declarations declarations,
      Map<String, Declared> lets, Map<String, Declared> variables, Context context, int line,
      String target, Declared prediction) {
    this.source = source;
    this.graph = graph;
    this.declarations = declarations;
    this.lets = lets;
    this.variables = variables;
    this.context = context;
    this.line = line;
    this.target = target;
    this.prediction = prediction;
  }

  /** Whether {@code pred} was used. */
  boolean usedPrediction() {
    return usedPrediction;
  }

  /**
   * Whether the expression used a declaration that failed to read (a let with an error, the
   * missing model): its node stands in for nothing and must be dropped. That error is
   * reported already, so this one raises none.
   */
  boolean usedFailedDeclaration() {
    return usedFailedDeclaration;
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
    String name = token.text();
    if (context == Context.INITIALIZER || context == Context.LOSS_ARGUMENT) {
      throw source.error(
          context == Context.INITIALIZER ? ErrorCode.BAD_INITIALIZER : ErrorCode.BAD_LOSS_ARGUMENT,
          token, (context == Context.INITIALIZER ? "an initializer" : "huber's delta")
              + " must be a constant, but uses the name " + token.quoted(),
          "write a number or an expression of numbers");
    }
    if (context == Context.LOSS) {
      if (name.equals("pred")) {
        usedPrediction = true;
        return prediction != null ? prediction : failed(name);
      }
      if (name.equals("target")) {
        return target != null ? Declared.scalar("the target", graph.variable(target))
            : failed(name);
      }
    } else if (name.equals("pred") || (name.equals("target") && !name.equals(target))) {
      throw source.error(ErrorCode.LOSS_NAME_OUTSIDE_LOSS, token,
          token.quoted() + " is only meaningful in a loss expression",
          "in a loss expression, 'pred' is the prediction and 'target' the target column");
    }
    Declaration declaration = declarations.named(name);
    if (declaration == null) {
      List<String> allowed = allowedNames();
      throw source.error(ErrorCode.UNKNOWN_NAME, token, "unknown name " + token.quoted(),
          context == Context.LOSS
              ? "a loss expression can use only 'pred' and 'target'"
              : Texts.didYouMean(name, allowed) + "declared names: "
                  + (allowed.isEmpty() ? "none" : Texts.join(allowed)));
    }
    if (context == Context.LOSS) {
      throw source.error(ErrorCode.NAME_IN_LOSS, token,
          "a loss expression can use only 'pred' and 'target', but "
              + token.quoted() + " is " + declaration.keyword().role(),
          switch (declaration.keyword()) {
            case TARGET -> "write 'target' for the target column";
            case PARAM -> "write terms in parameters in 'penalty'";
            default -> "the loss compares the prediction with the target, nothing else";
          });
    }
    UseRules.Refusal refusal = refusal(declaration);
    if (refusal == null) {
      return declaration.keyword() == Keyword.LET ? let(token) : variable(name);
    }
    throw switch (refusal) {
      case NOT_A_PARAMETER -> notParameters(token, token.quoted() + " is "
          + declaration.keyword().role());
      case TARGET -> source.error(ErrorCode.TARGET_IN_MODEL, token,
          (context == Context.LET ? "a let" : "the model") + " cannot use the target "
              + token.quoted(),
          "the model predicts " + token.quoted() + " from the inputs and params");
      case NOT_YET_DECLARED -> source.error(ErrorCode.LET_BEFORE_DECLARATION, token,
          declaration.line() == line
              ? token.quoted() + " is used in its own definition"
              : token.quoted() + " is used before its declaration",
          declaration.line() == line
              ? "a let can use only names declared above it"
              : "it is declared on line " + declaration.line() + "; move that line above this one");
      case LET_NOT_OF_PARAMETERS -> notParameters(token, "let " + token.quoted()
          + " depends on " + nonParameter(lets.get(name)));
    };
  }

  // The shared rule, asked with what this file knows of the declaration.
  private UseRules.@Nullable Refusal refusal(Declaration declaration) {
    boolean isLet = declaration.keyword() == Keyword.LET;
    boolean before = isLet && declaration.line() < line;
    // What a let depends on is looked up only where it matters, in the penalty.
    Declared let = before && context == Context.PENALTY ? lets.get(declaration.nameText()) : null;
    return UseRules.refusal(role(declaration.keyword()), place(), before,
        let == null || nonParameter(let) == null);
  }

  private static UseRules.Role role(Keyword keyword) {
    return switch (keyword) {
      case INPUT -> UseRules.Role.INPUT;
      case TARGET -> UseRules.Role.TARGET;
      case PARAM -> UseRules.Role.PARAM;
      case LET -> UseRules.Role.LET;
      default -> throw new AssertionError(keyword);
    };
  }

  private UseRules.Place place() {
    return switch (context) {
      case LET -> UseRules.Place.LET;
      case PENALTY -> UseRules.Place.PENALTY;
      default -> UseRules.Place.MODEL;
    };
  }

  /** The first variable of {@code let} that is not a param's, named with its role; or null. */
  private @Nullable String nonParameter(Declared let) {
    for (Node element : let.elements()) {
      for (String variable : Nodes.variables(element)) {
        Declaration used = declarations.ofVariable(variable);
        if (used == null || used.keyword() != Keyword.PARAM) {
          return used == null ? "'" + variable + "'"
              : used.keyword().role() + " '" + used.nameText() + "'";
        }
      }
    }
    return null;
  }

  // A param or input whose line failed is not among the variables.
  private Declared variable(String name) {
    Declared declared = variables.get(name);
    return declared != null ? declared : failed(name);
  }

  // A let declared before, which the rule allowed; absent if its line failed.
  private Declared let(Token token) {
    Declared let = lets.get(token.text());
    return let != null ? let : failed(token.text());
  }

  private SymgradException notParameters(Token token, String reason) {
    return source.error(ErrorCode.PENALTY_NOT_PARAMETERS, token,
        "the penalty can use parameters only, but " + reason,
        "the penalty is added once to the mean loss, outside the per-sample sum");
  }

  private Declared failed(String name) {
    usedFailedDeclaration = true;
    return Declared.failed(graph.variable(name));
  }

  /** The names this context could use, sorted. */
  private List<String> allowedNames() {
    List<String> allowed = new ArrayList<>();
    for (Declaration declaration : declarations.names().values()) {
      Keyword keyword = declaration.keyword();
      if (keyword.declaresName() && UseRules.offered(role(keyword), place(),
          declaration.line() < line)) {
        allowed.add(declaration.nameText());
      }
    }
    return Texts.sorted(allowed);
  }
}
