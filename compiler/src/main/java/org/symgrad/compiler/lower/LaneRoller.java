package org.symgrad.compiler.lower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.lower.Value.Temp;

/**
 * Rolls repetition at the outer level: a hidden layer of n units whose per-unit code is
 * interleaved phase by phase ({@code h0 … h99}, then the output's sum over them, then each
 * unit's backpropagation and gradient sums) becomes one loop over the units per phase. The
 * seed is a chain of additions in the row loop, {@code ((p0 + p1) + p2) + …}, of at least
 * {@code minRun} terms; term j and what only it needs make unit j (its lane), as do the
 * instructions that read unit j's values and no other unit's. Every lane must be the same
 * instructions up to the indices of the parameters, columns and sums they read, which
 * progress with j; anything else is shared and stays straight-line code.
 *
 * <p>Lane instructions are put in phases: phase 0 reads only shared values computed before
 * any unit's code, and a phase that reads a shared value computed from phase p's results (the
 * chain's sum, say) comes after p. Each phase is one loop over j; a unit's value one phase
 * computes and a later one reads passes through the scratch array at {@code slot + j}. The
 * chain becomes the sum of its phase's loop. The loops run the same operations on the same
 * operands as the straight-line code, each sum adding the same terms in the same order, and a
 * scratch slot holds a double exactly, so no bit changes. When anything does not fit, the
 * kernel is left as it was.
 */
final class LaneRoller {
  private final Kernel kernel;
  private final int minRun;
  private final List<Instr> body;
  private final Map<Integer, Instr> definitions = new HashMap<>();
  private final Map<Integer, Integer> bodyDefined = new HashMap<>(); // temp -> place in body
  private final Map<Integer, List<Instr>> readers = new HashMap<>(); // in the body
  private final Map<Integer, Integer> reads = new HashMap<>(); // in every section
  private final Map<Accumulator, Integer> positions = new IdentityHashMap<>();
  private int temps;

  private LaneRoller(Kernel kernel, int minRun) {
    this.kernel = kernel;
    this.minRun = Math.max(2, minRun);
    this.body = kernel.body();
    this.temps = kernel.temps();
    for (int i = 0; i < kernel.sums().size(); i++) {
      positions.put(kernel.sums().get(i), i);
    }
    for (List<Instr> section : List.of(kernel.prologue(), body, kernel.epilogue())) {
      for (Instr instr : section) {
        Temp to = Instr.defined(instr);
        if (to != null) {
          definitions.put(to.index(), instr);
        }
        for (Value value : Instr.operands(instr)) {
          if (value instanceof Temp t) {
            reads.merge(t.index(), 1, Integer::sum);
            if (section == body) {
              readers.computeIfAbsent(t.index(), x -> new ArrayList<>()).add(instr);
            }
          }
        }
      }
    }
    for (int i = 0; i < body.size(); i++) {
      Temp to = Instr.defined(body.get(i));
      if (to != null) {
        bodyDefined.put(to.index(), i);
      }
    }
  }

  /** {@code kernel} with its outer repetition rolled, or {@code kernel} when it has none. */
  static Kernel roll(Kernel kernel, int minRun) {
    if (minRun == Reroller.NEVER || kernel.isSplit() || kernel.kind() == Kernel.Kind.FINISH) {
      return kernel;
    }
    LaneRoller roller = new LaneRoller(kernel, minRun);
    for (Instr instr : kernel.body()) {
      Kernel rolled = roller.fromChain(instr);
      if (rolled != null) {
        return rolled;
      }
    }
    return kernel;
  }

  // The chain of adds below `top`, from the top down: each add's first operand the next one,
  // an add of the body that only it reads.
  private @Nullable Kernel fromChain(Instr top) {
    if (!isAdd(top) || isLinkBelowAnother(top)) {
      return null;
    }
    List<Instr.Compute> nodes = new ArrayList<>();
    for (Instr node = top; node != null; node = below(node)) {
      nodes.add((Instr.Compute) node);
    }
    List<Value> terms = new ArrayList<>();
    terms.add(nodes.get(nodes.size() - 1).args().get(0));
    for (int k = nodes.size() - 1; k >= 0; k--) {
      terms.add(nodes.get(k).args().get(1));
    }
    int n = 0;
    while (n < terms.size() && terms.get(n) instanceof Temp t
        && definitions.get(t.index()) instanceof Instr.Compute
        && bodyDefined.containsKey(t.index()) && reads.get(t.index()) == 1) {
      n++;
    }
    if (n < minRun) {
      return null;
    }
    List<Instr.Compute> absorbed = nodes.subList(nodes.size() - n + 1, nodes.size());
    Instr.Compute last = nodes.get(nodes.size() - n + 1);
    List<Temp> roots = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      roots.add((Temp) terms.get(k));
    }
    return new Lanes(this, roots, absorbed, last.to()).rolled();
  }

  private boolean isLinkBelowAnother(Instr instr) {
    Temp to = Instr.defined(instr);
    List<Instr> readBy = readers.getOrDefault(to.index(), List.of());
    return readBy.size() == 1 && reads.get(to.index()) == 1 && below(readBy.get(0)) == instr;
  }

  private @Nullable Instr below(Instr instr) {
    if (!isAdd(instr) || !(((Instr.Compute) instr).args().get(0) instanceof Temp t)) {
      return null;
    }
    Instr below = definitions.get(t.index());
    return isAdd(below) && bodyDefined.containsKey(t.index()) && reads.get(t.index()) == 1
        ? below : null;
  }

  private static boolean isAdd(@Nullable Instr instr) {
    return instr instanceof Instr.Compute c && c.operation() == Operation.ADD;
  }

  Kernel kernel() {
    return kernel;
  }

  int minRun() {
    return minRun;
  }

  List<Instr> body() {
    return body;
  }

  @Nullable Instr definition(int temp) {
    return definitions.get(temp);
  }

  boolean inBody(int temp) {
    return bodyDefined.containsKey(temp);
  }

  List<Instr> readers(int temp) {
    return readers.getOrDefault(temp, List.of());
  }

  int reads(int temp) {
    return reads.getOrDefault(temp, 0);
  }

  @Nullable Integer position(Accumulator sum) {
    return positions.get(sum);
  }

  Temp fresh() {
    return new Temp(temps++, null);
  }

  int temps() {
    return temps;
  }
}
