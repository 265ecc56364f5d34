package org.symgrad.compiler.lower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.graph.ExpressionPrinter;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.lower.KernelBuilder.ColumnRole;
import org.symgrad.compiler.lower.KernelBuilder.ParamRole;
import org.symgrad.compiler.lower.KernelBuilder.Role;
import org.symgrad.compiler.lower.KernelBuilder.RowCountRole;
import org.symgrad.compiler.lower.KernelBuilder.SumRole;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.simplify.ModelGradient;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;

/**
 * Schedules a differentiated, simplified model ({@link ModelGradient}) into its {@link
 * Program}: the three kernels (and the chunked pair), rolled, split and blocked as {@link
 * LowerOptions} says. It differentiates nothing itself; {@code Symgrad} runs the stages before.
 *
 * <p>The mean and the penalty are written in the graph too, over two variables the kernel
 * fills after its loop (the sums and the row count), so the epilogue is lowered, simplified
 * and printed like everything else: {@code loss = sum / rows + penalty}.
 */
public final class Lowering {
  // '$' cannot start a name in the grammar, so these never meet a user's variable.
  private static final String ROW_COUNT = "$rows";
  private static final String SUM_PREFIX = "$sum_";
  // How much of a derivative the comments show; deep models have derivatives of any size.
  private static final int SHOWN_DERIVATIVE = 2000;
  // How much derivative text a whole model shows: printing every element's derivative of a
  // wide dense layer took half its compile. Past this, a derivative's text says so instead.
  static final int SHOWN_DERIVATIVES = 1_000_000;
  static final String NOT_SHOWN = "(not shown: the model's derivatives passed "
      + SHOWN_DERIVATIVES + " characters)";

  private Lowering() {}

  /**
   * The program for {@code model}, through every stage before lowering: a shorthand for tests
   * and benchmarks ({@code Symgrad.lower} is the front door, which also holds the graph's lock).
   */
  public static Program lower(ModelDefinition model) {
    return lower(ModelGradient.of(model), LowerOptions.DEFAULT);
  }

  /** The same, with kernels split into methods of at most {@code methodLimit} bytes. */
  public static Program lower(ModelDefinition model, int methodLimit) {
    return lower(ModelGradient.of(model), LowerOptions.DEFAULT.withMethodLimit(methodLimit));
  }

  /** The same, with runs of at least {@code loopsFrom} like instructions rolled into loops. */
  public static Program lower(ModelDefinition model, int methodLimit, int loopsFrom) {
    return lower(ModelGradient.of(model),
        LowerOptions.DEFAULT.withMethodLimit(methodLimit).withLoopsFrom(loopsFrom));
  }

  /** The same, with {@code blocks} false keeping every row loop row by row. */
  public static Program lower(ModelDefinition model, int methodLimit, int loopsFrom,
      boolean blocks) {
    return lower(ModelGradient.of(model), LowerOptions.DEFAULT.withMethodLimit(methodLimit)
        .withLoopsFrom(loopsFrom).withBlocks(blocks));
  }

  /** The same, with or without {@link ExactFactor}'s sums. */
  static Program lower(ModelDefinition model, int methodLimit, boolean factorSums) {
    return lower(ModelGradient.of(model),
        LowerOptions.DEFAULT.withMethodLimit(methodLimit).withFactorSums(factorSums));
  }

  /** The program for a differentiated, simplified model. */
  public static Program lower(ModelGradient derived, LowerOptions options) {
    ModelDefinition model = derived.model();
    Graph g = derived.graph();
    Node sampleLoss = derived.sampleLoss();
    Node penalty = derived.penalty();
    boolean factorSums = options.factorSums();
    List<Node> params = derived.params();
    List<String> paramNames = derived.paramNames();
    List<Integer> offsets = derived.offsets();
    Map<Node, Role> roles = new HashMap<>();
    for (int k = 0; k < params.size(); k++) {
      roles.put(params.get(k), new ParamRole(offsets.get(k)));
    }
    List<String> columns = new ArrayList<>(model.inputs());
    columns.add(model.target());
    for (int c = 0; c < columns.size(); c++) {
      roles.put(g.variable(columns.get(c)), new ColumnRole(c));
    }
    Node rows = g.variable(ROW_COUNT);
    roles.put(rows, new RowCountRole());

    List<Node> outputs = derived.outputs();
    Map<Node, String> labels = derived.labels();
    Map<Node, Node> rowGradient = derived.rowGradient();
    Map<Node, Node> penaltyGradient = derived.penaltyGradient();

    KernelBuilder predict = new KernelBuilder(g, roles, labels);
    for (int k = 0; k < outputs.size(); k++) {
      predict.storeOutput(k, outputs.size(), outputs.get(k));
    }

    String lossText = shown(sampleLoss, labels);
    Accumulator lossSum = new Accumulator(0, "loss", lossText);
    ExactFactor.Factored lossTerm = factored(g, sampleLoss, factorSums);
    Node meanLoss = derived.simplify(
        g.add(g.div(scaledSum(g, roles, lossSum, lossTerm), rows), penalty));
    KernelBuilder loss = new KernelBuilder(g, roles, labels);
    loss.accumulate(lossSum, lossTerm.rest());
    loss.returns(meanLoss);

    KernelBuilder fused = new KernelBuilder(g, roles, labels);
    fused.accumulate(lossSum, lossTerm.rest());
    // The fused kernel cut in two (ChunkedKernels): the same loop storing its raw sums, and
    // the same epilogue reading them back; sum i is sums[i] (loss 0, parameter k at k + 1).
    KernelBuilder chunkSums = new KernelBuilder(g, roles, labels);
    chunkSums.accumulate(lossSum, lossTerm.rest());
    chunkSums.storeSum(lossSum.index(), sumVariable(g, roles, lossSum));
    // The same loop with the loss sum alone, for a chunked pass without gradient: finish's
    // loss reads sums[0] only, so it gets the bits the gradient pass's loss has.
    KernelBuilder chunkLoss = new KernelBuilder(g, roles, labels);
    chunkLoss.accumulate(lossSum, lossTerm.rest());
    chunkLoss.storeSum(lossSum.index(), sumVariable(g, roles, lossSum));
    KernelBuilder finish = new KernelBuilder(g, roles, labels);
    Map<String, String> derivatives = new LinkedHashMap<>();
    // Only the elements the model reads are here; the gradient of the others, and of any
    // whose gradient is +0, is written as runs of zeros (ZeroRuns), whatever their number.
    ZeroRuns zeros = new ZeroRuns(options.loopsFrom(), fused, finish);
    long textLeft = SHOWN_DERIVATIVES - lossText.length();
    for (int k = 0; k < params.size(); k++) {
      Node param = params.get(k);
      String name = paramNames.get(k);
      Node perRow = rowGradient.get(param);
      String derivative = textLeft > 0 ? shown(perRow, labels) : NOT_SHOWN;
      textLeft -= derivative.length();
      derivatives.put(name, derivative);
      Node total = penaltyGradient.get(param);
      if (!perRow.isConstant(0)) {
        Accumulator sum = new Accumulator(k + 1, name, derivative);
        ExactFactor.Factored term = factored(g, perRow, factorSums);
        fused.accumulate(sum, term.rest());
        chunkSums.accumulate(sum, term.rest());
        chunkSums.storeSum(sum.index(), sumVariable(g, roles, sum));
        total = g.add(g.div(scaledSum(g, roles, sum, term), rows), total);
      }
      Node gradient = derived.simplify(total);
      if (!ZeroRuns.isZero(gradient)) {
        zeros.before(offsets.get(k));
        fused.storeGradient(offsets.get(k), gradient);
        finish.storeGradient(offsets.get(k), gradient);
      }
    }
    zeros.before(parameterCount(model));
    fused.returns(meanLoss);
    finish.returns(meanLoss);

    ModelInfo modelInfo = new ModelInfo(model.name(), model.modelText(), model.lossText(),
        model.parameters(), model.inputs(), model.target(), outputs.size());
    // What every kernel checks of its caller's arrays: params and grad hold a value a
    // parameter, out the outputs of every row, sums the chunked passes' sums.
    int sumCount = params.size() + 1;
    LengthCheck.Lengths lengths = new LengthCheck.Lengths(parameterCount(model),
        parameterCount(model), outputs.size(), sumCount);
    java.util.function.UnaryOperator<Kernel> fitted = kernel -> {
      Kernel split = Splitter.split(Reroller.reroll(kernel.withChecks(lengths),
          options.loopsFrom()), options.methodLimit());
      return options.blocks() ? Interchanger.interchange(split, options.methodLimit()) : split;
    };
    Kernel fusedKernel = fitted.apply(fused.build(Kernel.Kind.LOSS_AND_GRADIENT));
    Kernel sumsKernel = null;
    Kernel finishKernel = null;
    Kernel lossSumsKernel = null;
    if (!fusedKernel.isSplit()) {
      // Chunked only while both halves fit one method each; split models keep the one loop.
      Kernel s = fitted.apply(chunkSums.build(Kernel.Kind.SUMS));
      Kernel f = fitted.apply(finish.build(Kernel.Kind.FINISH));
      if (!s.isSplit() && !f.isSplit()) {
        sumsKernel = s;
        finishKernel = f;
        // Its loop is a part of sums': it fits wherever sums does, but this is not assumed.
        Kernel l = fitted.apply(chunkLoss.build(Kernel.Kind.LOSS_SUMS));
        lossSumsKernel = l.isSplit() ? null : l;
      }
    }
    return new Program(modelInfo, model.source(),
        fitted.apply(predict.build(Kernel.Kind.PREDICT)),
        fitted.apply(loss.build(Kernel.Kind.LOSS)),
        fusedKernel, derivatives, sumsKernel, finishKernel, sumCount,
        lossSumsKernel);
  }

  /**
   * The program of {@code sums}, per-row terms summed in one pass and finished once, over
   * {@code model}'s parameters and columns (see {@link RowSums}); the caller holds the graph's
   * lock.
   */
  public static Program lower(ModelDefinition model, RowSums sums, LowerOptions options) {
    return sums.lower(model, options);
  }

  private static int parameterCount(ModelDefinition model) {
    return model.parameters().stream().mapToInt(ParameterInfo::size).sum();
  }

  private static ExactFactor.Factored factored(Graph g, Node term, boolean factorSums) {
    return factorSums ? ExactFactor.of(g, term) : new ExactFactor.Factored(1.0, term);
  }

  // The sum of term.rest() over the rows, times term.scale() once after the loop: the sum of
  // the whole term, to the bit (see ExactFactor), for one multiplication per row less.
  private static Node scaledSum(
      Graph g, Map<Node, Role> roles, Accumulator sum, ExactFactor.Factored term) {
    Node variable = sumVariable(g, roles, sum);
    return term.scale() == 1.0 ? variable : g.mul(g.constant(term.scale()), variable);
  }

  private static Node sumVariable(Graph g, Map<Node, Role> roles, Accumulator sum) {
    // By index, not label: a parameter called loss would share the loss sum's variable.
    Node variable = g.variable(SUM_PREFIX + sum.index());
    roles.put(variable, new SumRole(sum));
    return variable;
  }

  private static String shown(Node node, Map<Node, String> labels) {
    return ExpressionPrinter.print(node, labels, SHOWN_DERIVATIVE);
  }
}
