package org.symgrad.compiler.second;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.diff.ForwardDiff;
import org.symgrad.compiler.diff.ReverseDiff;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.lower.RowSums;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.simplify.ModelGradient;
import org.symgrad.compiler.simplify.Simplifier;

/**
 * The second-order kernels as {@link RowSums}: every entry a row sum of one simplified
 * expression, accumulated in the generated loop, so no row's Jacobian or Hessian is stored.
 *
 * <ul>
 *   <li>{@link #normalEquations}: returns {@code Σr²} and writes {@code Jᵀr} ({@code p}), then
 *       the upper triangle of {@code JᵀJ} row by row; each entry is the row sum of {@code
 *       r·∂pred/∂θₖ} or {@code ∂pred/∂θⱼ·∂pred/∂θₖ}, with {@code r = pred - target};
 *   <li>{@link #sumOfSquares}: returns {@code Σr²} alone, with the same term;
 *   <li>{@link #newton}: returns the objective (mean loss plus penalty) and writes its gradient,
 *       then the upper triangle of its Hessian, each the mean of a row sum plus the penalty's
 *       part, which is computed once after the loop, never per row;
 *   <li>{@link #objective}: returns the same objective alone;
 *   <li>{@link #hessianVector}: returns {@code vᵀ∇f} and writes the Hessian times {@code v},
 *       for a direction {@code v} passed after the parameters;
 *   <li>{@link #geodesic}: returns {@code rᵀr_vv} and writes {@code Jᵀr_vv}, with {@code
 *       r_vv,i = vᵀ∇²rᵢ v} the residuals' second directional derivative along {@code v},
 *       for the geodesic acceleration of Levenberg–Marquardt.
 * </ul>
 *
 * <p>The caller holds the model graph's lock.
 */
public final class SecondOrderSums {
  // The direction's elements; '$' cannot start a user's name.
  private static final String DIRECTION = "$v";

  private SecondOrderSums() {}

  /**
   * {@code Σr²}, {@code Jᵀr} and {@code JᵀJ} of a least-squares model.
   *
   * @throws IllegalArgumentException when {@link SecondOrder#leastSquaresProblem} is not empty
   */
  public static RowSums normalEquations(ModelDefinition model) {
    Residual residual = residual(model);
    Graph g = model.graph();
    List<String> names = SecondOrder.parameterNames(model);
    List<Node> terms = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    terms.add(residual.squared());
    labels.add("rss");
    int p = residual.jacobian().size();
    for (int k = 0; k < p; k++) {
      terms.add(residual.simplify(g.mul(residual.r(), residual.jacobian().get(k))));
      labels.add("Jtr_" + identifier(names.get(k)));
    }
    for (int j = 0; j < p; j++) {
      for (int k = j; k < p; k++) {
        terms.add(residual.simplify(
            g.mul(residual.jacobian().get(j), residual.jacobian().get(k))));
        labels.add("JtJ_" + identifier(names.get(j)) + "_" + identifier(names.get(k)));
      }
    }
    List<Node> results = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      results.add(RowSums.sum(g, i));
    }
    return new RowSums(model.name() + "_normal_equations", terms, labels, results,
        residual.names());
  }

  /** {@code Σr²} of a least-squares model, summed as {@link #normalEquations} sums it. */
  public static RowSums sumOfSquares(ModelDefinition model) {
    Residual residual = residual(model);
    return new RowSums(model.name() + "_sum_of_squares", List.of(residual.squared()),
        List.of("rss"), List.of(RowSums.sum(model.graph(), 0)), residual.names());
  }

  /** The objective, its gradient and the upper triangle of its Hessian, of any model. */
  public static RowSums newton(ModelDefinition model) {
    ModelGradient derived = ModelGradient.of(model);
    Graph g = model.graph();
    List<Node> params = SecondOrder.parameterVariables(model);
    List<String> names = SecondOrder.parameterNames(model);
    Map<Node, Map<Node, Node>> rowHessian = SecondOrder.hessian(g, model.sampleLoss(), params);
    Map<Node, Map<Node, Node>> penaltyHessian = SecondOrder.hessian(g, model.penalty(), params);
    List<Node> terms = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Node> once = new ArrayList<>();
    terms.add(derived.sampleLoss());
    labels.add("loss");
    once.add(derived.penalty());
    for (int k = 0; k < params.size(); k++) {
      terms.add(gradient(derived.rowGradient(), params.get(k), g));
      labels.add(identifier(names.get(k)));
      once.add(gradient(derived.penaltyGradient(), params.get(k), g));
    }
    for (int j = 0; j < params.size(); j++) {
      for (int k = j; k < params.size(); k++) {
        terms.add(rowHessian.get(params.get(j)).get(params.get(k)));
        labels.add(identifier(names.get(j)) + "_" + identifier(names.get(k)));
        once.add(penaltyHessian.get(params.get(j)).get(params.get(k)));
      }
    }
    List<Node> results = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      results.add(derived.simplify(meanPlus(g, i, once.get(i))));
    }
    return new RowSums(model.name() + "_newton", terms, labels, results, derived.labels());
  }

  /** The objective alone, summed as {@link #newton} sums it. */
  public static RowSums objective(ModelDefinition model) {
    ModelGradient derived = ModelGradient.of(model);
    Graph g = model.graph();
    return new RowSums(model.name() + "_objective", List.of(derived.sampleLoss()),
        List.of("loss"), List.of(derived.simplify(meanPlus(g, 0, derived.penalty()))),
        derived.labels());
  }

  /**
   * The objective's Hessian times a direction {@code v}, passed in the parameter array after
   * the parameters ({@code params = θ, v}): returns {@code vᵀ∇f} and writes {@code H v}, each
   * the mean of a row sum plus the penalty's part. Every entry is a tangent of the simplified
   * gradient along {@code v} ({@link ForwardDiff}), so no Hessian entry is formed: the work per
   * row grows with the gradient's size, not with its square.
   */
  public static RowSums hessianVector(ModelDefinition model) {
    ModelGradient derived = ModelGradient.of(model);
    Graph g = model.graph();
    List<Node> params = SecondOrder.parameterVariables(model);
    Map<Node, Node> seeds = directionSeeds(model);
    List<Node> rowRoots = new ArrayList<>();
    List<Node> onceRoots = new ArrayList<>();
    rowRoots.add(derived.sampleLoss());
    onceRoots.add(derived.penalty());
    for (Node param : params) {
      rowRoots.add(gradient(derived.rowGradient(), param, g));
      onceRoots.add(gradient(derived.penaltyGradient(), param, g));
    }
    List<Node> terms = ForwardDiff.tangents(g, rowRoots, seeds).stream()
        .map(derived::simplify).toList();
    List<Node> once = ForwardDiff.tangents(g, onceRoots, seeds);
    List<String> labels = new ArrayList<>();
    labels.add("loss_v");
    SecondOrder.parameterNames(model).forEach(name -> labels.add("Hv_" + identifier(name)));
    List<Node> results = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      results.add(derived.simplify(meanPlus(g, i, once.get(i))));
    }
    return new RowSums(model.name() + "_hessian_vector", terms, labels, results,
        derived.labels(), List.copyOf(seeds.values()));
  }

  /**
   * The residuals' second directional derivative along a direction {@code v} (passed after the
   * parameters, {@code params = θ, v}), against the residuals and the Jacobian: returns {@code
   * rᵀr_vv} and writes {@code Jᵀr_vv}, where {@code r_vv,i = vᵀ∇²rᵢ v}. {@code r_vv} is the
   * tangent along {@code v} of the simplified tangent along {@code v} ({@link ForwardDiff}
   * twice), so no Hessian entry is formed and the row's work is about that of its Jacobian;
   * the Jacobian's nodes are shared with it by interning.
   *
   * @throws IllegalArgumentException when {@link SecondOrder#leastSquaresProblem} is not empty
   */
  public static RowSums geodesic(ModelDefinition model) {
    Residual residual = residual(model);
    Graph g = model.graph();
    Map<Node, Node> seeds = directionSeeds(model);
    Node slope = residual.simplify(
        ForwardDiff.tangents(g, List.of(residual.r()), seeds).get(0));
    Node rvv = residual.simplify(ForwardDiff.tangents(g, List.of(slope), seeds).get(0));
    List<Node> terms = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    terms.add(residual.simplify(g.mul(residual.r(), rvv)));
    labels.add("r_rvv");
    List<String> names = SecondOrder.parameterNames(model);
    for (int k = 0; k < names.size(); k++) {
      terms.add(residual.simplify(g.mul(residual.jacobian().get(k), rvv)));
      labels.add("Jt_rvv_" + identifier(names.get(k)));
    }
    Map<Node, String> valueNames = new HashMap<>(residual.names());
    if (!rvv.isVariable() && !rvv.isConstant()) {
      valueNames.putIfAbsent(rvv, "r_vv");
    }
    List<Node> results = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      results.add(RowSums.sum(g, i));
    }
    return new RowSums(model.name() + "_geodesic", terms, labels, results, valueNames,
        List.copyOf(seeds.values()));
  }

  // Each parameter element moves along its direction variable, read after the parameters.
  private static Map<Node, Node> directionSeeds(ModelDefinition model) {
    Graph g = model.graph();
    List<Node> params = SecondOrder.parameterVariables(model);
    Map<Node, Node> seeds = new LinkedHashMap<>();
    for (int k = 0; k < params.size(); k++) {
      seeds.put(params.get(k), g.variable(DIRECTION + k));
    }
    return seeds;
  }

  // sum_i / rows + once: the mean over the rows, then the part that does not depend on them.
  private static Node meanPlus(Graph g, int index, Node once) {
    return g.add(g.div(RowSums.sum(g, index), RowSums.rows(g)), once);
  }

  private record Residual(Node r, Node squared, List<Node> jacobian, Map<Node, String> names,
      Simplifier simplifier) {
    Node simplify(Node node) {
      return simplifier.simplify(node);
    }
  }

  private static Residual residual(ModelDefinition model) {
    String problem = SecondOrder.leastSquaresProblem(model);
    if (!problem.isEmpty()) {
      throw new IllegalArgumentException(problem + ": use --optimizer newton");
    }
    Graph g = model.graph();
    Simplifier simplifier = new Simplifier(g);
    List<Node> params = SecondOrder.parameterVariables(model);
    Node prediction = simplifier.simplify(model.prediction());
    Map<Node, Node> gradient = ReverseDiff.gradient(g, prediction, params);
    List<Node> jacobian = new ArrayList<>();
    for (Node p : params) {
      jacobian.add(simplifier.simplify(gradient.get(p)));
    }
    Node r = simplifier.simplify(g.sub(prediction, g.variable(model.target())));
    Map<Node, String> names = new HashMap<>();
    model.lets().forEach((name, node) -> names.putIfAbsent(simplifier.simplify(node), name));
    if (!prediction.isVariable() && !prediction.isConstant()) {
      names.putIfAbsent(prediction, "pred");
    }
    if (!r.isVariable() && !r.isConstant()) {
      names.putIfAbsent(r, "r");
    }
    return new Residual(r, simplifier.simplify(g.mul(r, r)), jacobian, names, simplifier);
  }

  // An element name as part of a Java name: W[0,1] -> W_0_1.
  private static String identifier(String name) {
    return name.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("_+$", "");
  }

  // The solvers index sums by the flat parameter order, so every element has its entries; one
  // the model does not read (ModelGradient differentiates only those it reads) has a 0 gradient.
  private static Node gradient(Map<Node, Node> gradients, Node param, Graph g) {
    Node d = gradients.get(param);
    return d == null ? g.constant(0.0) : d;
  }
}
