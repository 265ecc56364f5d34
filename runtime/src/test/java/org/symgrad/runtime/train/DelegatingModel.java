package org.symgrad.runtime.train;

import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.ModelInfo;

/**
 * A model that does what {@code model} does: the tests' models override the one method whose
 * behaviour they change (poison a gradient, flatten validation, record or interrupt a call).
 */
abstract class DelegatingModel implements CompiledModel {
  final CompiledModel model;

  DelegatingModel(CompiledModel model) {
    this.model = model;
  }

  @Override
  public ModelInfo info() {
    return model.info();
  }

  @Override
  public void predict(double[] params, Batch inputs, double[] out) {
    model.predict(params, inputs, out);
  }

  @Override
  public double loss(double[] params, Batch batch) {
    return model.loss(params, batch);
  }

  @Override
  public double lossAndGradient(double[] params, Batch batch, double[] grad) {
    return model.lossAndGradient(params, batch, grad);
  }
}
