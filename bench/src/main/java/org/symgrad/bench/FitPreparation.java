package org.symgrad.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.optim.Optimizers;
import org.symgrad.runtime.train.Trainer;
import org.symgrad.runtime.train.TrainerOptions;

/**
 * What preparing a fit costs against one of its epochs, at 10⁶ rows: the time from the {@code
 * fit} call to the end of its first epoch, minus one epoch, is the preparation (the split, the
 * gathers of the training and validation columns, the run's buffers); an epoch is the median
 * gap between the ends of consecutive epochs of the same fit, validation pass included. Each
 * fit is the thermometer's, SGD lr 0.01, the default validation split, seed 0.
 *
 * <p>Both on the wall clock and on the fit thread's CPU clock (which a loaded machine biases
 * less; with {@code -Dthreads=2} the helpers' CPU is not in it). After each fit's last epoch
 * the trainer also evaluates both losses afresh; that is reported apart ("after").
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar [-Drows=1000000] [-Dthreads=T]
 * [-Depochs=12] org.symgrad.bench.FitPreparation [FITS]}; the first third of the fits warm up.
 */
public final class FitPreparation {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private FitPreparation() {}

  public static void main(String[] args) {
    int fits = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int rows = Integer.getInteger("rows", 1_000_000);
    int threads = Integer.getInteger("threads", 0);
    int epochs = Integer.getInteger("epochs", 12);
    Problem problem = Problem.thermometer(rows);
    double[][] measured = new double[6][];
    for (int i = 0; i < measured.length; i++) {
      measured[i] = new double[fits - fits / 3];
    }
    for (int fit = 0; fit < fits; fit++) {
      double[] one = fitOnce(problem.model, problem.data, threads, epochs);
      if (fit >= fits / 3) {
        for (int i = 0; i < one.length; i++) {
          measured[i][fit - fits / 3] = one[i];
        }
      }
    }
    System.out.printf(Locale.ROOT, "rows %d, threads %s, %d epochs a fit, median of %d fits "
        + "[quartiles]%n", rows, threads == 0 ? "unset" : threads, epochs, fits - fits / 3);
    String[] names = {"wall", "cpu"};
    for (int clock = 0; clock < 2; clock++) {
      double[] prep = measured[3 * clock];
      double[] epoch = measured[3 * clock + 1];
      double[] ratio = new double[prep.length];
      for (int i = 0; i < ratio.length; i++) {
        ratio[i] = prep[i] / epoch[i];
      }
      System.out.printf(Locale.ROOT, "%s: preparation %s ms, epoch %s ms, preparation/epoch %s,"
          + " after %s ms%n", names[clock], quartiles(prep, 1e-6), quartiles(epoch, 1e-6),
          quartiles(ratio, 1), quartiles(measured[3 * clock + 2], 1e-6));
    }
  }

  /** {preparation, epoch, after} on the wall clock, then the same on the thread's CPU clock. */
  private static double[] fitOnce(org.symgrad.runtime.CompiledModel model, Dataset data,
      int threads, int epochs) {
    long[] wall = new long[epochs + 2];
    long[] cpu = new long[epochs + 2];
    int[] seen = {0};
    TrainerOptions.Builder options = TrainerOptions.builder().epochs(epochs).seed(0)
        .listener(report -> {
          seen[0]++;
          wall[seen[0]] = System.nanoTime();
          cpu[seen[0]] = CPU.getCurrentThreadCpuTime();
        });
    if (threads > 0) {
      options.threads(threads);
    }
    Trainer trainer = new Trainer(options.build());
    wall[0] = System.nanoTime();
    cpu[0] = CPU.getCurrentThreadCpuTime();
    trainer.fit(model, data, Thermometer.start(),
        Optimizers.create("sgd", 2, Map.of("lr", Double.toString(Thermometer.LR))));
    wall[epochs + 1] = System.nanoTime();
    cpu[epochs + 1] = CPU.getCurrentThreadCpuTime();
    return new double[] {
        wall[1] - wall[0] - medianGap(wall, epochs), medianGap(wall, epochs),
        wall[epochs + 1] - wall[epochs],
        cpu[1] - cpu[0] - medianGap(cpu, epochs), medianGap(cpu, epochs),
        cpu[epochs + 1] - cpu[epochs]};
  }

  /** The median of the gaps between the ends of epochs 1…{@code epochs}. */
  private static double medianGap(long[] ends, int epochs) {
    double[] gaps = new double[epochs - 1];
    for (int k = 1; k < epochs; k++) {
      gaps[k - 1] = ends[k + 1] - ends[k];
    }
    Arrays.sort(gaps);
    return gaps[gaps.length / 2];
  }

  private static String quartiles(double[] values, double scale) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", sorted[n / 2] * scale,
        sorted[n / 4] * scale, sorted[(3 * n) / 4] * scale);
  }
}
