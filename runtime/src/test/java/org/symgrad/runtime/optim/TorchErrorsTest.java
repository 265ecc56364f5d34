package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.symgrad.runtime.optim.TorchReference.Refusal;

/**
 * Arguments torch refuses are refused here with torch's own message, word for word, as torch
 * 1.13 printed it (torch/errors.tsv): a user who knows torch recognises it.
 */
class TorchErrorsTest {
  /**
   * Where symgrad refuses what torch lets through, and why: SGD checks {@code lr < 0}, which a
   * NaN passes, where every other torch optimizer checks {@code not 0.0 <= lr}; a NaN learning
   * rate only ever ruins a fit, so SGD here refuses it like the others.
   */
  private static final Map<String, String> STRICTER_THAN_TORCH =
      Map.of("SGD {lr=nan}", "Invalid learning rate: nan");

  static List<Refusal> refusals() {
    return TorchReference.refusals();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusesWithTorchsMessage(Refusal refusal) {
    String expected = refusal.message();
    if (expected.equals("-")) {
      expected = STRICTER_THAN_TORCH.get(refusal.toString());
      assertThat(expected).isNotNull(); // torch accepted it, so must we unless listed above
    }
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> make(refusal));
    assertThat(error).hasMessageThat().isEqualTo(expected);
  }

  private static void make(Refusal refusal) {
    if (Schedulers.registry().names().contains(refusal.owner())) {
      Schedulers.create(refusal.owner(), refusal.options(), Optimizers.create("SGD", 1, Map.of()));
    } else {
      Optimizers.create(refusal.owner(), 1, refusal.options());
    }
  }
}
