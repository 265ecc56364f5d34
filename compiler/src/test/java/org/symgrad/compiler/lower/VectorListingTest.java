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
          check params.length == 6
          check out.length >= rows * 2
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
          check params.length == 6
          check grad.length == 6
          (scratch 56, the 8 lanes of sums s0… in scratch 0…)
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
            t37 = gt t15 t14
            t38 = eq t15 t14
            t39 = mul 0.5 t36
            t40 = select t38 t39 t36
            t41 = select t37 0 t40
            t42 = gt t14 t15
            t43 = eq t14 t15
            t44 = select t43 t39 t36
            t45 = select t42 0 t44
            t46 = sub t33 t20
            t47 = add t46 t41
            t48 = mul t47 t6
            t49 = mul t47 t7
            t50 = sub t32 t25
            t51 = add t50 t45
            t52 = mul t51 t6
            t53 = mul t51 t7
            s0 += t30
            s1 += t48
            s2 += t49
            s3 += t52
            s4 += t53
            s5 += t47
            s6 += t51
          t54 = rows
          t55 = s0
          t56 = div t55 t54
          t57 = s1
          t58 = div t57 t54
          t59 = s2
          t60 = div t59 t54
          t61 = s3
          t62 = div t61 t54
          t63 = s4
          t64 = div t63 t54
          t65 = s5
          t66 = div t65 t54
          t67 = s6
          t68 = div t67 t54
          grad 0 = t58
          grad 1 = t60
          grad 2 = t62
          grad 3 = t64
          grad 4 = t66
          grad 5 = t68
          return t56
        """);
  }

  @Test
  void aSplitKernelCallsHelpersThatPassValuesThroughScratch() {
    assertThat(Lowering.lower(LINEAR, 120).lossAndGradient().toString()).isEqualTo("""
        lossAndGradient:
          check params.length == 3
          check grad.length == 3
          (scratch 47, the 8 lanes of sums s0… in scratch 0…)
          for each row:
            call part 24
          call part 27
          t16 = scratch 40
          return t16
        lossAndGradient part 0:
          t0 = param 0
          t3 = column 0
          t5 = mul t0 t3
          scratch 32 = t5
        lossAndGradient part 1:
          t1 = param 1
          t4 = column 1
          t6 = mul t1 t4
          scratch 33 = t6
        lossAndGradient part 2:
          t5 = scratch 32
          t6 = scratch 33
          t7 = add t5 t6
          scratch 34 = t7
        lossAndGradient part 3:
          t2 = param 2
          t7 = scratch 34
          t8 = add t7 t2
          scratch 35 = t8
        lossAndGradient part 4:
          t8 = scratch 35
          t9 = column 2
          t10 = sub t8 t9
          scratch 36 = t10
        lossAndGradient part 5:
          t10 = scratch 36
          t11 = mul t10 t10
          scratch 37 = t11
        lossAndGradient part 6:
          t11 = scratch 37
          s0 += t11
        lossAndGradient part 7:
          t3 = column 0
          t10 = scratch 36
          t12 = mul t10 t3
          scratch 38 = t12
        lossAndGradient part 8:
          t12 = scratch 38
          s1 += t12
        lossAndGradient part 9:
          t4 = column 1
          t10 = scratch 36
          t13 = mul t10 t4
          scratch 39 = t13
        lossAndGradient part 10:
          t13 = scratch 39
          s2 += t13
        lossAndGradient part 11:
          t10 = scratch 36
          s3 += t10
        lossAndGradient part 12:
          t17 = s1
          t18 = mul 2 t17
          scratch 41 = t18
        lossAndGradient part 13:
          t14 = rows
          t18 = scratch 41
          t19 = div t18 t14
          scratch 42 = t19
        lossAndGradient part 14:
          t19 = scratch 42
          grad 0 = t19
        lossAndGradient part 15:
          t20 = s2
          t21 = mul 2 t20
          scratch 43 = t21
        lossAndGradient part 16:
          t14 = rows
          t21 = scratch 43
          t22 = div t21 t14
          scratch 44 = t22
        lossAndGradient part 17:
          t22 = scratch 44
          grad 1 = t22
        lossAndGradient part 18:
          t23 = s3
          t24 = mul 2 t23
          scratch 45 = t24
        lossAndGradient part 19:
          t14 = rows
          t24 = scratch 45
          t25 = div t24 t14
          scratch 46 = t25
        lossAndGradient part 20:
          t25 = scratch 46
          grad 2 = t25
        lossAndGradient part 21:
          t14 = rows
          t15 = s0
          t16 = div t15 t14
          scratch 40 = t16
        lossAndGradient part 22:
          call part 0
          call part 1
          call part 2
          call part 3
          call part 4
          call part 5
        lossAndGradient part 23:
          call part 6
          call part 7
          call part 8
          call part 9
          call part 10
          call part 11
        lossAndGradient part 24:
          call part 22
          call part 23
        lossAndGradient part 25:
          call part 12
          call part 13
          call part 14
          call part 15
          call part 16
          call part 17
        lossAndGradient part 26:
          call part 18
          call part 19
          call part 20
          call part 21
        lossAndGradient part 27:
          call part 25
          call part 26
        """);
  }
}
