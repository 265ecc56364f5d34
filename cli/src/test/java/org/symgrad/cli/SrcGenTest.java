package org.symgrad.cli;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symgrad.compiler.SecondOrderKernel;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.processor.SymgradProcessor;

/**
 * {@code src-gen/} at the repository root holds the generated source of every sample model,
 * checked in so that a change to what symgrad generates shows in review as a diff. This test
 * generates them afresh, the {@code .sg} models with {@code symgrad emit --out} and the
 * annotated Java samples with the annotation processor, and fails, naming the command that
 * refreshes them, when {@code src-gen/} differs: a file changed, missing, or no longer made.
 *
 * <p>The annotated Kotlin samples are processed by kapt, which only their own Maven build runs:
 * their files (those in the packages of {@code samples/kotlin}) are checked, and refreshed, by
 * {@code KaptSrcGenTest} in {@code samples/kotlin}, and left alone here.
 */
class SrcGenTest {
  /** Set to true to rewrite {@code src-gen/} from the current generators instead of checking. */
  static final String UPDATE_PROPERTY = "symgrad.updateSrcGen";

  // Surefire runs in the module's folder; these are the source tree, not target/.
  private static final Path ROOT = Path.of("..");
  private static final Path SRC_GEN = ROOT.resolve("src-gen");
  private static final Path SG_SAMPLES = ROOT.resolve("samples");
  private static final Path JAVA_SAMPLES = ROOT.resolve("samples/java/src/main/java");
  private static final Path KOTLIN_SAMPLES = ROOT.resolve("samples/kotlin/src/main/kotlin");
  private static final Pattern KOTLIN_PACKAGE =
      Pattern.compile("^package\\s+([\\w.]+)", Pattern.MULTILINE);
  private static final String README = "README.md";
  private static final String REFRESH_ALL = "mvn -B -pl cli -am verify -Dtest=SrcGenTest "
      + "-Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true";

  @TempDir
  Path fresh;

  @Test
  void srcGenHoldsWhatSymgradGeneratesForEverySample() throws IOException {
    Map<String, String> refresh = new TreeMap<>(); // generated file -> command that makes it
    for (Path source : runProcessor(files(JAVA_SAMPLES, ".java"))) {
      refresh.put(relative(fresh, source), REFRESH_ALL);
    }
    for (Path model : files(SG_SAMPLES, ".sg").stream()
        .filter(file -> !file.toString().contains("/target/")).toList()) {
      CommandRun run = CommandRun.of("emit", model.toString(), "--out", fresh.toString());
      assertWithMessage("symgrad emit %s: %s", model, run.err()).that(run.exitCode())
          .isEqualTo(0);
      Path written = Path.of(run.out().strip());
      refresh.put(relative(fresh, written), "./symgrad emit "
          + relative(ROOT, model) + " --out src-gen");
    }
    for (Path model : SECOND_ORDER_SAMPLES) {
      for (Path written : writeSecondOrder(model)) {
        refresh.put(relative(fresh, written), REFRESH_ALL);
      }
    }
    Map<String, String> generated = contents(fresh);
    Map<String, String> checkedIn = contents(SRC_GEN);
    checkedIn.remove(README);
    Set<String> kaptFolders = kotlinSamplePackageFolders();
    assertWithMessage("generated here into a package of the Kotlin samples, whose src-gen/ files "
            + "KaptSrcGenTest owns").that(generated.keySet().stream()
            .filter(file -> isIn(file, kaptFolders)).toList()).isEmpty();
    checkedIn.keySet().removeIf(file -> isIn(file, kaptFolders));
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      rewriteSrcGen(checkedIn, generated);
      checkedIn = generated;
    }

    assertWithMessage("src-gen/ is not what symgrad generates for the samples. If the change "
            + "is intended, refresh it (everything at once: %s) and review the diff",
        REFRESH_ALL).that(problems(generated, checkedIn, refresh)).isEmpty();
  }

  // The fused second-order kernels of these samples (lm's normal equations where the model is
  // least squares and the geodesic kernel of its acceleration, newton's objective, gradient and
  // Hessian), in package symgrad.second.
  private static final List<Path> SECOND_ORDER_SAMPLES = List.of(
      SG_SAMPLES.resolve("decay/decay.sg"), SG_SAMPLES.resolve("logistic/exams.sg"));
  private static final String SECOND_ORDER_PACKAGE = "symgrad.second";

  private List<Path> writeSecondOrder(Path model) throws IOException {
    ModelDefinition definition = Symgrad.parseFile(model);
    List<SecondOrderKernel> kinds = new ArrayList<>();
    if (Symgrad.whyNotLeastSquares(definition).isEmpty()) {
      kinds.add(SecondOrderKernel.NORMAL_EQUATIONS);
      kinds.add(SecondOrderKernel.GEODESIC);
    }
    kinds.add(SecondOrderKernel.NEWTON);
    List<Path> written = new ArrayList<>();
    Path folder = fresh.resolve(SECOND_ORDER_PACKAGE.replace('.', '/'));
    Files.createDirectories(folder);
    for (SecondOrderKernel kind : kinds) {
      String className = Symgrad.generatedClassName(kind.sums(definition).name());
      Path file = folder.resolve(className + ".java");
      Files.writeString(file, Symgrad.emitSecondOrderSource(definition, kind,
          SECOND_ORDER_PACKAGE, className));
      written.add(file);
    }
    return written;
  }

  private static List<String> problems(Map<String, String> generated,
      Map<String, String> checkedIn, Map<String, String> refresh) {
    List<String> problems = new ArrayList<>();
    generated.forEach((file, text) -> {
      if (!text.equals(checkedIn.get(file))) {
        problems.add("src-gen/" + file + (checkedIn.containsKey(file) ? " differs" : " is missing")
            + "; refresh it with: " + refresh.get(file));
      }
    });
    checkedIn.keySet().stream().filter(file -> !generated.containsKey(file)).forEach(file ->
        problems.add("src-gen/" + file + " is no longer generated by any sample; delete it"));
    return problems;
  }

  // The files the processor writes into fresh for the Java samples (-proc:only: nothing is
  // compiled), before anything else is there.
  private List<Path> runProcessor(List<Path> sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      // The encoding as Maven's javac has it: otherwise the platform's, and under a C locale
      // the generated comment's em dash would be written as '?'.
      List<String> options = List.of("-proc:only", "--release", "17", "-encoding", "UTF-8",
          "-s", fresh.toString(), "-classpath", testClassPath());
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options,
          null, files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(new SymgradProcessor()));
      boolean ok = task.call();
      assertWithMessage("processing the Java samples: %s", diagnostics.getDiagnostics())
          .that(ok).isTrue();
    }
    return files(fresh, ".java");
  }

  private static void rewriteSrcGen(Map<String, String> old, Map<String, String> generated)
      throws IOException {
    for (String file : old.keySet()) {
      Files.delete(SRC_GEN.resolve(file));
    }
    for (Map.Entry<String, String> entry : generated.entrySet()) {
      Path file = SRC_GEN.resolve(entry.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, entry.getValue());
    }
  }

  // Every file under folder, by its path relative to it with '/' separators, with its text.
  private static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> contents = new TreeMap<>();
    if (Files.isDirectory(folder)) {
      for (Path file : files(folder, "")) {
        contents.put(relative(folder, file), Files.readString(file));
      }
    }
    return contents;
  }

  // The package folders, "org/symgrad/samples/kotlin/", of the Kotlin samples' sources.
  private static Set<String> kotlinSamplePackageFolders() throws IOException {
    Set<String> folders = new TreeSet<>();
    for (Path source : files(KOTLIN_SAMPLES, ".kt")) {
      Matcher declaration = KOTLIN_PACKAGE.matcher(Files.readString(source));
      if (declaration.find()) {
        folders.add(declaration.group(1).replace('.', '/') + "/");
      }
    }
    return folders;
  }

  private static boolean isIn(String file, Set<String> folders) {
    int slash = file.lastIndexOf('/');
    return folders.contains(file.substring(0, slash + 1));
  }

  private static List<Path> files(Path folder, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(file -> file.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    }
  }

  private static String relative(Path folder, Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }

  // Surefire may run tests through a manifest-only jar; it names the real path separately.
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire : System.getProperty("java.class.path", "");
  }
}
