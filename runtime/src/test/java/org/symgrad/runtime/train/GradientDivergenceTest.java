package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;

/**
 * A finite loss with a gradient that is not finite stops the fit as a diverged loss does:
 * before the update, keeping finite parameters, naming the parameter whose gradient it was
 * (issue 16, item 4). On each of the three loops: the plain one, the one with validation, and
 * mini-batches (where the epoch's earlier steps are undone).
 */
class GradientDivergenceTest {
  private static final Dataset DATA = TestData.line(11);

  /** {@link LinearModel#xy()}, whose gradient of {@code b} is NaN from the n-th evaluation on. */
  private static final class PoisonedGradient extends DelegatingModel {
    private final int from;
    private int calls;

    PoisonedGradient(int from) {
      super(LinearModel.xy());
      this.from = from;
    }

    @Override
    public double lossAndGradient(double[] params, Batch batch, double[] grad) {
      double loss = model.lossAndGradient(params, batch, grad);
      if (++calls >= from) {
        grad[1] = Double.NaN;
      }
      return loss;
    }
  }

  private static TrainingResult fit(CompiledModel model, TrainerOptions.Builder options,
      int epochs) {
    return new Trainer(options.epochs(epochs).build())
        .fit(model, DATA, new double[] {0.5, 0}, new PlainSgd(1e-2));
  }

  private static void assertStopsBeforeEpoch(TrainerOptions.Builder options, int poisonedCall,
      int epoch) {
    TrainingResult diverged = fit(new PoisonedGradient(poisonedCall), options, 100);
    TrainingResult before = fit(LinearModel.xy(), options, epoch - 1);

    assertThat(diverged.stopReason()).isEqualTo(StopReason.DIVERGED);
    Divergence divergence = diverged.divergence();
    assertThat(divergence.epoch()).isEqualTo(epoch);
    assertThat(divergence.isGradient()).isTrue();
    assertThat(divergence.parameter()).isEqualTo("b");
    assertThat(divergence.gradient()).isNaN();
    assertThat(Double.isFinite(divergence.loss())).isTrue();
    assertThat(divergence.lastFiniteLoss()).isEqualTo(before.history().trainLoss(epoch - 1));
    assertThat(divergence.what()).contains("the gradient of b became NaN");
    assertThat(diverged.epochs()).isEqualTo(epoch - 1);
    assertThat(diverged.params()).isEqualTo(before.params());
    assertThat(Arrays.stream(diverged.params()).allMatch(Double::isFinite)).isTrue();
  }

  @Test
  void thePlainLoopStopsBeforeTheUpdate() {
    assertStopsBeforeEpoch(TrainerOptions.builder().validationFraction(0), 5, 5);
  }

  @Test
  void theLoopWithValidationStopsBeforeTheUpdate() {
    assertStopsBeforeEpoch(TrainerOptions.builder().validationFraction(0.2), 5, 5);
  }

  @Test
  void miniBatchesUndoTheEpochsEarlierSteps() {
    // 11 rows in batches of 6: two steps an epoch; the 8th evaluation is epoch 4's second.
    assertStopsBeforeEpoch(TrainerOptions.builder().validationFraction(0).batchSize(6), 8, 4);
  }

  @Test
  void aDivergedLossIsStillReportedAsTheLoss() {
    Divergence loss = new Divergence(3, Double.NaN, 1.5);
    assertThat(loss.isGradient()).isFalse();
    assertThat(loss.what()).isEqualTo("the training loss became NaN");
  }

  @Test
  void parameterElementsAreNamedAsTheModelWritesThem() {
    ModelInfo info = new ModelInfo("m", "…", "mse",
        List.of(ParameterInfo.scalar("a", 0, new Initializer.Constant(0)),
            new ParameterInfo("W", List.of(2, 3), 1, new Initializer.Constant(0)),
            new ParameterInfo("v", List.of(2), 7, new Initializer.Constant(0))),
        List.of("x"), "y", 1);
    assertThat(ParameterNames.of(info, 0)).isEqualTo("a");
    assertThat(ParameterNames.of(info, 1)).isEqualTo("W[0,0]");
    assertThat(ParameterNames.of(info, 5)).isEqualTo("W[1,1]");
    assertThat(ParameterNames.of(info, 6)).isEqualTo("W[1,2]");
    assertThat(ParameterNames.of(info, 8)).isEqualTo("v[1]");
  }
}
