package org.symgrad.bench.handfit;

import java.nio.file.Path;
import java.util.Locale;
import org.symgrad.bench.Thermometer;
import org.symgrad.io.Datasets;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.train.TrainerOptions;

/**
 * {@code symgrad bench} for the thermometer, written by hand: the same fit (SGD lr 0.01 from
 * {@code [1, 0]}, 5000 epochs, the default validation split with seed 0) timed with the same
 * protocol, printing the same JSON keys, so that the two can run side by side
 * ({@code bench/side-by-side.sh}).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.symgrad.bench.handfit.HandFitMain \
 *     [--data FILE.csv] [--epochs N] [--fits F] [--warmup SECONDS] [--runs R] \
 *     [--val-fraction X] [--seed S] [--json]
 * </pre>
 *
 * The data is any CSV with columns {@code t_u} and {@code t_c} (default: the book's 11
 * readings); the validation fraction defaults to the trainer's for that many rows.
 */
public final class HandFitMain {
  private HandFitMain() {}

  public static void main(String[] args) {
    Path file = null;
    int epochs = Thermometer.EPOCHS;
    int fits = 1;
    double warmup = 2;
    int runs = 10;
    Double fraction = null;
    long seed = 0;
    boolean json = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> file = Path.of(value(args, ++i));
        case "--epochs" -> epochs = Integer.parseInt(value(args, ++i));
        case "--fits" -> fits = Integer.parseInt(value(args, ++i));
        case "--warmup" -> warmup = Double.parseDouble(value(args, ++i));
        case "--runs" -> runs = Integer.parseInt(value(args, ++i));
        case "--val-fraction" -> fraction = Double.parseDouble(value(args, ++i));
        case "--seed" -> seed = Long.parseLong(value(args, ++i));
        case "--json" -> json = true;
        case "--quiet" -> { } // nothing is logged anyway; accepted as symgrad bench accepts it
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (epochs < 1 || fits < 1 || runs < 1 || !(warmup >= 0)) {
      usage("--epochs, --fits and --runs must be at least 1, --warmup at least 0");
    }
    Dataset dataset = file == null ? Thermometer.data() : Datasets.readCsv(file);
    double split = fraction != null ? fraction
        : TrainerOptions.defaults().validationFractionFor(dataset.rows());
    HandFitData data = HandFitData.split(dataset, split, seed);
    HandFitTimer.Timing timing = new HandFitTimer(data, Thermometer.start(), Thermometer.LR,
        epochs).time(fits, warmup, runs);
    System.out.println(report(data, epochs, fits, warmup, runs, timing, json));
  }

  /** The keys of {@code symgrad bench --json} that apply, plus the rows of each part. */
  private static String report(HandFitData data, int epochs, int fits, double warmup,
      int runs, HandFitTimer.Timing timing, boolean json) {
    double[] perEpoch = timing.nsPerEpoch();
    double round = timing.medianRoundNanos();
    HandFit.Result last = timing.lastFit();
    String stopped = last.diverged() ? "diverged" : "completed";
    if (!json) {
      return String.format(Locale.ROOT, "hand-written fit: %d rows (%d train, %d validation), "
          + "%d epochs, %d fit%s at once, %d warm-up and %d timed rounds%n"
          + "  ns_per_epoch    = %.1f (median; min %.1f, max %.1f)%n"
          + "  ms_per_fit      = %.3f%n  fits_per_second = %.1f%n  stopped: %s",
          data.rows(), data.trainRows(), data.validationRows(), epochs, fits,
          fits == 1 ? "" : "s", timing.warmupRounds(), runs, timing.medianNsPerEpoch(),
          perEpoch[0], perEpoch[perEpoch.length - 1], round / 1e6, fits * 1e9 / round, stopped);
    }
    return String.format(Locale.ROOT, "{\"model\":\"hand-written thermometer\",\"rows\":%d,"
        + "\"train_rows\":%d,\"validation_rows\":%d,\"parameters\":2,\"epochs\":%d,"
        + "\"threads\":1,\"chunked\":false,\"fits\":%d,\"warmup_seconds\":%s,"
        + "\"warmup_rounds\":%d,\"runs\":%d,\"ns_per_epoch\":%s,\"ns_per_epoch_min\":%s,"
        + "\"ns_per_epoch_max\":%s,\"ms_per_fit\":%s,\"fits_per_second\":%s,\"stopped\":\"%s\"}",
        data.rows(), data.trainRows(), data.validationRows(), last.epochs(), fits,
        number(warmup), timing.warmupRounds(), runs, number(timing.medianNsPerEpoch()),
        number(perEpoch[0]), number(perEpoch[perEpoch.length - 1]), number(round / 1e6),
        number(fits * 1e9 / round), stopped);
  }

  private static String number(double value) {
    return Double.isFinite(value) ? Double.toString(value) : "\"" + value + "\"";
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      usage(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static void usage(String message) {
    System.err.println("error: " + message);
    System.err.println("usage: HandFitMain [--data FILE.csv] [--epochs N] [--fits F] "
        + "[--warmup SECONDS] [--runs R] [--val-fraction X] [--seed S] [--json]");
    System.exit(2);
  }
}
