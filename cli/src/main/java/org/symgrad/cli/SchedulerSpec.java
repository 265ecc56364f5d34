package org.symgrad.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --scheduler "StepLR:step_size=10,gamma=0.5"}: PyTorch's class name, then its
 * arguments; a list value is written in brackets ({@code milestones=[5,15]}).
 */
record SchedulerSpec(String name, Map<String, String> arguments) {

  static SchedulerSpec parse(String text) {
    int colon = text.indexOf(':');
    String name = (colon < 0 ? text : text.substring(0, colon)).trim();
    if (name.isEmpty()) {
      throw new UsageException("--scheduler \"" + text + "\": expected a scheduler name, as in "
          + "\"StepLR:step_size=10,gamma=0.5\"");
    }
    Map<String, String> arguments = new LinkedHashMap<>();
    if (colon >= 0) {
      for (String pair : splitOutsideBrackets(text.substring(colon + 1), text)) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          throw new UsageException("--scheduler \"" + text + "\": '" + pair
              + "' is not name=value");
        }
        String key = pair.substring(0, equals).trim();
        if (arguments.put(key, pair.substring(equals + 1).trim()) != null) {
          throw new UsageException("--scheduler \"" + text + "\": " + key + " is given twice");
        }
      }
    }
    checkGamma(arguments.get("gamma"), text);
    return new SchedulerSpec(name, arguments);
  }

  // The runtime takes any gamma and the bad learning rate it makes is found epochs later,
  // blamed on the learning rate; a decay factor is checked here, by its name.
  private static void checkGamma(String gamma, String text) {
    if (gamma == null) {
      return;
    }
    double value;
    try {
      value = Double.parseDouble(gamma);
    } catch (NumberFormatException e) {
      throw new UsageException("--scheduler \"" + text + "\": gamma=" + gamma
          + " is not a number");
    }
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new UsageException("--scheduler \"" + text + "\": gamma=" + gamma + " must be a "
          + "finite number above 0: the factor the learning rate is multiplied by");
    }
  }

  private static java.util.List<String> splitOutsideBrackets(String arguments, String text) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    int depth = 0;
    StringBuilder part = new StringBuilder();
    for (char c : arguments.toCharArray()) {
      if (c == '[') {
        depth++;
      } else if (c == ']' && --depth < 0) {
        throw new UsageException("--scheduler \"" + text + "\": unbalanced ']'");
      }
      if (c == ',' && depth == 0) {
        parts.add(part.toString().trim());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    if (depth != 0) {
      throw new UsageException("--scheduler \"" + text + "\": unclosed '['");
    }
    if (!part.toString().isBlank()) {
      parts.add(part.toString().trim());
    }
    return parts;
  }
}
