package org.symgrad.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The book's worked example (ch. 5): normalised thermometer, plain SGD, lr 1e-2. */
class ThermometerTest {
  private static TrainingResult fitBook(List<String> log) {
    TrainerOptions options = TrainerOptions.builder()
        .epochs(5000)
        .validationFraction(0)
        .listener(EpochListener.logLines(log::add))
        .build();
    return new Trainer(options).fit(
        LinearModel.thermometer(), TestData.thermometer(), new double[] {1, 0}, new PlainSgd(1e-2));
  }

  @Test
  void fitsTheBooksParametersAndLoss() {
    TrainingResult result = fitBook(new ArrayList<>());

    assertThat(result.params()[0]).isWithin(1e-4).of(5.3671);
    assertThat(result.params()[1]).isWithin(1e-4).of(-17.3012);
    assertThat(result.trainLoss()).isWithin(1e-4).of(2.9276);
    assertThat(result.valLoss()).isNull();
    assertThat(result.bestEpoch()).isNull();
    assertThat(result.epochs()).isEqualTo(5000);
    assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    assertThat(result.divergence()).isNull();
  }

  @Test
  void logsTheBooksEpochs() {
    List<String> log = new ArrayList<>();
    fitBook(log);

    List<String> epochs = log.stream().map(line -> line.substring(0, line.indexOf(','))).toList();
    assertThat(epochs).containsExactly("Epoch 1", "Epoch 2", "Epoch 3", "Epoch 500",
        "Epoch 1000", "Epoch 1500", "Epoch 2000", "Epoch 2500", "Epoch 3000", "Epoch 3500",
        "Epoch 4000", "Epoch 4500", "Epoch 5000").inOrder();
  }

  @Test
  void logsTheBooksLosses() {
    List<String> log = new ArrayList<>();
    fitBook(log);

    // The book prints float32 losses; ours are float64, equal to about six digits.
    assertThat(lossOf(log.get(0))).isWithin(2e-5).of(80.364342);
    assertThat(lossOf(log.get(1))).isWithin(2e-5).of(37.574917);
    assertThat(lossOf(log.get(2))).isWithin(2e-5).of(30.871077);
    assertThat(lossOf(log.get(3))).isWithin(2e-5).of(7.860116);
    assertThat(lossOf(log.get(4))).isWithin(2e-5).of(3.828538);
    assertThat(lossOf(log.get(12))).isWithin(2e-5).of(2.927648);
    assertThat(log.get(0)).isEqualTo("Epoch 1, Training loss 80.364345");
  }

  private static double lossOf(String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }
}
