package org.symgrad.compiler;

import java.util.Set;
import javax.lang.model.SourceVersion;
import org.jspecify.annotations.Nullable;

/**
 * The package and class names generated code may have: the emitters print them as they are,
 * so a name that is not Java's gave a source that does not compile ({@code package a b;}) or a
 * class file no JVM loads. {@link Symgrad}'s emitters and {@code symgrad emit} refuse such
 * names with the same words, each naming the argument its own way.
 */
public final class JavaNames {
  // JLS 3.9: identifiers that are not keywords but cannot name a type.
  private static final Set<String> RESTRICTED =
      Set.of("var", "yield", "record", "sealed", "permits", "when");

  private JavaNames() {}

  /** Whether {@code name} can be a package: "" (none) or a dotted Java name. */
  public static boolean isPackageName(String name) {
    return name.isEmpty() || SourceVersion.isName(name);
  }

  /**
   * @param packageLabel how the caller names the package argument ({@code packageName},
   *     {@code --package}); {@code classLabel} likewise
   * @param className null when the caller chooses none (the model's own name is used)
   * @throws IllegalArgumentException unless {@code packageName} is empty or a Java package
   *     name, and {@code className} a simple Java class name
   */
  public static void check(String packageName, String packageLabel,
      @Nullable String className, String classLabel) {
    if (!isPackageName(packageName)) {
      throw new IllegalArgumentException(packageLabel + " '" + packageName + "' is not a Java "
          + "package name, such as org.example.models, nor \"\" for none");
    }
    if (className == null) {
      return;
    }
    if (!SourceVersion.isName(className) || className.contains(".")) {
      throw new IllegalArgumentException(classLabel + " '" + className + "' is not a Java "
          + "class name, such as ThermometerModel");
    }
    if (RESTRICTED.contains(className)) {
      throw new IllegalArgumentException(classLabel + " '" + className + "': Java does not "
          + "allow a class named " + className + " (a restricted identifier); choose another "
          + "name");
    }
  }

  /** {@link #check(String, String, String, String)} for {@link Symgrad}'s own arguments. */
  static void check(String packageName, String className) {
    check(packageName, "packageName", className, "className");
  }
}
