package org.symgrad.runtime.optim;

import static org.symgrad.runtime.optim.Option.number;
import static org.symgrad.runtime.optim.Option.required;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes lr schedulers by PyTorch class name and arguments given as text: {@code
 * create("MultiStepLR", Map.of("milestones", "[5,15]", "gamma", "0.1"), optimizer)}, or from a
 * command-line spec, {@code fromSpec("StepLR:step_size=10,gamma=0.5", optimizer)}.
 */
public final class Schedulers {
  private Schedulers() {}

  private interface Maker {
    LrScheduler make(Options options, Optimizer optimizer);
  }

  private record Entry(String name, List<Option> options, Maker maker) {}

  private static final List<Entry> ENTRIES =
      List.of(
          new Entry(
              "StepLR",
              List.of(required("step_size", Option.Kind.INTEGER), number("gamma", "0.1")),
              (o, opt) -> new StepLR(opt, o.integer("step_size"), o.number("gamma"))),
          new Entry(
              "MultiStepLR",
              List.of(required("milestones", Option.Kind.INTEGER_LIST), number("gamma", "0.1")),
              (o, opt) -> new MultiStepLR(opt, o.integers("milestones"), o.number("gamma"))),
          new Entry(
              "ExponentialLR",
              List.of(required("gamma", Option.Kind.NUMBER)),
              (o, opt) -> new ExponentialLR(opt, o.number("gamma"))),
          new Entry(
              "CosineAnnealingLR",
              List.of(required("T_max", Option.Kind.INTEGER), number("eta_min", "0")),
              (o, opt) -> new CosineAnnealingLR(opt, o.integer("T_max"), o.number("eta_min"))),
          new Entry(
              "ReduceLROnPlateau",
              List.of(
                  Option.text("mode", "min"),
                  number("factor", "0.1"),
                  Option.integer("patience", "10"),
                  number("threshold", "1e-4"),
                  Option.text("threshold_mode", "rel"),
                  Option.integer("cooldown", "0"),
                  number("min_lr", "0"),
                  number("eps", "1e-8")),
              (o, opt) ->
                  new ReduceLROnPlateau(
                      opt,
                      String.valueOf(o.word("mode")),
                      o.number("factor"),
                      o.integer("patience"),
                      o.number("threshold"),
                      String.valueOf(o.word("threshold_mode")),
                      o.integer("cooldown"),
                      o.number("min_lr"),
                      o.number("eps"))));

  /**
   * The scheduler PyTorch calls {@code name} (any case) over {@code optimizer}, with {@code
   * args} by PyTorch's argument names, values as text (lists as {@code [5,15]}).
   *
   * @throws IllegalArgumentException for an unknown scheduler or option, a missing or malformed
   *     value, or one PyTorch refuses; the message says which and why
   */
  public static LrScheduler create(String name, Map<String, String> args, Optimizer optimizer) {
    Entry entry = entry(name);
    return entry.maker().make(Options.of(entry.name(), entry.options(), args), optimizer);
  }

  /**
   * The scheduler a command line describes as {@code NAME} or {@code NAME:arg=value,…}, such
   * as {@code "MultiStepLR:milestones=[5,15],gamma=0.1"}: commas inside brackets or
   * parentheses belong to the value.
   */
  public static LrScheduler fromSpec(String spec, Optimizer optimizer) {
    int colon = spec.indexOf(':');
    String name = colon < 0 ? spec : spec.substring(0, colon);
    Map<String, String> args =
        colon < 0 ? Map.of() : parseArguments(entry(name).name(), spec.substring(colon + 1));
    return create(name, args, optimizer);
  }

  /** The schedulers' names, as PyTorch spells them. */
  public static List<String> names() {
    return ENTRIES.stream().map(Entry::name).toList();
  }

  /** PyTorch's spelling of a scheduler's name given in any case. */
  public static String canonicalName(String name) {
    return entry(name).name();
  }

  /** The scheduler's options in PyTorch's order, each with its default as text or "required". */
  public static Map<String, String> options(String name) {
    Map<String, String> result = new LinkedHashMap<>();
    entry(name).options().forEach(option -> result.put(option.name(), option.display()));
    return Collections.unmodifiableMap(result);
  }

  private static Map<String, String> parseArguments(String scheduler, String text) {
    Map<String, String> args = new LinkedHashMap<>();
    for (String argument : splitTopLevel(text)) {
      if (argument.isBlank()) {
        continue;
      }
      int equals = argument.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException(
            scheduler
                + " argument '"
                + argument.strip()
                + "' must be written name=value, as in StepLR:step_size=10,gamma=0.5");
      }
      String key = argument.substring(0, equals).strip();
      if (args.put(key, argument.substring(equals + 1).strip()) != null) {
        throw new IllegalArgumentException(scheduler + " option '" + key + "' is given twice");
      }
    }
    return args;
  }

  /** Splits at commas that are not inside brackets or parentheses. */
  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  /** The option specs, for tests that compare defaults with torch's. */
  static List<Option> optionSpecs(String name) {
    return entry(name).options();
  }

  private static Entry entry(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (Entry entry : ENTRIES) {
      if (entry.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        return entry;
      }
    }
    throw new IllegalArgumentException(
        "Unknown scheduler '" + name + "'; known schedulers are " + String.join(", ", names()));
  }
}
