package org.symgrad.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.symgrad.compiler.diagnostic.Diagnostic;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.model.ModelDefinition;

/**
 * Turns a folder of {@code .sg} models into generated Java sources, as {@code symgrad emit}
 * writes them: the folders under the model folder are the package ({@code com/acme/line.sg}
 * becomes {@code com.acme.Symgrad_Line}), and models directly in it go to the default
 * package name. Kept apart from the Mojo so that it is tested without Maven.
 *
 * <p>Incremental: a file whose text would not change is not written, so its time stamp stays
 * and the compiler does not see it as changed; a generated file that no model makes any more
 * is deleted (the output folder is this generator's alone).
 */
final class ModelSources {
  private final Path modelDirectory;
  private final Path outputDirectory;
  private final String defaultPackage;
  private final boolean foldersArePackages;
  private final Set<String> skippedFolders;

  ModelSources(Path modelDirectory, Path outputDirectory, String defaultPackage) {
    this(modelDirectory, outputDirectory, defaultPackage, true, Set.of());
  }

  /**
   * With {@code foldersArePackages} false every model goes to {@code defaultPackage}; models
   * in a folder named in {@code skippedFolders}, at any depth, are left out.
   */
  ModelSources(Path modelDirectory, Path outputDirectory, String defaultPackage,
      boolean foldersArePackages, Set<String> skippedFolders) {
    this.modelDirectory = modelDirectory;
    this.outputDirectory = outputDirectory;
    this.defaultPackage = defaultPackage;
    this.foldersArePackages = foldersArePackages;
    this.skippedFolders = Set.copyOf(skippedFolders);
  }

  /** What one run did; {@code errors} holds rendered diagnostics, each at file:line:column. */
  record Result(List<Path> written, List<Path> unchanged, List<Path> deleted, List<String> errors) {}

  Result generate() throws IOException {
    List<Path> written = new ArrayList<>();
    List<Path> unchanged = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Set<Path> made = new HashSet<>();
    for (Path model : models()) {
      String relative = modelDirectory.relativize(model).toString().replace('\\', '/');
      try {
        ModelDefinition definition = Symgrad.parseFile(model);
        String packageName = packageOf(modelDirectory.relativize(model));
        String className = Symgrad.generatedClassName(definition.name());
        String source = Symgrad.emitSource(definition, packageName, className);
        Path target = outputDirectory.resolve(packageName.replace('.', '/'))
            .resolve(className + ".java");
        if (!made.add(target)) {
          errors.add(relative + ":1:1: error two models generate " + className
              + " in package " + packageName + "; rename one");
          continue;
        }
        if (sameText(target, source)) {
          unchanged.add(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.writeString(target, source, StandardCharsets.UTF_8);
          written.add(target);
        }
      } catch (SymgradException e) {
        for (Diagnostic d : e.diagnostics()) {
          errors.add(located(model, d));
        }
      }
    }
    return new Result(written, unchanged, deleteStale(made), errors);
  }

  private List<Path> models() throws IOException {
    if (!Files.isDirectory(modelDirectory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(modelDirectory)) {
      return files.filter(f -> f.toString().endsWith(".sg") && Files.isRegularFile(f))
          .filter(f -> !inSkippedFolder(modelDirectory.relativize(f)))
          .sorted().collect(Collectors.toList());
    }
  }

  private boolean inSkippedFolder(Path relativeModel) {
    for (Path part : relativeModel) {
      if (skippedFolders.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  private String packageOf(Path relativeModel) {
    Path folder = relativeModel.getParent();
    if (folder == null || !foldersArePackages) {
      return defaultPackage;
    }
    return folder.toString().replace('\\', '/').replace('/', '.');
  }

  private static boolean sameText(Path target, String source) throws IOException {
    return Files.isRegularFile(target)
        && Files.readString(target, StandardCharsets.UTF_8).equals(source);
  }

  private List<Path> deleteStale(Set<Path> made) throws IOException {
    if (!Files.isDirectory(outputDirectory)) {
      return List.of();
    }
    List<Path> deleted = new ArrayList<>();
    try (Stream<Path> files = Files.walk(outputDirectory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        if (!made.contains(file)) {
          Files.delete(file);
          deleted.add(file);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return deleted;
  }

  // The diagnostic names the file only; a build log needs the path to link to it.
  private static String located(Path model, Diagnostic d) {
    return model + ":" + d.line() + ":" + d.column() + ": error [" + d.code() + "] "
        + d.message() + d.excerpt();
  }
}
