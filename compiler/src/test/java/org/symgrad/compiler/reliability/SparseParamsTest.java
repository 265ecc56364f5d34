package org.symgrad.compiler.reliability;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.CompiledModel;

/**
 * Issue 16, defect 8: a declared element that the model does not read costs nothing to
 * compile, and its gradient is +0. {@code param W[512, 512]} and {@code W[2048, 2048]} with
 * four elements read compile (the larger in a JVM with a 256 MB heap), their gradients are
 * +0 wherever nothing reads the element and central differences' elsewhere, and both emitters
 * give the same bits. What is over the limits is refused from the declarations.
 */
class SparseParamsTest {

  @Test
  void aFewElementsOfA512By512ParamHaveTheirGradientAndTheRestZero() {
    assertThat(SparseParams.check(Symgrad.compile(SparseParams.parse(512)), 512)).isNull();
  }

  @Test
  void aFewElementsOfA2048By2048ParamCompileInA256MbHeap() throws Exception {
    LongRunningTest.Result result = LongRunningTest.runJava(List.of("-Xmx256m"),
        SparseParams.class.getName(), "2048");
    assertWithMessage("W[2048, 2048] in a JVM with -Xmx256m:\n%s", result.output())
        .that(result.exitCode()).isEqualTo(0);
    assertThat(result.output()).contains("OK");
  }

  @Test
  void whatIsBuiltDoesNotGrowWithTheElementsDeclared() {
    ModelDefinition small = SparseParams.parse(256);
    ModelDefinition large = SparseParams.parse(2048);
    Program smallProgram = Symgrad.lower(small);
    Program largeProgram = Symgrad.lower(large);

    // The same nodes, derivatives and row sums, whether W has 65 536 elements or 4 194 304.
    assertThat(large.graph().size()).isEqualTo(small.graph().size());
    assertThat(largeProgram.derivatives().keySet())
        .containsExactly("W[0,0]", "W[3,7]", "W[3,8]", "W[2047,1]", "b").inOrder();
    assertThat(largeProgram.sumCount()).isEqualTo(smallProgram.sumCount());
    assertThat(largeProgram.lossAndGradient().epilogue().size())
        .isEqualTo(smallProgram.lossAndGradient().epilogue().size());
  }

  @Test
  void bothEmittersGiveTheSameBitsAndWriteEveryZero() {
    Map<String, Program> programs = new LinkedHashMap<>();
    Map<String, ModelDefinition> definitions = new LinkedHashMap<>();
    for (int n : new int[] {16, 512, 2048}) {
      ModelDefinition definition = SparseParams.parse(n);
      definitions.put("Symgrad_Sparse" + n, definition);
      programs.put("Symgrad_Sparse" + n, Symgrad.lower(definition));
    }
    EmittedClasses.Compiled sources = EmittedClasses.compileSources(programs);
    for (String className : programs.keySet()) {
      ModelDefinition definition = definitions.get(className);
      int n = definition.parameters().get(0).shape().get(0);
      CompiledModel bytecode = Symgrad.compile(definition);
      CompiledModel source = sources.models().get(className);
      double[] params = SparseParams.params(bytecode);
      boolean finite = EmittedClasses.assertSameBits(bytecode, source, params,
          SparseParams.batch(), 1, className);
      assertWithMessage("%s is finite", className).that(finite).isTrue();
      assertWithMessage("the source of %s", className)
          .that(SparseParams.check(source, n)).isNull();
    }
  }

  @Test
  void anArrayOverItsLimitIsRefusedFromItsDeclaration() {
    SymgradException e = assertThrows(SymgradException.class, () -> Symgrad.parse(
        "input x\ntarget y\nparam W[4096, 4096]\nmodel W[0, 0] * x\n", "big.sg"));
    assertThat(e.diagnostics().get(0).code()).isEqualTo("SG220");
    assertThat(e.getMessage()).contains("'W' has more than 4194304 elements");
  }
}
