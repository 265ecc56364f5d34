package org.symgrad.compiler.second;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;

/** Data and finite differences for the second-order tests. */
final class Fixtures {
  private Fixtures() {}

  /**
   * The numeric columns of a CSV file with a header line; a column whose first value is not a
   * number (a group key such as {@code sensor06}) is left out.
   */
  static Dataset csv(Path file) {
    try {
      List<String> lines = Files.readAllLines(file).stream()
          .filter(line -> !line.isBlank()).toList();
      String[] header = lines.get(0).split(",");
      String[] first = lines.get(1).split(",");
      List<Integer> numeric = new ArrayList<>();
      for (int c = 0; c < header.length; c++) {
        if (isNumber(first[c].trim())) {
          numeric.add(c);
        }
      }
      List<String> names = numeric.stream().map(c -> header[c].trim()).toList();
      double[][] columns = new double[names.size()][lines.size() - 1];
      for (int r = 1; r < lines.size(); r++) {
        String[] cells = lines.get(r).split(",");
        for (int k = 0; k < numeric.size(); k++) {
          columns[k][r - 1] = Double.parseDouble(cells[numeric.get(k)].trim());
        }
      }
      return new Dataset(names, columns);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Every sample model with its data, as {@code samples/} holds them. */
  static List<Path> sampleModels() {
    try (var files = Files.walk(Path.of("../samples"))) {
      return files.filter(p -> p.toString().endsWith(".sg"))
          .filter(p -> !p.toString().contains("/src/")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The data a sample model names on its {@code data} line. */
  static Dataset sampleData(Path model, ModelDefinition definition) {
    return csv(model.resolveSibling(definition.data().orElseThrow()));
  }

  /** The model's inputs then its target, as the second-order kernels read them. */
  static Batch batch(CompiledModel model, Dataset data) {
    return data.batchFor(model.info(), true);
  }

  /** The objective's Hessian by central differences of the compiled gradient. */
  static double[] finiteDifferenceHessian(CompiledModel model, Batch batch, double[] x) {
    int p = x.length;
    double[] h = new double[p * p];
    double[] plus = new double[p];
    double[] minus = new double[p];
    for (int j = 0; j < p; j++) {
      double step = 1e-5 * Math.max(1, Math.abs(x[j]));
      double[] xp = x.clone();
      double[] xm = x.clone();
      xp[j] += step;
      xm[j] -= step;
      model.lossAndGradient(xp, batch, plus);
      model.lossAndGradient(xm, batch, minus);
      for (int i = 0; i < p; i++) {
        h[i * p + j] = (plus[i] - minus[i]) / ((xp[j] - xm[j]));
      }
    }
    return h;
  }

  /** Jacobian of the predictions (rows × p) by central differences of the compiled model. */
  static double[][] finiteDifferenceJacobian(CompiledModel model, Batch batch, double[] x) {
    int rows = batch.size();
    int p = x.length;
    double[][] j = new double[rows][p];
    double[] plus = new double[rows];
    double[] minus = new double[rows];
    for (int k = 0; k < p; k++) {
      double step = 1e-6 * Math.max(1, Math.abs(x[k]));
      double[] xp = x.clone();
      double[] xm = x.clone();
      xp[k] += step;
      xm[k] -= step;
      model.predict(xp, batch, plus);
      model.predict(xm, batch, minus);
      for (int r = 0; r < rows; r++) {
        j[r][k] = (plus[r] - minus[r]) / (xp[k] - xm[k]);
      }
    }
    return j;
  }

  /** The exact objective Hessian from the compiled kernels, full and symmetric. */
  static double[] compiledHessian(ModelDefinition definition, CompiledModel model, Batch batch,
      double[] x) {
    CompiledModel hessian = Symgrad.compileHessian(definition);
    var objective = new org.symgrad.runtime.optim.lsq.CompiledObjective(model, hessian, batch);
    int p = x.length;
    double[] h = new double[p * p];
    objective.derivatives(x, new double[p], h);
    for (int i = 0; i < p; i++) {
      for (int k = 0; k < i; k++) {
        h[i * p + k] = h[k * p + i];
      }
    }
    return h;
  }

  /** Parameters near the model's start, with every entry moved a little, seeded. */
  static double[] near(double[] start, long seed) {
    java.util.Random random = new java.util.Random(seed);
    double[] x = start.clone();
    for (int i = 0; i < x.length; i++) {
      x[i] += 0.1 * random.nextGaussian() * Math.max(1, Math.abs(x[i]));
    }
    return x;
  }

  static List<String> names(List<Path> paths) {
    List<String> names = new ArrayList<>();
    paths.forEach(p -> names.add(p.toString()));
    return names;
  }
}
