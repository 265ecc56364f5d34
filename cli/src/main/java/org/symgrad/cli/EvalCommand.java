package org.symgrad.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.ModelInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code symgrad eval}: how well a fitted model does on data with targets. */
@Command(name = "eval", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Score a fit (--init) on data with targets: loss, rmse, mae and r2 for "
        + "regression; loss, accuracy, log_loss and confusion (rows: true class, columns: "
        + "predicted) for classification (cross_entropy, bce_logits).")
final class EvalCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  FittedModelOptions fit;

  @Option(names = "--data", paramLabel = "TEST.csv",
      description = "The data, with the target column (default: the model's 'data' line).")
  Path data;

  @Option(names = "--json", description = "Print the scores as one JSON object.")
  boolean json;

  @Mixin
  QuietOption quiet;

  @Override
  public Integer call() {
    Fitted fitted = Fitted.load(fit.modelFile, fit.init);
    Dataset dataset = ModelFiles.data(fitted.definition(), fit.modelFile, data);
    double[] predictions = predictions(fitted, dataset);
    ObjectNode scores = scores(fitted, dataset, predictions);
    PrintWriter out = spec.commandLine().getOut();
    String notFinite = notFinite(predictions, fitted.info().outputs());
    if (notFinite != null && !quiet.quiet) {
      spec.commandLine().getErr().println(notFinite);
    }
    if (json) {
      out.println(Json.line(scores));
    } else {
      scores.fields().forEachRemaining(e ->
          out.println(e.getKey() + " = " + Json.line(e.getValue())));
    }
    return 0;
  }

  private static double[] predictions(Fitted fitted, Dataset dataset) {
    ModelInfo info = fitted.info();
    double[] predictions = new double[dataset.rows() * info.outputs()];
    fitted.model().predict(fitted.params(), dataset.batchFor(info, false), predictions);
    return predictions;
  }

  static ObjectNode scores(Fitted fitted, Dataset dataset, double[] predictions) {
    ModelInfo info = fitted.info();
    int rows = dataset.rows();
    int outputs = info.outputs();
    double[] target = dataset.column(info.target());
    Batch batch = dataset.batchFor(info, true);
    ObjectNode scores = Json.object();
    scores.put("rows", rows);
    scores.set("loss", Json.number(fitted.model().loss(fitted.params(), batch)));
    if (fitted.classifies()) {
      classification(scores, predictions, target, outputs, info.target());
    } else {
      regression(scores, predictions, target, outputs);
    }
    return scores;
  }

  // Why the scores are NaN, when a prediction is not finite (the model outside its domain,
  // as log of a negative input): the first such row, and how many there are.
  private static String notFinite(double[] predictions, int outputs) {
    int rows = predictions.length / outputs;
    int first = -1;
    int count = 0;
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < outputs; k++) {
        if (!Double.isFinite(predictions[r * outputs + k])) {
          first = first < 0 ? r : first;
          count++;
          break;
        }
      }
    }
    return count == 0 ? null : "note: the prediction is not finite on " + count + " of "
        + rows + " rows (the first is row " + (first + 1) + " of the data), so the "
        + "scores are not either; 'symgrad predict' shows each row's";
  }

  private static void regression(ObjectNode scores, double[] predictions, double[] target,
      int outputs) {
    if (outputs != 1) {
      return; // a vector output scored against one column: the loss says it all
    }
    int rows = target.length;
    double squares = 0;
    double absolute = 0;
    double mean = 0;
    for (int r = 0; r < rows; r++) {
      double error = predictions[r] - target[r];
      squares += error * error;
      absolute += Math.abs(error);
      mean += target[r];
    }
    mean /= rows;
    double total = 0;
    for (double y : target) {
      total += (y - mean) * (y - mean);
    }
    scores.set("rmse", Json.number(Math.sqrt(squares / rows)));
    scores.set("mae", Json.number(absolute / rows));
    // R² of a constant target is undefined: NaN, as scikit-learn's r2_score warns.
    scores.set("r2", Json.number(total == 0 ? Double.NaN : 1 - squares / total));
  }

  private static void classification(ObjectNode scores, double[] predictions, double[] target,
      int outputs, String targetName) {
    int rows = target.length;
    boolean binary = outputs == 1;
    int classes = binary ? 2 : outputs;
    long[][] confusion = new long[classes][classes];
    double logLoss = 0;
    int right = 0;
    for (int r = 0; r < rows; r++) {
      double y = target[r];
      if (y != Math.rint(y) || y < 0 || y >= classes) {
        throw new UsageException("eval: row " + (r + 1) + " of the data: target '"
            + targetName + "' is " + y + ", not a class 0.." + (classes - 1));
      }
      int truth = (int) y;
      int predicted;
      if (binary) {
        double z = predictions[r];
        predicted = z > 0 ? 1 : 0;
        // log(1 + e^z) - y z, without overflow: the bce_logits loss of the row
        logLoss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z;
      } else {
        predicted = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < outputs; k++) {
          double score = predictions[r * outputs + k];
          if (score > max) {
            max = score;
            predicted = k;
          }
        }
        double sum = 0;
        for (int k = 0; k < outputs; k++) {
          sum += Math.exp(predictions[r * outputs + k] - max);
        }
        logLoss += max + Math.log(sum) - predictions[r * outputs + truth];
      }
      confusion[truth][predicted]++;
      right += truth == predicted ? 1 : 0;
    }
    scores.set("accuracy", Json.number((double) right / rows));
    scores.set("log_loss", Json.number(logLoss / rows));
    ArrayNode matrix = scores.putArray("confusion");
    for (long[] row : confusion) {
      ArrayNode counts = matrix.addArray();
      for (long count : row) {
        counts.add(count);
      }
    }
  }
}
