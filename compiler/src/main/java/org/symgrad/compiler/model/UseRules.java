package org.symgrad.compiler.model;

import org.jspecify.annotations.Nullable;

/**
 * Which declared names an expression may use, by where it is written: the one rule that a
 * model file's expressions and the builder's calls both apply, each wording its own message.
 * The file's behaviour is the contract (docs/language.md):
 *
 * <ul>
 *   <li>the model and a let: inputs, params, and lets declared before it;
 *   <li>the penalty: params, and earlier lets that depend on params only;
 *   <li>the target: only a loss, which reads it as {@code target}.
 * </ul>
 */
public final class UseRules {

  /** What a declared name is. */
  public enum Role { INPUT, TARGET, PARAM, LET }

  /** Where an expression that names declarations is written. */
  public enum Place { MODEL, LET, PENALTY }

  /** Why a declared name may not be used there. */
  public enum Refusal {
    /** The target, outside the loss. */
    TARGET,
    /** An input or the target in the penalty, which sees params only. */
    NOT_A_PARAMETER,
    /** A let used on or before its own line. */
    NOT_YET_DECLARED,
    /** A let in the penalty that depends on something other than params. */
    LET_NOT_OF_PARAMETERS
  }

  private UseRules() {}

  /**
   * Why a name of {@code role} may not be used at {@code place}, or null when it may.
   *
   * @param declaredBefore for a let, whether it is declared before the expression
   * @param ofParamsOnly for a let, whether every variable it depends on is a param
   */
  public static @Nullable Refusal refusal(Role role, Place place, boolean declaredBefore,
      boolean ofParamsOnly) {
    return switch (role) {
      case PARAM -> null;
      case INPUT -> place == Place.PENALTY ? Refusal.NOT_A_PARAMETER : null;
      case TARGET -> place == Place.PENALTY ? Refusal.NOT_A_PARAMETER : Refusal.TARGET;
      case LET -> !declaredBefore ? Refusal.NOT_YET_DECLARED
          : place == Place.PENALTY && !ofParamsOnly ? Refusal.LET_NOT_OF_PARAMETERS : null;
    };
  }

  /**
   * Whether a name of {@code role} is worth offering at {@code place} when an unknown name is
   * reported: a let only if declared before it.
   */
  public static boolean offered(Role role, Place place, boolean declaredBefore) {
    return switch (role) {
      case PARAM -> true;
      case INPUT -> place != Place.PENALTY;
      case TARGET -> false;
      case LET -> declaredBefore;
    };
  }
}
