package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** A limit of the JVM's (heap, stack) is reported with the inputs the command line names. */
class CommandInputsTest {
  @Test
  void theModelDataAndInitAreNamed() {
    assertThat(CommandInputs.of(new String[] {"fit", "many.sg", "--data", "big.csv",
        "--epochs", "3", "--init=fit.json"}))
        .isEqualTo("many.sg, --data big.csv, --init fit.json");
    assertThat(CommandInputs.of(new String[] {"check", "--seed", "4", "deep.sg"}))
        .isEqualTo("deep.sg");
    assertThat(CommandInputs.of(new String[] {"grad", "x^2", "--hessian"}))
        .isEqualTo("the expression");
    assertThat(CommandInputs.of(new String[] {"grad", "-", "--json"}))
        .isEqualTo("standard input");
  }

  @Test
  void benchNamesItsFitsTooSinceARoundHoldsThemAll() {
    assertThat(CommandInputs.of(new String[] {"bench", "m.sg", "--fits", "100000",
        "--epochs", "1", "--data=d.csv"}))
        .isEqualTo("m.sg, --fits 100000, --data d.csv");
  }

  @Test
  void namesAreShownShortAndOnOneLine() {
    assertThat(CommandInputs.of(new String[] {"emit", "a\nb\u202E.sg"})).isEqualTo("a?b?.sg");
    assertThat(CommandInputs.of(new String[] {"fit", "m.sg", "--data", "d".repeat(100)}))
        .isEqualTo("m.sg, --data " + "d".repeat(40) + "…");
    assertThat(CommandInputs.of(new String[] {"fit"})).isEmpty();
    assertThat(CommandInputs.of(new String[] {"--version", "x"})).isEmpty();
  }
}
