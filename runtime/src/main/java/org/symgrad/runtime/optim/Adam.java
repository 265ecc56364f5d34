package org.symgrad.runtime.optim;

import java.util.function.BiFunction;

/**
 * Adam, and AMSGrad with {@code amsgrad}: {@code torch.optim.Adam}. The update is {@link
 * AdamBase}'s, with the weight decay added to the gradient.
 */
public final class Adam extends AdamBase {
  static final Spec DEFAULTS =
      new Spec(Settings.of("Adam", options(Option.weightDecay("0"))), Adam::new);

  /**
   * {@code torch.optim.Adam}'s arguments, and {@code torch.optim.AdamW}'s, which are the same:
   * {@link Optim#adam()}, {@link Optim#adamW()}.
   */
  public static final class Spec extends OptimizerSpec<Spec>
      implements OptimizerSpec.Betas<Spec>, OptimizerSpec.Eps<Spec>,
          OptimizerSpec.WeightDecay<Spec>, OptimizerSpec.Amsgrad<Spec>,
          OptimizerSpec.Maximize<Spec> {
    Spec(Settings settings, BiFunction<Integer, Settings, Optimizer> maker) {
      super(settings, respec -> new Spec(respec, maker), maker);
    }
  }

  private Adam(int size, Settings settings) {
    super(size, settings, false);
  }
}
