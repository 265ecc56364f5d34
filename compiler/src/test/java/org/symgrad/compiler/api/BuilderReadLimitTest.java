package org.symgrad.compiler.api;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.symgrad.compiler.api.Expr.sum;
import static org.symgrad.compiler.api.ModelBuilder.shape;

import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.model.Shapes;

/** A built model is held to the file's limit on the param elements it reads (SG120). */
class BuilderReadLimitTest {

  @Test
  void aBuiltModelReadingMoreElementsThanTheLimitIsRefusedWhenCompiled() {
    ModelBuilder m = new ModelBuilder("wide");
    Expr x = m.input("x");
    m.target("y");
    Tensor v = m.param("v", shape(Shapes.MAX_READ_ELEMENTS + 1));
    Index j = m.index("j");
    m.predict(sum(j, v.get(j)).times(x));

    SymgradException e = assertThrows(SymgradException.class, () -> Symgrad.compile(m.build()));

    assertThat(e.first().code()).isEqualTo("SG120");
    assertThat(e.first().message()).isEqualTo(
        "model 'wide' reads 65537 param elements, more than 65536 in one model");
  }
}
