package org.symgrad.compiler.api;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A builder counts its declared elements as a model file does, before it makes any node. */
class ModelBuilderBudgetTest {

  @Test
  void theParamsAndInputsOfAModelShareOneBudget() {
    ModelBuilder m = new ModelBuilder("m");
    m.input("x");
    m.param("A", ModelBuilder.shape(2048, 2048));
    m.param("B", ModelBuilder.shape(2048, 2048));
    m.param("C", ModelBuilder.shape(2048, 2048));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.param("D", ModelBuilder.shape(2048, 2048)));

    assertThat(e).hasMessageThat().isEqualTo("the params and inputs of model 'm' up to 'D'"
        + " have 16777217 elements, more than 16777216 in one model: each is a number in the"
        + " parameters, the gradient and the optimizer's state, whether the model uses it or"
        + " not");
  }

  @Test
  void aVectorInputCountsItsColumns() {
    ModelBuilder m = new ModelBuilder("m");
    for (String name : new String[] {"A", "B", "C", "D"}) {
      m.param(name, ModelBuilder.shape(2048, 2048));
    }

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> m.input("x", 1));

    assertThat(e).hasMessageThat().startsWith(
        "the params and inputs of model 'm' up to 'x' have 16777217 elements");
  }
}
