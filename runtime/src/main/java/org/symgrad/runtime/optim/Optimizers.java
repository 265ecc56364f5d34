package org.symgrad.runtime.optim;

import java.util.List;
import java.util.Map;

/**
 * Optimizers by PyTorch class name and arguments given as text, as a command line has them:
 * {@code create("adamw", 2, Map.of("lr", "0.1", "betas", "0.9,0.999"))}. The text is read into
 * the typed specs of {@link Optim}, through the same declarations, so the two forms cannot
 * disagree.
 *
 * <p>Names and option names are PyTorch's; defaults are PyTorch 1.13's, except SGD's {@code lr},
 * which torch requires and which defaults to 0.01 here. Every refusal is an {@link
 * IllegalArgumentException} whose message can be shown to a user as it is.
 */
public final class Optimizers {
  private Optimizers() {}

  private static final Registry<OptimizerSpec<?>> REGISTRY = Registry.ofNames("optimizer",
      List.of("SGD", "Adam", "AdamW", "Adamax", "Adagrad", "Adadelta", "RMSprop", "Rprop",
          "ASGD", "NAdam", "RAdam", "LBFGS", "SparseAdam"),
      Optimizers::named);

  // A switch, not a list of the specs: a spec is its optimizer's class's constant, so listing
  // them all initialised all thirteen classes (and their option rules) for every fit, a tenth
  // of a short fit's main thread. Each name is the spec's own name() (OptimizersFactoryTest).
  private static OptimizerSpec<?> named(String name) {
    return switch (name) {
      case "SGD" -> Optim.sgd();
      case "Adam" -> Optim.adam();
      case "AdamW" -> Optim.adamW();
      case "Adamax" -> Optim.adamax();
      case "Adagrad" -> Optim.adagrad();
      case "Adadelta" -> Optim.adadelta();
      case "RMSprop" -> Optim.rmsprop();
      case "Rprop" -> Optim.rprop();
      case "ASGD" -> Optim.asgd();
      case "NAdam" -> Optim.nadam();
      case "RAdam" -> Optim.radam();
      case "LBFGS" -> Optim.lbfgs();
      case "SparseAdam" -> Optim.sparseAdam();
      default -> throw new IllegalArgumentException("no optimizer " + name);
    };
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
    return spec(name, options).create(parameterCount);
  }

  /** The typed spec {@link #create} makes its optimizer from: the same name and options. */
  public static OptimizerSpec<?> spec(String name, Map<String, String> options) {
    return REGISTRY.get(name).withOptions(options);
  }

  /**
   * The lookup by name, the one shape {@link Schedulers#registry()} has too: the names as
   * PyTorch spells them ({@code registry().names()}), a name's spelling ({@code
   * canonicalName("adamw")} → AdamW), and a union with other optimizers' names ({@link
   * Registry#plus}).
   */
  public static Registry<OptimizerSpec<?>> registry() {
    return REGISTRY;
  }

  /** The optimizer's options in PyTorch's order, each with its default as text. */
  public static Map<String, String> options(String name) {
    return Declarations.defaults(REGISTRY.get(name).settings());
  }

  /** The option declarations, for tests that compare defaults with torch's. */
  static List<Option<?>> optionSpecs(String name) {
    return REGISTRY.get(name).settings().options();
  }
}
