package org.symgrad.compiler.api;

import static com.google.common.truth.Truth.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/** Asserts that two definitions are the same model: same content, same kernel, same bits. */
final class SameModel {
  private SameModel() {}

  /** Everything but the source and the graph, which are compared through their nodes. */
  static void assertSameModel(ModelDefinition built, ModelDefinition parsed) {
    assertThat(built.modelText()).isEqualTo(parsed.modelText());
    assertThat(built.lossText()).isEqualTo(parsed.lossText());
    assertThat(built.penaltyText()).isEqualTo(parsed.penaltyText());
    assertSameKernel(built, parsed);
  }

  /**
   * The same model but for how its texts are written (a random model's text is fully
   * parenthesized, the builder's is printed): same declarations, nodes, kernel and bits.
   */
  static void assertSameKernel(ModelDefinition built, ModelDefinition parsed) {
    assertThat(built.name()).isEqualTo(parsed.name());
    assertThat(built.data()).isEqualTo(parsed.data());
    assertThat(built.inputs()).isEqualTo(parsed.inputs());
    assertThat(built.target()).isEqualTo(parsed.target());
    assertThat(built.parameters()).isEqualTo(parsed.parameters());
    assertThat(printed(built.lets())).isEqualTo(printed(parsed.lets()));
    assertThat(built.prediction().toString()).isEqualTo(parsed.prediction().toString());
    assertThat(printed(built.outputs())).isEqualTo(printed(parsed.outputs()));
    assertThat(built.sampleLoss().toString()).isEqualTo(parsed.sampleLoss().toString());
    assertThat(built.penalty().toString()).isEqualTo(parsed.penalty().toString());
    assertThat(built.targetClasses()).isEqualTo(parsed.targetClasses());
    assertThat(Symgrad.lower(built).toString()).isEqualTo(Symgrad.lower(parsed).toString());
    assertSameBits(Symgrad.compile(built), Symgrad.compile(parsed));
  }

  private static java.util.List<String> printed(java.util.List<?> nodes) {
    return nodes.stream().map(Object::toString).toList();
  }

  private static Map<String, String> printed(Map<String, ?> lets) {
    Map<String, String> texts = new LinkedHashMap<>();
    lets.forEach((name, node) -> texts.put(name, node.toString()));
    return texts;
  }

  /**
   * The same predictions, losses and gradients, bit for bit, on random rows and params; a
   * classifier's on random classes.
   */
  static void assertSameBits(CompiledModel a, CompiledModel b) {
    Random random = new Random(7);
    int columns = a.info().inputColumns().size() + 1;
    int rows = 17;
    double[][] data = new double[columns][rows];
    for (double[] column : data) {
      for (int r = 0; r < rows; r++) {
        column[r] = random.nextGaussian() * 3;
      }
    }
    int outputs = a.info().outputs();
    if (outputs > 1) { // a classifier's target is a class: 0, 1, …, outputs - 1
      for (int r = 0; r < rows; r++) {
        data[columns - 1][r] = random.nextInt(outputs);
      }
    }
    Batch batch = Batch.of(data, rows);
    int n = a.info().parameterCount();
    for (int trial = 0; trial < 5; trial++) {
      double[] params = random.doubles(n, -2, 2).toArray();
      double[] gradA = new double[n];
      double[] gradB = new double[n];
      double[] outA = new double[rows * outputs];
      double[] outB = new double[rows * outputs];
      assertThat(a.lossAndGradient(params, batch, gradA))
          .isEqualTo(b.lossAndGradient(params, batch, gradB));
      assertThat(gradA).isEqualTo(gradB);
      assertThat(a.loss(params, batch)).isEqualTo(b.loss(params, batch));
      a.predict(params, batch, outA);
      b.predict(params, batch, outB);
      assertThat(outA).isEqualTo(outB);
    }
  }
}
