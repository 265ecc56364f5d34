package org.symgrad.runtime.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The hyper-parameter values of one optimizer or scheduler: an immutable value holding what
 * was set, each value checked by its {@link Option} as it is set, and the declared defaults
 * for the rest.
 */
final class Settings {
  private final String owner;
  private final List<Option<?>> options;
  private final Map<String, @Nullable Object> given; // by option name; a null is torch's None

  private Settings(String owner, List<Option<?>> options, Map<String, @Nullable Object> given) {
    this.owner = owner;
    this.options = options;
    this.given = given;
  }

  /** Every option at its default. */
  static Settings of(String owner, List<Option<?>> options) {
    return new Settings(owner, List.copyOf(options), Map.of());
  }

  /** PyTorch's class name of the owner. */
  String owner() {
    return owner;
  }

  /** The options in PyTorch's order. */
  List<Option<?>> options() {
    return options;
  }

  /** These settings with {@code option} set to {@code value}, which torch's check passed. */
  <T> Settings with(Option<T> option, T value) {
    if (!options.contains(option)) {
      throw new AssertionError(owner + " has no option " + option);
    }
    option.check(owner, value);
    Map<String, @Nullable Object> copy = new LinkedHashMap<>(given);
    copy.put(option.name(), value);
    return new Settings(owner, options, Collections.unmodifiableMap(copy));
  }

  /** {@link #with} by name, for the setters several owners share. */
  @SuppressWarnings("unchecked")
  <T> Settings with(String name, T value) {
    return with((Option<T>) option(name), value);
  }

  /**
   * These settings with options given as text, by PyTorch's names: {@code lr=0.1}, {@code
   * betas=(0.9, 0.99)}, {@code amsgrad=True}. Read and checked in PyTorch's order.
   *
   * @throws IllegalArgumentException for an unknown name, malformed text or a value torch
   *     refuses, with a message saying which
   */
  Settings withText(Map<String, String> text) {
    for (String name : text.keySet()) {
      if (options.stream().noneMatch(option -> option.name().equals(name))) {
        throw new IllegalArgumentException(owner + " has no option '" + name
            + "'; its options are " + String.join(", ", names()));
      }
    }
    Settings result = this;
    for (Option<?> option : options) {
      String value = text.get(option.name());
      if (value != null) {
        result = result.withRead(option, value);
      }
    }
    return result;
  }

  private <T> Settings withRead(Option<T> option, String text) {
    return with(option, option.read(owner, text));
  }

  /** The value of the option called {@code name}, or {@code fallback} when there is none. */
  @SuppressWarnings("unchecked")
  <T> T valueOr(String name, T fallback) {
    Option<?> option = find(name);
    return option == null ? fallback : get((Option<T>) option);
  }

  /** The value set, or the default; a required option that was not set is refused. */
  @SuppressWarnings("unchecked")
  <T> T get(Option<T> option) {
    return given.containsKey(option.name()) ? (T) given.get(option.name())
        : option.defaultValue(owner);
  }

  /** Each option's value as text, in PyTorch's order; a required option not set is left out. */
  Map<String, String> asText() {
    Map<String, String> text = new LinkedHashMap<>();
    for (Option<?> option : options) {
      if (given.containsKey(option.name()) || option.defaultText() != null) {
        text.put(option.name(), written(option));
      }
    }
    return Collections.unmodifiableMap(text);
  }

  /** The options set, as text: what makes these settings differ from the defaults. */
  Map<String, String> givenText() {
    Map<String, String> text = new LinkedHashMap<>(asText());
    text.keySet().retainAll(given.keySet());
    return Collections.unmodifiableMap(text);
  }

  private <T> String written(Option<T> option) {
    return option.kind().write(get(option));
  }

  private List<String> names() {
    return options.stream().map(Option::name).toList();
  }

  private Option<?> option(String name) {
    Option<?> option = find(name);
    if (option == null) {
      throw new AssertionError(owner + " has no option " + name);
    }
    return option;
  }

  // A loop, not a stream: every optimizer a fit makes looks up its options here.
  private @Nullable Option<?> find(String name) {
    for (Option<?> option : options) {
      if (option.name().equals(name)) {
        return option;
      }
    }
    return null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Settings that && owner.equals(that.owner)
        && asText().equals(that.asText());
  }

  @Override
  public int hashCode() {
    return Objects.hash(owner, asText());
  }

  /** {@code Adam(lr=0.01, betas=0.9,0.99)}: the owner and the options set. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(owner).append('(');
    givenText().forEach((name, value) -> text.append(text.charAt(text.length() - 1) == '('
        ? "" : ", ").append(name).append('=').append(value));
    return text.append(')').toString();
  }
}
