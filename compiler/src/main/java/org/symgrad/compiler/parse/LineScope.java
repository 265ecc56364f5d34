package org.symgrad.compiler.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.UseRules;
import org.symgrad.compiler.model.UseRules.Role;

/**
 * What a name means in one line of a model, by the rules both front ends share: the decision,
 * not its wording. The parser's {@link ModelScope} words a refusal as a diagnostic at the
 * name's token; the builder ({@code org.symgrad.compiler.api}) as an exception naming its call.
 *
 * <ul>
 *   <li>the model and a let: inputs, params, and lets declared on an earlier line;
 *   <li>the penalty: params, and earlier lets that depend on params only ({@link UseRules});
 *   <li>a loss expression: {@code pred} (the model's prediction) and {@code target} (the
 *       target column), nothing else.
 * </ul>
 *
 * Params, inputs and the target are variables: a scalar's of its name, an array's one per
 * element ({@code w[3]}, {@code W[1,2]}; the column names {@code x0}… of an input). A let is
 * its expression's nodes, so that the model shares them.
 */
public final class LineScope {

  /** Where the expression is written. */
  enum Context { MODEL, LET, PENALTY, LOSS, INITIALIZER, LOSS_ARGUMENT }

  /** What a name means here, or why it may not be used. */
  public sealed interface Lookup {}

  /** The name's value: a scalar or an array; a stand-in if its line failed. */
  public record Found(Declared value) implements Lookup {}

  /** No such name; {@code allowed} are the names this line could use, sorted. */
  public record Unknown(List<String> allowed) implements Lookup {}

  /** {@code pred}, or {@code target} that is not the target's name, outside a loss. */
  public record LossName() implements Lookup {}

  /** A declared name in a loss expression, which may use only pred and target. */
  public record InLoss(Role role) implements Lookup {}

  /**
   * A declared name that may not be used here ({@link UseRules}).
   *
   * @param line the line (a builder's call) that declares it
   * @param nonParameter for {@link UseRules.Refusal#LET_NOT_OF_PARAMETERS}, the first variable
   *     of the let that is not a param's, named with its role; else null
   */
  public record Refused(UseRules.Refusal refusal, Role role, int line,
      @Nullable String nonParameter) implements Lookup {}

  private final Graph graph;
  private final Declarations declarations;
  private final Map<String, Declared> lets;
  private final Map<String, Declared> variables;
  private final Context context;
  private final int line;
  private final @Nullable String target;
  private final @Nullable Declared prediction;
  private boolean usedPrediction;
  private boolean usedFailedDeclaration;

  /**
   * @param lets the lets read so far: a let that is declared but absent failed to read
   * @param variables what each param and input stands for, by name
   * @param line the line of the expression, to tell earlier lets from later ones
   * @param target the target column's name, or null if there is none
   * @param prediction the model, for {@code pred} in a loss; null if it failed to read
   */
  LineScope(Graph graph, Declarations declarations, Map<String, Declared> lets,
      Map<String, Declared> variables, Context context, int line, @Nullable String target,
      @Nullable Declared prediction) {
    this.graph = graph;
    this.declarations = declarations;
    this.lets = lets;
    this.variables = variables;
    this.context = context;
    this.line = line;
    this.target = target;
    this.prediction = prediction;
  }

  Context context() {
    return context;
  }

  int line() {
    return line;
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

  /** The role of the declared {@code name}, or null when nothing has that name. */
  public @Nullable Role roleOf(String name) {
    Declaration declaration = declarations.named(name);
    return declaration == null ? null : role(declaration.keyword());
  }

  /** What {@code name} means in this line. */
  public Lookup lookup(String name) {
    if (context == Context.LOSS) {
      if (name.equals("pred")) {
        usedPrediction = true;
        return new Found(prediction != null ? prediction : failed(name));
      }
      if (name.equals("target")) {
        return new Found(target != null
            ? Declared.scalar("the target", graph.variable(target)) : failed(name));
      }
    } else if (name.equals("pred") || (name.equals("target") && !name.equals(target))) {
      return new LossName();
    }
    Declaration declaration = declarations.named(name);
    if (declaration == null) {
      return new Unknown(allowedNames());
    }
    Role role = role(declaration.keyword());
    if (context == Context.LOSS) {
      return new InLoss(role);
    }
    boolean isLet = role == Role.LET;
    boolean before = isLet && declaration.line() < line;
    // What a let depends on is looked up only where it matters, in the penalty.
    String nonParameter = before && context == Context.PENALTY && lets.get(name) != null
        ? nonParameter(lets.get(name)) : null;
    UseRules.Refusal refusal = UseRules.refusal(role, place(), before, nonParameter == null);
    if (refusal == null) {
      return new Found(isLet ? orFailed(lets.get(name), name) : orFailed(variables.get(name), name));
    }
    return new Refused(refusal, role, declaration.line(), nonParameter);
  }

  static Role role(Keyword keyword) {
    return switch (keyword) {
      case INPUT -> Role.INPUT;
      case TARGET -> Role.TARGET;
      case PARAM -> Role.PARAM;
      case LET -> Role.LET;
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

  // A param, input or let whose line failed is not among those read.
  private Declared orFailed(@Nullable Declared declared, String name) {
    return declared != null ? declared : failed(name);
  }

  private Declared failed(String name) {
    usedFailedDeclaration = true;
    return Declared.failed(graph.variable(name));
  }

  /** The names this line could use, sorted. */
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
