package org.symgrad.compiler.modular;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.symgrad.compiler.Symgrad;
import org.symgrad.runtime.CompiledModel;

/**
 * A small modular application ({@code requires org.symgrad.compiler}) compiles against the
 * runtime and compiler on the module path, and fits a model there in a JVM of its own: the
 * hidden model classes link against the runtime. The pipeline's packages are not exported.
 */
class ModularApplicationTest {
  private static final String MODULE_INFO = """
      module app {
        requires org.symgrad.compiler;
      }
      """;
  private static final String MAIN = """
      package app;

      import java.util.List;
      import org.symgrad.compiler.Symgrad;
      import org.symgrad.compiler.model.ModelDefinition;
      import org.symgrad.runtime.Batch;
      import org.symgrad.runtime.CompiledModel;
      import org.symgrad.runtime.Dataset;

      public class Main {
        public static void main(String[] args) {
          ModelDefinition line = Symgrad.parse(
              "input x\\ntarget y\\nparam w = 0.0\\nparam b = 0.0\\nmodel w * x + b\\nloss mse\\n",
              "line.sg");
          CompiledModel model = Symgrad.compile(line);
          Batch batch = new Dataset(List.of("x", "y"),
              new double[][] {{0, 1, 2, 3}, {1, 3, 5, 7}}).batchFor(model.info(), true);
          double[] params = {0, 0};
          double[] grad = new double[2];
          for (int step = 0; step < 5000; step++) {
            model.lossAndGradient(params, batch, grad);
            params[0] -= 0.05 * grad[0];
            params[1] -= 0.05 * grad[1];
          }
          System.out.println("w=" + params[0] + " b=" + params[1]);
          System.out.println("graph exported: " + Symgrad.class.getModule()
              .isExported("org.symgrad.compiler.graph"));
          System.out.println("named: " + model.getClass().getModule().isNamed());
        }
      }
      """;

  @TempDir
  Path dir;

  @Test
  void aModularApplicationCompilesAndFitsOnTheModulePath() throws Exception {
    Path classes = dir.resolve("classes");
    String errors = javac(classes, Map.of("module-info.java", MODULE_INFO, "app/Main.java", MAIN));
    assertThat(errors).isEmpty();

    Process java = new ProcessBuilder(javaExecutable(), "--module-path",
        modulePath() + File.pathSeparator + classes, "-m", "app/app.Main")
        .redirectErrorStream(true).start();
    String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(java.waitFor()).isEqualTo(0);
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(3);
    String[] fitted = lines.get(0).split("[ =]");
    assertThat(Double.parseDouble(fitted[1])).isWithin(1e-9).of(2.0);
    assertThat(Double.parseDouble(fitted[3])).isWithin(1e-9).of(1.0);
    assertThat(lines.get(1)).isEqualTo("graph exported: false");
    assertThat(lines.get(2)).isEqualTo("named: true");
  }

  @Test
  void anInternalPackageIsNotVisibleToAModule() throws IOException {
    String errors = javac(dir.resolve("classes"), Map.of("module-info.java", MODULE_INFO,
        "app/Main.java", "package app; class Main { org.symgrad.compiler.graph.Graph g; }"));

    assertThat(errors).contains("package org.symgrad.compiler.graph is not visible");
  }

  @Test
  void generatedSourceCompilesInAModuleThatReadsOnlyTheRuntime() throws IOException {
    String model = Symgrad.emitSource(Symgrad.parse(
        "input x\ntarget y\nparam w = 0.0\nparam b = 0.0\nmodel w * x + b\nloss mse\n",
        "line.sg"), "app", "Symgrad_Line");

    // What the Maven plugin and the annotation processor hand an application's javac.
    String errors = javac(dir.resolve("classes"), Map.of(
        "module-info.java", "module app { requires org.symgrad.runtime; }",
        "app/Symgrad_Line.java", model));

    assertThat(errors).isEmpty();
  }

  /** javac's error output for {@code sources} (path to text), compiled into {@code classes}. */
  private String javac(Path classes, Map<String, String> sources) throws IOException {
    Path src = dir.resolve("src");
    List<String> args = new ArrayList<>(List.of("--module-path", modulePath(), "-d",
        classes.toString(), "-proc:none"));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      args.add(Files.writeString(file, source.getValue()).toString());
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ToolProvider.getSystemJavaCompiler()
        .run(null, new ByteArrayOutputStream(), err, args.toArray(String[]::new));
    String errors = err.toString(StandardCharsets.UTF_8);
    return status == 0 || !errors.isEmpty() ? errors : "javac failed with no message";
  }

  // The runtime and compiler as built (target/classes or the jars, each with its
  // module-info), and the libraries the compiler requires.
  private static String modulePath() {
    return Stream.of(CompiledModel.class, Symgrad.class, ClassWriter.class,
            com.palantir.javapoet.ClassName.class, org.jspecify.annotations.Nullable.class)
        .map(ModularApplicationTest::location).distinct()
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
