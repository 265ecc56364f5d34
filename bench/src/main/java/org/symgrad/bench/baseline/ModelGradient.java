package org.symgrad.bench.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.diff.ReverseDiff;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.simplify.Simplifier;
import org.symgrad.runtime.ParameterInfo;

/**
 * The graphs the interpreters walk: the per-row loss and its symbolic derivative by each
 * parameter, differentiated and simplified exactly as {@code lower.Lowering} does before it
 * schedules the compiled kernel. So interpreter and kernel evaluate the same expressions and
 * differ only in how.
 *
 * @param loss the per-row loss, in terms of the parameters, the inputs and the target
 * @param gradient the per-row derivative of {@code loss} by each parameter, in parameter order
 * @param parameters the parameters' variable names, in the order of the flat array
 * @param columns the input columns, then the target: the batch's column order
 */
public record ModelGradient(Node loss, List<Node> gradient, List<String> parameters,
    List<String> columns) {

  /** The per-row loss and gradient of a scalar-parameter model. */
  public static ModelGradient of(ModelDefinition model) {
    Graph g = model.graph();
    Simplifier simplifier = new Simplifier(g);
    Node loss = simplifier.simplify(model.sampleLoss());
    List<Node> variables = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ParameterInfo p : model.parameters()) {
      if (!p.isScalar()) {
        throw new IllegalArgumentException("the interpreter baseline takes scalar parameters; "
            + p.name() + " has shape " + p.shape());
      }
      variables.add(g.variable(p.name()));
      names.add(p.name());
    }
    Map<Node, Node> raw = ReverseDiff.gradient(g, loss, variables);
    List<Node> gradient = variables.stream().map(v -> simplifier.simplify(raw.get(v))).toList();
    List<String> columns = new ArrayList<>(model.inputs());
    columns.add(model.target());
    return new ModelGradient(loss, gradient, names, columns);
  }
}
