package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.symgrad.runtime.optim.TorchReference.Default;

/**
 * Every option's default is torch 1.13's, as inspect.signature read it from the installed
 * classes (torch/defaults.tsv); torch arguments without a counterpart here are only those that
 * cannot apply to one flat float64 array on the CPU.
 */
class TorchDefaultsTest {
  /** foreach/fused/capturable/differentiable choose torch kernels; verbose prints. */
  private static final Set<String> NOT_APPLICABLE =
      Set.of("foreach", "fused", "capturable", "differentiable", "verbose", "last_epoch");

  static List<String> classes() {
    return TorchReference.defaults().stream().map(Default::owner).distinct().toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classes")
  void optionsAndDefaultsAreTorchs(String owner) {
    boolean optimizer = Optimizers.registry().names().contains(owner);
    List<Option<?>> ours = optimizer ? Optimizers.optionSpecs(owner) : Schedulers.optionSpecs(owner);
    Map<String, Default> torch =
        TorchReference.defaults().stream()
            .filter(d -> d.owner().equals(owner))
            .collect(Collectors.toMap(Default::argument, Function.identity()));

    for (Option option : ours) {
      Default expected = torch.get(option.name());
      assertWithMessage(owner + " has no torch argument " + option.name())
          .that(expected)
          .isNotNull();
      if (owner.equals("SGD") && option.name().equals("lr")) {
        // torch requires it; symgrad's default is 0.01, as the project decided.
        assertThat(expected.repr()).isEqualTo("required");
        assertThat(option.defaultText()).isEqualTo("0.01");
        continue;
      }
      assertWithMessage(owner + "." + option.name())
          .that(normalise(option.defaultText() == null ? "required" : option.defaultText()))
          .isEqualTo(normalise(expected.repr()));
    }
    Set<String> skipped = new TreeSet<>(torch.keySet());
    ours.forEach(option -> skipped.remove(option.name()));
    assertWithMessage(owner + " torch arguments missing here")
        .that(NOT_APPLICABLE)
        .containsAtLeastElementsIn(skipped);
  }

  /** Reads both texts to the same form: numbers as doubles, tuples as lists, words lower case. */
  private static String normalise(String text) {
    String t = text.strip().replace("'", "");
    if (t.startsWith("(") || t.contains(",")) {
      return Arrays.toString(
          Arrays.stream(t.replaceAll("[()\\[\\]]", "").split(","))
              .map(String::strip)
              .mapToDouble(Double::parseDouble)
              .toArray());
    }
    try {
      return Double.toString(Double.parseDouble(t));
    } catch (NumberFormatException word) {
      return t.toLowerCase(Locale.ROOT);
    }
  }
}
