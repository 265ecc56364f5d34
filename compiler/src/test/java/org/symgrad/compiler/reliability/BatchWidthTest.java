package org.symgrad.compiler.reliability;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;

/**
 * A batch without a column the kernel reads is named as such: the batch of inputs that
 * {@code predict} takes, handed to {@code loss}, failed inside the model's class with
 * "Index 1 out of bounds for length 1".
 */
class BatchWidthTest {
  private static final CompiledModel MODEL = Symgrad.compile(Symgrad.parse(
      "input x\ntarget y\nparam w = 2\nmodel w * x\n", "line.sg"));
  private static final Dataset DATA =
      new Dataset(List.of("x", "y"), new double[][] {{1, 2, 3}, {2, 4, 6}});

  @Test
  void aBatchOfInputsAloneIsNamedWhenALossReadsTheTarget() {
    Batch inputs = DATA.batchFor(MODEL.info(), false);
    String message = "the model reads column 1 of a batch of 1 column: a batch holds the "
        + "model's inputs, then the target for loss and lossAndGradient; make it with "
        + "Dataset.batchFor(model.info(), true)";

    assertThat(assertThrows(IllegalArgumentException.class,
        () -> MODEL.loss(new double[] {2}, inputs))).hasMessageThat().isEqualTo(message);
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> MODEL.lossAndGradient(new double[] {2}, inputs, new double[1])))
        .hasMessageThat().isEqualTo(message);
    assertThat(MODEL.loss(new double[] {2}, DATA.batchFor(MODEL.info(), true))).isEqualTo(0.0);
  }

  @Test
  void aBatchOfNoColumnsIsNamedToo() {
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> MODEL.predict(new double[] {2}, Batch.of(new double[0][], 3), new double[3])))
        .hasMessageThat().startsWith("the model reads column 0 of a batch of 0 columns: ");
  }
}
