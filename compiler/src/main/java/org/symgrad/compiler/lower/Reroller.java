package org.symgrad.compiler.lower;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.lower.Value.Temp;

/**
 * Rolls the runs the front end unrolled back into {@link Instr.Loop loops}. The parser writes
 * an index sum out as scalar code, {@code ((w0·x0 + w1·x1) + w2·x2) + …}, and differentiation
 * then gives one sum and one gradient per element; a 10 000-feature model is 2 MB of such code.
 * Two shapes are rolled, wherever at least {@code minRun} instances follow one another:
 *
 * <ul>
 *   <li>a chain of additions whose terms are the same expression up to the indices of the
 *       parameters, columns and sums they read ({@code w[j] · x[j]}): a sum loop;
 *   <li>consecutive sums, gradient stores or sum stores ({@code s1 += r·x0}, {@code s2 += r·x1},
 *       …) whose indices and values progress alike: a loop of indexed sinks.
 * </ul>
 *
 * <p>A term is matched as a small tree: operations whose result nothing else reads are taken
 * into the loop, loads become indexed loads, anything else must be the very same value in every
 * instance. The loop runs the same operations on the same operands in the same order as the
 * straight-line code did, so the results are the same bits; loads of parameters, columns or
 * sums that no one reads any more are dropped.
 */
final class Reroller {
  /** Runs shorter than this stay straight-line code, which is faster for a few elements. */
  static final int DEFAULT_MIN_RUN = 16;
  /** No runs are rolled: the straight-line kernel, for tests comparing the two. */
  static final int NEVER = Integer.MAX_VALUE;
  // Terms larger than this are not matched: it bounds the work and the depth of the walk.
  private static final int MAX_STEPS = 64;

  private enum Kind { LITERAL, INVARIANT, PARAM, COLUMN, SUM, COMPUTE }

  /**
   * One node of a term, in post-order. {@code index} is a load's parameter, column or sum
   * number; {@code position} a sum's place in the kernel's sums (-1 when it has none).
   */
  private record Step(Kind kind, @Nullable Value value, @Nullable Operation operation,
      int[] args, int index, int position, @Nullable Accumulator sum) {}

  /** A term: its steps, the last its value, and the instructions only it reads. */
  private record Term(List<Step> steps, List<Instr> consumed) {}

  private final Kernel kernel;
  private final int minRun;
  private final Map<Accumulator, Integer> positions = new IdentityHashMap<>();
  private int temps;
  private boolean sumsByIndex;
  // Indexed by temporary, for the sections as they stand; rebuilt between passes.
  private Instr[] definitions;
  private int[] sectionOf;
  private int[] readers;
  // What the loops of the section being rolled have taken already: no instruction goes twice.
  private Set<Instr> taken = identitySet();

  private Reroller(Kernel kernel, int minRun) {
    this.kernel = kernel;
    this.minRun = Math.max(2, minRun);
    this.temps = kernel.temps();
    for (int i = 0; i < kernel.sums().size(); i++) {
      positions.put(kernel.sums().get(i), i);
    }
  }

  /** {@code kernel} with its runs of at least {@code minRun} instances rolled into loops. */
  static Kernel reroll(Kernel kernel, int minRun) {
    if (minRun == NEVER || kernel.isSplit() || tooShortToRoll(kernel, minRun)) {
      return kernel;
    }
    return new Reroller(kernel, minRun).run();
  }

  // A run of n instances is at least n - 1 instructions of one section (a chain's additions,
  // or n sinks): a kernel whose every section is shorter has none, and most models' kernels
  // are that short, so they skip the indexing below.
  private static boolean tooShortToRoll(Kernel kernel, int minRun) {
    int shortest = Math.max(2, minRun) - 1;
    return kernel.prologue().size() < shortest && kernel.body().size() < shortest
        && kernel.epilogue().size() < shortest;
  }

  private Kernel run() {
    List<List<Instr>> sections = new ArrayList<>(
        List.of(kernel.prologue(), kernel.body(), kernel.epilogue()));
    index(sections);
    for (int s = 0; s < sections.size(); s++) {
      sections.set(s, rollChains(sections.get(s), s));
    }
    // Sums are read by index only where they live in an array: the scratch array, once the
    // body adds to them by index, or finish's sums argument.
    index(sections);
    sections.set(KernelBuilder.BODY, rollSinks(sections.get(KernelBuilder.BODY),
        KernelBuilder.BODY));
    boolean scratch = kernel.kind() != Kernel.Kind.FINISH && sections.get(KernelBuilder.BODY)
        .stream().anyMatch(Reroller::addsByIndex);
    sumsByIndex = scratch || kernel.kind() == Kernel.Kind.FINISH;
    // No new index: what the body pass changed, the other sections' terms never reach.
    for (int s : new int[] {KernelBuilder.PROLOGUE, KernelBuilder.EPILOGUE}) {
      sections.set(s, rollSinks(sections.get(s), s));
    }
    dropUnreadLoads(sections);
    return kernel.rewritten(sections.get(0), sections.get(1), sections.get(2), temps, List.of(),
        scratch ? Math.max(1, Kernel.LANES * kernel.sums().size()) : 0, 0);
  }

  private static boolean addsByIndex(Instr instr) {
    return InstrType.of(instr) == InstrType.LOOP && Instr.nested(instr).stream()
        .anyMatch(i -> InstrType.of(i) == InstrType.ACCUMULATE_AT);
  }

  // ((a0 + a1) + a2) + … with a0, a1, … one term up to indices: the longest such prefix of
  // every chain, when long enough, becomes a sum loop defining the chain's node that ends it.
  private List<Instr> rollChains(List<Instr> section, int s) {
    Set<Instr> inner = identitySet();
    for (Instr instr : section) {
      Instr below = chainBelow(instr, s);
      if (below != null) {
        inner.add(below);
      }
    }
    Map<Instr, Instr> loops = new IdentityHashMap<>();
    taken = identitySet();
    for (Instr instr : section) {
      if (!isAdd(instr) || inner.contains(instr) || taken.contains(instr)) {
        continue;
      }
      List<Instr.Compute> nodes = new ArrayList<>(); // from the top down
      for (Instr node = instr; node != null; node = chainBelow(node, s)) {
        nodes.add((Instr.Compute) node);
      }
      List<Value> terms = new ArrayList<>();
      terms.add(nodes.get(nodes.size() - 1).args().get(0));
      for (int k = nodes.size() - 1; k >= 0; k--) {
        terms.add(nodes.get(k).args().get(1));
      }
      List<Term> run = run(terms, s);
      if (run.size() < minRun) {
        continue;
      }
      Instr.Compute last = nodes.get(nodes.size() - run.size() + 1); // adds terms 0 … n-1
      List<Instr> body = new ArrayList<>();
      Value term = template(run, body);
      loops.put(last, new Instr.Loop(last.to(), run.size(), body, term));
      for (int k = nodes.size() - run.size() + 1; k < nodes.size(); k++) {
        taken.add(nodes.get(k));
      }
      run.forEach(t -> taken.addAll(t.consumed()));
    }
    return rebuilt(section, loops, taken);
  }

  // The add that instr's first operand is, when it is a link of the same chain: an add of
  // this section that only instr reads.
  private @Nullable Instr chainBelow(Instr instr, int s) {
    if (!isAdd(instr) || !(((Instr.Compute) instr).args().get(0) instanceof Temp t)) {
      return null;
    }
    Instr below = definitions[t.index()];
    return isAdd(below) && sectionOf[t.index()] == s && readers[t.index()] == 1 ? below : null;
  }

  private static boolean isAdd(@Nullable Instr instr) {
    return instr != null && InstrType.of(instr) == InstrType.COMPUTE
        && ((Instr.Compute) instr).operation() == Operation.ADD;
  }

  // Consecutive sinks of one kind whose places and values progress alike become a loop.
  private List<Instr> rollSinks(List<Instr> section, int s) {
    Map<Instr, Instr> loops = new IdentityHashMap<>();
    taken = identitySet();
    int from = 0;
    while (from < section.size()) {
      Value value = Sink.valueOf(section.get(from));
      Term first = value == null ? null : term(value, s);
      List<Term> run = new ArrayList<>();
      if (first != null) {
        run.add(first);
        int[] strides = null;
        for (int to = from + 1; to < section.size(); to++) {
          Instr sink = section.get(to);
          if (!Sink.sameKind(section.get(from), sink)
              || !progresses(section.get(from), section.get(from + 1), sink, to - from)) {
            break;
          }
          Term next = term(Sink.valueOf(sink), s);
          if (next == null || !sameShape(first, next)) {
            break;
          }
          strides = strides == null ? strides(first, next) : strides;
          if (strides == null || !progresses(first, next, strides, to - from)) {
            break;
          }
          run.add(next);
        }
      }
      if (run.size() >= minRun) {
        List<Instr> body = new ArrayList<>();
        Value term = template(run, body);
        body.add(Sink.indexed(section.get(from), section.get(from + 1), term));
        loops.put(section.get(from + run.size() - 1),
            new Instr.Loop(null, run.size(), body, null));
        for (int i = from; i < from + run.size(); i++) {
          taken.add(section.get(i));
        }
        run.forEach(t -> taken.addAll(t.consumed()));
      }
      from += Math.max(1, run.size());
    }
    return rebuilt(section, loops, taken);
  }

  // Whether sink `at`, instance k, writes where the first two set the step: sums also by place.
  private boolean progresses(Instr first, Instr second, Instr at, int k) {
    Sink s0 = Sink.of(first);
    Sink s1 = Sink.of(second);
    Sink sk = Sink.of(at);
    int stride = s1.place() - s0.place();
    boolean placed = stride > 0 && sk.place() == s0.place() + stride * k;
    return switch (s0.kind()) {
      case ACCUMULATE -> placed
          && positions.get(s1.sum()) - positions.get(s0.sum()) == stride
          && positions.get(sk.sum()) == positions.get(s0.sum()) + stride * k;
      case STORE_GRADIENT, STORE_SUM -> placed;
    };
  }

  /** The longest prefix of {@code values} that are one term up to progressing indices. */
  private List<Term> run(List<Value> values, int s) {
    List<Term> run = new ArrayList<>();
    Term first = term(values.get(0), s);
    if (first == null || values.size() < minRun) {
      return run;
    }
    run.add(first);
    int[] strides = null;
    for (int k = 1; k < values.size(); k++) {
      Term next = term(values.get(k), s);
      if (next == null || !sameShape(first, next)) {
        break;
      }
      if (strides == null) {
        strides = strides(first, next);
        if (strides == null) {
          break;
        }
      } else if (!progresses(first, next, strides, k)) {
        break;
      }
      run.add(next);
    }
    return run;
  }

  private static boolean sameShape(Term a, Term b) {
    if (a.steps().size() != b.steps().size()) {
      return false;
    }
    for (int i = 0; i < a.steps().size(); i++) {
      Step x = a.steps().get(i);
      Step y = b.steps().get(i);
      boolean same = x.kind() == y.kind() && switch (x.kind()) {
        case LITERAL -> Double.doubleToRawLongBits(((Value.Literal) x.value()).value())
            == Double.doubleToRawLongBits(((Value.Literal) y.value()).value());
        case INVARIANT -> ((Temp) x.value()).index() == ((Temp) y.value()).index();
        case COMPUTE -> x.operation() == y.operation()
            && java.util.Arrays.equals(x.args(), y.args());
        case PARAM, COLUMN -> true;
        case SUM -> (x.position() < 0) == (y.position() < 0);
      };
      if (!same) {
        return false;
      }
    }
    return true;
  }

  // Each load's step from the first instance to the second; null when sums would move by
  // one step in number and another in place.
  private static int @Nullable [] strides(Term first, Term second) {
    int[] strides = new int[first.steps().size()];
    for (int i = 0; i < strides.length; i++) {
      Step a = first.steps().get(i);
      Step b = second.steps().get(i);
      strides[i] = b.index() - a.index();
      if (strides[i] < 0) { // indices that fall are not written; nothing makes them
        return null;
      }
      if (a.kind() == Kind.SUM && a.position() >= 0
          && b.position() - a.position() != strides[i]) {
        return null;
      }
    }
    return strides;
  }

  private static boolean progresses(Term first, Term next, int[] strides, int k) {
    for (int i = 0; i < strides.length; i++) {
      Step a = first.steps().get(i);
      Step b = next.steps().get(i);
      if (b.index() != a.index() + strides[i] * k || (a.kind() == Kind.SUM
          && a.position() >= 0 && b.position() != a.position() + strides[i] * k)) {
        return false;
      }
    }
    return true;
  }

  /** The term {@code value} is in section {@code s}, or null when it is too large to roll. */
  private @Nullable Term term(Value value, int s) {
    List<Step> steps = new ArrayList<>();
    List<Instr> consumed = new ArrayList<>();
    Map<Integer, Integer> seen = new java.util.HashMap<>();
    return walk(value, s, steps, consumed, seen, 0) < 0 ? null : new Term(steps, consumed);
  }

  // Adds value's steps after its operands'; returns its step, or -1 when the term is too big
  // (in steps, or in depth: the walk must not overflow the stack on a deep expression).
  private int walk(Value value, int s, List<Step> steps, List<Instr> consumed,
      Map<Integer, Integer> seen, int depth) {
    if (steps.size() >= MAX_STEPS || depth >= MAX_STEPS) {
      return -1;
    }
    if (!(value instanceof Temp temp)) {
      return add(steps, new Step(Kind.LITERAL, value, null, new int[0], 0, -1, null));
    }
    Integer known = seen.get(temp.index());
    if (known != null) {
      return known;
    }
    Instr definition = definitions[temp.index()];
    Step step = switch (definition == null ? InstrType.RETURN : InstrType.of(definition)) {
      case LOAD_PARAM -> new Step(Kind.PARAM, temp, null, new int[0],
          ((Instr.LoadParam) definition).index(), -1, null);
      case LOAD_COLUMN -> new Step(Kind.COLUMN, temp, null, new int[0],
          ((Instr.LoadColumn) definition).column(), -1, null);
      case LOAD_SUM -> sumsByIndex ? sumStep(temp, ((Instr.LoadSum) definition).sum())
          : invariant(temp);
      case COMPUTE -> readers[temp.index()] == 1 && sectionOf[temp.index()] == s
          ? computeStep(temp, (Instr.Compute) definition, s, steps, consumed, seen, depth)
          : invariant(temp);
      // What else defines a temporary is the same for every j of a loop: an invariant.
      case LOAD_ROW_COUNT, ACCUMULATE, STORE_GRADIENT, STORE_SUM, STORE_OUTPUT, CALL, SPILL,
          RELOAD, RETURN, LOOP, LOAD_PARAM_AT, LOAD_COLUMN_AT, LOAD_SUM_AT, ACCUMULATE_AT,
          STORE_GRADIENT_AT, STORE_SUM_AT, ROW_LOOP, SET_SUM_AT, LOAD_ROW_SLOT, STORE_ROW_SLOT,
          ACCUMULATE_ROW_SLOT -> invariant(temp);
    };
    if (step == null) {
      return -1;
    }
    int at = add(steps, step);
    seen.put(temp.index(), at);
    return at;
  }

  private Step sumStep(Temp temp, Accumulator sum) {
    Integer position = positions.get(sum);
    return new Step(Kind.SUM, temp, null, new int[0], sum.index(),
        position == null ? -1 : position, sum);
  }

  // The compute's step after its operands', or null when one of them cannot be a step.
  private @Nullable Step computeStep(Temp temp, Instr.Compute c, int s, List<Step> steps,
      List<Instr> consumed, Map<Integer, Integer> seen, int depth) {
    if (taken.contains(c)) {
      return null;
    }
    int[] args = new int[c.args().size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = walk(c.args().get(i), s, steps, consumed, seen, depth + 1);
      if (args[i] < 0) {
        return null;
      }
    }
    consumed.add(c);
    return new Step(Kind.COMPUTE, temp, c.operation(), args, 0, -1, null);
  }

  private static Step invariant(Temp temp) {
    return new Step(Kind.INVARIANT, temp, null, new int[0], 0, -1, null);
  }

  private static int add(List<Step> steps, Step step) {
    steps.add(step);
    return steps.size() - 1;
  }

  // The loop body computing the run's term for index j; returns the term's value. A load
  // whose index does not move reads the first instance's temporary, which stays.
  private Value template(List<Term> run, List<Instr> body) {
    Term first = run.get(0);
    int[] strides = strides(first, run.get(1));
    Value[] values = new Value[first.steps().size()];
    for (int i = 0; i < values.length; i++) {
      Step step = first.steps().get(i);
      boolean moves = strides[i] != 0;
      Temp fresh = new Temp(temps, null);
      switch (step.kind()) {
        case LITERAL, INVARIANT -> values[i] = step.value();
        case PARAM -> values[i] = moves ? fresh : step.value();
        case COLUMN -> values[i] = moves ? fresh : step.value();
        case SUM -> values[i] = moves ? fresh : step.value();
        case COMPUTE -> values[i] = fresh;
      }
      if (values[i] != fresh) {
        continue;
      }
      temps++;
      Instr.Index index = new Instr.Index(step.index(), strides[i]);
      body.add(switch (step.kind()) {
        case PARAM -> new Instr.LoadParamAt(fresh, index);
        case COLUMN -> new Instr.LoadColumnAt(fresh, index);
        case SUM -> new Instr.LoadSumAt(fresh, step.sum(), strides[i]);
        default -> {
          List<Value> args = new ArrayList<>();
          for (int arg : step.args()) {
            args.add(values[arg]);
          }
          yield new Instr.Compute(fresh, step.operation(), args);
        }
      });
    }
    return values[values.length - 1];
  }

  private static List<Instr> rebuilt(List<Instr> section, Map<Instr, Instr> loops,
      Set<Instr> removed) {
    if (loops.isEmpty()) {
      return section;
    }
    List<Instr> result = new ArrayList<>();
    for (Instr instr : section) {
      Instr loop = loops.get(instr);
      if (loop != null) {
        result.add(loop);
      } else if (!removed.contains(instr)) {
        result.add(instr);
      }
    }
    return result;
  }

  // Who defines and who reads each temporary, as the sections now stand.
  private void index(List<List<Instr>> sections) {
    definitions = new Instr[kernel.temps()];
    sectionOf = new int[kernel.temps()];
    readers = new int[kernel.temps()];
    for (int s = 0; s < sections.size(); s++) {
      for (Instr instr : sections.get(s)) {
        Temp to = Instr.defined(instr);
        if (to != null) {
          definitions[to.index()] = instr;
          sectionOf[to.index()] = s;
        }
        for (int temp : Splitter.operands(instr)) {
          readers[temp]++;
        }
      }
    }
  }

  private static void dropUnreadLoads(List<List<Instr>> sections) {
    BitSet read = new BitSet();
    sections.forEach(section -> section.forEach(instr -> {
      for (int temp : Splitter.operands(instr)) {
        read.set(temp);
      }
    }));
    for (int s = 0; s < sections.size(); s++) {
      sections.set(s, sections.get(s).stream()
          .filter(i -> !InstrType.of(i).isLoad() || read.get(Instr.defined(i).index()))
          .toList());
    }
  }

  private static <T> Set<T> identitySet() {
    return java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  }
}
