package org.symgrad.compiler.lower;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;

/**
 * Vector models' IR, as golden listings: a two-class softmax (vector output, index sums,
 * cross_entropy's max, exp, log and eq), and a two-feature linear model split into helpers at
 * a tiny method size, which shows every part of a split kernel: loads repeated where they are
 * needed, values passed through scratch, sums in scratch, and calls grouped into helpers.
 */
class VectorListingTest {
  private static final ModelDefinition SOFTMAX = ModelParser.parse("""
      input x[2]
      target label
      param W[2, 2]
      param c[2]
      model out[k] = sum(j, W[k, j] * x[j]) + c[k]
      loss cross_entropy
      """, "tiny.sg");
  private static final ModelDefinition LINEAR = ModelParser.parse("""
      input x[2]
      target y
      param w[2]
      param b
      model sum(j, w[j] * x[j]) + b
      """, "lin.sg");

  @Test
  void predictWritesEachOutputOfTheRow() {
    assertThat(Symgrad.lower(SOFTMAX).predict().toString()).isEqualTo("""
        predict:
          t0 = param 0
          t1 = param 1
          t2 = param 2
          t3 = param 3
          t4 = param 4
          t5 = param 5
          for each row:
            t6 = column 0
            t7 = column 1
            t8 = mul t0 t6
            t9 = mul t1 t7
            t10 = mul t2 t6
            t11 = mul t3 t7
            t12 = add t8 t9
            t13 = add t10 t11
            t14 = add t12 t4
            t15 = add t13 t5
            out 0 = t14
            out 1 = t15
        """);
  }

  @Test
  void crossEntropyIsTheStableLogSumExpWithAnIndicatorForTheTarget() {
    assertThat(Symgrad.lower(SOFTMAX).lossAndGradient().toString()).isEqualTo("""
        lossAndGradient:
          t0 = param 0
          t1 = param 1
          t2 = param 2
          t3 = param 3
          t4 = param 4
          t5 = param 5
          for each row:
            t6 = column 0
            t7 = column 1
            t8 = mul t0 t6
            t9 = mul t1 t7
            t10 = mul t2 t6
            t11 = mul t3 t7
            t12 = add t8 t9
            t13 = add t10 t11
            t14 = add t12 t4
            t15 = add t13 t5
            t16 = column 2
            t17 = max t14 t15
            t18 = sub t14 t17
            t19 = exp t18
            t20 = eq t16 0
            t21 = mul t20 t14
            t22 = sub t15 t17
            t23 = exp t22
            t24 = add t19 t23
            t25 = eq t16 1
            t26 = mul t25 t15
            t27 = add t21 t26
            t28 = log t24
            t29 = add t17 t28
            t30 = sub t29 t27
            t31 = div 1 t24
            t32 = mul t31 t23
            t33 = mul t31 t19
            t34 = add t32 t33
            t35 = neg t34
            t36 = add t35 1
            t37 = sub t14 t15
            t38 = sign t37
            t39 = mul 0.5 t38
            t40 = add t39 0.5
            t41 = mul t36 t40
            t42 = mul -0.5 t38
            t43 = add t42 0.5
            t44 = mul t36 t43
            t45 = sub t33 t20
            t46 = add t45 t41
            t47 = mul t46 t6
            t48 = mul t46 t7
            t49 = sub t32 t25
            t50 = add t49 t44
            t51 = mul t50 t6
            t52 = mul t50 t7
            s0 += t30
            s1 += t47
            s2 += t48
            s3 += t51
            s4 += t52
            s5 += t46
            s6 += t50
          t53 = rows
          t54 = s0
          t55 = div t54 t53
          t56 = s1
          t57 = div t56 t53
          t58 = s2
          t59 = div t58 t53
          t60 = s3
          t61 = div t60 t53
          t62 = s4
          t63 = div t62 t53
          t64 = s5
          t65 = div t64 t53
          t66 = s6
          t67 = div t66 t53
          grad 0 = t57
          grad 1 = t59
          grad 2 = t61
          grad 3 = t63
          grad 4 = t65
          grad 5 = t67
          return t55
        """);
  }

  @Test
  void aSplitKernelCallsHelpersThatPassValuesThroughScratch() {
    assertThat(Lowering.lower(LINEAR, 120).lossAndGradient().toString()).isEqualTo("""
        lossAndGradient:
          (scratch 17, sums s0… in scratch 0…)
          for each row:
            call part 23
          call part 26
          t17 = scratch 13
          return t17
        lossAndGradient part 0:
          t0 = param 0
          t3 = column 0
          t5 = mul t0 t3
          scratch 4 = t5
        lossAndGradient part 1:
          t1 = param 1
          t4 = column 1
          t6 = mul t1 t4
          scratch 5 = t6
        lossAndGradient part 2:
          t5 = scratch 4
          t6 = scratch 5
          t7 = add t5 t6
          scratch 6 = t7
        lossAndGradient part 3:
          t2 = param 2
          t7 = scratch 6
          t8 = add t7 t2
          scratch 7 = t8
        lossAndGradient part 4:
          t8 = scratch 7
          t9 = column 2
          t10 = sub t8 t9
          scratch 8 = t10
        lossAndGradient part 5:
          t10 = scratch 8
          t11 = mul t10 t10
          scratch 9 = t11
        lossAndGradient part 6:
          t11 = scratch 9
          s0 += t11
        lossAndGradient part 7:
          t10 = scratch 8
          t12 = mul 2 t10
          scratch 10 = t12
        lossAndGradient part 8:
          t3 = column 0
          t12 = scratch 10
          t13 = mul t12 t3
          scratch 11 = t13
        lossAndGradient part 9:
          t13 = scratch 11
          s1 += t13
        lossAndGradient part 10:
          t4 = column 1
          t12 = scratch 10
          t14 = mul t12 t4
          scratch 12 = t14
        lossAndGradient part 11:
          t14 = scratch 12
          s2 += t14
        lossAndGradient part 12:
          t12 = scratch 10
          s3 += t12
        lossAndGradient part 13:
          t15 = rows
          t18 = s1
          t19 = div t18 t15
          scratch 14 = t19
        lossAndGradient part 14:
          t19 = scratch 14
          grad 0 = t19
        lossAndGradient part 15:
          t15 = rows
          t20 = s2
          t21 = div t20 t15
          scratch 15 = t21
        lossAndGradient part 16:
          t21 = scratch 15
          grad 1 = t21
        lossAndGradient part 17:
          t15 = rows
          t22 = s3
          t23 = div t22 t15
          scratch 16 = t23
        lossAndGradient part 18:
          t23 = scratch 16
          grad 2 = t23
        lossAndGradient part 19:
          t15 = rows
          t16 = s0
          t17 = div t16 t15
          scratch 13 = t17
        lossAndGradient part 20:
          call part 0
          call part 1
          call part 2
          call part 3
          call part 4
          call part 5
        lossAndGradient part 21:
          call part 6
          call part 7
          call part 8
          call part 9
          call part 10
          call part 11
        lossAndGradient part 22:
          call part 12
        lossAndGradient part 23:
          call part 20
          call part 21
          call part 22
        lossAndGradient part 24:
          call part 13
          call part 14
          call part 15
          call part 16
          call part 17
          call part 18
        lossAndGradient part 25:
          call part 19
        lossAndGradient part 26:
          call part 24
          call part 25
        """);
  }
}
