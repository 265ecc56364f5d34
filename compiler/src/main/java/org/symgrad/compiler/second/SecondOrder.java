package org.symgrad.compiler.second;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.diff.ReverseDiff;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.model.Losses;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.simplify.Simplifier;
import org.symgrad.runtime.ParameterInfo;

/**
 * Derives, from a parsed model, the models that second-order solvers compile: each an ordinary
 * {@link ModelDefinition} over the same graph whose outputs per row are derivatives, so that
 * the existing lowering and both emitters compile them unchanged.
 *
 * <ul>
 *   <li>{@link #jacobianModel}: outputs {@code pred, d pred/dθ₀, …, d pred/dθₚ₋₁}, for
 *       Levenberg–Marquardt on the residuals {@code pred - target};
 *   <li>{@link #hessianModel}: outputs the upper triangle of the row loss's Hessian, row by
 *       row ({@code (0,0), (0,1), …, (1,1), …}), then the penalty's, for Newton. Its inputs
 *       are the model's inputs then its target.
 * </ul>
 *
 * <p>Every derivative is taken by {@link ReverseDiff} and simplified, and the Hessian by
 * differentiating the simplified gradient again: the same entries {@link #hessian} gives
 * {@code symgrad grad --hessian}.
 */
public final class SecondOrder {
  // '$' cannot start a user's name: the Hessian model's target column is never read.
  private static final String NO_TARGET = "$no_target";

  private SecondOrder() {}

  /** The parameters' element variables in flat order: {@code w}, or {@code w[0]} …. */
  public static List<Node> parameterVariables(ModelDefinition model) {
    List<Node> variables = new ArrayList<>();
    for (String name : parameterNames(model)) {
      variables.add(model.graph().variable(name));
    }
    return variables;
  }

  /** The parameters' element names in flat order. */
  public static List<String> parameterNames(ModelDefinition model) {
    List<String> names = new ArrayList<>();
    for (ParameterInfo p : model.parameters()) {
      for (int i = 0; i < p.size(); i++) {
        names.add(p.elementName(i));
      }
    }
    return names;
  }

  /**
   * Why {@code model} is not a least-squares problem that Levenberg–Marquardt can solve, or
   * empty: it needs one output, the loss {@code mse} (or {@code (pred - target)^2} written
   * out), and no penalty.
   */
  public static String leastSquaresProblem(ModelDefinition model) {
    synchronized (model.graph()) {
      Graph g = model.graph();
      Simplifier simplifier = new Simplifier(g);
      if (model.outputs().size() != 1) {
        return "lm fits a model of one output; this one has " + model.outputs().size();
      }
      Node target = g.variable(model.target());
      Node loss = simplifier.simplify(model.sampleLoss());
      Node mse = simplifier.simplify(Losses.mse(g, model.prediction(), target));
      Node reversed = simplifier.simplify(Losses.mse(g, target, model.prediction()));
      if (loss != mse && loss != reversed) {
        return "lm fits a sum of squares of residuals, loss mse; this model's loss is "
            + model.lossText();
      }
      if (!simplifier.simplify(model.penalty()).isConstant(0)) {
        return "lm fits a sum of squares without a penalty; this model has penalty "
            + model.penaltyText();
      }
      return "";
    }
  }

  /**
   * The model whose outputs per row are the prediction and its derivative by each parameter.
   *
   * @throws IllegalArgumentException when {@link #leastSquaresProblem} is not empty
   */
  public static ModelDefinition jacobianModel(ModelDefinition model) {
    String problem = leastSquaresProblem(model);
    if (!problem.isEmpty()) {
      throw new IllegalArgumentException(problem + ": use --optimizer newton");
    }
    synchronized (model.graph()) {
      Graph g = model.graph();
      Simplifier simplifier = new Simplifier(g);
      List<Node> params = parameterVariables(model);
      Node prediction = simplifier.simplify(model.prediction());
      Map<Node, Node> gradient = ReverseDiff.gradient(g, prediction, params);
      List<Node> outputs = new ArrayList<>();
      outputs.add(prediction);
      for (Node p : params) {
        outputs.add(simplifier.simplify(gradient.get(p)));
      }
      return derived(model, model.name() + "_jacobian", model.inputs(), model.target(),
          outputs);
    }
  }

  /**
   * The model whose outputs per row are the upper triangle of the row loss's Hessian, then the
   * upper triangle of the penalty's; its inputs are the model's inputs and then its target.
   */
  public static ModelDefinition hessianModel(ModelDefinition model) {
    synchronized (model.graph()) {
      Graph g = model.graph();
      List<Node> params = parameterVariables(model);
      List<Node> outputs = new ArrayList<>(upperTriangle(hessian(g, model.sampleLoss(), params),
          params));
      outputs.addAll(upperTriangle(hessian(g, model.penalty(), params), params));
      List<String> inputs = new ArrayList<>(model.inputs());
      inputs.add(model.target());
      return derived(model, model.name() + "_hessian", inputs, NO_TARGET, outputs);
    }
  }

  /**
   * The simplified second derivatives of {@code root} by {@code variables}: row {@code u},
   * column {@code v} is d/dv of the simplified d root/du. The caller holds the graph's lock
   * when the graph is shared.
   */
  public static Map<Node, Map<Node, Node>> hessian(Graph g, Node root, List<Node> variables) {
    Simplifier simplifier = new Simplifier(g);
    Map<Node, Node> gradient = ReverseDiff.gradient(g, simplifier.simplify(root), variables);
    Map<Node, Map<Node, Node>> rows = new LinkedHashMap<>();
    for (Node u : variables) {
      Node du = simplifier.simplify(gradient.get(u));
      Map<Node, Node> columns = new LinkedHashMap<>();
      ReverseDiff.gradient(g, du, variables)
          .forEach((v, second) -> columns.put(v, simplifier.simplify(second)));
      rows.put(u, columns);
    }
    return rows;
  }

  private static List<Node> upperTriangle(Map<Node, Map<Node, Node>> hessian, List<Node> params) {
    List<Node> entries = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      for (int j = i; j < params.size(); j++) {
        entries.add(hessian.get(params.get(i)).get(params.get(j)));
      }
    }
    return entries;
  }

  private static ModelDefinition derived(ModelDefinition model, String name,
      List<String> inputs, String target, List<Node> outputs) {
    return new ModelDefinition(name, model.source(), model.data(), model.graph(), inputs,
        target, model.parameters(), model.lets(), outputs.get(0), model.modelText(),
        model.sampleLoss(), model.lossText(), model.penalty(), model.penaltyText(), outputs, 0);
  }
}
