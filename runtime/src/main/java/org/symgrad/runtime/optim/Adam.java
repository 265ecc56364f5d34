package org.symgrad.runtime.optim;

/**
 * Adam, and AMSGrad with {@code amsgrad}: {@code torch.optim.Adam}. The update is {@link
 * AdamBase}'s, with the weight decay added to the gradient.
 */
public final class Adam extends AdamBase {
  static final Option<Double> WEIGHT_DECAY = Option.weightDecay("0");
  static final Spec DEFAULTS = new Spec(Settings.of("Adam", options(WEIGHT_DECAY)));

  /** {@code torch.optim.Adam}'s arguments: {@link Optim#adam()}. */
  public static final class Spec extends OptimizerSpec<Spec>
      implements OptimizerSpec.Betas<Spec>, OptimizerSpec.Eps<Spec>,
          OptimizerSpec.WeightDecay<Spec>, OptimizerSpec.Amsgrad<Spec>,
          OptimizerSpec.Maximize<Spec> {
    private Spec(Settings settings) {
      super(settings, Spec::new, Adam::new);
    }
  }

  private Adam(int size, Settings settings) {
    super(size, settings, WEIGHT_DECAY, false);
  }
}
