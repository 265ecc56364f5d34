package org.symgrad.compiler.model;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.ParameterInfo;

/** A graph variable's place in the parameter array, read from its name. */
class ParamElementsTest {
  private static final Initializer ZERO = new Initializer.Constant(0.0);
  private static final ParamElements ELEMENTS = new ParamElements(List.of(
      new ParameterInfo("b", List.of(), 0, ZERO),
      new ParameterInfo("W", List.of(3, 4), 1, ZERO),
      new ParameterInfo("v", List.of(5), 13, ZERO)));

  @Test
  void everyElementIsAtItsRowMajorOffset() {
    for (ParameterInfo p : List.of(new ParameterInfo("W", List.of(3, 4), 1, ZERO),
        new ParameterInfo("v", List.of(5), 13, ZERO))) {
      for (int i = 0; i < p.size(); i++) {
        assertThat(ELEMENTS.offset(p.elementName(i))).isEqualTo(p.offset() + i);
      }
    }
    assertThat(ELEMENTS.offset("b")).isEqualTo(0);
  }

  @Test
  void namesThatAreNoElementAreMinusOne() {
    for (String name : List.of("x", "x3", "$sum_1", "W", "b[0]", "W[3,0]", "W[0,4]", "W[0]",
        "W[0,0,0]", "W[-1,0]", "W[a,0]", "v[5]", "v[]", "u[0]")) {
      assertThat(ELEMENTS.offset(name)).isEqualTo(-1);
    }
  }
}
