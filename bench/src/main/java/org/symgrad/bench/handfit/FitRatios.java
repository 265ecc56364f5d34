package org.symgrad.bench.handfit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.symgrad.bench.InterleavedRounds;
import org.symgrad.bench.InterleavedRounds.Contender;
import org.symgrad.bench.LinearData;
import org.symgrad.bench.Thermometer;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.OptimizerSpec;
import org.symgrad.runtime.optim.Optimizers;
import org.symgrad.runtime.train.Trainer;
import org.symgrad.runtime.train.TrainerOptions;

/**
 * {@code symgrad bench}'s fit through the {@code Trainer} against {@link HandFit}, in
 * interleaved blocks of about 5 ms on the thread's CPU clock (as {@code Interleaved} does for
 * kernels), so that load on a shared machine falls on both sides alike: the per-epoch ratio
 * that {@code bench/side-by-side.sh} measures in wall time, without the noise. Also the same
 * fit through the Trainer's general epoch loop (a listener that does nothing forces it), to
 * show what the lean full-batch loop saves.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.symgrad.bench.handfit.FitRatios [ROUNDS
 * [ROWS [EPOCHS]]]} (default 100 rounds, the book's 11 rows, 5000 epochs).
 */
public final class FitRatios {
  // Let C2 compile what runs once per fit too, which takes some thousands of fits (see
  // FitTimer.WARMUP_FITS).
  private static final int WARMUP_FITS = 10_000;

  private FitRatios() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 11;
    int epochs = args.length > 2 ? Integer.parseInt(args[2]) : Thermometer.EPOCHS;
    Dataset dataset = LinearData.forRows(rows);
    CompiledModel model = Symgrad.compile(ModelParser.parse(Thermometer.MODEL, "thermometer.sg"));
    TrainerOptions options = TrainerOptions.builder().epochs(epochs).build();
    HandFitData data = HandFitData.split(dataset, options.validationFractionFor(rows),
        options.seed());
    Trainer trainer = new Trainer(options);
    Trainer general = new Trainer(TrainerOptions.builder().epochs(epochs)
        .listener(report -> { }).build());
    OptimizerSpec<?> sgd =
        Optimizers.spec("sgd", Map.of("lr", Double.toString(Thermometer.LR)));
    List<Contender> contenders = List.of(
        contender("hand-written fit", () -> HandFit.fit(data, Thermometer.start(),
            Thermometer.LR, epochs).trainLoss()),
        contender("Trainer", () -> trainer.fit(model, dataset, Thermometer.start(),
            sgd.create(2)).trainLoss()),
        contender("Trainer, general loop", () -> general.fit(model, dataset,
            Thermometer.start(), sgd.create(2)).trainLoss()),
        contender("compiled kernels, hand loop", () -> kernelLoop(model, data, epochs)));
    compare(String.format(Locale.ROOT, "fit of %d epochs, N = %d (%d train, %d validation)",
        epochs, rows, data.trainRows(), data.validationRows()), contenders, rounds);
  }

  /**
   * {@link HandFit}'s loop around the compiled kernels instead of the hand-written ones: what
   * the kernels cost apart from the Trainer's loop.
   */
  private static double kernelLoop(CompiledModel model, HandFitData data, int epochs) {
    Batch train = Batch.of(new double[][] {data.trainTu(), data.trainTc()}, data.trainRows());
    Batch validation = Batch.of(new double[][] {data.valTu(), data.valTc()},
        data.validationRows());
    double[] p = Thermometer.start();
    double[] g = new double[2];
    double[] trainLosses = new double[epochs];
    double[] valLosses = new double[epochs];
    double best = Double.POSITIVE_INFINITY;
    double bestW = 0;
    for (int k = 0; k < epochs; k++) {
      double loss = model.lossAndGradient(p, train, g);
      if (!(Double.isFinite(loss) && Double.isFinite(g[0]) && Double.isFinite(g[1]))) {
        break;
      }
      p[0] = Math.fma(-Thermometer.LR, g[0], p[0]);
      p[1] = Math.fma(-Thermometer.LR, g[1], p[1]);
      trainLosses[k] = 0.0 + loss;
      double val = model.loss(p, validation);
      valLosses[k] = val;
      if (val < best) {
        best = val;
        bestW = p[0];
      }
    }
    return bestW + trainLosses[epochs - 1] + valLosses[epochs - 1];
  }

  /** A contender that runs {@code fit} once a call. */
  private static Contender contender(String name, DoubleSupplier fit) {
    return new Contender(name, calls -> {
      double sum = 0;
      for (int i = 0; i < calls; i++) {
        sum += fit.getAsDouble();
      }
      return sum;
    });
  }

  private static void compare(String title, List<Contender> contenders, int rounds) {
    System.out.println("median of " + rounds + " interleaved rounds, thread CPU time; ratio to "
        + "the hand-written fit [quartiles]");
    InterleavedRounds.compare(title, contenders, rounds, 100, WARMUP_FITS);
  }
}
