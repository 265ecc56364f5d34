package org.symgrad.bench;

import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;

/**
 * The thermometer model compiled and bound to one data set: what every contender of a kernel
 * benchmark reads. The columns are the batch's own arrays, so the hand-written loop and the
 * compiled kernel read the very same memory.
 */
public final class Problem {
  public final ModelDefinition definition;
  public final CompiledModel model;
  public final Dataset data;
  public final Batch batch;
  /** Column {@code t_u} (the input) and {@code t_c} (the target), shared with {@link #batch}. */
  public final double[] tu;
  public final double[] tc;
  public final int rows;

  private Problem(Dataset data) {
    this.definition = ModelParser.parse(Thermometer.MODEL, "thermometer.sg");
    this.model = Symgrad.compile(definition);
    this.data = data;
    this.batch = data.batchFor(model.info(), true);
    this.tu = batch.column(0);
    this.tc = batch.column(1);
    this.rows = batch.size();
  }

  /** The thermometer model on the data of {@link LinearData#forRows}. */
  public static Problem thermometer(int rows) {
    return new Problem(LinearData.forRows(rows));
  }
}
