package org.symgrad.compiler.reliability;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.api.Expr;
import org.symgrad.compiler.api.ModelBuilder;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * A model's name and source name may be any length: the builder takes any name that is not
 * blank, and {@code Symgrad.parse} names a model after the source name it is given. A class
 * file holds at most 65535 bytes of its own name and of its {@code SourceFile}, and compiling
 * such a model failed with ASM's "UTF8 string too large".
 */
class LongNamesTest {
  private static final String LONG = "é".repeat(30_000) + "a".repeat(40_000); // 130 000 bytes

  @Test
  void aModelWithALongNameCompilesAndKeepsItsName() {
    ModelBuilder builder = new ModelBuilder(LONG).source(LONG);
    Expr x = builder.input("x");
    builder.target("y");
    Expr w = builder.param("w", 2.0);
    builder.predict(w.times(x));
    CompiledModel model = builder.compile();

    assertThat(model.info().name()).isEqualTo(LONG);
    double[] out = new double[1];
    model.predict(new double[] {2.0}, Batch.of(new double[][] {{3.0}}, 1), out);
    assertThat(out[0]).isEqualTo(6.0);
  }

  @Test
  void aModelParsedUnderALongSourceNameCompiles() {
    CompiledModel model = Symgrad.compile(Symgrad.parse(
        "input x\ntarget y\nparam w = 2\nmodel w * x\n", "a".repeat(70_000) + ".sg"));

    assertThat(model.info().name()).hasLength(70_000);
    assertThat(model.loss(new double[] {2.0}, Batch.of(new double[][] {{3.0}, {6.0}}, 1)))
        .isEqualTo(0.0);
  }
}
