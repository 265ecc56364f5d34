package org.symgrad.compiler.simplify;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.model.Shapes;

/**
 * SG120 for the param elements a model reads: each is a derivative, a row sum and a store to
 * build, so their number is what a compile costs, and it is refused before any is made.
 */
class ReadElementsLimitTest {

  private static ModelDefinition reading(int declared, int read) {
    return Symgrad.parse("input x\ntarget y\nparam w[" + declared + "]\nparam v[" + read
        + "]\nmodel sum(j, v[j]) * x + w[0]\n", "wide.sg");
  }

  @Test
  void aModelReadingMoreElementsThanTheLimitIsRefusedBeforeDifferentiating() {
    // v's 65 536 and w[0]: one element over.
    SymgradException e = assertThrows(SymgradException.class,
        () -> ModelGradient.of(reading(1, Shapes.MAX_READ_ELEMENTS)));
    assertThat(e.first().code()).isEqualTo("SG120");
    assertThat(e.first().message()).isEqualTo("model 'wide' reads 65537 param elements, more"
        + " than 65536 in one model");
    assertThat(e.first().hint()).contains("compile time grows");
    // The same through the front door.
    SymgradException compiled = assertThrows(SymgradException.class,
        () -> Symgrad.compile(reading(1, Shapes.MAX_READ_ELEMENTS)));
    assertThat(compiled.first()).isEqualTo(e.first());
  }

  @Test
  void declaredElementsThatAreNotReadDoNotCount() {
    ModelDefinition model = reading(1 << 20, 10);
    assertThat(ModelGradient.of(model).params()).hasSize(11);
  }

  @Test
  void theLimitItselfIsAdmitted() {
    ModelDefinition model = reading(1, 10);
    ModelGradient.checkReadElements(model, Shapes.MAX_READ_ELEMENTS);
    assertThrows(SymgradException.class,
        () -> ModelGradient.checkReadElements(model, Shapes.MAX_READ_ELEMENTS + 1));
  }
}
