package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.CheckClassAdapter;
import org.symgrad.compiler.HandBuiltModels;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.Program;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.ModelInfo;

/**
 * The bytecode model, given the generated source's lines, reports them: an exception thrown
 * inside it names the generated file and the line of the statement that threw, the same line
 * the javac-compiled source reports.
 *
 * <p>The bytecode class is defined by an ordinary class loader here: the JVM leaves frames of
 * hidden classes, which {@code Symgrad.compile} makes, out of stack traces.
 */
class LineNumbersTest {
  private static final String CLASS = "Symgrad_ThermometerNormalized";
  private static final String FILE = CLASS + ".java";
  private static final String INTERNAL_NAME = "org/symgrad/generated/Model_withLines";

  private final Program program = Symgrad.lower(HandBuiltModels.thermometerNormalized());
  private final SourceEmitter.Result source =
      SourceEmitter.emitWithLines(program, "org.symgrad.generated", CLASS);
  private final byte[] bytecode = BytecodeEmitter.emit(program, INTERNAL_NAME, source.lines());

  @Test
  void eachRecordedLineHoldsItsStatement() {
    org.symgrad.compiler.lower.KernelLines fused = source.lines().kernel(Kernel.Kind.LOSS_AND_GRADIENT);
    assertThat(source.lines().fileName()).isEqualTo(FILE);
    assertThat(text(fused.rows())).isEqualTo("int rows = batch.size();");
    assertThat(text(fused.column(1))).isEqualTo("double[] t_cColumn = batch.column(1);");
    assertThat(text(fused.prologue().get(0))).isEqualTo("double w = params[0];");
    assertThat(text(fused.sums().get(1))).isEqualTo("double dLoss_dwSum = 0.0;");
    assertThat(text(fused.loop())).startsWith("for (int row = 0; row < groupsEnd; row += 8)");
    assertThat(text(fused.body().get(3))).isEqualTo("double pred = t4 + b;");
    assertThat(text(fused.body().get(8))).isEqualTo("lossSum += t8;");
    assertThat(text(fused.epilogue().get(0))).isEqualTo("double t10 = (double) rows;");
    assertThat(text(fused.epilogue().get(11))).isEqualTo("return t12;");
    // The body once per lane, then once for the rows after the last group of 8 (or all the
    // rows of a short pass).
    assertThat(fused.body()).hasSize((Kernel.LANES + 1) * program.lossAndGradient().body().size());
    assertThat(text(fused.body().get(program.lossAndGradient().body().size())))
        .isEqualTo("double t_u = t_uColumn[row + 1];");
    assertThat(text(fused.lanes().get(0))).isEqualTo("double lossSum1 = 0.0;");
    assertThat(text(fused.lanes().get(21)))
        .isEqualTo("int groupsEnd = rows < 24 ? 0 : rows - rows % 8;");
    assertThat(text(fused.lanes().get(22))).startsWith("for (int row = groupsEnd; row < rows;");
    assertThat(text(fused.lanes().get(23))).isEqualTo("if (groupsEnd > 0) {");
    assertThat(text(fused.lanes().get(24)))
        .isEqualTo("lossSum = ((lossSum + lossSum4) + (lossSum1 + lossSum5))");
  }

  @Test
  void statementThatThrowsIsReportedAtItsLineInTheGeneratedSource() {
    // grad has room for w's gradient only: the check at the head of the method refuses it.
    assertBothThrowAt("Kernels.checkGrad(grad, 2);",
        model -> model.lossAndGradient(new double[] {1, 0}, HandBuiltModels.thermometerBatch(),
            new double[1]));
    assertBothThrowAt("Kernels.checkParams(params, 2);",
        model -> model.loss(new double[] {1, 0, 5}, HandBuiltModels.thermometerBatch()));
    assertBothThrowAt("Kernels.checkOut(out, rows, 1);",
        model -> model.predict(new double[] {1, 0}, HandBuiltModels.thermometerBatch(),
            new double[3]));
    // A batch without the target column: Batch.column throws, called from this line.
    assertBothThrowAt("double[] t_cColumn = batch.column(1);",
        model -> model.loss(new double[] {1, 0}, Batch.of(new double[][] {
            HandBuiltModels.T_U}, HandBuiltModels.T_U.length)));
  }

  @Test
  void bytecodeStepsThroughTheLinesJavacsClassDoes() throws IOException {
    Class<?> javac = SourceBitIdentityTest.compileSource(program, CLASS).getClass();
    byte[] javacBytes;
    try (InputStream in = javac.getClassLoader()
        .getResourceAsStream(javac.getName().replace('.', '/') + ".class")) {
      javacBytes = in.readAllBytes();
    }
    Map<String, Set<Integer>> ours = lineNumbers(bytecode);
    Map<String, Set<Integer>> javacs = lineNumbers(javacBytes);
    for (Kernel kernel : program.kernels()) {
      String method = kernel.kind().methodName();
      // javac also marks predict's implicit return, at its closing brace; we mark no brace.
      Set<Integer> expected = new TreeSet<>(javacs.get(method));
      expected.removeIf(line -> text(line).equals("}"));
      assertThat(ours.get(method)).containsExactlyElementsIn(expected);
    }
  }

  @Test
  void splitKernelsStepThroughTheLinesJavacsClassDoes() throws IOException {
    Program split = org.symgrad.compiler.lower.Lowering.lower(
        org.symgrad.compiler.VectorModels.mlp13(), 300);
    String className = "Symgrad_Mlp13Split";
    SourceEmitter.Result splitSource =
        SourceEmitter.emitWithLines(split, "org.symgrad.generated", className);
    byte[] ours = BytecodeEmitter.emit(split, INTERNAL_NAME, splitSource.lines());
    Class<?> javac = SourceBitIdentityTest.compileSource(split, className).getClass();
    byte[] javacBytes;
    try (InputStream in = javac.getClassLoader()
        .getResourceAsStream(javac.getName().replace('.', '/') + ".class")) {
      javacBytes = in.readAllBytes();
    }
    Map<String, Set<Integer>> oursByMethod = lineNumbers(ours);
    Map<String, Set<Integer>> javacsByMethod = lineNumbers(javacBytes);
    List<String> fileLines = splitSource.text().lines().toList();
    int methods = 0;
    for (Kernel kernel : split.kernels()) {
      for (int m = -1; m < kernel.helpers().size(); m++) {
        String method = m < 0 ? kernel.kind().methodName() : kernel.helperName(m);
        Set<Integer> expected = new TreeSet<>(javacsByMethod.get(method));
        expected.removeIf(line -> fileLines.get(line - 1).strip().equals("}"));
        assertWithMessage(method).that(oursByMethod.get(method))
            .containsExactlyElementsIn(expected);
        methods++;
      }
    }
    assertThat(methods).isGreaterThan(10);
  }

  @Test
  void classWithLinesPassesTheVerifier() {
    StringWriter problems = new StringWriter();
    CheckClassAdapter.verify(new ClassReader(bytecode), getClass().getClassLoader(), false,
        new PrintWriter(problems));
    assertThat(problems.toString()).isEmpty();
  }

  private void assertBothThrowAt(String statement, Consumer<CompiledModel> call) {
    CompiledModel fromBytecode = defineVisibly();
    CompiledModel fromSource = SourceBitIdentityTest.compileSource(program, CLASS);
    StackTraceElement ours = frameOf(fromBytecode, call);
    StackTraceElement javacs = frameOf(fromSource, call);
    assertThat(ours.getFileName()).isEqualTo(FILE);
    assertThat(text(ours.getLineNumber())).isEqualTo(statement);
    assertThat(ours.getLineNumber()).isEqualTo(javacs.getLineNumber());
    assertThat(javacs.getFileName()).isEqualTo(FILE);
  }

  private static StackTraceElement frameOf(CompiledModel model, Consumer<CompiledModel> call) {
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> call.accept(model));
    return Arrays.stream(thrown.getStackTrace())
        .filter(frame -> frame.getClassName().equals(model.getClass().getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no frame of the model in", thrown));
  }

  private String text(int line) {
    return source.text().lines().toList().get(line - 1).strip();
  }

  private CompiledModel defineVisibly() {
    try {
      Class<?> type = new VisibleLoader().define(bytecode);
      return (CompiledModel) type.getConstructor(ModelInfo.class).newInstance(program.info());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Map<String, Set<Integer>> lineNumbers(byte[] classFile) {
    Map<String, Set<Integer>> lines = new TreeMap<>();
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor,
          String signature, String[] exceptions) {
        Set<Integer> methodLines = lines.computeIfAbsent(name, n -> new TreeSet<>());
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitLineNumber(int line, Label start) {
            methodLines.add(line);
          }
        };
      }
    }, 0);
    return lines;
  }

  private static final class VisibleLoader extends ClassLoader {
    VisibleLoader() {
      super(LineNumbersTest.class.getClassLoader());
    }

    Class<?> define(byte[] bytes) {
      return defineClass(null, bytes, 0, bytes.length);
    }
  }
}
