package org.symgrad.compiler;

import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The package and class names {@link Symgrad}'s emitters accept: the emitters print them as
 * they are, so a name that is not Java's gave a source that does not compile ({@code package
 * a b;}) or a class file no JVM loads, with no word at the call.
 */
final class JavaNames {
  // JLS 3.9: identifiers that are not keywords but cannot name a type.
  private static final Set<String> RESTRICTED =
      Set.of("var", "yield", "record", "sealed", "permits", "when");

  private JavaNames() {}

  /**
   * @throws IllegalArgumentException unless {@code packageName} is empty or a Java package
   *     name, and {@code className} a simple Java class name
   */
  static void check(String packageName, String className) {
    if (!packageName.isEmpty() && !SourceVersion.isName(packageName)) {
      throw new IllegalArgumentException("packageName '" + packageName + "' is not a Java "
          + "package name, such as org.example.models, nor \"\" for none");
    }
    if (!SourceVersion.isName(className) || className.contains(".")) {
      throw new IllegalArgumentException("className '" + className + "' is not a Java class "
          + "name, such as ThermometerModel");
    }
    if (RESTRICTED.contains(className)) {
      throw new IllegalArgumentException("className '" + className + "': Java does not allow "
          + "a class named " + className + " (a restricted identifier); choose another name");
    }
  }
}
