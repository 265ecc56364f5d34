package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The refusals torch has no message for (names, malformed text, counts torch would crash on),
 * each message exact: a command line prints them as they are. Torch's own refusals are in
 * {@link TorchErrorsTest}.
 */
class OptionErrorsTest {

  private static String refusal(String optimizer, Map<String, String> options) {
    return assertThrows(
            IllegalArgumentException.class, () -> Optimizers.create(optimizer, 2, options))
        .getMessage();
  }

  @Test
  void unknownOptimizerListsTheKnownOnes() {
    assertThat(refusal("adamx", Map.of()))
        .isEqualTo(
            "Unknown optimizer 'adamx'; known optimizers are SGD, Adam, AdamW, Adamax, Adagrad,"
                + " Adadelta, RMSprop, Rprop, ASGD, NAdam, RAdam, LBFGS, SparseAdam");
  }

  @Test
  void unknownOptionListsThatOptimizersOptions() {
    assertThat(refusal("adam", Map.of("momentum", "0.9")))
        .isEqualTo(
            "Adam has no option 'momentum'; its options are lr, betas, eps, weight_decay,"
                + " amsgrad, maximize");
    assertThat(refusal("LBFGS", Map.of("foreach", "true")))
        .isEqualTo(
            "LBFGS has no option 'foreach'; its options are lr, max_iter, max_eval,"
                + " tolerance_grad, tolerance_change, history_size, line_search_fn");
  }

  @Test
  void optionNamesAreTorchsExactly() {
    assertThat(refusal("SGD", Map.of("LR", "0.1")))
        .isEqualTo(
            "SGD has no option 'LR'; its options are lr, momentum, dampening, weight_decay,"
                + " nesterov, maximize");
  }

  @ParameterizedTest(name = "{0} {1}={2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SGD     | lr              | abc     | SGD option 'lr' must be a number, got 'abc'",
        "SGD     | lr              | ''      | SGD option 'lr' must be a number, got ''",
        "SGD     | lr              | 1e-3x   | SGD option 'lr' must be a number, got '1e-3x'",
        "SGD     | lr              | 0x10    | SGD option 'lr' must be a number, got '0x10'",
        "SGD     | nesterov        | yes     | SGD option 'nesterov' must be true or false,"
            + " got 'yes'",
        "Adam    | betas           | 0.9     | Adam option 'betas' must be two numbers separated"
            + " by a comma, such as 0.9,0.999, got '0.9'",
        "Adam    | betas           | 0.9,a   | Adam option 'betas' must be two numbers separated"
            + " by a comma, such as 0.9,0.999, got '0.9,a'",
        "Rprop   | etas            | 0.5,1,2 | Rprop option 'etas' must be two numbers separated"
            + " by a comma, such as 0.9,0.999, got '0.5,1,2'",
        "LBFGS   | max_iter        | 2.5     | LBFGS option 'max_iter' must be a whole number,"
            + " got '2.5'",
        "LBFGS   | max_eval        | many    | LBFGS option 'max_eval' must be a whole number or"
            + " None, got 'many'",
        "LBFGS   | history_size    | 99999999999 | LBFGS option 'history_size' must be a whole"
            + " number, got '99999999999'",
        "LBFGS   | history_size    | 0       | LBFGS option 'history_size' must be at least 1,"
            + " got 0",
        "LBFGS   | max_iter        | 0       | LBFGS option 'max_iter' must be at least 1, got 0",
        "LBFGS   | max_eval        | -1      | LBFGS option 'max_eval' must be at least 1, got -1",
        "LBFGS   | line_search_fn  | armijo  | LBFGS line_search_fn 'armijo': only 'strong_wolfe'"
            + " is supported (or None)",
        "LBFGS   | lr              | -1      | Invalid learning rate: -1.0",
      })
  void refusesMalformedOrImpossibleValues(
      String optimizer, String option, String value, String message) {
    assertThat(refusal(optimizer, Map.of(option, value))).isEqualTo(message);
  }

  @Test
  void schedulersSetTheLearningRateThroughTheSameCheck() {
    Optimizer sgd = Optimizers.create("SGD", 1, Map.of());
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> sgd.setLearningRate(-0.5));
    assertThat(error).hasMessageThat().isEqualTo("Invalid learning rate: -0.5");
  }
}
