package org.symgrad.compiler.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which compiler packages each source file refers to: by import, static import or a fully
 * qualified name, with comments and string literals left out (a javadoc link or the processor's
 * name in a {@code @Generated} string is no dependency). Read from the sources rather than the
 * class files, so that a constant inlined by javac still counts.
 */
final class SourceImports {
  static final String BASE = "org.symgrad.compiler";
  // org.symgrad.compiler.lower.Program, org.symgrad.compiler.Symgrad, …lower.*
  private static final Pattern REFERENCE =
      Pattern.compile("\\borg\\.symgrad\\.compiler\\.(?:([a-z]\\w*)\\.)?([A-Z]\\w*|\\*)");
  private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
      "/\\*.*?\\*/|//[^\\n]*|\"\"\"(?:[^\\\\]|\\\\.)*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\""
          + "|'(?:[^'\\\\\\n]|\\\\.)+'",
      Pattern.DOTALL);

  /** One reference: {@code from} (a class, by file) refers to package {@code to}. */
  record Arrow(String fromPackage, String fromClass, String toPackage, String toClass) {
    @Override
    public String toString() {
      return name(fromPackage) + "." + fromClass + " -> " + name(toPackage) + "." + toClass;
    }

    /** The short name of a compiler package: {@code lower}, or {@code (front door)}. */
    static String name(String pkg) {
      return pkg.isEmpty() ? "(front door)" : pkg;
    }
  }

  private SourceImports() {}

  /**
   * Every arrow out of the Java files under {@code root}, a source root such as {@code
   * src/main/java}, to a compiler package other than the file's own.
   */
  static List<Arrow> arrows(Path root) {
    List<Arrow> arrows = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.getFileName().toString().equals("module-info.java")).sorted().toList()) {
        String pkg = packageOf(root.relativize(file.getParent()));
        String fromClass = file.getFileName().toString().replace(".java", "");
        String code = COMMENTS_AND_STRINGS.matcher(
            Files.readString(file, StandardCharsets.UTF_8)).replaceAll(" ");
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
          String to = m.group(1) == null ? "" : m.group(1);
          Arrow arrow = new Arrow(pkg, fromClass, to, m.group(2));
          if (!(BASE + (to.isEmpty() ? "" : "." + to)).equals(fullName(pkg))
              && !arrows.contains(arrow)) {
            arrows.add(arrow);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return arrows;
  }

  // The compiler's sub-package of a directory, "" for the front door's; others keep their name.
  private static String packageOf(Path directory) {
    String dotted = directory.toString().replace(java.io.File.separatorChar, '.');
    return dotted.equals(BASE) ? "" : dotted.startsWith(BASE + ".")
        ? dotted.substring(BASE.length() + 1) : dotted;
  }

  private static String fullName(String pkg) {
    return pkg.isEmpty() ? BASE : pkg.contains(".") ? pkg : BASE + "." + pkg;
  }
}
