package org.symgrad.runtime.optim;

/**
 * Adam with decoupled weight decay: {@code torch.optim.AdamW}.
 *
 * <p>The update is {@link AdamBase}'s except for the decay, as in <a
 * href="https://pytorch.org/docs/1.13/generated/torch.optim.AdamW.html">torch's algorithm</a>:
 * instead of adding {@code weight_decay * p} to the gradient, where the adaptive denominator
 * would scale it, each step first shrinks the parameters, {@code p = p * (1 - lr *
 * weight_decay)}. Hence its own default, {@code weight_decay = 1e-2}.
 */
public final class AdamW extends AdamBase {
  static final Adam.Spec DEFAULTS =
      new Adam.Spec(Settings.of("AdamW", options(Option.weightDecay("1e-2"))), AdamW::new);

  private AdamW(int size, Settings settings) {
    super(size, settings, true);
  }
}
