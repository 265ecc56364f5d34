package org.symgrad.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
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

  @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "sgd",
      description = "A torch.optim class name, any case, or lm / newton (second order) "
          + "(default: ${DEFAULT-VALUE}).")
  String optimizer;

  @Option(names = "--lr", paramLabel = "RATE",
      description = "Learning rate (default: the optimizer's PyTorch default; 0.01 for SGD).")
  Double lr;

  @Option(names = "--opt", paramLabel = "NAME=VALUE",
      description = "An optimizer argument by its PyTorch name: momentum=0.9, "
          + "betas=0.9,0.999, line_search_fn=strong_wolfe. Repeatable.")
  List<String> optimizerOptions = new ArrayList<>();

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "5000",
      description = "Epochs to run (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--batch-size", paramLabel = "N",
      description = "Rows per step, shuffled each epoch (default: the whole training set).")
  Integer batchSize;

  @Option(names = "--val-fraction", paramLabel = "F",
      description = "Fraction of rows held out for validation (default: 0.2, or 0 when the "
          + "data has fewer than 5 rows).")
  Double valFraction;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Seed of the split, shuffles and initialisers (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--scheduler", paramLabel = "SPEC",
      description = "A learning-rate scheduler: \"StepLR:step_size=10,gamma=0.5\", "
          + "\"MultiStepLR:milestones=[5,15],gamma=0.1\".")
  String scheduler;

  @Option(names = "--early-stopping", paramLabel = "P",
      description = "Stop when the validation loss has not improved for P epochs, and keep "
          + "the best parameters.")
  Integer patience;

  @Option(names = "--log-every", paramLabel = "N", defaultValue = "500",
      description = "Print the losses every N epochs, besides the first three "
          + "(default: ${DEFAULT-VALUE}).")
  int logEvery;

  @Option(names = "--input-noise", paramLabel = "SIGMA", defaultValue = "0",
      description = "Gaussian noise added to the training inputs each epoch, seeded.")
  double inputNoise;

  @Option(names = "--plot", paramLabel = "FILE.png", description = "Plot both loss curves.")
  Path plot;

  @Option(names = "--save", paramLabel = "FILE.json",
      description = "Save parameters and optimizer state, to resume with --init.")
  Path save;

  @Option(names = "--init", paramLabel = "FILE.json",
      description = "Start from saved parameters; a --save file resumes its fit exactly.")
  Path init;

  @Option(names = "--threads", paramLabel = "N",
      description = "Sum the gradient pass in fixed chunks of 4096 rows on N threads, with "
          + "the same result for every N, 1 included (default: the one fused loop on one "
          + "thread, the fastest there).")
  Integer threads;

  @Option(names = "--json", description = "Print the result as one JSON line, last.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    checkRanges();
    if (SecondOrderFit.handles(optimizer)) {
      return new SecondOrderFit(this).run(optimizerArguments());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ModelDefinition definition = ModelFiles.model(modelFile);
    Dataset dataset = ModelFiles.data(definition, modelFile, data);
    CompiledModel model = Symgrad.compile(definition);
    ModelInfo info = model.info();
    if (threads != null && !(model instanceof ChunkedKernels)) {
      err.println(SplitModelNote.of(modelFile, threads));
    }

    Optimizer optim = configure(() -> Optimizers.create(optimizer, info.parameterCount(),
        optimizerArguments()));
    JsonNode initial = init == null ? null : readJson(init);
    TrainingResult result;
    try (ProgressListener progress = new ProgressListener("fit " + definition.name())) {
      Trainer trainer = new Trainer(configure(() -> trainerOptions(out, progress)));
      if (initial != null && CheckpointFile.isCheckpoint(initial)) {
        TrainingCheckpoint checkpoint = CheckpointFile.read(initial, info, init.toString());
        result = configure(() -> trainer.resume(model, dataset, checkpoint, optim));
      } else {
        double[] start = initial == null ? info.initialParameters(seed)
            : org.symgrad.cli.Parameters.fromJson(initial.get("params"), info, init.toString());
        result = configure(() -> trainer.fit(model, dataset, start, optim));
      }
    }

    if (save != null) {
      CheckpointFile.save(save, info, result.checkpoint());
    }
    if (plot != null) {
      LossPlot.write(plot, definition.name(), result.history());
    }
    report(result, info, out);
    if (result.stopReason() == StopReason.DIVERGED) {
      err.println(DivergenceMessage.of(result, lr != null ? lr : optim.learningRate(),
          modelFile));
      return Main.DIVERGED;
    }
    return 0;
  }

  private void checkRanges() {
    if (epochs < 0) {
      throw new UsageException("--epochs " + epochs + ": must be 0 or more");
    }
    if (batchSize != null && batchSize < 1) {
      throw new UsageException("--batch-size " + batchSize + ": must be at least 1");
    }
    if (patience != null && patience < 1) {
      throw new UsageException("--early-stopping " + patience + ": must be at least 1 epoch");
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
    if (valFraction != null && !(valFraction >= 0 && valFraction < 1)) {
      throw new UsageException("--val-fraction " + valFraction + ": must be in [0, 1): the "
          + "fraction of rows held out for validation");
    }
  }

  private Map<String, String> optimizerArguments() {
    Map<String, String> arguments = new LinkedHashMap<>();
    for (String option : optimizerOptions) {
      int equals = option.indexOf('=');
      if (equals <= 0) {
        throw new UsageException("--opt " + option + ": expected NAME=VALUE, as in momentum=0.9");
      }
      String name = option.substring(0, equals).trim();
      if (arguments.put(name, option.substring(equals + 1).trim()) != null) {
        throw new UsageException("--opt " + name + " is given twice");
      }
    }
    if (lr != null) {
      if (arguments.containsKey("lr")) {
        throw new UsageException("the learning rate is given twice: --lr and --opt lr=…");
      }
      arguments.put("lr", Double.toString(lr));
    }
    return arguments;
  }

  private TrainerOptions trainerOptions(PrintWriter out, ProgressListener progress) {
    TrainerOptions.Builder options = TrainerOptions.builder()
        .epochs(epochs)
        .seed(seed)
        .logEvery(logEvery)
        .inputNoise(inputNoise)
        .listener(EpochListener.logLines(line -> {
          out.println(line);
          out.flush();
        }));
    if (ProgressListener.wanted(json)) {
      options.listener(progress);
    }
    if (threads != null) {
      options.threads(threads);
    }
    if (valFraction != null) {
      options.validationFraction(valFraction);
    }
    if (batchSize != null) {
      options.batchSize(batchSize);
    }
    if (patience != null) {
      options.earlyStopping(patience);
    }
    if (scheduler != null) {
      SchedulerSpec spec = SchedulerSpec.parse(scheduler);
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
    summary.get("params").fields().forEachRemaining(e ->
        out.println("  " + e.getKey() + " = " + e.getValue()));
    out.println("  train_loss = " + summary.get("train_loss"));
    out.println("  val_loss   = " + summary.get("val_loss"));
  }

  private static JsonNode readJson(Path file) {
    try {
      return Json.MAPPER.readTree(Files.readString(file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UsageException(file + ": error: no such file");
    } catch (IOException e) {
      throw new UsageException(file + ": error: not valid JSON: " + e.getMessage());
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
