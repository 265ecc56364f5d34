package org.symgrad.runtime.optim;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A scheduler's class and arguments, not yet attached to an optimizer: an immutable value,
 * {@code Schedulers.spec("StepLR", Map.of("step_size", "10"))}, which makes one scheduler per
 * fit ({@code TrainerOptions.Builder.scheduler(spec::create)}).
 */
public final class SchedulerSpec {
  private final Settings settings;
  private final BiFunction<Optimizer, Settings, LrScheduler> maker;

  SchedulerSpec(Settings settings, BiFunction<Optimizer, Settings, LrScheduler> maker) {
    this.settings = settings;
    this.maker = maker;
  }

  /** PyTorch's class name: {@code "StepLR"}. */
  public String name() {
    return settings.owner();
  }

  /**
   * This spec with arguments given as text by PyTorch's names ({@code "milestones" -> "[5,15]"}).
   *
   * @throws IllegalArgumentException for an unknown option, malformed text or a value torch
   *     refuses
   */
  public SchedulerSpec withOptions(Map<String, String> options) {
    return new SchedulerSpec(settings.withText(options), maker);
  }

  /** Every argument's value as text, in PyTorch's order; a required one not given is absent. */
  public Map<String, String> options() {
    return settings.asText();
  }

  /**
   * The scheduler over {@code optimizer}, whose learning rate it changes.
   *
   * @throws IllegalArgumentException for a missing required argument or one torch refuses
   */
  public LrScheduler create(Optimizer optimizer) {
    return maker.apply(optimizer, settings);
  }

  Settings settings() {
    return settings;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SchedulerSpec that && settings.equals(that.settings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(settings);
  }

  @Override
  public String toString() {
    return settings.toString();
  }
}
