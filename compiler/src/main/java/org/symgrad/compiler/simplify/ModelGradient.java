package org.symgrad.compiler.simplify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.diff.ReverseDiff;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.model.Shapes;
import org.symgrad.runtime.ParameterInfo;

/**
 * A model differentiated and simplified: what lowering schedules. The per-row loss and the
 * penalty are differentiated by every parameter element in one reverse sweep each, and every
 * node lowering will read is simplified, with one {@link Simplifier} whose memory the lowering
 * shares for the epilogue it writes ({@link #simplify}).
 *
 * <p>Adds nodes to the model's graph, which is not thread-safe: the caller holds its lock.
 *
 * @param model the model
 * @param sampleLoss the simplified per-row loss
 * @param penalty the simplified penalty
 * @param outputs the simplified outputs, one per model output
 * @param params one variable per parameter element: {@code w}, or {@code w[0]} … {@code w[12]}
 * @param paramNames their names, in the same order
 * @param rowGradient d(per-row loss)/d(element), simplified, for each of {@code params}
 * @param penaltyGradient d(penalty)/d(element), simplified, for each of {@code params}
 * @param labels the model's own names for values (lets, {@code pred}), for listings and code
 */
public record ModelGradient(
    ModelDefinition model,
    Node sampleLoss,
    Node penalty,
    List<Node> outputs,
    List<Node> params,
    List<String> paramNames,
    Map<Node, Node> rowGradient,
    Map<Node, Node> penaltyGradient,
    Map<Node, String> labels,
    Simplifier simplifier) {

  /** Differentiates and simplifies {@code model}. */
  public static ModelGradient of(ModelDefinition model) {
    Graph g = model.graph();
    Simplifier simplifier = new Simplifier(g);
    Node sampleLoss = simplifier.simplify(model.sampleLoss());
    Node penalty = simplifier.simplify(model.penalty());
    List<Node> params = new ArrayList<>();
    List<String> paramNames = new ArrayList<>();
    for (ParameterInfo p : model.parameters()) {
      for (int i = 0; i < p.size(); i++) {
        String name = Shapes.elementName(p.name(), p.shape(), i);
        params.add(g.variable(name));
        paramNames.add(name);
      }
    }
    List<Node> outputs = model.outputs().stream().map(simplifier::simplify).toList();
    Map<Node, String> labels = labels(model, simplifier, outputs);
    Map<Node, Node> rowGradient =
        simplified(ReverseDiff.gradient(g, sampleLoss, params), simplifier);
    Map<Node, Node> penaltyGradient =
        simplified(ReverseDiff.gradient(g, penalty, params), simplifier);
    return new ModelGradient(model, sampleLoss, penalty, outputs, List.copyOf(params),
        List.copyOf(paramNames), rowGradient, penaltyGradient, labels, simplifier);
  }

  /** The graph every node here belongs to. */
  public Graph graph() {
    return model.graph();
  }

  /** {@code node}, simplified by the same simplifier (for what lowering writes after). */
  public Node simplify(Node node) {
    return simplifier.simplify(node);
  }

  private static Map<Node, Node> simplified(Map<Node, Node> gradients, Simplifier simplifier) {
    Map<Node, Node> result = new LinkedHashMap<>();
    gradients.forEach((variable, gradient) -> result.put(variable, simplifier.simplify(gradient)));
    return result;
  }

  // The model's own names for values, so listings and generated code can use them: lets,
  // and pred (pred[0], pred[1], … for a vector model).
  private static Map<Node, String> labels(
      ModelDefinition model, Simplifier simplifier, List<Node> outputs) {
    Map<Node, String> labels = new HashMap<>();
    model.lets().forEach((name, node) -> labels.putIfAbsent(simplifier.simplify(node), name));
    for (int k = 0; k < outputs.size(); k++) {
      if (!outputs.get(k).isVariable() && !outputs.get(k).isConstant()) {
        labels.putIfAbsent(outputs.get(k), outputs.size() == 1 ? "pred" : "pred[" + k + "]");
      }
    }
    return labels;
  }
}
