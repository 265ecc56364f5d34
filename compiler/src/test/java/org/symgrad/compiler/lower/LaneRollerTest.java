package org.symgrad.compiler.lower;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;
import org.symgrad.compiler.VectorModels;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;

/**
 * Which outer repetition {@link LaneRoller} rolls into loops over units: a hidden layer whose
 * units outnumber the threshold, one loop a phase, values crossing phases through scratch;
 * and what it leaves alone.
 */
class LaneRollerTest {
  private static final int LIMIT = CodeSize.METHOD_LIMIT;

  private static final ModelDefinition NETWORK = ModelParser.parse("""
      input x[2]
      target y
      param W[4, 2]
      param c[4]
      param v[4]
      param b
      let h[j] = tanh(sum(k, W[j, k] * x[k]) + c[j])
      model sum(j, v[j] * h[j]) + b
      loss mse
      """, "network.sg");

  @Test
  void aHiddenLayersUnitsBecomeALoopForwardAndALoopBack() {
    Kernel kernel = Lowering.lower(NETWORK, LIMIT, 4, false).lossAndGradient();
    assertThat(kernel.toString()).contains("""
          for each row:
            t17 = column 0
            t18 = column 1
            t47 = column 2
            t45 = loop j < 4:
              t136 = param 2j
              t137 = mul t136 t17
              t138 = param 2j+1
              t139 = mul t138 t18
              t140 = add t137 t139
              t141 = param j+8
              t142 = add t140 t141
              t143 = tanh t142
              scratch j+22 = t143
              t144 = param j+12
              t145 = mul t144 t143
              t146 = mul t143 t143
              t147 = neg t146
              t148 = add t147 1
              scratch j+18 = t148
              t45 += t145
            t46 = add t45 t16
            t48 = sub t46 t47
            t49 = mul t48 t48
            s0 += t49
            s17 += t48
            loop j < 4:
              t149 = param j+12
              t150 = mul t48 t149
              t151 = scratch j+18
              t152 = mul t150 t151
              t153 = mul t152 t17
              t154 = mul t152 t18
              t155 = scratch j+22
              t156 = mul t48 t155
              s1 + 2j += t153
              s2 + 2j += t154
              s9 + j += t152
              s13 + j += t156
        """);
    assertThat(kernel.scratchSize()).isEqualTo(26); // 18 sums, then h and 1 - h^2 for each unit
  }

  @Test
  void fewerUnitsThanTheThresholdStayUnrolled() {
    Program program = Lowering.lower(VectorModels.mlp13());
    assertThat(program.toString()).doesNotContain("loop j < 13");
    assertThat(Lowering.lower(NETWORK, LIMIT, 5, false).toString())
        .doesNotContain("loop j < 4");
  }

  @Test
  void unitsWhoseInnerSumsAreLoopsAreLeftAlone() {
    Kernel kernel = Lowering.lower(VectorModels.mlp(20, 17), LIMIT, 16, false).loss();
    assertThat(kernel.toString()).contains("loop j < 17");
    assertThat(kernel.toString()).doesNotContain("loop j < 20");
  }
}
