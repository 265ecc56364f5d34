package org.symgrad.bench.handfit;

import static com.google.common.truth.Truth.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.symgrad.bench.LinearData;
import org.symgrad.bench.Thermometer;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.Optimizers;
import org.symgrad.runtime.train.History;
import org.symgrad.runtime.train.StopReason;
import org.symgrad.runtime.train.Trainer;
import org.symgrad.runtime.train.TrainerOptions;
import org.symgrad.runtime.train.TrainingResult;

/**
 * The hand-written fit does the Trainer's arithmetic: with the Trainer's default split, the
 * same parameters, every epoch's training and validation loss, the same best epoch and the same
 * final losses, bit for bit; below and past the 24 rows where both switch to eight lanes, with
 * and without validation, and when the fit diverges.
 */
class HandFitTest {
  private static final CompiledModel MODEL =
      Symgrad.compile(ModelParser.parse(Thermometer.MODEL, "thermometer.sg"));

  @Test
  void theBenchFitAt11RowsIsTheTrainersToTheBit() {
    assertSameFit(Thermometer.data(), Thermometer.EPOCHS, Thermometer.LR);
  }

  @ParameterizedTest
  @CsvSource({"4, 300", "5, 300", "23, 300", "29, 300", "30, 200", "31, 200", "1000, 100",
      "10007, 20"})
  void syntheticDataOfEverySizeIsTheTrainersToTheBit(int rows, int epochs) {
    assertSameFit(LinearData.of(rows), epochs, 1e-4);
  }

  @Test
  void aDivergingFitStopsAtTheTrainersEpoch() {
    TrainingResult trained = assertSameFit(Thermometer.data(), 500, 10);
    assertThat(trained.stopReason()).isEqualTo(StopReason.DIVERGED);
  }

  @Test
  void theSplitHoldsOutTheTrainersRows() {
    HandFitData data = HandFitData.split(Thermometer.data(), 0.2, 0);
    assertThat(data.validationRows()).isEqualTo(2); // floor(0.2 * 11)
    assertThat(data.trainRows()).isEqualTo(9);
    double[] all = Thermometer.data().column("t_u");
    double[] together = new double[11];
    System.arraycopy(data.trainTu(), 0, together, 0, 9);
    System.arraycopy(data.valTu(), 0, together, 9, 2);
    Arrays.sort(together);
    Arrays.sort(all);
    assertThat(together).isEqualTo(all);
  }

  private static TrainingResult assertSameFit(Dataset dataset, int epochs, double lr) {
    TrainerOptions options = TrainerOptions.builder().epochs(epochs).build();
    TrainingResult trained = new Trainer(options).fit(MODEL, dataset, Thermometer.start(),
        Optimizers.create("sgd", 2, Map.of("lr", Double.toString(lr))));
    HandFitData data = HandFitData.split(dataset,
        options.validationFractionFor(dataset.rows()), options.seed());
    HandFit.Result hand = HandFit.fit(data, Thermometer.start(), lr, epochs);

    assertThat(hand.epochs()).isEqualTo(trained.epochs());
    assertThat(hand.diverged()).isEqualTo(trained.stopReason() == StopReason.DIVERGED);
    assertThat(hand.params()).isEqualTo(trained.params());
    assertThat(hand.trainLoss()).isEqualTo(trained.trainLoss());
    History history = trained.history();
    assertThat(history.stride()).isEqualTo(1);
    assertThat(Arrays.copyOf(hand.trainLosses(), hand.epochs()))
        .isEqualTo(history.trainLosses());
    if (data.validationRows() == 0) {
      assertThat(trained.valLoss()).isNull();
      assertThat(hand.valLosses()).isNull();
    } else {
      assertThat(hand.valLoss()).isEqualTo(trained.valLoss());
      assertThat(Arrays.copyOf(hand.valLosses(), hand.epochs()))
          .isEqualTo(history.valLosses());
      assertThat(hand.bestEpoch()).isEqualTo(trained.bestEpoch());
      assertThat(hand.bestParams()).isEqualTo(trained.checkpoint().bestParams());
    }
    return trained;
  }
}
