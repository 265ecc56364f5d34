package org.symgrad.bench.baseline;

import java.util.HashMap;
import java.util.Map;
import org.symgrad.compiler.graph.Evaluator;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.SumLanes;

/**
 * The interpreter baseline as the project has it: for every row, the project's own {@link
 * Evaluator} walks the graph of the per-row loss and of each derivative (sharing the values of
 * common subexpressions within the row, as the fused kernel does), and the sums are averaged
 * after the loop. Boxed doubles in hash maps, one evaluator per row: what "walk the graph" costs
 * without a compiler. The thermometer's penalty is 0, so none is added.
 */
public final class TreeWalkingInterpreter {
  private final ModelGradient graph;

  public TreeWalkingInterpreter(ModelGradient graph) {
    this.graph = graph;
  }

  /** The mean loss over {@code batch}; writes the mean gradient to {@code grad}. */
  public double lossAndGradient(double[] params, Batch batch, double[] grad) {
    int n = batch.size();
    int k = grad.length;
    Map<String, Double> variables = new HashMap<>();
    for (int p = 0; p < k; p++) {
      variables.put(graph.parameters().get(p), params[p]);
    }
    // Every sum in its eight lanes, added in the order the compiled kernels add rows.
    double[] loss = new double[SumLanes.LANES];
    double[] sums = new double[SumLanes.LANES * k];
    for (int row = 0; row < n; row++) {
      int lane = SumLanes.lane(row, 0, n);
      for (int c = 0; c < graph.columns().size(); c++) {
        variables.put(graph.columns().get(c), batch.column(c)[row]);
      }
      Evaluator evaluator = new Evaluator(variables);
      loss[lane] += evaluator.valueOf(graph.loss());
      for (int p = 0; p < k; p++) {
        sums[SumLanes.LANES * p + lane] += evaluator.valueOf(graph.gradient().get(p));
      }
    }
    for (int p = 0; p < k; p++) {
      grad[p] = SumLanes.total(sums, SumLanes.LANES * p) / n;
    }
    return SumLanes.total(loss, 0) / n;
  }
}
