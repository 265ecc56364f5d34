package org.symgrad.compiler.lower;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;

/**
 * A model's derivative texts (the generated code's comments, {@code Program.derivatives}) stop
 * at a budget: printing each of a wide dense layer's 65 536 derivatives took half its compile.
 */
class DerivativeTextBudgetTest {

  private static Program lowered(int n) {
    // Each w[j]'s derivative holds the whole n-term sum (pred is its square, so no label
    // stands for it), so each prints to the 2000-char cut.
    return Symgrad.lower(Symgrad.parse("input x[" + n + "]\ntarget y\nparam w[" + n + "]\n"
        + "model sum(j, w[j] * x[j])^2\n", "wide.sg"));
  }

  @Test
  void pastTheBudgetADerivativeSaysItIsNotShown() {
    List<String> texts = List.copyOf(lowered(700).derivatives().values());
    int firstNotShown = texts.indexOf(Lowering.NOT_SHOWN);
    assertThat(firstNotShown).isGreaterThan(0);
    List<String> shown = texts.subList(0, firstNotShown);
    assertThat(shown).doesNotContain(Lowering.NOT_SHOWN);
    assertThat(Set.copyOf(texts.subList(firstNotShown, texts.size())))
        .containsExactly(Lowering.NOT_SHOWN);
    long total = shown.stream().mapToLong(String::length).sum();
    // The budget is spent, and overrun by at most the last derivative printed.
    assertThat(total).isAtLeast((long) Lowering.SHOWN_DERIVATIVES - 2 * 2001);
    assertThat(total).isLessThan((long) Lowering.SHOWN_DERIVATIVES + 2001);
    assertThat(shown.get(0)).contains("x0");
    assertThat(Lowering.NOT_SHOWN).contains(String.valueOf(Lowering.SHOWN_DERIVATIVES));
  }

  @Test
  void withinTheBudgetEveryDerivativeIsShown() {
    assertThat(lowered(300).derivatives().values()).doesNotContain(Lowering.NOT_SHOWN);
  }
}
