package org.symgrad.compiler.processor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Hands out the facade's member and parameter names: a model name as it is when Java allows
 * it and nothing has it yet, otherwise with {@code '_'} appended until it is free: {@code
 * int_} for a parameter called {@code int}, {@code fit_()} for one called {@code fit}, {@code
 * yield_()} for one called {@code yield}. The result depends only on the model, so generated
 * code is the same every time.
 */
final class MemberNames {
  /** What the facade itself declares, or inherits from {@code Object}: a model name gives way. */
  static final List<String> FACADE_MEMBERS = List.of(
      "compiledModel", "parameters", "setParameters", "copyIn", "predict", "predictRow", "loss",
      "fit", "toString", "hashCode", "equals", "getClass", "notify", "notifyAll", "wait",
      "clone", "finalize");

  private final Set<String> taken = new HashSet<>();

  /** Names for the facade's methods, with its own members already taken. */
  static MemberNames methods() {
    MemberNames names = new MemberNames();
    names.taken.addAll(FACADE_MEMBERS);
    // Java declares a method named yield but refuses to call it unqualified, as toString does.
    names.taken.add("yield");
    return names;
  }

  /** Names for one method's parameters. */
  static MemberNames parameters() {
    return new MemberNames();
  }

  /** {@code name}, or the first of {@code name_}, {@code name__}, … that is free and legal. */
  String allocate(String name) {
    String candidate = name;
    while (!SourceVersion.isName(candidate) || taken.contains(candidate)) {
      candidate += "_";
    }
    taken.add(candidate);
    return candidate;
  }

  /** {@code setW} for {@code w}, {@code setT_un} for {@code t_un}. */
  static String setter(String name) {
    return "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
