package org.symgrad.cli;

import java.io.IOException;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.symgrad.io.OutputFiles;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.ModelInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code symgrad predict}: a fitted model's predictions for new data, as CSV. */
@Command(name = "predict", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Apply a fit (--init) to new data: the model's input columns, then pred "
        + "(pred0..predK-1 for K outputs, and class for a cross_entropy model), as CSV.")
final class PredictCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  FittedModelOptions fit;

  @Option(names = "--data", paramLabel = "NEW.csv",
      description = "The data: the model's input columns; the target is not needed "
          + "(default: the model's 'data' line).")
  Path data;

  @Option(names = "--out", paramLabel = "PRED.csv",
      description = "Write the predictions here (default: standard output).")
  Path out;

  @Mixin
  QuietOption quiet;

  @Override
  public Integer call() throws IOException {
    var definition = ModelFiles.model(fit.modelFile);
    Path dataFile = ModelFiles.dataFile(definition, fit.modelFile, data);
    Outputs.checkOne(fit.modelFile, dataFile, fit.init, "--out", out);
    Fitted fitted = Fitted.load(fit.modelFile, fit.init);
    Dataset dataset = ModelFiles.inputs(fitted.definition(), fit.modelFile, data);
    if (out == null) {
      PrintWriter stdout = spec.commandLine().getOut();
      write(fitted, dataset, stdout);
      stdout.flush();
    } else {
      try (OutputFiles.Pending file = OutputFiles.open(out, "--out")) {
        Writer writer = new java.io.OutputStreamWriter(file.stream(), StandardCharsets.UTF_8);
        write(fitted, dataset, writer);
        writer.flush();
        file.commit();
      }
    }
    return 0;
  }

  private static void write(Fitted fitted, Dataset dataset, Writer writer) throws IOException {
    ModelInfo info = fitted.info();
    List<String> inputs = info.inputColumns().stream().distinct().toList();
    int outputs = info.outputs();
    boolean classes = fitted.definition().targetClasses() > 0;
    List<String> header = new ArrayList<>();
    inputs.forEach(name -> header.add(CsvText.field(name)));
    for (int k = 0; k < outputs; k++) {
      header.add(outputs == 1 ? "pred" : "pred" + k);
    }
    if (classes) {
      header.add("class");
    }
    writer.write(String.join(",", header));
    writer.write('\n');
    int rows = dataset.rows();
    if (rows == 0) {
      return;
    }
    Batch batch = dataset.batchFor(info, false);
    double[] predictions = new double[rows * outputs];
    fitted.model().predict(fitted.params(), batch, predictions);
    double[][] columns = inputs.stream().map(dataset::column).toArray(double[][]::new);
    StringBuilder line = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      line.setLength(0);
      for (double[] column : columns) {
        line.append(column[r]).append(',');
      }
      int best = 0;
      for (int k = 0; k < outputs; k++) {
        double value = predictions[r * outputs + k];
        line.append(value).append(k + 1 < outputs || classes ? "," : "");
        if (value > predictions[r * outputs + best]) {
          best = k;
        }
      }
      if (classes) {
        line.append(best);
      }
      writer.append(line).append('\n');
    }
  }
}
