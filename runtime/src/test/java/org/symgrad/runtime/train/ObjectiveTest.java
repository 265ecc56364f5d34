package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;
import org.symgrad.runtime.optim.Objective;
import org.symgrad.runtime.optim.Optimizer;
import org.symgrad.runtime.optim.OptimizerState;

/** The closure an optimizer such as LBFGS calls re-evaluates the batch being stepped on. */
class ObjectiveTest {

  /** Checks, at each step, that the objective at the given point gives the given loss. */
  private static final class CheckingOptimizer implements Optimizer {
    private final PlainSgd sgd = new PlainSgd(0.05);
    int checked;

    @Override
    public void step(double[] params, double loss, double[] grad, Objective objective) {
      double[] again = new double[grad.length];
      assertThat(objective.evaluate(params, again)).isEqualTo(loss);
      assertThat(again).isEqualTo(grad);
      // And at another point it really evaluates there.
      double[] moved = {params[0] + 1, params[1]};
      assertThat(objective.evaluate(moved, again)).isNotEqualTo(loss);
      checked++;
      sgd.step(params, loss, grad, objective);
    }

    @Override
    public String name() {
      return sgd.name();
    }

    @Override
    public double learningRate() {
      return sgd.learningRate();
    }

    @Override
    public void setLearningRate(double lr) {
      sgd.setLearningRate(lr);
    }

    @Override
    public OptimizerState state() {
      return sgd.state();
    }

    @Override
    public void restore(OptimizerState state) {
      sgd.restore(state);
    }
  }

  @Test
  void fullBatch() {
    CheckingOptimizer optimizer = new CheckingOptimizer();

    new Trainer(TrainerOptions.builder().epochs(5).build())
        .fit(LinearModel.xy(), TestData.line(20), new double[2], optimizer);

    assertThat(optimizer.checked).isEqualTo(5);
  }

  @Test
  void miniBatchesWithNoise() {
    CheckingOptimizer optimizer = new CheckingOptimizer();

    new Trainer(TrainerOptions.builder().epochs(5).batchSize(3).inputNoise(0.1).build())
        .fit(LinearModel.xy(), TestData.line(20), new double[2], optimizer);

    assertThat(optimizer.checked).isEqualTo(5 * 6);
  }
}
