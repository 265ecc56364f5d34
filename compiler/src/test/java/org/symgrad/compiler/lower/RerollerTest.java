package org.symgrad.compiler.lower;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.VectorModels;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;

/**
 * Which runs {@link Reroller} rolls into loops, and into what: sum chains, sums added by index,
 * gradient and sum stores, indices with a stride, a chain whose terms change shape part-way,
 * the threshold below which code stays unrolled, and where the sums then live.
 */
class RerollerTest {
  private static final int LIMIT = CodeSize.METHOD_LIMIT;
  private static final int ALWAYS = 2;

  private static ModelDefinition parse(String text) {
    return ModelParser.parse(text, "rolled.sg");
  }

  @Test
  void aLinearModelsSumsAndGradientsBecomeThreeLoops() {
    ModelDefinition linear = parse("""
        input x[3]
        target y
        param w[3]
        param b
        model sum(j, w[j] * x[j]) + b
        """);
    assertThat(Lowering.lower(linear, LIMIT, ALWAYS, false).lossAndGradient().toString())
        .isEqualTo("""
            lossAndGradient:
              check params.length == 4
              check grad.length == 4
              (scratch 40, the 8 lanes of sums s0… in scratch 0…)
              t3 = param 3
              for each row:
                t11 = loop j < 3:
                  t34 = param j
                  t35 = column j
                  t36 = mul t34 t35
                  t11 += t36
                t12 = add t11 t3
                t13 = column 3
                t14 = sub t12 t13
                t15 = mul t14 t14
                s0 += t15
                loop j < 3:
                  t37 = column j
                  t38 = mul t14 t37
                  s1 + j += t38
                s4 += t14
              t19 = rows
              t20 = s0
              t21 = div t20 t19
              loop j < 4:
                t39 = s1 + j
                t40 = mul 2 t39
                t41 = div t40 t19
                grad j = t41
              return t21
            """);
  }

  @Test
  void finishReadsItsSumsArgumentByIndexAndSumsStoresThemInALoop() {
    Program program = Lowering.lower(VectorModels.linear(3), LIMIT, ALWAYS);
    assertThat(program.finish().toString()).contains("""
          loop j < 4:
            t15 = s1 + j
            t16 = mul 2 t15
            t17 = div t16 t0
            grad j = t17
        """);
    assertThat(program.sums().toString()).endsWith("""
          loop j < 5:
            t29 = s0 + j
            sums j = t29
        """);
    assertThat(program.finish().sumsInScratch()).isFalse();
  }

  @Test
  void aStrideFollowsTheRowMajorLayout() {
    String predict = Lowering.lower(parse("""
        input x[4]
        target y
        param W[4, 2]
        model sum(j, W[j, 1] * x[j])
        """), LIMIT, ALWAYS).predict().toString();
    assertThat(predict).contains("t15 = param 2j+1\n");
    assertThat(predict).contains("t16 = column j\n");
  }

  @Test
  void aChainIsRolledUpToTheFirstTermOfAnotherShape() {
    String predict = Lowering.lower(parse("""
        input x[5]
        target y
        param w[5]
        model w[0]*x[0] + w[1]*x[1] + w[2]*x[2] + w[3]*x[3]*x[3] + w[4]*x[4]
        """), LIMIT, ALWAYS).predict().toString();
    assertThat(predict).contains("t14 = loop j < 3:\n");
    assertThat(predict).contains("t17 = add t14 t16\n");
    assertThat(predict).contains("t18 = mul t4 t9\n");
  }

  @Test
  void runsShorterThanTheThresholdStayUnrolled() {
    int min = Reroller.DEFAULT_MIN_RUN;
    assertThat(hasLoop(Lowering.lower(VectorModels.linear(min - 1)).lossAndGradient().body()))
        .isFalse();
    assertThat(hasLoop(Lowering.lower(VectorModels.linear(min)).lossAndGradient().body()))
        .isTrue();
    // min - 1 weights and the bias: min gradients, which finish reads from its argument.
    assertThat(hasLoop(Lowering.lower(VectorModels.linear(min - 1)).finish().epilogue()))
        .isTrue();
    assertThat(hasLoop(Lowering.lower(VectorModels.linear(min - 2)))).isFalse();
    assertThat(hasLoop(Lowering.lower(VectorModels.linear(200), LIMIT, Reroller.NEVER)))
        .isFalse();
  }

  @Test
  void sumsStayInLocalsUnlessTheRowLoopAddsToThemByIndex() {
    // Seven units of three inputs: each unit's three weight sums are too few to roll, so the
    // gradient stores stay unrolled too rather than read sums from an array.
    Kernel fused = Lowering.lower(VectorModels.mlp(7, 3)).lossAndGradient();
    // (Their lanes may still go to scratch when the body is too large to write once per lane.)
    assertThat(fused.scratchSize()).isEqualTo(0);
    assertThat(hasLoop(fused.epilogue())).isFalse();
    Kernel rolled = Lowering.lower(VectorModels.mlp(7, 3), LIMIT, ALWAYS).lossAndGradient();
    assertThat(rolled.sumsInScratch()).isTrue();
    assertThat(hasLoop(rolled.epilogue())).isTrue();
  }

  @Test
  void aTermTooDeepToMatchStaysUnrolled() {
    String deep = "x[j]" + " * w[j]".repeat(100);
    assertThat(hasLoop(Lowering.lower(parse("input x[20]\ntarget y\nparam w[20]\n"
        + "model sum(j, " + deep + ")\n"), LIMIT, ALWAYS).predict().body())).isFalse();
  }

  private static boolean hasLoop(Program program) {
    return program.kernels().stream().anyMatch(k -> hasLoop(k.prologue())
        || hasLoop(k.body()) || hasLoop(k.epilogue()));
  }

  private static boolean hasLoop(List<Instr> code) {
    return code.stream().anyMatch(Instr.Loop.class::isInstance);
  }
}
