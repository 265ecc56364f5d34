package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Schedulers}: names in any case, --scheduler specs, options for --help, refusals. */
class SchedulersFactoryTest {
  private final Optimizer sgd = Optimizers.create("SGD", 1, Map.of("lr", "1"));

  @Test
  void specWithListArgumentsReadsAsTheMap() {
    LrScheduler fromSpec = Schedulers.fromSpec("multisteplr:milestones=[2, 4],gamma=0.5", sgd);
    Optimizer other = Optimizers.create("SGD", 1, Map.of("lr", "1"));
    LrScheduler fromMap =
        Schedulers.create("MultiStepLR", Map.of("milestones", "[2,4]", "gamma", "0.5"), other);
    assertThat(fromSpec.name()).isEqualTo("MultiStepLR");
    for (int epoch = 1; epoch <= 5; epoch++) {
      fromSpec.step(0);
      fromMap.step(0);
      assertThat(sgd.learningRate()).isEqualTo(other.learningRate());
    }
    assertThat(sgd.learningRate()).isEqualTo(0.25);
  }

  @Test
  void specWithoutArgumentsUsesDefaults() {
    LrScheduler plateau = Schedulers.fromSpec("ReduceLROnPlateau", sgd);
    for (int epoch = 0; epoch < 12; epoch++) {
      plateau.step(1.0); // best after the first, then 11 bad epochs > patience 10
    }
    assertThat(sgd.learningRate()).isEqualTo(0.1);
  }

  @Test
  void optionsListNamesAndDefaultsInTorchsOrder() {
    Map<String, String> step = new LinkedHashMap<>();
    step.put("step_size", "required");
    step.put("gamma", "0.1");
    assertThat(Schedulers.options("steplr")).containsExactlyEntriesIn(step).inOrder();
    assertThat(Schedulers.options("ReduceLROnPlateau").keySet())
        .containsExactly(
            "mode", "factor", "patience", "threshold", "threshold_mode", "cooldown", "min_lr",
            "eps")
        .inOrder();
    assertThat(Schedulers.registry().names())
        .containsExactly(
            "StepLR", "MultiStepLR", "ExponentialLR", "CosineAnnealingLR", "ReduceLROnPlateau")
        .inOrder();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CyclicLR:base_lr=0.1 | Unknown scheduler 'CyclicLR'; known schedulers are StepLR,"
            + " MultiStepLR, ExponentialLR, CosineAnnealingLR, ReduceLROnPlateau",
        "StepLR | StepLR needs option 'step_size' (a whole number)",
        "StepLR:gamma=0.5 | StepLR needs option 'step_size' (a whole number)",
        "ExponentialLR | ExponentialLR needs option 'gamma' (a number)",
        "StepLR:step_size=10,gama=0.5 | StepLR has no option 'gama'; its options are step_size,"
            + " gamma",
        "StepLR:step_size=ten | StepLR option 'step_size' must be a whole number, got 'ten'",
        "StepLR:step_size=0 | StepLR option 'step_size' must be at least 1, got 0",
        "CosineAnnealingLR:T_max=0 | CosineAnnealingLR option 'T_max' must be at least 1, got 0",
        "StepLR:step_size | StepLR argument 'step_size' must be written name=value, as in"
            + " StepLR:step_size=10,gamma=0.5",
        "StepLR:step_size=2,step_size=3 | StepLR option 'step_size' is given twice",
        "MultiStepLR:milestones=[5;15] | MultiStepLR option 'milestones' must be a list of whole"
            + " numbers, such as [5,15], got '[5;15]'",
        "MultiStepLR:milestones=[5,1.5] | MultiStepLR option 'milestones' must be a list of whole"
            + " numbers, such as [5,15], got '[5,1.5]'",
        "ReduceLROnPlateau:patience=2.5 | ReduceLROnPlateau option 'patience' must be a whole"
            + " number, got '2.5'",
      })
  void refusesWithAMessageThatSaysWhy(String spec, String message) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Schedulers.fromSpec(spec, sgd));
    assertThat(error).hasMessageThat().isEqualTo(message);
  }
}
