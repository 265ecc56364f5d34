package org.symgrad.compiler.reliability;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;
import org.symgrad.compiler.InMemoryJavaCompiler;
import org.symgrad.compiler.emit.BytecodeEmitter;
import org.symgrad.compiler.emit.SourceEmitter;
import org.symgrad.compiler.lower.Program;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/** Both emitters' classes, for tests that compare, verify or inspect them. */
final class EmittedClasses {
  static final String PACKAGE = "org.symgrad.generated";
  static final String BYTECODE_NAME = "org/symgrad/compiler/emit/Model_check";

  private EmittedClasses() {}

  /** What javac made of the generated sources: their loader and an instance of each. */
  record Compiled(ClassLoader loader, Map<String, CompiledModel> models) {
    /** The class file javac wrote for {@code className}. */
    byte[] classFile(String className) {
      return References.classFile(loader, PACKAGE + "." + className);
    }
  }

  /**
   * The generated sources of {@code programs} (by class name) compiled in one javac run,
   * which costs about as much as compiling one.
   */
  static Compiled compileSources(Map<String, Program> programs) {
    Map<String, String> sources = new LinkedHashMap<>();
    programs.forEach((className, program) -> sources.put(PACKAGE + "." + className,
        SourceEmitter.emitText(program, PACKAGE, className)));
    ClassLoader loader = InMemoryJavaCompiler.compileAll(sources);
    Map<String, CompiledModel> models = new LinkedHashMap<>();
    programs.keySet().forEach(className -> models.put(className, instantiate(loader,
        className)));
    return new Compiled(loader, models);
  }

  private static CompiledModel instantiate(ClassLoader loader, String className) {
    try {
      return (CompiledModel) InMemoryJavaCompiler.load(loader, PACKAGE + "." + className)
          .getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot instantiate " + className, e);
    }
  }

  /** The bytecode emitter's class file, after ASM's verifier has found nothing wrong in it. */
  static byte[] verifiedBytecode(Program program, String context) {
    byte[] bytes = BytecodeEmitter.emit(program, BYTECODE_NAME);
    StringWriter problems = new StringWriter();
    CheckClassAdapter.verify(new ClassReader(bytes), EmittedClasses.class.getClassLoader(),
        false, new PrintWriter(problems));
    assertWithMessage("CheckClassAdapter on the class of %s", context)
        .that(problems.toString()).isEmpty();
    return bytes;
  }

  /**
   * Asserts that both models give the same raw bits from every method; returns whether the
   * loss and gradient were finite, so callers can tell they did not compare only NaNs.
   */
  static boolean assertSameBits(CompiledModel bytecode, CompiledModel source, double[] params,
      Batch batch, int inputs, String context) {
    int rows = batch.size();
    double[][] inputColumns = new double[inputs][];
    for (int c = 0; c < inputs; c++) {
      inputColumns[c] = batch.column(c);
    }
    Batch inputBatch = Batch.of(inputColumns, rows);
    double[] expectedOut = new double[rows];
    double[] actualOut = new double[rows];
    bytecode.predict(params.clone(), inputBatch, expectedOut);
    source.predict(params.clone(), inputBatch, actualOut);
    for (int r = 0; r < rows; r++) {
      same(context, "predict, row " + r, expectedOut[r], actualOut[r]);
    }
    double loss = bytecode.loss(params.clone(), batch);
    same(context, "loss", loss, source.loss(params.clone(), batch));
    double[] expectedGrad = new double[params.length];
    double[] actualGrad = new double[params.length];
    same(context, "lossAndGradient's loss", bytecode.lossAndGradient(params.clone(), batch,
        expectedGrad), source.lossAndGradient(params.clone(), batch, actualGrad));
    boolean finite = Double.isFinite(loss);
    for (int k = 0; k < params.length; k++) {
      same(context, "gradient " + k, expectedGrad[k], actualGrad[k]);
      finite &= Double.isFinite(expectedGrad[k]);
    }
    return finite;
  }

  private static void same(String context, String what, double bytecode, double source) {
    assertWithMessage("%s: bytecode gives %s, source gives %s, for\n%s", what, bytecode,
        source, context)
        .that(Long.toHexString(Double.doubleToRawLongBits(source)))
        .isEqualTo(Long.toHexString(Double.doubleToRawLongBits(bytecode)));
  }
}
