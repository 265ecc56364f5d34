package org.symgrad.bench.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.symgrad.compiler.diff.ReverseDiff;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.SumLanes;

/**
 * A stronger interpreter baseline than {@link TreeWalkingInterpreter}, so that the compiler's
 * lead is not measured against a straw man: the same graph flattened once into arrays (nodes
 * in topological order, inputs as slot numbers), then, for every row, a {@code switch} over
 * each node's {@link Op} into a {@code double[]} of values. No maps, no boxing, no allocation
 * per call. Constants and parameters are written once per call; only the columns change per
 * row; shared subexpressions are computed once per row, as in the kernel.
 *
 * <p>Not thread-safe: the value array is reused between calls.
 */
public final class FlatInterpreter {
  private final Op[] ops;
  private final int[] first;
  private final int[] second;
  private final double[] values;
  private final int[] paramSlots; // the slot of parameter p, or -1 when unused
  private final int[] columnSlots; // the slot of batch column c, or -1 when unused
  private final int lossSlot;
  private final int[] gradientSlots;
  private final int firstComputed; // slots before it are leaves: constants and variables

  public FlatInterpreter(ModelGradient graph) {
    Set<Node> reachable = new LinkedHashSet<>(ReverseDiff.reachable(graph.loss()));
    graph.gradient().forEach(root -> reachable.addAll(ReverseDiff.reachable(root)));
    List<Node> order = new ArrayList<>(reachable);
    // Leaves first, then the rest in creation order, which is topological.
    order.sort(Comparator.comparing((Node n) -> !n.inputs().isEmpty()).thenComparing(Node::id));
    Map<Node, Integer> slot = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      slot.put(order.get(i), i);
    }
    int size = order.size();
    ops = new Op[size];
    first = new int[size];
    second = new int[size];
    values = new double[size];
    paramSlots = slotsOf(graph.parameters(), order, slot);
    columnSlots = slotsOf(graph.columns(), order, slot);
    int computed = size;
    for (int i = 0; i < size; i++) {
      Node node = order.get(i);
      ops[i] = node.op();
      if (node.isConstant()) {
        values[i] = node.value();
      } else if (!node.inputs().isEmpty()) {
        computed = Math.min(computed, i);
        first[i] = slot.get(node.input(0));
        second[i] = node.op().arity() == 2 ? slot.get(node.input(1)) : -1;
      }
    }
    firstComputed = computed;
    lossSlot = slot.get(graph.loss());
    gradientSlots = graph.gradient().stream().mapToInt(slot::get).toArray();
  }

  private static int[] slotsOf(List<String> names, List<Node> order, Map<Node, Integer> slot) {
    int[] slots = new int[names.size()];
    for (int k = 0; k < slots.length; k++) {
      slots[k] = -1;
      for (Node node : order) {
        if (node.isVariable() && node.name().equals(names.get(k))) {
          slots[k] = slot.get(node);
        }
      }
    }
    return slots;
  }

  /** The mean loss over {@code batch}; writes the mean gradient to {@code grad}. */
  public double lossAndGradient(double[] params, Batch batch, double[] grad) {
    for (int p = 0; p < paramSlots.length; p++) {
      if (paramSlots[p] >= 0) {
        values[paramSlots[p]] = params[p];
      }
    }
    int n = batch.size();
    int k = gradientSlots.length;
    // Every sum in its eight lanes, added in the order the compiled kernels add rows.
    double[] loss = new double[SumLanes.LANES];
    double[] sums = new double[SumLanes.LANES * k];
    for (int row = 0; row < n; row++) {
      int lane = SumLanes.lane(row, 0, n);
      for (int c = 0; c < columnSlots.length; c++) {
        if (columnSlots[c] >= 0) {
          values[columnSlots[c]] = batch.column(c)[row];
        }
      }
      for (int i = firstComputed; i < ops.length; i++) {
        Op op = ops[i];
        values[i] = op.arity() == 1 ? op.apply(values[first[i]])
            : op.apply(values[first[i]], values[second[i]]);
      }
      loss[lane] += values[lossSlot];
      for (int p = 0; p < k; p++) {
        sums[SumLanes.LANES * p + lane] += values[gradientSlots[p]];
      }
    }
    for (int p = 0; p < k; p++) {
      grad[p] = SumLanes.total(sums, SumLanes.LANES * p) / n;
    }
    return SumLanes.total(loss, 0) / n;
  }
}
