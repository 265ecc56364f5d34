package org.symgrad.compiler.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @SymbolicModel(source = …)} under the javac call Gradle makes: an empty {@code
 * -sourcepath}, the class output in {@code build/classes/java/main}, the resources in {@code
 * build/resources/main} and on neither path. Only {@code -Asymgrad.modelDir} finds the file
 * there; the option's folders come before the places javac knows.
 */
class ProcessorModelDirTest {
  private static final String MODEL = "input t_u\ntarget t_c\nparam w = 1.0\nparam b = 0.0\n"
      + "model %s\nloss mse\n";
  private static final String ANNOTATED = """
      package org.example;
      @org.symgrad.runtime.annotation.SymbolicModel(source = "thermo.sg")
      class Thermo {}
      """;

  @TempDir
  Path project;

  private record Result(boolean success, String diagnostics) {}

  /** javac as Gradle calls it; {@code options} are added at the end. */
  private Result gradleJavac(String... options) throws IOException {
    Path source = write("src/main/java/org/example/Thermo.java", ANNOTATED);
    Path classes = Files.createDirectories(project.resolve("build/classes/java/main"));
    Path generated = Files.createDirectories(
        project.resolve("build/generated/sources/annotationProcessor/java/main"));
    List<String> args = new ArrayList<>(List.of(
        "-sourcepath", "",
        "-classpath", System.getProperty("java.class.path"),
        "-d", classes.toString(),
        "-s", generated.toString(),
        "-proc:only"));
    args.addAll(List.of(options));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(out, files, null, args, null,
          files.getJavaFileObjects(source));
      task.setProcessors(List.of(new SymgradProcessor()));
      return new Result(task.call(), out.toString());
    }
  }

  private Path write(String path, String text) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private String generatedModel() throws IOException {
    return Files.readString(project.resolve(
        "build/generated/sources/annotationProcessor/java/main/org/example/Symgrad_ThermoModel.java"));
  }

  @Test
  void withoutTheOptionTheGradleLayoutCannotFindTheFileAndTheMessageSaysWhatToDo()
      throws IOException {
    write("build/resources/main/org/example/thermo.sg", MODEL.formatted("w * t_u + b"));

    Result result = gradleJavac();

    assertThat(result.success()).isFalse();
    assertThat(result.diagnostics()).contains("[SG602] no model file org/example/thermo.sg on "
        + "the source path, in the class output or on the class path");
    assertThat(result.diagnostics()).contains("-Asymgrad.modelDir=DIR");
  }

  @Test
  void theModelDirOptionFindsTheFileInTheGradleLayout() throws IOException {
    Path resources = project.resolve("src/main/resources");
    write("src/main/resources/org/example/thermo.sg", MODEL.formatted("w * t_u + b"));

    Result result = gradleJavac("-Asymgrad.modelDir=" + resources);

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.success()).isTrue();
    assertThat(generatedModel()).contains("// model: w * t_u + b    loss: mse");
  }

  @Test
  void theOptionsFoldersAreSearchedInOrderBeforeTheSourcePath() throws IOException {
    write("first/org/example/thermo.sg", MODEL.formatted("w * t_u * t_u + b"));
    write("second/org/example/thermo.sg", MODEL.formatted("w * t_u + b"));
    write("src/main/java/org/example/thermo.sg", MODEL.formatted("w + b * t_u"));
    String dirs = project.resolve("missing") + java.io.File.pathSeparator
        + project.resolve("first") + java.io.File.pathSeparator + project.resolve("second");

    Result result = gradleJavac("-sourcepath", project.resolve("src/main/java").toString(),
        "-Asymgrad.modelDir=" + dirs);

    assertThat(result.success()).isTrue();
    assertThat(generatedModel()).contains("// model: w * t_u * t_u + b    loss: mse");
  }

  @Test
  void aFileMissingFromTheOptionsFoldersNamesThem() throws IOException {
    Path resources = Files.createDirectories(project.resolve("src/main/resources"));

    Result result = gradleJavac("-Asymgrad.modelDir=" + resources);

    assertThat(result.success()).isFalse();
    assertThat(result.diagnostics()).contains("(nor in -Asymgrad.modelDir " + resources + ")");
  }
}
