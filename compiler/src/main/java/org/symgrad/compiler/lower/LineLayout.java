package org.symgrad.compiler.lower;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lays out a scalar kernel's methods as generated Java source, one statement a line: which
 * line, counted from the method's opening line, each statement stands on ({@link
 * KernelLines}). The source printer prints this layout and nothing else on the lines it
 * counts: the comments and braces counted here are the ones it writes.
 *
 * <p>The kernel's method: {@code rows}, the checks of its arrays, {@code scratch}, the column
 * arrays in column order,
 * the prologue, the sums set to 0 (a comment line before each, or one before the {@code
 * Arrays.fill} of sums in scratch), the row loop, the epilogue. The row loop is one of: a
 * block loop (a comment, its {@code for}, its end, the body, a brace); a loop written once per
 * lane (lanes 1 to 7 of each sum set to 0, four comment lines, {@code groupsEnd}, its {@code
 * for}, each lane's {@code // lane k}, brace, body and brace, the loop's brace, the loop over
 * the last rows with the body and a brace, the {@code if} with each sum's tree on two lines,
 * a brace); or a plain {@code for}, the row's lane where the sums are in scratch, the body, a
 * brace. An instruction is one line, after a comment line where it adds to a sum in scratch;
 * an IR loop is its header (after a comment line and its sum's {@code -0.0} when it sums), the
 * row's lane where a row loop adds to sums, its body, its sum's addition, a brace.
 */
final class LineLayout {
  private final Kernel kernel;
  private final List<Integer> inner = new ArrayList<>();
  private int line; // the last line counted; the method's opening line is 0

  private LineLayout(Kernel kernel) {
    this.kernel = kernel;
  }

  static KernelLines of(Kernel kernel) {
    if (kernel.vectorised()) {
      throw new IllegalArgumentException("a vectorised kernel's loop has no source lines");
    }
    LineLayout main = new LineLayout(kernel);
    KernelLines lines = main.main();
    List<List<Integer>> helpers = new ArrayList<>();
    List<List<Integer>> inner = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    inner.add(main.inner);
    lengths.add(main.line);
    for (Kernel.Helper helper : kernel.helpers()) {
      LineLayout method = new LineLayout(kernel);
      helpers.add(method.instructions(helper.code(), 0));
      inner.add(method.inner);
      lengths.add(method.line);
    }
    return new KernelLines(lines.rows(), lines.checks(), lines.scratch(), lines.columns(),
        lines.prologue(),
        lines.sums(), lines.loop(), lines.body(), lines.epilogue(), helpers, lines.lanes(),
        inner, lengths);
  }

  private KernelLines main() {
    int rows = kernel.kind().chunked() ? 0 : next();
    List<Integer> checks = new ArrayList<>();
    kernel.checks().forEach(check -> checks.add(next()));
    int scratch = kernel.sumsInScratch() ? next() : 0;
    Map<Integer, Integer> columns = new TreeMap<>();
    new TreeMap<>(kernel.layout().columns()).keySet().forEach(c -> columns.put(c, next()));
    List<Integer> prologue = instructions(kernel.prologue(), 0);
    List<Integer> sums = new ArrayList<>();
    if (kernel.sumsInScratch()) {
      if (!kernel.sums().isEmpty()) {
        skip(1); // what the sums are and where their lanes lie
        sums.add(next()); // Arrays.fill
      }
    } else {
      for (int i = 0; i < kernel.sums().size(); i++) {
        skip(1); // the sum's derivative
        sums.add(next());
      }
    }
    int loop = 0;
    List<Integer> body = new ArrayList<>();
    List<Integer> lanes = new ArrayList<>();
    if (kernel.isBlocked()) {
      skip(1); // how many rows a block holds
      loop = next();
      inner.add(next()); // int blockEnd = …
      body.addAll(instructions(kernel.body(), 0));
      skip(1);
    } else if (kernel.unrollsLanes()) {
      loop = laneLoop(body, lanes);
    } else if (kernel.kind() != Kernel.Kind.FINISH) {
      loop = next();
      if (kernel.picksLanes()) {
        lanes.add(next()); // int lane = SumLanes.lane(row, from, rows);
      }
      body.addAll(instructions(kernel.body(), 0));
      skip(1);
    }
    List<Integer> epilogue = instructions(kernel.epilogue(), 0);
    return new KernelLines(rows, checks, scratch, columns, prologue, sums, loop, body, epilogue,
        List.of(), lanes, List.of(), List.of());
  }

  // See the class comment; returns the first loop's line.
  private int laneLoop(List<Integer> body, List<Integer> lanes) {
    for (int i = 0; i < (Kernel.LANES - 1) * kernel.sums().size(); i++) {
      lanes.add(next()); // double lossSum1 = 0.0; …
    }
    skip(4); // the order of a row sum
    lanes.add(next()); // int groupsEnd = …
    int loop = next();
    for (int lane = 0; lane < Kernel.LANES; lane++) {
      skip(2); // "// lane k", "{"
      body.addAll(instructions(kernel.body(), 0));
      skip(1);
    }
    skip(1);
    lanes.add(next()); // for (int row = groupsEnd; …)
    body.addAll(instructions(kernel.body(), 0));
    skip(1);
    lanes.add(next()); // if (groupsEnd > from)
    for (int i = 0; i < kernel.sums().size(); i++) {
      lanes.add(next()); // s = ((l0 + l4) + (l1 + l5))
      skip(1); //     + ((l2 + l6) + (l3 + l7));
    }
    skip(1);
    return loop;
  }

  // The line of each instruction at loop depth 0; those of deeper ones go to inner.
  private List<Integer> instructions(List<Instr> code, int depth) {
    List<Integer> lines = new ArrayList<>();
    for (Instr instr : code) {
      int at = instruction(instr, depth);
      if (depth == 0) {
        lines.add(at);
      } else {
        inner.add(at);
      }
    }
    return lines;
  }

  // Counts instr's lines and returns the line of its own statement.
  private int instruction(Instr instr, int depth) {
    return switch (InstrType.of(instr)) {
      case ACCUMULATE -> {
        if (kernel.sumsInScratch()) {
          skip(1); // the sum's derivative, where a sum in scratch is added to
        }
        yield next();
      }
      case ACCUMULATE_AT, SET_SUM_AT -> {
        skip(1); // which sums, and the first one's derivative
        yield next();
      }
      case LOOP -> loop((Instr.Loop) instr, depth);
      case ROW_LOOP -> rowLoop((Instr.RowLoop) instr, depth);
      case LOAD_PARAM, LOAD_COLUMN, LOAD_ROW_COUNT, LOAD_SUM, COMPUTE, STORE_GRADIENT,
          STORE_SUM, STORE_OUTPUT, CALL, SPILL, RELOAD, RETURN, LOAD_PARAM_AT, LOAD_COLUMN_AT,
          LOAD_SUM_AT, STORE_GRADIENT_AT, STORE_SUM_AT, LOAD_ROW_SLOT, STORE_ROW_SLOT,
          ACCUMULATE_ROW_SLOT -> next();
    };
  }

  // [// comment; double t = -0.0;] for (…) { body [t += added;] }: a summing loop's own line
  // is its sum's, and its for is inside it.
  private int loop(Instr.Loop loop, int depth) {
    int own;
    if (loop.to() != null) {
      skip(1); // how many terms, added from -0.0
      own = next();
      inner.add(next());
    } else {
      own = next();
    }
    instructions(loop.body(), depth + 1);
    if (loop.to() != null) {
      inner.add(next());
    }
    skip(1);
    return own;
  }

  // for (int row = block; row < blockEnd; row++) { [lane;] body [t += added;] }
  private int rowLoop(Instr.RowLoop loop, int depth) {
    int own = next();
    if (loop.addsToSums() && kernel.sumsInScratch() && kernel.sumsRows()) {
      inner.add(next());
    }
    instructions(loop.body(), depth + 1);
    if (loop.to() != null) {
      inner.add(next());
    }
    skip(1);
    return own;
  }

  private int next() {
    return ++line;
  }

  private void skip(int lines) {
    line += lines;
  }
}
