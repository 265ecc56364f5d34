package org.symgrad.compiler.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.runtime.ParameterInfo;

/**
 * A parsed and checked model: what an {@code .sg} file, an annotation or a builder declares,
 * as nodes of one {@link Graph}. Inputs, the target and parameters are {@link
 * org.symgrad.compiler.graph.Op#VAR} nodes of the same name.
 *
 * @param name the model's name (the file's base name)
 * @param source where it came from, for messages ({@code thermometer.sg})
 * @param data the {@code data} line's path as written, relative to the model file
 * @param graph the graph every node below belongs to
 * @param inputs the input columns, in declaration order
 * @param target the target column
 * @param parameters the parameters, in declaration order, with their offsets
 * @param lets the {@code let} names and their nodes, in declaration order; a vector let's
 *     elements each under its element's name, {@code h[3]}
 * @param prediction the model expression; for a vector model, its first output
 * @param modelText the model expression as written
 * @param sampleLoss the loss of one row, in terms of the prediction and the target variable
 * @param lossText the loss as written ({@code mse}, {@code huber(1.0)}, an expression)
 * @param penalty the penalty over parameters only, added to the mean loss (constant 0 if none)
 * @param penaltyText the penalty as written, or empty
 * @param outputs the model's outputs, one per element of {@code model out[k] = …}; a scalar
 *     model's one output is its prediction
 * @param targetClasses for a classifier ({@code cross_entropy}), the number of classes the
 *     target column's labels {@code 0..K-1} come from; 0 when the target is any number
 */
public record ModelDefinition(
    String name,
    String source,
    Optional<String> data,
    Graph graph,
    List<String> inputs,
    String target,
    List<ParameterInfo> parameters,
    Map<String, Node> lets,
    Node prediction,
    String modelText,
    Node sampleLoss,
    String lossText,
    Node penalty,
    String penaltyText,
    List<Node> outputs,
    int targetClasses) {

  public ModelDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(prediction, "prediction");
    Objects.requireNonNull(sampleLoss, "sampleLoss");
    Objects.requireNonNull(penalty, "penalty");
    inputs = List.copyOf(inputs);
    parameters = List.copyOf(parameters);
    lets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lets));
    outputs = List.copyOf(outputs);
    if (outputs.isEmpty() || outputs.get(0) != prediction) {
      throw new IllegalArgumentException("the prediction must be the first output");
    }
    if (targetClasses < 0 || targetClasses == 1) {
      throw new IllegalArgumentException("a classifier has 2 or more classes, not "
          + targetClasses);
    }
  }

  /** A scalar model: one output, the prediction; the target any number. */
  public ModelDefinition(String name, String source, Optional<String> data, Graph graph,
      List<String> inputs, String target, List<ParameterInfo> parameters,
      Map<String, Node> lets, Node prediction, String modelText, Node sampleLoss,
      String lossText, Node penalty, String penaltyText) {
    this(name, source, data, graph, inputs, target, parameters, lets, prediction, modelText,
        sampleLoss, lossText, penalty, penaltyText, List.of(prediction), 0);
  }
}
