package org.symgrad.compiler.model;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.graph.Op;

/**
 * Which names a model may declare: the one rule that a model file's declarations and the
 * builder's calls both apply, each wording its own message.
 */
public final class NameRules {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Why a well-formed name cannot be declared. */
  public enum Reserved {
    /** {@code pred} or {@code target}, which a loss expression reads. */
    LOSS_NAME,
    /** A function of the grammar: {@code tanh}. */
    FUNCTION,
    /** {@code sum}, which writes index sums. */
    SUM
  }

  private NameRules() {}

  /** Whether {@code text} is a name of the grammar: {@code [A-Za-z_][A-Za-z0-9_]*}. */
  public static boolean isName(String text) {
    return NAME.matcher(text).matches();
  }

  /**
   * Why {@code name} may not be declared, or null when it may. The target may be called
   * {@code target} ({@code target target}): in a loss, 'target' means that column either way.
   */
  public static @Nullable Reserved reserved(String name, boolean isTarget) {
    if (name.equals("pred") || (name.equals("target") && !isTarget)) {
      return Reserved.LOSS_NAME;
    }
    if (name.equals("sum")) {
      return Reserved.SUM;
    }
    return Op.forFunction(name) != null ? Reserved.FUNCTION : null;
  }
}
