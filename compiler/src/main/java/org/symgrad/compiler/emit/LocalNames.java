package org.symgrad.compiler.emit;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The local variable names of one generated method. A user may call a parameter {@code rows},
 * {@code grad}, {@code t3} or {@code int}; every name asked for comes back as a valid Java
 * identifier that no earlier name of the method has taken, by appending {@code _} until it is
 * free. The result depends only on the order of the requests, so output is reproducible.
 *
 * <p>The IR's temporaries are called {@code t0}, {@code t1}, …: those names are kept for them,
 * so that a local called {@code tN} is always IR temporary N, and a model's own names give way
 * ({@code t3_}). An element's name becomes {@code w_3} for {@code w[3]}, {@code W_1_2} for
 * {@code W[1,2]}.
 */
final class LocalNames {
  // Names that are not keywords but that a local must not take: the contextual keywords, and
  // the simple names method bodies use as qualifiers (a local called Math would shadow
  // java.lang.Math in Math.exp(t3); SCRATCH is the split models' field, SPECIES_256 the vector
  // kernels' static import, Kernels the checks at the head of every kernel).
  private static final Set<String> RESERVED = Set.of("var", "yield", "record", "sealed",
      "permits", "Math", "Functions", "Double", "Arrays", "Kernels", "SCRATCH", "DoubleVector",
      "SPECIES_256");

  private final Set<String> taken = new HashSet<>();
  private final int irTemps;

  /** Names for a method without IR temporaries. */
  LocalNames() {
    this(0);
  }

  /** Names for a method of a kernel that numbers {@code irTemps} temporaries. */
  LocalNames(int irTemps) {
    this.irTemps = irTemps;
  }

  /** The name of IR temporary {@code index}: {@code t7}, kept for it. */
  String temp(int index) {
    return "t" + index;
  }

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
    String name = ModelClassDefiner.javaName(elementName(wanted));
    while (!usable(name) || taken.contains(name) || isTemp(name)) {
      name += "_";
    }
    taken.add(name);
    return name;
  }

  // w[3] -> w_3, dLoss_dW[1,2]Sum -> dLoss_dW_1_2Sum
  private static String elementName(String name) {
    return name.replace("]", "").replace('[', '_').replace(',', '_');
  }

  // Whether name is tN for an IR temporary N (t7, not t07).
  private boolean isTemp(String name) {
    if (name.length() < 2 || name.length() > 10 || name.charAt(0) != 't'
        || (name.charAt(1) == '0' && name.length() > 2)) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return Long.parseLong(name.substring(1)) < irTemps;
  }

  private static boolean usable(String name) {
    return SourceVersion.isName(name, SourceVersion.RELEASE_17) && !RESERVED.contains(name);
  }
}
