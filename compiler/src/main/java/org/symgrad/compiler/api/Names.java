package org.symgrad.compiler.api;

import java.util.regex.Pattern;
import org.symgrad.compiler.graph.Op;

/** The names a builder accepts: those a model file accepts, for the same reasons. */
final class Names {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Names() {}

  /**
   * Checks that {@code name} could be declared in a model file.
   *
   * @param what what the name is for, in the message: {@code "parameter"}
   * @param isTarget whether it names the target, which may be called {@code target}
   * @throws IllegalArgumentException saying why it could not
   */
  static void check(String name, String what, boolean isTarget) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad " + what + " name '" + name
          + "': a name is a letter or '_' followed by letters, digits and '_'");
    }
    if (name.equals("pred") || (name.equals("target") && !isTarget)) {
      throw new IllegalArgumentException("'" + name + "' is reserved: in a loss, 'pred' is the"
          + " prediction and 'target' the target column");
    }
    if (Op.forFunction(name) != null || name.equals("sum")) {
      throw new IllegalArgumentException("'" + name + "' is "
          + (name.equals("sum") ? "reserved for index sums" : "the name of a function")
          + "; choose another " + what + " name");
    }
  }
}
