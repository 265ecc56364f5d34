package org.symgrad.compiler.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.ClassName;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;

/**
 * The front for what the parser does not accept yet but the runtime describes: array
 * parameters and several outputs a row. It must compile cleanly and copy arrays in and out.
 */
class FacadeEmitterTest {
  private static final ModelInfo NET = new ModelInfo("net", "…", "mse", List.of(
      new ParameterInfo("w1", List.of(2, 3), 0, new Initializer.Uniform(-1, 1)),
      ParameterInfo.scalar("b", 6, new Initializer.Constant(0.5))),
      List.of("x0", "x1"), "y", 2);

  @Test
  void arrayParametersAndVectorOutputsCompile() {
    String front = FacadeEmitter.emit(NET, "Net", ClassName.get("org.example", "Symgrad_Net"),
        ClassName.get("org.example", "Symgrad_NetModel")).toString();
    // A stand-in for the compiled model, which the emitters cannot make for this model yet.
    String model = String.join("\n",
        "package org.example;",
        "public final class Symgrad_NetModel implements org.symgrad.runtime.CompiledModel {",
        "  public org.symgrad.runtime.ModelInfo info() { throw new AssertionError(); }",
        "  public void predict(double[] p, org.symgrad.runtime.Batch b, double[] o) {}",
        "  public double loss(double[] p, org.symgrad.runtime.Batch b) { return 0; }",
        "  public double lossAndGradient(double[] p, org.symgrad.runtime.Batch b, double[] g) {",
        "    return 0;",
        "  }",
        "}");

    Compilation compilation = javaFiles(front, model);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(front).contains("""
          /**
           * Parameter {@code w1[2, 3]}, row-major, initially uniform(-1.0, 1.0).
           */
          public double[] w1() {
            return Arrays.copyOfRange(params, 0, 6);
          }
        """);
    assertThat(front).contains("""
          public void setW1(double... values) {
            copyIn(values, 0, 6);
          }
        """);
    assertThat(front).contains("""
          public double[] predict(double x0, double x1) {
            return predictRow(new double[][] {{x0}, {x1}});
          }
        """);
    assertThat(front).contains("double[] out = new double[data.rows() * 2];");
    assertThat(front).contains(
        "return \"Net[w1=\" + Arrays.toString(w1()) + \", b=\" + params[6] + \"]\";");
  }

  private static Compilation javaFiles(String front, String model) {
    return ProcessorRun.compile(new SymgradProcessor(), List.of(),
        JavaFileObjects.forSourceString("org.example.Symgrad_Net", front),
        JavaFileObjects.forSourceString("org.example.Symgrad_NetModel", model));
  }
}
