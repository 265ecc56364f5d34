package org.symgrad.compiler.simplify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.symgrad.compiler.diagnostic.Diagnostic;
import org.symgrad.compiler.diagnostic.ErrorCode;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.diff.ReverseDiff;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.model.ParamElements;
import org.symgrad.compiler.model.Shapes;

/**
 * A model differentiated and simplified: what lowering schedules. The per-row loss and the
 * penalty are differentiated by every parameter element the model reads (the others' gradients
 * are 0) in one reverse sweep each, and every node lowering will read is simplified, with one
 * {@link Simplifier} whose memory the lowering shares for the epilogue it writes ({@link
 * #simplify}).
 *
 * <p>Adds nodes to the model's graph, which is not thread-safe: the caller holds its lock.
 *
 * @param model the model
 * @param sampleLoss the simplified per-row loss
 * @param penalty the simplified penalty
 * @param outputs the simplified outputs, one per model output
 * @param params one variable per parameter element the model reads, in the order of the
 *     parameter array: {@code w}, or {@code w[0]} … {@code w[12]}; every other element's
 *     gradient is 0, and nothing is built for it
 * @param paramNames their names, in the same order
 * @param offsets their positions in the parameter array, in the same order (increasing)
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
    List<Integer> offsets,
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
    List<Node> outputs = model.outputs().stream().map(simplifier::simplify).toList();
    List<Node> roots = new ArrayList<>(outputs);
    roots.add(sampleLoss);
    roots.add(penalty);
    SortedMap<Integer, Node> read = readElements(roots, new ParamElements(model.parameters()));
    checkReadElements(model, read.size());
    List<Node> params = List.copyOf(read.values());
    List<String> paramNames = params.stream().map(Node::name).toList();
    Map<Node, String> labels = labels(model, simplifier, outputs);
    Map<Node, Node> rowGradient =
        simplified(ReverseDiff.gradient(g, sampleLoss, params), simplifier);
    Map<Node, Node> penaltyGradient =
        simplified(ReverseDiff.gradient(g, penalty, params), simplifier);
    return new ModelGradient(model, sampleLoss, penalty, outputs, params, paramNames,
        List.copyOf(read.keySet()), rowGradient, penaltyGradient, labels, simplifier);
  }

  // Checked before any derivative is made: the work from here on grows with this number.
  static void checkReadElements(ModelDefinition model, int read) {
    if (read > Shapes.MAX_READ_ELEMENTS) {
      throw new SymgradException(new Diagnostic(ErrorCode.TOO_LARGE, model.source(), 1, 1, 1,
          "model '" + model.name() + "' reads " + read + " param elements, more than "
              + Shapes.MAX_READ_ELEMENTS + " in one model",
          null, "each element read is a derivative to write out, and compile time grows with"
              + " their number; use smaller arrays"));
    }
  }

  // The parameter elements the roots read, by offset: found by walking what the model
  // computes, so a declared element that nothing reads costs nothing here or later.
  private static SortedMap<Integer, Node> readElements(List<Node> roots, ParamElements elements) {
    SortedMap<Integer, Node> read = new TreeMap<>();
    Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Node> pending = new ArrayDeque<>(roots);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (seen.add(node)) {
        if (node.isVariable()) {
          int offset = elements.offset(node.name());
          if (offset >= 0) {
            read.put(offset, node);
          }
        }
        node.inputs().forEach(pending::push);
      }
    }
    return read;
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
