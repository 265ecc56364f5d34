package org.symgrad.compiler.parse;

import static com.google.common.truth.Truth.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.graph.Evaluator;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.ParameterInfo;

/** Vector declarations, index sums and vector outputs, read into scalar graph. */
class VectorModelsTest {

  private static ModelDefinition parse(String... lines) {
    return ModelParser.parse(String.join("\n", lines) + "\n", "v.sg");
  }

  @Test
  void vectorParamsAreLaidOutRowMajorAfterEachOther() {
    ModelDefinition m = parse("input x[4]", "target y", "param a", "param W[3, 4]",
        "param c[3] = normal(0, 0.5)", "model out[k] = sum(j, W[k, j] * x[j]) + c[k] + a",
        "loss cross_entropy");
    assertThat(m.parameters()).containsExactly(
        ParameterInfo.scalar("a", 0, new Initializer.Constant(0)),
        new ParameterInfo("W", List.of(3, 4), 1, new Initializer.Constant(0)),
        new ParameterInfo("c", List.of(3), 13, new Initializer.Normal(0, 0.5))).inOrder();
    assertThat(m.inputs()).containsExactly("x0", "x1", "x2", "x3").inOrder();
    assertThat(m.outputs()).hasSize(3);
    assertThat(m.prediction()).isSameInstanceAs(m.outputs().get(0));
    assertThat(m.targetClasses()).isEqualTo(3);
    assertThat(m.outputs().get(2).toString())
        .isEqualTo("W[2,0] * x0 + W[2,1] * x1 + W[2,2] * x2 + W[2,3] * x3 + c[2] + a");
  }

  @Test
  void nestedSumsEvaluateToTheLoops() {
    ModelDefinition m = parse("input x[3]", "target y", "param W[2, 3]", "param v[2]",
        "let h[k] = tanh(sum(j, W[k, j] * x[j]))", "model sum(k, v[k] * h[k])");
    Random random = new Random(1);
    Map<String, Double> values = new HashMap<>();
    double[][] w = new double[2][3];
    double[] v = new double[2];
    double[] x = new double[3];
    for (int k = 0; k < 2; k++) {
      v[k] = random.nextGaussian();
      values.put("v[" + k + "]", v[k]);
      for (int j = 0; j < 3; j++) {
        w[k][j] = random.nextGaussian();
        values.put("W[" + k + "," + j + "]", w[k][j]);
      }
    }
    for (int j = 0; j < 3; j++) {
      x[j] = random.nextGaussian();
      values.put("x" + j, x[j]);
    }
    double expected = 0;
    for (int k = 0; k < 2; k++) {
      double total = 0;
      for (int j = 0; j < 3; j++) {
        total += w[k][j] * x[j];
      }
      expected += v[k] * Math.tanh(total);
    }
    assertThat(Evaluator.evaluate(m.prediction(), values)).isEqualTo(expected);
    assertThat(m.lets().keySet()).containsExactly("h[0]", "h[1]").inOrder();
  }

  @Test
  void aLetsIndicesGiveItsAxesTheirOrder() {
    ModelDefinition m = parse("input x", "target y", "param W[2, 3]",
        "let T[j, k] = W[k, j] * x", "model T[2, 1]");
    assertThat(m.lets().keySet())
        .containsExactly("T[0,0]", "T[0,1]", "T[1,0]", "T[1,1]", "T[2,0]", "T[2,1]").inOrder();
    assertThat(m.prediction().toString()).isEqualTo("W[1,2] * x");
  }

  @Test
  void aRepeatedIndexTakesTheDiagonal() {
    ModelDefinition m = parse("input x", "target y", "param A[3, 3]", "model sum(i, A[i, i]) * x");
    assertThat(m.prediction().toString()).isEqualTo("(A[0,0] + A[1,1] + A[2,2]) * x");
  }

  @Test
  void inputsCanNameTheirColumns() {
    ModelDefinition m = parse("input t[2] = t_u, t_v", "input z", "target y", "param w[2]",
        "model sum(j, w[j] * t[j]) + z");
    assertThat(m.inputs()).containsExactly("t_u", "t_v", "z").inOrder();
    assertThat(m.prediction().toString()).isEqualTo("w[0] * t_u + w[1] * t_v + z");
  }

  @Test
  void linearInitIsTorchsDefaultForLinearLayers() {
    ModelDefinition m = parse("input x", "target y", "param W[13, 4] = linear_init(4)",
        "param b = linear_init(4)", "model W[0, 0] * x + b");
    assertThat(m.parameters().get(0).initializer()).isEqualTo(new Initializer.Uniform(-0.5, 0.5));
    assertThat(m.parameters().get(1).initializer()).isEqualTo(new Initializer.Uniform(-0.5, 0.5));
  }

  @Test
  void aPenaltyMayUseVectorParamsAndTheirLets() {
    ModelDefinition m = parse("input x[2]", "target y", "param w[2]",
        "let norm = sum(j, w[j]^2)", "model sum(j, w[j] * x[j])", "penalty 0.1 * norm");
    assertThat(m.penalty().toString()).isEqualTo("0.1 * (w[0]^2 + w[1]^2)");
    assertThat(ModelErrorsTest.errors("input x[2]\ntarget y\nparam w[2]\n"
        + "let s = sum(j, x[j])\nmodel w[0] * s\npenalty s").get(0).message())
        .isEqualTo("the penalty can use parameters only, but let 's' depends on an input 'x'");
  }

  @Test
  void aLossExpressionCanIndexAVectorPrediction() {
    ModelDefinition m = parse("input x", "target y", "param w[2]",
        "model out[k] = w[k] * x", "loss sum(k, (pred[k] - target)^2)");
    assertThat(m.sampleLoss().toString()).isEqualTo("(w[0] * x - y)^2 + (w[1] * x - y)^2");
    assertThat(m.targetClasses()).isEqualTo(0);
  }

  @Test
  void everyElementOfALargeSumIsATerm() {
    ModelDefinition m = parse("input x[1000]", "target y", "param w[1000]",
        "model sum(j, w[j] * x[j])");
    Node node = m.prediction();
    int terms = 1;
    while (node.op() == org.symgrad.compiler.graph.Op.ADD) {
      node = node.input(0);
      terms++;
    }
    assertThat(terms).isEqualTo(1000);
  }
}
