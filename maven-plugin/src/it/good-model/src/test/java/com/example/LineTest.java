package com.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.Dataset;

class LineTest {
  private static final double[] X = {0, 1, 2, 3, 4};
  private static final double[] Y = {1, 3, 5, 7, 9}; // y = 2x + 1

  @Test
  void theGeneratedModelComputesLossAndGradient() {
    Symgrad_Line model = new Symgrad_Line();
    Batch batch = new Dataset(List.of("x", "y"), new double[][] {X, Y})
        .batchFor(model.info(), true);
    double[] grad = new double[2];

    // At w = 0, b = 0 the residuals are -y: loss mean(y^2) = 33, dL/dw = -2 mean(x y) = -28,
    // dL/db = -2 mean(y) = -10.
    assertEquals(33.0, model.lossAndGradient(new double[] {0, 0}, batch, grad), 1e-12);
    assertArrayEquals(new double[] {-28.0, -10.0}, grad, 1e-12);
    assertEquals(0.0, model.lossAndGradient(new double[] {2, 1}, batch, grad), 1e-12);
  }
}
