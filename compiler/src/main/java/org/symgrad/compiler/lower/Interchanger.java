package org.symgrad.compiler.lower;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.symgrad.compiler.lower.Value.Temp;

/**
 * Runs the rows of a wide kernel block by block, with its loops over j outside the loops over
 * the block's rows, so that each column is read sequentially. A row body that rolled into
 *
 * <pre>
 *   t11 = loop j &lt; n: … column j …     gathers: sums over j of parameters and columns
 *   …                                   the rest: straight-line code for the row
 *   loop j &lt; n: … s1 + j += …          scatters: one term per row into sums by index
 * </pre>
 *
 * becomes, for each block of {@link #BLOCK_ROWS} rows: for each gather, for each j, for each
 * row, {@code acc[row] += term} (acc a per-row slot of the scratch array, from -0.0 as the
 * loop started); then for each row, the rest, reading the gathers' {@code acc[row]} and
 * leaving in slots what the scatters read; then for each scatter, for each j, for each row,
 * the sum's term, added to the row's lane of the sum (see {@link Kernel}).
 *
 * <p>Every sum receives the same additions in the same order: a gather's row sum adds its terms
 * j = 0, 1, … as the loop did, and each lane of a scatter's sum adds its rows in order, block
 * after block, as the row loop did. A scatter moves after the rest, so no two may write one sum (nor the
 * rest write one they write). Anything else keeps its row loop.
 */
final class Interchanger {
  /** Rows per block: a divisor of the 4096-row chunks, and 2 KB a slot. */
  static final int BLOCK_ROWS = 256;

  private final Kernel kernel;
  private final Set<Integer> prologueTemps = new HashSet<>();
  private final List<Instr.Loop> gathers = new ArrayList<>();
  private final List<Instr> rest = new ArrayList<>();
  private final List<Instr.Loop> scatters = new ArrayList<>();
  // The per-row slot of each gather's result and of each value of the rest a scatter reads.
  private final Map<Integer, Integer> slots = new LinkedHashMap<>();

  private Interchanger(Kernel kernel) {
    this.kernel = kernel;
    for (Instr instr : kernel.prologue()) {
      Temp defined = Instr.defined(instr);
      if (defined != null) {
        prologueTemps.add(defined.index());
      }
    }
  }

  /**
   * {@code kernel} with its rows in blocks, when its body has the shape above and the result
   * fits a method of {@code methodLimit} bytes; else {@code kernel} itself.
   */
  static Kernel interchange(Kernel kernel, int methodLimit) {
    if (!kernel.sumsRows() || kernel.isSplit() || kernel.isBlocked()) {
      return kernel;
    }
    Interchanger interchanger = new Interchanger(kernel);
    if (!interchanger.qualifies()) {
      return kernel;
    }
    Kernel blocked = interchanger.blocked();
    int size = CodeSize.ofMethod(List.of(blocked.prologue(), blocked.body(),
        blocked.epilogue()), 0) + CodeSize.BLOCK_OVERHEAD;
    return size <= methodLimit ? blocked : kernel;
  }

  // Sorts the body into gathers, rest and scatters; whether it is the shape this pass handles.
  private boolean qualifies() {
    for (Instr instr : kernel.body()) {
      boolean sorted = switch (InstrType.of(instr)) {
        case LOOP -> {
          Instr.Loop loop = (Instr.Loop) instr;
          if (isGather(loop)) {
            gathers.add(loop);
          } else if (isScatter(loop)) {
            scatters.add(loop);
          }
          yield isGather(loop) || isScatter(loop);
        }
        case LOAD_COLUMN, COMPUTE, ACCUMULATE -> rest.add(instr);
        case LOAD_PARAM, LOAD_ROW_COUNT, LOAD_SUM, STORE_GRADIENT, STORE_SUM, STORE_OUTPUT, CALL,
            SPILL, RELOAD, RETURN, LOAD_PARAM_AT, LOAD_COLUMN_AT, LOAD_SUM_AT, ACCUMULATE_AT,
            STORE_GRADIENT_AT, STORE_SUM_AT, ROW_LOOP, SET_SUM_AT, LOAD_ROW_SLOT, STORE_ROW_SLOT,
            ACCUMULATE_ROW_SLOT -> false;
      };
      if (!sorted) {
        return false;
      }
    }
    return !(gathers.isEmpty() && scatters.isEmpty()) && sumsWrittenOnce();
  }

  // A sum over j of terms that read parameters, columns and the prologue only.
  private boolean isGather(Instr.Loop loop) {
    return loop.to() != null
        && loop.body().stream().allMatch(Interchanger::isTermInstr)
        && loop.reads().stream().allMatch(t -> prologueTemps.contains(t.index()));
  }

  // One term per j added to sum first + stride * j, and nothing else.
  private static boolean isScatter(Instr.Loop loop) {
    List<Instr> body = loop.body();
    return loop.to() == null && !body.isEmpty()
        && InstrType.of(body.get(body.size() - 1)) == InstrType.ACCUMULATE_AT
        && body.subList(0, body.size() - 1).stream().allMatch(Interchanger::isTermInstr);
  }

  private static boolean isTermInstr(Instr instr) {
    return switch (InstrType.of(instr)) {
      case LOAD_PARAM_AT, LOAD_COLUMN_AT, COMPUTE -> true;
      case LOAD_PARAM, LOAD_COLUMN, LOAD_ROW_COUNT, LOAD_SUM, ACCUMULATE, STORE_GRADIENT,
          STORE_SUM, STORE_OUTPUT, CALL, SPILL, RELOAD, RETURN, LOOP, LOAD_SUM_AT, ACCUMULATE_AT,
          STORE_GRADIENT_AT, STORE_SUM_AT, ROW_LOOP, SET_SUM_AT, LOAD_ROW_SLOT, STORE_ROW_SLOT,
          ACCUMULATE_ROW_SLOT -> false;
    };
  }

  // Moving the scatters after the rest reorders additions only if two of them share a sum.
  private boolean sumsWrittenOnce() {
    Map<Accumulator, Integer> positions = new IdentityHashMap<>();
    for (int i = 0; i < kernel.sums().size(); i++) {
      positions.put(kernel.sums().get(i), i);
    }
    Set<Integer> written = new HashSet<>();
    for (Instr instr : rest) {
      Sink sink = Sink.of(instr); // the rest's sinks are sums' terms
      if (sink != null && !written.add(positions.get(sink.sum()))) {
        return false;
      }
    }
    for (Instr.Loop scatter : scatters) {
      Instr.AccumulateAt sink = (Instr.AccumulateAt) scatter.body()
          .get(scatter.body().size() - 1);
      for (int j = 0; j < scatter.count(); j++) {
        if (!written.add(positions.get(sink.first()) + sink.stride() * j)) {
          return false;
        }
      }
    }
    return true;
  }

  private Kernel blocked() {
    int first = Kernel.LANES * kernel.sums().size(); // after the sums' lanes
    for (Instr.Loop gather : gathers) {
      slots.put(gather.to().index(), first + slots.size() * BLOCK_ROWS);
    }
    List<Temp> handedOn = new ArrayList<>(); // values of the rest that scatters read
    for (Instr.Loop scatter : scatters) {
      for (Temp read : scatter.reads()) {
        if (!prologueTemps.contains(read.index()) && !slots.containsKey(read.index())) {
          slots.put(read.index(), first + slots.size() * BLOCK_ROWS);
          handedOn.add(read);
        }
      }
    }
    List<Instr> body = new ArrayList<>();
    for (Instr.Loop gather : gathers) {
      int slot = slots.get(gather.to().index());
      body.add(new Instr.RowLoop(List.of(new Instr.StoreRowSlot(slot, new Value.Literal(-0.0)))));
      Sweep sweep = sweep(gather.body(), List.of());
      sweep.perRow().add(new Instr.AccumulateRowSlot(slot, gather.added()));
      sweep.perColumn().add(new Instr.RowLoop(sweep.perRow()));
      body.add(new Instr.Loop(null, gather.count(), sweep.perColumn(), null));
    }
    body.add(new Instr.RowLoop(restOfRow(handedOn)));
    int temps = kernel.temps();
    for (Instr.Loop scatter : scatters) {
      List<Instr> reloads = new ArrayList<>();
      for (Temp read : scatter.reads()) {
        Integer slot = slots.get(read.index());
        if (slot != null) {
          reloads.add(new Instr.LoadRowSlot(read, slot));
        }
      }
      List<Instr> terms = scatter.body().subList(0, scatter.body().size() - 1);
      Instr.AccumulateAt sink = (Instr.AccumulateAt) scatter.body()
          .get(scatter.body().size() - 1);
      // Each row's term to its lane of the sum, as the row loop added it.
      Sweep sweep = sweep(terms, reloads);
      sweep.perRow().add(sink);
      sweep.perColumn().add(new Instr.RowLoop(sweep.perRow()));
      body.add(new Instr.Loop(null, scatter.count(), sweep.perColumn(), null));
    }
    int scratch = first + slots.size() * BLOCK_ROWS;
    return kernel.rewritten(kernel.prologue(), body, kernel.epilogue(), temps, List.of(),
        scratch, BLOCK_ROWS);
  }

  // The row code as it was, after the gathers' results it reads, before the values it hands on.
  private List<Instr> restOfRow(List<Temp> handedOn) {
    Set<Integer> reads = new HashSet<>();
    rest.forEach(instr -> Instr.operands(instr).forEach(v -> {
      if (v instanceof Temp t) {
        reads.add(t.index());
      }
    }));
    List<Instr> rows = new ArrayList<>();
    for (Instr.Loop gather : gathers) {
      if (reads.contains(gather.to().index())) {
        rows.add(new Instr.LoadRowSlot(gather.to(), slots.get(gather.to().index())));
      }
    }
    rows.addAll(rest);
    handedOn.forEach(t -> rows.add(new Instr.StoreRowSlot(slots.get(t.index()), t)));
    return rows;
  }

  /** A loop's body cut in two: what runs once per j, and what runs for each row. */
  private record Sweep(List<Instr> perColumn, List<Instr> perRow) {}

  /**
   * {@code body} cut in two: what depends on j only, computed once per j; and what reads a
   * column or a row's value, after {@code reloads}, which define the row's values. Nothing of
   * the first reads the second, so each value is made by the same operations as before.
   */
  private static Sweep sweep(List<Instr> body, List<Instr> reloads) {
    Set<Integer> perRow = new HashSet<>();
    reloads.forEach(r -> perRow.add(Instr.defined(r).index()));
    List<Instr> perColumn = new ArrayList<>();
    List<Instr> inRows = new ArrayList<>(reloads);
    for (Instr instr : body) {
      boolean rowWise = InstrType.of(instr) == InstrType.LOAD_COLUMN_AT
          || Instr.operands(instr).stream()
              .anyMatch(v -> v instanceof Temp t && perRow.contains(t.index()));
      if (rowWise) {
        perRow.add(Instr.defined(instr).index());
        inRows.add(instr);
      } else {
        perColumn.add(instr);
      }
    }
    return new Sweep(perColumn, inRows);
  }
}
