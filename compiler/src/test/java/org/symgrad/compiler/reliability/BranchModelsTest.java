package org.symgrad.compiler.reliability;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * Issue 16, defects 2 and 3, in compiled models: models whose data puts a row on the inactive
 * side of a branch ({@code relu}, clamps by {@code min}/{@code max}, a zero base of a fitted
 * power) have a finite loss and gradient, and both emitters give the same bits for them (the
 * select is printed by both).
 */
class BranchModelsTest {
  private static final List<String> MODELS = List.of(
      "input x\ntarget y\nparam w = 1.0\nparam b = 0.5\nmodel sqrt(relu(w * x)) + b\n",
      "input x\ntarget y\nparam w = 1.0\nparam b = 0.5\nmodel sqrt(max(w * x, 0)) + b\n",
      "input x\ntarget y\nparam w = 1.0\nparam b = 0.5\nmodel acos(min(max(w * x, -1), 1)) + b\n",
      "input x\ntarget y\nparam a = 1.5\nparam p = 1.7\nmodel a * x^p\n",
      "input x\ntarget y\nparam a = 1.5\nparam p = 0.5\nmodel a * pow(x, p) + abs(a * x)\n");

  @Test
  void aRowOnTheInactiveBranchLeavesTheGradientFiniteInBothEmitters() {
    Map<String, Program> programs = new LinkedHashMap<>();
    Map<String, ModelDefinition> definitions = new LinkedHashMap<>();
    for (int m = 0; m < MODELS.size(); m++) {
      ModelDefinition definition = ModelParser.parse(MODELS.get(m), "branch" + m + ".sg");
      definitions.put("Symgrad_Branch" + m, definition);
      programs.put("Symgrad_Branch" + m, Symgrad.lower(definition));
    }
    EmittedClasses.Compiled sources = EmittedClasses.compileSources(programs);
    // x = 0 (relu's kink), x < 0 (relu off), |x| > 1 (clamped)
    Batch batch = Batch.of(new double[][] {{0.0, -2.0, 1.5, 0.5, 3.0}, {1, 0, 2, 1, 2}}, 5);
    // max(w * x, 0) ties at x = 0, where torch too gives half of sqrt's infinite slope to each
    // side and then 0 * inf = NaN to w: that row is left out for it.
    Batch noTie = Batch.of(new double[][] {{-2.0, 1.5, 0.5, 3.0}, {0, 2, 1, 2}}, 4);
    // a power's zero base; a negative one has no real power
    Batch zeroBase = Batch.of(new double[][] {{0.0, 2.0, 1.5, 0.5, 3.0}, {0, 2, 1, 1, 2}}, 5);
    for (String className : programs.keySet()) {
      ModelDefinition definition = definitions.get(className);
      String text = definition.modelText();
      Batch rows = text.startsWith("sqrt(max") ? noTie : text.startsWith("a *") ? zeroBase
          : batch;
      CompiledModel bytecode = Symgrad.compile(definition);
      double[] params = {1.0, 0.5};
      if (definition.parameters().get(0).name().equals("a")) {
        params = new double[] {1.5, definition.modelText().contains("pow") ? 0.5 : 1.7};
      }
      boolean finite = EmittedClasses.assertSameBits(bytecode, sources.models().get(className),
          params, rows, 1, definition.modelText());
      assertWithMessage("loss and gradient of %s are finite", definition.modelText())
          .that(finite).isTrue();
    }
  }
}
