package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scheduler's factors are checked where the scheduler is made: a negative or NaN one was
 * taken, and the learning rate it made was refused epochs later, in the middle of a fit, as
 * "Invalid learning rate: nan", naming neither the scheduler nor the option.
 */
class SchedulerFactorsTest {
  private final Optimizer sgd = Optim.sgd().lr(0.1).create(1);

  @ParameterizedTest
  @ValueSource(doubles = {-1, 0, Double.NaN, Double.POSITIVE_INFINITY})
  void aDecayFactorThatIsNotAFinitePositiveNumberIsNamed(double gamma) {
    String why = "' must be a finite number above 0, got " + PyFloat.repr(gamma)
        + ": the factor the learning rate is multiplied by";
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> new StepLR(sgd, 10, gamma))).hasMessageThat()
        .isEqualTo("StepLR option 'gamma" + why);
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> new MultiStepLR(sgd, new int[] {3}, gamma))).hasMessageThat()
        .isEqualTo("MultiStepLR option 'gamma" + why);
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> new ExponentialLR(sgd, gamma))).hasMessageThat()
        .isEqualTo("ExponentialLR option 'gamma" + why);
    assertThat(assertThrows(IllegalArgumentException.class, () -> Schedulers.create("StepLR",
        Map.of("step_size", "1", "gamma", PyFloat.repr(gamma)), sgd))).hasMessageThat()
        .isEqualTo("StepLR option 'gamma" + why);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1e-3, Double.NaN, Double.POSITIVE_INFINITY})
  void aFloorThatIsNotAFiniteNumberOfAtLeastZeroIsNamed(double etaMin) {
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> new CosineAnnealingLR(sgd, 5, etaMin))).hasMessageThat()
        .isEqualTo("CosineAnnealingLR option 'eta_min' must be a finite number of at least 0,"
            + " got " + PyFloat.repr(etaMin) + ": the learning rate it anneals to");
  }

  @Test
  void aNanPlateauFactorIsRefusedAsTorchRefusesOneOfOne() {
    // NaN passed torch's `factor >= 1.0` and then skipped every reduction silently.
    assertThat(assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau(sgd,
        "min", Double.NaN, 0, 1e-4, "rel", 0, 0, 1e-8))).hasMessageThat()
        .isEqualTo("Factor should be < 1.0.");
  }

  @Test
  void theFactorsAtTheirEdgesStillSchedule() {
    new StepLR(sgd, 1, Double.MIN_VALUE).step(0);
    assertThat(sgd.learningRate()).isEqualTo(0.0);
    new CosineAnnealingLR(sgd, 5, 0).step(0);
    new ExponentialLR(sgd, 2).step(0); // a factor above 1 warms up
    assertThat(sgd.learningRate()).isAtLeast(0.0);
  }
}
