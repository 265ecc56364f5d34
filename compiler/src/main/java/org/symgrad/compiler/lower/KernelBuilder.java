package org.symgrad.compiler.lower;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.symgrad.compiler.graph.Graph;
import org.symgrad.compiler.graph.Node;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.lower.Value.Literal;
import org.symgrad.compiler.lower.Value.Temp;

/**
 * Schedules the nodes one kernel needs into its three sections. A node's section is the latest
 * of its operands': parameters and constants belong before the loop, data columns inside it,
 * sums and the row count after it. Within a section nodes keep graph order, which is
 * topological, and each node is computed once, however many users it has.
 */
final class KernelBuilder {

  /** What a variable of the graph stands for in a kernel. */
  sealed interface Role {
    int section();
  }

  record ParamRole(int index) implements Role {
    public int section() {
      return PROLOGUE;
    }
  }

  record ColumnRole(int column) implements Role {
    public int section() {
      return BODY;
    }
  }

  record SumRole(Accumulator sum) implements Role {
    public int section() {
      return EPILOGUE;
    }
  }

  record RowCountRole() implements Role {
    public int section() {
      return EPILOGUE;
    }
  }

  static final int PROLOGUE = 0;
  static final int BODY = 1;
  static final int EPILOGUE = 2;

  private record Sink(int section, Node value, java.util.function.Function<Value, Instr> make) {}

  private final Graph graph;
  private final Map<Node, Role> roles;
  private final Map<Node, String> labels;
  private final List<Sink> sinks = new ArrayList<>();
  private final List<Accumulator> sums = new ArrayList<>();

  KernelBuilder(Graph graph, Map<Node, Role> roles, Map<Node, String> labels) {
    this.graph = graph;
    this.roles = roles;
    this.labels = labels;
  }

  void accumulate(Accumulator sum, Node value) {
    sums.add(sum);
    sinks.add(new Sink(BODY, value, v -> new Instr.Accumulate(sum, v)));
  }

  void storeOutput(int output, int outputs, Node value) {
    sinks.add(new Sink(BODY, value, v -> new Instr.StoreOutput(output, outputs, v)));
  }

  void storeGradient(int index, Node value) {
    sinks.add(new Sink(EPILOGUE, value, v -> new Instr.StoreGradient(index, v)));
  }

  /**
   * {@code grad[first]} to {@code grad[first + count - 1]} = 0: one loop when there are at
   * least {@code minRun}, the loop {@link Reroller} makes of such a run; else one store each.
   */
  void zeroGradients(int first, int count, int minRun) {
    Node zero = graph.constant(0.0);
    if (minRun == Reroller.NEVER || count < Math.max(2, minRun)) {
      for (int i = 0; i < count; i++) {
        storeGradient(first + i, zero);
      }
      return;
    }
    sinks.add(new Sink(EPILOGUE, zero, v -> new Instr.Loop(null, count,
        List.of(new Instr.StoreGradientAt(new Instr.Index(first, 1), v)), null)));
  }

  void storeSum(int index, Node value) {
    sinks.add(new Sink(EPILOGUE, value, v -> new Instr.StoreSum(index, v)));
  }

  void returns(Node value) {
    sinks.add(new Sink(EPILOGUE, value, Instr.Return::new));
  }

  Kernel build(Kernel.Kind kind) {
    List<Node> needed = reachable();
    needed.sort(Comparator.comparingInt(Node::id));
    // By node id, which is dense: arrays instead of maps, for models of many thousand nodes.
    int[] sectionOf = new int[graph.size()];
    for (Node node : needed) {
      sectionOf[node.id()] = sectionOf(node, sectionOf);
    }
    List<List<Instr>> sections = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    Value[] values = new Value[graph.size()];
    Map<Value, Temp> squares = new HashMap<>();
    int temps = 0;
    for (int section = PROLOGUE; section <= EPILOGUE; section++) {
      for (Node node : needed) {
        if (node.isConstant() || sectionOf[node.id()] != section) {
          continue;
        }
        PowerForm power = PowerForm.of(node);
        if (power != null) {
          temps = lowerPower(power, node, values, sections.get(section), temps, squares);
          continue;
        }
        Temp to = new Temp(temps++, labelOf(node));
        sections.get(section).add(instruction(to, node, values));
        values[node.id()] = to;
      }
      for (Sink sink : sinks) {
        if (sink.section() == section) {
          sections.get(section).add(sink.make().apply(valueOf(sink.value(), values)));
        }
      }
    }
    return new Kernel(kind, sections.get(0), sections.get(1), sections.get(2), sums, temps);
  }

  // Parameters and columns are called by their names; the kernel's own variables are not.
  private String labelOf(Node node) {
    if (node.isVariable()) {
      return node.name().startsWith("$") ? null : node.name();
    }
    return labels.get(node);
  }

  private int sectionOf(Node node, int[] known) {
    if (node.isVariable()) {
      Role role = roles.get(node);
      if (role == null) {
        throw new IllegalStateException("variable " + node.name() + " has no role in the kernel");
      }
      return role.section();
    }
    int section = PROLOGUE;
    for (Node operand : operands(node)) {
      if (!operand.isConstant()) {
        section = Math.max(section, known[operand.id()]);
      }
    }
    return section;
  }

  private Instr instruction(Temp to, Node node, Value[] values) {
    if (node.isVariable()) {
      Role role = roles.get(node);
      if (role instanceof ParamRole p) {
        return new Instr.LoadParam(to, p.index());
      } else if (role instanceof ColumnRole c) {
        return new Instr.LoadColumn(to, c.column());
      } else if (role instanceof SumRole s) {
        return new Instr.LoadSum(to, s.sum());
      }
      return new Instr.LoadRowCount(to);
    }
    List<Value> args = new ArrayList<>();
    for (Node operand : operands(node)) {
      args.add(valueOf(operand, values));
    }
    return new Instr.Compute(to, operation(node), args);
  }

  // x ^ n for the exponents Functions.pow computes without pow, inline: the same operations,
  // so the same bits, and no call. A square is computed once per kernel and shared by x^2,
  // x^3 and x^-2 (squares: the temporary holding x * x, by x). Returns the next free temporary.
  private int lowerPower(PowerForm form, Node node, Value[] values, List<Instr> out, int temps,
      Map<Value, Temp> squares) {
    Value x = valueOf(node.input(0), values);
    String label = labelOf(node);
    if (form == PowerForm.SQUARE && label == null && squares.containsKey(x)) {
      values[node.id()] = squares.get(x);
      return temps;
    }
    Value inner = x;
    Operation innerOperation = form.inner();
    if (innerOperation == Operation.MUL && squares.containsKey(x)) {
      inner = squares.get(x);
    } else if (innerOperation != null) {
      Temp partial = new Temp(temps++, null);
      out.add(new Instr.Compute(partial, innerOperation, form.innerOperands(x)));
      inner = partial;
      if (innerOperation == Operation.MUL) {
        squares.put(x, partial);
      }
    }
    Temp to = new Temp(temps++, label);
    out.add(form.outer(to, inner, x));
    values[node.id()] = to;
    if (form == PowerForm.SQUARE) {
      squares.putIfAbsent(x, to);
    }
    return temps;
  }

  private static Value valueOf(Node node, Value[] values) {
    return node.isConstant() ? new Literal(node.value()) : values[node.id()];
  }

  // The IR reads a few graph shapes as cheaper operations: a + (-b) as a - b, a + (-2) as
  // a - 2, and a power with one of PyTorch's special exponents as PowerForm says.
  private Operation operation(Node node) {
    return switch (node.op()) {
      case ADD -> isSubtraction(node) ? Operation.SUB : Operation.ADD;
      case POW -> Operation.POW;
      case MUL -> Operation.MUL;
      case DIV -> Operation.DIV;
      case NEG -> Operation.NEG;
      case CONST, VAR -> throw new IllegalStateException(node.op() + " is not an operation");
      default -> Operation.valueOf(node.op().name());
    };
  }

  private List<Node> operands(Node node) {
    if (node.op() == Op.ADD && isSubtraction(node)) {
      Node right = node.input(1);
      return List.of(node.input(0),
          right.isConstant() ? graph.constant(-right.value()) : right.input(0));
    }
    if (PowerForm.of(node) != null) {
      return List.of(node.input(0));
    }
    return node.inputs();
  }

  private static boolean isSubtraction(Node add) {
    Node right = add.input(1);
    return right.op() == Op.NEG || (right.isConstant() && right.value() < 0);
  }

  private List<Node> reachable() {
    BitSet seen = new BitSet();
    Deque<Node> pending = new ArrayDeque<>();
    sinks.forEach(sink -> pending.push(sink.value()));
    List<Node> found = new ArrayList<>();
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (!seen.get(node.id())) {
        seen.set(node.id());
        found.add(node);
        operands(node).forEach(pending::push);
      }
    }
    return found;
  }
}
