package org.symgrad.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.io.Checkpoints;
import org.symgrad.io.FitOptions;
import org.symgrad.io.Quote;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.optim.Optimizer;
import org.symgrad.runtime.optim.Optimizers;
import org.symgrad.runtime.optim.Schedulers;
import org.symgrad.runtime.parallel.ChunkedKernels;
import org.symgrad.runtime.train.EpochListener;
import org.symgrad.runtime.train.StopReason;
import org.symgrad.runtime.train.Trainer;
import org.symgrad.runtime.train.TrainerOptions;
import org.symgrad.runtime.train.TrainingCheckpoint;
import org.symgrad.runtime.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code symgrad fit}: compile a model and train it on its data. */
@Command(name = "fit", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Compile MODEL.sg and fit its parameters to the data.")
final class FitCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL.sg", description = "The model file.")
  Path modelFile;

  @Option(names = "--data", paramLabel = "FILE.csv",
      description = "The data (default: the model's 'data' line, relative to the model file).")
  Path data;

  @Mixin
  FitOptions fit;

  @Option(names = "--batch-size", paramLabel = "N",
      description = "Rows per step, shuffled each epoch (default: the whole training set).")
  Integer batchSize;

  @Option(names = "--log-every", paramLabel = "N", defaultValue = "500",
      description = "Print the losses every N epochs, besides the first three "
          + "(default: ${DEFAULT-VALUE}).")
  int logEvery;

  @Option(names = "--input-noise", paramLabel = "SIGMA", defaultValue = "0",
      description = "Gaussian noise added to the training inputs each epoch, seeded.")
  double inputNoise;

  @Option(names = "--plot", paramLabel = "FILE.png", description = "Plot both loss curves.")
  Path plot;

  @Option(names = "--threads", paramLabel = "N",
      description = "Sum the gradient pass in fixed chunks of 4096 rows on N threads, with "
          + "the same result for every N, 1 included (default: the one fused loop on one "
          + "thread, the fastest there).")
  Integer threads;

  @Option(names = "--history", paramLabel = "FILE.csv|FILE.jsonl",
      description = "Write one record an epoch: epoch, train_loss, val_loss, lr; as CSV, or "
          + "as JSON lines when the name ends in .jsonl.")
  Path history;

  @Option(names = "--json", description = "Print the result as one JSON object and nothing "
      + "else on standard output; the epoch log goes to standard error.")
  boolean json;

  @Option(names = "--quiet", description = "No epoch log and no progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    checkRanges();
    configure(() -> {
      fit.checkOptimizer();
      return null;
    });
    if (SecondOrderFit.handles(fit.optimizer())) {
      return new SecondOrderFit(this).run(optimizerArguments());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ModelDefinition definition = ModelFiles.model(modelFile);
    // Every option and output is checked before the data is read or an epoch runs.
    Outputs.check(modelFile, ModelFiles.dataFile(definition, modelFile, data),
        fit.init(), fit.save(), plot, history);
    ModelInfo expected = ModelFiles.info(definition);
    Optimizer optim = configure(() -> Optimizers.create(fit.optimizer(),
        expected.parameterCount(), optimizerArguments()));
    String scheduler = fit.scheduler();
    SchedulerSpec schedulerSpec = scheduler == null ? null : SchedulerSpec.parse(scheduler);
    if (schedulerSpec != null) { // on a scratch optimizer, so that a bad argument shows now
      configure(() -> Schedulers.create(schedulerSpec.name(), schedulerSpec.arguments(),
          Optimizers.create(fit.optimizer(), expected.parameterCount(), optimizerArguments())));
    }
    Path init = fit.init();
    Checkpoints.Loaded initial = init == null ? null : Checkpoints.loadStart(init, expected);
    TrainingCheckpoint resumed = initial == null || initial.checkpoint() == null ? null
        : resumeWith(initial.checkpoint(), err);
    if (resumed != null) {
      Optimizer scratch = Optimizers.create(fit.optimizer(), expected.parameterCount(),
          optimizerArguments());
      InitFile.checkResumes(init, resumed, scratch, schedulerSpec == null ? null
          : Schedulers.create(schedulerSpec.name(), schedulerSpec.arguments(), scratch));
    }
    Dataset dataset = ModelFiles.data(definition, modelFile, data);
    CompiledModel model = EarlyCompile.compile(definition);
    ModelInfo info = model.info();
    if (threads != null && !(model instanceof ChunkedKernels) && !quiet) {
      err.println(SplitModelNote.of(modelFile, threads));
    }

    TrainingResult result;
    try (ProgressListener progress = new ProgressListener("fit " + definition.name());
        HistoryFile historyFile = history == null ? null : HistoryFile.open(history)) {
      Trainer trainer = new Trainer(configure(() -> trainerOptions(json ? err : out, progress,
          historyFile)));
      if (resumed != null) {
        try {
          result = trainer.resume(model, dataset, resumed, optim);
        } catch (IllegalArgumentException e) { // the checkpoint does not fit this run
          throw new UsageException(Quote.path(init) + ": error: " + e.getMessage());
        }
      } else {
        double[] start = initial == null ? info.initialParameters(fit.seed()) : initial.params();
        result = configure(() -> trainer.fit(model, dataset, start, optim));
      }
      report(result, info, out);
      out.flush();
      // The result is printed before the outputs are written: if one fails, nothing is lost.
      if (historyFile != null) {
        historyFile.commit();
      }
    }
    String notSaved =
        fit.saveCheckpoint(info, result.stopReason(), result.trainLoss(), result.checkpoint());
    if (notSaved != null) {
      err.println("symgrad: " + notSaved);
    }
    if (plot != null) {
      LossPlot.write(plot, definition.name(), result.history());
    }
    if (result.stopReason() == StopReason.DIVERGED) {
      // The given --lr, unless a scheduler took the learning rate past any finite value.
      double lr = fit.lr() != null && Double.isFinite(optim.learningRate()) ? fit.lr()
          : optim.learningRate();
      err.println(DivergenceMessage.of(result, lr, inputNoise, modelFile));
      return Main.DIVERGED;
    }
    return 0;
  }

  // A checkpoint resumes its own seed (its split and shuffles are drawn from it); an explicit
  // --lr replaces the learning rate it saved, as --opt replaces other hyper-parameters.
  private TrainingCheckpoint resumeWith(TrainingCheckpoint checkpoint, PrintWriter err) {
    TrainingCheckpoint resumed = usage(() -> fit.resume(checkpoint, "split and shuffles"));
    if (resumed != checkpoint && !quiet) {
      err.println("note: resuming with --lr " + fit.lr() + " in place of the checkpoint's "
          + checkpoint.learningRate());
    }
    return resumed;
  }

  private void checkRanges() {
    usage(() -> {
      fit.checkRanges();
      return null;
    });
    if (plot != null && fit.epochs() == 0) {
      throw new UsageException("--plot " + plot + ": --epochs 0 runs no epoch to plot");
    }
    if (batchSize != null && batchSize < 1) {
      throw new UsageException("--batch-size " + batchSize + ": must be at least 1");
    }
    if (logEvery < 1) {
      throw new UsageException("--log-every " + logEvery + ": must be at least 1");
    }
    if (threads != null && threads < 1) {
      throw new UsageException("--threads " + threads + ": must be at least 1");
    }
    if (!(inputNoise >= 0) || Double.isInfinite(inputNoise)) {
      throw new UsageException("--input-noise " + inputNoise + ": must be a finite number, 0 "
          + "or more");
    }
  }

  /** {@code --opt} and {@code --lr}, as the optimizer takes them. */
  Map<String, String> optimizerArguments() {
    return usage(fit::optimizerArguments);
  }

  private TrainerOptions trainerOptions(PrintWriter log, ProgressListener progress,
      HistoryFile historyFile) {
    TrainerOptions.Builder options = TrainerOptions.builder()
        .epochs(fit.epochs())
        .seed(fit.seed())
        .logEvery(logEvery)
        .inputNoise(inputNoise);
    if (!quiet) {
      options.listener(EpochListener.logLines(line -> {
        log.println(line);
        log.flush();
      }));
    }
    if (historyFile != null) {
      options.listener(historyFile);
    }
    if (!quiet && ProgressListener.wanted(json)) {
      options.listener(progress);
    }
    if (threads != null) {
      options.threads(threads);
    }
    if (fit.valFraction() != null) {
      options.validationFraction(fit.valFraction());
    }
    if (batchSize != null) {
      options.batchSize(batchSize);
    }
    if (fit.patience() != null) {
      options.earlyStopping(fit.patience());
    }
    if (fit.scheduler() != null) {
      SchedulerSpec spec = SchedulerSpec.parse(fit.scheduler()); // checked before, in call()
      options.scheduler(o -> Schedulers.create(spec.name(), spec.arguments(), o));
    }
    return options.build();
  }

  private void report(TrainingResult result, ModelInfo info, PrintWriter out) {
    ObjectNode summary = Json.object();
    summary.set("params", org.symgrad.cli.Parameters.toJson(info, result.params()));
    summary.set("train_loss", Json.number(result.trainLoss()));
    if (result.valLoss() == null) {
      summary.putNull("val_loss");
    } else {
      summary.set("val_loss", Json.number(result.valLoss()));
    }
    summary.put("epochs", result.epochs());
    summary.put("stopped", result.stopReason().label());
    if (json) {
      out.println(Json.line(summary));
      return;
    }
    out.println("stopped: " + result.stopReason().label() + " after " + result.epochs()
        + " epochs");
    // Json.line, not JsonNode.toString, which makes an ObjectMapper (400 classes, a quarter
    // of a second) for a line --json writes without one.
    summary.get("params").fields().forEachRemaining(e ->
        out.println("  " + e.getKey() + " = " + Json.line(e.getValue())));
    out.println("  train_loss = " + Json.line(summary.get("train_loss")));
    out.println("  val_loss   = " + Json.line(summary.get("val_loss")));
  }

  /** Runs {@code step}, turning a flag's IllegalArgumentException into a usage error. */
  private static <T> T usage(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Runs {@code step}, turning the runtime's IllegalArgumentException into a usage error. */
  private static <T> T configure(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException("error: " + e.getMessage());
    }
  }
}
