package org.symgrad.runtime.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code --help} and docs/optimizers.md show of an owner's options. */
final class Declarations {
  private Declarations() {}

  /** Each option's default as documentation shows it, in PyTorch's order. */
  static Map<String, String> defaults(Settings settings) {
    Map<String, String> result = new LinkedHashMap<>();
    settings.options().forEach(option -> result.put(option.name(), option.display()));
    return Collections.unmodifiableMap(result);
  }
}
