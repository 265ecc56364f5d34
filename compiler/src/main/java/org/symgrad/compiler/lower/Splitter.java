package org.symgrad.compiler.lower;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.symgrad.compiler.lower.Value.Temp;

/**
 * Splits a kernel too large for one method into helper methods of at most {@link
 * CodeSize#METHOD_LIMIT} bytes, so that no method reaches the JVM's 64 KB limit and every one
 * stays small enough for the JIT to compile.
 *
 * <p>Each section's instructions are cut, in order, into helpers; the method itself only calls
 * them (for the body, once per row). A value a helper needs from another method is passed
 * through the scratch array: the defining helper spills it, the using one reloads it. Loads
 * from the arguments (a parameter, a column, the row count, a sum) are not passed but repeated
 * where they are needed, which costs no more than a reload. The order of the computations is
 * unchanged, so the results are the same bits as the unsplit kernel's.
 *
 * <p>When the calls themselves would be too many for one method, they are grouped into helpers
 * that only call others, as often as needed.
 */
final class Splitter {
  // Calls a method may hold: each is about 13 bytes, so this is well under METHOD_LIMIT.
  private static final int MAX_CALLS = 400;

  /** A run of one section's instructions that becomes one helper. */
  private record Range(int section, int from, int to) {}

  private final Kernel kernel;
  private final int limit;
  private final int target;
  private final Map<Integer, Instr> loads = new HashMap<>();
  private final Map<Integer, Temp> temps = new HashMap<>();
  private final List<List<Instr>> sections = new ArrayList<>();
  private final Instr.Return returns;

  private Splitter(Kernel kernel, int limit) {
    this.kernel = kernel;
    this.limit = limit;
    // Helpers are filled to the target before their spills are known, leaving room for them.
    this.target = limit * CodeSize.HELPER_TARGET / CodeSize.METHOD_LIMIT;
    Instr.Return found = null;
    for (List<Instr> section : List.of(kernel.prologue(), kernel.body(), kernel.epilogue())) {
      List<Instr> work = new ArrayList<>();
      for (Instr instr : section) {
        Temp to = Instr.defined(instr);
        if (to != null) {
          temps.put(to.index(), to);
        }
        if (InstrType.of(instr).isLoad()) {
          loads.put(Instr.defined(instr).index(), instr);
        } else if (InstrType.of(instr) == InstrType.RETURN) {
          found = (Instr.Return) instr;
        } else {
          work.add(instr);
        }
      }
      sections.add(scheduled(work));
    }
    returns = found;
  }

  /**
   * The section reordered for splitting: depth first from each sink (a sum, a gradient or an
   * output store), in order, so that a value is computed just before its first use and a sink
   * comes just after its value. The lowering lists a section in graph order, which puts all of
   * {@code w[j] * x[j]} before the sum that adds them, and every sink last; cut into helpers,
   * that order would pass nearly every value through the scratch array. Only independent
   * instructions change places, and sinks write distinct places (each sum still adds its rows
   * in order), so the results are the same bits.
   */
  private static List<Instr> scheduled(List<Instr> section) {
    Map<Integer, Instr> definition = new HashMap<>();
    for (Instr instr : section) {
      Temp to = Instr.defined(instr);
      if (to != null) {
        definition.put(to.index(), instr);
      }
    }
    List<Instr> roots = new ArrayList<>();
    section.stream().filter(i -> Instr.defined(i) == null).forEach(roots::add);
    roots.addAll(section); // then what only later sections use, in graph order
    Set<Instr> placed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    Set<Instr> expanded = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    List<Instr> order = new ArrayList<>();
    java.util.Deque<Instr> stack = new java.util.ArrayDeque<>();
    for (Instr root : roots) {
      stack.push(root);
      while (!stack.isEmpty()) {
        Instr top = stack.peek();
        if (placed.contains(top)) {
          stack.pop();
        } else if (expanded.add(top)) {
          int[] reads = operands(top);
          for (int i = reads.length - 1; i >= 0; i--) { // first operand first
            Instr producer = definition.get(reads[i]);
            if (producer != null && !placed.contains(producer)) {
              stack.push(producer);
            }
          }
        } else {
          stack.pop();
          placed.add(top);
          order.add(top);
        }
      }
    }
    return order;
  }

  /**
   * {@code kernel} itself when it fits in one method of {@code limit} bytes, else the kernel
   * split into helpers of at most that.
   */
  static Kernel split(Kernel kernel, int limit) {
    // Sums in scratch are zeroed by one Arrays.fill, which METHOD_OVERHEAD covers.
    int size = CodeSize.ofMethod(List.of(kernel.prologue(), kernel.body(), kernel.epilogue()),
        kernel.sumsInScratch() ? 0 : kernel.sums().size()) + CodeSize.checks(kernel);
    return size <= limit ? kernel : new Splitter(kernel, limit).run();
  }

  private Kernel run() {
    List<Range> ranges = greedy();
    while (true) {
      Plan plan = plan(ranges);
      List<Range> refined = new ArrayList<>();
      boolean changed = false;
      for (int i = 0; i < ranges.size(); i++) {
        Range range = ranges.get(i);
        if (CodeSize.ofMethod(List.of(plan.code.get(i)), 0) > limit
            && range.to - range.from > 1) {
          int middle = (range.from + range.to) / 2; // the spills did not fit: halve it
          refined.add(new Range(range.section, range.from, middle));
          refined.add(new Range(range.section, middle, range.to));
          changed = true;
        } else {
          refined.add(range);
        }
      }
      if (!changed) {
        return assemble(ranges, plan);
      }
      ranges = refined;
    }
  }

  // Cuts each section into runs that fit HELPER_TARGET with the loads and reloads they need.
  private List<Range> greedy() {
    List<Range> ranges = new ArrayList<>();
    for (int s = 0; s < sections.size(); s++) {
      List<Instr> section = sections.get(s);
      Set<Integer> available = new java.util.HashSet<>();
      int from = 0;
      int size = CodeSize.METHOD_OVERHEAD;
      for (int i = 0; i < section.size(); i++) {
        int extra = extra(section.get(i), available);
        if (size + extra > target && i > from) {
          ranges.add(new Range(s, from, i));
          from = i;
          available.clear();
          size = CodeSize.METHOD_OVERHEAD;
          extra = extra(section.get(i), available);
        }
        size += extra;
        for (int temp : operands(section.get(i))) {
          available.add(temp);
        }
        Temp to = Instr.defined(section.get(i));
        if (to != null) {
          available.add(to.index());
        }
      }
      if (from < section.size()) {
        ranges.add(new Range(s, from, section.size()));
      }
    }
    return ranges;
  }

  // The bytes `instr` adds to a helper that already holds `available`.
  private int extra(Instr instr, Set<Integer> available) {
    int extra = CodeSize.of(instr);
    for (int temp : operands(instr)) {
      if (!available.contains(temp)) {
        Instr load = loads.get(temp);
        extra += load != null ? CodeSize.of(load) : CodeSize.of(new Instr.Reload(null, -1));
      }
    }
    return extra;
  }

  /** The code of each helper, and the spill slot of each value passed between methods. */
  private record Plan(List<List<Instr>> code, Map<Integer, Integer> slots, List<Instr> tail) {}

  private Plan plan(List<Range> ranges) {
    Map<Integer, Integer> definedIn = new HashMap<>();
    for (int c = 0; c < ranges.size(); c++) {
      for (Instr instr : instrs(ranges.get(c))) {
        Temp to = Instr.defined(instr);
        if (to != null) {
          definedIn.put(to.index(), c);
        }
      }
    }
    // Which values cross methods: read by a helper, or by the return, that did not define them.
    Set<Integer> passed = new TreeSet<>();
    List<Set<Integer>> reads = new ArrayList<>();
    for (int c = 0; c < ranges.size(); c++) {
      Set<Integer> read = new TreeSet<>();
      for (Instr instr : instrs(ranges.get(c))) {
        for (int temp : operands(instr)) {
          read.add(temp);
        }
      }
      reads.add(read);
      for (int temp : read) {
        if (!loads.containsKey(temp) && definedIn.get(temp) != c) {
          passed.add(temp);
        }
      }
    }
    Set<Integer> returned = new TreeSet<>();
    if (returns != null) {
      for (int temp : operands(returns)) {
        returned.add(temp);
      }
    }
    for (int temp : returned) {
      if (!loads.containsKey(temp)) {
        passed.add(temp);
      }
    }
    Map<Integer, Integer> slots = new HashMap<>();
    int next = Kernel.LANES * kernel.sums().size(); // after the sums' lanes
    for (int temp : passed) {
      slots.put(temp, next++);
    }
    List<List<Instr>> code = new ArrayList<>();
    for (int c = 0; c < ranges.size(); c++) {
      List<Instr> helper = new ArrayList<>(fetch(reads.get(c), c, definedIn, slots));
      List<Instr> own = instrs(ranges.get(c));
      helper.addAll(own);
      for (Instr instr : own) {
        Temp to = Instr.defined(instr);
        if (to != null && slots.containsKey(to.index())) {
          helper.add(new Instr.Spill(slots.get(to.index()), to));
        }
      }
      code.add(helper);
    }
    List<Instr> tail = new ArrayList<>(fetch(returned, -1, definedIn, slots));
    if (returns != null) {
      tail.add(returns);
    }
    return new Plan(code, slots, tail);
  }

  // The loads and reloads that give method `chunk` the values it reads but does not define,
  // in the order of their numbers.
  private List<Instr> fetch(Set<Integer> read, int chunk, Map<Integer, Integer> definedIn,
      Map<Integer, Integer> slots) {
    List<Instr> fetched = new ArrayList<>();
    for (int temp : read) {
      Instr load = loads.get(temp);
      if (load != null) {
        fetched.add(load);
      } else if (definedIn.get(temp) != chunk) {
        fetched.add(new Instr.Reload(temps.get(temp), slots.get(temp)));
      }
    }
    return fetched;
  }

  private Kernel assemble(List<Range> ranges, Plan plan) {
    List<Kernel.Helper> helpers = new ArrayList<>();
    List<List<Instr>> calls = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int c = 0; c < ranges.size(); c++) {
      helpers.add(new Kernel.Helper(c, plan.code.get(c)));
      calls.get(ranges.get(c).section).add(new Instr.Call(c));
    }
    List<List<Instr>> grouped = new ArrayList<>();
    for (List<Instr> section : calls) {
      List<Instr> level = section;
      int group = Math.max(2, Math.min(MAX_CALLS, target / CodeSize.of(new Instr.Call(0))));
      while (level.size() > group / 4) { // keep the method itself small
        List<Instr> up = new ArrayList<>();
        for (int from = 0; from < level.size(); from += group) {
          int index = helpers.size();
          helpers.add(new Kernel.Helper(index,
              level.subList(from, Math.min(level.size(), from + group))));
          up.add(new Instr.Call(index));
        }
        level = up;
      }
      grouped.add(level);
    }
    List<Instr> epilogue = new ArrayList<>(grouped.get(2));
    epilogue.addAll(plan.tail);
    int scratch = Math.max(1, Kernel.LANES * kernel.sums().size() + plan.slots.size());
    return kernel.rewritten(grouped.get(0), grouped.get(1), epilogue, kernel.temps(), helpers,
        scratch, 0);
  }

  private List<Instr> instrs(Range range) {
    return sections.get(range.section).subList(range.from, range.to);
  }

  /** The numbers of the temporaries {@code instr} reads, in order, without repeats. */
  static int[] operands(Instr instr) {
    if (InstrType.of(instr) == InstrType.COMPUTE) {
      List<Value> args = ((Instr.Compute) instr).args();
      if (args.size() == 2 && args.get(0) instanceof Temp a && args.get(1) instanceof Temp b) {
        return a.index() == b.index() ? new int[] {a.index()}
            : new int[] {a.index(), b.index()};
      }
      return distinctTemps(args); // one or three operands (select)
    }
    List<Value> values = Instr.operands(instr);
    if (values.size() == 1) { // a sink's value
      return values.get(0) instanceof Temp t ? new int[] {t.index()} : new int[0];
    }
    return distinctTemps(values); // a loop's reads
  }

  // Each temporary of values once, in order. A loop, not a stream: the lowering asks this of
  // every instruction several times, and compile latency is felt.
  private static int[] distinctTemps(List<Value> values) {
    int[] temps = new int[values.size()];
    int count = 0;
    BitSet seen = values.size() > 8 ? new BitSet() : null; // a long loop's reads: no n² scan
    for (Value value : values) {
      if (value instanceof Temp t && (seen != null ? !seen.get(t.index())
          : !contains(temps, count, t.index()))) {
        if (seen != null) {
          seen.set(t.index());
        }
        temps[count++] = t.index();
      }
    }
    return count == temps.length ? temps : Arrays.copyOf(temps, count);
  }

  private static boolean contains(int[] values, int count, int value) {
    for (int i = 0; i < count; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }
}
