package org.symgrad.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.optim.OptimizerSpec;
import org.symgrad.runtime.optim.Optimizers;
import org.symgrad.runtime.parallel.ChunkedKernels;
import org.symgrad.runtime.train.Trainer;
import org.symgrad.runtime.train.TrainerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code symgrad bench}: how long the model's fit takes here, to size a job. It runs the fit
 * that {@code symgrad fit MODEL.sg} runs with its defaults (SGD, lr 0.01, the default
 * validation split, seed 0), without logging, after warm-up, and prints the median
 * nanoseconds per epoch. {@code --threads} means what it means to {@code fit}: threads
 * summing one fit's chunks of rows; {@code --fits} runs that many fits at once instead. The
 * JSON keys are listed in {@link #report}.
 */
@Command(name = "bench", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Time MODEL.sg's fit, after warm-up: the median nanoseconds per epoch.")
final class BenchCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin
  QuietOption quietOption;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL.sg", description = "The model file.")
  Path modelFile;

  @Option(names = "--data", paramLabel = "FILE.csv",
      description = "The data (default: the model's 'data' line, relative to the model file).")
  Path data;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "5000",
      description = "Epochs of each fit (default: ${DEFAULT-VALUE}, as fit).")
  int epochs;

  @Option(names = "--threads", paramLabel = "T",
      description = "Threads per fit, as fit --threads: the gradient pass summed in fixed "
          + "chunks of 4096 rows on T threads (default: the one fused loop on one thread).")
  Integer threads;

  @Option(names = "--fits", paramLabel = "F", defaultValue = "1",
      description = "Identical fits run at once, each on its own thread up to 8 threads a "
          + "processor (the rest queue), as FitMany runs them; at most 1000000 "
          + "(default: ${DEFAULT-VALUE}).")
  int fits;

  @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "2",
      description = "Seconds of untimed rounds first, at least one round, and on until "
          + "10000 fits have run, for up to 4 times as long (default: ${DEFAULT-VALUE}).")
  double warmup;

  @Option(names = "--runs", paramLabel = "R", defaultValue = "10",
      description = "Timed rounds; the median is reported (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--json", description = "Print the result as one JSON line.")
  boolean json;

  @Override
  public Integer call() {
    checkRanges();
    ModelDefinition definition = ModelFiles.model(modelFile);
    Dataset dataset = ModelFiles.data(definition, modelFile, data);
    long compileStart = System.nanoTime();
    CompiledModel model = Symgrad.compile(definition);
    long compileNanos = System.nanoTime() - compileStart;
    ModelInfo info = model.info();
    checkMemory(dataset.rows(), dataset.names().size(), info.parameterCount());
    if (threads != null && !(model instanceof ChunkedKernels) && !quietOption.quiet) {
      spec.commandLine().getErr().println(SplitModelNote.of(modelFile, threads));
    }
    TrainerOptions.Builder options = TrainerOptions.builder().epochs(epochs);
    if (threads != null) {
      options.threads(threads);
    }
    Trainer trainer = new Trainer(options.build());
    // Read once, so that a round does not parse "sgd" and its defaults again for each fit.
    OptimizerSpec<?> sgd = Optimizers.spec("sgd", Map.of());
    int parameterCount = info.parameterCount();
    FitTimer timer = new FitTimer(trainer, model, dataset, info.initialParameters(0),
        () -> sgd.create(parameterCount));
    FitTimer.Timing timing;
    // Room kept for the message if a round runs the heap out after all (the estimate above
    // errs high, but the heap is shared with the JIT and the collector): let go of when it does.
    byte[] reserve = new byte[(int) Math.min(1 << 22, Runtime.getRuntime().maxMemory() / 32)];
    try {
      timing = timer.time(fits, warmup, runs);
    } catch (IllegalArgumentException e) {
      throw new UsageException("error: " + e.getMessage());
    } catch (OutOfMemoryError e) {
      reserve = null;
      throw e; // Main reports it, naming --fits and the heap
    }
    reserve[0]++; // held until here
    report(definition.name(), dataset.rows(), info.parameterCount(), compileNanos, timing,
        threads != null && model instanceof ChunkedKernels);
    return 0;
  }

  /** The most fits a round times. */
  static final int MOST_FITS = 1_000_000;

  private void checkRanges() {
    if (epochs < 1) {
      throw new UsageException("--epochs " + epochs + ": must be at least 1");
    }
    if (threads != null && threads < 1) {
      throw new UsageException("--threads " + threads + ": must be at least 1");
    }
    if (fits < 1 || fits > MOST_FITS) {
      throw new UsageException("--fits " + fits + ": must be 1 to " + MOST_FITS + " (they run "
          + "on at most " + FitTimer.MOST_THREADS + " threads, the rest queue)");
    }
    if (!(warmup >= 0 && warmup <= 3600)) {
      throw new UsageException("--warmup " + warmup + ": must be 0 to 3600 seconds");
    }
    if (runs < 1) {
      throw new UsageException("--runs " + runs + ": must be at least 1");
    }
  }

  /**
   * Refuses a {@code --fits} whose round the heap cannot hold, before the first round: a round
   * keeps every fit's result until its last fit ends, so too many fits would otherwise run the
   * heap out, or leave the JVM collecting garbage for good, partway through. Half the heap is
   * left for the model, the data and the collector.
   */
  private void checkMemory(int rows, int columns, int parameters) {
    RoundMemory memory = RoundMemory.of(rows, columns, parameters, epochs);
    long heap = Runtime.getRuntime().maxMemory();
    int running = Math.min(fits, FitTimer.MOST_THREADS);
    long need = memory.bytes(fits, running);
    if (need <= heap / 2) {
      return;
    }
    int most = memory.mostFits(heap / 2, FitTimer.MOST_THREADS);
    String perFit = epochs == 1 ? "1 epoch" : epochs + " epochs";
    throw new UsageException("--fits " + fits + ": out of memory (" + (heap >> 20) + " MB of "
        + "heap at most): a round of " + fits + " fits of " + perFit + " would hold about "
        + Math.max(1, need >> 20) + " MB, more than half the heap; give it more with "
        + "SYMGRAD_JAVA_OPTS=-Xmx4g, or "
        + (most > 0 ? "run at most " + most + " fits (or fewer epochs)" : "use less data"));
  }

  /**
   * Prints, as text or as one JSON object: {@code model}, {@code rows} (of the data, before
   * the validation split), {@code parameters}, {@code epochs} (run by each fit: fewer than
   * asked when it diverged), {@code threads} (per fit: {@code --threads}, 1 without it), {@code
   * chunked} (whether {@code --threads} was given and the model has chunked kernels, so the
   * pass ran in chunks), {@code fits} (at once), {@code warmup_seconds}, {@code warmup_rounds}
   * (run in that time), {@code runs}, {@code ns_per_epoch} (median over the timed rounds),
   * {@code ns_per_epoch_min} and {@code ns_per_epoch_max}, {@code ms_per_fit} (median round),
   * {@code fits_per_second} (all fits together: {@code fits} fits per median round), {@code
   * compile_ms} (this run's compile, the first in a cold JVM, so an upper bound) and {@code
   * stopped} (as fit's).
   */
  private void report(String name, int rows, int parameters, long compileNanos,
      FitTimer.Timing timing, boolean chunked) {
    int perFit = threads == null ? 1 : threads;
    double[] perEpoch = timing.nsPerEpoch();
    double round = timing.medianRoundNanos();
    ObjectNode result = Json.object();
    result.put("model", name);
    result.put("rows", rows);
    result.put("parameters", parameters);
    result.put("epochs", timing.lastFit().epochs());
    result.put("threads", perFit);
    result.put("chunked", chunked);
    result.put("fits", fits);
    result.put("warmup_seconds", warmup);
    result.put("warmup_rounds", timing.warmupRounds());
    result.put("runs", runs);
    result.set("ns_per_epoch", Json.number(timing.medianNsPerEpoch()));
    result.set("ns_per_epoch_min", Json.number(perEpoch[0]));
    result.set("ns_per_epoch_max", Json.number(perEpoch[perEpoch.length - 1]));
    result.set("ms_per_fit", Json.number(round / 1e6));
    result.set("fits_per_second", Json.number(fits * 1e9 / round));
    result.set("compile_ms", Json.number(compileNanos / 1e6));
    result.put("stopped", timing.lastFit().stopReason().label());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.line(result));
      return;
    }
    out.printf(Locale.ROOT, "bench %s: %d rows, %d parameters, %d epochs per fit, "
        + "%d thread%s%s%s, %d warm-up and %d timed rounds%n", name, rows, parameters, epochs, perFit,
        perFit == 1 ? "" : "s", chunked ? " (chunked)" : "",
        fits == 1 ? "" : ", " + fits + " fits at once", timing.warmupRounds(), runs);
    out.printf(Locale.ROOT, "  ns_per_epoch    = %.1f (median; min %.1f, max %.1f)%n",
        timing.medianNsPerEpoch(), perEpoch[0], perEpoch[perEpoch.length - 1]);
    out.printf(Locale.ROOT, "  ms_per_fit      = %.3f%n", round / 1e6);
    out.printf(Locale.ROOT, "  fits_per_second = %.1f%n", fits * 1e9 / round);
    out.printf(Locale.ROOT, "  compile_ms      = %.2f (cold JVM)%n", compileNanos / 1e6);
    if (timing.lastFit().epochs() < epochs) {
      out.printf(Locale.ROOT, "  stopped: %s after %d epochs%n",
          timing.lastFit().stopReason().label(), timing.lastFit().epochs());
    }
  }
}
