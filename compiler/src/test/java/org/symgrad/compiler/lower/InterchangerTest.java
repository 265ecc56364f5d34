package org.symgrad.compiler.lower;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.VectorModels;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;

/**
 * Which kernels {@link Interchanger} runs in blocks of rows, and into what: a linear model's
 * sum over its features, its row code and its gradient sums each become their own sweep over
 * the block; kernels of any other shape keep their row loop as it was. That the blocks give
 * the same bits is {@code RerollParityTest}'s business.
 */
class InterchangerTest {
  private static final int LIMIT = CodeSize.METHOD_LIMIT;
  private static final int ALWAYS = 2;

  private static ModelDefinition parse(String text) {
    return ModelParser.parse(text, "blocked.sg");
  }

  @Test
  void aLinearModelsSumGradientsAndRowCodeSweepTheBlockInTurn() {
    ModelDefinition linear = parse("""
        input x[3]
        target y
        param w[3]
        param b
        model sum(j, w[j] * x[j]) + b
        """);
    assertThat(Lowering.lower(linear, LIMIT, ALWAYS).lossAndGradient().toString())
        .isEqualTo("""
            lossAndGradient:
              check params.length == 4
              check grad.length == 4
              (scratch 552, the 8 lanes of sums s0… in scratch 0…)
              t3 = param 3
              for each block of 256 rows:
                for each row of the block:
                  row slot 40 = -0
                loop j < 3:
                  t34 = param j
                  for each row of the block:
                    t35 = column j
                    t36 = mul t34 t35
                    row slot 40 += t36
                for each row of the block:
                  t11 = row slot 40
                  t12 = add t11 t3
                  t13 = column 3
                  t14 = sub t12 t13
                  t15 = mul t14 t14
                  s0 += t15
                  s4 += t14
                  row slot 296 = t14
                loop j < 3:
                  for each row of the block:
                    t14 = row slot 296
                    t37 = column j
                    t38 = mul t14 t37
                    s1 + j += t38
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
  void theLossAndSumsKernelsRunInBlocksTooButPredictAndFinishDoNot() {
    Program program = Lowering.lower(VectorModels.linear(40));
    assertThat(program.loss().isBlocked()).isTrue();
    assertThat(program.lossAndGradient().isBlocked()).isTrue();
    assertThat(program.sums().isBlocked()).isTrue();
    assertThat(program.predict().isBlocked()).isFalse();
    assertThat(program.finish().isBlocked()).isFalse();
  }

  @Test
  void theMlpKeepsItsRowLoop() {
    ModelDefinition mlp = VectorModels.mlp13();
    assertThat(Lowering.lower(mlp).toString())
        .isEqualTo(Lowering.lower(mlp, LIMIT, Reroller.DEFAULT_MIN_RUN, false).toString());
  }

  @Test
  void aSumOverFeaturesThatReadsTheRowKeepsItsRowLoop() {
    // Each term reads column 0 of the row, which a sweep along column j could not.
    Kernel kernel = rowLoop(List.of(
        new Instr.LoadColumn(temp(0), 0),
        sumOverColumns(temp(1), temp(0)),
        new Instr.Accumulate(LOSS, temp(1))), List.of(LOSS));
    assertThat(Interchanger.interchange(kernel, LIMIT)).isSameInstanceAs(kernel);
  }

  @Test
  void scattersIntoASumTheRowAlsoAddsToKeepTheirRowLoop() {
    // Moving the scatter after the row code would reorder the additions into s1.
    Accumulator first = new Accumulator(1, "w[0]", "x[0]");
    Accumulator second = new Accumulator(2, "w[1]", "x[1]");
    Kernel kernel = rowLoop(List.of(
        sumOverColumns(temp(1), null),
        new Instr.Accumulate(second, temp(1)),
        new Instr.Loop(null, 2, List.of(
            new Instr.LoadColumnAt(temp(5), new Instr.Index(0, 1)),
            new Instr.AccumulateAt(first, 1, temp(5))), null)), List.of(LOSS, first, second));
    assertThat(Interchanger.interchange(kernel, LIMIT)).isSameInstanceAs(kernel);
    Kernel apart = rowLoop(List.of(
        sumOverColumns(temp(1), null),
        new Instr.Accumulate(LOSS, temp(1)),
        new Instr.Loop(null, 2, List.of(
            new Instr.LoadColumnAt(temp(5), new Instr.Index(0, 1)),
            new Instr.AccumulateAt(first, 1, temp(5))), null)), List.of(LOSS, first, second));
    assertThat(Interchanger.interchange(apart, LIMIT).isBlocked()).isTrue();
  }

  @Test
  void aBlockedKernelTooLargeForItsMethodKeepsItsRowLoop() {
    Kernel kernel = rowLoop(List.of(
        sumOverColumns(temp(1), null),
        new Instr.Accumulate(LOSS, temp(1))), List.of(LOSS));
    assertThat(Interchanger.interchange(kernel, LIMIT).isBlocked()).isTrue();
    assertThat(Interchanger.interchange(kernel, 100)).isSameInstanceAs(kernel);
  }

  private static final Accumulator LOSS = new Accumulator(0, "loss", "x[0]");

  private static Value.Temp temp(int index) {
    return new Value.Temp(index, null);
  }

  // to = sum over j < 4 of param j * column j [* times].
  private static Instr.Loop sumOverColumns(Value.Temp to, Value.Temp times) {
    List<Instr> body = new java.util.ArrayList<>(List.of(
        new Instr.LoadParamAt(temp(2), new Instr.Index(0, 1)),
        new Instr.LoadColumnAt(temp(3), new Instr.Index(0, 1)),
        new Instr.Compute(temp(4), Operation.MUL, List.of(temp(2), temp(3)))));
    if (times == null) {
      return new Instr.Loop(to, 4, body, temp(4));
    }
    body.add(new Instr.Compute(temp(6), Operation.MUL, List.of(temp(4), times)));
    return new Instr.Loop(to, 4, body, temp(6));
  }

  private static Kernel rowLoop(List<Instr> body, List<Accumulator> sums) {
    return new Kernel(Kernel.Kind.LOSS, List.of(), body, List.of(), sums, 7, List.of(),
        sums.size());
  }

  @Test
  void straightLineKernelsAreNotBlocked() {
    Program unrolled = Lowering.lower(VectorModels.linear(200), LIMIT, Reroller.NEVER);
    unrolled.kernels().forEach(kernel -> assertThat(kernel.isBlocked()).isFalse());
  }
}
