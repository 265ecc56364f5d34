package org.symgrad.compiler.api;

import java.util.Objects;
import org.symgrad.compiler.model.NameRules;

/**
 * The names a builder accepts: those a model file accepts ({@link NameRules}), in the
 * builder's words.
 */
final class Names {
  private Names() {}

  /**
   * Checks that {@code name} could be declared in a model file.
   *
   * @param what what the name is for, in the message: {@code "parameter"}
   * @param isTarget whether it names the target, which may be called {@code target}
   * @throws IllegalArgumentException saying why it could not
   */
  static void check(String name, String what, boolean isTarget) {
    // Named here: null failed inside the name pattern's matcher ("this.text is null").
    Objects.requireNonNull(name, what + " name");
    if (!NameRules.isName(name)) {
      throw new IllegalArgumentException("bad " + what + " name '" + name
          + "': a name is a letter or '_' followed by letters, digits and '_'");
    }
    NameRules.Reserved reserved = NameRules.reserved(name, isTarget);
    if (reserved == NameRules.Reserved.LOSS_NAME) {
      throw new IllegalArgumentException("'" + name + "' is reserved: in a loss, 'pred' is the"
          + " prediction and 'target' the target column");
    }
    if (reserved != null) {
      throw new IllegalArgumentException("'" + name + "' is "
          + (reserved == NameRules.Reserved.SUM ? "reserved for index sums"
              : "the name of a function")
          + "; choose another " + what + " name");
    }
  }

}
