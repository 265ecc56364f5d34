package org.symgrad.compiler.lower;

import static com.google.common.truth.Truth.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.HandBuiltModels;
import org.symgrad.compiler.Symgrad;

/** The thermometer's IR, as a golden listing: the exact code both emitters translate. */
class ProgramListingTest {
  private final Program program = Symgrad.lower(HandBuiltModels.thermometerNormalized());

  @Test
  void fusedKernelHoistsParametersAndSharesTheResidual() {
    assertThat(program.lossAndGradient().toString()).isEqualTo("""
        lossAndGradient:
          t0 = param 0
          t1 = param 1
          for each row:
            t2 = column 0
            t3 = mul 0.1 t2
            t4 = mul t0 t3
            t5 = add t4 t1
            t6 = column 1
            t7 = sub t5 t6
            t8 = mul t7 t7
            t9 = mul 2 t7
            t10 = mul t9 t3
            s0 += t8
            s1 += t10
            s2 += t9
          t11 = rows
          t12 = s0
          t13 = div t12 t11
          t14 = s1
          t15 = div t14 t11
          t16 = s2
          t17 = div t16 t11
          grad 0 = t15
          grad 1 = t17
          return t13
        """);
  }

  @Test
  void noKernelComputesAnExpressionTwice() {
    for (Kernel kernel : program.kernels()) {
      Set<String> computations = new HashSet<>();
      Stream.of(kernel.prologue(), kernel.body(), kernel.epilogue())
          .flatMap(List::stream)
          .filter(Instr.Compute.class::isInstance)
          .map(Instr.Compute.class::cast)
          .forEach(c -> assertThat(computations.add(c.operation() + " " + c.args()))
              .isTrue());
    }
  }

  @Test
  void derivativesAreSimplifiedAndNamedAfterTheModel() {
    assertThat(program.derivatives()).containsExactly(
        "w", "2 * (pred - t_c) * t_un",
        "b", "2 * (pred - t_c)").inOrder();
  }

  @Test
  void lossKernelNeedsNoGradientWork() {
    assertThat(program.loss().sums()).hasSize(1);
    assertThat(program.loss().body().stream().filter(Instr.Compute.class::isInstance).count())
        .isEqualTo(5);
  }
}
