package org.symgrad.compiler.lower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.diff.ReverseDiff;
import org.symgrad.compiler.graph.ExpressionPrinter;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.lower.KernelBuilder.ColumnRole;
import org.symgrad.compiler.lower.KernelBuilder.ParamRole;
import org.symgrad.compiler.lower.KernelBuilder.Role;
import org.symgrad.compiler.lower.KernelBuilder.RowCountRole;
import org.symgrad.compiler.lower.KernelBuilder.SumRole;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.simplify.Simplifier;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;

/**
 * Turns a model into its {@link Program}: differentiates the per-row loss by every parameter
 * in one reverse sweep, simplifies, and schedules the three kernels.
 *
 * <p>The mean and the penalty are written in the graph too, over two variables the kernel
 * fills after its loop (the sums and the row count), so the epilogue is lowered, simplified
 * and printed like everything else: {@code loss = sum / rows + penalty}.
 */
public final class Lowering {
  // '$' cannot start a name in the grammar, so these never meet a user's variable.
  private static final String ROW_COUNT = "$rows";
  private static final String SUM_PREFIX = "$sum_";
  // Derivatives as text are for reading (comments, listings); the text of a deep model's
  // derivative grows with the square of its depth, so longer ones are cut.
  private static final int TEXT_LIMIT = 10_000;

  private Lowering() {}

  /** The program for {@code model}. */
  public static Program lower(ModelDefinition model) {
    Graph g = model.graph();
    Simplifier simplifier = new Simplifier(g);
    Node prediction = simplifier.simplify(model.prediction());
    Node sampleLoss = simplifier.simplify(model.sampleLoss());
    Node penalty = simplifier.simplify(model.penalty());

    List<Node> params = new ArrayList<>();
    Map<Node, Role> roles = new HashMap<>();
    for (ParameterInfo p : model.parameters()) {
      Node variable = g.variable(p.name());
      params.add(variable);
      roles.put(variable, new ParamRole(p.offset()));
    }
    List<String> columns = new ArrayList<>(model.inputs());
    columns.add(model.target());
    for (int c = 0; c < columns.size(); c++) {
      roles.put(g.variable(columns.get(c)), new ColumnRole(c));
    }
    Node rows = g.variable(ROW_COUNT);
    roles.put(rows, new RowCountRole());

    Map<Node, String> labels = labels(model, simplifier, prediction);
    Map<Node, Node> rowGradient = simplified(ReverseDiff.gradient(g, sampleLoss, params),
        simplifier);
    Map<Node, Node> penaltyGradient = simplified(ReverseDiff.gradient(g, penalty, params),
        simplifier);

    KernelBuilder predict = new KernelBuilder(g, roles, labels);
    predict.storeOutput(0, prediction);

    Accumulator lossSum = new Accumulator(0, "loss",
        ExpressionPrinter.print(sampleLoss, labels, TEXT_LIMIT));
    Node meanLoss = simplifier.simplify(
        g.add(g.div(sumVariable(g, roles, lossSum), rows), penalty));
    KernelBuilder loss = new KernelBuilder(g, roles, labels);
    loss.accumulate(lossSum, sampleLoss);
    loss.returns(meanLoss);

    KernelBuilder fused = new KernelBuilder(g, roles, labels);
    fused.accumulate(lossSum, sampleLoss);
    Map<String, String> derivatives = new LinkedHashMap<>();
    for (int k = 0; k < params.size(); k++) {
      Node param = params.get(k);
      ParameterInfo info = model.parameters().get(k);
      Node perRow = rowGradient.get(param);
      String derivative = ExpressionPrinter.print(perRow, labels, TEXT_LIMIT);
      derivatives.put(info.name(), derivative);
      Node total = penaltyGradient.get(param);
      if (!perRow.isConstant(0)) {
        Accumulator sum = new Accumulator(k + 1, info.name(), derivative);
        fused.accumulate(sum, perRow);
        total = g.add(g.div(sumVariable(g, roles, sum), rows), total);
      }
      fused.storeGradient(info.offset(), simplifier.simplify(total));
    }
    fused.returns(meanLoss);

    ModelInfo modelInfo = new ModelInfo(model.name(), model.modelText(), model.lossText(),
        model.parameters(), model.inputs(), model.target(), 1);
    return new Program(modelInfo, model.source(), predict.build(Kernel.Kind.PREDICT),
        loss.build(Kernel.Kind.LOSS), fused.build(Kernel.Kind.LOSS_AND_GRADIENT), derivatives);
  }

  private static Node sumVariable(Graph g, Map<Node, Role> roles, Accumulator sum) {
    Node variable = g.variable(SUM_PREFIX + sum.label());
    roles.put(variable, new SumRole(sum));
    return variable;
  }

  private static Map<Node, Node> simplified(Map<Node, Node> gradients, Simplifier simplifier) {
    Map<Node, Node> result = new LinkedHashMap<>();
    gradients.forEach((variable, gradient) -> result.put(variable, simplifier.simplify(gradient)));
    return result;
  }

  // The model's own names for values, so listings and generated code can use them.
  private static Map<Node, String> labels(
      ModelDefinition model, Simplifier simplifier, Node prediction) {
    Map<Node, String> labels = new HashMap<>();
    model.lets().forEach((name, node) -> labels.putIfAbsent(simplifier.simplify(node), name));
    if (!prediction.isVariable()) {
      labels.putIfAbsent(prediction, "pred");
    }
    return labels;
  }
}
