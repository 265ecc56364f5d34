package org.symgrad.runtime.train;

import java.util.ArrayList;
import java.util.List;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/** Wraps a model and records every evaluation: which path, at what, on which rows. */
final class RecordingModel extends DelegatingModel {

  /** One evaluation: the columns and parameters as they were, and the value returned. */
  record Call(boolean withGradient, double[][] columns, double[] params, double loss) {
    double[] column(int c) {
      return columns[c];
    }
  }

  private final List<Call> calls = new ArrayList<>();

  RecordingModel(CompiledModel model) {
    super(model);
  }

  List<Call> calls() {
    return calls;
  }

  List<Call> gradientCalls() {
    return calls.stream().filter(Call::withGradient).toList();
  }

  List<Call> lossCalls() {
    return calls.stream().filter(c -> !c.withGradient()).toList();
  }

  @Override
  public double loss(double[] params, Batch batch) {
    double[] before = params.clone();
    double loss = model.loss(params, batch);
    calls.add(new Call(false, copy(batch), before, loss));
    return loss;
  }

  @Override
  public double lossAndGradient(double[] params, Batch batch, double[] grad) {
    double[] before = params.clone();
    double loss = model.lossAndGradient(params, batch, grad);
    calls.add(new Call(true, copy(batch), before, loss));
    return loss;
  }

  private static double[][] copy(Batch batch) {
    double[][] columns = new double[batch.width()][];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = java.util.Arrays.copyOf(batch.column(c), batch.size());
    }
    return columns;
  }
}
