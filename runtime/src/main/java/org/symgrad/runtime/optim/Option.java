package org.symgrad.runtime.optim;

import org.jspecify.annotations.Nullable;

/**
 * One hyper-parameter of an optimizer or scheduler, declared once: its PyTorch name, its
 * {@link Kind}, its default as text ({@code null}: required) and torch's check with torch's
 * message. The rest is derived from the declaration: typed setters store through it, the
 * command line's text is read by its kind, {@code --help} and docs/optimizers.md list it. The
 * default goes through the same reader as a user's value, so a default can never disagree with
 * what the documentation shows.
 */
final class Option<T> {
  // PyTorch's spellings of the hyper-parameters several optimizers share, written here once:
  // the factories below declare them, OptimizerSpec's interfaces set them, BaseOptimizer reads
  // them.
  static final String LR = "lr";
  static final String EPS = "eps";
  static final String WEIGHT_DECAY = "weight_decay";
  static final String MAXIMIZE = "maximize";
  static final String BETAS = "betas";
  static final String MOMENTUM = "momentum";
  static final String AMSGRAD = "amsgrad";

  /** Torch's check of one value, throwing {@link IllegalArgumentException} with its message. */
  @FunctionalInterface
  interface Rule<T> {
    void check(String owner, String option, T value);
  }

  private final String name;
  private final Kind<T> kind;
  private final @Nullable String defaultText;
  private final String display;
  private final Rule<T> rule;
  // The default read once: every optimizer a fit makes asks for it, and reading a number's
  // text matches a pattern. Values of every kind are immutable, so one serves all.
  private final @Nullable T defaultValue;

  private Option(String name, Kind<T> kind, @Nullable String defaultText, String display,
      Rule<T> rule) {
    this.name = name;
    this.kind = kind;
    this.defaultText = defaultText;
    this.display = display;
    this.rule = rule;
    this.defaultValue = defaultText == null ? null : kind.read(defaultText);
  }

  static <T> Option<T> of(String name, Kind<T> kind, String defaultText, Rule<T> rule) {
    return new Option<>(name, kind, defaultText, defaultText, rule);
  }

  static <T> Option<T> unchecked(String name, Kind<T> kind, String defaultText) {
    return of(name, kind, defaultText, (owner, option, value) -> {});
  }

  /** An option without a default, which must be given. */
  static <T> Option<T> required(String name, Kind<T> kind, Rule<T> rule) {
    return new Option<>(name, kind, null, "required", rule);
  }

  /** torch's {@code None}, which the owner replaces by a value computed as {@code display} says. */
  static <T> Option<@Nullable T> computed(String name, Kind<@Nullable T> kind, String display,
      Rule<@Nullable T> rule) {
    return new Option<>(name, kind, "None", display, rule);
  }

  /** {@code if not 0.0 <= value: raise ValueError(what + ": {}")}. */
  static Option<Double> atLeastZero(String name, String defaultText, String what) {
    return of(name, Kind.NUMBER, defaultText, (owner, option, value) -> Check.atLeastZero(value,
        what));
  }

  static Option<Double> lr(String defaultText) {
    return of(LR, Kind.NUMBER, defaultText, (owner, option, value) -> Check.learningRate(value));
  }

  static Option<Double> eps(String defaultText) {
    return atLeastZero(EPS, defaultText, "Invalid epsilon value");
  }

  static Option<Double> weightDecay(String defaultText) {
    return atLeastZero(WEIGHT_DECAY, defaultText, "Invalid weight_decay value");
  }

  /** torch's {@code betas}, each a moving average's decay in [0, 1). */
  static Option<Pair> betas() {
    return of(BETAS, Kind.PAIR, "0.9,0.999", (owner, option, value) -> {
      Check.beta(value.first(), 0);
      Check.beta(value.second(), 1);
    });
  }

  static Option<Boolean> flag(String name) {
    return unchecked(name, Kind.FLAG, "false");
  }

  static Option<Boolean> maximize() {
    return flag(MAXIMIZE);
  }

  static Option<Boolean> amsgrad() {
    return flag(AMSGRAD);
  }

  /** torch's {@code momentum}, SGD's and RMSprop's, default 0. */
  static Option<Double> momentum() {
    return atLeastZero(MOMENTUM, "0", "Invalid momentum value");
  }

  /** A whole number that counts something, at least 1, where torch would fail or loop. */
  static Option<Integer> count(String name, String defaultText) {
    return of(name, Kind.INTEGER, defaultText,
        (owner, option, value) -> Check.positive(value, owner, option));
  }

  String name() {
    return name;
  }

  Kind<T> kind() {
    return kind;
  }

  /** The default as text, read like a user's value; null when the option is required. */
  @Nullable String defaultText() {
    return defaultText;
  }

  /** The default as documentation shows it: the text, "required", or how it is computed. */
  String display() {
    return display;
  }

  T check(String owner, T value) {
    rule.check(owner, name, value);
    return value;
  }

  /** Reads a user's text, refusing a malformed one with a message naming owner and option. */
  T read(String owner, String text) {
    try {
      return kind.read(text);
    } catch (Kind.Malformed e) {
      throw new IllegalArgumentException(owner + " option '" + name + "' must be "
          + kind.expected() + ", got '" + text.strip() + "'");
    }
  }

  T defaultValue(String owner) {
    if (defaultText == null) {
      throw new IllegalArgumentException(
          owner + " needs option '" + name + "' (" + kind.expected() + ")");
    }
    return defaultValue;
  }

  @Override
  public String toString() {
    return name + "=" + display;
  }
}
