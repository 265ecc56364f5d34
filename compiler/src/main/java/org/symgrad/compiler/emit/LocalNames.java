package org.symgrad.compiler.emit;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The local variable names of one generated method. A user may call a parameter {@code rows},
 * {@code grad}, {@code t3} or {@code int}; every name asked for comes back as a valid Java
 * identifier that no earlier name of the method has taken, by appending {@code _} until it is
 * free. The result depends only on the order of the requests, so output is reproducible.
 */
final class LocalNames {
  // Names that are not keywords but that a local must not take: the contextual keywords, and
  // the simple names method bodies use as qualifiers (a local called Math would shadow
  // java.lang.Math in Math.exp(t3)).
  private static final Set<String> RESERVED =
      Set.of("var", "yield", "record", "sealed", "permits", "Math", "Functions", "Double");

  private final Set<String> taken = new HashSet<>();

  /**
   * Takes {@code name} as it is: for names the method must have exactly (its parameters, and
   * the IR's {@code tN}), which are asked for first and cannot be renamed.
   *
   * @throws IllegalStateException if it is not a usable name or is already taken
   */
  String fixed(String name) {
    if (!usable(name) || !taken.add(name)) {
      throw new IllegalStateException("'" + name + "' cannot be a local of the method");
    }
    return name;
  }

  /** A fresh name as close to {@code wanted} as possible. */
  String allocate(String wanted) {
    String name = ModelClassDefiner.javaName(wanted);
    while (!usable(name) || taken.contains(name)) {
      name += "_";
    }
    taken.add(name);
    return name;
  }

  private static boolean usable(String name) {
    return SourceVersion.isName(name, SourceVersion.RELEASE_17) && !RESERVED.contains(name);
  }
}
