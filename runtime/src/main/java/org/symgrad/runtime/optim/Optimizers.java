package org.symgrad.runtime.optim;

import static org.symgrad.runtime.optim.Option.flag;
import static org.symgrad.runtime.optim.Option.integer;
import static org.symgrad.runtime.optim.Option.number;
import static org.symgrad.runtime.optim.Option.pair;
import static org.symgrad.runtime.optim.Option.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes optimizers by PyTorch class name and arguments given as text, as a command line has
 * them: {@code create("adamw", 2, Map.of("lr", "0.1", "betas", "0.9,0.999"))}.
 *
 * <p>Names and option names are PyTorch's; defaults are PyTorch 1.13's, except SGD's {@code lr},
 * which torch requires and which defaults to 0.01 here. Every refusal is an {@link
 * IllegalArgumentException} whose message can be shown to a user as it is.
 */
public final class Optimizers {
  private Optimizers() {}

  private interface Maker {
    Optimizer make(int size, Options options);
  }

  private record Entry(String name, List<Option> options, Maker maker) {}

  private static final List<Entry> ENTRIES =
      List.of(
          new Entry(
              "SGD",
              List.of(
                  number("lr", "0.01"),
                  number("momentum", "0"),
                  number("dampening", "0"),
                  number("weight_decay", "0"),
                  flag("nesterov", "false"),
                  flag("maximize", "false")),
              (n, o) ->
                  new SGD(
                      n,
                      o.number("lr"),
                      o.number("momentum"),
                      o.number("dampening"),
                      o.number("weight_decay"),
                      o.flag("nesterov"),
                      o.flag("maximize"))),
          new Entry("Adam", adamOptions("0"), Optimizers::adam),
          new Entry("AdamW", adamOptions("1e-2"), Optimizers::adamW),
          new Entry(
              "Adamax",
              List.of(
                  number("lr", "2e-3"),
                  pair("betas", "0.9,0.999"),
                  number("eps", "1e-8"),
                  number("weight_decay", "0"),
                  flag("maximize", "false")),
              (n, o) ->
                  new Adamax(
                      n,
                      o.number("lr"),
                      o.pair("betas")[0],
                      o.pair("betas")[1],
                      o.number("eps"),
                      o.number("weight_decay"),
                      o.flag("maximize"))),
          new Entry(
              "Adagrad",
              List.of(
                  number("lr", "1e-2"),
                  number("lr_decay", "0"),
                  number("weight_decay", "0"),
                  number("initial_accumulator_value", "0"),
                  number("eps", "1e-10"),
                  flag("maximize", "false")),
              (n, o) ->
                  new Adagrad(
                      n,
                      o.number("lr"),
                      o.number("lr_decay"),
                      o.number("weight_decay"),
                      o.number("initial_accumulator_value"),
                      o.number("eps"),
                      o.flag("maximize"))),
          new Entry(
              "Adadelta",
              List.of(
                  number("lr", "1.0"),
                  number("rho", "0.9"),
                  number("eps", "1e-6"),
                  number("weight_decay", "0"),
                  flag("maximize", "false")),
              (n, o) ->
                  new Adadelta(
                      n,
                      o.number("lr"),
                      o.number("rho"),
                      o.number("eps"),
                      o.number("weight_decay"),
                      o.flag("maximize"))),
          new Entry(
              "RMSprop",
              List.of(
                  number("lr", "1e-2"),
                  number("alpha", "0.99"),
                  number("eps", "1e-8"),
                  number("weight_decay", "0"),
                  number("momentum", "0"),
                  flag("centered", "false"),
                  flag("maximize", "false")),
              (n, o) ->
                  new RMSprop(
                      n,
                      o.number("lr"),
                      o.number("alpha"),
                      o.number("eps"),
                      o.number("weight_decay"),
                      o.number("momentum"),
                      o.flag("centered"),
                      o.flag("maximize"))),
          new Entry(
              "Rprop",
              List.of(
                  number("lr", "1e-2"),
                  pair("etas", "0.5,1.2"),
                  pair("step_sizes", "1e-6,50"),
                  flag("maximize", "false")),
              (n, o) ->
                  new Rprop(
                      n,
                      o.number("lr"),
                      o.pair("etas")[0],
                      o.pair("etas")[1],
                      o.pair("step_sizes")[0],
                      o.pair("step_sizes")[1],
                      o.flag("maximize"))),
          new Entry(
              "ASGD",
              List.of(
                  number("lr", "1e-2"),
                  number("lambd", "1e-4"),
                  number("alpha", "0.75"),
                  number("t0", "1e6"),
                  number("weight_decay", "0"),
                  flag("maximize", "false")),
              (n, o) ->
                  new ASGD(
                      n,
                      o.number("lr"),
                      o.number("lambd"),
                      o.number("alpha"),
                      o.number("t0"),
                      o.number("weight_decay"),
                      o.flag("maximize"))),
          new Entry(
              "NAdam",
              List.of(
                  number("lr", "2e-3"),
                  pair("betas", "0.9,0.999"),
                  number("eps", "1e-8"),
                  number("weight_decay", "0"),
                  number("momentum_decay", "4e-3")),
              (n, o) ->
                  new NAdam(
                      n,
                      o.number("lr"),
                      o.pair("betas")[0],
                      o.pair("betas")[1],
                      o.number("eps"),
                      o.number("weight_decay"),
                      o.number("momentum_decay"))),
          new Entry(
              "RAdam",
              List.of(
                  number("lr", "1e-3"),
                  pair("betas", "0.9,0.999"),
                  number("eps", "1e-8"),
                  number("weight_decay", "0")),
              (n, o) ->
                  new RAdam(
                      n,
                      o.number("lr"),
                      o.pair("betas")[0],
                      o.pair("betas")[1],
                      o.number("eps"),
                      o.number("weight_decay"))),
          new Entry(
              "LBFGS",
              List.of(
                  number("lr", "1"),
                  integer("max_iter", "20"),
                  Option.computed("max_eval", Option.Kind.OPTIONAL_INTEGER, "max_iter * 5 // 4"),
                  number("tolerance_grad", "1e-7"),
                  number("tolerance_change", "1e-9"),
                  integer("history_size", "100"),
                  text("line_search_fn", "None")),
              (n, o) ->
                  new LBFGS(
                      n,
                      o.number("lr"),
                      o.integer("max_iter"),
                      o.optionalInteger("max_eval"),
                      o.number("tolerance_grad"),
                      o.number("tolerance_change"),
                      o.integer("history_size"),
                      o.word("line_search_fn"))),
          new Entry(
              "SparseAdam",
              List.of(
                  number("lr", "1e-3"),
                  pair("betas", "0.9,0.999"),
                  number("eps", "1e-8"),
                  flag("maximize", "false")),
              (n, o) ->
                  new SparseAdam(
                      n,
                      o.number("lr"),
                      o.pair("betas")[0],
                      o.pair("betas")[1],
                      o.number("eps"),
                      o.flag("maximize"))));

  private static List<Option> adamOptions(String weightDecay) {
    return List.of(
        number("lr", "1e-3"),
        pair("betas", "0.9,0.999"),
        number("eps", "1e-8"),
        number("weight_decay", weightDecay),
        flag("amsgrad", "false"),
        flag("maximize", "false"));
  }

  private static Optimizer adam(int n, Options o) {
    double[] betas = o.pair("betas");
    return new Adam(
        n,
        o.number("lr"),
        betas[0],
        betas[1],
        o.number("eps"),
        o.number("weight_decay"),
        o.flag("amsgrad"),
        o.flag("maximize"));
  }

  private static Optimizer adamW(int n, Options o) {
    double[] betas = o.pair("betas");
    return new AdamW(
        n,
        o.number("lr"),
        betas[0],
        betas[1],
        o.number("eps"),
        o.number("weight_decay"),
        o.flag("amsgrad"),
        o.flag("maximize"));
  }

  /**
   * The optimizer PyTorch calls {@code name} (any case) over {@code parameterCount} parameters,
   * with {@code options} by PyTorch's argument names, values as text ({@code "0.9,0.999"},
   * {@code "true"}, {@code "None"}); {@code lr} is an option like the others.
   *
   * @throws IllegalArgumentException for an unknown optimizer or option, a malformed value or
   *     one PyTorch refuses; the message says which and why
   */
  public static Optimizer create(String name, int parameterCount, Map<String, String> options) {
    if (parameterCount < 0) {
      throw new IllegalArgumentException("parameterCount " + parameterCount + " is negative");
    }
    Entry entry = entry(name);
    return entry.maker().make(parameterCount, Options.of(entry.name(), entry.options(), options));
  }

  /** The optimizers' names, as PyTorch spells them. */
  public static List<String> names() {
    return ENTRIES.stream().map(Entry::name).toList();
  }

  /** PyTorch's spelling of an optimizer's name given in any case: {@code "adamw"} → AdamW. */
  public static String canonicalName(String name) {
    return entry(name).name();
  }

  /** The optimizer's options in PyTorch's order, each with its default as text. */
  public static Map<String, String> options(String name) {
    Map<String, String> result = new LinkedHashMap<>();
    entry(name).options().forEach(option -> result.put(option.name(), option.display()));
    return java.util.Collections.unmodifiableMap(result);
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
        "Unknown optimizer '" + name + "'; known optimizers are " + String.join(", ", names()));
  }
}
