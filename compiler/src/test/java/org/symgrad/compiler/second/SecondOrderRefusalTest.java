package org.symgrad.compiler.second;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;

/** The one refusal the command line and symgrad-spark give lm and newton. */
class SecondOrderRefusalTest {
  private static ModelDefinition model(String loss) {
    return Symgrad.parse("""
        input x
        target y
        param w = 1
        model w * x
        loss %s
        """.formatted(loss), "m.sg");
  }

  @Test
  void lmOnALossThatIsNotLeastSquaresPointsAtNewton() {
    String why = Symgrad.whyNotSecondOrder(model("huber(1.0)"), true);
    assertThat(why).startsWith(Symgrad.whyNotLeastSquares(model("huber(1.0)")));
    assertThat(why).endsWith("; --optimizer newton fits any smooth loss");
    assertThat(Symgrad.whyNotSecondOrder(model("huber(1.0)"), false)).isEmpty();
  }

  @Test
  void newtonOnMaeIsRefusedAndLmToo() {
    assertThat(Symgrad.whyNotSecondOrder(model("mae"), false))
        .isEqualTo(Symgrad.whyNotNewton(model("mae")));
    assertThat(Symgrad.whyNotSecondOrder(model("mae"), false)).contains("--optimizer adam");
    assertThat(Symgrad.whyNotSecondOrder(model("mae"), true)).isNotEmpty();
  }

  @Test
  void mseIsFitByBoth() {
    assertThat(Symgrad.whyNotSecondOrder(model("mse"), true)).isEmpty();
    assertThat(Symgrad.whyNotSecondOrder(model("mse"), false)).isEmpty();
  }
}
