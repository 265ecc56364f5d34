package org.symgrad.runtime.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The numbers in an optimizer's or a scheduler's state, each declared once under torch's name
 * with how to read it and how to restore it, so that saving and restoring follow from the
 * declarations, in declaration order.
 */
final class Counters {
  private record Counter(DoubleSupplier get, DoubleConsumer set) {}

  private final Map<String, Counter> counters = new LinkedHashMap<>();

  void add(String name, DoubleSupplier get, DoubleConsumer set) {
    counters.put(name, new Counter(get, set));
  }

  /** Each number's name and current value, in declaration order. */
  void save(BiConsumer<String, Double> into) {
    counters.forEach((name, counter) -> into.accept(name, counter.get().getAsDouble()));
  }

  /** Sets each number to {@code saved}'s value under its name. */
  void restore(ToDoubleFunction<String> saved) {
    counters.forEach((name, counter) -> counter.set().accept(saved.applyAsDouble(name)));
  }
}
