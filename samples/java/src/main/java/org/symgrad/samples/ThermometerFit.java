package org.symgrad.samples;

import java.util.List;
import java.util.Locale;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.Optim;
import org.symgrad.runtime.train.EpochListener;
import org.symgrad.runtime.train.TrainerOptions;
import org.symgrad.runtime.train.TrainingResult;

/**
 * Fits the annotated {@link Thermometer} as the book does: plain SGD with lr 1e-2 for 5000
 * epochs from w = 1, b = 0, on all eleven readings, printing the book's log lines and the
 * fitted parameters.
 */
public final class ThermometerFit {
  /** The book's readings, in Celsius, from a good thermometer. */
  static final double[] T_C = {0.5, 14.0, 15.0, 28.0, 11.0, 8.0, 3.0, -4.0, 6.0, 13.0, 21.0};
  /** The same moments, read on the uncalibrated thermometer. */
  static final double[] T_U = {35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4};

  private ThermometerFit() {}

  public static void main(String[] args) {
    Symgrad_Thermometer model = new Symgrad_Thermometer();
    TrainingResult result = fit(model, EpochListener.logLines(System.out::println));
    System.out.println("stopped: " + result.stopReason().label() + " after " + result.epochs()
        + " epochs");
    System.out.println("  w = " + model.w());
    System.out.println("  b = " + model.b());
    System.out.println("  train_loss = " + result.trainLoss());
    System.out.printf(Locale.ROOT, "  a reading of 81.9 is %.2f degrees Celsius%n",
        model.predict(81.9));
  }

  /** The readings as a data set with the model's column names. */
  static Dataset readings() {
    return new Dataset(List.of("t_u", "t_c"), new double[][] {T_U, T_C});
  }

  /** Fits {@code model} in place, as the book does, telling {@code listener} each epoch. */
  static TrainingResult fit(Symgrad_Thermometer model, EpochListener listener) {
    TrainerOptions options = TrainerOptions.builder()
        .epochs(5000)
        .validationFraction(0) // the book's first fit uses every reading
        .listener(listener)
        .build();
    return model.fit(readings(), Optim.sgd().lr(1e-2), options);
  }
}
