package org.symgrad.runtime.optim;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An optimizer's class and hyper-parameters, not yet sized: an immutable value, made by {@link
 * Optim} ({@code Optim.adam().lr(1e-3).betas(0.9, 0.99)}) and bound to a parameter count by
 * {@link #create}, once per fit. Each setter returns a new spec and checks its value at once,
 * with torch's message ({@code Invalid learning rate: -1.0}); checks that relate two values
 * ({@code nesterov} needs a {@code momentum}) wait for {@link #create}.
 *
 * <p>Setters shared by several optimizers are declared once, in the small interfaces below
 * ({@link Eps}, {@link Betas}, …), which each optimizer's spec implements for the options it
 * has; so {@code Optim.sgd().betas(…)} does not compile.
 *
 * @param <S> the optimizer's own spec type, which every setter returns
 */
public abstract class OptimizerSpec<S extends OptimizerSpec<S>> {
  private final Settings settings;
  private final Function<Settings, S> respec;
  private final BiFunction<Integer, Settings, Optimizer> maker;

  OptimizerSpec(Settings settings, Function<Settings, S> respec,
      BiFunction<Integer, Settings, Optimizer> maker) {
    this.settings = settings;
    this.respec = respec;
    this.maker = maker;
  }

  /** PyTorch's class name: {@code "AdamW"}. */
  public final String name() {
    return settings.owner();
  }

  /** The learning rate ({@code lr}); every optimizer has one, with its own default. */
  public final S lr(double lr) {
    return set(Option.LR, lr);
  }

  /**
   * This spec with options given as text by PyTorch's names, as a command line has them:
   * {@code Map.of("betas", "0.9,0.99", "amsgrad", "true")}; {@code "None"} for torch's None.
   *
   * @throws IllegalArgumentException for an unknown option, malformed text or a value torch
   *     refuses, with a message saying which
   */
  public final S withOptions(Map<String, String> options) {
    return respec.apply(settings.withText(options));
  }

  /** Every option's value as text, in PyTorch's order: defaults and what was set. */
  public final Map<String, String> options() {
    return settings.asText();
  }

  /**
   * The optimizer over {@code parameterCount} parameters.
   *
   * @throws IllegalArgumentException for a negative count, or a combination of values torch
   *     refuses ({@code Nesterov momentum requires a momentum and zero dampening})
   */
  public final Optimizer create(int parameterCount) {
    if (parameterCount < 0) {
      throw new IllegalArgumentException("parameterCount " + parameterCount + " is negative");
    }
    return maker.apply(parameterCount, settings);
  }

  final S set(String option, Object value) {
    return respec.apply(settings.with(option, value));
  }

  <T> S set(Option<T> option, T value) {
    return respec.apply(settings.with(option, value));
  }

  Settings settings() {
    return settings;
  }

  @Override
  public final boolean equals(Object other) {
    return other instanceof OptimizerSpec<?> that && settings.equals(that.settings);
  }

  @Override
  public final int hashCode() {
    return Objects.hash(settings);
  }

  /** {@code Adam(lr=0.01, betas=0.9,0.99)}: the class and the options set. */
  @Override
  public final String toString() {
    return settings.toString();
  }

  @SuppressWarnings("unchecked")
  private static <S extends OptimizerSpec<S>> S set(Object spec, String option, Object value) {
    return ((OptimizerSpec<S>) spec).set(option, value);
  }

  /** torch's {@code eps}: added to a denominator, so that it is never zero. */
  public interface Eps<S extends OptimizerSpec<S>> {
    default S eps(double eps) {
      return set(this, Option.EPS, eps);
    }
  }

  /** torch's {@code weight_decay}: an L2 penalty's coefficient. */
  public interface WeightDecay<S extends OptimizerSpec<S>> {
    default S weightDecay(double weightDecay) {
      return set(this, Option.WEIGHT_DECAY, weightDecay);
    }
  }

  /** torch's {@code maximize}: ascend instead of descend. */
  public interface Maximize<S extends OptimizerSpec<S>> {
    default S maximize(boolean maximize) {
      return set(this, Option.MAXIMIZE, maximize);
    }
  }

  /** torch's {@code betas}: the decay rates of the running averages of g and g². */
  public interface Betas<S extends OptimizerSpec<S>> {
    default S betas(double beta1, double beta2) {
      return set(this, Option.BETAS, new Pair(beta1, beta2));
    }
  }

  /** torch's {@code momentum}. */
  public interface Momentum<S extends OptimizerSpec<S>> {
    default S momentum(double momentum) {
      return set(this, Option.MOMENTUM, momentum);
    }
  }

  /** torch's {@code amsgrad}: divide by the largest second moment so far (AMSGrad). */
  public interface Amsgrad<S extends OptimizerSpec<S>> {
    default S amsgrad(boolean amsgrad) {
      return set(this, Option.AMSGRAD, amsgrad);
    }
  }
}
