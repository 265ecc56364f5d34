package org.symgrad.compiler.lower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.symgrad.compiler.graph.ExpressionPrinter;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.lower.KernelBuilder.ColumnRole;
import org.symgrad.compiler.lower.KernelBuilder.ParamRole;
import org.symgrad.compiler.lower.KernelBuilder.Role;
import org.symgrad.compiler.lower.KernelBuilder.RowCountRole;
import org.symgrad.compiler.lower.KernelBuilder.SumRole;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;

/**
 * A program that sums a list of per-row terms in one pass over the rows and turns the sums into
 * a few results once after the loop: the shape of the second-order kernels (the normal
 * equations {@code Σr², Jᵀr, JᵀJ} of least squares, the objective, gradient and Hessian of
 * Newton), which never store a row's derivatives.
 *
 * <p>It is lowered into the same kernel kinds as an ordinary model, so both emitters print it
 * unchanged and the chunked {@code sums}/{@code finish} pair runs on {@code --threads}:
 *
 * <ul>
 *   <li>{@code predict} writes the terms of every row ({@code terms.size()} outputs), for tests
 *       and debugging: the materialised rows the sums never store;
 *   <li>{@code loss} and {@code lossAndGradient} sum every term and return {@code results[0]};
 *       {@code lossAndGradient} writes {@code results[1…]} to its array ({@code grad[0…]});
 *   <li>{@code sums} stores the raw sum of term {@code i} to {@code sums[i]}, and {@code finish}
 *       computes the same results from them: {@code lossAndGradient} cut in two.
 * </ul>
 *
 * <p>Results are graph expressions over the parameters, the sums ({@link #sum}) and the row
 * count ({@link #rows}); terms over the parameters and the columns (the model's inputs, then
 * its target).
 *
 * @param name the class's model name ({@code decay_normal_equations})
 * @param terms what is summed over the rows, simplified
 * @param labels a name for each term's sum, for the generated code ({@code a_k})
 * @param results computed once from the sums; the first is returned
 * @param valueNames the model's own names for values ({@code pred}, lets), for the code
 * @param directions variables read from the parameter array after the model's parameters
 *     ({@code params[p + i]}): a direction {@code v} passed alongside {@code θ}
 */
public record RowSums(String name, List<Node> terms, List<String> labels, List<Node> results,
    Map<Node, String> valueNames, List<Node> directions) {
  // Lowering's own variables: '$' cannot start a name in the grammar.
  private static final String SUM_PREFIX = "$sum_";
  private static final String ROW_COUNT = "$rows";
  private static final int SHOWN_TERM = 2000;

  public RowSums {
    terms = List.copyOf(terms);
    labels = List.copyOf(labels);
    results = List.copyOf(results);
    valueNames = Map.copyOf(valueNames);
    directions = List.copyOf(directions);
    if (terms.size() != labels.size() || results.isEmpty()) {
      throw new IllegalArgumentException(terms.size() + " terms, " + labels.size()
          + " labels and " + results.size() + " results: one label a term, one result at least");
    }
  }

  /** Sums over the model's parameters and columns alone, without a direction. */
  public RowSums(String name, List<Node> terms, List<String> labels, List<Node> results,
      Map<Node, String> valueNames) {
    this(name, terms, labels, results, valueNames, List.of());
  }

  /** The variable that stands for the sum of term {@code index} in a result. */
  public static Node sum(Graph g, int index) {
    return g.variable(SUM_PREFIX + index);
  }

  /** The variable that stands for the number of rows in a result. */
  public static Node rows(Graph g) {
    return g.variable(ROW_COUNT);
  }

  /**
   * The program of these sums over {@code model}'s parameters and columns. The caller holds
   * the graph's lock. Its {@code sums} and {@code finish} are null when either needs helper
   * methods (a model too large for one JVM method), as an ordinary program's are.
   */
  Program lower(ModelDefinition model, LowerOptions options) {
    Graph g = model.graph();
    Map<Node, Role> roles = new HashMap<>();
    for (ParameterInfo p : model.parameters()) {
      for (int i = 0; i < p.size(); i++) {
        roles.put(g.variable(p.elementName(i)), new ParamRole(p.offset() + i));
      }
    }
    int count = 0;
    for (ParameterInfo p : model.parameters()) {
      count += p.size();
    }
    for (int i = 0; i < directions.size(); i++) {
      roles.put(directions.get(i), new ParamRole(count + i));
    }
    List<String> columns = new ArrayList<>(model.inputs());
    columns.add(model.target());
    for (int c = 0; c < columns.size(); c++) {
      roles.put(g.variable(columns.get(c)), new ColumnRole(c));
    }
    roles.put(rows(g), new RowCountRole());
        Map<String, String> derivatives = new LinkedHashMap<>();
    List<Accumulator> sums = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      String text = ExpressionPrinter.print(terms.get(i), valueNames, SHOWN_TERM);
      Accumulator sum = new Accumulator(i, labels.get(i), text);
      roles.put(sum(g, i), new SumRole(sum));
      sums.add(sum);
      derivatives.put(labels.get(i), text);
    }

    KernelBuilder predict = new KernelBuilder(g, roles, valueNames);
    for (int i = 0; i < terms.size(); i++) {
      predict.storeOutput(i, terms.size(), terms.get(i));
    }
    KernelBuilder loss = summing(g, roles, sums);
    loss.returns(results.get(0));
    KernelBuilder fused = summing(g, roles, sums);
    KernelBuilder chunkSums = summing(g, roles, sums);
    sums.forEach(sum -> chunkSums.storeSum(sum.index(), sum(g, sum.index())));
    KernelBuilder finish = new KernelBuilder(g, roles, valueNames);
    for (int k = 1; k < results.size(); k++) {
      fused.storeGradient(k - 1, results.get(k));
      finish.storeGradient(k - 1, results.get(k));
    }
    fused.returns(results.get(0));
    finish.returns(results.get(0));

    ModelInfo info = new ModelInfo(name, model.modelText(), model.lossText(),
        model.parameters(), model.inputs(), model.target(), terms.size());
    // params holds the parameters, then the direction; grad the results after the first.
    LengthCheck.Lengths lengths = new LengthCheck.Lengths(count + directions.size(),
        results.size() - 1, terms.size(), terms.size());
    UnaryOperator<Kernel> fitted = kernel -> {
      Kernel split = Splitter.split(Reroller.reroll(kernel.withChecks(lengths),
          options.loopsFrom()), options.methodLimit());
      return options.blocks() ? Interchanger.interchange(split, options.methodLimit()) : split;
    };
    Kernel s = fitted.apply(chunkSums.build(Kernel.Kind.SUMS));
    Kernel f = fitted.apply(finish.build(Kernel.Kind.FINISH));
    boolean chunked = !s.isSplit() && !f.isSplit();
    return new Program(info, model.source(), fitted.apply(predict.build(Kernel.Kind.PREDICT)),
        fitted.apply(loss.build(Kernel.Kind.LOSS)),
        fitted.apply(fused.build(Kernel.Kind.LOSS_AND_GRADIENT)), derivatives,
        chunked ? s : null, chunked ? f : null, chunked ? terms.size() : 0);
  }

  private KernelBuilder summing(Graph g, Map<Node, Role> roles, List<Accumulator> sums) {
    KernelBuilder kernel = new KernelBuilder(g, roles, valueNames);
    for (Accumulator sum : sums) {
      kernel.accumulate(sum, terms.get(sum.index()));
    }
    return kernel;
  }
}
