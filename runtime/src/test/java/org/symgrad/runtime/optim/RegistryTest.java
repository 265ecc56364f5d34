package org.symgrad.runtime.optim;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Names looked up in any case, and "did you mean" for a name one or two letters off. */
class RegistryTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "adma, Adam", "sgdd, SGD", "adamww, AdamW", "rmsporp, RMSprop", "lbgfs, LBFGS",
    "Radma, RAdam", "asdg, ASGD",
  })
  void suggestsTheOneNearOptimizer(String typo, String meant) {
    String message = assertThrows(IllegalArgumentException.class,
        () -> Optimizers.create(typo, 1, Map.of())).getMessage();
    assertThat(message).startsWith("Unknown optimizer '" + typo + "' (did you mean " + meant
        + "?); known optimizers are SGD, Adam, AdamW");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"adamx", "newton", "xyz", "a"})
  void suggestsNothingWhenNoNameOrSeveralAreNear(String typo) {
    // adamx is one letter from Adam, AdamW and Adamax: a guess between them would mislead.
    assertThat(Optimizers.registry().suggest(typo)).isEmpty();
  }

  @Test
  void suggestsSchedulers() {
    String message = assertThrows(IllegalArgumentException.class,
        () -> Schedulers.fromSpec("SteplR2:step_size=1", Optimizers.create("sgd", 1, Map.of())))
        .getMessage();
    assertThat(message).isEqualTo("Unknown scheduler 'SteplR2' (did you mean StepLR?); known"
        + " schedulers are StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR,"
        + " ReduceLROnPlateau");
  }

  @Test
  void otherNamesJoinTheLookupThroughPlus() {
    Registry<String> secondOrder = Registry.of("optimizer", List.of("lm", "newton"),
        Function.identity());
    Registry<Object> all = Optimizers.registry().plus(secondOrder);
    assertThat(all.names()).containsAtLeast("SGD", "LBFGS", "lm", "newton").inOrder();
    assertThat(all.find("NEWTON")).hasValue("newton");
    assertThat(all.suggest("newtn")).hasValue("newton");
    assertThat(all.unknown("lmm")).startsWith("Unknown optimizer 'lmm' (did you mean lm?)");
  }

  @Test
  void canonicalNamesAreTorchSpellings() {
    assertThat(Optimizers.registry().canonicalName(" adamw ")).isEqualTo("AdamW");
    assertThat(Schedulers.registry().canonicalName("reducelronplateau"))
        .isEqualTo("ReduceLROnPlateau");
    Registry<String> secondOrder = Registry.of("optimizer", List.of("lm", "newton"),
        Function.identity());
    assertThat(Optimizers.registry().plus(secondOrder).canonicalName("LM")).isEqualTo("lm");
    assertThrows(IllegalArgumentException.class,
        () -> Optimizers.registry().canonicalName("adamz"));
  }

  @Test
  void aRegistryOfNamesMakesOnlyTheEntriesLookedUp() {
    List<String> made = new ArrayList<>();
    Registry<String> lazy = Registry.ofNames("optimizer", List.of("Alpha", "Beta"), name -> {
      made.add(name);
      return name.toLowerCase(Locale.ROOT);
    });
    assertThat(lazy.names()).containsExactly("Alpha", "Beta").inOrder();
    assertThat(lazy.canonicalName("ALPHA")).isEqualTo("Alpha");
    assertThat(lazy.suggest("Bta")).hasValue("Beta");
    assertThat(made).isEmpty();
    assertThat(lazy.get(" beta ")).isEqualTo("beta");
    assertThat(lazy.find("gamma")).isEmpty();
    assertThat(made).containsExactly("Beta");
    assertThat(assertThrows(IllegalArgumentException.class, () -> lazy.get("Alphaa"))
        .getMessage()).isEqualTo("Unknown optimizer 'Alphaa' (did you mean Alpha?); known "
            + "optimizers are Alpha, Beta");
    assertThat(lazy.plus(Registry.of("optimizer", List.of("lm"), Function.identity()))
        .find("LM")).hasValue("lm");
    assertThat(made).containsExactly("Beta");
  }

  @Test
  void distanceCountsAnAdjacentSwapAsOneEdit() {
    assertThat(Registry.distance("adma", "adam")).isEqualTo(1);
    assertThat(Registry.distance("adam", "adamax")).isEqualTo(2);
    assertThat(Registry.distance("", "sgd")).isEqualTo(3);
  }
}
