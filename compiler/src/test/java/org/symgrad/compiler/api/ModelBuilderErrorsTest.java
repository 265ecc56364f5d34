package org.symgrad.compiler.api;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.symgrad.runtime.Initializer;

/** What a builder refuses, with the message that names the culprit. */
class ModelBuilderErrorsTest {
  private final ModelBuilder m = new ModelBuilder("m");

  private static String message(Class<? extends Throwable> type, Executable call) {
    return assertThrows(type, call).getMessage();
  }

  @Test
  void aModelNeedsAPredictionATargetAndAParameter() {
    assertThat(message(IllegalStateException.class, m::build)).isEqualTo(
        "model 'm' has no prediction: call predict(...), as in predict(w * x + b)");
    m.predict(Expr.constant(1));
    assertThat(message(IllegalStateException.class, m::build)).isEqualTo(
        "model 'm' has no target: call target(...) with the data column to predict");
    m.target("y");
    assertThat(message(IllegalStateException.class, m::build)).isEqualTo(
        "model 'm' has no parameter: call param(...); a model needs a parameter to fit");
  }

  @Test
  void aNameIsDeclaredOnce() {
    m.input("x");
    assertThat(message(IllegalArgumentException.class, () -> m.param("x"))).isEqualTo(
        "'x' is declared twice: it is already an input of model 'm'");
    assertThat(message(IllegalArgumentException.class, () -> m.let("x", Expr.constant(1))))
        .isEqualTo("'x' is declared twice: it is already an input of model 'm'");
  }

  @Test
  void namesFollowTheGrammar() {
    assertThat(message(IllegalArgumentException.class, () -> m.param("w 1"))).isEqualTo(
        "bad parameter name 'w 1': a name is a letter or '_' followed by letters, digits"
            + " and '_'");
    assertThat(message(IllegalArgumentException.class, () -> m.input("tanh"))).isEqualTo(
        "'tanh' is the name of a function; choose another input name");
    assertThat(message(IllegalArgumentException.class, () -> m.param("target"))).startsWith(
        "'target' is reserved");
    m.target("target"); // as 'target target' in a file
  }

  @Test
  void aSingleLineIsSetOnce() {
    m.target("y");
    assertThat(message(IllegalStateException.class, () -> m.target("z"))).isEqualTo(
        "model 'm' has its target already (y), so it cannot be set to z");
    m.loss(Loss.MAE);
    assertThat(message(IllegalStateException.class, () -> m.loss(Loss.MSE))).isEqualTo(
        "model 'm' has its loss already (mae), so it cannot be set to mse");
  }

  @Test
  void initializersAreFinite() {
    assertThat(message(IllegalArgumentException.class, () -> m.param("w", Double.NaN)))
        .isEqualTo("the initializer of parameter 'w' is NaN: its numbers must be finite,"
            + " as a model file's must");
    assertThrows(IllegalArgumentException.class,
        () -> m.param("u", new Initializer.Uniform(-Double.MAX_VALUE, Double.MAX_VALUE)));
    assertThrows(IllegalArgumentException.class,
        () -> m.param("n", new Initializer.Normal(0, Double.POSITIVE_INFINITY)));
  }

  @Test
  void thePredictionUsesDeclaredParamsAndInputs() {
    Expr w = m.param("w");
    m.input("x");
    m.target("y");
    m.predict(w.times(Expr.variable("v")));

    assertThat(message(IllegalStateException.class, m::build)).isEqualTo(
        "unknown name 'v' in the prediction of model 'm'; declared names: w, x");
  }

  @Test
  void thePredictionCannotUseTheTarget() {
    Expr w = m.param("w");
    m.target("y");
    m.predict(w.times(Expr.variable("y")));

    assertThat(message(IllegalStateException.class, m::build)).isEqualTo(
        "the prediction of model 'm' cannot use 'y', the target: the model predicts it from"
            + " the inputs and params");
  }

  @Test
  void aLetByNameIsDeclaredBeforeItsUse() {
    Expr w = m.param("w");
    m.target("y");
    m.let("g", Expr.variable("h"));
    m.let("h", w.times(2.0));
    m.predict(Expr.variable("g"));

    assertThat(message(IllegalStateException.class, m::build)).isEqualTo(
        "let 'g' of model 'm' uses let 'h' before its declaration: a line can use only the"
            + " lets declared before it");
  }

  @Test
  void thePenaltyUsesALetByNameOfParamsOnly() {
    Expr w = m.param("w");
    Expr x = m.input("x");
    m.target("y");
    m.let("s", w.times(x));
    m.predict(Expr.variable("s"));
    m.penalty(Expr.variable("s"));

    assertThat(message(IllegalStateException.class, m::build)).isEqualTo(
        "the penalty of model 'm' can use parameters only, but 's' is a let that depends on an"
            + " input");
  }

  @Test
  void thePenaltyUsesParamsOnly() {
    Expr w = m.param("w");
    Expr x = m.input("x");
    m.target("y");
    m.predict(w.times(x));
    m.penalty(w.times(x));

    assertThat(message(IllegalStateException.class, m::build)).isEqualTo(
        "the penalty of model 'm' can use parameters only, but 'x' is an input");
  }

  @Test
  void predAndTargetBelongToTheLoss() {
    Expr[] leaked = new Expr[1];
    Loss.custom((pred, target) -> {
      leaked[0] = pred;
      return pred.minus(target);
    });
    Expr w = m.param("w");
    m.target("y");
    m.predict(w.plus(leaked[0]));

    assertThat(message(IllegalStateException.class, m::build)).isEqualTo(
        "'pred' is only meaningful in a loss, but the prediction of model 'm' uses it");
  }

  @Test
  void aLossComparesPredWithTarget() {
    Expr w = m.param("w");
    assertThat(message(IllegalArgumentException.class,
        () -> Loss.custom((pred, target) -> pred.minus(target).plus(w)))).isEqualTo(
        "a loss can use only pred and target, but 'pred - target + w' uses 'w'; write terms in"
            + " parameters in the penalty");
    assertThat(message(IllegalArgumentException.class,
        () -> Loss.custom((pred, target) -> Expr.abs(target)))).isEqualTo(
        "the loss 'abs(target)' does not use pred: a loss compares the prediction with the"
            + " target");
    assertThat(message(IllegalArgumentException.class, () -> Loss.huber(0))).isEqualTo(
        "huber needs a positive finite delta, got 0.0");
  }
}
