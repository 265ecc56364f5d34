package org.symgrad.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.io.Checkpoints;
import org.symgrad.io.FitOptions;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.train.StopReason;
import org.symgrad.runtime.train.TrainingCheckpoint;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code symgrad-spark MODEL.sg --data PATH [--group-by COL] --out PATH [fit flags]}: the
 * command of the {@code ./symgrad-spark} launcher, and the main class for {@code
 * spark-submit}. With {@code --group-by}, one fit per group; without it, one data-parallel fit
 * of all rows. The fit flags are {@code symgrad fit}'s, {@code lm} and {@code newton},
 * {@code --scheduler}, {@code --init} and {@code --save} included ({@link FitFlags}). Exit
 * codes as {@code symgrad fit}'s: 0 done, 2 bad input, 3 diverged (the data-parallel fit; a
 * per-group divergence is that group's error).
 */
@Command(name = "symgrad-spark", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Fit MODEL.sg on Apache Spark: one fit per group of rows, or one fit of "
        + "all rows, data-parallel.")
public final class Fit implements Callable<Integer> {
  static final int BAD_INPUT = 2;
  static final int DIVERGED = 3;

  @Parameters(index = "0", paramLabel = "MODEL.sg", description = "The model file.")
  Path modelFile;

  @Option(names = "--data", required = true, paramLabel = "PATH",
      description = "The rows: a .csv file or directory with a header, or .parquet.")
  String data;

  @Option(names = "--group-by", paramLabel = "COL",
      description = "Fit each group of rows with one value of COL (default: one data-parallel "
          + "fit of all rows).")
  String groupBy;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "Where the results go: .csv (a Spark output directory) or .parquet; "
          + "never overwritten.")
  String out;

  @Option(names = "--master", paramLabel = "URL",
      description = "The Spark master (default: spark-submit's, else local[*]).")
  String master;

  @Mixin
  FitOptions fit;

  @Option(names = "--batch-size", paramLabel = "N", hidden = true)
  Integer batchSize;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  boolean quiet;

  @Spec
  CommandSpec command;

  private PrintWriter err;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command; returns its exit code. Messages, never stack traces, go to {@code err}. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    Fit fit = new Fit();
    fit.err = err;
    CommandLine line = new CommandLine(fit).setOut(out).setErr(err);
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      // A parse error starts with its file:line:column and carries its carets already.
      err.println(e instanceof SymgradException ? e.getMessage() : "symgrad-spark: " + message(e));
      return BAD_INPUT;
    });
    return line.execute(args);
  }

  @Override
  public Integer call() throws IOException {
    if (batchSize != null) {
      throw new IllegalArgumentException("--batch-size: mini-batch training is not supported "
          + "on Spark; every fit steps on its full batch (the data-parallel fit sums the "
          + "gradient over all rows each epoch)");
    }
    // Every flag and file is checked here, before a Spark session starts, as symgrad fit
    // checks them before it reads a row.
    FitFlags.check(this);
    OutputFiles.format(out, "--out");
    String text = Files.readString(modelFile);
    String source = modelFile.toString(); // messages name the file as the user wrote it
    ModelInfo info = ExecutorModels.get(text, source).info(); // a bad model stops here
    Path init = fit.init();
    Checkpoints.Loaded initial = init == null ? null : Checkpoints.loadStart(init, info);
    FitSpec spec = new FitSpec(fit.optimizer(), fit.optimizerArguments(), fit.epochs(),
        fit.valFraction(), fit.seed(), fit.patience(), fit.scheduler(),
        initial == null ? null : initial.params());
    if (spec.secondOrder()) {
      SecondOrderFit.check(spec, text, source);
    }
    TrainingCheckpoint resumed = groupBy == null && !spec.secondOrder() && initial != null
        ? FitFlags.resumeWith(this, initial.checkpoint()) : null;
    if (groupBy != null && initial != null && initial.checkpoint() != null && !quiet) {
      err.println("symgrad-spark: note: every group starts from the parameters of " + init
          + "; its optimizer state and epoch belong to the one fit that saved it");
    }

    SparkSession.Builder builder = SparkSession.builder().appName("symgrad-spark " + source);
    if (master != null) {
      builder.master(master);
    } else if (System.getProperty("spark.master") == null) {
      builder.master("local[*]"); // not under spark-submit, which sets the master
    }
    boolean owned = SparkSession.getDefaultSession().isEmpty(); // else a caller's, kept
    SparkSession spark = builder.getOrCreate();
    try {
      if (OutputFiles.exists(spark, out)) {
        throw new IllegalArgumentException("--out " + out + " already exists; symgrad-spark "
            + "never overwrites a result: remove it or choose another path");
      }
      Dataset<Row> rows = OutputFiles.read(spark, data);
      return groupBy != null ? fitGroups(spark, rows, text, source, spec, info)
          : fitAll(spark, rows, text, source, spec, info, resumed);
    } finally {
      if (owned) {
        spark.stop();
      }
    }
  }

  private int fitGroups(SparkSession spark, Dataset<Row> rows, String text, String source,
      FitSpec spec, ModelInfo info) {
    // Cached, so that sorting and counting do not fit every group again.
    Dataset<Row> fits = SymgradSpark.fitGroups(rows, text, source, groupBy, spec).cache();
    try {
      Dataset<Row> sorted = fits.orderBy(InputColumns.quote(groupBy).asc_nulls_first());
      OutputFiles.write(sorted, info, out);
      long groups = fits.count();
      long failed = fits.where(functions.col(ResultColumns.ERROR).isNotNull()).count();
      if (!quiet) {
        err.println("symgrad-spark: fitted " + groups + (groups == 1 ? " group" : " groups")
            + (failed == 0 ? "" : ", " + failed + " with an error (see the error column)")
            + "; results in " + out);
      }
    } finally {
      fits.unpersist();
    }
    return 0;
  }

  private int fitAll(SparkSession spark, Dataset<Row> rows, String text, String source,
      FitSpec spec, ModelInfo info, TrainingCheckpoint resumed) {
    SparkFitResult result = resumed == null ? SymgradSpark.fit(rows, text, source, spec)
        : SymgradSpark.resume(rows, text, source, spec, resumed);
    ResultColumns columns = new ResultColumns(info, null, result.statistics() != null);
    Dataset<Row> frame = spark.createDataFrame(List.of(columns.row(null, result.outcome())),
        columns.schema());
    OutputFiles.write(frame, info, out);
    // after the result, so that a failing save loses nothing
    String notSaved =
        fit.saveCheckpoint(info, result.stopReason(), result.trainLoss(), result.checkpoint());
    if (notSaved != null) {
      err.println("symgrad-spark: " + notSaved);
    }
    if (spec.secondOrder()) {
      return FitFlags.reportSecondOrder(this, result, err);
    }
    if (result.stopReason() == StopReason.DIVERGED) {
      err.println("symgrad-spark: " + result.outcome().error() + "; try a smaller --lr");
      return DIVERGED;
    }
    if (!quiet) {
      err.println("symgrad-spark: " + result.stopReason().label() + " after "
          + result.epochs() + " epochs, train loss " + result.trainLoss() + "; result in "
          + out);
    }
    return 0;
  }

  /** What a user reads: a parse error's places and carets, or the first useful message. */
  static String message(Throwable e) {
    if (e instanceof java.nio.file.NoSuchFileException missing) {
      return missing.getFile() + ": no such file";
    }
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
      cause = cause.getCause();
    }
    String text = cause.getMessage();
    return text == null ? cause.getClass().getSimpleName() : text;
  }
}
