package org.symgrad.runtime.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Makes lr schedulers by PyTorch class name and arguments given as text: {@code
 * create("MultiStepLR", Map.of("milestones", "[5,15]", "gamma", "0.1"), optimizer)}, or from a
 * command-line spec, {@code fromSpec("StepLR:step_size=10,gamma=0.5", optimizer)}.
 */
public final class Schedulers {
  private Schedulers() {}

  private static final Option<Double> GAMMA = Option.unchecked("gamma", Kind.NUMBER, "0.1");
  private static final Option<Integer> STEP_SIZE =
      Option.required("step_size", Kind.INTEGER, (owner, option, value) -> {});
  private static final Option<List<Integer>> MILESTONES =
      Option.required("milestones", Kind.INTEGER_LIST, (owner, option, value) -> {});
  private static final Option<Double> EXPONENTIAL_GAMMA =
      Option.required("gamma", Kind.NUMBER, (owner, option, value) -> {});
  private static final Option<Integer> T_MAX =
      Option.required("T_max", Kind.INTEGER, (owner, option, value) -> {});
  private static final Option<Double> ETA_MIN = Option.unchecked("eta_min", Kind.NUMBER, "0");
  private static final Option<@Nullable String> MODE =
      Option.unchecked("mode", Kind.WORD, "min");
  private static final Option<Double> FACTOR = Option.unchecked("factor", Kind.NUMBER, "0.1");
  private static final Option<Integer> PATIENCE =
      Option.unchecked("patience", Kind.INTEGER, "10");
  private static final Option<Double> THRESHOLD =
      Option.unchecked("threshold", Kind.NUMBER, "1e-4");
  private static final Option<@Nullable String> THRESHOLD_MODE =
      Option.unchecked("threshold_mode", Kind.WORD, "rel");
  private static final Option<Integer> COOLDOWN =
      Option.unchecked("cooldown", Kind.INTEGER, "0");
  private static final Option<Double> MIN_LR = Option.unchecked("min_lr", Kind.NUMBER, "0");
  private static final Option<Double> EPS = Option.unchecked("eps", Kind.NUMBER, "1e-8");

  private static final Registry<SchedulerSpec> REGISTRY = Registry.of("scheduler", List.of(
      spec("StepLR", List.of(STEP_SIZE, GAMMA),
          (o, s) -> new StepLR(o, s.get(STEP_SIZE), s.get(GAMMA))),
      spec("MultiStepLR", List.of(MILESTONES, GAMMA), (o, s) -> new MultiStepLR(o,
          s.get(MILESTONES).stream().mapToInt(Integer::intValue).toArray(), s.get(GAMMA))),
      spec("ExponentialLR", List.of(EXPONENTIAL_GAMMA),
          (o, s) -> new ExponentialLR(o, s.get(EXPONENTIAL_GAMMA))),
      spec("CosineAnnealingLR", List.of(T_MAX, ETA_MIN),
          (o, s) -> new CosineAnnealingLR(o, s.get(T_MAX), s.get(ETA_MIN))),
      spec("ReduceLROnPlateau", List.of(MODE, FACTOR, PATIENCE, THRESHOLD, THRESHOLD_MODE,
          COOLDOWN, MIN_LR, EPS), (o, s) -> new ReduceLROnPlateau(o,
              String.valueOf(s.get(MODE)), s.get(FACTOR), s.get(PATIENCE), s.get(THRESHOLD),
              String.valueOf(s.get(THRESHOLD_MODE)), s.get(COOLDOWN), s.get(MIN_LR),
              s.get(EPS)))),
      SchedulerSpec::name);

  private static SchedulerSpec spec(String name, List<Option<?>> options,
      BiFunction<Optimizer, Settings, LrScheduler> maker) {
    return new SchedulerSpec(Settings.of(name, options), maker);
  }

  /**
   * The scheduler PyTorch calls {@code name} (any case) over {@code optimizer}, with {@code
   * args} by PyTorch's argument names, values as text (lists as {@code [5,15]}).
   *
   * @throws IllegalArgumentException for an unknown scheduler or option, a missing or malformed
   *     value, or one PyTorch refuses; the message says which and why
   */
  public static LrScheduler create(String name, Map<String, String> args, Optimizer optimizer) {
    return spec(name, args).create(optimizer);
  }

  /** The spec {@link #create} makes its scheduler from: the same name and arguments. */
  public static SchedulerSpec spec(String name, Map<String, String> args) {
    return REGISTRY.get(name).withOptions(args);
  }

  /** The lookup by name: names, spellings and suggestions, as {@link Optimizers#registry()}. */
  public static Registry<SchedulerSpec> registry() {
    return REGISTRY;
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
        colon < 0 ? Map.of() : parseArguments(REGISTRY.get(name).name(), spec.substring(colon + 1));
    return create(name, args, optimizer);
  }



  /** The scheduler's options in PyTorch's order, each with its default as text or "required". */
  public static Map<String, String> options(String name) {
    return Declarations.defaults(REGISTRY.get(name).settings());
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
  static List<Option<?>> optionSpecs(String name) {
    return REGISTRY.get(name).settings().options();
  }
}
