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
  void fusedKernelHoistsParametersSharesTheResidualAndScalesSumsAfterTheLoop() {
    assertThat(program.lossAndGradient().toString()).isEqualTo("""
        lossAndGradient:
          check params.length == 2
          check grad.length == 2
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
            t9 = mul t7 t3
            s0 += t8
            s1 += t9
            s2 += t7
          t10 = rows
          t11 = s0
          t12 = div t11 t10
          t13 = s1
          t14 = mul 2 t13
          t15 = div t14 t10
          t16 = s2
          t17 = mul 2 t16
          t18 = div t17 t10
          grad 0 = t15
          grad 1 = t18
          return t12
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
