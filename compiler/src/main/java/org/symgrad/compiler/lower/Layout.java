package org.symgrad.compiler.lower;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Where one method of a kernel keeps what its instructions use, decided here, once, for both
 * emitters: the JVM slot and the Java name of each argument and fixed local, the slot of each
 * column array (in column order), the slots of the sums kept in locals, and the first slot
 * left for temporaries. The bytecode takes the slots, the source the names. A method that
 * lacks a local has slot -1 for it, and a null name when the signature does not name it.
 *
 * <p>A {@code finish} kernel keeps its {@code sums} argument in {@code batch}, a {@code sums}
 * kernel its {@code to} in {@code rows} and its sums array in {@code array}. A blocked kernel
 * keeps its block's first row in {@code block} and the row after its last in {@code blockEnd}.
 *
 * @param names the names the method must have exactly, in the order the source takes them:
 *     every argument of the kernel's signature, then its fixed locals
 */
public record Layout(Local params, Local batch, Local array, Local rows, Local row,
    Local lane, Local scratch, Local from, Local block, Local blockEnd, Map<Integer, Integer> columns,
    Map<Accumulator, Integer> sums, int firstTemp, List<String> names) {

  /** One argument or fixed local: its slot, or -1, and its Java name, or null. */
  public record Local(int slot, @Nullable String name) {}

  // The first local's slot in every kernel method (this and up to three arguments before it),
  // so that loss() numbers its locals as lossAndGradient() does.
  private static final int FIRST_LOCAL = 4;

  public Layout {
    columns = Collections.unmodifiableMap(new TreeMap<>(columns));
    sums = Map.copyOf(sums);
    names = List.copyOf(names);
  }

  /** The argument with {@code role}, as this method keeps it (see the class comment). */
  public Local argument(Argument.Role role) {
    return switch (role) {
      case PARAMS -> params;
      case BATCH -> batch;
      case OUTPUT -> array;
      case FROM -> from;
      case ROWS -> rows;
    };
  }

  /**
   * The layout of {@code kernel}'s own method: its arguments in the slots of the signature the
   * IR gives, after {@code this}; then the row count (unless an argument), the row, the row's
   * lane and the scratch array (when the sums are there: see {@link Kernel}), the block bounds, the column arrays in the order the rows first load them,
   * the sums kept in locals.
   */
  static Layout main(Kernel kernel) {
    Kernel.Kind kind = kernel.kind();
    List<String> names = argumentNames(kind);
    int next = Math.max(FIRST_LOCAL, 1 + kind.arguments().size());
    Local rows = kind.argument(Argument.Role.ROWS) != null ? argument(kind, Argument.Role.ROWS)
        : fixed(next++, "rows", names);
    Local row = fixed(next++, "row", names);
    boolean sumsInScratch = kernel.sumsInScratch(); // asked once: the answer walks the code
    Local lane = sumsInScratch ? fixed(next++, "lane", names) : absent();
    Local scratch = sumsInScratch ? fixed(next++, "scratch", names) : absent();
    Local block = kernel.isBlocked() ? fixed(next++, "block", names) : absent();
    Local blockEnd = kernel.isBlocked() ? fixed(next++, "blockEnd", names) : absent();
    Map<Integer, Integer> columns = new HashMap<>();
    for (Instr instr : kernel.rowInstructions()) {
      if (InstrType.of(instr) == InstrType.LOAD_COLUMN) {
        int column = ((Instr.LoadColumn) instr).column();
        if (!columns.containsKey(column)) {
          columns.put(column, next++);
        }
      }
    }
    Map<Accumulator, Integer> sums = new HashMap<>();
    if (!sumsInScratch) {
      for (Accumulator sum : kernel.sums()) {
        sums.put(sum, next);
        next += 2;
      }
    }
    return new Layout(argument(kind, Argument.Role.PARAMS), argument(kind, Argument.Role.BATCH),
        argument(kind, Argument.Role.OUTPUT), rows, row, lane, scratch,
        argument(kind, Argument.Role.FROM), block, blockEnd, columns, sums, next, names);
  }

  /**
   * The layout of a helper of a split {@code kernel}: {@code static void partN(double[]
   * params, Batch batch, [double[] array,] int rows, int row, int lane, double[] scratch)},
   * named as the kernel's method names them.
   */
  static Layout helper(Kernel kernel) {
    Kernel.Kind kind = kernel.kind();
    List<String> names = argumentNames(kind);
    int next = 0;
    Local params = new Local(next++, name(kind, Argument.Role.PARAMS));
    Local batch = new Local(next++, name(kind, Argument.Role.BATCH));
    Local array = new Local(kind == Kernel.Kind.LOSS ? -1 : next++,
        name(kind, Argument.Role.OUTPUT));
    Local rows = kind.argument(Argument.Role.ROWS) != null
        ? new Local(next++, name(kind, Argument.Role.ROWS)) : fixed(next++, "rows", names);
    Local row = fixed(next++, "row", names);
    Local lane = fixed(next++, "lane", names);
    Local scratch = fixed(next++, "scratch", names);
    return new Layout(params, batch, array, rows, row, lane, scratch,
        new Local(-1, name(kind, Argument.Role.FROM)), absent(), absent(), Map.of(), Map.of(),
        next, names);
  }

  private static List<String> argumentNames(Kernel.Kind kind) {
    List<String> names = new ArrayList<>();
    kind.arguments().forEach(argument -> names.add(argument.name()));
    return names;
  }

  // The argument with role, in its slot after this; absent when the method has none.
  private static Local argument(Kernel.Kind kind, Argument.Role role) {
    int position = kind.position(role);
    return new Local(position < 0 ? -1 : 1 + position, name(kind, role));
  }

  private static @Nullable String name(Kernel.Kind kind, Argument.Role role) {
    Argument argument = kind.argument(role);
    return argument == null ? null : argument.name();
  }

  private static Local fixed(int slot, String name, List<String> names) {
    names.add(name);
    return new Local(slot, name);
  }

  private static Local absent() {
    return new Local(-1, null);
  }
}
