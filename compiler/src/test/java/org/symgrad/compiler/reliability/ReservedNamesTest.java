package org.symgrad.compiler.reliability;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * Issue 16, defect 5: a name is only a name. Every reserved-looking name (what the emitters and
 * the lowering call their own things, Java's keywords and contextual keywords) used as a
 * parameter, as an input and as a {@code let}: both emitters' classes compile (the source
 * through javac), agree bit for bit, and compute exactly what the same model computes with
 * the name replaced by a plain one.
 */
class ReservedNamesTest {
  /** What generated code and the lowering name themselves, and what Java reserves. */
  static final List<String> NAMES = List.of(
      // the kernels' arguments, locals, fields and sums
      "loss", "grad", "params", "batch", "inputs", "out", "rows", "row", "scratch", "from",
      "to", "sums", "block", "blockEnd", "j", "i", "n", "lossSum", "INFO", "SCRATCH", "info",
      "sumCount", "pred", "t0", "t1", "t7", "s0", "s1", "Math", "Functions", "Kernels", "Double",
      "DoubleVector", "SPECIES_256", "v", "acc0", "lane", "rows_", "grad_", "loss_",
      // Java's keywords, literals and contextual keywords
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
      "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
      "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
      "interface", "long", "native", "new", "package", "private", "protected", "public",
      "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
      "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
      "null", "var", "yield", "record", "sealed", "permits", "non", "module", "open", "_");

  private static final String PLAIN = "zq";

  private enum Role {
    PARAM("input x\ntarget y\nparam w = 0.5\nparam %1$s = -0.25\n"
        + "model w * x + %1$s * x * x + %1$s\nloss mse\n"),
    INPUT("input x\ninput %1$s\ntarget y\nparam w = 0.5\nparam c = -0.25\n"
        + "model w * x + c * %1$s * x + c\nloss mse\n"),
    LET("input x\ntarget y\nparam w = 0.5\nparam c = -0.25\nlet %1$s = tanh(w * x)\n"
        + "model %1$s * c + %1$s * %1$s\nloss mse\n");

    private final String template;

    Role(String template) {
      this.template = template;
    }

    String text(String name) {
      return String.format(template, name);
    }
  }

  @Test
  void everyNameComputesWhatAPlainNameComputesInBothEmitters() {
    Map<String, Program> programs = new LinkedHashMap<>();
    Map<String, ModelDefinition> definitions = new LinkedHashMap<>();
    Map<String, ModelDefinition> plain = new LinkedHashMap<>();
    List<String> refused = new ArrayList<>();
    for (Role role : Role.values()) {
      for (String name : NAMES) {
        ModelDefinition definition;
        try {
          definition = ModelParser.parse(role.text(name), "reserved.sg");
        } catch (SymgradException e) {
          refused.add(role + " " + name); // the grammar may keep a word; then it never emits
          continue;
        }
        String className = "Symgrad_Reserved" + role + programs.size();
        definitions.put(className, definition);
        programs.put(className, Symgrad.lower(definition));
        plain.put(className, ModelParser.parse(role.text(PLAIN), "plain.sg"));
      }
    }
    // The names this defect is about are names, not words of the grammar.
    for (String name : List.of("loss", "grad", "params", "t7", "i", "n", "this", "var")) {
      assertWithMessage("param %s", name).that(refused).doesNotContain("PARAM " + name);
    }
    EmittedClasses.Compiled sources = EmittedClasses.compileSources(programs);
    Random random = new Random(16);
    for (String className : programs.keySet()) {
      ModelDefinition definition = definitions.get(className);
      String context = definition.modelText() + " with " + definition.parameters();
      EmittedClasses.verifiedBytecode(programs.get(className), context);
      CompiledModel bytecode = Symgrad.compile(definition);
      CompiledModel reference = Symgrad.compile(plain.get(className));
      int inputs = definition.inputs().size();
      for (int trial = 0; trial < 3; trial++) {
        double[] params = {random.nextDouble() - 0.5, random.nextDouble() - 0.5};
        Batch batch = batch(random, inputs + 1, 1 + trial * 5);
        EmittedClasses.assertSameBits(bytecode, sources.models().get(className), params, batch,
            inputs, context);
        EmittedClasses.assertSameBits(reference, bytecode, params, batch, inputs,
            context + " against the same model with the name " + PLAIN);
      }
    }
  }

  private static Batch batch(Random random, int columns, int rows) {
    double[][] values = new double[columns][rows];
    for (double[] column : values) {
      for (int r = 0; r < rows; r++) {
        column[r] = random.nextDouble() * 4 - 2;
      }
    }
    return Batch.of(values, rows);
  }
}
