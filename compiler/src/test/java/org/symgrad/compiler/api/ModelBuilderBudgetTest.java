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
    m.param("A", ModelBuilder.shape(2048, 1024));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.param("B", ModelBuilder.shape(1024, 2048)));

    assertThat(e).hasMessageThat().isEqualTo("the params and inputs of model 'm' up to 'B'"
        + " have 4194305 elements, more than 4194304 in one model: each is a variable with its"
        + " own gradient, whether the model uses it or not");
  }

  @Test
  void aVectorInputCountsItsColumns() {
    ModelBuilder m = new ModelBuilder("m");
    m.param("W", ModelBuilder.shape(2048, 2048));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> m.input("x", 1));

    assertThat(e).hasMessageThat().startsWith(
        "the params and inputs of model 'm' up to 'x' have 4194305 elements");
  }
}
