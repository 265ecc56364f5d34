package org.symgrad.compiler.lower;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.VectorModels;

/**
 * The vectorisation choice is made in lowering and recorded in each kernel: asked for, it
 * marks exactly the kernels that qualify; not asked for, none; the listing shows it.
 */
class VectorisableTest {
  private static final String MARK = "for each row, four rows a vector:";

  @Test
  void askedForItMarksExactlyTheKernelsThatQualify() {
    for (Program lowered : List.of(Lowering.lower(VectorModels.linear(6)),
        Lowering.lower(VectorModels.mlp13()), Lowering.lower(VectorModels.softmax3()))) {
      Program vector = Vectorisable.apply(lowered, true);
      Program scalar = Vectorisable.apply(vector, false);
      for (int k = 0; k < lowered.kernels().size(); k++) {
        Kernel kernel = lowered.kernels().get(k);
        assertThat(kernel.vectorised()).isFalse();
        assertThat(vector.kernels().get(k).vectorised())
            .isEqualTo(Vectorisable.qualifies(kernel));
        assertThat(vector.kernels().get(k).toString().contains(MARK))
            .isEqualTo(Vectorisable.qualifies(kernel));
        assertThat(scalar.kernels().get(k)).isEqualTo(kernel);
      }
      assertThat(scalar).isEqualTo(lowered);
      assertThat(Vectorisable.apply(vector, true)).isEqualTo(vector);
    }
  }

  @Test
  void aVectorisedBodyHoldsOnlyLanes() {
    Program vector = Vectorisable.apply(Lowering.lower(VectorModels.linear(6)), true);
    assertThat(vector.kernels().stream().anyMatch(Kernel::vectorised)).isTrue();
    for (Kernel kernel : vector.kernels()) {
      if (kernel.vectorised()) {
        kernel.body().forEach(instr -> assertThat(Vectorisable.lane(instr)).isNotNull());
      }
    }
  }
}
