package org.symgrad.compiler.lower;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.lower.Value.Temp;

/**
 * One try of {@link LaneRoller}: the units a chain's terms seed, checked to be alike and put
 * into loops, or null.
 */
final class Lanes {
  private final LaneRoller roller;
  private final List<Temp> roots;
  private final Set<Instr> absorbed;
  private final Temp chainTop;
  private final int n;
  private final Map<Instr, Integer> laneOf = new IdentityHashMap<>();
  private final Map<Integer, Integer> laneOfTemp = new HashMap<>();
  private final Map<Integer, Integer> placeOfTemp = new HashMap<>(); // place in its lane
  private final List<List<Instr>> lanes = new ArrayList<>();
  // The step of each moving load, by place in the lane and argument: 0 for none.
  private final Map<Long, Integer> strides = new HashMap<>();

  Lanes(LaneRoller roller, List<Temp> roots, List<Instr.Compute> absorbed, Temp chainTop) {
    this.roller = roller;
    this.roots = roots;
    this.absorbed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    this.absorbed.addAll(absorbed);
    this.chainTop = chainTop;
    this.n = roots.size();
  }

  @Nullable Kernel rolled() {
    if (!claim() || !alike()) {
      return null;
    }
    return build();
  }

  // Term k is unit k's; so is what reads unit k's values and no other's, and a computation
  // of the body that only unit k's instructions read.
  private boolean claim() {
    // What each term is computed from, in the body, when no other term needs it too.
    // A term is no larger than the Reroller matches (Reroller.MAX_STEPS).
    Map<Instr, Integer> cones = new IdentityHashMap<>();
    for (int k = 0; k < n; k++) {
      List<Instr> stack = new ArrayList<>(List.of(roller.definition(roots.get(k).index())));
      int steps = 0;
      while (!stack.isEmpty()) {
        Instr instr = stack.remove(stack.size() - 1);
        Integer owner = cones.get(instr);
        if (owner != null) {
          if (owner != k) {
            cones.put(instr, -1);
          }
          continue;
        }
        cones.put(instr, k);
        if (++steps > Reroller.MAX_STEPS) {
          return false;
        }
        for (Value value : Instr.operands(instr)) {
          if (value instanceof Temp t && roller.inBody(t.index())
              && roller.definition(t.index()) instanceof Instr.Compute c
              && !absorbed.contains(c)) {
            stack.add(c);
          }
        }
      }
    }
    cones.forEach((instr, k) -> {
      if (k >= 0) {
        laneOf.put(instr, k);
      }
    });
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Instr instr : roller.body()) {
        if (laneOf.containsKey(instr) || absorbed.contains(instr)
            || !(instr instanceof Instr.Compute || instr instanceof Instr.Accumulate)) {
          continue;
        }
        int lane = -1;
        boolean several = false;
        for (Value value : Instr.operands(instr)) {
          Integer k = value instanceof Temp t ? laneOf(t) : null;
          if (k != null) {
            several |= lane >= 0 && lane != k;
            lane = k;
          }
        }
        if (lane < 0 && instr instanceof Instr.Compute c) {
          List<Instr> readBy = roller.readers(c.to().index());
          if (!readBy.isEmpty() && readBy.size() == roller.reads(c.to().index())) {
            Integer first = laneOf.get(readBy.get(0));
            if (first != null && readBy.stream().allMatch(r -> first.equals(laneOf.get(r)))) {
              lane = first;
            }
          }
        }
        if (lane >= 0 && !several) {
          laneOf.put(instr, lane);
          changed = true;
        }
      }
    }
    for (int k = 0; k < n; k++) {
      lanes.add(new ArrayList<>());
    }
    for (Instr instr : roller.body()) {
      Integer k = laneOf.get(instr);
      if (k != null) {
        Temp to = Instr.defined(instr);
        if (to != null) {
          laneOfTemp.put(to.index(), k);
          placeOfTemp.put(to.index(), lanes.get(k).size());
        }
        lanes.get(k).add(instr);
      }
    }
    return true;
  }

  private @Nullable Integer laneOf(Temp temp) {
    Instr definition = roller.definition(temp.index());
    return definition == null || !roller.inBody(temp.index()) ? null : laneOf.get(definition);
  }

  // Every unit the same instructions as unit 0, up to loads and sums whose indices progress.
  private boolean alike() {
    int size = lanes.get(0).size();
    if (lanes.stream().anyMatch(lane -> lane.size() != size)) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      Instr first = lanes.get(0).get(i);
      for (int k = 1; k < n; k++) {
        Instr other = lanes.get(k).get(i);
        if (!alike(first, other, i, k)) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean alike(Instr first, Instr other, int place, int k) {
    if (first instanceof Instr.Compute a && other instanceof Instr.Compute b) {
      if (a.operation() != b.operation()) {
        return false;
      }
      for (int arg = 0; arg < a.args().size(); arg++) {
        if (!alike(a.args().get(arg), b.args().get(arg), place, arg, k)) {
          return false;
        }
      }
      return true;
    }
    if (first instanceof Instr.Accumulate a && other instanceof Instr.Accumulate b) {
      Integer p0 = roller.position(a.sum());
      Integer pk = roller.position(b.sum());
      if (p0 == null || pk == null) {
        return false;
      }
      int stride = k == 1 ? b.sum().index() - a.sum().index()
          : strides.getOrDefault(key(place, -1), 0);
      strides.put(key(place, -1), stride);
      return stride > 0 && b.sum().index() == a.sum().index() + stride * k
          && pk == p0 + stride * k && alike(a.value(), b.value(), place, 0, k);
    }
    return false;
  }

  private boolean alike(Value a, Value b, int place, int arg, int k) {
    if (a instanceof Value.Literal x) {
      return b instanceof Value.Literal y
          && Double.doubleToRawLongBits(x.value()) == Double.doubleToRawLongBits(y.value());
    }
    if (!(a instanceof Temp x) || !(b instanceof Temp y)) {
      return false;
    }
    Integer laneA = laneOfTemp.get(x.index());
    Integer laneB = laneOfTemp.get(y.index());
    if (laneA != null || laneB != null) {
      return laneA != null && laneA == 0 && laneB != null && laneB == k
          && placeOfTemp.get(x.index()).equals(placeOfTemp.get(y.index()));
    }
    int index0 = loadIndex(x);
    int indexK = loadIndex(y);
    boolean sameKind = index0 >= 0 && indexK >= 0 && roller.definition(x.index()).getClass()
        == roller.definition(y.index()).getClass();
    long key = key(place, arg);
    if (k == 1) {
      strides.put(key, x.index() == y.index() ? 0 : sameKind ? indexK - index0 : -1);
    }
    int stride = strides.getOrDefault(key, -1);
    if (stride == 0) {
      return x.index() == y.index() && !(absorbedTemp(x));
    }
    return stride > 0 && sameKind && indexK == index0 + stride * k;
  }

  private boolean absorbedTemp(Temp temp) {
    return absorbed.contains(roller.definition(temp.index()));
  }

  private int loadIndex(Temp temp) {
    Instr definition = roller.definition(temp.index());
    if (definition instanceof Instr.LoadParam p) {
      return p.index();
    } else if (definition instanceof Instr.LoadColumn c) {
      return c.column();
    }
    return -1;
  }

  private static long key(int place, int arg) {
    return ((long) place << 8) | (arg + 1);
  }

  // Phases, then the new body: the shared code of each level, then the loop of that phase.
  private @Nullable Kernel build() {
    // Moving code across the loops reorders additions only if two of them share a sum.
    Set<Accumulator> written = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Instr instr : roller.body()) {
      if (instr instanceof Instr.Accumulate a && !written.add(a.sum())
          || instr instanceof Instr.Loop loop
              && loop.body().stream().anyMatch(Instr.AccumulateAt.class::isInstance)) {
        return null;
      }
    }
    int size = lanes.get(0).size();
    int[] phase = new int[size];
    Map<Integer, Integer> level = new HashMap<>();
    int termPlace = placeOfTemp.get(roots.get(0).index());
    Map<Instr, Integer> sharedLevel = new IdentityHashMap<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Instr instr : roller.body()) {
        if (absorbed.contains(instr)) {
          continue;
        }
        Integer lane = laneOf.get(instr);
        int at = 0;
        for (Value value : Instr.operands(instr)) {
          if (!(value instanceof Temp t)) {
            continue;
          }
          if (t.index() == chainTop.index()) {
            at = Math.max(at, phase[termPlace] + 1);
          } else if (laneOfTemp.containsKey(t.index())) {
            if (lane == null) {
              return null; // shared code reading one unit's value: not handled
            }
            at = Math.max(at, phase[placeOfTemp.get(t.index())]);
          } else if (absorbedTemp(t)) {
            return null;
          } else {
            at = Math.max(at, level.getOrDefault(t.index(), 0));
          }
        }
        if (lane == null) {
          Temp to = Instr.defined(instr);
          if (to != null && level.getOrDefault(to.index(), 0) < at) {
            level.put(to.index(), at);
            changed = true;
          }
          if (sharedLevel.getOrDefault(instr, 0) < at) {
            changed = true;
          }
          sharedLevel.put(instr, at);
        } else {
          int place = lanes.get(lane).indexOf(instr);
          if (phase[place] < at) {
            phase[place] = at;
            changed = true;
          }
        }
      }
    }
    int phases = 0;
    for (int p : phase) {
      phases = Math.max(phases, p + 1);
    }
    // A unit's value that a later phase reads goes through scratch.
    int base = roller.kernel().firstFreeSlot();
    int[] slot = new int[size];
    java.util.Arrays.fill(slot, -1);
    int slots = 0;
    for (int i = 0; i < size; i++) {
      for (Value value : Instr.operands(lanes.get(0).get(i))) {
        if (value instanceof Temp t && laneOfTemp.containsKey(t.index())) {
          int q = placeOfTemp.get(t.index());
          if (phase[q] < phase[i] && slot[q] < 0) {
            slot[q] = base + n * slots++;
          }
        }
      }
    }
    List<Instr> newBody = new ArrayList<>();
    for (int p = 0; p <= phases; p++) {
      for (Instr instr : roller.body()) {
        if (!laneOf.containsKey(instr) && !absorbed.contains(instr)
            && sharedLevel.getOrDefault(instr, 0) == p) {
          newBody.add(instr);
        }
      }
      Instr.Loop loop = p < phases ? loop(p, phase, slot, termPlace) : null;
      if (loop != null && !loop.body().isEmpty()) {
        newBody.add(loop);
      }
    }
    List<List<Instr>> sections = new ArrayList<>(List.of(roller.kernel().prologue(), newBody,
        roller.kernel().epilogue()));
    dropUnreadLoads(sections);
    Kernel kernel = roller.kernel();
    return new Kernel(kernel.kind(), sections.get(0), sections.get(1), sections.get(2),
        kernel.sums(), roller.temps(), List.of(), Math.max(1, base + n * slots));
  }

  private Instr.Loop loop(int p, int[] phase, int[] slot, int termPlace) {
    List<Instr> loopBody = new ArrayList<>();
    Map<Integer, Value> local = new HashMap<>();
    Map<String, Temp> loads = new HashMap<>();
    List<Instr> template = lanes.get(0);
    for (int i = 0; i < template.size(); i++) {
      if (phase[i] != p) {
        continue;
      }
      Instr instr = template.get(i);
      if (instr instanceof Instr.Compute c) {
        List<Value> args = new ArrayList<>();
        for (int arg = 0; arg < c.args().size(); arg++) {
          args.add(value(c.args().get(arg), i, arg, p, phase, slot, local, loads, loopBody));
        }
        Temp fresh = roller.fresh();
        loopBody.add(new Instr.Compute(fresh, c.operation(), args));
        local.put(c.to().index(), fresh);
        if (slot[i] >= 0) {
          loopBody.add(new Instr.StoreSlotAt(slot[i], fresh));
        }
      } else {
        Instr.Accumulate a = (Instr.Accumulate) instr;
        Value value = value(a.value(), i, 0, p, phase, slot, local, loads, loopBody);
        loopBody.add(new Instr.AccumulateAt(a.sum(), strides.get(key(i, -1)), value));
      }
    }
    if (phase[termPlace] == p) {
      return new Instr.Loop(chainTop, n, loopBody, local.get(roots.get(0).index()));
    }
    return new Instr.Loop(null, n, loopBody, null);
  }

  private Value value(Value value, int place, int arg, int p, int[] phase, int[] slot,
      Map<Integer, Value> local, Map<String, Temp> loads, List<Instr> loopBody) {
    if (!(value instanceof Temp t)) {
      return value;
    }
    if (laneOfTemp.containsKey(t.index())) {
      int q = placeOfTemp.get(t.index());
      if (phase[q] == p) {
        return local.get(t.index());
      }
      return loads.computeIfAbsent("slot " + q, x -> {
        Temp fresh = roller.fresh();
        loopBody.add(new Instr.LoadSlotAt(fresh, slot[q]));
        return fresh;
      });
    }
    int stride = strides.getOrDefault(key(place, arg), 0);
    if (stride == 0) {
      return t;
    }
    Instr definition = roller.definition(t.index());
    Instr.Index index = new Instr.Index(loadIndex(t), stride);
    boolean param = definition instanceof Instr.LoadParam;
    return loads.computeIfAbsent((param ? "param " : "column ") + index, x -> {
      Temp fresh = roller.fresh();
      loopBody.add(param ? new Instr.LoadParamAt(fresh, index)
          : new Instr.LoadColumnAt(fresh, index));
      return fresh;
    });
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
          .filter(instr -> !(instr instanceof Instr.LoadParam || instr instanceof Instr.LoadColumn)
              || read.get(Instr.defined(instr).index()))
          .toList());
    }
  }
}
