package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.optim.TorchReference.OptimizerCase;
import org.symgrad.runtime.optim.TorchReference.Step;

/**
 * The run of "Deep Learning with PyTorch", chapter 5: Adam, lr 1e-1, the unnormalised
 * thermometer t_p = w * t_u + b from (1, 0), 2000 epochs, which the book reports as w 0.5367,
 * b -17.3021 (and the parity test checks step by step against torch's own run).
 */
class BookAdamTest {

  @Test
  void reachesTheBooksParameters() {
    double[] params = {1.0, 0.0};
    double[] grad = new double[2];
    Optimizer adam = Optimizers.create("Adam", 2, Map.of("lr", "1e-1"));
    for (int epoch = 0; epoch < 2000; epoch++) {
      double loss = Problems.thermometerRaw(params, grad);
      adam.step(params, loss, grad, null);
    }
    assertThat(params[0]).isWithin(1e-4).of(0.5367);
    assertThat(params[1]).isWithin(1e-4).of(-17.3021);

    OptimizerCase torch =
        TorchReference.optimizerCases().stream()
            .filter(c -> c.name().equals("book_adam"))
            .findFirst()
            .orElseThrow();
    Step last = torch.steps().get(torch.steps().size() - 1);
    assertThat(last.step()).isEqualTo(2000);
    Tolerance.assertClose("params after 2000 epochs", last.params(), params);
  }
}
