package org.symgrad.compiler.api;

import static com.google.common.truth.Truth.assertThat;
import static org.symgrad.compiler.api.Expr.constant;
import static org.symgrad.compiler.api.Expr.pow;
import static org.symgrad.compiler.api.Expr.tanh;
import static org.symgrad.compiler.api.ModelBuilder.shape;
import static org.symgrad.compiler.api.SameModel.assertSameModel;

import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Initializer;

/**
 * Issue 16, defect 8, in the builder: a large param of which a few elements are read makes
 * only those elements' variables, as a model file does, and gives the file's model.
 */
class SparseBuilderTest {

  @Test
  void aFewElementsOfA2048By2048ParamAreTheFilesModel() {
    int n = 2048;
    ModelBuilder m = new ModelBuilder("sparse");
    Expr x = m.input("x");
    m.target("y");
    Tensor w = m.param("W", shape(n, n), new Initializer.Uniform(-1, 1));
    Expr b = m.param("b", 0.25);
    m.predict(w.get(3, 7).times(x).plus(tanh(w.get(n - 1, 1).times(x)))
        .plus(pow(w.get(3, 8), 2)).plus(b));
    m.penalty(constant(0.5).times(pow(w.get(0, 0), 2)));

    ModelDefinition built = m.build();
    ModelDefinition parsed = Symgrad.parse(String.join("\n",
        "input x",
        "target y",
        "param W[2048, 2048] = uniform(-1, 1)",
        "param b = 0.25",
        "model W[3, 7] * x + tanh(W[2047, 1] * x) + W[3, 8]^2 + b",
        "penalty 0.5 * W[0, 0]^2",
        ""), "sparse.sg");

    // The input, target, b and four elements of W, and what the model computes.
    assertThat(built.graph().size()).isLessThan(50);
    assertSameModel(built, parsed);
  }
}
