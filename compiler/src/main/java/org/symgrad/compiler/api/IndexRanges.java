package org.symgrad.compiler.api;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.symgrad.compiler.api.Expr.Kind;
import org.symgrad.compiler.api.Expr.Range;
import org.symgrad.compiler.model.IndexRules;
import org.symgrad.compiler.model.Shapes;

/**
 * The indices an {@link Expr} leaves free and those its sums bind, worked out as it is built,
 * with the checks a model file's index rules make: one range per index, a sum's index used in
 * its body and not bound again inside it, no expansion past {@link Shapes#MAX_ELEMENTS}.
 */
final class IndexRanges {
  private IndexRanges() {}

  /** The indices {@code e} leaves free, with their ranges; scalars share the empty map. */
  static Map<String, Range> free(Expr e) {
    List<Expr> inputs = e.inputs();
    switch (e.kind()) {
      case ELEMENT -> {
        Tensor array = e.tensor();
        List<Object> subscripts = e.subscripts();
        Map<String, Range> ranges = new LinkedHashMap<>();
        for (int d = 0; d < subscripts.size(); d++) {
          if (subscripts.get(d) instanceof Index i) {
            agree(ranges, i.name(), new Range(array.shape().get(d), e.leafText()));
          }
        }
        return ranges.isEmpty() ? Map.of() : ranges;
      }
      case SUM -> {
        Expr summed = e.body();
        String bound = e.index().name();
        // Whether it is declared is known only to the model: BuiltLine asks at build().
        if (IndexRules.refusal(summed.bound().contains(bound), false) != null) {
          throw new IllegalArgumentException("index '" + bound + "' is already bound by a sum"
              + " inside sum(" + bound + ", …); give one of them another name");
        }
        if (!summed.free().containsKey(bound)) {
          throw new IllegalArgumentException("index '" + bound + "' is not used in sum("
              + bound + ", " + summed + "), so its range is unknown: an index takes its range"
              + " from the arrays it indexes, as j in w[j]");
        }
        if (summed.free().size() == 1) {
          return Map.of();
        }
        Map<String, Range> rest = new LinkedHashMap<>(summed.free());
        rest.remove(bound);
        return rest;
      }
      case APPLY -> {
        if (inputs.size() == 1 || (inputs.get(0).free().isEmpty() && inputs.get(1).free().isEmpty())) {
          return inputs.get(0).free();
        }
        Map<String, Range> ranges = new LinkedHashMap<>(inputs.get(0).free());
        inputs.get(1).free().forEach((i, range) -> agree(ranges, i, range));
        long size = 1;
        for (Range range : ranges.values()) {
          size *= range.extent();
        }
        if (size > Shapes.MAX_ELEMENTS) {
          throw new IllegalArgumentException("this operation expands to " + size + " terms,"
              + " more than " + Shapes.MAX_ELEMENTS + ": symgrad writes index sums out term by"
              + " term; use fewer indices in one product");
        }
        return ranges;
      }
      default -> {
        return Map.of();
      }
    }
  }

  /** The indices that sums within {@code e} bind. */
  static Set<String> bound(Expr e) {
    List<Expr> inputs = e.inputs();
    if (e.kind() == Kind.SUM) {
      Set<String> all = new LinkedHashSet<>(e.body().bound());
      all.add(e.index().name());
      return all;
    }
    if (e.kind() != Kind.APPLY || inputs.stream().allMatch(i -> i.bound().isEmpty())) {
      return inputs.isEmpty() ? Set.of() : inputs.get(0).bound();
    }
    Set<String> all = new LinkedHashSet<>();
    inputs.forEach(i -> all.addAll(i.bound()));
    return all;
  }

  private static void agree(Map<String, Range> ranges, String index, Range range) {
    Range first = ranges.putIfAbsent(index, range);
    if (first != null && first.extent() != range.extent()) {
      throw new IllegalArgumentException("index '" + index + "' ranges over " + range.extent()
          + " in " + range.where() + " but over " + first.extent() + " in " + first.where()
          + ": an index has one range wherever it is used");
    }
  }
}
