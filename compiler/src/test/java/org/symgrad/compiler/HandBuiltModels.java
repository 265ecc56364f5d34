package org.symgrad.compiler;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.ParameterInfo;

/** Models built straight on the graph, so compiler tests do not depend on the parser. */
public final class HandBuiltModels {
  public static final double[] T_U = {35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4,
      68.4};
  public static final double[] T_C = {0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0,
      21.0};

  private HandBuiltModels() {}

  /** The book's normalised thermometer: {@code let t_un = 0.1 * t_u; model w * t_un + b}. */
  public static ModelDefinition thermometerNormalized() {
    Graph g = new Graph();
    Node w = g.variable("w");
    Node b = g.variable("b");
    Node tUn = g.mul(g.constant(0.1), g.variable("t_u"));
    Node prediction = g.add(g.mul(w, tUn), b);
    return withMse(g, "thermometer_normalized", prediction, Map.of("t_un", tUn),
        "w * t_un + b", List.of("w", "b"));
  }

  /** {@code model} with an MSE loss against {@code t_c}, inputs {@code t_u}. */
  public static ModelDefinition withMse(Graph g, String name, Node prediction,
      Map<String, Node> lets, String text, List<String> params) {
    Node residual = g.sub(prediction, g.variable("t_c"));
    Node sampleLoss = g.pow(residual, g.constant(2));
    List<ParameterInfo> infos = new java.util.ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      infos.add(ParameterInfo.scalar(params.get(i), i,
          new Initializer.Constant(i == 0 ? 1.0 : 0.0)));
    }
    return new ModelDefinition(name, name + ".sg", Optional.of("thermometer.csv"), g,
        List.of("t_u"), "t_c", infos, lets, prediction, text, sampleLoss, "mse",
        g.constant(0), "");
  }

  /** The thermometer data as a batch in model order: t_u, then t_c. */
  public static Batch thermometerBatch() {
    return Batch.of(new double[][] {T_U.clone(), T_C.clone()}, T_U.length);
  }
}
