package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.RandomModels;
import org.symgrad.compiler.SecondOrderKernel;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.second.SecondOrder;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.parallel.ChunkedKernels;

/**
 * The fused second-order kernels (normal equations, sum of squares, Newton, objective,
 * Hessian-vector product, geodesic) from
 * the generated source, compiled by javac, give the same bits as from the bytecode emitter:
 * every method, including the chunked sums over a range and the finish from them.
 */
class FusedSecondOrderBitParityTest {
  private static final List<Path> MODELS = List.of(
      Path.of("src/test/resources/nist/Thurber.sg"),
      Path.of("src/test/resources/nist/MGH09.sg"),
      Path.of("src/test/resources/nist/ENSO.sg"),
      Path.of("../samples/decay/decay.sg"),
      Path.of("../samples/thermometer/thermometer_poly.sg"),
      Path.of("../samples/logistic/exams.sg"),
      Path.of("../samples/softmax/blobs.sg"));

  private record Case(ModelDefinition model, SecondOrderKernel kind) {}

  @Test
  void fusedKernelsGiveTheSameBitsFromSourceAndBytecode() {
    Map<String, Case> cases = new LinkedHashMap<>();
    int index = 0;
    for (Path file : MODELS) {
      add(cases, "Symgrad_Fused" + index++, Symgrad.parseFile(file));
    }
    for (long seed = 0; seed < 10; seed++) {
      Op top = RandomModels.OPS.get((int) (seed * 5 % RandomModels.OPS.size()));
      add(cases, "Symgrad_FusedRandom" + seed, RandomModels.model(seed, top));
    }
    Map<String, Program> programs = new LinkedHashMap<>();
    cases.forEach((name, c) -> programs.put(name, Symgrad.lowerSecondOrder(c.model(), c.kind())));
    ClassLoader loader = SourceBitIdentityTest.compileAll(programs);
    int finite = 0;
    for (Map.Entry<String, Case> entry : cases.entrySet()) {
      Case c = entry.getValue();
      CompiledModel source = SourceBitIdentityTest.instantiate(loader, entry.getKey());
      // The scalar bytecode, as the source is scalar: vectors are the default in this JVM, and
      // vector against scalar is SumOrderTest's and VectorBitParityTest's (a NaN's payload
      // may differ between the two).
      CompiledModel bytecode = ModelClassDefiner.define(programs.get(entry.getKey()),
          VectorMode.OFF);
      Random random = new Random(entry.getKey().hashCode());
      for (int trial = 0; trial < 3; trial++) {
        int rows = 1 + random.nextInt(30);
        double[][] columns = new double[c.model().inputs().size() + 1][rows];
        for (double[] column : columns) {
          for (int r = 0; r < rows; r++) {
            column[r] = random.nextDouble() * 4 - 2;
          }
        }
        // The Hessian-vector and geodesic kernels read a direction after the parameters.
        int p = bytecode.info().parameterCount();
        boolean direction = c.kind() == SecondOrderKernel.HESSIAN_VECTOR
            || c.kind() == SecondOrderKernel.GEODESIC;
        double[] params = new double[direction ? 2 * p : p];
        for (int i = 0; i < params.length; i++) {
          params[i] = random.nextDouble() * 2 - 1;
        }
        String context = entry.getKey() + " (" + c.kind() + ") trial " + trial;
        if (sameBits(bytecode, source, params, Batch.of(columns, rows), context)) {
          finite++;
        }
      }
    }
    assertWithMessage("finite results").that(finite).isGreaterThan(cases.size());
  }

  private static void add(Map<String, Case> cases, String name, ModelDefinition model) {
    boolean leastSquares = SecondOrder.leastSquaresProblem(model).isEmpty();
    for (SecondOrderKernel kind : SecondOrderKernel.values()) {
      boolean forLeastSquares = kind == SecondOrderKernel.NORMAL_EQUATIONS
          || kind == SecondOrderKernel.SUM_OF_SQUARES || kind == SecondOrderKernel.GEODESIC;
      if (leastSquares || !forLeastSquares) {
        cases.put(name + "_" + kind.name().toLowerCase(java.util.Locale.ROOT),
            new Case(model, kind));
      }
    }
  }

  // Whether the results were finite: the test checks that it did not compare only NaNs.
  private static boolean sameBits(CompiledModel expected, CompiledModel actual,
      double[] params, Batch batch, String context) {
    int rows = batch.size();
    int terms = expected.info().outputs();
    double[] expectedTerms = new double[rows * terms];
    double[] actualTerms = new double[rows * terms];
    expected.predict(params.clone(), batch, expectedTerms);
    actual.predict(params.clone(), batch, actualTerms);
    for (int i = 0; i < expectedTerms.length; i++) {
      same(context, "term " + i % terms + " of row " + i / terms, expectedTerms[i],
          actualTerms[i]);
    }
    same(context, "loss", expected.loss(params.clone(), batch),
        actual.loss(params.clone(), batch));
    double[] expectedOut = new double[terms - 1];
    double[] actualOut = new double[terms - 1];
    double first = expected.lossAndGradient(params.clone(), batch, expectedOut);
    same(context, "first result", first, actual.lossAndGradient(params.clone(), batch,
        actualOut));
    for (int i = 0; i < expectedOut.length; i++) {
      same(context, "result " + (i + 1), expectedOut[i], actualOut[i]);
    }
    assertWithMessage("chunked in both, %s", context)
        .that(actual instanceof ChunkedKernels).isEqualTo(expected instanceof ChunkedKernels);
    if (!(expected instanceof ChunkedKernels)) {
      // Split into helper methods (softmax's Newton kernel): no chunks, as for any model.
      assertWithMessage("only a large kernel is split: %s", context).that(terms)
          .isGreaterThan(40);
      return Double.isFinite(first);
    }
    ChunkedKernels e = (ChunkedKernels) expected;
    ChunkedKernels a = (ChunkedKernels) actual;
    int from = rows / 3;
    double[] expectedSums = new double[terms];
    double[] actualSums = new double[terms];
    e.sums(params.clone(), batch, from, rows, expectedSums);
    a.sums(params.clone(), batch, from, rows, actualSums);
    for (int i = 0; i < terms; i++) {
      same(context, "sum " + i, expectedSums[i], actualSums[i]);
    }
    same(context, "finish", e.finish(params.clone(), expectedSums, rows - from, expectedOut),
        a.finish(params.clone(), actualSums, rows - from, actualOut));
    for (int i = 0; i < expectedOut.length; i++) {
      same(context, "finished result " + (i + 1), expectedOut[i], actualOut[i]);
    }
    return Double.isFinite(first);
  }

  private static void same(String context, String what, double expected, double actual) {
    assertWithMessage("%s: bytecode gives %s, source gives %s, in %s", what, expected, actual,
        context)
        .that(Long.toHexString(Double.doubleToRawLongBits(actual)))
        .isEqualTo(Long.toHexString(Double.doubleToRawLongBits(expected)));
  }
}
