package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.symgrad.runtime.optim.TorchReference.OptimizerCase;

/**
 * Saving and resuming: running N steps, taking {@link Optimizer#state()}, building a fresh
 * optimizer, restoring it and running on equals running straight through, bit for bit. Every
 * configuration of the torch reference runs, on its problem, resumed after 3 steps (while the
 * state still changes fast, LBFGS's history not yet full) and after 1000 of 2000.
 */
class OptimizerStateTest {

  /** Runs whose parameters diverge (maximize on a convex loss) end as NaN, which proves nothing. */
  static List<OptimizerCase> cases() {
    return TorchReference.optimizerCases().stream()
        .filter(c -> !c.options().getOrDefault("maximize", "false").equals("true"))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void resumingAfterThreeStepsChangesNothing(OptimizerCase reference) {
    assertResumesExactly(reference, 3, 100);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void resumingAfterAThousandStepsChangesNothing(OptimizerCase reference) {
    assertResumesExactly(reference, 1000, 2000);
  }

  private static void assertResumesExactly(OptimizerCase reference, int split, int total) {
    Problems.Problem problem = Problems.named(reference.problem());
    int n = problem.start().length;

    Optimizer straight = Optimizers.create(reference.optimizer(), n, reference.options());
    double[] straightParams = problem.start().clone();
    run(straight, straightParams, problem.objective(), total);

    Optimizer first = Optimizers.create(reference.optimizer(), n, reference.options());
    double[] params = problem.start().clone();
    run(first, params, problem.objective(), split);
    OptimizerState saved = first.state();
    // A fresh optimizer, as a resumed process makes it; a different lr must be overwritten.
    Optimizer resumed = Optimizers.create(reference.optimizer(), n, reference.options());
    resumed.setLearningRate(resumed.learningRate() * 3);
    resumed.restore(saved);
    run(resumed, params, problem.objective(), total - split);

    assertWithMessage("finite, or the comparison proves nothing")
        .that(Double.isFinite(straightParams[0]))
        .isTrue();
    assertThat(params).isEqualTo(straightParams);
    assertSameState(resumed.state(), straight.state());
  }

  private static void run(Optimizer optimizer, double[] params, Objective objective, int steps) {
    double[] grad = new double[params.length];
    for (int step = 0; step < steps; step++) {
      double loss = objective.evaluate(params, grad);
      optimizer.step(params, loss, grad, objective);
    }
  }

  static void assertSameState(OptimizerState actual, OptimizerState expected) {
    assertThat(actual.optimizer()).isEqualTo(expected.optimizer());
    assertThat(actual.scalars()).isEqualTo(expected.scalars());
    assertThat(actual.arrays().keySet()).containsExactlyElementsIn(expected.arrays().keySet());
    for (String name : expected.arrays().keySet()) {
      assertWithMessage(name).that(actual.array(name)).isEqualTo(expected.array(name));
    }
  }

  @Test
  void stateNamesTorchsBuffers() {
    Optimizer adam = Optimizers.create("Adam", 2, Map.of("amsgrad", "true"));
    run(adam, new double[] {1, 0}, Problems::thermometer, 2);
    assertThat(adam.state().arrays().keySet())
        .containsExactly("exp_avg", "exp_avg_sq", "max_exp_avg_sq")
        .inOrder();
    assertThat(adam.state().scalars()).containsExactly("lr", 1e-3, "step", 2.0).inOrder();
  }

  @Test
  void lbfgsStateHoldsItsHistoryOldestFirst() {
    Optimizer lbfgs = Optimizers.create("LBFGS", 2, Map.of("history_size", "2", "max_iter", "1"));
    double[] params = Problems.named("rosenbrock").start().clone();
    run(lbfgs, params, Problems::rosenbrock, 6);
    OptimizerState state = lbfgs.state();
    assertThat(state.scalar("history")).isEqualTo(2.0);
    assertThat(state.scalar("n_iter")).isEqualTo(6.0);
    assertThat(state.arrays().keySet())
        .containsExactly("d", "prev_flat_grad", "old_dirs.0", "old_stps.0", "old_dirs.1",
            "old_stps.1");
  }

  @Test
  void refusesTheStateOfAnotherOptimizer() {
    OptimizerState adam = Optimizers.create("Adam", 2, Map.of()).state();
    Optimizer adamW = Optimizers.create("AdamW", 2, Map.of());
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> adamW.restore(adam));
    assertThat(error).hasMessageThat().isEqualTo("cannot restore AdamW from the state of Adam");
  }

  @Test
  void refusesTheStateOfAnotherSize() {
    Optimizer three = Optimizers.create("Adam", 3, Map.of());
    OptimizerState state = three.state();
    Optimizer two = Optimizers.create("Adam", 2, Map.of());
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> two.restore(state));
    assertThat(error)
        .hasMessageThat()
        .isEqualTo("Adam state buffer 'exp_avg' holds 3 values, this optimizer has 2 parameters");
  }

  @Test
  void refusesParameterArraysOfAnotherSize() {
    Optimizer sgd = Optimizers.create("SGD", 2, Map.of());
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> sgd.step(new double[3], 0, new double[3], null));
    assertThat(error)
        .hasMessageThat()
        .isEqualTo("SGD was made for 2 parameters, got 3 parameters and 3 gradients");
  }
}
