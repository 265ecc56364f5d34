package org.symgrad.compiler.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, defect 5, in the annotation processor: models whose parameters and inputs take
 * the names generated code uses for itself, and Java's (contextual) keywords, generate Java
 * that compiles without a warning.
 */
class ReservedNamesProcessorTest {
  /** Names, a few per model; each model also has the plain input x. */
  private static final List<List<String>> MODELS = List.of(
      List.of("loss", "grad", "params", "batch"),
      List.of("t7", "i", "n", "rows"),
      List.of("this", "var", "yield", "record"),
      List.of("sealed", "permits", "out", "row"),
      List.of("fit", "predict", "compiledModel", "parameters"),
      List.of("class", "int", "return", "new"),
      List.of("scratch", "sums", "from", "to"),
      List.of("INFO", "info", "lossSum", "j"));

  @Test
  void reservedLookingNamesGenerateJavaThatCompiles() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (int m = 0; m < MODELS.size(); m++) {
      List<String> names = MODELS.get(m);
      // two parameters, one input, one let: every place a name can stand
      String type = "Reserved" + m;
      sources.add(ProcessorRun.source("org.example." + type,
          "package org.example;",
          "import org.symgrad.runtime.annotation.SymbolicModel;",
          "@SymbolicModel(",
          "    inputs = {\"x\", \"" + names.get(2) + "\"},",
          "    target = \"y\",",
          "    params = {\"" + names.get(0) + " = 1.0\", \"" + names.get(1) + " = 0.5\"},",
          "    lets = \"" + names.get(3) + " = " + names.get(0) + " * x\",",
          "    model = \"" + names.get(3) + " + " + names.get(1) + " * " + names.get(2) + "\")",
          "interface " + type + " {}"));
    }
    Compilation compilation = ProcessorRun.compile(sources.toArray(JavaFileObject[]::new));

    assertWithMessage("%s", compilation.diagnostics()).that(compilation.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    assertThat(compilation).succeededWithoutWarnings();
  }

  // toString calls an array's accessor, and Java refuses 'yield()' unqualified.
  @Test
  void reservedLookingNamesOfArrayParametersGenerateJavaThatCompiles() {
    Compilation compilation = ProcessorRun.compile(ProcessorRun.source("org.example.Arrays2",
        "package org.example;",
        "import org.symgrad.runtime.annotation.SymbolicModel;",
        "@SymbolicModel(",
        "    inputs = \"x\",",
        "    target = \"y\",",
        "    params = {\"yield[2] = 1.0\", \"var[2] = 0.5\", \"record[2] = 0.5\",",
        "              \"int[2] = 0.5\", \"toString[2] = 0.5\"},",
        "    model = \"yield[0] * x + yield[1] + var[0] + var[1] + record[0] + record[1]"
            + " + int[0] + int[1] + toString[0] + toString[1]\")",
        "interface Arrays2 {}"));

    assertWithMessage("%s", compilation.diagnostics()).that(compilation.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    assertThat(compilation).succeededWithoutWarnings();
  }
}
